#include "scoring/money.h"

#include <cstdint>
#include <cstdio>
#include <limits>

namespace scoring {

std::optional<Money> parse_money(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-') {
        negative = true;
        i = 1;
    }
    Money units = 0;
    int digits = 0;
    constexpr Money limit = (std::numeric_limits<Money>::max() - 9) / 10;  // units * 10 + 9 fits
    for (; i < text.size() && text[i] != '.'; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return std::nullopt;
        if (units > limit) return std::nullopt;
        units = units * 10 + (c - '0');
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    Money cents = 0;
    if (i < text.size()) {  // at the '.'
        ++i;
        int decimals = 0;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (c < '0' || c > '9' || decimals == 2) return std::nullopt;
            cents = cents * 10 + (c - '0');
            ++decimals;
        }
        if (decimals == 0) return std::nullopt;
        if (decimals == 1) cents *= 10;
    }
    if (units > (std::numeric_limits<Money>::max() - cents) / 100) return std::nullopt;  // would overflow
    const Money total = units * 100 + cents;
    return negative ? -total : total;
}

std::string format_money(Money amount) {
    const bool negative = amount < 0;
    // Negate in unsigned arithmetic: -INT64_MIN does not fit a Money.
    const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", negative ? "-" : "",
                  static_cast<unsigned long long>(abs / 100), static_cast<unsigned long long>(abs % 100));
    return buffer;
}

std::string format_number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

std::string format_fixed(double value, int places) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places < 0 ? 0 : (places > 9 ? 9 : places), value);
    return buffer;
}

}  // namespace scoring
