#include "app/gui/results_page.h"

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include "app/core/workbook_reads.h"
#include "app/gui/errors.h"
#include "app/gui/marks_chart.h"
#include "app/gui/what_if_panel.h"
#include "scoring/money.h"

namespace gui {

namespace {

enum Column {
    col_rank, col_bid, col_bidder, col_price, col_price_marks, col_quality, col_social, col_total, col_flags, col_award
};

const wxColour what_if_background(255, 248, 196);  // a pale form of the banner's yellow

std::string flags_text(const scoring::BidResult& bid) {
    std::string out;
    for (const auto& f : bid.flags) {
        if (!out.empty()) out += "; ";
        out += f.detail.empty() ? f.code : f.code + ": " + f.detail;
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// The tie-break record in words: which bids tied, what decided, the order, the seed if lots.
std::string ties_text(const scoring::LotResult& result, int precision) {
    if (result.tie_breaks.empty())
        return "Tie-breaks: none; no two bids in contention have equal totals at " + std::to_string(precision) +
               " decimal places.";
    std::string out = "Tie-breaks:";
    for (const auto& t : result.tie_breaks) {
        out += "\n  " + join(t.bids) + " tied; decided by " + t.rule + "; order " + join(t.order);
        if (t.seed) out += "; lots drawn with seed " + std::to_string(*t.seed);
        out += ".";
    }
    return out;
}

}  // namespace

ResultsPage::ResultsPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::results) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    toggle_ = new wxToggleButton(this, wxID_ANY, "&What-if");
    toggle_->SetName("what_if_toggle");
    toggle_->SetToolTip("Try other top-level weights and see the ranking change; the tender is not changed");
    top->Add(toggle_, 0, wxRIGHT, 8);
    hint_ = new wxStaticText(this, wxID_ANY, "");
    hint_->SetName("results_hint");
    top->Add(hint_, 1, wxALIGN_CENTER_VERTICAL);
    content()->Add(top, 0, wxEXPAND | wxBOTTOM, 6);

    what_if_panel_ = new WhatIfPanel(this, [this](const std::string& lot, const scoring::GroupWeights& weights) {
        try_weights(lot, weights);
    });
    what_if_panel_->SetName("what_if_panel");
    what_if_panel_->Hide();
    content()->Add(what_if_panel_, 0, wxEXPAND | wxBOTTOM, 6);

    lots_ = new wxScrolledWindow(this, wxID_ANY);
    lots_->SetName("results_lots");
    lots_->SetScrollRate(0, 16);
    lots_->SetSizer(new wxBoxSizer(wxVERTICAL));
    content()->Add(lots_, 1, wxEXPAND);

    toggle_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { set_what_if(toggle_->GetValue()); });
}

void ResultsPage::clear() {
    sections_.clear();
    lots_->GetSizer()->Clear(true);
    result_ = {};
    package_ = {};
    toggle_->Enable(false);
    what_if_panel_->Hide();  // shown again once there is a result to try weights on
    hint_->SetLabel("");
}

void ResultsPage::refresh() {
    clear();
    auto& s = session();
    // The core decides who may see results and when (prices open; officer or moderator, or
    // anyone from award on): its refusal reaches the message bar with the rule.
    package_ = core::package_for_evaluation(s.workbook(), s.actor());
    core::EvaluateOptions options;
    if (!s.lot().empty()) options.lot = s.lot();
    result_ = core::evaluate_package(package_, options);
    for (const auto& lot : result_.lots) add_section(lot);

    std::vector<WhatIfLot> lots;
    for (const auto& r : result_.lots)
        if (const auto* lot = package_.framework.lot(r.lot_id))
            lots.push_back({r.lot_id, r.lot_name, scoring::declared_weights(*lot)});
    what_if_panel_->set_lots(std::move(lots));
    toggle_->Enable(!result_.lots.empty());
    hint_->SetLabel(what_if_ ? "What-if mode: the sections of the lot being tried show a re-ranking, not the result."
                             : "The ranking evaluated from the recorded scores, prices and decisions.");
    what_if_panel_->Show(what_if_);
    if (what_if_) try_weights(what_if_panel_->lot(), what_if_panel_->weights());
    lots_->FitInside();
}

