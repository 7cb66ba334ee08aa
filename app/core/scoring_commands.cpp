// Commands of individual evaluation, moderation and price evaluation.
#include <cmath>

#include "app/core/command_rules.h"
#include "app/core/package_evaluation.h"
#include "app/core/phase_rules.h"
#include "app/core/workbook_commands.h"
#include "scoring/money.h"
#include "scoring/moderation.h"

namespace core {

namespace {

// A decision is only lawful on a bid the declared rule flags (PA 2023 s.19; domain.md 5).
void check_flagged_abnormally_low(TenderState& state, const std::string& bid) {
    EvaluateOptions options;
    options.seed = 0;  // the flags do not depend on drawing lots; do not refuse for want of a seed
    PackageResult result;
    try {
        result = evaluate_package(state.package(false), options);
    } catch (const scoring::EvaluationError& e) {
        std::string list;
        for (const auto& p : e.problems()) list += "\n  " + p;
        throw Refused("alt-decision", "the evaluation cannot run yet, so the abnormally-low flags are unknown:" + list);
    }
    for (const auto& lot : result.lots)
        for (const auto& r : lot.bids)
            if (r.id == bid) {
                if (r.has_flag("abnormally_low_pending") || r.has_flag("abnormally_low_accepted") ||
                    r.has_flag("abnormally_low_rejected"))
                    return;
                throw Refused("alt-decision", "bid " + bid + " is not flagged as abnormally low under lot " +
                                                  lot.lot_id + "'s rule; there is nothing to decide");
            }
    throw Refused("alt-decision", "bid " + bid + " is not in the evaluation (excluded earlier); nothing to decide");
}

}  // namespace

CommandResult score(Workbook& wb, const std::string& actor, const std::string& bid_id, const std::string& criterion,
                    double value, const std::string& justification) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    const auto bid = rules::bid(state, bid_id);
    const auto& q = rules::individual(state, who, bid, criterion);
    const auto& scale = rules::scale_of(state, q);
    if (!std::isfinite(value) || !scale.allows(value))
        throw Refused("scale", "score " + scoring::format_number(value) + " is not on scale " + scale.id + " (" +
                                   scoring::format_number(scale.minimum()) + " to " +
                                   scoring::format_number(scale.maximum()) +
                                   (scale.intermediate ? ")" : ", whole points of the scale only)"));
    rules::text(justification, "the justification", "justification");
    return wb.run(actor, "score", "", [&](Command& c) {
        c.put(entity::individual_score, {bid_id, criterion, actor, value, justification});
    });
}

CommandResult abstain(Workbook& wb, const std::string& actor, const std::string& bid_id, const std::string& criterion,
                      const std::string& reason) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    const auto bid = rules::bid(state, bid_id);
    rules::individual(state, who, bid, criterion);
    if (!rules::lot(state, bid.lot).rules.allow_abstention)
        throw Refused("abstention", "the framework does not allow abstention in lot " + bid.lot +
                                        "; score the question, or declare a conflict of interest if there is one");
    rules::text(reason, "the reason for abstaining", "justification");
    return wb.run(actor, "abstain", reason, [&](Command& c) {
        c.put(entity::individual_score, {bid_id, criterion, actor, std::monostate{}, reason});
    });
}

CommandResult moderate(Workbook& wb, const std::string& actor, const std::string& bid_id, const std::string& criterion,
                       double value, const std::string& rationale) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    rules::role(who, {Role::moderator}, "record consensus scores");
    rules::phase(state, {Phase::moderation}, "record consensus scores");
    const auto bid = rules::bid(state, bid_id);
    rules::may_see_bid(state, who, bid.id);
    rules::in_contention(state, bid);
    const auto& q = rules::question(state, bid, criterion);
    const auto& scale = rules::scale_of(state, q);
    rules::utf8(rationale, "the rationale");
    std::vector<double> values;
    for (const auto& row : state.individual_scores(bid_id, criterion))
        if (row.score) values.push_back(*row.score);
    if (values.empty())
        throw Refused("nothing-to-moderate", "nobody has scored bid " + bid_id + ", question " + criterion +
                                                 "; a consensus moderates individual scores, so go back to individual "
                                                 "evaluation (officer, with a reason) to have it scored");
    const auto problems = scoring::consensus_problems(value, rationale, scale);
    if (!problems.empty()) {
        std::string text;
        for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p;
        throw Refused("consensus", text);
    }
    const auto& lot = rules::lot(state, bid.lot);
    const auto spread = scoring::item_spread(values, lot.moderation);
    CommandResult result = wb.run(actor, "moderate", "", [&](Command& c) {
        c.put(entity::consensus, {bid_id, criterion, value, actor, rationale, spread.spread,
                                  flag(spread.divergent), std::int64_t{0}});
    });
    if (auto warning = scoring::rationale_warning(rationale)) result.warnings.push_back(*warning);
    return result;
}

