#include "app/gui/moderation_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/score_sheet.h"
#include "app/core/workbook_commands.h"
#include "app/gui/errors.h"
#include "app/gui/list_rows.h"

namespace gui {

namespace {

std::string number(double value) { return core::score_sheet::number_text(value); }

std::string scores_text(const core::ModerationItem& item) {
    std::string text;
    for (const auto& s : item.individual)
        text += (text.empty() ? "" : "   ") + s.evaluator + ": " + (s.score ? number(*s.score) : std::string("abstained"));
    return text;
}

// Agreement green, a spread of one point amber, divergent red: readable without colour too
// (the Spread column and the "divergent" mark say the same).
wxColour spread_colour(const core::ModerationItem& item) {
    if (item.spread.divergent) return wxColour(248, 203, 196);
    if (item.spread.spread > 0) return wxColour(253, 235, 190);
    return wxColour(214, 240, 214);
}

enum : int { record_id = wxID_HIGHEST + 300 };

}  // namespace

ModerationPage::ModerationPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::moderation) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    progress_ = new wxStaticText(this, wxID_ANY, "");
    progress_->SetName("moderation_progress");
    divergent_only_ = new wxCheckBox(this, wxID_ANY, "&Divergent items only");
    divergent_only_->SetName("divergent_only");
    auto* accept = new wxButton(this, wxID_ANY, "Accept in-&tolerance items");
    accept->SetName("accept_in_tolerance");
    accept->SetToolTip("Enhanced consensus: record every unmoderated item whose spread is within tolerance at its median");
    top->Add(progress_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 20);
    top->Add(divergent_only_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 20);
    top->Add(accept, 0);
    content()->Add(top, 0, wxEXPAND | wxBOTTOM, 6);

    wxSizer* editor = nullptr;
    list_ = add_list_and_editor(this, content(), "moderation_list",
                                {{"Bid", 60}, {"Question", 70}, {"Individual scores", 220}, {"Spread", 100},
                                 {"Median", 60}, {"Consensus", 80}},
                                editor);
    build_editor(editor);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, &ModerationPage::on_select, this);
    divergent_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill_list(); });
    accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept_in_tolerance(); });
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_CTRL, WXK_RETURN, record_id)};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { record(); }, record_id);
}

void ModerationPage::build_editor(wxSizer* editor) {
    question_ = new wxStaticText(this, wxID_ANY, "Choose an item on the left.");
    question_->SetName("moderation_question");
    editor->Add(question_, 0, wxEXPAND | wxBOTTOM, 6);
    editor->Add(new wxStaticText(this, wxID_ANY, "The panel's scores and justifications:"), 0);
    individual_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 160),
                                 wxTE_MULTILINE | wxTE_READONLY);
    individual_->SetName("individual_justifications");
    editor->Add(individual_, 1, wxEXPAND | wxBOTTOM, 6);
    editor->Add(new wxStaticText(this, wxID_ANY, "&Consensus score:"), 0);
    points_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 110));
    points_->SetName("consensus_points");
    editor->Add(points_, 0, wxEXPAND | wxBOTTOM, 6);
    editor->Add(new wxStaticText(this, wxID_ANY, "&Rationale (required: why the panel agreed this score):"), 0);
    rationale_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 100), wxTE_MULTILINE);
    rationale_->SetName("rationale");
    editor->Add(rationale_, 0, wxEXPAND | wxBOTTOM, 6);
    record_ = new wxButton(this, wxID_ANY, "Record &consensus");
    record_->SetName("record_consensus");
    record_->SetToolTip("Record the consensus score with its rationale (Ctrl+Enter)");
    editor->Add(record_, 0);
    record_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { record(); });
}

void ModerationPage::refresh() {
    items_.clear();
    list_->DeleteAllItems();
    shown_.clear();
    progress_->SetLabel("");
    state_ = std::make_unique<core::TenderState>(session().workbook().db());
    items_ = core::moderation_items(session().workbook(), session().actor());
    std::size_t agreed = 0;
    std::size_t divergent = 0;
    for (const auto& item : items_) {
        agreed += item.consensus ? 1 : 0;
        divergent += item.spread.divergent ? 1 : 0;
    }
    progress_->SetLabel(wxString::Format("Consensus recorded for %zu of %zu items (%zu divergent)", agreed,
                                         items_.size(), divergent));
    fill_list();
}

