#include "app/gui/self_assess_frame.h"

#include <algorithm>

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/self_assessment_export.h"
#include "app/core/self_assessment_input.h"
#include "app/core/self_assessment_report.h"
#include "app/gui/errors.h"
#include "app/gui/self_assess_form.h"
#include "scoring/money.h"

namespace gui {

namespace {

wxButton* button(wxWindow* parent, const wxString& label, const wxString& name, const wxString& tip) {
    auto* b = new wxButton(parent, wxID_ANY, label);
    b->SetName(name);
    b->SetToolTip(tip);
    return b;
}

wxString failure(const wxString& doing, std::exception_ptr error) {
    const auto e = describe(error);
    return doing + "\n" + e.title + ":\n" + e.message;
}

wxString path_text(const std::filesystem::path& path) { return wx(path.string()); }

}  // namespace

SelfAssessFrame::SelfAssessFrame(wxWindow* parent)
    : wxFrame(parent, wxID_ANY, "Self-assess a bid - TenderBench", wxDefaultPosition, wxSize(1340, 860)),
      templates_(core::list_templates()) {
    SetName("self_assess_frame");
    if (auto* top = dynamic_cast<wxTopLevelWindow*>(parent)) SetIcons(top->GetIcons());
    auto* root = new wxPanel(this, wxID_ANY);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(build_top_bar(root), 0, wxEXPAND | wxALL, 8);
    // Created at about its final size so that the sash lands where asked: the form on the left,
    // the report (about 100 columns of text) on the right.
    auto* split = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxSize(1320, 640),
                                       wxSP_LIVE_UPDATE | wxSP_3DSASH);
    form_ = new SelfAssessForm(split);
    split->SplitVertically(form_, build_results(split), 610);
    split->SetMinimumPaneSize(240);
    split->SetSashGravity(0.4);
    sizer->Add(split, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    message_box_ = new wxTextCtrl(root, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 96),
                                  wxTE_MULTILINE | wxTE_READONLY);
    message_box_->SetName("sa_message");
    message_box_->SetToolTip("What happened last: what to do next, or every problem found, with the field it is in");
    sizer->Add(message_box_, 0, wxEXPAND | wxALL, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* assess_button = button(root, "&Assess", "sa_assess",
                                 "Check the form and project your bid through the buyer's method (Ctrl+Enter)");
    buttons->Add(assess_button, 0, wxRIGHT, 8);
    export_ = button(root, "Export to E&xcel...", "sa_export",
                     "Write this self-assessment to an Excel workbook: scores with live formulas, the competitors and "
                     "the conditions");
    export_->Disable();
    buttons->Add(export_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(root, wxID_CLOSE, "&Close"), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    root->SetSizer(sizer);

    assess_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { assess(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_export(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { assess(); }, assess_button->GetId());
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_save_answers(); }, wxID_SAVE);
    Bind(wxEVT_CLOSE_WINDOW, &SelfAssessFrame::on_close, this);
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_CTRL, WXK_RETURN, assess_button->GetId()),
                                 wxAcceleratorEntry(wxACCEL_CTRL, WXK_NUMPAD_ENTER, assess_button->GetId()),
                                 wxAcceleratorEntry(wxACCEL_CTRL, 'S', wxID_SAVE),
                                 wxAcceleratorEntry(wxACCEL_CTRL, 'W', wxID_CLOSE)};
    SetAcceleratorTable(wxAcceleratorTable(4, keys));
    // Any edit makes the report describe an older form (say so, and export only what is shown)
    // and leaves answers to save.
    const auto edited = [this] {
        changed_since_assessment();
        unsaved_ = true;
    };
    for (auto type : {wxEVT_TEXT, wxEVT_CHOICE, wxEVT_CHECKBOX})
        form_->Bind(type, [edited](wxCommandEvent& event) {
            edited();
            event.Skip();
        });
    form_->Bind(wxEVT_SPINCTRL, [edited](wxSpinEvent& event) {
        edited();
        event.Skip();
    });
    say("Choose the framework the buyer published: a bundled template, or open its framework file or tender "
        "package. Then score every question, give your price and the competitors you expect, and press Assess "
        "(Ctrl+Enter). Nothing here opens or changes a tender workbook.");
    CentreOnParent();
}

