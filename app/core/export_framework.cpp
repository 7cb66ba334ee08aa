// The Framework sheet: criteria tree with live weights, the lot's rules as cells the mark
// formulas read, measures with proxy values, and the scales with their descriptors.
#include <functional>

#include "app/core/export_sheets.h"
#include "scoring/award_models.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"
#include "scoring/social_value.h"

namespace core::excel {

namespace {

using xlsx::Style;

std::string kind_text(const scoring::Criterion& c) {
    if (c.type) return to_string(*c.type) + " group";
    switch (c.kind) {
        case scoring::CriterionKind::group: return "group";
        case scoring::CriterionKind::question: return "question";
        case scoring::CriterionKind::measures: return "measures (quantitative social value)";
    }
    return "";
}

std::string deductions_text(const scoring::Criterion& c) {
    std::string text;
    for (const auto& d : c.deductions)
        text += (text.empty() ? "" : "; ") + scoring::format_number(d.point) + " -> " + scoring::format_money(d.amount);
    return text;
}

Style indent(int depth) {
    switch (depth) {
        case 0: return Style::label;
        case 1: return Style::indent1;
        case 2: return Style::indent2;
        default: return Style::indent3;
    }
}

struct CriteriaWriter {
    Context& context;
    xlsx::Sheet& sheet;
    std::uint32_t row;

    // One criterion row and its children; returns nothing, records the effective-weight cell.
    void write(const scoring::Lot& lot, const scoring::Criterion& c, int depth, std::uint32_t parent_row,
               double parent_marks) {
        const std::uint32_t r = row++;
        const double marks = parent_marks * c.weight / 100.0;
        sheet.text(r, 0, lot.id);
        sheet.text(r, 1, c.id);
        sheet.text(r, 2, c.name, indent(depth));
        sheet.text(r, 3, kind_text(c));
        sheet.number(r, 4, c.weight, Style::plain);
        const std::string own = xlsx::cell(r, 4);
        const std::string formula =
            depth == 0 ? "=" + own : "=" + xlsx::cell(parent_row, 5, true, true) + "*" + own + "/100";
        sheet.formula(r, 5, formula, marks, Style::decimal);
        if (c.kind == scoring::CriterionKind::question) {
            sheet.text(r, 6, c.scale_id);
            if (const auto* scale = context.data.package.framework.scale(c.scale_id))
                sheet.number(r, 7, scale->maximum(), Style::plain);
            if (c.min_score) sheet.number(r, 8, *c.min_score, Style::plain);
            if (c.min_score)
                sheet.text(r, 9, c.on_fail == scoring::OnFail::flag ? "flag only" : "exclude the bid");
        }
        sheet.text(r, 10, deductions_text(c));
        sheet.text(r, 11, c.description, Style::wrap);
        context.cells.lots[lot.id].weight[c.id] = sheet.ref(r, 5);
        for (const auto& child : c.children) write(lot, child, depth + 1, r, marks);
    }
};

// One rule per row: its name (column C), a live value where formulas read one (column E) and
// the rule in words (column L, beside the criteria's descriptions).
struct RuleWriter {
    xlsx::Sheet& sheet;
    std::uint32_t row;
    const scoring::Lot& lot;

