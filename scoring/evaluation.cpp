#include "scoring/evaluation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "scoring/abnormally_low.h"
#include "scoring/award_models.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"
#include "scoring/social_value.h"
#include "scoring/ties.h"

namespace scoring {

namespace {

std::string join(const std::vector<std::string>& problems) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "\n") + p;
    return text;
}

// Exclusions whose flags score_price reads back (the Pmin rule for rejected abnormally low bids).
enum Exclusion : std::uint8_t {
    failed_gate = 1,
    below_threshold = 2,
    below_quality_minimum = 4,
    abnormally_low_rejected = 8,
};

const char* code_of(Exclusion why) {
    switch (why) {
        case failed_gate: return "failed_gate";
        case below_threshold: return "below_threshold";
        case below_quality_minimum: return "below_quality_minimum";
        case abnormally_low_rejected: return "abnormally_low_rejected";
    }
    return "";
}

// What the passes read and write for one bid, one cache line. The passes walk this array rather
// than the BidResults (about 200 bytes each, plus their strings and vectors), so with 10,000 bids
// their working set stays in L2; the BidResults get the criterion marks as they are scored and
// the rest once, at the end (fill_results).
struct BidState {
    Money price = 0;
    double raw_quality = 0;  // before normalisation; thresholds use this
    double quality = 0;
    double social_value = 0;
    double price_marks = 0;
    double committed = 0;  // social value, minor units
    bool in_contention = true;
    bool stated_exclusion = false;  // BidInput::exclusion
    std::uint8_t raised = 0;        // Exclusion bits
    AltDecision alt = AltDecision::none;
};

// Work shared by the steps of one lot's evaluation.
struct Pass {
    const Framework& framework;
    const Lot& lot;
    const std::vector<BidInput>& bids;
    const ScoreTable& scores;
    std::vector<Leaf> leaves;
    std::vector<BidState> state;
    // The results in input order, made up front so the passes write each criterion's marks into
    // the bid's own leaf_marks (no second copy of every mark); fill_results adds the rest.
    std::vector<BidResult> results;
    std::vector<std::pair<std::size_t, Flag>> flags;  // (bid, flag) in the order raised
    std::vector<std::pair<std::size_t, std::string>> unknown_measures;  // reported with social value
    std::vector<Money> deductions;
    std::vector<std::string> problems;

    double* row(std::size_t b) { return results[b].leaf_marks.data(); }

    void flag(std::size_t b, std::string code, std::string detail) {
        flags.push_back({b, {std::move(code), std::move(detail)}});
    }

    void exclude(std::size_t b, Exclusion why, std::string detail) {
        auto& s = state[b];
        if (s.in_contention) flag(b, "excluded", std::string("out of contention: ") + code_of(why));
        s.in_contention = false;
        s.raised |= why;
        flag(b, code_of(why), std::move(detail));
    }
};

std::string bid_label(const BidInput& bid) { return "bid " + bid.id + " (" + bid.bidder + ")"; }

void check_gates(Pass& pass, std::size_t b) {
    const auto& bid = pass.bids[b];
    for (const auto& gate : pass.lot.gates) {
        const auto it = std::find_if(bid.gates.begin(), bid.gates.end(),
                                     [&](const GateResult& g) { return g.gate == gate.id; });
        if (it == bid.gates.end()) {
            pass.problems.push_back(bid_label(bid) + ": no result for gate " + gate.id + " (" + gate.name +
                                    "); record pass or fail for every gate before evaluating");
        } else if (!it->passed) {
            pass.exclude(b, failed_gate, "failed gate " + gate.id + " (" + gate.name + "): " + it->reason);
        }
    }
    for (const auto& g : bid.gates)
        if (std::none_of(pass.lot.gates.begin(), pass.lot.gates.end(),
                         [&](const Gate& gate) { return gate.id == g.gate; }))
            pass.problems.push_back(bid_label(bid) + ": result for unknown gate " + g.gate +
                                    "; the lot's gates are those in framework.xml");
}