CommandResult accept_in_tolerance(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::moderator}, "accept consensus scores");
    rules::phase(state, {Phase::moderation}, "accept consensus scores");
    const auto& lots = state.framework().lots;
    if (std::none_of(lots.begin(), lots.end(), [](const auto& l) { return l.moderation.enhanced_consensus; }))
        throw Refused("enhanced-consensus", "the framework does not declare enhanced consensus "
                                            "(<moderation enhanced-consensus=\"true\"/>); moderate each item");
    return wb.run(actor, "moderate", "enhanced consensus", [&](Command& c) { accept_in_tolerance_within(c, state); });
}

CommandResult alt_decision(Workbook& wb, const std::string& actor, const std::string& bid_id,
                           scoring::AltDecision decision, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "decide on abnormally low bids");
    rules::phase(state, {Phase::price_evaluation, Phase::award}, "decide on abnormally low bids");
    rules::bid(state, bid_id);
    if (decision == scoring::AltDecision::none)
        throw Refused("alt-decision", "the decision must be accepted or rejected");
    rules::text(reason, "the reason (the bidder's explanation and why it was accepted or rejected)", "reason");
    check_flagged_abnormally_low(state, bid_id);
    const std::string text = decision == scoring::AltDecision::accepted ? "accepted" : "rejected";
    return wb.run(actor, "alt-decision", reason, [&](Command& c) {
        c.put(entity::alt_decision, {bid_id, text, reason});
    });
}

CommandResult sv_decision(Workbook& wb, const std::string& actor, const std::string& bid_id, const std::string& measure,
                          scoring::Deliverability decision, std::optional<double> quantity,
                          std::optional<double> percent, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer, Role::moderator},
                "decide the deliverability of social-value commitments");
    rules::phase(state, {Phase::moderation, Phase::price_evaluation, Phase::award},
                 "decide the deliverability of social-value commitments");
    rules::bid(state, bid_id);
    const auto committed = state.committed_quantity(bid_id, measure);
    if (!committed)
        throw Refused("unknown-commitment", "bid " + bid_id + " made no commitment to measure " + measure);
    const bool reduce = decision == scoring::Deliverability::reduce;
    if (reduce != (quantity.has_value() || percent.has_value()) || (quantity && percent))
        throw Refused("sv-decision", reduce ? "a reduction needs either a quantity or a percentage (not both)"
                                            : "only a reduction takes a quantity or percentage");
    if (quantity && !(*quantity >= 0 && *quantity <= *committed))
        throw Refused("sv-decision", "the reduced quantity must be between 0 and the " +
                                         scoring::format_number(*committed) + " committed");
    if (percent && !(*percent >= 0 && *percent <= 100))
        throw Refused("sv-decision", "the percentage must be between 0 and 100");
    rules::text(reason, "the reason for the decision", "reason");
    const char* text = decision == scoring::Deliverability::accept ? "accept" : reduce ? "reduce" : "reject";
    return wb.run(actor, "sv-decision", reason, [&](Command& c) {
        c.put(entity::commitment, {bid_id, measure, *committed, std::string(text), nullable(quantity), nullable(percent),
                                   reason});
    });
}

CommandResult record_lots_seed(Workbook& wb, const std::string& actor, const std::string& lot, std::uint64_t seed) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "record the seed for drawing lots");
    rules::phase(state, {Phase::price_evaluation, Phase::award}, "record the seed for drawing lots");
    rules::lot(state, lot);
    return wb.run(actor, "seed", "", [&](Command& c) { c.put(entity::lots_seed, {lot, std::to_string(seed)}); });
}

}  // namespace core