void ModerationPage::fill_list() {
    list_->DeleteAllItems();
    shown_.clear();
    const auto& lot = session().lot();
    long select = -1;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const auto& item = items_[i];
        if (divergent_only_->GetValue() && !item.spread.divergent) continue;
        if (!lot.empty()) {
            const auto bid = state_->bid(item.bid);
            if (bid && bid->lot != lot) continue;
        }
        const long row = list_->GetItemCount();
        set_row(list_, row, {wx(item.bid), wx(item.criterion), wx(scores_text(item)),
                             wx(number(item.spread.spread) + (item.spread.divergent ? " divergent" : "")),
                             wx(number(item.spread.median)),
                             item.consensus ? wx(number(item.consensus->score)) : wxString()});
        list_->SetItemBackgroundColour(row, spread_colour(item));
        shown_.push_back(i);
        if (current_ && current_->first == item.bid && current_->second == item.criterion) select = row;
    }
    if (select >= 0) {
        list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(select);
    }
}

const core::ModerationItem* ModerationPage::selected() const {
    if (!current_) return nullptr;
    for (const auto& item : items_)
        if (item.bid == current_->first && item.criterion == current_->second) return &item;
    return nullptr;
}

const scoring::Scale* ModerationPage::scale_of(const core::ModerationItem& item) {
    const auto bid = state_->bid(item.bid);
    if (!bid) return nullptr;
    const auto* q = state_->question(bid->lot, item.criterion);
    return q == nullptr ? nullptr : state_->framework().scale(q->scale_id);
}

void ModerationPage::on_select(wxListEvent& event) {
    const auto row = static_cast<std::size_t>(event.GetIndex());
    if (row >= shown_.size()) return;
    const auto& item = items_[shown_[row]];
    const auto key = std::make_pair(item.bid, item.criterion);
    if (current_ == key) return;  // reselected after a refresh: keep the rationale being typed
    current_ = key;
    show_item();
}

void ModerationPage::show_item() {
    const auto* item = selected();
    points_->Clear();
    if (item == nullptr) return;
    const auto bid = state_->bid(item->bid);
    const auto* q = bid ? state_->question(bid->lot, item->criterion) : nullptr;
    question_->SetLabel(wx(item->bid + (bid ? " " + bid->bidder : "") + "\n" + item->criterion +
                           (q ? " " + q->name : "")));
    std::string text;
    for (const auto& s : item->individual)
        text += s.evaluator + " (" + (s.score ? number(*s.score) : std::string("abstained")) + "): " + s.justification +
                "\n\n";
    individual_->ChangeValue(wx(text));
    const auto* scale = scale_of(*item);
    const double preset = item->consensus ? item->consensus->score : item->suggestion.value_or(-1e300);
    if (scale != nullptr)
        for (std::size_t i = 0; i < scale->points.size(); ++i) {
            const auto& p = scale->points[i];
            points_->Append(wx(number(p.value) + " - " + p.label + ": " + p.descriptor));
            if (p.value == preset) points_->SetSelection(static_cast<int>(i));
        }
    rationale_->ChangeValue(item->consensus ? wx(item->consensus->rationale) : wxString());
    Layout();
}

void ModerationPage::record() {
    const auto* item = selected();
    if (item == nullptr) {
        show_message("Choose an item to moderate first.");
        return;
    }
    const auto* scale = scale_of(*item);
    const int i = points_->GetSelection();
    if (scale == nullptr || i == wxNOT_FOUND) {
        show_message("Choose the consensus score from the scale.");
        points_->SetFocus();
        return;
    }
    const double value = scale->points[static_cast<std::size_t>(i)].value;
    const auto bid = item->bid;
    const auto criterion = item->criterion;
    const auto rationale = utf8(rationale_->GetValue());
    perform([&](core::Workbook& wb, const std::string& actor) {
        return core::moderate(wb, actor, bid, criterion, value, rationale);
    }, wx("Recorded the consensus " + number(value) + " for " + bid + " on " + criterion));
}

void ModerationPage::accept_in_tolerance() {
    perform([](core::Workbook& wb, const std::string& actor) { return core::accept_in_tolerance(wb, actor); },
            "Accepted every in-tolerance item at its median");
}

}  // namespace gui
