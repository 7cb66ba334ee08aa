// Small builders shared by the scoring-engine unit tests: frameworks are built in code, never read
// from XML, so each test states the whole method it evaluates.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace tbtest {

using namespace scoring;

/// A scale with the integer points 0..max, each with a label and a descriptor.
inline Scale integer_scale(const std::string& id, int max, bool intermediate = false) {
    Scale s;
    s.id = id;
    s.name = "0-" + std::to_string(max);
    s.intermediate = intermediate;
    for (int v = 0; v <= max; ++v)
        s.points.push_back({static_cast<double>(v), "L" + std::to_string(v), "descriptor " + std::to_string(v)});
    return s;
}

inline Criterion price_group(double weight, const std::string& id = "PRICE") {
    Criterion c;
    c.id = id;
    c.name = "Price";
    c.kind = CriterionKind::group;
    c.type = GroupType::price;
    c.weight = weight;
    return c;
}

inline Criterion question(const std::string& id, double weight, const std::string& scale,
                          std::optional<double> min_score = std::nullopt, OnFail on_fail = OnFail::unstated) {
    Criterion c;
    c.id = id;
    c.name = "Question " + id;
    c.kind = CriterionKind::question;
    c.weight = weight;
    c.scale_id = scale;
    c.min_score = min_score;
    c.on_fail = on_fail;
    return c;
}

inline Criterion measures_leaf(const std::string& id, double weight) {
    Criterion c;
    c.id = id;
    c.name = "Committed social value";
    c.kind = CriterionKind::measures;
    c.weight = weight;
    return c;
}

/// A group; top-level when `type` is given.
inline Criterion group(const std::string& id, std::optional<GroupType> type, double weight,
                       std::vector<Criterion> children) {
    Criterion c;
    c.id = id;
    c.name = "Group " + id;
    c.kind = CriterionKind::group;
    c.type = type;
    c.weight = weight;
    c.children = std::move(children);
    return c;
}

inline Lot make_lot(std::vector<Criterion> criteria, PriceMethod method = PriceMethod::lowest_ratio) {
    Lot lot;
    lot.id = "1";
    lot.name = "Lot 1";
    lot.criteria = std::move(criteria);
    lot.price.method = method;
    lot.price.declared = true;
    return lot;
}

inline Framework make_framework(std::vector<Scale> scales, Lot lot, std::vector<Measure> measures = {}) {
    Framework f;
    f.id = "fw";
    f.name = "Test framework";
    f.version = "1";
    f.scales = std::move(scales);
    f.measures = std::move(measures);
    f.lots.push_back(std::move(lot));
    return f;
}

inline BidInput bid(const std::string& id, Money price) {
    BidInput b;
    b.id = id;
    b.bidder = id + " Ltd";
    b.price = price;
    return b;
}

/// Consensus scores per bid, by question id; a question absent from a row has no consensus.
using ScoreRow = std::map<std::string, double>;

inline ScoreTable make_scores(const Framework& framework, const Lot& lot, const std::vector<ScoreRow>& rows) {
    const auto leaves = leaves_of(framework, lot);
    ScoreTable table(rows.size(), leaves.size());
    for (std::size_t b = 0; b < rows.size(); ++b) {
        for (const auto& [id, score] : rows[b]) {
            bool found = false;
            for (std::size_t l = 0; l < leaves.size(); ++l) {
                if (leaves[l].criterion->id == id) {
                    table.set(b, l, score);
                    found = true;
                }
            }
            if (!found) throw std::logic_error("test set-up: no leaf " + id);
        }
    }
    return table;
}

/// Evaluates the framework's only lot.
inline LotResult evaluate(const Framework& framework, const std::vector<BidInput>& bids,
                          const std::vector<ScoreRow>& rows, const EvaluationOptions& options = {}) {
    const Lot& lot = framework.lots.front();
    return evaluate_lot(framework, lot, bids, make_scores(framework, lot, rows), options);
}

inline const BidResult& result(const LotResult& lot, const std::string& id) {
    for (const auto& b : lot.bids)
        if (b.id == id) return b;
    throw std::logic_error("test: no result for bid " + id);
}

/// Ids of the bids in contention, in ranked order.
inline std::vector<std::string> ranked_ids(const LotResult& lot) {
    std::vector<std::string> out;
    for (const auto& b : lot.bids)
        if (b.rank) out.push_back(b.id);
    return out;
}

/// Index of the leaf for criterion `id` in `leaves`.
inline std::size_t leaf_index(const std::vector<Leaf>& leaves, const std::string& id) {
    for (std::size_t l = 0; l < leaves.size(); ++l)
        if (leaves[l].criterion->id == id) return l;
    throw std::logic_error("test: no leaf " + id);
}

/// Does any problem of `error` contain every one of `parts`?
inline bool has_problem(const EvaluationError& error, const std::vector<std::string>& parts) {
    for (const auto& p : error.problems()) {
        bool all = true;
        for (const auto& part : parts)
            if (p.find(part) == std::string::npos) all = false;
        if (all) return true;
    }
    return false;
}

/// Runs `f`, which must throw EvaluationError, and returns the error.
template <typename F>
EvaluationError evaluation_error(F&& f) {
    try {
        f();
    } catch (const EvaluationError& e) {
        return e;
    }
    throw std::logic_error("expected an EvaluationError");
}

}  // namespace tbtest
