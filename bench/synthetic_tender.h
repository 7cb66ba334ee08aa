// Synthetic tenders of any size for benchmarks: a framework, bids and consensus scores.
#pragma once

#include <cstdint>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace bench {

struct SyntheticTender {
    scoring::Framework framework;
    std::vector<scoring::BidInput> bids;
    scoring::ScoreTable scores;
};

/// `questions` quality questions on a 0-5 scale in 5 sub-groups, price 30 (lowest_ratio),
/// quality 60, social value 10 (one question and a measures leaf), Scottish ALT rule, a
/// quality minimum, and `bids` bids with prices and scores drawn from `seed`.
SyntheticTender make_tender(std::size_t bids, std::size_t questions, std::uint64_t seed);

}  // namespace bench
