// Price schedules (schedules of rates): the evaluated price of a bid as the sum of unit rate x
// evaluated quantity over its lines, in exact integer arithmetic (docs/formats.md "price-line").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scoring/framework.h"

namespace scoring {

struct PriceLine {
    std::string item;         // the tender's item code, e.g. "3.2"; unique within a bid
    std::string description;  // e.g. "Patch repair, carriageway, 50 mm depth"
    std::string unit;         // e.g. "m2"
    Money rate = 0;           // the bidder's unit rate, in minor units
    double quantity = 0;      // the tender's evaluated quantity (at most 6 decimal places)
};

/// Quantities are held to 6 decimal places; more is an input error the readers report.
inline constexpr int quantity_decimals = 6;

/// The quantity in millionths, or nullopt when it is negative, not finite, has more than six
/// decimal places (beyond rounding noise) or is too large.
std::optional<long long> quantity_micro(double quantity);

/// rate x quantity rounded half away from zero to a whole minor unit, exactly (no floating
/// point in the product): 12.34 x 2.5 = 30.85; 0.01 x 0.5 = 0.01. nullopt on overflow or an
/// invalid quantity.
std::optional<Money> line_total(const PriceLine& line);

/// The sum of the line totals (each rounded, then added: the way a priced bill is totalled),
/// or nullopt on overflow or an invalid line.
std::optional<Money> schedule_total(const std::vector<PriceLine>& lines);

}  // namespace scoring

namespace scoring {

/// One bid's schedule, for checking a lot's schedules against each other.
struct BidSchedule {
    std::string bid;
    const std::vector<PriceLine>* lines = nullptr;  // null or empty: the bid has no schedule
    bool excluded = false;                          // excluded bids are not compared
};

struct ScheduleProblem {
    std::size_t bid = 0;                 // index into the bids passed
    std::optional<std::size_t> line;     // index into that bid's lines, when one line is at fault
    std::string message;                 // what is wrong and what to do
};

/// The schedules of one lot's bids checked against each other. When any bid in contention has a
/// schedule, every bid in contention must have one pricing the same items, and each item must
/// carry the same evaluated quantity in every bid (the tender sets quantities; bidders price
/// rates). Item codes must be unique within a bid. Returns every problem found.
std::vector<ScheduleProblem> schedule_problems(const std::vector<BidSchedule>& bids);

}  // namespace scoring
