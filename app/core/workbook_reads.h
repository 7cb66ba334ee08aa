// What an actor may read from a workbook: the blind-scoring, two-envelope and conflict rules
// applied here, in app/core, so every screen and command gets the same answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "app/core/workbook.h"
#include "app/core/workbook_state.h"
#include "scoring/moderation.h"

namespace core {

struct TenderSummary {
    TenderRecord tender;
    std::string framework_id;
    std::string framework_name;
    bool framework_frozen = false;
    std::size_t bids = 0;
    std::size_t evaluators = 0;
    std::size_t individual_scores = 0;
    std::size_t consensus_scores = 0;
    std::int64_t audit_records = 0;
    std::string head_hash;
};
/// Open to anyone on the panel (counts and the head hash reveal no score or price).
TenderSummary tender_summary(Workbook& wb, const std::string& actor);

/// The panel, for anyone on it.
std::vector<Evaluator> list_evaluators(Workbook& wb, const std::string& actor);

struct BidView {
    BidRecord bid;
    bool price_sealed = false;  // true: `bid.price` is 0 and must not be shown
};
/// The bids the actor may see: none before they declare their interests; not those they are
/// conflicted from; prices sealed for evaluators before price opening under two envelopes.
std::vector<BidView> bids_for(Workbook& wb, const std::string& actor);

struct Bidder {
    std::string bid;
    std::string lot;
    std::string name;
};
/// Who has bid (bid id, lot, bidder's name; nothing of the bids themselves), for anyone on the
/// panel: a member needs the names to declare a conflict of interest before seeing any bid.
std::vector<Bidder> bidders_for_declaration(Workbook& wb, const std::string& actor);

/// Individual scores the actor may read: evaluators and moderators read only their own until
/// moderation, all from moderation on, never a conflicted bid's; the officer (who does not
/// score) reads all, to follow progress.
std::vector<IndividualScoreRow> individual_scores_for(Workbook& wb, const std::string& actor,
                                                      const std::string& bid = "", const std::string& criterion = "");

struct ModerationItem {
    std::string bid;
    std::string criterion;
    std::vector<IndividualScoreRow> individual;  // with their justifications
    scoring::ItemSpread spread;
    std::optional<double> suggestion;  // median, when it is on the scale
    std::optional<ConsensusRow> consensus;
};
/// Every scored bid × question with spread, divergence and consensus (moderator and officer,
/// from the moderation phase on).
std::vector<ModerationItem> moderation_items(Workbook& wb, const std::string& actor);

/// Evaluator statistics and panel agreement over the moderated items (moderation phase on).
struct PanelStatistics {
    std::vector<scoring::EvaluatorDeviation> evaluators;
    scoring::PanelAgreement agreement;  // over the items on `scale` (raw scores need one range)
    std::string scale;                  // the scale most moderated items use
    std::size_t items = 0;              // moderated items with individual scores
};
PanelStatistics panel_statistics(Workbook& wb, const std::string& actor);

/// The audit trail as the actor may read it: the officer reads every record; anyone else
/// reads only their own records until the award phase (the trail holds others' scores).
std::vector<AuditRecord> audit_log_for(Workbook& wb, const std::string& actor, std::int64_t from_seq = 1,
                                       std::size_t limit = 0);

/// The tender as a package for evaluation: prices must be open (price_evaluation on) and the
/// actor an officer or moderator, or anyone from award on.
Package package_for_evaluation(Workbook& wb, const std::string& actor);

}  // namespace core
