// Money in integer minor units: exact decimal parsing and formatting, no floating point.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scoring/framework.h"

namespace scoring {

/// Parses "125000", "125000.5", "125000.50", "-3.25" into minor units. No separators, no
/// exponent, at most 2 decimals; nullopt for anything else or out of range.
std::optional<Money> parse_money(std::string_view text);

/// "125000.50"; negative amounts carry a leading '-'.
std::string format_money(Money amount);

/// A number without trailing zeros: 0.5 -> "0.5", 2 -> "2".
std::string format_number(double value);
/// `value` with exactly `places` decimals (0-9), e.g. marks at the declared precision: 79.81.
std::string format_fixed(double value, int places);

/// Money as a double in major units (for JSON and display).
inline double to_major(Money amount) { return static_cast<double>(amount) / 100.0; }

}  // namespace scoring
