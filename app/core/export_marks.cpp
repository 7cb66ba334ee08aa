// The Quality, Price and Social value sheets of one lot: recorded scores and prices beside live
// formulas that turn them into marks, exactly as the scoring engine does (scoring/evaluation.cpp).
#include <cmath>

#include "app/core/export_sheets.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"

namespace core::excel {

namespace {

using xlsx::Style;
using xlsx::cell;

constexpr std::uint32_t kWeightRow = 1;  // effective weight of each question, above its score column
constexpr std::uint32_t kMaximumRow = 2; // scale maximum
constexpr std::uint32_t kHeaderRow = 3;
constexpr std::uint32_t kFirstBidRow = 4;

// Scored questions of one group, two columns each (consensus score, marks).
struct QuestionColumns {
    std::vector<std::size_t> leaves;  // indexes into the lot's leaves
    std::uint16_t first = 0;

    std::uint16_t score_column(std::size_t k) const { return static_cast<std::uint16_t>(first + 2 * k); }
    std::uint16_t end() const { return static_cast<std::uint16_t>(first + 2 * leaves.size()); }
};

QuestionColumns questions_of(const std::vector<scoring::Leaf>& leaves, scoring::GroupType group, std::uint16_t first) {
    QuestionColumns q;
    q.first = first;
    for (std::size_t l = 0; l < leaves.size(); ++l)
        if (leaves[l].group == group && leaves[l].criterion->kind == scoring::CriterionKind::question)
            q.leaves.push_back(l);
    return q;
}

// Rows 1 and 2 above the score columns: each question's live effective weight and its scale's
// maximum. Constant-memory sheets are written row by row, so row 1 is finished before row 2.
void write_question_heads(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot,
                          const std::vector<scoring::Leaf>& leaves, const QuestionColumns& q,
                          std::vector<std::string>& titles) {
    const auto& weights = context.cells.lots[lot.id].weight;
    sheet.text(kWeightRow, 2, "Effective weight (marks)", Style::label);
    for (std::size_t k = 0; k < q.leaves.size(); ++k) {
        const auto& leaf = leaves[q.leaves[k]];
        sheet.formula(kWeightRow, q.score_column(k), "=" + weights.at(leaf.criterion->id), leaf.effective_weight,
                      Style::decimal);
    }
    sheet.text(kMaximumRow, 2, "Scale maximum", Style::label);
    for (std::size_t k = 0; k < q.leaves.size(); ++k) {
        const auto& leaf = leaves[q.leaves[k]];
        const std::uint16_t c = q.score_column(k);
        sheet.number(kMaximumRow, c, leaf.scale_maximum, Style::plain);
        titles.push_back(leaf.criterion->id + " score");
        titles.push_back(leaf.criterion->id + " marks");
        sheet.width(c, 9);
        sheet.width(static_cast<std::uint16_t>(c + 1), 9);
    }
}

// One bid's scores and mark formulas; returns the marks cells (for the sum).
std::vector<std::string> write_question_cells(xlsx::Sheet& sheet, std::uint32_t row, const QuestionColumns& q,
                                              const std::vector<scoring::Leaf>& leaves,
                                              const scoring::ScoreTable& scores, std::size_t bid_index,
                                              BidCells& cells) {
    std::vector<std::string> marks;
    for (std::size_t k = 0; k < q.leaves.size(); ++k) {
        const auto& leaf = leaves[q.leaves[k]];
        const std::uint16_t c = q.score_column(k);
        const auto score = scores.get(bid_index, q.leaves[k]);
        if (score) sheet.number(row, c, *score, Style::plain);
        const std::string s = cell(row, c);
        const std::string w = cell(kWeightRow, c, true);
        const std::string m = cell(kMaximumRow, c, true);
        // The engine's order of operations: weight * score / maximum.
        const double cached = score ? leaf.effective_weight * *score / leaf.scale_maximum : 0.0;
        sheet.formula(row, static_cast<std::uint16_t>(c + 1), "=IF(ISNUMBER(" + s + ")," + w + "*" + s + "/" + m + ",0)",
                      cached, Style::decimal);
        marks.push_back(cell(row, static_cast<std::uint16_t>(c + 1)));
        cells.score[leaf.criterion->id] = sheet.ref(row, c);
        cells.marks[leaf.criterion->id] = sheet.ref(row, static_cast<std::uint16_t>(c + 1));
    }
    return marks;
}

// Monetised quality: the declared deduction for the point reached on each question (major units).
std::pair<std::string, double> deduction_formula(std::uint32_t row, const QuestionColumns& q,
                                                 const std::vector<scoring::Leaf>& leaves,
                                                 const scoring::ScoreTable& scores, std::size_t bid_index) {
    std::string formula;
    double total = 0;
    for (std::size_t k = 0; k < q.leaves.size(); ++k) {
        const auto& criterion = *leaves[q.leaves[k]].criterion;
        if (criterion.deductions.empty()) continue;
        const std::string s = cell(row, q.score_column(k));
        std::string terms;
        for (const auto& d : criterion.deductions) {
            terms += (terms.empty() ? "" : "+") + std::string("(") + s + "=" + scoring::format_number(d.point) + ")*" +
                     scoring::format_number(major(d.amount));
            const auto score = scores.get(bid_index, q.leaves[k]);
            if (score && std::fabs(d.point - *score) < 1e-9) total += major(d.amount);
        }
        formula += (formula.empty() ? "=" : "+") + std::string("IF(ISNUMBER(") + s + ")," + terms + ",0)";
    }
    return {formula.empty() ? "=0" : formula, total};
}

// What the Quality and Social value sheets of one lot read: the engine's result, its inputs
// (bids in package order with their consensus scores) and where the lot's cells are.
struct LotSheet {
    LotSheet(Context& context, const scoring::Lot& lot)
        : result(*context.result(lot.id)),
          inputs(lot_inputs(context.data.package, lot)),
          by_bid(results_by_bid(result)),
          cells(context.cells.lots[lot.id]),
          leaves(result.leaves) {}

