#include "scoring/award_models.h"

#include <algorithm>

#include "scoring/money.h"

namespace scoring {

namespace {

double quality_points(const BidResult& b) { return b.quality_marks + b.social_value_marks; }

void vfm_ratio(const Lot& lot, const std::vector<BidResult>& bids, std::vector<AwardFigures>& out) {
    const int precision = lot.rules.precision;
    double best = 0;
    for (std::size_t i = 0; i < bids.size(); ++i) {
        if (!bids[i].in_contention) continue;
        // Z: quality points per 1,000 of price (price held in minor units).
        out[i].value = quality_points(bids[i]) * 100000.0 / static_cast<double>(bids[i].price);
        best = std::max(best, *out[i].value);
    }
    for (std::size_t i = 0; i < bids.size(); ++i) {
        if (!bids[i].in_contention) continue;
        // Compared as a percentage of the best Z, so the precision means the same for any contract size.
        const double relative = best > 0 ? *out[i].value / best * 100.0 : 0.0;
        out[i].ranking_value = relative;
        if (lot.award.corridor_percent) {
            const bool inside = at_precision(relative, precision) >=
                                at_precision(100.0 - *lot.award.corridor_percent, precision);
            out[i].in_corridor = inside;
            if (inside) {
                const std::int64_t second = lot.award.corridor_tie_break == CorridorTieBreak::best_quality
                                                ? -at_precision(quality_points(bids[i]), precision)
                                                : bids[i].price;
                out[i].keys = {0, second};
            } else {
                out[i].keys = {1, -at_precision(relative, precision)};
            }
        } else {
            out[i].keys = {-at_precision(relative, precision)};
        }
    }
}

}  // namespace

std::vector<AwardFigures> award_figures(const Lot& lot, const std::vector<BidResult>& bids,
                                        const std::vector<Money>& deductions) {
    std::vector<AwardFigures> out(bids.size());
    const int precision = lot.rules.precision;
    switch (lot.award.model) {
        case AwardModel::weighted_sum:
            for (std::size_t i = 0; i < bids.size(); ++i) {
                if (!bids[i].in_contention) continue;
                out[i].ranking_value = bids[i].total;
                out[i].keys = {-at_precision(bids[i].total, precision)};
            }
            break;
        case AwardModel::vfm_ratio:
            vfm_ratio(lot, bids, out);
            break;
        case AwardModel::price_per_quality_point:
            for (std::size_t i = 0; i < bids.size(); ++i) {
                if (!bids[i].in_contention) continue;
                const double points = quality_points(bids[i]);
                if (points <= 0) {  // no quality at all: no ratio, ranked after every bid that has one
                    out[i].keys = {1, 0};
                    continue;
                }
                out[i].value = to_major(bids[i].price) / points;
                out[i].ranking_value = *out[i].value;
                out[i].keys = {0, at_precision(*out[i].value, precision)};
            }
            break;
        case AwardModel::monetised_quality:
            for (std::size_t i = 0; i < bids.size(); ++i) {
                if (!bids[i].in_contention) continue;
                const Money comparison = bids[i].price - deductions[i];
                out[i].value = to_major(comparison);
                out[i].ranking_value = *out[i].value;
                out[i].keys = {comparison};
            }
            break;
    }
    return out;
}

std::string describe(const AwardRule& award) {
    switch (award.model) {
        case AwardModel::weighted_sum:
            return "Weighted sum: the bid with the highest total marks wins.";
        case AwardModel::vfm_ratio: {
            std::string text =
                "Value-for-money ratio: Z = quality points x 1000 / price (quality points per 1,000 of price); "
                "the highest Z wins. Z is compared as a percentage of the best Z.";
            if (award.corridor_percent)
                text += " Every bid within " + format_number(*award.corridor_percent) +
                        "% of the best Z is treated as equal with it and ordered by " +
                        (award.corridor_tie_break == CorridorTieBreak::best_quality ? "the best quality"
                                                                                   : "the lowest price") +
                        "; bids below the corridor follow by Z.";
            return text;
        }
        case AwardModel::price_per_quality_point:
            return "Price per quality point: price / quality points; the lowest wins.";
        case AwardModel::monetised_quality:
            return "Monetised quality (fictitious price): comparison price = price minus the declared deductions "
                   "for the quality level reached on each question; the lowest wins.";
    }
    return "";
}

}  // namespace scoring
