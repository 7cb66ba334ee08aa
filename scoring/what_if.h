// What-if re-ranking: new top-level weights applied to an evaluated lot without touching the tender.
#pragma once

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace scoring {

struct GroupWeights {
    double price = 0;
    double quality = 0;
    double social_value = 0;
};

/// The lot's declared top-level weights.
GroupWeights declared_weights(const Lot& lot);

/// Re-ranks `base` (the result of evaluate_lot for `lot`) as if the top-level weights were
/// `weights`. Every mark is linear in its group's weight (price marks scale with S, question
/// and social-value marks with their effective weights; thresholds are percentages of raw
/// marks, so the same bids stay in contention), which makes this exact and cheap: no scores
/// are read again. Weights must sum to 100 and a group absent from the lot must stay at 0;
/// otherwise std::invalid_argument. Throws EvaluationError as evaluate_lot does (e.g. lots
/// without a seed for a new tie). Monetised quality ignores weights: `base` is returned as is.
LotResult reweight(const Lot& lot, const LotResult& base, const GroupWeights& weights,
                   const EvaluationOptions& options = {});

}  // namespace scoring