    void start(const std::string& rule, const std::string& words) {
        sheet.text(row, 0, lot.id);
        sheet.text(row, 2, rule, Style::label);
        sheet.text(row, 11, words, Style::wrap);
    }
    std::string value(const std::string& rule, double v, const std::string& words, Style style = Style::plain) {
        start(rule, words);
        sheet.number(row, 4, v, style);
        return sheet.ref(row++, 4);
    }
    std::string formula(const std::string& rule, const std::string& f, double cached, const std::string& words) {
        start(rule, words);
        sheet.formula(row, 4, f, cached, Style::decimal);
        return sheet.ref(row++, 4);
    }
    void words(const std::string& rule, const std::string& words) {
        start(rule, words);
        ++row;
    }
};

std::string alt_words(const scoring::AltRule& rule) {
    std::string text;
    switch (rule.method) {
        case scoring::AltMethod::none: text = "No abnormally-low screening."; break;
        case scoring::AltMethod::scottish:
            text = "Scottish rule: flagged when more than " + scoring::format_number(rule.median_percent) +
                   "% below the median of the other prices in contention and more than " +
                   scoring::format_number(rule.next_percent) + "% below the next lowest price.";
            break;
        case scoring::AltMethod::mean:
            text = "Mean rule: flagged when more than " + scoring::format_number(rule.mean_percent) +
                   "% below the mean of the other prices in contention.";
            break;
    }
    return text + " The officer asks the bidder to explain and records a decision (PA 2023 s.19).";
}

void write_rules(Context& context, RuleWriter& w, const scoring::Lot& lot) {
    auto& cells = context.cells.lots[lot.id];
    const auto leaves = scoring::leaves_of(context.data.package.framework, lot);
    std::vector<std::string> price_refs;
    double s = 0;
    for (const auto& leaf : leaves)
        if (leaf.group == scoring::GroupType::price) {
            price_refs.push_back(cells.weight.at(leaf.criterion->id));
            s += leaf.effective_weight;
        }
    const auto& price = lot.price;
    w.words("Award model", scoring::describe(lot.award));
    w.words("Price method", scoring::to_string(price.method) + ": " + scoring::describe(price));
    w.words("Price formula", scoring::formula(price));
    cells.price_s = w.formula("S (price marks)", "=" + sum_of(price_refs), s, "the price group's effective weight");
    using M = scoring::PriceMethod;
    if (price.method == M::linear_from_lowest) cells.spread = w.value("d (spread)", price.spread, "zero marks at (1 + d) x Pmin");
    if (price.method == M::ceiling_pro_rata) cells.ceiling = w.value("C (ceiling)", major(price.ceiling), "", Style::money);
    if (price.method == M::power_ratio) cells.exponent = w.value("n (exponent)", price.exponent, "");
    if (price.method == M::absolute_scale) {
        cells.low = w.value("Plow", major(price.low), "full marks at or below", Style::money);
        cells.high = w.value("Phigh", major(price.high), "zero marks at or above", Style::money);
    }
    w.words("Abnormally low", alt_words(lot.abnormally_low));
    cells.rejected_in_pmin = w.value("Rejected ALT in Pmin", lot.abnormally_low.rejected_in_pmin ? 1 : 0,
                                     "does a bid rejected as abnormally low still set the lowest price?", Style::yes_no);
    w.words("Social value", scoring::describe(lot.social_value));
    cells.precision = w.value("Precision (decimal places)", lot.rules.precision,
                              "totals are compared rounded to this many places; equal is a tie", Style::integer);
    for (const auto& g : lot.criteria)
        if (g.type == scoring::GroupType::quality) cells.quality_weight = cells.weight.at(g.id);
    if (lot.rules.min_quality_percent)
        cells.min_quality = w.value("Minimum quality (%)", *lot.rules.min_quality_percent,
                                    "bids with quality marks below this share of the quality weight are excluded");
    if (lot.rules.normalise_quality)
        w.words("Quality normalisation", "quality marks are scaled so the best bid in contention gets the full quality weight");
    if (lot.award.corridor_percent)
        cells.corridor = w.value("Corridor (%)", *lot.award.corridor_percent, "bids within this of the best Z are equal");
    std::string tie_breaks;
    for (auto rule : lot.tie_breaks) tie_breaks += (tie_breaks.empty() ? "" : ", then ") + scoring::to_string(rule);
    w.words("Tie-breaks", tie_breaks.empty() ? "none declared" : tie_breaks);
    w.words("Divergence", "individual scores are divergent when max - min reaches " +
                              scoring::format_number(lot.moderation.divergence) + " points" +
                              (lot.moderation.enhanced_consensus ? "; enhanced consensus is on" : ""));
}

std::uint32_t write_measures(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    const auto& measures = context.data.package.framework.measures;
    if (measures.empty()) return row;
    sheet.text(row++, 0, "Social-value measures (proxy values are the buyer's own; change one and the marks follow)",
               Style::label);
    const std::vector<std::string> titles{"Measure", "", "Name", "Unit", "Proxy value per unit"};
    for (std::size_t c = 0; c < titles.size(); ++c) sheet.text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
    ++row;
    for (const auto& m : measures) {
        sheet.text(row, 0, m.code);
        sheet.text(row, 2, m.name);
        sheet.text(row, 3, m.unit);
        sheet.number(row, 4, major(m.proxy_per_unit), Style::money);
        context.cells.proxy.emplace(m.code, sheet.ref(row, 4));
        ++row;
    }
    return row + 1;
}

std::uint32_t write_scales(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    sheet.text(row++, 0, "Scales", Style::label);
    const std::vector<std::string> titles{"Scale", "", "Name", "Label", "Point"};
    for (std::size_t c = 0; c < titles.size(); ++c) sheet.text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
    sheet.text(row, 11, "Descriptor", Style::header);
    ++row;
    for (const auto& scale : context.data.package.framework.scales)
        for (const auto& p : scale.points) {
            sheet.text(row, 0, scale.id);
            sheet.text(row, 2, scale.name);
            sheet.text(row, 3, p.label);
            sheet.number(row, 4, p.value, Style::plain);
            sheet.text(row, 11, p.descriptor, Style::wrap);
            ++row;
        }
    return row;
}

}  // namespace

void write_framework(Context& context, xlsx::Sheet& sheet) {
    const auto& fw = context.data.package.framework;
    sheet.text(0, 0, "Framework: " + fw.name + " (version " + fw.version + ")", Style::title);
    sheet.text(1, 0,
               "Weights in column E are live: change one and every effective weight, mark, total and live rank in "
               "this workbook follows. Child weights are percentages of their parent.",
               Style::note);
    const std::vector<std::string> titles{"Lot", "Criterion", "Name", "Type", "Weight (% of parent)",
                                          "Effective weight (marks)", "Scale", "Scale maximum", "Minimum score",
                                          "Below the minimum", "Deductions (monetised quality)", "Description"};
    sheet.header(3, titles, 3);
    sheet.widths({6, 10, 40, 16, 10, 11, 12, 8, 8, 14, 18, 60});
    sheet.width(11, 60, Style::wrap);
    CriteriaWriter criteria{context, sheet, 4};
    for (const auto& lot : fw.lots)
        for (const auto& group : lot.criteria) criteria.write(lot, group, 0, 0, 100.0);
    sheet.autofilter(3, criteria.row - 1, static_cast<std::uint16_t>(titles.size() - 1));
    std::uint32_t row = criteria.row + 1;
    sheet.text(row++, 0, "Rules of each lot (values in column C are live)", Style::label);
    for (const auto& lot : fw.lots) {
        RuleWriter rules{sheet, row, lot};
        write_rules(context, rules, lot);
        row = rules.row + 1;
    }
    row = write_measures(context, sheet, row);
    write_scales(context, sheet, row);
}

}  // namespace core::excel