wxWindow* SelfAssessFrame::build_top_bar(wxWindow* parent) {
    auto* bar = new wxPanel(parent, wxID_ANY);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(bar, wxID_ANY, "&Framework:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    framework_choice_ = new wxChoice(bar, wxID_ANY, wxDefaultPosition, wxSize(380, -1));
    framework_choice_->SetName("sa_framework");
    framework_choice_->SetToolTip("A bundled framework template; use \"Open a framework or package\" for the "
                                  "framework the buyer published with the tender");
    for (const auto& t : templates_) framework_choice_->Append(wx(t.title + " (" + t.name + ")"));
    row->Add(framework_choice_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    auto* open = button(bar, "&Open a framework or package...", "sa_open_framework",
                        "The buyer's published framework (.xml) or a tender package folder (its framework.xml); a "
                        "tender workbook is never opened here");
    row->Add(open, 0, wxRIGHT, 16);
    row->Add(new wxStaticText(bar, wxID_ANY, "L&ot:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    lot_choice_ = new wxChoice(bar, wxID_ANY, wxDefaultPosition, wxSize(240, -1));
    lot_choice_->SetName("sa_lot");
    lot_choice_->SetToolTip("The lot you would bid for: its questions, weights and price method");
    row->Add(lot_choice_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    auto* load = button(bar, "&Load answers...", "sa_load",
                        "Fill the form from a self-assessment file (SELF.xml, docs/self_assessment.md), complete or "
                        "saved part-way");
    row->Add(load, 0, wxRIGHT, 6);
    auto* save = button(bar, "&Save answers...", "sa_save",
                        "Keep what you have typed, complete or not, in a self-assessment file to load again later or "
                        "give to tenderbench self-assess (Ctrl+S)");
    row->Add(save, 0);
    bar->SetSizer(row);

    framework_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        const auto i = static_cast<std::size_t>(event.GetSelection());
        if (i < templates_.size()) choose_template(templates_[i].name);
    });
    lot_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) show_lot(static_cast<std::size_t>(event.GetSelection()));
    });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_open_framework(); });
    load->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_load_answers(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_save_answers(); });
    return bar;
}

wxWindow* SelfAssessFrame::build_results(wxWindow* parent) {
    auto* panel = new wxPanel(parent, wxID_ANY);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    headline_ = new wxStaticText(panel, wxID_ANY, "");
    headline_->SetName("sa_headline");
    sizer->Add(headline_, 0, wxEXPAND | wxALL, 6);
    panel->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { show_headline(); });  // wrapped to the new width once the sizer has run
    });
    report_ = new wxTextCtrl(panel, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP | wxHSCROLL);
    report_->SetName("sa_report");
    report_->SetFont(wxFontInfo(9).Family(wxFONTFAMILY_TELETYPE));
    report_->SetToolTip("The full self-assessment: projected marks, thresholds, where to improve, against "
                        "competitors, conditions of participation");
    sizer->Add(report_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    panel->SetSizer(sizer);
    return panel;
}

bool SelfAssessFrame::choose_template(const std::string& name) {
    for (const auto& t : templates_)
        if (t.name == name) return load_framework(t.path);
    wxString names;
    for (const auto& t : templates_) names += (names.empty() ? "" : ", ") + wx(t.name);
    say("There is no bundled template \"" + wx(name) + "\"; the templates are: " +
        (names.empty() ? wxString("none found (see README)") : names));
    return false;
}

