// Award models (domain.md section 4): how the bids in contention are put in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace scoring {

/// What one bid brings to the ranking under the lot's award model.
struct AwardFigures {
    std::optional<double> value;     // Z, price per point or comparison price; none for weighted_sum
    double ranking_value = 0;        // the figure compared (total, Z as % of best, ...)
    RankKey keys{};  // lexicographic sort keys, lower first, at the declared precision
    bool in_corridor = false;        // vfm_ratio with a corridor
};

/// Figures for every bid (entries for bids out of contention are left empty). `deductions` is
/// each bid's total monetised-quality deduction in minor units (only read for that model).
std::vector<AwardFigures> award_figures(const Lot& lot, const std::vector<BidResult>& bids,
                                        const std::vector<Money>& deductions);

/// The model in words, for reports.
std::string describe(const AwardRule& award);

}  // namespace scoring
