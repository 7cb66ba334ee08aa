#include "scoring/moderation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace scoring {

namespace {

// A threshold "reached" by a difference of decimal scores must survive binary rounding
// (3.7 - 1.7 = 1.9999999999999998).
constexpr double kTolerance = 1e-9;

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

void require_finite(double value, const char* what) {
    if (!std::isfinite(value))
        throw std::invalid_argument(std::string(what) + " is not a finite number (" + number(value) + ")");
}

double median_of(std::vector<double> values) {  // values non-empty
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return lower + (upper - lower) / 2;  // equal middle scores give that score exactly
}

double scale_range(const Scale& scale) {
    const double range = scale.maximum() - scale.minimum();
    if (!(range > 0))
        throw std::invalid_argument("scale " + scale.id + " has no range (maximum " + number(scale.maximum()) +
                                    ", minimum " + number(scale.minimum()) + "): validate the framework first");
    return range;
}

// Length in bytes of the whitespace character starting at text[i], 0 if it is not whitespace.
// ASCII whitespace plus the Unicode spaces a pasted rationale may carry: U+00A0, U+1680,
// U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
std::size_t space_at(const std::string& text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
    const unsigned b0 = byte(i);
    if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D)) return 1;
    if (b0 == 0xC2 && byte(i + 1) == 0xA0) return 2;
    if (b0 == 0xE1 && byte(i + 1) == 0x9A && byte(i + 2) == 0x80) return 3;
    if (b0 == 0xE2 && byte(i + 1) == 0x80) {
        const unsigned b2 = byte(i + 2);
        if ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) return 3;
    }
    if (b0 == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0x9F) return 3;
    if (b0 == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;
    if (b0 == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) return 3;
    return 0;
}

struct TextSize {
    std::size_t words = 0;
    std::size_t characters = 0;  // code points, trimmed, each whitespace run counted as one
};

TextSize text_size(const std::string& text) {
    TextSize size;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = space_at(text, i)) {
            in_word = false;
            i += n;
            continue;
        }
        if (!in_word) {
            if (size.words > 0) ++size.characters;  // the gap before this word
            ++size.words;
            in_word = true;
        }
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++size.characters;  // not a continuation byte
        ++i;
    }
    return size;
}

}  // namespace

ItemSpread item_spread(const std::vector<double>& scores, const ModerationRules& rules) {
    ItemSpread out;
    if (scores.empty()) return out;
    for (const double s : scores) require_finite(s, "individual score");
    const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
    out.count = scores.size();
    out.min = *lo;
    out.max = *hi;
    out.spread = out.max - out.min;
    out.median = median_of(scores);
    out.divergent = out.spread >= rules.divergence - kTolerance;
    return out;
}

SpreadBand spread_band(double spread, const Scale& scale) {
    require_finite(spread, "spread");
    const double share = spread / scale_range(scale);
    if (share >= kRedFromShare - kTolerance) return SpreadBand::red;
    if (share >= kAmberFromShare - kTolerance) return SpreadBand::amber;
    return SpreadBand::green;
}

std::string to_string(SpreadBand band) {
    switch (band) {
        case SpreadBand::green: return "green";
        case SpreadBand::amber: return "amber";
        case SpreadBand::red: return "red";
    }
    return "green";
}

std::optional<double> suggested_consensus(const std::vector<double>& scores, const Scale& scale) {
    if (scores.empty()) return std::nullopt;
    for (const double s : scores) require_finite(s, "individual score");
    const double median = median_of(scores);
    if (!scale.allows(median)) return std::nullopt;
    if (const ScalePoint* p = scale.point(median)) return p->value;  // the point itself, not a near-copy
    return median;
}

std::vector<std::string> consensus_problems(double score, const std::string& rationale, const Scale& scale) {
    std::vector<std::string> problems;
    if (!std::isfinite(score)) {
        problems.push_back("the consensus score is not a number");
    } else if (!scale.allows(score)) {
        if (scale.intermediate) {
            problems.push_back("consensus score " + number(score) + " is outside scale " + scale.id + " (" +
                               number(scale.minimum()) + " to " + number(scale.maximum()) + ")");
        } else {
            std::string points;
            for (const auto& p : scale.points) points += (points.empty() ? "" : ", ") + number(p.value);
            problems.push_back("consensus score " + number(score) + " is not a point of scale " + scale.id +
                               " (points: " + points + ")");
        }
    }
    if (text_size(rationale).words == 0)
        problems.push_back("the rationale is empty: explain the score by reference to the bid");
    return problems;
}