// The one pass that reads the BidInputs: everything later passes need from them is copied into
// the compact state here. The committed social value is summed here too, while the bid's
// commitments are in cache; unknown measures are reported later, where the social value is scored.
void check_compliance(Pass& pass) {
    const MeasureIndex measures(pass.framework);
    std::vector<std::string> unknown;
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        const auto& bid = pass.bids[b];
        auto& s = pass.state[b];
        s.price = bid.price;
        s.alt = bid.alt_decision;
        if (bid.exclusion) {
            s.in_contention = false;
            s.stated_exclusion = true;
            pass.flag(b, "excluded", *bid.exclusion);
        }
        check_gates(pass, b);
        s.committed = committed_social_value(measures, bid.commitments, &unknown);
        for (auto& code : unknown) pass.unknown_measures.emplace_back(b, std::move(code));
        unknown.clear();
    }
}

// What one scored question needs per cell, gathered once so the inner loop stays in cache.
struct QuestionPlan {
    std::size_t leaf = 0;
    const Criterion* question = nullptr;
    const Scale* scale = nullptr;
    double weight = 0;           // effective weight (marks)
    double maximum = 0;          // scale maximum
    bool quality = false;        // else social value
    double minimum = -1;         // below this fails; -1 when none
    std::uint64_t points = 0;    // bit v set when v is a point; used when `whole_points`
    bool whole_points = false;   // every point a whole number 0-63 and no intermediate scores

    bool allows(double score) const {
        if (!whole_points) return scale->allows(score);
        if (!(score >= 0 && score <= 63) || score != std::floor(score)) return false;
        return (points >> static_cast<unsigned>(score)) & 1u;
    }
};

// Whole-number scales (nearly all of them) checked with one bit test instead of a scan.
void gather_points(QuestionPlan& plan) {
    if (plan.scale->intermediate) return;
    for (const auto& point : plan.scale->points) {
        if (!(point.value >= 0 && point.value <= 63) || point.value != std::floor(point.value)) return;
        plan.points |= std::uint64_t{1} << static_cast<unsigned>(point.value);
    }
    plan.whole_points = true;
}

std::vector<QuestionPlan> plan_questions(const std::vector<Leaf>& leaves) {
    std::vector<QuestionPlan> plan;
    for (std::size_t l = 0; l < leaves.size(); ++l) {
        const Leaf& leaf = leaves[l];
        if (leaf.criterion->kind != CriterionKind::question || !leaf.scale || leaf.scale_maximum <= 0) continue;
        const Criterion& q = *leaf.criterion;
        plan.push_back({l, &q, leaf.scale, leaf.effective_weight, leaf.scale_maximum, leaf.group == GroupType::quality,
                        q.min_score ? *q.min_score - 1e-9 : -1.0});
        gather_points(plan.back());
    }
    return plan;
}

void below_minimum(Pass& pass, std::size_t b, const Criterion& q, double score) {
    const std::string detail = "question " + q.id + " scored " + format_number(score) + ", below the minimum of " +
                               format_number(*q.min_score);
    if (q.on_fail == OnFail::exclude)
        pass.exclude(b, below_threshold, detail);
    else
        pass.flag(b, "below_threshold_flag", detail + " (methodology: flag only)");
}

void score_questions(Pass& pass) {
    const bool monetised = pass.lot.award.model == AwardModel::monetised_quality;
    pass.deductions.assign(pass.bids.size(), 0);
    const auto plan = plan_questions(pass.leaves);
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        auto& s = pass.state[b];
        double* const row = pass.row(b);
        const bool was_in = s.in_contention;
        for (const auto& p : plan) {
            const auto cell = pass.scores.get(b, p.leaf);
            if (!cell) {
                if (was_in)
                    pass.problems.push_back(bid_label(pass.bids[b]) + ", question " + p.question->id +
                                            ": no consensus score; finish moderation (or exclude the bid) first");
                continue;
            }
            const double score = *cell;
            if (!p.allows(score)) {
                pass.problems.push_back(bid_label(pass.bids[b]) + ", question " + p.question->id + ": score " +
                                        format_number(score) + " is not on scale " + p.scale->id);
                continue;
            }
            const double marks = p.weight * score / p.maximum;  // domain.md section 3, in that order
            row[p.leaf] = marks;
            (p.quality ? s.raw_quality : s.social_value) += marks;
            if (monetised)
                for (const auto& d : p.question->deductions)
                    if (std::fabs(d.point - score) < 1e-9) pass.deductions[b] += d.amount;
            if (score < p.minimum) below_minimum(pass, b, *p.question, score);
        }
        s.quality = s.raw_quality;
    }
}

