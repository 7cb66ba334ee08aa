#include "app/core/package_evaluation.h"

#include <unordered_map>

namespace core {

LotInputs lot_inputs(const Package& package, const scoring::Lot& lot) {
    LotInputs in;
    std::unordered_map<std::string, std::size_t> bid_index;
    for (const auto& b : package.bids) {
        if (b.lot != lot.id) continue;
        bid_index.emplace(b.input.id, in.bids.size());
        in.bids.push_back(b.input);
    }
    const auto leaves = scoring::leaves_of(package.framework, lot);
    std::unordered_map<std::string, std::size_t> leaf_index;
    for (std::size_t l = 0; l < leaves.size(); ++l) leaf_index.emplace(leaves[l].criterion->id, l);
    in.scores = scoring::ScoreTable(in.bids.size(), leaves.size());
    for (const auto& record : package.scores) {
        if (!record.consensus) continue;
        const auto b = bid_index.find(record.bid);
        const auto l = leaf_index.find(record.criterion);
        if (b == bid_index.end() || l == leaf_index.end()) continue;
        in.scores.set(b->second, l->second, record.consensus->score);
    }
    return in;
}

PackageResult evaluate_package(const Package& package, const EvaluateOptions& options) {
    if (options.lot && !package.framework.lot(*options.lot)) {
        std::string known;
        for (const auto& l : package.framework.lots) known += (known.empty() ? "" : ", ") + l.id;
        throw InputError({{package.folder.string(), 0, 0, "no lot \"" + *options.lot + "\" in this tender (lots: " + known + ")"}});
    }
    PackageResult result;
    std::vector<std::string> problems;
    for (const auto& lot : package.framework.lots) {
        if (options.lot && lot.id != *options.lot) continue;
        const auto in = lot_inputs(package, lot);
        scoring::EvaluationOptions engine;
        engine.lots_seed = options.seed;
        if (!engine.lots_seed)
            if (const auto it = package.lots_seeds.find(lot.id); it != package.lots_seeds.end())
                engine.lots_seed = it->second;
        try {
            result.lots.push_back(scoring::evaluate_lot(package.framework, lot, in.bids, in.scores, engine));
        } catch (const scoring::EvaluationError& e) {
            const std::string prefix = package.framework.lots.size() > 1 ? "lot " + lot.id + ": " : "";
            for (const auto& p : e.problems()) problems.push_back(prefix + p);
        }
    }
    if (!problems.empty()) throw scoring::EvaluationError(problems);
    return result;
}

}  // namespace core