std::optional<std::string> rationale_warning(const std::string& rationale) {
    const TextSize size = text_size(rationale);
    if (size.words == 0) return std::nullopt;  // refused by consensus_problems instead
    if (size.words >= kShortRationaleWords && size.characters >= kShortRationaleCharacters) return std::nullopt;
    return "the rationale is very short (" + std::to_string(size.words) + " words, " +
           std::to_string(size.characters) + " characters): say which parts of the bid support the score";
}

std::optional<double> automatic_consensus(const ItemSpread& spread, const std::vector<double>& scores,
                                          const Scale& scale, const ModerationRules& rules) {
    if (spread.count != scores.size())
        throw std::invalid_argument("spread counts " + std::to_string(spread.count) + " scores but " +
                                    std::to_string(scores.size()) + " were given: compute it from the same scores");
    if (!rules.enhanced_consensus || spread.count < kAutomaticConsensusMinScores || spread.divergent)
        return std::nullopt;
    return suggested_consensus(scores, scale);  // nullopt unless the median is an allowed score
}

std::vector<EvaluatorDeviation> evaluator_deviations(const std::vector<ModeratedItem>& items) {
    struct Sums {
        std::size_t items = 0;
        double signed_points = 0, absolute_points = 0, signed_share = 0, absolute_share = 0;
    };
    std::map<std::string, Sums> by_evaluator;
    for (const auto& item : items) {
        require_finite(item.consensus, "consensus score");
        require_finite(item.scale_range, "scale range");
        if (!(item.scale_range > 0))
            throw std::invalid_argument("scale range must be above 0 (got " + number(item.scale_range) + ")");
        std::set<std::string> seen;
        for (const auto& [evaluator, score] : item.scores) {
            require_finite(score, "individual score");
            if (!seen.insert(evaluator).second)
                throw std::invalid_argument("evaluator " + evaluator + " has two scores for one item");
            const double deviation = score - item.consensus;
            Sums& s = by_evaluator[evaluator];
            ++s.items;
            s.signed_points += deviation;
            s.absolute_points += std::fabs(deviation);
            s.signed_share += deviation / item.scale_range;
            s.absolute_share += std::fabs(deviation) / item.scale_range;
        }
    }
    std::vector<EvaluatorDeviation> out;
    for (const auto& [evaluator, s] : by_evaluator) {
        const auto n = static_cast<double>(s.items);  // >= 1: only evaluators with a score get an entry
        out.push_back({evaluator, s.items, s.signed_points / n, s.absolute_points / n, 100 * s.signed_share / n,
                       100 * s.absolute_share / n});
    }
    return out;
}

