// Reading a workbook's current state for commands and views (no rules applied here).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "app/core/workflow.h"
#include "scoring/framework.h"

namespace SQLite {
class Database;
}

namespace core {

struct TenderRecord {
    std::string name;
    std::string reference;
    Phase phase = Phase::setup;
    bool two_envelope = true;
    bool individual_locked = false;
};

struct BidRecord {
    std::string id;
    std::string lot;
    std::string bidder;
    bool sme = false;
    bool vcse = false;
    scoring::Money price = 0;
    std::optional<std::string> exclusion;
};

struct Declaration {
    std::string evaluator;
    std::string bid;  // "*" for the whole tender
    bool conflict = false;
    std::string detail;
    std::optional<std::string> decision;  // allowed / removed
};

struct IndividualScoreRow {
    std::string bid;
    std::string criterion;
    std::string evaluator;
    std::optional<double> score;  // nullopt: abstained
    std::string justification;
};

struct ConsensusRow {
    std::string bid;
    std::string criterion;
    double score = 0;
    std::string moderator;
    std::string rationale;
    std::optional<double> spread;
    bool divergent = false;
    bool automatic = false;
};

std::optional<Role> role_from_string(const std::string& text);

/// Current state of one workbook, read lazily and cached for the life of one command or view.
class TenderState {
public:
    explicit TenderState(SQLite::Database& db);
    ~TenderState();

    SQLite::Database& db() { return db_; }

    bool has_tender();
    const TenderRecord& tender();            // throws Refused("no-tender") if none yet
    const scoring::Framework& framework();   // parsed from the stored XML
    std::string framework_xml();
    std::string framework_source();
    bool framework_frozen();

    std::optional<Evaluator> evaluator(const std::string& id);
    std::vector<Evaluator> evaluators();
    std::optional<BidRecord> bid(const std::string& id);
    std::vector<BidRecord> bids();
    std::size_t bid_count();

    std::vector<Declaration> declarations(const std::string& evaluator);
    /// Has the evaluator declared (no conflict, or their conflicts) before seeing bids?
    bool has_declared(const std::string& evaluator);
    /// Is the evaluator kept away from this bid by a conflict not (yet) allowed by the officer?
    std::optional<Declaration> blocking_conflict(const std::string& evaluator, const std::string& bid);
    bool assigned(const std::string& evaluator, const std::string& criterion, const std::string& bid);
    bool has_assignments(const std::string& evaluator);

    std::vector<IndividualScoreRow> individual_scores(const std::string& bid, const std::string& criterion);
    std::optional<IndividualScoreRow> individual_score(const std::string& bid, const std::string& criterion,
                                                       const std::string& evaluator);
    std::optional<ConsensusRow> consensus(const std::string& bid, const std::string& criterion);
    /// Every consensus by (bid, criterion), in one query (views over all items).
    std::map<std::pair<std::string, std::string>, ConsensusRow> all_consensus();
    /// The quantity the bid committed to the measure, or nullopt if it made no such commitment.
    std::optional<double> committed_quantity(const std::string& bid, const std::string& measure);

    /// The whole tender as a package (for evaluation and export): framework, bids with gates,
    /// commitments and decisions, evaluators, individual and consensus scores, seeds.
    Package package(bool with_individual_scores = true);

    /// The lot's question criterion `criterion`, or nullptr.
    const scoring::Criterion* question(const std::string& lot, const std::string& criterion);

private:
    SQLite::Database& db_;
    std::optional<TenderRecord> tender_;
    std::unique_ptr<scoring::Framework> framework_;
};

}  // namespace core
