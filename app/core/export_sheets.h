// Internal to the Excel export: where each live figure was written, so formulas on later sheets
// can refer to it, and the writer of each sheet.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/export_data.h"
#include "app/core/xlsx_book.h"

namespace core::excel {

/// References (with sheet prefix) to one bid's live cells.
struct BidCells {
    std::string contention;          // 1 = in contention (formula on the Quality sheet)
    std::string price;               // major units
    std::string schedule_total;      // the Price schedule sheet's total, when the bid has a schedule
    std::string price_marks;
    std::string raw_quality;
    std::string quality_marks;       // after normalisation, if any
    std::string social_value_marks;
    std::string committed;           // committed social value, major units (if the lot has measures)
    std::string deductions;          // monetised quality, major units
    double deductions_value = 0;     // its cached value
    std::string total;
    std::string ranking_value;
    std::unordered_map<std::string, std::string> marks;  // leaf criterion id -> marks
    std::unordered_map<std::string, std::string> score;  // question id -> consensus score
};

/// References to one lot's framework parameters and its bids' cells.
struct LotCells {
    std::unordered_map<std::string, std::string> weight;  // criterion id -> effective weight
    std::string price_s;       // S: sum of the price leaves' effective weights
    std::string precision;
    std::string min_quality;   // percent of the quality weight ("" when none)
    std::string quality_weight;
    std::string spread, ceiling, exponent, low, high;  // price method parameters
    std::string corridor;      // vfm corridor percent ("" when none)
    std::string rejected_in_pmin;
    std::unordered_map<std::string, BidCells> bids;
};

struct Cells {
    std::unordered_map<std::string, LotCells> lots;
    std::unordered_map<std::string, std::string> proxy;  // measure code -> proxy per unit (major units)
};

/// What every sheet writer gets.
struct Context {
    const ExportData& data;
    xlsx::Book& book;
    Cells cells;
    bool single_lot = true;

    /// "Quality" for a one-lot tender, "Quality - LOT" otherwise.
    std::string lot_sheet_name(const std::string& base, const scoring::Lot& lot) const;
    const scoring::LotResult* result(const std::string& lot) const;
    /// The lot's bids in the package's order.
    std::vector<const PackageBid*> bids_of(const std::string& lot) const;
};

/// Bid results by bid id for one lot.
std::unordered_map<std::string, const scoring::BidResult*> results_by_bid(const scoring::LotResult& result);
/// Why the bid is out of contention, from its recorded facts and flags (empty when it is in).
/// The quality minimum is left out: the Quality sheet recomputes it live.
std::string recorded_exclusion(const PackageBid& bid, const scoring::BidResult& result);
/// The flags a reader should see, "code: detail; ...".
std::string flags_text(const scoring::BidResult& result);
/// "SUM(a,b,...)" in pieces Excel accepts (at most 255 arguments each); "0" when empty.
std::string sum_of(const std::vector<std::string>& refs);
double major(scoring::Money minor);

void write_framework(Context& context, xlsx::Sheet& sheet);
/// The Proportionality sheet, for a framework that carries a <design> (export_proportionality.cpp).
void write_proportionality(Context& context, xlsx::Sheet& sheet);
bool has_price_schedules(const ExportData& data);
/// Written before the Price sheets, which refer to each schedule's total.
void write_price_schedule(Context& context, xlsx::Sheet& sheet);
void write_quality(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot);
void write_price(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot);
void write_social_value(Context& context, xlsx::Sheet& sheet, const scoring::Lot& lot);
void write_summary(Context& context, xlsx::Sheet& sheet);
void write_individual_scores(Context& context, xlsx::Sheet& sheet);
void write_moderation(Context& context, xlsx::Sheet& sheet);
void write_evaluators(Context& context, xlsx::Sheet& sheet);
void write_assessment_summaries(Context& context, xlsx::Sheet& sheet);
/// Streams the trail (constant memory) with the chain head and the verify result on top.
void write_audit_trail(Context& context, xlsx::Sheet& sheet, Workbook& wb);

}  // namespace core::excel
