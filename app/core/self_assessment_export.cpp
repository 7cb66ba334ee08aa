#include "app/core/self_assessment_export.h"

#include "app/core/output_file.h"
#include "app/core/xlsx_book.h"
#include "scoring/money.h"

namespace core {

namespace {

using xlsx::Style;

double major(scoring::Money m) { return scoring::to_major(m); }

std::string group_words(scoring::GroupType group) {
    return group == scoring::GroupType::price ? "price" : group == scoring::GroupType::quality ? "quality" : "social value";
}

// Label in column A, value in column B, one row each; returns the next row.
struct Pairs {
    xlsx::Sheet& sheet;
    std::uint32_t row;
    void text(const std::string& label, const std::string& value, Style style = Style::plain) {
        sheet.text(row, 0, label, Style::label);
        sheet.text(row++, 1, value, style);
    }
    void number(const std::string& label, double value, Style style) {
        sheet.text(row, 0, label, Style::label);
        sheet.number(row++, 1, value, style);
    }
};

// Columns of the question table; E, F and G are what the formulas read.
enum Column : std::uint16_t { c_id, c_name, c_group, c_scale, c_score, c_maximum, c_weight, c_marks, c_per_point,
                              c_to_top, c_rank, c_minimum, c_status, c_note };

void questions_sheet(const SelfAssessmentView& v, xlsx::Sheet& sheet) {
    const auto& r = v.report;
    sheet.widths({11, 40, 13, 10, 10, 10, 10, 10, 11, 11, 11, 10, 48, 60});
    sheet.text(0, 0, "Self-assessment" + (v.input.provider.name.empty() ? "" : ": " + v.input.provider.name), Style::title);
    Pairs p{sheet, 1};
    p.text("Framework", v.framework.name + ", version " + v.framework.version + " (" + v.framework.id + ")");
    p.text("Lot", r.lot_id + ": " + r.lot_name);
    p.number("Your price (" + v.framework.currency + ")", major(r.price), Style::money);
    p.text("Note", "Projected from your own scores; nothing here was written to any tender.", Style::note);
    const std::uint32_t head = p.row + 1;
    sheet.header(head, {"Question", "Name", "Group", "Scale", "Your score", "Scale maximum", "Effective weight",
                        "Marks", "Marks per point", "Marks to the top", "Improvement rank", "Minimum score",
                        "Threshold status", "Your note"}, 2);
    std::uint32_t row = head + 1;
    for (const auto& q : r.questions) {
        const auto score = xlsx::cell(row, c_score);
        const auto maximum = xlsx::cell(row, c_maximum);
        const auto weight = xlsx::cell(row, c_weight);
        sheet.text(row, c_id, q.id);
        sheet.text(row, c_name, q.name, Style::wrap);
        sheet.text(row, c_group, group_words(q.group));
        sheet.text(row, c_scale, q.scale);
        sheet.number(row, c_score, q.score, Style::plain);
        sheet.number(row, c_maximum, q.scale_maximum, Style::plain);
        sheet.number(row, c_weight, q.effective_weight, Style::decimal);
        sheet.formula(row, c_marks, "=" + weight + "*" + score + "/" + maximum, q.marks);
        sheet.formula(row, c_per_point, "=" + weight + "/" + maximum, q.marks_per_point, Style::precise);
        sheet.formula(row, c_to_top, "=" + xlsx::cell(row, c_per_point) + "*MAX(0," + maximum + "-" + score + ")",
                      q.marks_to_top);
        if (q.improvement_rank) sheet.number(row, c_rank, *q.improvement_rank, Style::integer);
        else sheet.text(row, c_rank, "at the top");
        if (q.min_score) sheet.number(row, c_minimum, *q.min_score, Style::plain);
        sheet.text(row, c_status, threshold_words(q), Style::wrap);
        sheet.text(row, c_note, q.note, Style::wrap);
        ++row;
    }
    const std::uint32_t last = row - 1;
    sheet.autofilter(head, last, c_note);
    row += 1;
    // Live sums by group, so a score changed in column E moves them; raw, before any normalisation.
    for (const auto group : {scoring::GroupType::quality, scoring::GroupType::social_value}) {
        double raw = 0;
        for (const auto& q : r.questions)
            if (q.group == group) raw += q.marks;
        sheet.text(row, 0, "Raw " + group_words(group) + " question marks", Style::label);
        sheet.formula(row++, c_marks,
                      "=SUMIF(" + xlsx::range(head + 1, c_group, last, c_group) + ",\"" + group_words(group) + "\"," +
                          xlsx::range(head + 1, c_marks, last, c_marks) + ")",
                      raw);
    }
    const auto& proj = r.projected;
    Pairs totals{sheet, row + 1};
    totals.text("Projected against the competitor profile", "");
    const auto* lot = v.framework.lot(r.lot_id);
    if (!lot || lot->award.model == scoring::AwardModel::weighted_sum)
        totals.number("Price marks", proj.price_marks, Style::decimal);
    totals.number("Quality marks", proj.quality_marks, Style::decimal);
    totals.number("Social-value marks", proj.social_value_marks, Style::decimal);
    totals.number(proj.award_value ? "Quality points (of 100)" : "Total (of 100)", proj.total, Style::decimal);
    if (proj.award_value) totals.number("Award figure (the value ranked)", *proj.award_value, Style::precise);
    totals.text("Standing", standing_words(proj), Style::wrap);
    if (r.quality_minimum) totals.text("Minimum total quality", quality_minimum_words(*r.quality_minimum), Style::wrap);
    for (const auto& f : proj.flags) totals.text("Flag: " + f.code, f.detail, Style::wrap);
}

void competitors_sheet(const SelfAssessmentView& v, xlsx::Sheet& sheet) {
    const auto& r = v.report;
    const auto& prof = v.input.competitors;
    sheet.widths({34, 16, 12, 12, 12, 12, 12, 60});
    sheet.text(0, 0, "Against competitors", Style::title);
    Pairs p{sheet, 1};
    p.text("Profile", profile_words(prof), Style::wrap);
    p.number("Competitors", prof.count, Style::integer);
    p.number("Lowest competitor price", major(prof.price_low), Style::money);
    p.number("Highest competitor price", major(prof.price_high), Style::money);
    if (prof.typical_score) p.number("Typical score on every question", *prof.typical_score, Style::plain);
    if (prof.typical_quality_percent)
        p.number("Typical share of each scale maximum (%)", *prof.typical_quality_percent, Style::plain);
    if (prof.social_value) p.number("Social value committed by each", major(*prof.social_value), Style::money);
    const auto& b = r.break_even;
    p.row++;
    p.text("Highest price that still wins", scoring::to_string(b.outcome));
    p.number(b.outcome == scoring::BreakEven::Outcome::found ? "Break-even price" : "Price at the search bound",
             major(b.price), Style::money);
    p.number("Searched from", major(b.search_low), Style::money);
    p.number("Searched to", major(b.search_high), Style::money);
    p.text("Monotone check", b.monotone ? "passed: lower sampled prices win, higher ones lose"
                                        : "FAILED: check prices near the break-even by hand");
    p.text("In words", break_even_words(b), Style::wrap);
    p.text("Why from there", b.low_reason, Style::wrap);
    p.text("Why to there", b.high_reason, Style::wrap);
    const auto& q = r.quality_needed;
    p.row++;
    p.number("Quality needed at price", major(q.price), Style::money);
    p.text("Outcome", scoring::to_string(q.outcome));
    if (q.outcome == scoring::QualityNeeded::Outcome::found) {
        p.number("Uniform level (% of each scale maximum)", q.level_percent, Style::decimal);
        p.number("Quality marks at that level", q.quality_marks, Style::decimal);
        p.number("Quality marks available", q.quality_maximum, Style::decimal);
    }
    if (q.uniform_point) p.number("Smallest uniform point on scale " + q.scale, *q.uniform_point, Style::plain);
    p.text("In words", quality_needed_words(q), Style::wrap);
    const std::uint32_t head = p.row + 1;
    sheet.header(head, {"Bid (at your price)", "Price", "Rank", "Price marks", "Quality", "Social value", "Total",
                        "In contention"});
    std::uint32_t row = head + 1;
    for (const auto& f : r.projected.field) {
        sheet.text(row, 0, f.id);
        sheet.number(row, 1, major(f.price), Style::money);
        if (f.rank) sheet.number(row, 2, *f.rank, Style::integer);
        sheet.number(row, 3, f.price_marks);
        sheet.number(row, 4, f.quality_marks);
        sheet.number(row, 5, f.social_value_marks);
        if (f.in_contention) sheet.number(row, 6, f.total);
        sheet.text(row++, 7, f.in_contention ? "yes" : "no");
    }
}

void conditions_sheet(const SelfAssessmentView& v, xlsx::Sheet& sheet) {
    const auto& r = v.report;
    sheet.widths({26, 44, 36, 12, 70});
    sheet.text(0, 0, "Conditions of participation", Style::title);
    sheet.text(1, 0,
               r.design_stated
                   ? "As the framework's design states them, against what you said of your organisation."
                   : "The framework does not state its conditions of participation; check the tender documents.",
               Style::note);
    sheet.header(3, {"Condition", "Demanded", "Yours", "Status", "Detail"});
    std::uint32_t row = 4;
    for (const auto& c : r.conditions) {
        sheet.text(row, 0, c.name);
        sheet.text(row, 1, c.demanded, Style::wrap);
        sheet.text(row, 2, c.yours.empty() ? "not stated" : c.yours, Style::wrap);
        sheet.text(row, 3, condition_words(c.status));
        sheet.text(row++, 4, c.detail, Style::wrap);
    }
    for (const auto& g : r.gates) {
        sheet.text(row, 0, "Gate " + g.id + ": " + g.name, Style::wrap);
        sheet.text(row, 1, g.requirement, Style::wrap);
        sheet.text(row, 3, "confirm");
        sheet.text(row++, 4, "pass/fail: the projection assumes you pass it", Style::wrap);
    }
}

}  // namespace

void export_self_assessment(const SelfAssessmentView& view, const std::filesystem::path& out) {
    AtomicOutput output(out);
    {
        xlsx::Book book(output.temporary(), "Self-assessment: " + view.framework.name);
        xlsx::Properties properties;
        properties.title = "Self-assessment against " + view.framework.name;
        properties.author = view.input.provider.name;
        properties.keywords = "self-assessment, tender, small providers";
        properties.comments = "Written by TenderBench self-assess; projections from the provider's own scores";
        book.properties(properties);
        questions_sheet(view, book.add_sheet("Self-assessment"));
        competitors_sheet(view, book.add_sheet("Against competitors"));
        conditions_sheet(view, book.add_sheet("Conditions"));
        book.close();
    }
    output.commit();
}

}  // namespace core
