// A stable LSD radix sort on a 64-bit integer key, for the engine's large sorts (prices, ranking
// keys): its cost per item does not grow with the number of bids or depend on how predictable
// the comparisons are, as a comparison sort's does.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scoring {

/// Sorts `items` by key(item), ascending, keeping the order of items with equal keys (as
/// std::stable_sort would). 11 bits a pass, only as many passes as the keys' range needs: two or
/// three for prices or marks at a declared precision.
template <class T, class KeyOf>
void radix_sort(std::vector<T>& items, KeyOf key) {
    if (items.size() < 2) return;
    std::int64_t low = key(items.front()), high = low;
    for (const auto& item : items) {
        const std::int64_t k = key(item);
        low = k < low ? k : low;
        high = k > high ? k : high;
    }
    // Offsets from the lowest key, in unsigned arithmetic so any two int64 keys fit.
    const auto offset = [&](const T& item) {
        return static_cast<std::uint64_t>(key(item)) - static_cast<std::uint64_t>(low);
    };
    const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    constexpr unsigned bits = 11;
    constexpr std::size_t buckets = std::size_t{1} << bits;
    std::vector<T> buffer(items.size());
    for (unsigned shift = 0; shift < 64 && (range >> shift) != 0; shift += bits) {
        std::array<std::size_t, buckets + 1> start{};
        for (const auto& item : items) ++start[((offset(item) >> shift) & (buckets - 1)) + 1];
        for (std::size_t d = 1; d <= buckets; ++d) start[d] += start[d - 1];
        for (auto& item : items) buffer[start[(offset(item) >> shift) & (buckets - 1)]++] = item;
        items.swap(buffer);
    }
}

}  // namespace scoring