void apply_quality_minimum(Pass& pass) {
    const auto& minimum = pass.lot.rules.min_quality_percent;
    if (!minimum) return;
    const double needed = group_weight(pass.lot, GroupType::quality) * *minimum / 100.0;
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        const auto& s = pass.state[b];
        if (!s.in_contention) continue;
        // "Not below" on the raw marks (domain.md section 3), not after rounding: 59.99% fails a 60%
        // minimum. The tolerance only absorbs floating-point noise such as 35.99999999999999.
        if (s.raw_quality < needed - 1e-9)
            pass.exclude(b, below_quality_minimum,
                         "quality marks " + format_number(s.raw_quality) + " below the minimum of " +
                             format_number(needed) + " (" + format_number(*minimum) + "% of the quality weight)");
    }
}

void check_abnormally_low(Pass& pass) {
    std::vector<std::size_t> open;
    std::vector<Money> prices;
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        const auto& s = pass.state[b];
        if (!s.in_contention) continue;
        if (s.price <= 0) {
            pass.problems.push_back(bid_label(pass.bids[b]) + ": price " + format_money(s.price) +
                                    " is zero or negative; correct the price or exclude the bid with a reason");
            continue;
        }
        open.push_back(b);
        prices.push_back(s.price);
    }
    const auto& rule = pass.lot.abnormally_low;
    const auto findings = abnormally_low_findings(rule, prices);
    for (std::size_t k = 0; k < open.size(); ++k) {
        const std::size_t b = open[k];
        const auto decision = pass.state[b].alt;
        if (decision == AltDecision::none && !findings[k].flagged) continue;  // the usual case: nothing to say
        const std::string why = findings[k].flagged ? "flagged: " + explain(rule, findings[k]) + "; " : "";
        if (decision == AltDecision::rejected)
            pass.exclude(b, abnormally_low_rejected, why + "rejected: " + pass.bids[b].alt_reason);
        else if (decision == AltDecision::accepted && findings[k].flagged)
            pass.flag(b, "abnormally_low_accepted", why + "accepted: " + pass.bids[b].alt_reason);
        else if (findings[k].flagged)
            pass.flag(b, "abnormally_low_pending", why + "ask the bidder to explain, then record a decision");
    }
}

// Pmin and Pmax over the bids in contention (and, if declared, those rejected as abnormally low
// and excluded for nothing else).
void price_field(Pass& pass, LotResult& out) {
    constexpr std::uint8_t other = failed_gate | below_threshold | below_quality_minimum;
    bool any = false;
    for (const auto& s : pass.state) {
        const bool counts = s.in_contention || (pass.lot.abnormally_low.rejected_in_pmin &&
                                                (s.raised & abnormally_low_rejected) && !(s.raised & other) &&
                                                !s.stated_exclusion);
        if (!counts || s.price <= 0) continue;
        if (!any || s.price < out.field.pmin) out.field.pmin = s.price;
        if (!any || s.price > out.field.pmax) out.field.pmax = s.price;
        any = true;
    }
    out.has_price_field = any;
}