void ResultsPage::add_section(const scoring::LotResult& result) {
    Section section;
    section.lot = result.lot_id;
    auto* sizer = lots_->GetSizer();
    section.heading = new wxStaticText(lots_, wxID_ANY, "");
    section.heading->SetName("results_heading_" + result.lot_id);
    section.heading->SetFont(section.heading->GetFont().Bold().Larger());
    // Small minimum widths: the sections scroll only vertically, so nothing may be wider than the page.
    section.heading->SetMinSize(wxSize(200, -1));
    sizer->Add(section.heading, 0, wxEXPAND | wxTOP | wxBOTTOM, 6);

    section.list = new wxListCtrl(lots_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    section.list->SetName("results_list_" + result.lot_id);
    section.list->AppendColumn("Rank", wxLIST_FORMAT_RIGHT, 50);
    section.list->AppendColumn("Bid", wxLIST_FORMAT_LEFT, 60);
    section.list->AppendColumn("Bidder", wxLIST_FORMAT_LEFT, 220);
    section.list->AppendColumn("Price", wxLIST_FORMAT_RIGHT, 110);
    section.list->AppendColumn("Price marks", wxLIST_FORMAT_RIGHT, 85);
    section.list->AppendColumn("Quality marks", wxLIST_FORMAT_RIGHT, 105);
    section.list->AppendColumn("Social value marks", wxLIST_FORMAT_RIGHT, 135);
    section.list->AppendColumn("Total", wxLIST_FORMAT_RIGHT, 70);
    section.list->AppendColumn("Flags", wxLIST_FORMAT_LEFT, 400);
    // Other award models rank by their own figure (Z, price per point, comparison price), not the total.
    const auto* lot = package_.framework.lot(result.lot_id);
    if (lot && lot->award.model != scoring::AwardModel::weighted_sum)
        section.list->AppendColumn(wx("Award figure (" + to_string(lot->award.model) + ")"), wxLIST_FORMAT_RIGHT, 170);
    // Header plus one line a bid: the whole ranking is visible without a scroll bar of its own.
    const int rows = std::max<int>(1, static_cast<int>(result.bids.size()));
    section.list->SetMinSize(wxSize(400, 34 + 26 * rows));
    sizer->Add(section.list, 0, wxEXPAND);

    section.ties = new wxStaticText(lots_, wxID_ANY, "");
    section.ties->SetName("tie_breaks_" + result.lot_id);
    sizer->Add(section.ties, 0, wxTOP | wxBOTTOM, 6);
    section.chart = new MarksChart(lots_);
    section.chart->SetName("marks_chart_" + result.lot_id);
    sizer->Add(section.chart, 0, wxEXPAND | wxBOTTOM, 12);
    sections_.push_back(std::move(section));
    fill(sections_.back(), result, false);
}

void ResultsPage::fill(Section& section, const scoring::LotResult& result, bool what_if) {
    section.shown = result;
    const auto* lot = package_.framework.lot(result.lot_id);
    const int precision = lot ? lot->rules.precision : 2;
    const auto marks = [precision](double v) { return wx(scoring::format_fixed(v, precision)); };
    // The what-if marker comes first, where a narrow window cannot cut it off.
    std::string heading = (what_if ? "WHAT-IF re-ranking of lot " : "Lot ") + result.lot_id + ": " + result.lot_name;
    if (lot)
        heading += "  (price method " + to_string(lot->price.method) + ", award " + to_string(lot->award.model) + ")";
    section.heading->SetLabel(wx(heading));

    auto* list = section.list;
    list->DeleteAllItems();
    list->SetBackgroundColour(what_if ? what_if_background : wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    std::vector<MarksBar> bars;
    long row = 0;
    for (const auto& bid : result.bids) {
        list->InsertItem(row, bid.rank ? wxString::Format("%d", *bid.rank) : wxString("out"));
        list->SetItem(row, col_bid, wx(bid.id));
        list->SetItem(row, col_bidder, wx(bid.bidder));
        list->SetItem(row, col_price, wx(scoring::format_money(bid.price)));
        list->SetItem(row, col_price_marks, marks(bid.price_marks));
        list->SetItem(row, col_quality, marks(bid.quality_marks));
        list->SetItem(row, col_social, marks(bid.social_value_marks));
        list->SetItem(row, col_total, bid.in_contention ? marks(bid.total) : wxString("-"));
        list->SetItem(row, col_flags, wx(flags_text(bid)));
        if (list->GetColumnCount() > col_award && bid.award_value)
            list->SetItem(row, col_award, wx(scoring::format_number(*bid.award_value)));
        ++row;
        if (bid.rank)
            bars.push_back({std::to_string(*bid.rank) + ". " + bid.id + " " + bid.bidder, bid.price_marks,
                            bid.quality_marks, bid.social_value_marks, bid.total});
    }
    list->Refresh();
    section.ties->SetLabel(wx(ties_text(result, precision)));
    section.ties->Wrap(std::max(300, lots_->GetClientSize().x - 20));
    section.chart->show(std::move(bars), precision, what_if);
}

const scoring::LotResult* ResultsPage::shown(const std::string& lot) const {
    for (const auto& s : sections_)
        if (s.lot == lot) return &s.shown;
    return nullptr;
}

void ResultsPage::set_what_if(bool on) {
    what_if_ = on && !result_.lots.empty();
    toggle_->SetValue(what_if_);
    what_if_panel_->Show(what_if_);
    if (what_if_) {
        what_if_panel_->reset();  // start from the tender's own weights
        hint_->SetLabel("What-if mode: the sections of the lot being tried show a re-ranking, not the result.");
    } else {
        show_real();
        hint_->SetLabel("The ranking evaluated from the recorded scores, prices and decisions.");
    }
    Layout();
    lots_->FitInside();
}

// Re-ranks one lot with the scoring library's reweight (exact, no scores re-read); the other
// lots show their real result. Nothing reaches the workbook.
void ResultsPage::try_weights(const std::string& lot_id, const scoring::GroupWeights& weights) {
    if (!what_if_) return;
    for (auto& section : sections_) {
        const scoring::LotResult* base = nullptr;
        for (const auto& r : result_.lots)
            if (r.lot_id == section.lot) base = &r;
        if (!base) continue;
        const auto* lot = package_.framework.lot(section.lot);
        if (section.lot != lot_id || !lot) {
            fill(section, *base, false);
            continue;
        }
        scoring::EvaluationOptions options;
        if (const auto it = package_.lots_seeds.find(lot_id); it != package_.lots_seeds.end())
            options.lots_seed = it->second;
        try {
            fill(section, scoring::reweight(*lot, *base, weights, options), true);
            if (message_is_error()) clear_message();
        } catch (...) {
            show_error(std::current_exception());  // e.g. a new tie that only drawing lots could break
        }
    }
    lots_->FitInside();
}

void ResultsPage::show_real() {
    for (auto& section : sections_)
        for (const auto& r : result_.lots)
            if (r.lot_id == section.lot) fill(section, r, false);
}

}  // namespace gui
