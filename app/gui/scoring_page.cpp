#include "app/gui/scoring_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/gauge.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/workbook_commands.h"
#include "app/gui/errors.h"
#include "app/gui/list_rows.h"

namespace gui {

namespace ss = core::score_sheet;

namespace {

std::string recorded_text(const ss::Item& item) {
    if (!item.recorded) return "";
    return item.recorded->score ? ss::number_text(*item.recorded->score) : std::string("abstained");
}

enum : int { save_id = wxID_HIGHEST + 200, next_id };

}  // namespace

ScoringPage::ScoringPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::scoring) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    progress_ = new wxStaticText(this, wxID_ANY, "");
    progress_->SetName("scoring_progress");
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(220, -1));
    gauge_->SetName("scoring_gauge");
    unscored_only_ = new wxCheckBox(this, wxID_ANY, "Show &unscored only");
    unscored_only_->SetName("unscored_only");
    top->Add(progress_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    top->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 20);
    top->Add(unscored_only_, 0, wxALIGN_CENTER_VERTICAL);
    content()->Add(top, 0, wxEXPAND | wxBOTTOM, 6);

    wxSizer* editor = nullptr;
    list_ = add_list_and_editor(this, content(), "scoring_list",
                                {{"Bid", 60}, {"Bidder", 170}, {"Question", 70}, {"Asks", 150}, {"Score", 70},
                                 {"Justification", 220}},
                                editor);
    build_editor(editor);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, &ScoringPage::on_select, this);
    unscored_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill_list(); });
    // Ctrl+Enter saves from anywhere on the page; Ctrl+J jumps to the next unscored item.
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_CTRL, WXK_RETURN, save_id),
                                 wxAcceleratorEntry(wxACCEL_CTRL, 'J', next_id)};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { save(); }, save_id);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_unscored(); }, next_id);
}

void ScoringPage::build_editor(wxSizer* editor) {
    question_ = new wxStaticText(this, wxID_ANY, "Choose a bid and question on the left.");
    question_->SetName("question_text");
    editor->Add(question_, 0, wxEXPAND | wxBOTTOM, 6);
    editor->Add(new wxStaticText(this, wxID_ANY, "Sca&le points:"), 0);
    points_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 120));
    points_->SetName("scale_points");
    editor->Add(points_, 0, wxEXPAND | wxBOTTOM, 4);
    descriptor_ = new wxStaticText(this, wxID_ANY, "");
    descriptor_->SetName("point_descriptor");
    editor->Add(descriptor_, 0, wxEXPAND | wxBOTTOM, 6);
    auto* value_row = new wxBoxSizer(wxHORIZONTAL);
    value_row->Add(new wxStaticText(this, wxID_ANY, "Sc&ore:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    value_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(80, -1));
    value_->SetName("score_value");
    value_->SetToolTip("A point of the scale, or a value between two points when the scale allows it");
    value_row->Add(value_, 0);
    editor->Add(value_row, 0, wxBOTTOM, 6);
    editor->Add(new wxStaticText(this, wxID_ANY, "&Justification (required; for an abstention, the reason):"), 0);
    justification_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 140), wxTE_MULTILINE);
    justification_->SetName("justification");
    editor->Add(justification_, 1, wxEXPAND | wxBOTTOM, 6);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    save_ = new wxButton(this, wxID_ANY, "&Save score");
    save_->SetName("save_score");
    save_->SetToolTip("Record this score with its justification (Ctrl+Enter)");
    abstain_ = new wxButton(this, wxID_ANY, "A&bstain");
    abstain_->SetName("abstain");
    abstain_->SetToolTip("Record that you abstain on this question, the justification box giving the reason");
    auto* next = new wxButton(this, wxID_ANY, "&Next unscored");
    next->SetName("next_unscored");
    next->SetToolTip("Ctrl+J");
    buttons->Add(save_, 0, wxRIGHT, 6);
    buttons->Add(abstain_, 0, wxRIGHT, 6);
    buttons->Add(next, 0);
    editor->Add(buttons, 0);
    points_->Bind(wxEVT_LISTBOX, &ScoringPage::on_point, this);
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    abstain_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { abstain(); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next_unscored(); });
}

void ScoringPage::refresh() {
    items_.clear();
    list_->DeleteAllItems();
    shown_.clear();
    progress_->SetLabel("");
    gauge_->SetValue(0);
    state_ = std::make_unique<core::TenderState>(session().workbook().db());
    const auto me = state_->evaluator(session().actor());
    if (!me) throw core::Refused("actor", session().actor() + " is not on this tender's panel");
    items_ = ss::scoring_items(*state_, *me);
    std::size_t scored = 0;
    for (const auto& item : items_) scored += item.recorded ? 1 : 0;
    progress_->SetLabel(wxString::Format("Scored %zu of %zu assigned", scored, items_.size()));
    gauge_->SetRange(static_cast<int>(std::max<std::size_t>(1, items_.size())));
    gauge_->SetValue(static_cast<int>(scored));
    fill_list();
}

