// Price scoring methods (domain.md section 4): marks for one price given the field of prices.
#pragma once

#include <string>

#include "scoring/framework.h"

namespace scoring {

/// Marks (0..max_marks) for `price` under `rule`. Throws std::invalid_argument for a price or
/// field of zero or below, or parameters outside their domain; never returns NaN.
double price_marks(const PriceRule& rule, Money price, const PriceField& field, double max_marks);

/// The method in words, for reports and the exported workbook.
std::string describe(const PriceRule& rule);
/// The method as a formula in the notation of domain.md (S, P, Pmin, Pmax, d, C, n ...).
std::string formula(const PriceRule& rule);

}  // namespace scoring
