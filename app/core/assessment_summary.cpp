#include "app/core/assessment_summary.h"

#include <map>

#include "scoring/award_models.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"
#include "scoring/social_value.h"

namespace core {

namespace {

using Consensus = std::map<std::pair<std::string, std::string>, const ConsensusScore*>;

Consensus consensus_index(const Package& package) {
    Consensus out;
    for (const auto& s : package.scores)
        if (s.consensus) out[{s.bid, s.criterion}] = &*s.consensus;
    return out;
}

std::string commitments_text(const ExportData& data, const PackageBid& bid) {
    std::string text;
    for (const auto& c : bid.input.commitments) {
        const auto* m = data.package.framework.measure(c.measure);
        if (!m) continue;
        const double counted = c.counted_quantity();
        std::string line = scoring::format_number(c.quantity) + " " + m->unit + " of " + m->name;
        if (c.decision == scoring::Deliverability::reject)
            line += ", not counted (rejected as not deliverable: " + c.reason + ")";
        else if (c.decision == scoring::Deliverability::reduce)
            line += ", counted as " + scoring::format_number(counted) + " (reduced: " + c.reason + ")";
        line += " = " + scoring::format_money(static_cast<scoring::Money>(counted * static_cast<double>(m->proxy_per_unit) + 0.5));
        text += (text.empty() ? "" : "; ") + line;
    }
    return text.empty() ? "No social-value commitments were made." : "Commitments: " + text + ".";
}

CriterionAssessment assess_leaf(const ExportData& data, const Consensus& consensus, const scoring::Lot& lot,
                                const scoring::LotResult& result, const scoring::Leaf& leaf, double marks,
                                const PackageBid& bid) {
    CriterionAssessment a;
    a.id = leaf.criterion->id;
    a.name = leaf.criterion->name;
    a.group = leaf.group;
    a.weight = leaf.effective_weight;
    a.marks = marks;
    if (leaf.group == scoring::GroupType::price) {
        a.how_scored = scoring::describe(lot.price);
        a.explanation = "Tendered price " + scoring::format_money(bid.input.price) + ".";
        if (result.has_price_field)
            a.explanation += " The lowest price in contention was " + scoring::format_money(result.field.pmin) + ".";
    } else if (leaf.criterion->kind == scoring::CriterionKind::measures) {
        a.how_scored = scoring::describe(lot.social_value);
        a.explanation = commitments_text(data, bid);
    } else {
        a.how_scored = leaf.scale ? "scored by the panel's consensus on " + leaf.scale->name + " (" +
                                        scoring::format_number(leaf.scale->minimum()) + " to " +
                                        scoring::format_number(leaf.scale->maximum()) + ")"
                                  : "";
        const auto it = consensus.find({bid.input.id, leaf.criterion->id});
        if (it != consensus.end()) {
            a.score = it->second->score;
            a.explanation = it->second->rationale;
        } else {
            a.explanation = "Not scored: the tender was excluded before this question was moderated.";
        }
    }
    return a;
}

std::vector<std::string> reason_texts(const PackageBid& bid, const scoring::BidResult& r) {
    std::vector<std::string> out;
    for (const auto& reason : exclusion_reasons(bid, r)) out.push_back(reason.detail);
    return out;
}

BidAssessment assess_bid(const ExportData& data, const Consensus& consensus, const scoring::Lot& lot,
                         const scoring::LotResult& result, const scoring::BidResult& r) {
    const auto& bid = *data.bid(r.id);
    BidAssessment a{r.id, r.bidder, r.price, r.in_contention, r.rank, r.price_marks, r.quality_marks,
                    r.social_value_marks, r.total, {}, reason_texts(bid, r)};
    for (std::size_t l = 0; l < result.leaves.size(); ++l)
        a.criteria.push_back(assess_leaf(data, consensus, lot, result, result.leaves[l], r.leaf_marks[l], bid));
    return a;
}

std::string outcome(const AssessmentSummary& s, std::size_t ranked, int precision) {
    const auto& b = s.bidder;
    if (!b.in_contention) {
        std::string text = "Your tender was not considered further for lot " + s.lot_id + ": ";
        for (std::size_t i = 0; i < b.reasons.size(); ++i) text += (i ? "; " : "") + b.reasons[i];
        return text + ".";
    }
    if (s.successful)
        return "Your tender is the most advantageous tender for lot " + s.lot_id + " (total " +
               scoring::format_fixed(b.total, precision) + " marks) and is the intended award.";
    std::string text = "Your tender ranked " + (b.rank ? std::to_string(*b.rank) : std::string("-")) + " of " +
                       std::to_string(ranked) + " tenders in contention for lot " + s.lot_id + " with " +
                       scoring::format_fixed(b.total, precision) + " marks";
    if (s.winner) text += "; the winning tender scored " + scoring::format_fixed(s.winner->total, precision) + " marks";
    return text + ".";
}

}  // namespace

std::vector<scoring::Flag> exclusion_reasons(const PackageBid& bid, const scoring::BidResult& result) {
    std::vector<scoring::Flag> out;
    if (bid.input.exclusion) out.push_back({"excluded", *bid.input.exclusion});
    for (const auto& f : result.flags)
        if (f.code == "failed_gate" || f.code == "below_threshold" || f.code == "below_quality_minimum" ||
            f.code == "abnormally_low_rejected")
            out.push_back(f);
    return out;
}

std::vector<AssessmentSummary> assessment_summaries(const ExportData& data) {
    std::vector<AssessmentSummary> out;
    const auto consensus = consensus_index(data.package);
    for (const auto& result : data.result.lots) {
        const auto* lot = data.package.framework.lot(result.lot_id);
        if (!lot) continue;
        std::optional<BidAssessment> winner;
        std::size_t ranked = 0;
        for (const auto& r : result.bids) ranked += r.in_contention ? 1 : 0;
        if (!result.bids.empty() && result.bids.front().in_contention && result.bids.front().rank == 1)
            winner = assess_bid(data, consensus, *lot, result, result.bids.front());
        for (const auto& r : result.bids) {
            AssessmentSummary s;
            s.tender = data.package.tender;
            s.reference = data.package.reference;
            s.lot_id = lot->id;
            s.lot_name = lot->name;
            s.award_method = scoring::describe(lot->award) + " " +
                             (lot->award.model == scoring::AwardModel::weighted_sum ? scoring::describe(lot->price) : "");
            s.bids_assessed = result.bids.size();
            s.bidder = assess_bid(data, consensus, *lot, result, r);
            s.successful = winner && winner->bid == r.id;
            if (winner && !s.successful) s.winner = winner;
            s.outcome = outcome(s, ranked, lot->rules.precision);
            out.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace core
