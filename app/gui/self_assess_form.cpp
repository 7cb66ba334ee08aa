#include "app/gui/self_assess_form.h"

#include <algorithm>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gbsizer.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

namespace {

const wxColour problem_colour(255, 214, 214);
const wxColour problem_text(176, 0, 0);

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold().Scaled(1.1f));
    return label;
}

wxTextCtrl* field(wxWindow* parent, const wxString& name, const wxString& tip, const wxString& hint = "",
                  int width = 160) {
    auto* box = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(width, -1));
    box->SetName(name);
    box->SetToolTip(tip);
    if (!hint.empty()) box->SetHint(hint);
    return box;
}

wxString point_text(double value, const std::string& label) {
    return wx(scoring::format_number(value) + (label.empty() ? "" : " - " + label));
}

wxString scale_tip(const scoring::Scale& scale) {
    wxString tip = wx("Your own score on scale " + scale.name + ":");
    for (const auto& p : scale.points) tip += "\n" + point_text(p.value, p.label) + ": " + wx(p.descriptor);
    return tip;
}

}  // namespace

SelfAssessForm::SelfAssessForm(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetName("sa_form");
    SetScrollRate(10, 16);  // sideways too, when the pane is dragged narrower than the form
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading(this, "Your answers"), 0, wxLEFT | wxTOP, 8);
    questions_ = new wxPanel(this, wxID_ANY);
    questions_->SetSizer(new wxBoxSizer(wxVERTICAL));
    questions_->GetSizer()->Add(new wxStaticText(questions_, wxID_ANY,
                                                 "Choose the buyer's framework above: its questions appear here, "
                                                 "one row each, with their marks and scale."));
    sizer->Add(questions_, 0, wxEXPAND | wxALL, 8);
    build_fixed_fields(sizer);
    SetSizer(sizer);
}

void SelfAssessForm::build_fixed_fields(wxSizer* sizer) {
    const auto grid = [&](const wxString& title) {
        sizer->Add(heading(this, title), 0, wxLEFT | wxTOP, 8);
        auto* g = new wxFlexGridSizer(2, 6, 10);
        sizer->Add(g, 0, wxALL, 8);
        return g;
    };
    const auto row = [this](wxFlexGridSizer* g, const wxString& label, wxWindow* control) {
        auto* text = new wxStaticText(this, wxID_ANY, label);
        g->Add(text, 0, wxALIGN_CENTER_VERTICAL);
        g->Add(control, 0);
        return text;
    };
    // Money labels show the framework's currency once one is chosen (show_lot).
    const auto money_row = [&](wxFlexGridSizer* g, const wxString& base, wxWindow* control) {
        auto* label = row(g, base + ":", control);
        money_labels_.push_back({label, base});
        return label;
    };
    auto* price = grid("Your price and social-value commitments");
    price_ = field(this, "sa_price",
                   "The total evaluated price you would tender, in the framework's currency (e.g. 120000 or 120,000.50): the price "
                   "the buyer's price method marks");
    money_row(price, "&Price", price_);
    measures_ = new wxPanel(this, wxID_ANY);
    measures_->SetSizer(new wxBoxSizer(wxVERTICAL));
    sizer->Add(measures_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* rivals = grid("Competitors you expect");
    competitors_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(160, -1), wxSP_ARROW_KEYS, 1, 100, 3);
    competitors_->SetName("sa_competitors");
    competitors_->SetToolTip("How many other bids you expect (1 to 100); they are priced evenly from the lowest to "
                             "the highest price below");
    row(rivals, "How &many:", competitors_);
    price_low_ = field(this, "sa_price_low",
                       "The lowest price you expect a competitor to tender, in the framework's currency. With one competitor, it sits "
                       "here: the hardest place to beat");
    money_row(rivals, "&Lowest price", price_low_);
    price_high_ = field(this, "sa_price_high", "The highest price you expect a competitor to tender, in the framework's currency");
    money_row(rivals, "&Highest price", price_high_);
    typical_score_ = field(this, "sa_typical_score",
                           "The score a typical competitor gets on every question (it may lie between points). "
                           "Give this or the typical quality %, not both",
                           "e.g. 3");
    row(rivals, "Typical &score:", typical_score_);
    typical_percent_ = field(this, "sa_typical_percent",
                             "Or: a typical competitor's quality as a percentage (0 to 100) of every scale's maximum. "
                             "Give this or the typical score, not both",
                             "e.g. 70");
    row(rivals, "or typical &quality %:", typical_percent_);
    competitor_sv_ = field(this, "sa_competitor_sv",
                           "The social value a typical competitor commits, in the framework's currency (0 if nothing); only for a lot "
                           "that scores committed social value");
    competitor_sv_label_ = money_row(rivals, "Their social &value", competitor_sv_);

    auto* you = grid("Your organisation (for the conditions of participation)");
    provider_name_ = field(this, "sa_provider_name", "Your organisation's name, as it appears on the report", "", 260);
    row(you, "&Name:", provider_name_);
    turnover_ = field(this, "sa_turnover",
                      "Your annual turnover, compared with any minimum turnover the buyer demands; leave "
                      "empty if you would rather not say (reported as \"cannot tell\")");
    money_row(you, "Annual &turnover", turnover_);
    insurance_ = field(this, "sa_insurance",
                       "The insurance cover you hold (per claim), compared with the cover demanded");
    money_row(you, "&Insurance cover", insurance_);
    accounts_years_ = field(this, "sa_accounts_years",
                            "How many years of published or filed accounts you can show (a whole number)");
    row(you, "&Years of accounts:", accounts_years_);
    audited_ = new wxCheckBox(this, wxID_ANY, "My accounts are &audited");
    audited_->SetName("sa_audited");
    audited_->SetToolTip("Tick if your accounts are audited. Left unticked with years of accounts given, they count "
                         "as not audited; with no years given, as not stated");
    row(you, "", audited_);
}

