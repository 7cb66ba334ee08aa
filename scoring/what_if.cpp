#include "scoring/what_if.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace scoring {

GroupWeights declared_weights(const Lot& lot) {
    return {group_weight(lot, GroupType::price), group_weight(lot, GroupType::quality),
            group_weight(lot, GroupType::social_value)};
}

LotResult reweight(const Lot& lot, const LotResult& base, const GroupWeights& weights, const EvaluationOptions& options) {
    const GroupWeights was = declared_weights(lot);
    const double sum = weights.price + weights.quality + weights.social_value;
    if (std::fabs(sum - 100.0) > 1e-9 || weights.price < 0 || weights.quality < 0 || weights.social_value < 0)
        throw std::invalid_argument("what-if weights must be 0 or more and sum to 100");
    const auto factor = [](double now, double before, const char* name) {
        if (before > 0) return now / before;
        if (now > 0) throw std::invalid_argument(std::string("the lot has no ") + name + " group to give weight to");
        return 0.0;
    };
    const double fp = factor(weights.price, was.price, "price");
    const double fq = factor(weights.quality, was.quality, "quality");
    const double fs = factor(weights.social_value, was.social_value, "social_value");
    if (lot.award.model == AwardModel::monetised_quality) return base;

    std::vector<BidResult> results = base.bids;
    for (auto& r : results) {
        r.price_marks *= fp;
        r.quality_marks *= fq;
        r.raw_quality_marks *= fq;
        r.social_value_marks *= fs;
        for (std::size_t l = 0; l < base.leaves.size(); ++l) {
            const auto g = base.leaves[l].group;
            r.leaf_marks[l] *= g == GroupType::price ? fp : g == GroupType::quality ? fq : fs;
        }
        r.rank.reset();
        std::erase_if(r.flags, [](const Flag& f) {
            return f.code == "tie_break" || f.code == "lots_drawn" || f.code == "tie_unresolved" || f.code == "corridor";
        });
    }
    LotResult out;
    out.lot_id = base.lot_id;
    out.lot_name = base.lot_name;
    out.leaves = base.leaves;
    for (auto& leaf : out.leaves) {
        const auto g = leaf.group;
        leaf.effective_weight *= g == GroupType::price ? fp : g == GroupType::quality ? fq : fs;
    }
    out.field = base.field;
    out.has_price_field = base.has_price_field;
    std::vector<std::string> problems;
    rank_results(lot, results, std::vector<Money>(results.size(), 0), options, out, problems);
    if (!problems.empty()) throw EvaluationError(std::move(problems));
    return out;
}

}  // namespace scoring
