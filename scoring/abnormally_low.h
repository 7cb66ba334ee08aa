// Abnormally low tender flags (domain.md section 5): the software flags, the officer decides.
#pragma once

#include <string>
#include <vector>

#include "scoring/framework.h"

namespace scoring {

struct AltFinding {
    bool flagged = false;
    bool assessed = false;     // false when there were too few prices to compare
    double reference = 0;      // median (scottish) or mean (mean rule) of the other prices, minor units
    double below_reference = 0;  // fraction of the reference the price lies below it
    bool has_next = false;
    double next = 0;           // scottish: the next price up
    double below_next = 0;
};

/// The arithmetic behind a finding, in words, for flags and reports.
std::string explain(const AltRule& rule, const AltFinding& finding);

/// One finding per price in `prices` (the compliant bids whose prices are open), compared with
/// the others under `rule`. With fewer than two prices nothing can be flagged.
std::vector<AltFinding> abnormally_low_findings(const AltRule& rule, const std::vector<Money>& prices);

/// Median of the values (mean of the two middle ones for an even count); 0 for none.
double median(std::vector<double> values);

}  // namespace scoring