namespace {

// Is denominator effectively zero next to the size of the data? Sums of equal decimal scores
// can leave ~1e-30 where the exact answer is 0.
bool negligible(double denominator, double largest_score) {
    return !(denominator > 1e-12 * std::max(1.0, largest_score * largest_score));
}

// ICC(1,1) with unequal ratings per item: one-way ANOVA, n0 from the group sizes.
void one_way(const std::vector<const ItemRatings*>& items, double largest, PanelAgreement& out) {
    std::size_t total = 0;
    double sum = 0, sum_sizes_sq = 0;
    for (const auto* item : items) {
        total += item->size();
        sum_sizes_sq += static_cast<double>(item->size() * item->size());
        for (const auto& r : *item) sum += r.score;
    }
    out.items_used = items.size();
    out.ratings_used = total;
    if (items.size() < 2) return;
    const double N = static_cast<double>(total), k = static_cast<double>(items.size());
    const double grand = sum / N;
    double between = 0, within = 0;
    for (const auto* item : items) {
        double item_sum = 0;
        for (const auto& r : *item) item_sum += r.score;
        const double mean = item_sum / static_cast<double>(item->size());
        between += static_cast<double>(item->size()) * (mean - grand) * (mean - grand);
        for (const auto& r : *item) within += (r.score - mean) * (r.score - mean);
    }
    out.between_items_ms = between / (k - 1);
    out.within_items_ms = within / (N - k);  // N >= 2k, so N - k >= 2
    out.n0 = (N - sum_sizes_sq / N) / (k - 1);
    const double denominator = out.between_items_ms + (out.n0 - 1) * out.within_items_ms;
    if (negligible(denominator, largest)) return;
    out.icc = (out.between_items_ms - out.within_items_ms) / denominator;
}

// ICC(2,1) on a complete items x evaluators table (Shrout & Fleiss 1979, case 2).
std::optional<double> two_way(const std::vector<std::vector<double>>& table, double largest) {
    const std::size_t n = table.size(), k = table.front().size();
    std::vector<double> row(n, 0), col(k, 0);
    double grand = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            row[i] += table[i][j] / static_cast<double>(k);
            col[j] += table[i][j] / static_cast<double>(n);
            grand += table[i][j] / static_cast<double>(n * k);
        }
    double ss_rows = 0, ss_cols = 0, ss_error = 0;
    for (std::size_t i = 0; i < n; ++i) ss_rows += (row[i] - grand) * (row[i] - grand);
    for (std::size_t j = 0; j < k; ++j) ss_cols += (col[j] - grand) * (col[j] - grand);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double e = table[i][j] - row[i] - col[j] + grand;
            ss_error += e * e;
        }
    const double dn = static_cast<double>(n), dk = static_cast<double>(k);
    const double bms = dk * ss_rows / (dn - 1), jms = dn * ss_cols / (dk - 1);
    const double ems = ss_error / ((dn - 1) * (dk - 1));
    const double denominator = bms + (dk - 1) * ems + dk * (jms - ems) / dn;
    if (negligible(denominator, largest)) return std::nullopt;
    return (bms - ems) / denominator;
}

// The items as a complete items x evaluators table (columns by evaluator id), or nullopt when
// the items scored do not all have the same 2+ evaluators.
std::optional<std::vector<std::vector<double>>> complete_table(const std::vector<ItemRatings>& items) {
    std::vector<std::vector<double>> table;
    std::optional<std::vector<std::string>> panel;
    for (const auto& item : items) {
        if (item.empty()) continue;  // nobody scored it: not part of the design
        std::map<std::string, double> by_id;
        for (const auto& r : item) by_id[r.evaluator] = r.score;
        std::vector<std::string> ids;
        std::vector<double> row;
        for (const auto& [id, score] : by_id) {
            ids.push_back(id);
            row.push_back(score);
        }
        if (!panel) panel = ids;
        if (ids != *panel) return std::nullopt;
        table.push_back(std::move(row));
    }
    if (table.size() < 2 || !panel || panel->size() < 2) return std::nullopt;
    return table;
}

}  // namespace

PanelAgreement panel_agreement(const std::vector<ItemRatings>& items) {
    PanelAgreement out;
    out.definition = "ICC(1,1), one-way random effects, single rater (Shrout & Fleiss 1979): "
                     "(BMS - WMS) / (BMS + (n0 - 1) WMS), n0 = (N - sum n_i^2 / N) / (k - 1), "
                     "items with 2+ ratings";
    out.definition_2_1 = "ICC(2,1), two-way random effects, absolute agreement, single rater (Shrout & Fleiss "
                         "1979): (BMS - EMS) / (BMS + (k - 1) EMS + k (JMS - EMS) / n), complete data only";
    double largest = 0;
    std::vector<const ItemRatings*> usable;
    for (const auto& item : items) {
        std::set<std::string> seen;
        for (const auto& r : item) {
            require_finite(r.score, "individual score");
            if (!seen.insert(r.evaluator).second)
                throw std::invalid_argument("evaluator " + r.evaluator + " has two scores for one item");
            largest = std::max(largest, std::fabs(r.score));
        }
        if (item.size() >= 2) usable.push_back(&item);
    }
    one_way(usable, largest, out);
    if (const auto table = complete_table(items)) out.icc_2_1 = two_way(*table, largest);
    return out;
}

}  // namespace scoring
