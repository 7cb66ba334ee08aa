// The panel's sheets: every individual score with its justification, moderation side by side
// with spread bands, and the evaluators with their declarations, assignments and statistics.
#include <xlsxwriter.h>

#include <algorithm>
#include <set>

#include "app/core/export_sheets.h"
#include "scoring/money.h"

namespace core::excel {

namespace {

using xlsx::Style;
using xlsx::cell;

std::string lot_of(const ExportData& data, const std::string& bid) {
    const auto* b = data.bid(bid);
    return b ? b->lot : "";
}

std::string bidder_of(const ExportData& data, const std::string& bid) {
    const auto* b = data.bid(bid);
    return b ? b->input.bidder : "";
}

const scoring::Scale* scale_of(const ExportData& data, const std::string& bid, const std::string& criterion) {
    const auto& fw = data.package.framework;
    const auto* lot = fw.lot(lot_of(data, bid));
    const auto* c = lot ? scoring::find_criterion(*lot, criterion) : nullptr;
    return c ? fw.scale(c->scale_id) : nullptr;
}

std::string criterion_name(const ExportData& data, const std::string& bid, const std::string& criterion) {
    const auto* lot = data.package.framework.lot(lot_of(data, bid));
    const auto* c = lot ? scoring::find_criterion(*lot, criterion) : nullptr;
    return c ? c->name : "";
}

void header_row(xlsx::Sheet& sheet, std::uint32_t row, const std::vector<std::string>& titles) {
    for (std::size_t c = 0; c < titles.size(); ++c) sheet.text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
}

void band_formats(Context& context, xlsx::Sheet& sheet, std::uint32_t first, std::uint32_t last, std::uint16_t spread,
                  std::uint16_t range) {
    if (last < first) return;
    const std::string s = cell(first, spread, false, true), r = cell(first, range, false, true);
    const std::pair<std::string, Style> bands[] = {
        {"=AND(ISNUMBER(" + s + ")," + s + ">=0.5*" + r + ")", Style::red},
        {"=AND(ISNUMBER(" + s + ")," + s + ">=0.2*" + r + "," + s + "<0.5*" + r + ")", Style::amber},
        {"=AND(ISNUMBER(" + s + ")," + s + "<0.2*" + r + ")", Style::green},
    };
    for (const auto& [formula, style] : bands) {
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
        rule.value_string = const_cast<char*>(formula.c_str());
        rule.format = context.book.format(style);
        worksheet_conditional_format_range(sheet.raw(), first, spread, last, spread, &rule);
    }
}

}  // namespace

void write_individual_scores(Context& context, xlsx::Sheet& sheet) {
    const auto& data = context.data;
    sheet.text(0, 0, "Individual scores: every evaluator's own score and justification, locked when moderation began",
               Style::title);
    const std::vector<std::string> titles{"Lot", "Bid", "Bidder", "Question", "Question name", "Evaluator",
                                          "Evaluator name", "Score", "Abstained", "Justification"};
    sheet.header(2, titles, 4);
    sheet.widths({8, 10, 26, 10, 30, 12, 22, 8, 10, 90});
    std::uint32_t row = 3;
    for (const auto& record : data.package.scores)
        for (const auto& s : record.individual) {
            sheet.text(row, 0, lot_of(data, record.bid));
            sheet.text(row, 1, record.bid);
            sheet.text(row, 2, bidder_of(data, record.bid));
            sheet.text(row, 3, record.criterion);
            sheet.text(row, 4, criterion_name(data, record.bid, record.criterion));
            sheet.text(row, 5, s.evaluator);
            const auto* e = data.evaluator(s.evaluator);
            sheet.text(row, 6, e ? e->name : "");
            if (s.score) sheet.number(row, 7, *s.score, Style::plain);
            sheet.text(row, 8, s.score ? "" : "abstained");
            sheet.text(row, 9, s.justification, Style::wrap);
            ++row;
        }
    sheet.autofilter(2, row - 1, static_cast<std::uint16_t>(titles.size() - 1));
}

void write_moderation(Context& context, xlsx::Sheet& sheet) {
    const auto& data = context.data;
    std::set<std::string> scorer_set;
    for (const auto& item : data.moderation)
        for (const auto& s : item.individual) scorer_set.insert(s.evaluator);
    const std::vector<std::string> scorers(scorer_set.begin(), scorer_set.end());
    const auto base = static_cast<std::uint16_t>(5 + 2 * scorers.size());
    const std::uint16_t spread_col = base, divergent_col = base + 1, suggestion_col = base + 2, consensus_col = base + 3;

    sheet.text(0, 0, "Moderation: individual scores beside the consensus", Style::title);
    sheet.text(1, 0,
               "Spread = highest - lowest individual score, coloured by its share of the scale's range (green below "
               "20%, amber to 50%, red from 50%). Delta = consensus - the evaluator's score.",
               Style::note);
    std::vector<std::string> titles{"Lot", "Bid", "Bidder", "Question", "Scale range"};
    for (const auto& e : scorers) {
        titles.push_back(e + " score");
        titles.push_back(e + " delta");
    }
    for (const char* t : {"Spread", "Divergent", "Suggested (median)", "Consensus", "Automatic", "Rationale",
                          "Moderator", "Recorded at (UTC)"})
        titles.push_back(t);
    sheet.header(3, titles, 4);
    sheet.widths({8, 10, 26, 10, 8});
    sheet.width(static_cast<std::uint16_t>(base + 5), 70, Style::plain);
    sheet.width(static_cast<std::uint16_t>(base + 7), 24, Style::plain);
    std::uint32_t row = 4;
    for (const auto& item : data.moderation) {
        const auto* scale = scale_of(data, item.bid, item.criterion);
        sheet.text(row, 0, lot_of(data, item.bid));
        sheet.text(row, 1, item.bid);
        sheet.text(row, 2, bidder_of(data, item.bid));
        sheet.text(row, 3, item.criterion);
        if (scale) sheet.number(row, 4, scale->maximum() - scale->minimum(), Style::plain);
        std::vector<std::string> score_cells;
        for (std::size_t k = 0; k < scorers.size(); ++k) {
            const auto col = static_cast<std::uint16_t>(5 + 2 * k);
            const auto it = std::find_if(item.individual.begin(), item.individual.end(),
                                         [&](const IndividualScoreRow& s) { return s.evaluator == scorers[k]; });
            if (it == item.individual.end()) continue;
            if (!it->score) {
                sheet.text(row, col, "abstained");
                continue;
            }
            sheet.number(row, col, *it->score, Style::plain);
            score_cells.push_back(cell(row, col));
            if (item.consensus)
                sheet.formula(row, col + 1, "=" + cell(row, consensus_col) + "-" + cell(row, col),
                              item.consensus->score - *it->score, Style::plain);
        }
        if (!score_cells.empty()) {
            std::string list;
            for (const auto& c : score_cells) list += (list.empty() ? "(" : ",") + c;
            list += ")";
            sheet.formula(row, spread_col, "=MAX" + list + "-MIN" + list, item.spread.spread, Style::plain);
        }
        sheet.text(row, divergent_col, item.spread.divergent ? "Yes" : "No");
        if (item.suggestion) sheet.number(row, suggestion_col, *item.suggestion, Style::plain);
        if (item.consensus) {
            sheet.number(row, consensus_col, item.consensus->score, Style::plain);
            sheet.text(row, base + 4, item.consensus->automatic ? "Yes" : "No");
            sheet.text(row, base + 5, item.consensus->rationale, Style::wrap);
            sheet.text(row, base + 6, item.consensus->moderator);
            const auto t = data.consensus_time.find({item.bid, item.criterion});
            if (t != data.consensus_time.end()) sheet.text(row, base + 7, t->second);
        }
        ++row;
    }
    sheet.autofilter(3, row - 1, static_cast<std::uint16_t>(titles.size() - 1));
    band_formats(context, sheet, 4, row - 1, spread_col, 4);
}

namespace {

std::uint32_t write_evaluator_table(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    const auto& data = context.data;
    const std::vector<std::string> titles{"Evaluator", "Name", "Role", "Declared interests", "Conflicts declared",
                                          "Assignments", "Scores given", "Abstentions", "Items compared",
                                          "Mean deviation (points)", "Mean absolute deviation (points)",
                                          "Mean deviation (% of range)", "Mean absolute deviation (% of range)"};
    sheet.header(row, titles, 2);
    const std::uint32_t header = row++;
    for (const auto& e : data.package.evaluators) {
        std::size_t declared = 0, conflicts = 0, assignments = 0, given = 0, abstained = 0;
        for (const auto& d : data.declarations)
            if (d.evaluator == e.id) ++declared, conflicts += d.conflict ? 1 : 0;
        for (const auto& a : data.assignments) assignments += a.evaluator == e.id ? 1 : 0;
        for (const auto& record : data.package.scores)
            for (const auto& s : record.individual)
                if (s.evaluator == e.id) (s.score ? given : abstained)++;
        sheet.text(row, 0, e.id);
        sheet.text(row, 1, e.name);
        sheet.text(row, 2, to_string(e.role));
        sheet.text(row, 3, declared ? "Yes" : "No");
        sheet.number(row, 4, static_cast<double>(conflicts), Style::integer);
        sheet.number(row, 5, static_cast<double>(assignments), Style::integer);
        sheet.number(row, 6, static_cast<double>(given), Style::integer);
        sheet.number(row, 7, static_cast<double>(abstained), Style::integer);
        for (const auto& d : data.statistics.evaluators)
            if (d.evaluator == e.id) {
                sheet.number(row, 8, static_cast<double>(d.items), Style::integer);
                sheet.number(row, 9, d.mean_signed, Style::decimal);
                sheet.number(row, 10, d.mean_absolute, Style::decimal);
                sheet.number(row, 11, d.mean_signed_percent, Style::percent);
                sheet.number(row, 12, d.mean_absolute_percent, Style::percent);
            }
        ++row;
    }
    sheet.autofilter(header, row - 1, static_cast<std::uint16_t>(titles.size() - 1));
    return row + 1;
}

std::uint32_t write_agreement(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    const auto& s = context.data.statistics;
    sheet.text(row++, 0, "Panel agreement (moderated items on scale " + s.scale + ")", Style::label);
    const auto line = [&](const std::string& label, std::optional<double> value, const std::string& words) {
        sheet.text(row, 0, label, Style::label);
        if (value) sheet.number(row, 2, *value, Style::precise);
        else sheet.text(row, 2, "not defined");
        sheet.text(row, 3, words);
        ++row;
    };
    line("ICC(1,1)", s.agreement.icc, s.agreement.definition);
    line("ICC(2,1)", s.agreement.icc_2_1, s.agreement.definition_2_1);
    line("Items used", static_cast<double>(s.agreement.items_used), "items with at least two ratings");
    line("Ratings used", static_cast<double>(s.agreement.ratings_used), "");
    return row + 1;
}

std::uint32_t write_declarations(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    sheet.text(row++, 0, "Declarations of interest", Style::label);
    header_row(sheet, row++, {"Evaluator", "Bid", "Conflict", "Detail", "Decision", "Decided by", "Reason"});
    for (const auto& d : context.data.declarations) {
        sheet.text(row, 0, d.evaluator);
        sheet.text(row, 1, d.bid == "*" ? "whole tender" : d.bid);
        sheet.text(row, 2, d.conflict ? "Yes" : "No");
        sheet.text(row, 3, d.detail, Style::wrap);
        sheet.text(row, 4, d.conflict && d.decision.empty() ? "undecided" : d.decision);
        sheet.text(row, 5, d.decided_by);
        sheet.text(row, 6, d.decision_reason, Style::wrap);
        ++row;
    }
    return row + 1;
}

void write_assignments(Context& context, xlsx::Sheet& sheet, std::uint32_t row) {
    sheet.text(row++, 0, "Assignments", Style::label);
    header_row(sheet, row++, {"Evaluator", "Question", "Bid"});
    for (const auto& a : context.data.assignments) {
        sheet.text(row, 0, a.evaluator);
        sheet.text(row, 1, a.criterion);
        sheet.text(row, 2, a.bid == "*" ? "every bid" : a.bid);
        ++row;
    }
}

}  // namespace

void write_evaluators(Context& context, xlsx::Sheet& sheet) {
    sheet.text(0, 0, "Evaluators: roles, declarations, assignments and statistics", Style::title);
    sheet.text(1, 0,
               "Deviation = individual score - consensus, averaged over the items the evaluator scored: positive is "
               "lenient, negative severe (docs/moderation.md).",
               Style::note);
    sheet.widths({12, 24, 12, 40, 12, 12, 12, 12, 12, 12, 12, 12, 12});
    std::uint32_t row = write_evaluator_table(context, sheet, 3);
    row = write_agreement(context, sheet, row);
    row = write_declarations(context, sheet, row);
    write_assignments(context, sheet, row);
}

}  // namespace core::excel
