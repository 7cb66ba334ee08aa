// Every change to a workbook: commands that check the workflow rules (throwing Refused, with
// nothing changed), then apply in one transaction with their audit records (docs/workbook.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "app/core/package.h"
#include "app/core/progress.h"
#include "app/core/workbook.h"
#include "app/core/workbook_state.h"
#include "scoring/evaluation.h"

namespace core {

// ---- Setting up ---------------------------------------------------------------------------

struct NewTender {
    std::string name;
    std::string reference;
    std::string framework_xml;     // the framework file's text (validated here)
    std::string framework_source;  // where it came from, e.g. templates/community_meals.xml
    std::string officer_id;        // the actor, added as the tender's officer
    std::string officer_name;
    bool two_envelope = true;
};
/// Records the tender, its framework and its officer in an empty workbook (phase setup).
CommandResult create_tender(Workbook& wb, const NewTender& tender);

/// Imports a whole package (framework, bids, gates, commitments, decisions, evaluators,
/// individual and consensus scores, seeds) into an empty workbook as one command, recording
/// the history: each entity is an audit record of action "import". `actor` is the officer
/// doing it: an officer or moderator of the package, or a new officer named `actor_name`.
/// The phase becomes `phase` if given, else what the package shows: moderation when any
/// consensus score is present, individual_evaluation when only individual scores, else
/// compliance. Assignments are derived from who scored what.
CommandResult import_package(Workbook& wb, const Package& package, const std::string& framework_xml,
                             const std::string& actor, const std::string& actor_name,
                             std::optional<Phase> phase = std::nullopt, Progress* progress = nullptr);

CommandResult add_evaluator(Workbook& wb, const std::string& actor, const Evaluator& evaluator);

/// The actor declares a conflict of interest with `bid` ("*": the whole tender), or, with
/// conflict false and bid "*", that they have none. Needed before they may see any bid.
CommandResult declare_interest(Workbook& wb, const std::string& actor, const std::string& bid, bool conflict,
                               const std::string& detail);
/// The officer decides a declared conflict: allowed (they may take part) or removed.
CommandResult decide_conflict(Workbook& wb, const std::string& actor, const std::string& evaluator,
                              const std::string& bid, bool allowed, const std::string& reason);

/// The officer assigns a question to an evaluator, for every bid ("*") or one bid.
CommandResult assign(Workbook& wb, const std::string& actor, const std::string& evaluator,
                     const std::string& criterion, const std::string& bid = "*");

/// Moves the tender to `phase`: forward one step at a time; back to any earlier phase only
/// with a reason. Entering moderation locks every individual score for good and, when the
/// framework asks for enhanced consensus, accepts in-tolerance items automatically.
CommandResult set_phase(Workbook& wb, const std::string& actor, Phase phase, const std::string& reason);

/// A received bid: id, lot, bidder, SME/VCSE, price; `exclusion`, if set, records that it is
/// excluded for a stated reason (late, incomplete ...) and must not be empty.
using NewBid = BidRecord;
/// Registers a received bid (setup or compliance). The first bid freezes the framework.
CommandResult add_bid(Workbook& wb, const std::string& actor, const NewBid& bid);

/// Records a pass/fail gate result with its reason (compliance phase, officer).
CommandResult record_gate(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& gate,
                          bool passed, const std::string& reason);

/// Replaces the framework. Once frozen (bids opened) a reason is required; every recorded
/// bid, score and assignment must still fit the new framework.
CommandResult change_framework(Workbook& wb, const std::string& actor, const std::string& framework_xml,
                               const std::string& source, const std::string& reason);

// ---- Scoring and moderation ---------------------------------------------------------------

/// An evaluator's own score with its justification (individual evaluation phase).
CommandResult score(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& criterion,
                    double value, const std::string& justification);
/// An evaluator abstains on a question with a reason, when the framework allows abstention.
CommandResult abstain(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& criterion,
                      const std::string& reason);
/// The moderator records the consensus score and its rationale (moderation phase).
CommandResult moderate(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& criterion,
                       double value, const std::string& rationale);
/// Enhanced consensus: accepts every unmoderated in-tolerance item at its median.
CommandResult accept_in_tolerance(Workbook& wb, const std::string& actor);

/// The officer's decision on a bid flagged abnormally low, after asking the bidder to explain.
CommandResult alt_decision(Workbook& wb, const std::string& actor, const std::string& bid,
                           scoring::AltDecision decision, const std::string& reason);

/// Deliverability of one social-value commitment: accept, reduce (to a quantity or a
/// percentage) or reject, with a reason.
CommandResult sv_decision(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& measure,
                          scoring::Deliverability decision, std::optional<double> quantity,
                          std::optional<double> percent, const std::string& reason);

/// Records the seed for drawing lots in one lot (award phase, officer).
CommandResult record_lots_seed(Workbook& wb, const std::string& actor, const std::string& lot, std::uint64_t seed);

// ---- Undo and redo ------------------------------------------------------------------------

/// Undoes the actor's latest command still in effect, as a new audited command (action
/// "undo"); refuses when someone else has since changed the same entities or the phase has
/// changed, or when there is nothing to undo. Commands that cannot be undone: new, import,
/// phase, framework (they end the actor's undo history).
CommandResult undo(Workbook& wb, const std::string& actor);
/// Re-applies the actor's latest undone command (action "redo"), if nothing was done since.
CommandResult redo(Workbook& wb, const std::string& actor);

}  // namespace core