void score_price(Pass& pass, LotResult& out) {
    price_field(pass, out);
    if (!out.has_price_field || pass.lot.award.model != AwardModel::weighted_sum) return;
    for (std::size_t l = 0; l < pass.leaves.size(); ++l) {
        if (pass.leaves[l].group != GroupType::price) continue;
        for (std::size_t b = 0; b < pass.bids.size(); ++b) {
            auto& s = pass.state[b];
            if (!s.in_contention || s.price <= 0) continue;
            double& cell = pass.row(b)[l];
            try {
                cell = price_marks(pass.lot.price, s.price, out.field, pass.leaves[l].effective_weight);
            } catch (const std::invalid_argument& e) {
                pass.problems.push_back(bid_label(pass.bids[b]) + ": " + e.what());
            }
            s.price_marks += cell;
        }
    }
}

void score_social_value(Pass& pass) {
    for (const auto& [b, code] : pass.unknown_measures)
        pass.problems.push_back(bid_label(pass.bids[b]) + ": commitment to unknown measure " + code +
                                "; use a measure code from the framework's <measures>");
    const std::size_t n = pass.bids.size();
    std::vector<double> committed(n);
    std::vector<Money> prices(n);
    std::vector<bool> contention(n);
    for (std::size_t b = 0; b < n; ++b) {
        committed[b] = pass.state[b].committed;
        prices[b] = pass.state[b].price;
        contention[b] = pass.state[b].in_contention;
    }
    for (std::size_t l = 0; l < pass.leaves.size(); ++l) {
        if (pass.leaves[l].criterion->kind != CriterionKind::measures) continue;
        const auto marks = social_value_marks(pass.lot.social_value, committed, prices, contention,
                                              pass.leaves[l].effective_weight);
        for (std::size_t b = 0; b < n; ++b) {
            pass.row(b)[l] = marks[b];
            pass.state[b].social_value += marks[b];
        }
    }
}

void normalise_quality(Pass& pass) {
    if (!pass.lot.rules.normalise_quality) return;
    double best = 0;
    for (const auto& s : pass.state)
        if (s.in_contention) best = std::max(best, s.raw_quality);
    if (best <= 0) return;  // nobody scored any quality: nothing to scale
    const double factor = group_weight(pass.lot, GroupType::quality) / best;
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        auto& s = pass.state[b];
        if (!s.in_contention) continue;
        s.quality = s.raw_quality * factor;
        double* const row = pass.row(b);
        for (std::size_t l = 0; l < pass.leaves.size(); ++l)
            if (pass.leaves[l].group == GroupType::quality) row[l] *= factor;
    }
}

// The BidResults in input order, each with its marks row, before any pass writes to them.
void make_results(Pass& pass) {
    pass.results.resize(pass.bids.size());
    for (auto& r : pass.results) r.leaf_marks.assign(pass.leaves.size(), 0.0);
}

// The rest of each BidResult, from the compact state: each written once.
void fill_results(Pass& pass) {
    for (std::size_t b = 0; b < pass.bids.size(); ++b) {
        const auto& bid = pass.bids[b];
        const auto& s = pass.state[b];
        auto& r = pass.results[b];
        r.id = bid.id;
        r.bidder = bid.bidder;
        r.price = s.price;
        r.in_contention = s.in_contention;
        r.price_marks = s.price_marks;
        r.quality_marks = s.quality;
        r.social_value_marks = s.social_value;
        r.raw_quality_marks = s.raw_quality;
        r.social_value_committed = s.committed;
    }
    for (auto& [b, flag] : pass.flags) pass.results[b].flags.push_back(std::move(flag));
}

// Puts results[perm[i]] at position i, moving each result once (cycle by cycle), so no second
// vector of results is needed.
void permute(std::vector<BidResult>& results, const std::vector<std::size_t>& perm) {
    std::vector<bool> placed(results.size());
    for (std::size_t start = 0; start < results.size(); ++start) {
        if (placed[start] || perm[start] == start) continue;
        BidResult held = std::move(results[start]);
        std::size_t at = start;
        for (std::size_t from = perm[at]; from != start; at = from, from = perm[at]) {
            results[at] = std::move(results[from]);
            placed[at] = true;
        }
        results[at] = std::move(held);
        placed[at] = true;
    }
}

