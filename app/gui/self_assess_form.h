// The input form of the self-assessment window: a score and note per question, the price,
// social-value commitments, the competitor profile and the provider's own standing.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <wx/scrolwin.h>

#include "scoring/framework.h"
#include "scoring/self_assessment.h"

class wxCheckBox;
class wxChoice;
class wxPanel;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

/// What the form holds, as a scoring::SelfAssessment, or why a field cannot be read.
struct FormReading {
    scoring::SelfAssessment input;
    std::vector<wxString> problems;  // "Price: "abc" is not an amount of money; ..."
    std::vector<wxWindow*> fields;   // the control each problem is about
};

class SelfAssessForm : public wxScrolledWindow {
public:
    explicit SelfAssessForm(wxWindow* parent);

    /// Rebuilds the question and commitment rows for `lot` of `framework` (which must outlive the
    /// rows' use); price, competitors and provider keep what was typed.
    void show_lot(const scoring::Framework& framework, const scoring::Lot& lot);
    /// Fills every field from `input` (a file the core has read and checked).
    void fill(const scoring::SelfAssessment& input);
    /// The form as typed, for the lot shown. Text that is not money or a number is a problem
    /// naming its field; rules of meaning are left to scoring::check_self_assessment. For a draft
    /// (Save answers) a field left empty is no problem: it is simply not stated.
    FormReading read(scoring::SelfAssessmentCheck check = scoring::SelfAssessmentCheck::assessment) const;

    std::size_t question_count() const { return rows_.size(); }

    /// Where a problem of check_self_assessment points, in the form's words ("Question Q2").
    wxString field_of(const scoring::SelfAssessmentProblem& problem, const scoring::SelfAssessment& input) const;
    /// Highlights the fields `problems` point at (and every unscored question); focuses the first.
    void mark(const std::vector<scoring::SelfAssessmentProblem>& problems, const scoring::SelfAssessment& input);
    /// Highlights the fields read() could not read; focuses the first.
    void mark(const FormReading& reading);
    void clear_marks();

private:
    struct QuestionRow {
        std::string id;
        wxStaticText* label = nullptr;
        wxChoice* score = nullptr;
        std::vector<double> values;  // per choice item; item 0 is "not scored"
        std::size_t points = 0;      // items from the scale; any after them came from a file
        wxTextCtrl* note = nullptr;
    };
    struct MeasureRow {
        std::string code;
        wxTextCtrl* quantity = nullptr;
    };

    void build_fixed_fields(wxSizer* sizer);
    void build_questions(const scoring::Framework& framework, const scoring::Lot& lot);
    void build_measures(const scoring::Framework& framework);
    void default_profile(const std::vector<scoring::Leaf>& leaves);
    void read_scores(FormReading& out) const;
    void read_competitors(FormReading& out, bool draft) const;
    void read_provider(FormReading& out) const;
    void mark_window(wxWindow* window);
    wxWindow* control_of(const scoring::SelfAssessmentProblem& problem, const scoring::SelfAssessment& input) const;

    wxPanel* questions_ = nullptr;
    wxPanel* measures_ = nullptr;
    std::vector<QuestionRow> rows_;
    std::vector<MeasureRow> measure_rows_;
    bool scores_measures_ = false;  // does the lot score committed social value?
    std::vector<wxWindow*> marked_;
    std::vector<std::pair<wxStaticText*, wxString>> money_labels_;  // with the label's words

    wxTextCtrl* price_ = nullptr;
    wxSpinCtrl* competitors_ = nullptr;
    wxTextCtrl* price_low_ = nullptr;
    wxTextCtrl* price_high_ = nullptr;
    wxTextCtrl* typical_score_ = nullptr;
    wxTextCtrl* typical_percent_ = nullptr;
    wxStaticText* competitor_sv_label_ = nullptr;
    wxTextCtrl* competitor_sv_ = nullptr;
    wxTextCtrl* provider_name_ = nullptr;
    wxTextCtrl* turnover_ = nullptr;
    wxTextCtrl* insurance_ = nullptr;
    wxTextCtrl* accounts_years_ = nullptr;
    wxCheckBox* audited_ = nullptr;
};

}  // namespace gui
