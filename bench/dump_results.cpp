// Prints every field of evaluate_lot, reweight and a copied LotResult for 1,200 variants of the
// synthetic tender (sizes, precisions, tie-break rules, award models, exclusions, with and without
// a seed), so that an engine change meant to keep results identical can be checked by running
//   dump_results | sha1sum
// before and after the change (about 2.8 GB of text, half a minute).
#include <cstdio>
#include <string>

#include "bench/synthetic_tender.h"
#include "scoring/evaluation.h"
#include "scoring/what_if.h"

using namespace scoring;

static void dump(FILE* f, const LotResult& r) {
    std::fprintf(f, "lot %s %s leaves %zu field %lld %lld %d\n", r.lot_id.c_str(), r.lot_name.c_str(), r.leaves.size(),
                 (long long)r.field.pmin, (long long)r.field.pmax, r.has_price_field);
    for (auto& l : r.leaves) std::fprintf(f, " leaf %s %.17g\n", l.criterion->id.c_str(), l.effective_weight);
    for (auto& b : r.bids) {
        std::fprintf(f, "%s|%s|%lld|%d|%d|%.17g|%.17g|%.17g|%.17g|%.17g|%.17g|%s\n", b.id.c_str(), b.bidder.c_str(),
                     (long long)b.price, b.rank ? *b.rank : -1, b.in_contention, b.total, b.price_marks,
                     b.quality_marks, b.social_value_marks, b.raw_quality_marks, b.social_value_committed,
                     b.award_value ? std::to_string(*b.award_value).c_str() : "-");
        for (double m : b.leaf_marks) std::fprintf(f, " %.17g", m);
        std::fprintf(f, "\n");
        for (auto& fl : b.flags) std::fprintf(f, "  F %s: %s\n", fl.code.c_str(), fl.detail.c_str());
    }
    for (auto& t : r.tie_breaks) {
        std::fprintf(f, "T %s seed %lld:", t.rule.c_str(), t.seed ? (long long)*t.seed : -1LL);
        for (auto& s : t.bids) std::fprintf(f, " %s", s.c_str());
        std::fprintf(f, " ->");
        for (auto& s : t.order) std::fprintf(f, " %s", s.c_str());
        std::fprintf(f, "\n");
    }
}
int main() {
    FILE* f = stdout;
    int variant = 0;
    for (std::size_t n : {1u, 2u, 37u, 1000u, 4000u}) {
        for (int prec : {0, 1, 2, 6}) {
            for (int rules = 0; rules < 5; ++rules) {
                for (int model = 0; model < 6; ++model) {
                    auto t = bench::make_tender(n, n > 1000 ? 50 : 12, 20261123 + n);
                    auto& lot = t.framework.lots.front();
                    lot.rules.precision = prec;
                    using R = TieBreakRule;
                    if (rules == 1) lot.tie_breaks = {};
                    if (rules == 2) lot.tie_breaks = {R::lots};
                    if (rules == 3) lot.tie_breaks = {R::higher_social_value, R::lower_price};
                    if (rules == 4) lot.tie_breaks = {R::lower_price, R::higher_quality, R::lots};
                    if (model == 1) {
                        lot.award.model = AwardModel::vfm_ratio;
                    }
                    if (model == 2) {
                        lot.award.model = AwardModel::vfm_ratio;
                        lot.award.corridor_percent = 3;
                    }
                    if (model == 3) {
                        lot.award.model = AwardModel::price_per_quality_point;
                    }
                    if (model == 4) {
                        lot.award.model = AwardModel::vfm_ratio;
                        lot.award.corridor_percent = 5;
                        lot.award.corridor_tie_break = CorridorTieBreak::lowest_price;
                    }
                    if (model == 5) lot.award.model = AwardModel::monetised_quality;
                    if (n > 5) {
                        t.bids[3].exclusion = "late";
                        t.bids[4].alt_decision = AltDecision::rejected;
                        t.bids[4].alt_reason = "cheap";
                        t.bids[4].price = 100;
                    }
                    for (auto seed : {std::optional<std::uint64_t>{42}, std::optional<std::uint64_t>{}}) {
                        std::fprintf(f, "=== variant %d n %zu p %d rules %d model %d seed %d\n", variant++, n, prec,
                                     rules, model, (int)seed.has_value());
                        try {
                            auto r = evaluate_lot(t.framework, lot, t.bids, t.scores, {seed});
                            dump(f, r);
                            auto w = declared_weights(lot);
                            w.price += 5;
                            w.quality -= 5;
                            dump(f, reweight(lot, r, w, {seed}));
                            LotResult copy = r;
                            dump(f, copy);
                        } catch (const EvaluationError& e) {
                            std::fprintf(f, "ERROR\n%s\n", e.what());
                        }
                    }
                }
            }
        }
    }
    std::fprintf(stderr, "%d variants\n", variant);
}
