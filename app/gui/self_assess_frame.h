// The "Self-assess a bid" window: a provider scores its own bid against a published framework and
// sees its projected marks, risks and chances (docs/self_assessment.md). Needs no tender workbook.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/frame.h>

#include "app/core/templates.h"
#include "scoring/framework.h"
#include "scoring/self_assessment.h"

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class SelfAssessForm;

class SelfAssessFrame : public wxFrame {
public:
    explicit SelfAssessFrame(wxWindow* parent);

    // What the buttons do, callable without their file dialogs (tests). Each returns false and
    // says why in the message area when it cannot be done; what was typed is kept.

    /// A framework .xml file or a tender package folder (never a .tender workbook).
    bool load_framework(const std::filesystem::path& framework_or_package);
    /// A bundled template by name, e.g. "uk_central_pa2023".
    bool choose_template(const std::string& name);
    /// Fills the form from a self-assessment file (docs/self_assessment.md section 1), complete or
    /// a draft saved part-way.
    bool load_answers(const std::filesystem::path& file);
    /// Writes the form, complete or not, to a self-assessment file that load_answers and
    /// `tenderbench self-assess --input` read. Refused (nothing written) when a field cannot be read.
    bool save_answers(const std::filesystem::path& file);
    /// Has anything been typed since the answers were last loaded or saved?
    bool unsaved() const { return unsaved_; }
    /// Checks the form and, if it is complete, assesses it and shows the report.
    bool assess();
    /// Writes the last assessment to an Excel workbook.
    bool export_xlsx(const std::filesystem::path& out);

    const wxString& message() const { return message_; }
    wxString report_text() const;
    /// The last assessment, as scoring::assess gave it (nothing before the first success).
    const scoring::SelfAssessmentReport* report() const { return assessed_ ? &assessed_->report : nullptr; }

private:
    struct Assessed {
        scoring::SelfAssessment input;
        scoring::SelfAssessmentReport report;
    };

    wxWindow* build_top_bar(wxWindow* parent);
    wxWindow* build_results(wxWindow* parent);
    void bind_keys();
    bool use_framework(scoring::Framework framework, const wxString& source, const wxString& warnings);
    void show_lot(std::size_t index);
    const scoring::Lot* lot() const;
    void forget_assessment();
    void changed_since_assessment();
    void show_report();
    void show_headline();
    wxString how_complete(scoring::SelfAssessment input) const;
    std::optional<scoring::SelfAssessment> checked_form(scoring::SelfAssessmentCheck check, const wxString& nothing_done);
    void say(const wxString& text);

    void on_open_framework();
    void on_load_answers();
    bool on_save_answers();
    void on_export();
    void on_close(wxCloseEvent& event);

    std::vector<core::TemplateInfo> templates_;
    std::optional<scoring::Framework> framework_;
    int framework_item_ = wxNOT_FOUND;  // the framework_choice_ item the form shows
    std::size_t lot_index_ = 0;
    std::optional<Assessed> assessed_;
    bool stale_ = false;  // the form changed after the last assessment
    bool unsaved_ = false;  // typed since the answers were last loaded or saved
    std::filesystem::path answers_file_;  // where they were last loaded from or saved to
    wxString message_;
    wxString headline_text_;  // unwrapped: wrapped again to the pane's width

    wxChoice* framework_choice_ = nullptr;
    wxChoice* lot_choice_ = nullptr;
    SelfAssessForm* form_ = nullptr;
    wxStaticText* headline_ = nullptr;
    wxTextCtrl* report_ = nullptr;
    wxTextCtrl* message_box_ = nullptr;
    wxButton* export_ = nullptr;
};

}  // namespace gui
