// Internal to app/core: what must be true before the tender leaves a phase, whether a new
// framework fits what is recorded, and enhanced consensus (shared by commands).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/core/workbook.h"
#include "app/core/workbook_state.h"

namespace core {

/// Parses and validates framework XML held as text; throws InputError with lines.
scoring::Framework parse_framework_text(const std::string& xml, const std::string& source);

/// Refuses (rule "phase-incomplete") with what is missing before leaving `phase` forward.
void check_ready_to_leave(TenderState& state, Phase phase);

/// Refuses (rule "framework-fit") if recorded bids, gates, commitments, assignments or
/// scores would not fit `framework`.
void check_framework_fits(TenderState& state, const scoring::Framework& framework);

/// One bid × question that needs a consensus: bids in contention, questions of their lot.
struct ScoringItem {
    std::string bid;
    std::string lot;
    const scoring::Criterion* question = nullptr;
};
std::vector<ScoringItem> scoring_items(TenderState& state);

/// All individual scores (bid, criterion) -> evaluator -> score (nullopt: abstained).
using ScoreMap = std::map<std::pair<std::string, std::string>, std::map<std::string, std::optional<double>>>;
ScoreMap all_individual_scores(SQLite::Database& db);

/// Enhanced consensus inside a running command: accepts the median of every unmoderated
/// in-tolerance item in lots that declare it. Returns how many were accepted.
std::size_t accept_in_tolerance_within(Command& command, TenderState& state);

}  // namespace core
