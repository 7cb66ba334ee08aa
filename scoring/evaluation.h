// Evaluating one lot: thresholds, exclusions, price and social-value marks, totals and ranking.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "scoring/framework.h"

namespace scoring {

enum class AltDecision { none, accepted, rejected };
enum class Deliverability { accept, reduce, reject };

struct Commitment {
    std::string measure;
    double quantity = 0;
    Deliverability decision = Deliverability::accept;
    std::optional<double> accepted_quantity;  // reduce: absolute quantity
    std::optional<double> accepted_percent;   // reduce: percent of the commitment
    std::string reason;

    /// The quantity that counts after the deliverability decision.
    double counted_quantity() const;
};

struct GateResult {
    std::string gate;
    bool passed = true;
    std::string reason;
};

struct BidInput {
    std::string id;
    std::string bidder;
    bool sme = false;
    bool vcse = false;
    Money price = 0;
    std::vector<GateResult> gates;
    AltDecision alt_decision = AltDecision::none;
    std::string alt_reason;
    std::vector<Commitment> commitments;
    std::optional<std::string> exclusion;  // excluded for another stated reason
};

/// Consensus scores: one optional value per bid and leaf, indexed [bid][leaf] over the leaves of
/// `leaves_of(framework, lot)`. Entries for price and measures leaves are ignored. Held densely
/// (8 bytes a cell, NaN for "no score") because large tenders have hundreds of thousands of cells.
class ScoreTable {
public:
    ScoreTable() = default;
    ScoreTable(std::size_t bids, std::size_t leaves)
        : leaves_(leaves), cells_(bids * leaves, std::numeric_limits<double>::quiet_NaN()) {}
    std::optional<double> get(std::size_t bid, std::size_t leaf) const {
        const double v = cells_[bid * leaves_ + leaf];
        return v == v ? std::optional<double>(v) : std::nullopt;
    }
    void set(std::size_t bid, std::size_t leaf, std::optional<double> score) {
        cells_[bid * leaves_ + leaf] = score.value_or(std::numeric_limits<double>::quiet_NaN());
    }
    std::size_t leaf_count() const { return leaves_; }
    std::size_t bid_count() const { return leaves_ == 0 ? 0 : cells_.size() / leaves_; }

private:
    std::size_t leaves_ = 0;
    std::vector<double> cells_;
};

/// Lexicographic ranking keys, lower first, at the declared precision (unused places are 0).
using RankKey = std::array<std::int64_t, 2>;

struct Flag {
    std::string code;
    std::string detail;
};

struct BidResult {
    std::string id;
    std::string bidder;
    Money price = 0;
    std::optional<int> rank;  // nullopt when not in contention
    bool in_contention = true;
    double total = 0;          // sum of marks, out of 100
    double price_marks = 0;
    double quality_marks = 0;  // after normalisation, if any
    double social_value_marks = 0;
    double raw_quality_marks = 0;  // before normalisation; thresholds use this
    std::vector<double> leaf_marks;  // per leaf of leaves_of()
    double social_value_committed = 0;  // in minor units, after deliverability decisions
    std::optional<double> award_value;  // Z, price per point or comparison price (major units)
    std::vector<Flag> flags;

    bool has_flag(const std::string& code) const;
};

struct TieBreakRecord {
    std::vector<std::string> bids;   // tied bids, in id order
    std::string rule;                // the rule that decided, or "unresolved"
    std::vector<std::string> order;  // resulting order
    std::optional<std::uint64_t> seed;  // for lots
};

struct LotResult {
    std::string lot_id;
    std::string lot_name;
    std::vector<Leaf> leaves;
    std::vector<BidResult> bids;  // ranked order, then bids out of contention in input order
    PriceField field;
    bool has_price_field = false;
    std::vector<TieBreakRecord> tie_breaks;
};

/// Evaluation could not produce a defensible result; `problems` lists every reason.
class EvaluationError : public std::runtime_error {
public:
    explicit EvaluationError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

struct EvaluationOptions {
    std::optional<std::uint64_t> lots_seed;  // needed only when drawing lots decides a tie
};

/// Evaluates one lot. `scores` is indexed by position in `bids` and by leaf. The framework must
/// have passed validate() without errors. Throws EvaluationError listing every problem (missing
/// scores, prices of zero or below, scores off the scale, missing gate results, lots without seed).
LotResult evaluate_lot(const Framework& framework, const Lot& lot, const std::vector<BidInput>& bids,
                       const ScoreTable& scores, const EvaluationOptions& options = {});

/// Totals, award figures and ranking of already-scored results (used by evaluate_lot and by
/// what-if re-ranking). `results` are moved into `out.bids`, in ranked order then the bids out of
/// contention in input order; problems are appended.
void rank_results(const Lot& lot, std::vector<BidResult>& results, const std::vector<Money>& deductions,
                  const EvaluationOptions& options, LotResult& out, std::vector<std::string>& problems);

/// Compares at the declared precision: the integer number of 10^-precision units.
std::int64_t at_precision(double value, int precision);

}  // namespace scoring
