// Reading the self-assessment form: typed money and numbers, and where a problem points.
#include "app/gui/self_assess_form.h"

#include <cmath>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

namespace {

using scoring::Money;

// Money as people type it: "£120,000.50" as well as "120000.50" (parse_money takes only the latter).
std::optional<Money> typed_money(wxString text) {
    text.Replace(wxString::FromUTF8("£"), "");
    text.Replace(wxString::FromUTF8("€"), "");
    text.Replace(",", "");
    text.Replace(" ", "");
    text.Replace(wxString::FromUTF8("\u00a0"), "");
    return scoring::parse_money(utf8(text));
}

std::optional<double> typed_number(const wxString& text) {
    double value = 0;
    if (!text.ToCDouble(&value) || !std::isfinite(value)) return std::nullopt;
    return value;
}

wxString quoted(const wxString& text) { return "\"" + text + "\""; }

// Reads an optional money field; empty gives nothing, text that is not money is a problem.
std::optional<Money> money_in(wxTextCtrl* box, const wxString& label, bool required, FormReading& out) {
    const wxString text = box->GetValue().Strip(wxString::both);
    if (text.empty()) {
        if (required) {
            out.problems.push_back(label + ": not given; type an amount, e.g. 120000 or 120,000.50");
            out.fields.push_back(box);
        }
        return std::nullopt;
    }
    const auto money = typed_money(text);
    if (!money) {
        out.problems.push_back(label + ": " + quoted(text) +
                               " is not an amount of money; type an amount with at most 2 decimals, e.g. 120000 or 120,000.50");
        out.fields.push_back(box);
    }
    return money;
}

std::optional<double> number_in(wxTextCtrl* box, const wxString& label, FormReading& out) {
    const wxString text = box->GetValue().Strip(wxString::both);
    if (text.empty()) return std::nullopt;
    const auto value = typed_number(text);
    if (!value) {
        out.problems.push_back(label + ": " + quoted(text) + " is not a number; type digits, e.g. 3 or 2.5");
        out.fields.push_back(box);
    }
    return value;
}

}  // namespace

FormReading SelfAssessForm::read(scoring::SelfAssessmentCheck check) const {
    const bool draft = check == scoring::SelfAssessmentCheck::draft;
    FormReading out;
    read_scores(out);
    if (const auto price = money_in(price_, "Price", !draft, out)) out.input.price = *price;
    for (const auto& m : measure_rows_)
        if (const auto q = number_in(m.quantity, wx("Commitment " + m.code), out)) {
            scoring::Commitment c;
            c.measure = m.code;
            c.quantity = *q;
            out.input.commitments.push_back(c);
        }
    read_competitors(out, draft);
    read_provider(out);
    return out;
}

void SelfAssessForm::read_scores(FormReading& out) const {
    for (const auto& row : rows_) {
        const int i = row.score->GetSelection();
        if (i <= 0) continue;  // unscored: check_self_assessment names the question
        scoring::SelfScore s;
        s.criterion = row.id;
        s.score = row.values[static_cast<std::size_t>(i)];
        s.note = utf8(row.note->GetValue().Strip(wxString::both));
        out.input.scores.push_back(s);
    }
}

void SelfAssessForm::read_competitors(FormReading& out, bool draft) const {
    auto& p = out.input.competitors;
    p.count = competitors_->GetValue();
    if (const auto low = money_in(price_low_, "Competitors' lowest price", !draft, out)) p.price_low = *low;
    if (const auto high = money_in(price_high_, "Competitors' highest price", !draft, out)) p.price_high = *high;
    p.typical_score = number_in(typical_score_, "Typical score", out);
    p.typical_quality_percent = number_in(typical_percent_, "Typical quality %", out);
    const bool no_score = typical_score_->GetValue().Strip(wxString::both).empty();
    const bool no_percent = typical_percent_->GetValue().Strip(wxString::both).empty();
    if (no_score == no_percent && !(draft && no_score)) {
        out.problems.push_back("Typical score or typical quality %: give one of the two, not both and not neither");
        out.fields.push_back(typical_score_);
    }
    if (scores_measures_)
        p.social_value = money_in(competitor_sv_, "Competitors' social value", !draft, out);
}

void SelfAssessForm::read_provider(FormReading& out) const {
    auto& you = out.input.provider;
    you.name = utf8(provider_name_->GetValue().Strip(wxString::both));
    you.turnover = money_in(turnover_, "Annual turnover", false, out);
    you.insurance = money_in(insurance_, "Insurance cover", false, out);
    const wxString years = accounts_years_->GetValue().Strip(wxString::both);
    long n = 0;
    if (!years.empty() && years.ToLong(&n) && n >= 0 && n <= 200) {
        you.accounts_years = static_cast<int>(n);
    } else if (!years.empty()) {
        out.problems.push_back("Years of accounts: " + quoted(years) + " is not a whole number of years, e.g. 3");
        out.fields.push_back(accounts_years_);
    }
    // Unticked says "not audited" only when the provider says how many years of accounts it has.
    if (audited_->GetValue() || you.accounts_years) you.audited_accounts = audited_->GetValue();
}

wxString SelfAssessForm::field_of(const scoring::SelfAssessmentProblem& problem,
                                  const scoring::SelfAssessment& input) const {
    using P = scoring::SelfAssessmentPart;
    switch (problem.part) {
        case P::whole: return "Your answers";
        case P::lot: return "Lot";
        case P::price: return "Price";
        case P::score:
            return problem.index < input.scores.size() ? wx("Question " + input.scores[problem.index].criterion)
                                                       : "Your answers";
        case P::commitment:
            return problem.index < input.commitments.size()
                       ? wx("Commitment " + input.commitments[problem.index].measure)
                       : "Commitments";
        case P::competitors: return "Competitors";
        case P::provider: return "Your organisation";
    }
    return "Your answers";
}

wxWindow* SelfAssessForm::control_of(const scoring::SelfAssessmentProblem& problem,
                                     const scoring::SelfAssessment& input) const {
    using P = scoring::SelfAssessmentPart;
    switch (problem.part) {
        case P::price: return price_;
        case P::score:
            for (const auto& row : rows_)
                if (problem.index < input.scores.size() && row.id == input.scores[problem.index].criterion)
                    return row.score;
            return nullptr;
        case P::commitment:
            for (const auto& m : measure_rows_)
                if (problem.index < input.commitments.size() && m.code == input.commitments[problem.index].measure)
                    return m.quantity;
            return nullptr;
        case P::competitors: return price_low_;
        case P::provider: return turnover_;
        case P::whole:
        case P::lot: return nullptr;
    }
    return nullptr;
}

}  // namespace gui
