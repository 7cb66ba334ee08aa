#include "scoring/price_methods.h"

#include "scoring/money.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace scoring {

double price_marks(const PriceRule& rule, Money price, const PriceField& field, double max_marks) {
    if (price <= 0)
        throw std::invalid_argument("price " + format_money(price) +
                                    " is zero or negative: every price method needs a price above zero");
    if (field.pmin <= 0 || field.pmax < field.pmin)
        throw std::invalid_argument("the lowest price in contention must be above zero and not above the highest");
    const double p = static_cast<double>(price);
    const double pmin = static_cast<double>(field.pmin);
    const double pmax = static_cast<double>(field.pmax);
    const double s = max_marks;
    switch (rule.method) {
        case PriceMethod::lowest_ratio:
            return s * pmin / p;
        case PriceMethod::linear_from_lowest:
            if (!(rule.spread > 0)) throw std::invalid_argument("linear_from_lowest needs a spread above zero");
            return s * std::max(0.0, 1.0 - (p - pmin) / (rule.spread * pmin));
        case PriceMethod::linear_min_max:
            if (field.pmax == field.pmin) return s;
            return s * std::clamp((pmax - p) / (pmax - pmin), 0.0, 1.0);
        case PriceMethod::ceiling_pro_rata: {
            const double c = static_cast<double>(rule.ceiling);
            if (c <= pmin) return 0.0;  // every price is at or above the ceiling
            return s * std::clamp((c - p) / (c - pmin), 0.0, 1.0);
        }
        case PriceMethod::power_ratio:
            if (!(rule.exponent > 0)) throw std::invalid_argument("power_ratio needs an exponent above zero");
            return s * std::pow(pmin / p, rule.exponent);
        case PriceMethod::absolute_scale: {
            if (rule.high <= rule.low) throw std::invalid_argument("absolute_scale needs low below high");
            const double lo = static_cast<double>(rule.low);
            const double hi = static_cast<double>(rule.high);
            return s * std::clamp((hi - p) / (hi - lo), 0.0, 1.0);
        }
    }
    throw std::invalid_argument("unknown price method");
}

std::string describe(const PriceRule& rule) {
    switch (rule.method) {
        case PriceMethod::lowest_ratio:
            return "Relative to the lowest price: the lowest price in contention gets full marks; "
                   "every other bid gets full marks times lowest price divided by its price.";
        case PriceMethod::linear_from_lowest:
            return "Linear from the lowest price: full marks for the lowest price, falling in a straight "
                   "line to zero at a price " + format_number(rule.spread * 100) + "% above the lowest.";
        case PriceMethod::linear_min_max:
            return "Linear between lowest and highest: full marks for the lowest price, zero for the "
                   "highest, in a straight line between; full marks to all when all prices are equal.";
        case PriceMethod::ceiling_pro_rata:
            return "Pro rata to a ceiling of " + format_money(rule.ceiling) +
                   ": full marks for the lowest price, zero at or above the ceiling, in a straight line between.";
        case PriceMethod::power_ratio:
            return "Ratio to the lowest price raised to the power " + format_number(rule.exponent) +
                   ": full marks for the lowest price; others get full marks times (lowest / price)^" +
                   format_number(rule.exponent) + ".";
        case PriceMethod::absolute_scale:
            return "Absolute scale declared before bids were opened: full marks at or below " +
                   format_money(rule.low) + ", zero at or above " + format_money(rule.high) +
                   ", in a straight line between; independent of other bids.";
    }
    return "";
}

std::string formula(const PriceRule& rule) {
    switch (rule.method) {
        case PriceMethod::lowest_ratio: return "S * Pmin / P";
        case PriceMethod::linear_from_lowest:
            return "S * max(0, 1 - (P - Pmin) / (" + format_number(rule.spread) + " * Pmin))";
        case PriceMethod::linear_min_max: return "S * (Pmax - P) / (Pmax - Pmin); S when Pmax = Pmin";
        case PriceMethod::ceiling_pro_rata:
            return "S * max(0, (C - P) / (C - Pmin)), C = " + format_money(rule.ceiling);
        case PriceMethod::power_ratio: return "S * (Pmin / P)^" + format_number(rule.exponent);
        case PriceMethod::absolute_scale:
            return "S * clamp((Phigh - P) / (Phigh - Plow), 0, 1), Plow = " + format_money(rule.low) +
                   ", Phigh = " + format_money(rule.high);
    }
    return "";
}

}  // namespace scoring