void ScoringPage::fill_list() {
    list_->DeleteAllItems();
    shown_.clear();
    const auto& lot = session().lot();
    long select = -1;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const auto& item = items_[i];
        if (!lot.empty() && item.bid.lot != lot) continue;
        if (unscored_only_->GetValue() && item.recorded) continue;
        const long row = list_->GetItemCount();
        set_row(list_, row, {wx(item.bid.id), wx(item.bid.bidder), wx(item.question->id), wx(item.question->name),
                             wx(recorded_text(item)), item.recorded ? wx(item.recorded->justification) : wxString()});
        shown_.push_back(i);
        if (current_ && current_->first == item.bid.id && current_->second == item.question->id) select = row;
    }
    if (select >= 0) {
        list_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(select);
    }
}

const ss::Item* ScoringPage::selected() const {
    if (!current_) return nullptr;
    for (const auto& item : items_)
        if (item.bid.id == current_->first && item.question->id == current_->second) return &item;
    return nullptr;
}

void ScoringPage::on_select(wxListEvent& event) {
    const auto row = static_cast<std::size_t>(event.GetIndex());
    if (row >= shown_.size()) return;
    const auto& item = items_[shown_[row]];
    const auto key = std::make_pair(item.bid.id, item.question->id);
    if (current_ == key) return;  // the same item again (a refresh): keep what is being typed
    current_ = key;
    show_item();
}

void ScoringPage::show_item() {
    const auto* item = selected();
    points_->Clear();
    descriptor_->SetLabel("");
    if (item == nullptr) return;
    question_->SetLabel(wx(item->bid.id + " " + item->bid.bidder + "\n" + item->question->id + " " +
                           item->question->name + (item->question->description.empty() ? "" : ": ") +
                           item->question->description));
    question_->Wrap(std::max(300, GetClientSize().GetWidth() / 3));
    for (const auto& p : item->scale->points)
        points_->Append(wx(ss::number_text(p.value) + " - " + p.label));
    value_->ChangeValue(item->recorded && item->recorded->score ? wx(ss::number_text(*item->recorded->score)) : "");
    justification_->ChangeValue(item->recorded ? wx(item->recorded->justification) : wxString());
    if (item->recorded && item->recorded->score)
        for (std::size_t i = 0; i < item->scale->points.size(); ++i)
            if (item->scale->points[i].value == *item->recorded->score) {
                points_->SetSelection(static_cast<int>(i));
                descriptor_->SetLabel(wx(item->scale->points[i].descriptor));
            }
    abstain_->Enable(item->abstention_allowed);
    descriptor_->Wrap(std::max(300, GetClientSize().GetWidth() / 3));
    Layout();
}

void ScoringPage::on_point(wxCommandEvent& event) {
    const auto* item = selected();
    const int i = event.GetSelection();
    if (item == nullptr || i < 0 || static_cast<std::size_t>(i) >= item->scale->points.size()) return;
    const auto& point = item->scale->points[static_cast<std::size_t>(i)];
    value_->ChangeValue(wx(ss::number_text(point.value)));
    descriptor_->SetLabel(wx(point.label + ": " + point.descriptor));
    descriptor_->Wrap(std::max(300, GetClientSize().GetWidth() / 3));
    Layout();
}

void ScoringPage::save() {
    const auto* item = selected();
    if (item == nullptr) {
        show_message("Choose a bid and question to score first.");
        return;
    }
    double value = 0;
    if (!value_->GetValue().ToCDouble(&value)) {
        show_message("The score \"" + value_->GetValue() + "\" is not a number: choose a point of the scale.");
        value_->SetFocus();
        return;
    }
    const auto bid = item->bid.id;
    const auto criterion = item->question->id;
    const auto text = utf8(justification_->GetValue());
    perform([&](core::Workbook& wb, const std::string& actor) { return core::score(wb, actor, bid, criterion, value, text); },
            wx("Recorded " + ss::number_text(value) + " for " + bid + " on " + criterion));
}

void ScoringPage::abstain() {
    const auto* item = selected();
    if (item == nullptr) return;
    const auto bid = item->bid.id;
    const auto criterion = item->question->id;
    const auto reason = utf8(justification_->GetValue());
    perform([&](core::Workbook& wb, const std::string& actor) { return core::abstain(wb, actor, bid, criterion, reason); },
            wx("Recorded your abstention on " + bid + " " + criterion));
}

void ScoringPage::next_unscored() {
    for (std::size_t row = 0; row < shown_.size(); ++row) {
        if (items_[shown_[row]].recorded) continue;
        list_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(static_cast<long>(row));
        value_->SetFocus();
        return;
    }
    show_message("Every question assigned to you here is scored.");
}

}  // namespace gui