bool SelfAssessFrame::load_framework(const std::filesystem::path& framework_or_package) {
    std::vector<core::Diagnostic> warnings;
    scoring::Framework framework;
    try {
        framework = core::read_published_framework(framework_or_package, &warnings);
    } catch (...) {
        framework_choice_->SetSelection(framework_item_);  // still the framework the form shows
        say(failure("The framework was not loaded (" + path_text(framework_or_package) + "); the form is as it was.",
                    std::current_exception()));
        return false;
    }
    wxString notes;
    for (const auto& w : warnings) notes += "\n  " + wx(w.text());
    const auto bundled = std::find_if(templates_.begin(), templates_.end(),
                                      [&](const core::TemplateInfo& t) { return t.path == framework_or_package; });
    framework_item_ = static_cast<int>(bundled - templates_.begin());
    if (bundled == templates_.end()) {  // an opened file stands in the choice too, replacing any opened before
        const auto label = wx(framework.name) + " (" + path_text(framework_or_package) + ")";
        if (framework_choice_->GetCount() > templates_.size())
            framework_choice_->SetString(static_cast<unsigned>(templates_.size()), label);
        else
            framework_choice_->Append(label);
    }
    framework_choice_->SetSelection(framework_item_);
    return use_framework(std::move(framework), path_text(framework_or_package),
                         notes.empty() ? wxString() : "\nWarnings about the framework (ask the buyer):" + notes);
}

bool SelfAssessFrame::use_framework(scoring::Framework framework, const wxString& source, const wxString& warnings) {
    framework_ = std::move(framework);
    lot_choice_->Clear();
    for (const auto& l : framework_->lots) lot_choice_->Append(wx(l.id + " - " + l.name));
    lot_choice_->SetSelection(0);
    show_lot(0);
    say("Assessing against " + wx(framework_->name) + ", version " + wx(framework_->version) + " (" + source +
        "). Score every question, give your price and the competitors you expect, then press Assess (Ctrl+Enter)." +
        warnings);
    return true;
}

void SelfAssessFrame::show_lot(std::size_t index) {
    if (!framework_ || index >= framework_->lots.size()) return;
    lot_index_ = index;
    lot_choice_->SetSelection(static_cast<int>(index));
    form_->show_lot(*framework_, framework_->lots[index]);
    forget_assessment();
}

const scoring::Lot* SelfAssessFrame::lot() const {
    return framework_ && lot_index_ < framework_->lots.size() ? &framework_->lots[lot_index_] : nullptr;
}

bool SelfAssessFrame::load_answers(const std::filesystem::path& file) {
    if (!framework_) {
        say("Choose the framework the answers were written for first, then load them.");
        return false;
    }
    // With several lots the chosen one is passed, as --lot is; a file written for another lot
    // still loads and switches to its lot. Answers saved part-way load too (a draft).
    const auto draft = scoring::SelfAssessmentCheck::draft;
    const std::string chosen = framework_->lots.size() > 1 ? lot()->id : "";
    std::optional<scoring::SelfAssessment> read;
    std::exception_ptr problems;  // those with the lot chosen here are the ones to show
    try {
        read = core::read_self_assessment(file, *framework_, chosen, draft);
    } catch (...) {
        problems = std::current_exception();
    }
    if (!read && !chosen.empty()) {
        try {  // a file written for another lot loads as it is
            read = core::read_self_assessment(file, *framework_, "", draft);
        } catch (...) {  // it has problems there too: those with the chosen lot are shown
        }
    }
    if (!read) {
        say(failure("The answers were not loaded (" + path_text(file) + "); the form is as it was.", problems));
        return false;
    }
    const auto& input = *read;
    for (std::size_t i = 0; i < framework_->lots.size(); ++i)
        if (framework_->lots[i].id == input.lot && i != lot_index_) show_lot(i);
    form_->fill(input);
    forget_assessment();
    unsaved_ = false;
    answers_file_ = file;
    say("Loaded " + path_text(file) + ": " + how_complete(input));
    return true;
}

bool SelfAssessFrame::save_answers(const std::filesystem::path& file) {
    if (!framework_) {
        say("Nothing was saved: choose the framework first.");
        return false;
    }
    auto input = checked_form(scoring::SelfAssessmentCheck::draft, "Nothing was saved");
    if (!input) return false;
    if (framework_->lots.size() == 1) input->lot.clear();  // as a file for a one-lot framework is written
    try {
        core::write_self_assessment(*framework_, *input, file);
    } catch (...) {
        say(failure("Nothing was saved to " + path_text(file) + "; what you typed is still here.",
                    std::current_exception()));
        return false;
    }
    form_->clear_marks();
    unsaved_ = false;
    answers_file_ = file;
    say("Saved your answers to " + path_text(file) + ": " + how_complete(*input));
    return true;
}

