// scoring/radix_sort.h: the engine's stable sort on a 64-bit key (prices, ranking keys). Checked
// against std::stable_sort, which is the definition of the result it must give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "scoring/radix_sort.h"

using Item = std::pair<std::int64_t, int>;  // key, original position

namespace {

std::vector<Item> sorted_both_ways(std::vector<std::int64_t> keys, std::vector<Item>& expected) {
    std::vector<Item> items;
    for (std::size_t i = 0; i < keys.size(); ++i) items.emplace_back(keys[i], static_cast<int>(i));
    expected = items;
    std::stable_sort(expected.begin(), expected.end(), [](const Item& a, const Item& b) { return a.first < b.first; });
    scoring::radix_sort(items, [](const Item& item) { return item.first; });
    return items;
}

}  // namespace

TEST_CASE("radix_sort orders like std::stable_sort, equal keys keeping their order", "[unit][radix]") {
    std::mt19937_64 rng(20261202);
    for (const std::int64_t spread : {std::int64_t{1}, std::int64_t{7}, std::int64_t{2048}, std::int64_t{1} << 33,
                                      std::numeric_limits<std::int64_t>::max()}) {
        std::uniform_int_distribution<std::int64_t> key(-spread, spread);
        for (const std::size_t n : {0u, 1u, 2u, 3u, 100u, 5000u}) {
            std::vector<std::int64_t> keys(n);
            for (auto& k : keys) k = key(rng);
            std::vector<Item> expected;
            INFO("spread " << spread << ", " << n << " items");
            CHECK(sorted_both_ways(keys, expected) == expected);
        }
    }
}

TEST_CASE("radix_sort handles the extreme keys and a single repeated key", "[unit][radix]") {
    constexpr auto low = std::numeric_limits<std::int64_t>::min();
    constexpr auto high = std::numeric_limits<std::int64_t>::max();
    std::vector<Item> expected;
    CHECK(sorted_both_ways({high, low, 0, -1, 1, low, high, 0}, expected) == expected);
    CHECK(sorted_both_ways(std::vector<std::int64_t>(50, 42), expected) == expected);  // all equal: input order
}
