// Moderation arithmetic: spread and divergence, the median suggestion, consensus checks, evaluator
// leniency and panel agreement (domain.md section 6; definitions and sources in docs/moderation.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "scoring/framework.h"

namespace scoring {

// Every function here returns finite numbers only (never NaN or infinity) and a defined result
// for empty input. Non-finite individual or consensus scores, non-positive scale ranges and an
// evaluator scoring one item twice are input errors: they throw std::invalid_argument naming
// the value, rather than being skipped silently.

/// The individual scores of one bid x question, summarised for the moderator. Abstentions are
/// simply absent from the input. With no scores: count 0, every value 0, not divergent.
struct ItemSpread {
    std::size_t count = 0;
    double min = 0;
    double max = 0;
    double spread = 0;  // max - min
    double median = 0;  // middle score; with an even count, the mean of the two middle ones
    bool divergent = false;
};

/// Divergent when spread >= rules.divergence (domain.md 6: "flagged when max - min reaches a
/// declared threshold"). "Reaches" is tested with a 1e-9 tolerance so 3.7 - 1.7 still counts as 2.
ItemSpread item_spread(const std::vector<double>& scores, const ModerationRules& rules);

/// Vendors' colour convention for the spread as a share of the scale range (domain.md 6):
/// green below 20%, amber from 20% to below 50%, red from 50%. On 0-4: 0 green, 1 amber, 2+ red;
/// on 0-5: 0 green, 1-2 amber, 3+ red. A display aid only; divergence is the declared rule.
enum class SpreadBand { green, amber, red };
inline constexpr double kAmberFromShare = 0.20;
inline constexpr double kRedFromShare = 0.50;
SpreadBand spread_band(double spread, const Scale& scale);  // throws if the scale has no range
std::string to_string(SpreadBand band);

/// The median of the individual scores, offered to the panel, never applied by itself. Our rule
/// (domain.md 6 leaves it open): when the median is not an allowed score, e.g. scores 3 and 4
/// give 3.5 on a scale without intermediate values, there is no suggestion (nullopt). We do not
/// round up, down or to the nearest point, because any of those would be the software choosing
/// between two defensible scores: the panel must choose. Also nullopt with no scores.
std::optional<double> suggested_consensus(const std::vector<double>& scores, const Scale& scale);

/// Why a consensus cannot be accepted; empty when it can. Refused: a non-finite score, a score
/// that is not a point of the scale (outside the scale's range when intermediate values are
/// allowed), and a rationale that is empty or only whitespace (ASCII or Unicode spaces such as
/// the no-break space that word processors insert).
std::vector<std::string> consensus_problems(double score, const std::string& rationale, const Scale& scale);

/// A warning, not a refusal, when the rationale looks too short to explain the score by reference
/// to the bid (Procurement Regulations 2024 reg 31; domain.md 6: "warns on very short ones").
/// Short = fewer than 6 words OR fewer than 40 characters (Unicode code points after trimming,
/// each whitespace run counted as one). Either alone is easy to pass with nothing said: "Good. OK.
/// Fine. Met. Yes. Done." has 6 words in 31 characters; a pasted reference like
/// "See-section-3.2-pages-14-to-16-of-the-bid" is 41 characters in one word. The thresholds are
/// our choice: a sentence that names a part of the bid is rarely shorter. Text without spaces
/// between words (Chinese, Japanese) counts as one word and is always warned on.
inline constexpr std::size_t kShortRationaleWords = 6;
inline constexpr std::size_t kShortRationaleCharacters = 40;
std::optional<std::string> rationale_warning(const std::string& rationale);

/// Enhanced consensus (domain.md 6): the median becomes the consensus automatically when
/// rules.enhanced_consensus is on, at least 2 evaluators scored (our rule: one evaluator alone
/// never makes a consensus automatically; a single score goes to the panel), the item is not
/// divergent and the median is an allowed score. Otherwise nullopt: the panel discusses it.
/// `spread` must come from item_spread(scores, rules); a different count throws.
inline constexpr std::size_t kAutomaticConsensusMinScores = 2;
std::optional<double> automatic_consensus(const ItemSpread& spread, const std::vector<double>& scores,
                                          const Scale& scale, const ModerationRules& rules);

/// One evaluator's individual score on one item.
struct EvaluatorScore {
    std::string evaluator;
    double score = 0;
};

/// One moderated bid x question: the agreed consensus, its scale's range (maximum - minimum,
/// > 0) and the individual scores (abstentions absent).
struct ModeratedItem {
    double consensus = 0;
    double scale_range = 0;
    std::vector<EvaluatorScore> scores;
};

/// Leniency or severity of one evaluator against the consensus (domain.md 6). Deviation =
/// individual - consensus: positive = lenient, negative = severe. The percentages average each
/// item's deviation as a percentage of that item's scale range, so items on 0-4 and 0-10
/// scales weigh alike.
struct EvaluatorDeviation {
    std::string evaluator;
    std::size_t items = 0;
    double mean_signed = 0;    // scale points
    double mean_absolute = 0;  // scale points
    double mean_signed_percent = 0;
    double mean_absolute_percent = 0;
};

/// One row per evaluator who scored at least one item, ordered by evaluator id.
std::vector<EvaluatorDeviation> evaluator_deviations(const std::vector<ModeratedItem>& items);

/// The individual scores of one item, for panel agreement.
using ItemRatings = std::vector<EvaluatorScore>;

/// Panel agreement as intraclass correlations (Shrout & Fleiss 1979). Pass items scored on one
/// scale (or scales of equal range): raw scores from different ranges would inflate the
/// between-item variance.
struct PanelAgreement {
    /// ICC(1,1): one-way random effects, single rater, unequal raters per item allowed. nullopt
    /// with fewer than 2 usable items (2+ ratings each) or a zero denominator (all scores equal).
    std::optional<double> icc;
    std::size_t items_used = 0;    // items with at least 2 ratings
    std::size_t ratings_used = 0;  // N, ratings in those items
    double between_items_ms = 0;   // BMS
    double within_items_ms = 0;    // WMS
    double n0 = 0;                 // effective ratings per item
    /// ICC(2,1): two-way random effects, absolute agreement, single rater. Only when the data is
    /// complete: every item scored by the same 2+ evaluators, 2+ items; otherwise nullopt.
    std::optional<double> icc_2_1;
    std::string definition;
    std::string definition_2_1;
};

PanelAgreement panel_agreement(const std::vector<ItemRatings>& items);

}  // namespace scoring
