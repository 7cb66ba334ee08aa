#include "scoring/abnormally_low.h"

#include <algorithm>
#include <cstdio>

#include "scoring/money.h"
#include "scoring/radix_sort.h"

namespace scoring {

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

namespace {

std::string percent_text(double fraction) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f%%", fraction * 100.0);
    return buffer;
}

struct Field {
    std::vector<double> sorted;  // all prices, ascending
    double sum = 0;
};

// The element at position j of `sorted` once position k is removed.
double without(const std::vector<double>& sorted, std::size_t k, std::size_t j) {
    return j < k ? sorted[j] : sorted[j + 1];
}

AltFinding scottish(const AltRule& rule, const Field& field, std::size_t k) {
    const auto& s = field.sorted;
    const std::size_t m = s.size() - 1;  // number of other prices
    const double p = s[k];
    AltFinding f;
    f.assessed = true;
    f.reference = (without(s, k, (m - 1) / 2) + without(s, k, m / 2)) / 2.0;
    f.below_reference = (f.reference - p) / f.reference;
    // The next price up among the others; another bid at the same price counts (0% below it),
    // whichever side of this one the sort put it.
    const bool equal_below = k > 0 && s[k - 1] == p;
    f.has_next = equal_below || k + 1 < s.size();
    f.next = equal_below ? p : (k + 1 < s.size() ? s[k + 1] : 0);
    f.below_next = f.has_next ? (f.next - p) / f.next : 0;
    f.flagged = f.below_reference > rule.median_percent / 100.0 && f.has_next &&
                f.below_next > rule.next_percent / 100.0;
    return f;
}

AltFinding mean_rule(const AltRule& rule, const Field& field, std::size_t k) {
    const double p = field.sorted[k];
    AltFinding f;
    f.assessed = true;
    f.reference = (field.sum - p) / static_cast<double>(field.sorted.size() - 1);
    f.below_reference = (f.reference - p) / f.reference;
    f.flagged = f.below_reference > rule.mean_percent / 100.0;
    return f;
}

// Sorts (price, position) pairs, positions ascending, by price: the same result as std::sort on
// the pairs, by a radix sort.
void sort_by_price(std::vector<std::pair<Money, std::size_t>>& order) {
    radix_sort(order, [](const std::pair<Money, std::size_t>& entry) { return entry.first; });
}

}  // namespace

std::string explain(const AltRule& rule, const AltFinding& f) {
    if (rule.method == AltMethod::none) return "no abnormally-low rule declared";
    if (!f.assessed) return "not assessed: fewer than two prices to compare";
    const auto ref = format_money(static_cast<Money>(f.reference + 0.5));
    if (rule.method == AltMethod::mean)
        return percent_text(f.below_reference) + " below the mean of the other prices (" + ref + "; limit " +
               format_number(rule.mean_percent) + "%)";
    return percent_text(f.below_reference) + " below the median of the other prices (" + ref + "; limit " +
           format_number(rule.median_percent) + "%) and " +
           (f.has_next ? percent_text(f.below_next) + " below the next lowest price (" +
                             format_money(static_cast<Money>(f.next + 0.5)) + "; limit " +
                             format_number(rule.next_percent) + "%)"
                       : std::string("no higher price to compare with"));
}

std::vector<AltFinding> abnormally_low_findings(const AltRule& rule, const std::vector<Money>& prices) {
    std::vector<AltFinding> out(prices.size());
    if (rule.method == AltMethod::none) return out;
    // Prices of zero or below are reported as errors by the evaluation and take no part here.
    // (price, position) pairs sorted together: the same order as a stable sort by price, without
    // reaching back into `prices`.
    std::vector<std::pair<Money, std::size_t>> order;
    order.reserve(prices.size());
    for (std::size_t i = 0; i < prices.size(); ++i)
        if (prices[i] > 0) order.emplace_back(prices[i], i);
    if (order.size() < 2) return out;
    sort_by_price(order);
    Field field;
    field.sorted.reserve(order.size());
    for (const auto& [price, i] : order) {
        field.sorted.push_back(static_cast<double>(price));
        field.sum += static_cast<double>(price);
    }
    for (std::size_t k = 0; k < order.size(); ++k)
        out[order[k].second] =
            rule.method == AltMethod::scottish ? scottish(rule, field, k) : mean_rule(rule, field, k);
    return out;
}

}  // namespace scoring