    const scoring::LotResult& result;
    const LotInputs inputs;
    const std::unordered_map<std::string, const scoring::BidResult*> by_bid;
    LotCells& cells;
    const std::vector<scoring::Leaf>& leaves;
};

void title_rows(xlsx::Sheet& sheet, const std::string& title, const std::string& note) {
    sheet.text(0, 0, title, Style::title);
    sheet.text(0, 4, note, Style::note);
}

}  // namespace

void write_quality(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot) {
    const LotSheet sheet_data(context, lot);
    const auto& [result, inputs, by_bid, lot_cells, leaves] = sheet_data;
    const QuestionColumns q = questions_of(leaves, scoring::GroupType::quality, 3);
    const bool monetised = lot.award.model == scoring::AwardModel::monetised_quality;
    const bool has_minimum = !lot_cells.min_quality.empty();

    title_rows(sheet, "Quality: " + lot.name, "Scores are the panel's consensus; marks = weight x score / maximum.");
    std::vector<std::string> titles{"Bid", "Bidder", "Excluded (recorded)"};
    write_question_heads(context, sheet, lot, leaves, q, titles);
    const std::uint16_t raw_col = q.end();
    const std::uint16_t need_col = raw_col + 1;
    const std::uint16_t cont_col = has_minimum ? raw_col + 2 : raw_col + 1;
    const std::uint16_t quality_col = cont_col + 1;
    const std::uint16_t deduction_col = quality_col + 1;
    titles.push_back("Quality marks before normalisation");
    if (has_minimum) titles.push_back("Minimum needed");
    titles.push_back("In contention");
    titles.push_back(lot.rules.normalise_quality ? "Quality marks (normalised to the best)" : "Quality marks");
    if (monetised) titles.push_back("Deductions (monetised quality)");
    sheet.header(kHeaderRow, titles, 2);
    sheet.widths({10, 28, 30});
    for (auto c = q.end(); c < titles.size(); ++c) sheet.width(static_cast<std::uint16_t>(c), 12);

    const std::uint32_t last = kFirstBidRow + static_cast<std::uint32_t>(inputs.bids.size()) - 1;
    const std::string raw_range = xlsx::range(kFirstBidRow, raw_col, last, raw_col);
    const std::string cont_range = xlsx::range(kFirstBidRow, cont_col, last, cont_col);
    for (std::size_t b = 0; b < inputs.bids.size(); ++b) {
        const auto row = static_cast<std::uint32_t>(kFirstBidRow + b);
        const auto& bid = inputs.bids[b];
        const auto& r = *by_bid.at(bid.id);
        auto& cells = lot_cells.bids[bid.id];
        sheet.text(row, 0, bid.id);
        sheet.text(row, 1, bid.bidder);
        const auto* package_bid = context.data.bid(bid.id);
        const std::string excluded = recorded_exclusion(*package_bid, r);
        sheet.text(row, 2, excluded, Style::wrap);
        const auto marks = write_question_cells(sheet, row, q, leaves, inputs.scores, b, cells);
        sheet.formula(row, raw_col, "=" + sum_of(marks), r.raw_quality_marks, Style::decimal);
        const std::string raw = cell(row, raw_col);
        std::string condition = cell(row, 2) + "=\"\"";
        if (has_minimum) {
            const double needed = scoring::group_weight(lot, scoring::GroupType::quality) * *lot.rules.min_quality_percent / 100.0;
            sheet.formula(row, need_col, "=" + lot_cells.quality_weight + "*" + lot_cells.min_quality + "/100", needed,
                          Style::decimal);
            condition = "AND(" + condition + "," + raw + ">=" + cell(row, need_col) + "-1E-9)";
        }
        sheet.formula(row, cont_col, "=IF(" + condition + ",1,0)", r.in_contention ? 1 : 0, Style::yes_no);
        const std::string cont = cell(row, cont_col);
        std::string quality = "=" + raw;
        if (lot.rules.normalise_quality) {
            const std::string best = "_xlfn.MAXIFS(" + raw_range + "," + cont_range + ",1)";
            quality = "=IF(AND(" + cont + "=1," + best + ">0)," + raw + "*" + lot_cells.quality_weight + "/" + best + "," +
                      raw + ")";
        }
        sheet.formula(row, quality_col, quality, r.quality_marks, Style::decimal);
        if (monetised) {
            const auto [formula, total] = deduction_formula(row, q, leaves, inputs.scores, b);
            sheet.formula(row, deduction_col, formula, total, Style::money);
            cells.deductions = sheet.ref(row, deduction_col);
            cells.deductions_value = total;
        }
        cells.contention = sheet.ref(row, cont_col);
        cells.raw_quality = sheet.ref(row, raw_col);
        cells.quality_marks = sheet.ref(row, quality_col);
    }
    sheet.autofilter(kHeaderRow, last, static_cast<std::uint16_t>(titles.size() - 1));
}

namespace {

// The method of domain.md section 4 as an Excel formula over P, Pmin, Pmax, S and the lot's
// parameter cells on the Framework sheet; mirrors scoring::price_marks.
std::string method_formula(const scoring::PriceRule& rule, const LotCells& lot, const std::string& p,
                           const std::string& pmin, const std::string& pmax, const std::string& s) {
    using M = scoring::PriceMethod;
    switch (rule.method) {
        case M::lowest_ratio: return s + "*" + pmin + "/" + p;
        case M::linear_from_lowest:
            return s + "*MAX(0,1-(" + p + "-" + pmin + ")/(" + lot.spread + "*" + pmin + "))";
        case M::linear_min_max:
            return "IF(" + pmax + "=" + pmin + "," + s + "," + s + "*MIN(1,MAX(0,(" + pmax + "-" + p + ")/(" + pmax + "-" +
                   pmin + "))))";
        case M::ceiling_pro_rata:
            return "IF(" + lot.ceiling + "<=" + pmin + ",0," + s + "*MIN(1,MAX(0,(" + lot.ceiling + "-" + p + ")/(" +
                   lot.ceiling + "-" + pmin + "))))";
        case M::power_ratio: return s + "*(" + pmin + "/" + p + ")^" + lot.exponent;
        case M::absolute_scale:
            return s + "*MIN(1,MAX(0,(" + lot.high + "-" + p + ")/(" + lot.high + "-" + lot.low + ")))";
    }
    return "0";
}

std::string alt_screening(const scoring::BidResult& r) {
    for (const auto& f : r.flags)
        if (f.code.rfind("abnormally_low", 0) == 0) return f.detail;
    return "";
}

std::string alt_decision_text(scoring::AltDecision d) {
    switch (d) {
        case scoring::AltDecision::none: return "";
        case scoring::AltDecision::accepted: return "accepted";
        case scoring::AltDecision::rejected: return "rejected";
    }
    return "";
}

// Rejected as abnormally low and excluded for nothing else: such a bid may still set Pmin.
bool only_alt_rejected(const PackageBid& bid) {
    if (bid.input.alt_decision != scoring::AltDecision::rejected || bid.input.exclusion) return false;
    for (const auto& g : bid.input.gates)
        if (!g.passed) return false;
    return true;
}

std::string deliverability_text(scoring::Deliverability d) {
    switch (d) {
        case scoring::Deliverability::accept: return "accept";
        case scoring::Deliverability::reduce: return "reduce";
        case scoring::Deliverability::reject: return "reject";
    }
    return "";
}

// Each commitment x its measure's proxy value, after the panel's deliverability decision; the
// counted quantity mirrors scoring::Commitment::counted_quantity.
void write_commitments(Context& context, xlsx::Sheet& sheet, const std::vector<scoring::BidInput>& bids,
                       std::uint32_t header) {
    sheet.text(header - 1, 0, "Commitments (quantity x proxy value; decisions on deliverability)", Style::label);
    const std::vector<std::string> titles{"Bid", "Measure", "Name", "Unit", "Quantity committed", "Decision",
                                          "Accepted quantity", "Accepted %", "Counted quantity", "Proxy value per unit",
                                          "Social value", "Reason"};
    for (std::size_t c = 0; c < titles.size(); ++c)
        sheet.text(header, static_cast<std::uint16_t>(c), titles[c], Style::header);
    std::uint32_t row = header + 1;
    const auto& fw = context.data.package.framework;
    for (const auto& bid : bids)
        for (const auto& c : bid.commitments) {
            const auto* measure = fw.measure(c.measure);
            sheet.text(row, 0, bid.id);
            sheet.text(row, 1, c.measure);
            if (measure) sheet.text(row, 2, measure->name);
            if (measure) sheet.text(row, 3, measure->unit);
            sheet.number(row, 4, c.quantity, Style::plain);
            sheet.text(row, 5, deliverability_text(c.decision));
            if (c.accepted_quantity) sheet.number(row, 6, *c.accepted_quantity, Style::plain);
            if (c.accepted_percent) sheet.number(row, 7, *c.accepted_percent, Style::plain);
            const auto q = [&](int col) { return cell(row, static_cast<std::uint16_t>(col)); };
            sheet.formula(row, 8,
                          "=IF(" + q(5) + "=\"accept\"," + q(4) + ",IF(" + q(5) + "=\"reject\",0,IF(ISNUMBER(" + q(6) +
                              "),MIN(" + q(4) + "," + q(6) + "),IF(ISNUMBER(" + q(7) + ")," + q(4) + "*MIN(100,MAX(0," +
                              q(7) + "))/100," + q(4) + "))))",
                          c.counted_quantity(), Style::plain);
            const double proxy = measure ? major(measure->proxy_per_unit) : 0.0;
            const auto known = context.cells.proxy.find(c.measure);
            if (known != context.cells.proxy.end())
                sheet.formula(row, 9, "=" + known->second, proxy, Style::money);
            sheet.formula(row, 10, "=" + q(8) + "*" + q(9), c.counted_quantity() * proxy, Style::money);
            sheet.text(row, 11, c.reason, Style::wrap);
            ++row;
        }
}

}  // namespace

void write_price(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot) {
    constexpr std::uint32_t header = 5;
    constexpr std::uint32_t first = header + 1;
    const auto* result = context.result(lot.id);
    const auto bids = context.bids_of(lot.id);
    const auto by_bid = results_by_bid(*result);
    auto& lot_cells = context.cells.lots[lot.id];
    const bool weighted = lot.award.model == scoring::AwardModel::weighted_sum;
    const std::uint32_t last = first + static_cast<std::uint32_t>(bids.size()) - 1;
    const std::string prices = xlsx::range(first, 2, last, 2);
    const std::string counts = xlsx::range(first, 4, last, 4);
    const double pmin = result->has_price_field ? major(result->field.pmin) : 0.0;
    const double pmax = result->has_price_field ? major(result->field.pmax) : 0.0;

    sheet.text(0, 0, "Price: " + lot.name, Style::title);
    sheet.text(1, 1, "Pmin", Style::label);
    sheet.formula(1, 2, "=_xlfn.MINIFS(" + prices + "," + counts + ",1)", pmin, Style::money);
    sheet.text(1, 3, "lowest price among bids that count (column E)", Style::note);
    sheet.text(2, 1, "Pmax", Style::label);
    sheet.formula(2, 2, "=_xlfn.MAXIFS(" + prices + "," + counts + ",1)", pmax, Style::money);
    sheet.text(3, 1, "S", Style::label);
    double s = 0;
    for (const auto& leaf : result->leaves)
        if (leaf.group == scoring::GroupType::price) s += leaf.effective_weight;
    sheet.formula(3, 2, "=" + lot_cells.price_s, s, Style::decimal);
    sheet.text(3, 3, "maximum price marks (Framework sheet)", Style::note);
    sheet.text(4, 1, "Method", Style::label);
    sheet.text(4, 2, weighted ? scoring::to_string(lot.price.method) + ": " + scoring::formula(lot.price)
                              : "price marks are not used: the award model is " + scoring::to_string(lot.award.model));
    sheet.header(header, {"Bid", "Bidder", "Price", "In contention", "Counts in Pmin", "Abnormally low screening",
                          "Decision", "Decision reason", "Price marks"},
                 2);
    sheet.widths({10, 28, 14, 11, 11, 40, 11, 40, 11});
    const std::string p_min = "$C$2", p_max = "$C$3", s_cell = "$C$4";
    for (std::size_t b = 0; b < bids.size(); ++b) {
        const auto row = static_cast<std::uint32_t>(first + b);
        const auto& bid = *bids[b];
        const auto& r = *by_bid.at(bid.input.id);
        auto& cells = lot_cells.bids[bid.input.id];
        sheet.text(row, 0, bid.input.id);
        sheet.text(row, 1, bid.input.bidder);
        if (cells.schedule_total.empty()) sheet.number(row, 2, major(bid.input.price), Style::money);
        else sheet.formula(row, 2, "=" + cells.schedule_total, major(bid.input.price), Style::money);
        sheet.formula(row, 3, "=" + cells.contention, r.in_contention ? 1 : 0, Style::yes_no);
        const std::string in = xlsx::cell(row, 3) + "=1";
        std::string counts_formula = "=IF(" + in + ",1,0)";
        bool counted = r.in_contention;
        if (only_alt_rejected(bid)) {
            std::string also = lot_cells.rejected_in_pmin + "=1";
            if (!lot_cells.min_quality.empty()) {
                const double needed =
                    scoring::group_weight(lot, scoring::GroupType::quality) * *lot.rules.min_quality_percent / 100.0;
                also = "AND(" + also + "," + cells.raw_quality + ">=" + lot_cells.quality_weight + "*" +
                       lot_cells.min_quality + "/100-1E-9)";
                counted = counted || (lot.abnormally_low.rejected_in_pmin && r.raw_quality_marks >= needed - 1e-9);
            } else {
                counted = counted || lot.abnormally_low.rejected_in_pmin;
            }
            counts_formula = "=IF(OR(" + in + "," + also + "),1,0)";
        }
        sheet.formula(row, 4, counts_formula, counted ? 1 : 0, Style::yes_no);
        sheet.text(row, 5, alt_screening(r), Style::wrap);
        sheet.text(row, 6, alt_decision_text(bid.input.alt_decision));
        sheet.text(row, 7, bid.input.alt_reason, Style::wrap);
        const std::string p = xlsx::cell(row, 2);
        if (weighted)
            sheet.formula(row, 8,
                          "=IF(AND(" + in + "," + p_min + ">0)," +
                              method_formula(lot.price, lot_cells, p, p_min, p_max, s_cell) + ",0)",
                          r.price_marks, Style::decimal);
        else
            sheet.number(row, 8, 0, Style::decimal);
        cells.price = sheet.ref(row, 2);
        cells.price_marks = sheet.ref(row, 8);
    }
    sheet.autofilter(header, last, 8);
}

void write_social_value(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot) {
    const LotSheet sheet_data(context, lot);
    const auto& [result, inputs, by_bid, lot_cells, leaves] = sheet_data;
    const QuestionColumns q = questions_of(leaves, scoring::GroupType::social_value, 3);
    std::vector<std::string> measure_weights;
    double measure_weight = 0;
    for (const auto& leaf : leaves)
        if (leaf.criterion->kind == scoring::CriterionKind::measures) {
            measure_weights.push_back(lot_cells.weight.at(leaf.criterion->id));
            measure_weight += leaf.effective_weight;
        }
    const bool quantitative = !measure_weights.empty();
    const bool per_price = lot.social_value == scoring::SocialValueBasis::per_price;

    // The commitments table sits below the bids; its place is fixed first so the bids' sums can refer to it.
    const std::uint32_t last = kFirstBidRow + static_cast<std::uint32_t>(inputs.bids.size()) - 1;
    const std::uint32_t commitments_header = last + 4;
    std::size_t commitment_count = 0;
    for (const auto& bid : inputs.bids) commitment_count += bid.commitments.size();
    const std::uint32_t commitments_last = commitments_header + static_cast<std::uint32_t>(commitment_count);

    title_rows(sheet, "Social value: " + lot.name,
               quantitative ? "Qualitative answers are scored like quality; commitments x proxy values are below."
                            : "Social-value answers are scored like quality questions.");
    std::vector<std::string> titles{"Bid", "Bidder", "In contention"};
    write_question_heads(context, sheet, lot, leaves, q, titles);
    const std::uint16_t committed_col = q.end();
    const std::uint16_t basis_col = committed_col + 1;
    const std::uint16_t quantitative_col = committed_col + 2;
    const std::uint16_t total_col = quantitative ? committed_col + 3 : committed_col;
    if (quantitative) {
        titles.push_back("Committed social value");
        titles.push_back(per_price ? "Social value per unit of price" : "Social value counted");
        titles.push_back("Commitment marks");
    }
    titles.push_back("Social value marks");
    sheet.header(kHeaderRow, titles, 2);
    sheet.widths({10, 28, 11});
    for (auto c = q.end(); c < titles.size(); ++c) sheet.width(static_cast<std::uint16_t>(c), 13);

    const std::string basis_range = xlsx::range(kFirstBidRow, basis_col, last, basis_col);
    const std::string commitment_bids = xlsx::range(commitments_header + 1, 0, commitments_last, 0);
    const std::string commitment_values = xlsx::range(commitments_header + 1, 10, commitments_last, 10);
    double best = 0;
    if (quantitative)
        for (const auto& bid : inputs.bids) {
            const auto& r = *by_bid.at(bid.id);
            if (!r.in_contention) continue;
            best = std::max(best, per_price ? r.social_value_committed / static_cast<double>(bid.price)
                                            : r.social_value_committed / 100.0);
        }
    for (std::size_t b = 0; b < inputs.bids.size(); ++b) {
        const auto row = static_cast<std::uint32_t>(kFirstBidRow + b);
        const auto& bid = inputs.bids[b];
        const auto& r = *by_bid.at(bid.id);
        auto& cells = lot_cells.bids[bid.id];
        sheet.text(row, 0, bid.id);
        sheet.text(row, 1, bid.bidder);
        sheet.formula(row, 2, "=" + cells.contention, r.in_contention ? 1 : 0, Style::yes_no);
        const std::string in = xlsx::cell(row, 2) + "=1";
        auto marks = write_question_cells(sheet, row, q, leaves, inputs.scores, b, cells);
        if (quantitative) {
            const double committed = r.social_value_committed / 100.0;
            sheet.formula(row, committed_col,
                          "=SUMIFS(" + commitment_values + "," + commitment_bids + "," + xlsx::cell(row, 0) + ")",
                          committed, Style::money);
            const std::string sv = xlsx::cell(row, committed_col);
            double basis = 0;
            if (r.in_contention) basis = per_price ? r.social_value_committed / static_cast<double>(bid.price) : committed;
            const std::string basis_formula =
                per_price ? "=IF(AND(" + in + "," + cells.price + ">0)," + sv + "/" + cells.price + ",0)"
                          : "=IF(" + in + "," + sv + ",0)";
            sheet.formula(row, basis_col, basis_formula, basis, Style::plain);
            const std::string w = "(" + sum_of(measure_weights) + ")";
            const std::string best_cell = "MAX(" + basis_range + ")";
            const double cached = r.in_contention && best > 0 ? measure_weight * basis / best : 0.0;
            sheet.formula(row, quantitative_col,
                          "=IF(AND(" + in + "," + best_cell + ">0)," + w + "*" + xlsx::cell(row, basis_col) + "/" +
                              best_cell + ",0)",
                          cached, Style::decimal);
            marks.push_back(xlsx::cell(row, quantitative_col));
            cells.committed = sheet.ref(row, committed_col);
            for (const auto& leaf : leaves)
                if (leaf.criterion->kind == scoring::CriterionKind::measures)
                    cells.marks[leaf.criterion->id] = sheet.ref(row, quantitative_col);
        }
        sheet.formula(row, total_col, "=" + sum_of(marks), r.social_value_marks, Style::decimal);
        cells.social_value_marks = sheet.ref(row, total_col);
    }
    sheet.autofilter(kHeaderRow, last, static_cast<std::uint16_t>(titles.size() - 1));
    if (quantitative) write_commitments(context, sheet, inputs.bids, commitments_header);
}

}  // namespace core::excel
