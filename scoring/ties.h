// Ranking with ties compared at a declared precision, ordered tie-break rules and drawing lots.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace scoring {

/// One bid to be ranked. Keys are compared lexicographically, lower first; callers negate
/// "higher is better" values and express them at the declared precision (at_precision()).
struct RankEntry {
    std::size_t index = 0;  // the caller's index of the bid
    std::string id;
    RankKey keys{};
    double value = 0;               // the ranking value, for messages
    std::int64_t quality = 0;       // quality marks at precision (for higher_quality)
    std::int64_t social_value = 0;  // social-value marks at precision (for higher_social_value)
    Money price = 0;                // for lower_price
};

struct Ranking {
    std::vector<std::size_t> order;  // caller indices, best first
    std::vector<int> ranks;          // rank of order[i]; tied-unresolved bids share a rank
    std::vector<TieBreakRecord> records;
    std::vector<std::pair<std::size_t, Flag>> flags;  // caller index, flag
    std::vector<std::string> problems;                // e.g. lots needed but no seed
};

Ranking rank_entries(std::vector<RankEntry> entries, const std::vector<TieBreakRule>& rules,
                     std::optional<std::uint64_t> lots_seed, int precision);

/// A reproducible permutation of 0..count-1 for drawing lots (docs/formats.md section 3).
std::vector<std::size_t> draw_lots(std::size_t count, std::uint64_t seed);

}  // namespace scoring