// The form for the lot shown, read and checked as `check` asks; otherwise nothing, having marked
// the fields concerned and said "<nothing_done>: ..." with every problem.
std::optional<scoring::SelfAssessment> SelfAssessFrame::checked_form(scoring::SelfAssessmentCheck check,
                                                                     const wxString& nothing_done) {
    auto reading = form_->read(check);
    if (!reading.problems.empty()) {
        form_->mark(reading);
        wxString text = nothing_done + ": these fields cannot be read:";
        for (const auto& p : reading.problems) text += "\n  " + p;
        say(text);
        return std::nullopt;
    }
    auto& input = reading.input;
    input.lot = lot()->id;
    const auto problems = scoring::check_self_assessment(*framework_, input, check);
    if (!problems.empty()) {
        form_->mark(problems, input);
        wxString text = nothing_done + ": " + wxString::Format("%d", static_cast<int>(problems.size())) +
                        (problems.size() == 1 ? " problem" : " problems") + " to fix:";
        for (const auto& p : problems) text += "\n  " + form_->field_of(p, input) + ": " + wx(p.message);
        say(text);
        return std::nullopt;
    }
    return std::move(input);
}

// "7 of 9 questions scored; ..." and whether Assess can run on them yet.
wxString SelfAssessFrame::how_complete(scoring::SelfAssessment input) const {
    input.lot = lot()->id;
    const auto missing = scoring::check_self_assessment(*framework_, input).size();
    const auto text = wxString::Format("%d of %d questions scored for lot ", static_cast<int>(input.scores.size()),
                                       static_cast<int>(form_->question_count())) +
                      wx(lot()->id) + ". ";
    if (missing == 0) return text + "Press Assess (Ctrl+Enter) to see where you stand.";
    return text + wxString::Format("%d", static_cast<int>(missing)) +
           (missing == 1 ? " thing" : " things") + " still to complete before Assess; press Assess to see which.";
}

bool SelfAssessFrame::assess() {
    if (!framework_) {
        say("Nothing was assessed: choose the framework first.");
        return false;
    }
    auto input = checked_form(scoring::SelfAssessmentCheck::assessment, "Nothing was assessed");
    if (!input) return false;
    try {
        auto report = scoring::assess(*framework_, *input);
        assessed_ = Assessed{std::move(*input), std::move(report)};
    } catch (...) {
        say(failure("Nothing was assessed.", std::current_exception()));
        return false;
    }
    form_->clear_marks();
    stale_ = false;
    show_report();
    say("Assessed: " + wx(core::standing_words(assessed_->report.projected)) +
        ". The report is on the right; Export to Excel keeps it.");
    return true;
}

void SelfAssessFrame::show_report() {
    const core::SelfAssessmentView view{*framework_, assessed_->input, assessed_->report};
    report_->ChangeValue(wx(core::self_assessment_text(view)));
    const auto& r = assessed_->report;
    int not_met = 0;
    int unknown = 0;
    for (const auto& c : r.conditions) {
        not_met += c.status == scoring::ConditionCheck::Status::not_met;
        unknown += c.status == scoring::ConditionCheck::Status::unknown;
    }
    const std::string conditions =
        !r.design_stated ? "not stated in the framework; check the tender documents"
        : not_met > 0    ? std::to_string(not_met) + " NOT MET (see section 5)"
        : unknown > 0    ? std::to_string(unknown) + " cannot tell (see section 5)"
                         : "all met";
    const std::string text = "Standing: " + core::standing_words(r.projected) +
                             "\nHighest price that still wins: " + core::break_even_words(r.break_even) +
                             "\nQuality needed at " + scoring::format_money(r.quality_needed.price) + ": " +
                             core::quality_needed_words(r.quality_needed) +
                             "\nConditions of participation: " + conditions;
    headline_text_ = wx(text);
    show_headline();
    export_->Enable();
}

void SelfAssessFrame::show_headline() {
    headline_->SetLabelText(headline_text_);
    headline_->Wrap(std::max(240, headline_->GetParent()->GetClientSize().GetWidth() - 16));
    headline_->GetParent()->Layout();
}

