// Evaluates a tender package lot by lot with the scoring engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "scoring/evaluation.h"

namespace core {

struct EvaluateOptions {
    std::optional<std::string> lot;     // only this lot
    std::optional<std::uint64_t> seed;  // overrides the recorded <lots-draw> seed
};

struct PackageResult {
    std::vector<scoring::LotResult> lots;
};

/// Throws InputError for an unknown lot, scoring::EvaluationError for what the engine refuses.
PackageResult evaluate_package(const Package& package, const EvaluateOptions& options = {});

/// The engine's inputs for one lot: its bids and their consensus scores by leaf.
struct LotInputs {
    std::vector<scoring::BidInput> bids;
    scoring::ScoreTable scores;
};
LotInputs lot_inputs(const Package& package, const scoring::Lot& lot);

}  // namespace core