void SelfAssessForm::show_lot(const scoring::Framework& framework, const scoring::Lot& lot) {
    clear_marks();
    build_questions(framework, lot);
    const auto leaves = scoring::leaves_of(framework, lot);
    scores_measures_ = std::any_of(leaves.begin(), leaves.end(), [](const scoring::Leaf& l) {
        return l.criterion->kind == scoring::CriterionKind::measures;
    });
    build_measures(framework);
    competitor_sv_->Enable(scores_measures_);
    competitor_sv_label_->Enable(scores_measures_);
    competitor_sv_->SetHint(scores_measures_ ? "" : "not scored in this lot");
    default_profile(leaves);
    const wxString symbol = framework.currency == "GBP"   ? wxString(L"\u00a3")
                            : framework.currency == "EUR" ? wxString(L"\u20ac")
                                                          : wx(framework.currency);
    for (const auto& [label, base] : money_labels_) label->SetLabel(base + " (" + symbol + "):");
    FitInside();
    Layout();
}

void SelfAssessForm::build_questions(const scoring::Framework& framework, const scoring::Lot& lot) {
    questions_->DestroyChildren();
    rows_.clear();
    auto* grid = new wxGridBagSizer(4, 8);
    int r = 0;
    const auto header = [&](const wxString& text, int column) {
        auto* label = new wxStaticText(questions_, wxID_ANY, text);
        label->SetFont(label->GetFont().Bold());
        grid->Add(label, wxGBPosition(r, column));
    };
    header("Question", 0);
    header("Name", 1);
    header("Marks", 2);
    header("Your score", 3);
    header("Your note", 4);
    ++r;
    std::optional<scoring::GroupType> group;
    for (const auto& leaf : scoring::leaves_of(framework, lot)) {
        if (leaf.criterion->kind != scoring::CriterionKind::question) continue;
        if (leaf.group != group) {  // a heading per group: quality and social-value questions
            group = leaf.group;
            auto* g = new wxStaticText(questions_, wxID_ANY,
                                       leaf.group == scoring::GroupType::social_value ? "Social value questions"
                                                                                      : "Quality questions");
            g->SetFont(g->GetFont().Italic());
            grid->Add(g, wxGBPosition(r++, 0), wxGBSpan(1, 5), wxTOP, 4);
        }
        const auto& c = *leaf.criterion;
        QuestionRow row;
        row.id = c.id;
        row.label = new wxStaticText(questions_, wxID_ANY, wx(c.id));
        auto* name = new wxStaticText(questions_, wxID_ANY, wx(c.name), wxDefaultPosition, wxSize(160, -1),
                                      wxST_ELLIPSIZE_END);
        name->SetToolTip(wx(c.name + (c.description.empty() ? "" : "\n\n" + c.description)));
        auto* weight = new wxStaticText(questions_, wxID_ANY, wx(scoring::format_fixed(leaf.effective_weight, 2)));
        weight->SetToolTip("Its effective weight: the marks out of 100 that the top score earns");
        row.score = new wxChoice(questions_, wxID_ANY, wxDefaultPosition, wxSize(135, -1));
        row.score->SetName(wx("sa_score_" + c.id));
        row.score->Append("(not scored)");
        row.values.push_back(0);
        for (const auto& p : leaf.scale->points) {
            row.score->Append(point_text(p.value, p.label));
            row.values.push_back(p.value);
        }
        row.points = row.values.size();
        row.score->SetSelection(0);
        row.score->SetToolTip(scale_tip(*leaf.scale) +
                              (c.min_score ? wx("\n\nMinimum score: " + scoring::format_number(*c.min_score)) : ""));
        row.note = new wxTextCtrl(questions_, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1));
        row.note->SetName(wx("sa_note_" + c.id));
        row.note->SetToolTip("Your note on why you gave that score: your evidence, or what is missing");
        grid->Add(row.label, wxGBPosition(r, 0), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
        grid->Add(name, wxGBPosition(r, 1), wxDefaultSpan, wxALIGN_CENTER_VERTICAL);
        grid->Add(weight, wxGBPosition(r, 2), wxDefaultSpan, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        grid->Add(row.score, wxGBPosition(r, 3));
        grid->Add(row.note, wxGBPosition(r, 4), wxDefaultSpan, wxEXPAND);
        ++r;
        rows_.push_back(row);
    }
    grid->AddGrowableCol(4);
    questions_->GetSizer()->Clear();
    questions_->GetSizer()->Add(grid, 1, wxEXPAND);
}

void SelfAssessForm::build_measures(const scoring::Framework& framework) {
    measures_->DestroyChildren();
    measure_rows_.clear();
    measures_->GetSizer()->Clear();
    if (!scores_measures_) return;
    auto* grid = new wxFlexGridSizer(4, 4, 10);
    for (const wchar_t* h : {L"Measure", L"Name", L"Per unit", L"You commit"}) {
        auto* label = new wxStaticText(measures_, wxID_ANY, h);
        label->SetFont(label->GetFont().Bold());
        grid->Add(label);
    }
    for (const auto& m : framework.measures) {
        grid->Add(new wxStaticText(measures_, wxID_ANY, wx(m.code)), 0, wxALIGN_CENTER_VERTICAL);
        auto* name = new wxStaticText(measures_, wxID_ANY, wx(m.name), wxDefaultPosition, wxSize(260, -1),
                                      wxST_ELLIPSIZE_END);
        name->SetToolTip(wx(m.name));
        grid->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(new wxStaticText(measures_, wxID_ANY, wx(scoring::format_money(m.proxy_per_unit))), 0,
                  wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        auto* quantity = new wxTextCtrl(measures_, wxID_ANY, "", wxDefaultPosition, wxSize(110, -1));
        quantity->SetName(wx("sa_commitment_" + m.code));
        quantity->SetHint(wx(m.unit));
        quantity->SetToolTip(wx("How many " + m.unit + " of \"" + m.name + "\" you commit to (counted as accepted in " +
                                "full); empty: no commitment"));
        grid->Add(quantity);
        measure_rows_.push_back({m.code, quantity});
    }
    measures_->GetSizer()->Add(grid, 0, wxBOTTOM, 8);
}

// A typical competitor about three quarters up the scale ("good" on a 0-4 scale) unless the user
// gave one: a point every question's scale allows, else a percentage of every maximum.
void SelfAssessForm::default_profile(const std::vector<scoring::Leaf>& leaves) {
    if (!typical_score_->GetValue().empty() || !typical_percent_->GetValue().empty()) return;
    const scoring::Scale* first = nullptr;
    for (const auto& l : leaves)
        if (l.criterion->kind == scoring::CriterionKind::question && first == nullptr) first = l.scale;
    if (first == nullptr || first->points.empty()) return;
    const double value = first->points[(first->points.size() - 1) * 3 / 4].value;
    const bool everywhere = std::all_of(leaves.begin(), leaves.end(), [&](const scoring::Leaf& l) {
        return l.criterion->kind != scoring::CriterionKind::question || l.scale->point(value) != nullptr;
    });
    if (everywhere) typical_score_->ChangeValue(wx(scoring::format_number(value)));
    else typical_percent_->ChangeValue("75");
}

void SelfAssessForm::fill(const scoring::SelfAssessment& input) {
    clear_marks();
    for (auto& row : rows_) {
        while (row.values.size() > row.points) {  // a score between points from an earlier file
            row.values.pop_back();
            row.score->Delete(static_cast<unsigned>(row.values.size()));
        }
        row.score->SetSelection(0);
        row.note->ChangeValue("");
        for (const auto& s : input.scores) {
            if (s.criterion != row.id) continue;
            auto at = std::find(row.values.begin() + 1, row.values.end(), s.score);
            if (at == row.values.end()) {  // between two points, as a scale with intermediate scores allows
                row.score->Append(wx(scoring::format_number(s.score)) + " - between points");
                row.values.push_back(s.score);
                at = row.values.end() - 1;
            }
            row.score->SetSelection(static_cast<int>(at - row.values.begin()));
            row.note->ChangeValue(wx(s.note));
        }
    }
    for (auto& m : measure_rows_) {
        m.quantity->ChangeValue("");
        for (const auto& c : input.commitments)
            if (c.measure == m.code) m.quantity->ChangeValue(wx(scoring::format_number(c.quantity)));
    }
    // A price of 0 is one a draft has not stated yet (a stated 0 is refused): an empty box.
    const auto money_text = [](scoring::Money m) { return m == 0 ? wxString() : wx(scoring::format_money(m)); };
    price_->ChangeValue(money_text(input.price));
    const auto& p = input.competitors;
    competitors_->SetValue(p.count);
    price_low_->ChangeValue(money_text(p.price_low));
    price_high_->ChangeValue(money_text(p.price_high));
    typical_score_->ChangeValue(p.typical_score ? wx(scoring::format_number(*p.typical_score)) : "");
    typical_percent_->ChangeValue(p.typical_quality_percent ? wx(scoring::format_number(*p.typical_quality_percent)) : "");
    competitor_sv_->ChangeValue(p.social_value ? wx(scoring::format_money(*p.social_value)) : "");
    const auto& you = input.provider;
    provider_name_->ChangeValue(wx(you.name));
    turnover_->ChangeValue(you.turnover ? wx(scoring::format_money(*you.turnover)) : "");
    insurance_->ChangeValue(you.insurance ? wx(scoring::format_money(*you.insurance)) : "");
    accounts_years_->ChangeValue(you.accounts_years ? wxString::Format("%d", *you.accounts_years) : "");
    audited_->SetValue(you.audited_accounts.value_or(false));
}

void SelfAssessForm::mark(const std::vector<scoring::SelfAssessmentProblem>& problems,
                          const scoring::SelfAssessment& input) {
    clear_marks();
    for (const auto& row : rows_)
        if (row.score->GetSelection() <= 0) mark_window(row.score);
    for (const auto& p : problems)
        if (auto* w = control_of(p, input)) mark_window(w);
}

void SelfAssessForm::mark(const FormReading& reading) {
    clear_marks();
    for (auto* w : reading.fields) mark_window(w);
}

void SelfAssessForm::mark_window(wxWindow* window) {
    if (std::find(marked_.begin(), marked_.end(), window) != marked_.end()) return;
    if (marked_.empty()) {
        window->SetFocus();  // the scrolled window brings a focused child into view
    }
    marked_.push_back(window);
    window->SetBackgroundColour(problem_colour);
    window->SetForegroundColour(problem_text);  // GTK's theme may hide a text box's background colour
    for (auto& row : rows_)  // a choice's own colour barely shows on GTK: the question id says it too
        if (row.score == window) row.label->SetForegroundColour(*wxRED);
    window->Refresh();
}

void SelfAssessForm::clear_marks() {
    for (auto* w : marked_) {
        w->SetBackgroundColour(wxNullColour);
        w->SetForegroundColour(wxNullColour);
        w->Refresh();
    }
    for (auto& row : rows_) row.label->SetForegroundColour(wxNullColour);
    marked_.clear();
}

}  // namespace gui