void SelfAssessFrame::changed_since_assessment() {
    if (!assessed_ || stale_) return;
    stale_ = true;
    export_->Disable();
    headline_text_ = "The form has changed since this report: press Assess (Ctrl+Enter) to update it.\n" + headline_text_;
    show_headline();
}

void SelfAssessFrame::forget_assessment() {
    assessed_.reset();
    stale_ = false;
    report_->Clear();
    headline_text_.clear();
    show_headline();
    export_->Disable();
}

wxString SelfAssessFrame::report_text() const { return report_->GetValue(); }

bool SelfAssessFrame::export_xlsx(const std::filesystem::path& out) {
    if (!assessed_ || stale_) {
        say(assessed_ ? "Not exported: the form has changed since the last assessment; press Assess first."
                      : "Not exported: nothing has been assessed yet; press Assess first.");
        return false;
    }
    try {
        core::export_self_assessment({*framework_, assessed_->input, assessed_->report}, out);
    } catch (...) {
        say(failure("Not exported to " + path_text(out) + ".", std::current_exception()));
        return false;
    }
    say("Wrote " + path_text(out) + " (sheets: Self-assessment, Against competitors, Conditions).");
    return true;
}

void SelfAssessFrame::say(const wxString& text) {
    message_ = text;
    message_box_->ChangeValue(text);
}

void SelfAssessFrame::on_open_framework() {
    wxMenu which;
    const int file_id = wxWindow::NewControlId();
    const int folder_id = wxWindow::NewControlId();
    which.Append(file_id, "A framework &file (.xml)...");
    which.Append(folder_id, "A tender &package folder...");
    const int picked = GetPopupMenuSelectionFromUser(which);
    wxString path;
    if (picked == file_id) {
        wxFileDialog dialog(this, "Open the published framework", "", "",
                            "Framework files (*.xml)|*.xml|All files (*)|*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) path = dialog.GetPath();
    } else if (picked == folder_id) {
        wxDirDialog dialog(this, "Open a tender package folder (its framework.xml is used)", "",
                           wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) path = dialog.GetPath();
    }
    if (!path.empty()) load_framework(utf8(path));
}

void SelfAssessFrame::on_load_answers() {
    wxFileDialog dialog(this, "Load answers from a self-assessment file", "", "",
                        "Self-assessment files (*.xml)|*.xml|All files (*)|*", wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) load_answers(utf8(dialog.GetPath()));
}

bool SelfAssessFrame::on_save_answers() {
    const auto folder = answers_file_.empty() ? wxString() : path_text(answers_file_.parent_path());
    const auto name = answers_file_.empty() ? wxString("self-assessment.xml") : path_text(answers_file_.filename());
    wxFileDialog dialog(this, "Save your answers to a self-assessment file", folder, name,
                        "Self-assessment files (*.xml)|*.xml", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return false;
    std::filesystem::path file = utf8(dialog.GetPath());
    if (file.extension() != ".xml") file += ".xml";
    return save_answers(file);
}

// Typed answers are not lost by closing: the provider saves them, lets them go, or stays.
void SelfAssessFrame::on_close(wxCloseEvent& event) {
    if (unsaved_ && event.CanVeto()) {
        wxMessageDialog ask(this,
                            "You have typed answers that are not saved. Save them to a file before closing? "
                            "(An Excel export keeps the report, but cannot be loaded again.)",
                            "Self-assess a bid", wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels("&Save...", "Close &without saving", "Cancel");
        const int answer = ask.ShowModal();
        const bool go = answer == wxID_NO || (answer == wxID_YES && on_save_answers());
        if (!go) {
            event.Veto();
            return;
        }
    }
    Destroy();
}

void SelfAssessFrame::on_export() {
    wxFileDialog dialog(this, "Export the self-assessment to Excel", "", "self-assessment.xlsx",
                        "Excel workbooks (*.xlsx)|*.xlsx", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    std::filesystem::path out = utf8(dialog.GetPath());
    if (out.extension() != ".xlsx") out += ".xlsx";
    export_xlsx(out);
}

}  // namespace gui