void rank(Pass& pass, LotResult& out, const EvaluationOptions& options) {
    fill_results(pass);
    rank_results(pass.lot, pass.results, pass.deductions, options, out, pass.problems);
}

}  // namespace

void rank_results(const Lot& lot, std::vector<BidResult>& results, const std::vector<Money>& deductions,
                  const EvaluationOptions& options, LotResult& out, std::vector<std::string>& problems) {
    for (auto& r : results) r.total = r.price_marks + r.quality_marks + r.social_value_marks;
    const auto figures = award_figures(lot, results, deductions);
    const int precision = lot.rules.precision;
    std::vector<RankEntry> entries;
    entries.reserve(results.size());
    for (std::size_t b = 0; b < results.size(); ++b) {
        auto& r = results[b];
        r.award_value = figures[b].value;
        if (!r.in_contention) continue;
        if (figures[b].in_corridor) r.flags.push_back({"corridor", "within the value-for-money corridor"});
        RankEntry e;
        e.index = b;
        e.id = r.id;
        e.keys = figures[b].keys;
        e.value = figures[b].ranking_value;
        e.quality = at_precision(r.quality_marks, precision);
        e.social_value = at_precision(r.social_value_marks, precision);
        e.price = r.price;
        entries.push_back(std::move(e));
    }
    auto ranking = rank_entries(std::move(entries), lot.tie_breaks, options.lots_seed, precision);
    for (auto& p : ranking.problems) problems.push_back("lot " + lot.id + ": " + p);
    out.tie_breaks = std::move(ranking.records);
    // Into ranked order first, then ranks and the ranking's flags: the flags come in ranked order,
    // so they are written walking forward through the results rather than jumping about them.
    std::vector<std::size_t> perm = std::move(ranking.order);
    const std::size_t ranked = perm.size();
    for (std::size_t b = 0; b < results.size(); ++b)
        if (!results[b].in_contention) perm.push_back(b);
    std::vector<std::uint32_t> position(results.size());
    for (std::size_t i = 0; i < perm.size(); ++i) position[perm[i]] = static_cast<std::uint32_t>(i);
    permute(results, perm);
    for (std::size_t i = 0; i < ranked; ++i) results[i].rank = ranking.ranks[i];
    for (auto& [index, flag] : ranking.flags) results[position[index]].flags.push_back(std::move(flag));
    out.bids = std::move(results);
}

EvaluationError::EvaluationError(std::vector<std::string> problems)
    : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

bool BidResult::has_flag(const std::string& code) const {
    return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) { return f.code == code; });
}

std::int64_t at_precision(double value, int precision) {
    static constexpr double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    precision = std::clamp(precision, 0, 9);
    return std::llround(value * scale[precision]);
}

LotResult evaluate_lot(const Framework& framework, const Lot& lot, const std::vector<BidInput>& bids,
                       const ScoreTable& scores, const EvaluationOptions& options) {
    Pass pass{framework, lot, bids, scores, leaves_of(framework, lot), {}, {}, {}, {}, {}, {}};
    if (scores.bid_count() != bids.size() || scores.leaf_count() != pass.leaves.size())
        throw std::invalid_argument("score table is " + std::to_string(scores.bid_count()) + " bids by " +
                                    std::to_string(scores.leaf_count()) + " criteria; expected " +
                                    std::to_string(bids.size()) + " by " + std::to_string(pass.leaves.size()));
    pass.state.resize(bids.size());
    make_results(pass);
    LotResult out;
    out.lot_id = lot.id;
    out.lot_name = lot.name;
    check_compliance(pass);
    score_questions(pass);
    apply_quality_minimum(pass);
    check_abnormally_low(pass);
    score_price(pass, out);
    score_social_value(pass);
    normalise_quality(pass);
    rank(pass, out, options);
    if (!pass.problems.empty()) throw EvaluationError(std::move(pass.problems));
    out.leaves = std::move(pass.leaves);
    return out;
}

}  // namespace scoring
