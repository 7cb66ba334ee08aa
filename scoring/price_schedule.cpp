#include "scoring/price_schedule.h"

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "scoring/money.h"

namespace scoring {

namespace {
constexpr long long micro = 1000000;
// 128-bit products: rate x millionths of a quantity can pass 2^63 before dividing back down.
__extension__ typedef __int128 Wide;
}  // namespace

std::optional<long long> quantity_micro(double quantity) {
    if (!std::isfinite(quantity) || quantity < 0 || quantity > 1e12) return std::nullopt;
    const double scaled = quantity * static_cast<double>(micro);
    const double whole = std::round(scaled);
    // Decimal quantities are not exact in binary: 0.35 is 0.34999999999999997. Accept rounding
    // noise, refuse a real seventh decimal.
    if (std::fabs(scaled - whole) > 1e-3) return std::nullopt;
    return static_cast<long long>(whole);
}

std::optional<Money> line_total(const PriceLine& line) {
    const auto q = quantity_micro(line.quantity);
    if (!q) return std::nullopt;
    const Wide product = static_cast<Wide>(line.rate) * *q;
    const Wide magnitude = product < 0 ? -product : product;
    Wide rounded = (magnitude + micro / 2) / micro;  // half away from zero
    if (product < 0) rounded = -rounded;
    if (rounded > std::numeric_limits<Money>::max() || rounded < std::numeric_limits<Money>::min())
        return std::nullopt;
    return static_cast<Money>(rounded);
}

std::optional<Money> schedule_total(const std::vector<PriceLine>& lines) {
    Wide sum = 0;
    for (const auto& line : lines) {
        const auto t = line_total(line);
        if (!t) return std::nullopt;
        sum += *t;
        if (sum > std::numeric_limits<Money>::max() || sum < std::numeric_limits<Money>::min()) return std::nullopt;
    }
    return static_cast<Money>(sum);
}

}  // namespace scoring

namespace scoring {

namespace {

struct ItemSeen {
    double quantity = 0;
    std::size_t bid = 0;  // the first bid that priced it
};

// Every item code across the lot, with the first quantity seen; reports duplicates and quantity
// differences on the way.
std::map<std::string, ItemSeen> collect_items(const std::vector<BidSchedule>& bids,
                                              std::vector<ScheduleProblem>& problems) {
    std::map<std::string, ItemSeen> items;
    for (std::size_t b = 0; b < bids.size(); ++b) {
        if (bids[b].excluded || !bids[b].lines) continue;
        std::set<std::string> own;
        const auto& lines = *bids[b].lines;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const auto& line = lines[l];
            if (!own.insert(line.item).second) {
                problems.push_back({b, l, "item " + line.item + " appears twice in bid " + bids[b].bid +
                                              "'s schedule; each item is priced once"});
                continue;
            }
            const auto [it, added] = items.try_emplace(line.item, ItemSeen{line.quantity, b});
            if (!added && quantity_micro(it->second.quantity) != quantity_micro(line.quantity))
                problems.push_back({b, l, "item " + line.item + " has evaluated quantity " + format_number(line.quantity) +
                                              " in bid " + bids[b].bid + " but " + format_number(it->second.quantity) +
                                              " in bid " + bids[it->second.bid].bid +
                                              "; the tender sets evaluated quantities, so they must be the same "
                                              "in every bid: correct the schedule"});
        }
    }
    return items;
}

}  // namespace

std::vector<ScheduleProblem> schedule_problems(const std::vector<BidSchedule>& bids) {
    std::vector<ScheduleProblem> problems;
    const auto has = [&](std::size_t b) { return bids[b].lines && !bids[b].lines->empty(); };
    std::optional<std::size_t> first;
    for (std::size_t b = 0; b < bids.size() && !first; ++b)
        if (!bids[b].excluded && has(b)) first = b;
    if (!first) return problems;
    const auto items = collect_items(bids, problems);
    for (std::size_t b = 0; b < bids.size(); ++b) {
        if (bids[b].excluded) continue;
        if (!has(b)) {
            problems.push_back({b, std::nullopt, "bid " + bids[b].bid + " has no price schedule but bid " +
                                                     bids[*first].bid + " in the same lot has one; give every bid "
                                                     "its schedule, or exclude the bid with a reason"});
            continue;
        }
        std::set<std::string> own;
        for (const auto& line : *bids[b].lines) own.insert(line.item);
        for (const auto& [item, seen] : items)
            if (!own.count(item))
                problems.push_back({b, std::nullopt, "bid " + bids[b].bid + " does not price item " + item +
                                                         " (priced in bid " + bids[seen.bid].bid +
                                                         "); add the line, with a nil rate if the bidder priced it "
                                                         "at nil, or exclude the bid with a reason"});
    }
    return problems;
}

}  // namespace scoring
