#include "app/gui/design_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/proportionality_report.h"
#include "app/core/workbook_state.h"
#include "app/gui/errors.h"
#include "app/gui/list_rows.h"

namespace gui {

namespace {

// "From the design" first: the regime the officer stated; the others try the design under another.
const char* const regimes[] = {"", "central", "local", "scotland", "wales"};

wxColour severity_colour(scoring::FindingSeverity severity) {
    switch (severity) {
        case scoring::FindingSeverity::error: return wxColour(248, 203, 196);
        case scoring::FindingSeverity::warning: return wxColour(253, 235, 190);
        case scoring::FindingSeverity::advice: return wxColour(222, 235, 247);
    }
    return *wxWHITE;
}

std::string hours(double h) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", h);
    return text;
}

}  // namespace

DesignPage::DesignPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::design) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, "&Regime:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    regime_ = new wxChoice(this, wxID_ANY);
    regime_->SetName("design_regime");
    regime_->Append("As the design states");
    for (std::size_t i = 1; i < std::size(regimes); ++i) regime_->Append(regimes[i]);
    regime_->SetSelection(0);
    regime_->SetToolTip("Which rules apply: central government (PPN 002's social value minimum), local, "
                        "Scotland or Wales; thresholds such as the minimum tender period follow it");
    top->Add(regime_, 0, wxRIGHT, 16);
    counts_ = new wxStaticText(this, wxID_ANY, "");
    counts_->SetName("design_counts");
    top->Add(counts_, 1, wxALIGN_CENTER_VERTICAL);
    export_ = new wxButton(this, wxID_ANY, "E&xport the report...");
    export_->SetName("design_export");
    top->Add(export_, 0);
    content()->Add(top, 0, wxEXPAND | wxBOTTOM, 6);

    findings_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 260), wxLC_REPORT | wxLC_SINGLE_SEL);
    findings_->SetName("design_findings");
    add_columns(findings_, {{"Severity", 80}, {"Rule", 170}, {"Finding", 330}, {"Lot", 50}, {"Criterion", 80},
                            {"Numbers", 330}});
    content()->Add(findings_, 1, wxEXPAND | wxBOTTOM, 6);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, "The selected finding: basis, numbers and what to do"), 0);
    detail_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 150), wxTE_MULTILINE | wxTE_READONLY);
    detail_->SetName("design_detail");
    left->Add(detail_, 1, wxEXPAND | wxBOTTOM, 4);
    go_ = new wxButton(this, wxID_ANY, "Show the &criterion");
    go_->SetName("design_go_criterion");
    go_->SetToolTip("Open the Framework page at the criterion this finding concerns (Enter in the list)");
    left->Add(go_, 0);
    bottom->Add(left, 1, wxEXPAND | wxRIGHT, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, "In plain words, and the effort it asks"), 0);
    summary_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 150), wxTE_MULTILINE | wxTE_READONLY);
    summary_->SetName("design_summary");
    right->Add(summary_, 1, wxEXPAND);
    bottom->Add(right, 1, wxEXPAND);
    content()->Add(bottom, 0, wxEXPAND);

    regime_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
    findings_->Bind(wxEVT_LIST_ITEM_SELECTED, &DesignPage::on_select, this);
    findings_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { show_criterion(); });
    go_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_criterion(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog save(this, "Export the design check", "", "design-check.xlsx", "Excel workbooks (*.xlsx)|*.xlsx",
                          wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (save.ShowModal() == wxID_OK) export_report(utf8(save.GetPath()));
    });
}

void DesignPage::refresh() {
    report_.reset();
    selected_ = -1;
    findings_->DeleteAllItems();
    detail_->Clear();
    summary_->Clear();
    counts_->SetLabel("");
    go_->Enable(false);
    export_->Enable(false);
    core::TenderState state(session().workbook().db());
    framework_ = state.framework();
    if (!framework_->design) {
        show_message("This tender's framework states no tender design, so there is nothing to check. The design "
                     "data (value, procedure, tender period, lots, conditions, limits) is described in "
                     "docs/formats.md section 5; every template carries one.");
        return;
    }
    const auto regime = core::proportionality_regime(*framework_->design, regimes[std::max(0, regime_->GetSelection())]);
    settings_ = core::proportionality_settings(regime);
    report_ = core::check_framework_design(*framework_, *settings_, session().path().filename().string());
    fill();
}

void DesignPage::fill() {
    for (const auto& f : report_->findings) {
        const long row = findings_->GetItemCount();
        set_row(findings_, row, {wx(scoring::to_string(f.severity)), wx(f.rule), wx(f.title), wx(f.lot),
                                 wx(f.criterion), wx(f.numbers)});
        findings_->SetItemBackgroundColour(row, severity_colour(f.severity));
    }
    counts_->SetLabel(wxString::Format("Under %s rules: %zu errors, %zu warnings, %zu advice",
                                       wx(scoring::to_string(report_->regime)),
                                       report_->count(scoring::FindingSeverity::error),
                                       report_->count(scoring::FindingSeverity::warning),
                                       report_->count(scoring::FindingSeverity::advice)));
    const auto& b = report_->burden;
    std::string text = report_->summary + "\n\nOne bid takes a bidder about " + hours(b.bidder_hours) + " hours.";
    if (b.panel_stated)
        text += " Scoring " + std::to_string(b.expected_bids) + " expected bids takes the panel of " +
                std::to_string(b.evaluators) + " about " + hours(b.panel_hours) + " hours (" +
                hours(b.panel_hours_per_evaluator) + " each, at " + hours(b.minutes_per_answer) +
                " minutes an answer).";
    summary_->ChangeValue(wx(text));
    export_->Enable(true);
}

const scoring::Finding* DesignPage::selected() const {
    if (!report_ || selected_ < 0 || static_cast<std::size_t>(selected_) >= report_->findings.size()) return nullptr;
    return &report_->findings[static_cast<std::size_t>(selected_)];
}

void DesignPage::on_select(wxListEvent& event) {
    selected_ = event.GetIndex();
    const auto* f = selected();
    if (f == nullptr) return;
    detail_->ChangeValue(wx(f->title + "\n\nBasis: " + f->basis + "\nNumbers: " + f->numbers + "\nWhat to do: " + f->fix));
    go_->Enable(!f->criterion.empty() || !f->lot.empty());
}

void DesignPage::show_criterion() {
    const auto* f = selected();
    if (f == nullptr || (f->criterion.empty() && f->lot.empty())) return;
    session().show(PageId::framework, f->lot, f->criterion);
}

bool DesignPage::export_report(const std::filesystem::path& out) {
    if (!report_) return false;
    try {
        core::write_proportionality_workbook(out, *framework_, *settings_, *report_);
        show_message("Wrote the design check to " + wx(out.string()));
        return true;
    } catch (...) {
        show_error(std::current_exception());
        return false;
    }
}

}  // namespace gui
