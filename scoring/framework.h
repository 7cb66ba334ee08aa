// The evaluation framework model: scales, criteria tree, gates, price and award rules per lot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/proportionality.h"

namespace scoring {

/// Money is always held in integer minor units (pence, cents).
using Money = std::int64_t;

/// Where a definition came from, for messages (0 = unknown). Filled by readers, ignored by maths.
struct SourceLine {
    int line = 0;
    int column = 0;
};

struct ScalePoint {
    double value = 0;
    std::string label;
    std::string descriptor;
};

struct Scale {
    std::string id;
    std::string name;
    std::vector<ScalePoint> points;  // in ascending order of value after validation
    bool intermediate = false;       // may a score lie between two points?
    SourceLine where;

    bool allows_slow(double value) const;
    double maximum() const;
    double minimum() const;
    const ScalePoint* point(double value) const;  // nullptr if not a point of the scale
    /// Is `value` an allowed score on this scale (a point, or in range when intermediate)?
    /// Inline: it runs once per scored cell.
    bool allows(double value) const {
        if (!intermediate)
            for (const auto& p : points)
                if (p.value == value) return true;  // scores read from text match their point exactly
        return allows_slow(value);
    }
};

/// A measure for quantitative social value: quantity committed × proxy value per unit.
struct Measure {
    std::string code;
    std::string name;
    std::string unit;
    Money proxy_per_unit = 0;
    SourceLine where;
};

enum class GroupType { price, quality, social_value };
enum class CriterionKind { group, question, measures };
enum class OnFail { unstated, exclude, flag };

struct Deduction {
    double point = 0;
    Money amount = 0;
};

struct Criterion {
    std::string id;
    std::string name;
    std::string description;
    CriterionKind kind = CriterionKind::group;
    std::optional<GroupType> type;  // set on top-level groups only
    double weight = 0;              // percent of the parent (top level: percent of 100)
    std::string scale_id;           // questions only
    std::optional<double> min_score;
    OnFail on_fail = OnFail::unstated;
    std::vector<Deduction> deductions;  // monetised_quality only
    std::vector<Criterion> children;
    SourceLine where;
};

struct Gate {
    std::string id;
    std::string name;
    std::string requirement;
    SourceLine where;
};

enum class PriceMethod {
    lowest_ratio,
    linear_from_lowest,
    linear_min_max,
    ceiling_pro_rata,
    power_ratio,
    absolute_scale
};

struct PriceRule {
    PriceMethod method = PriceMethod::lowest_ratio;
    double spread = 1.0;    // linear_from_lowest: d
    Money ceiling = 0;      // ceiling_pro_rata: C
    double exponent = 2.0;  // power_ratio: n
    Money low = 0;          // absolute_scale: Plow
    Money high = 0;         // absolute_scale: Phigh
    bool declared = false;  // false when the framework gave no <price> element
    SourceLine where;
};

/// The prices that set the scale: lowest and highest among bids in contention.
struct PriceField {
    Money pmin = 0;
    Money pmax = 0;
};

enum class AwardModel { weighted_sum, vfm_ratio, price_per_quality_point, monetised_quality };
enum class CorridorTieBreak { best_quality, lowest_price };

struct AwardRule {
    AwardModel model = AwardModel::weighted_sum;
    std::optional<double> corridor_percent;  // vfm_ratio only
    CorridorTieBreak corridor_tie_break = CorridorTieBreak::best_quality;
    SourceLine where;
};

enum class AltMethod { none, scottish, mean };

struct AltRule {
    AltMethod method = AltMethod::none;
    double median_percent = 15;
    double next_percent = 1;
    double mean_percent = 20;
    bool rejected_in_pmin = false;
    SourceLine where;
};

enum class SocialValueBasis { highest_total, per_price };

struct EvaluationRules {
    int precision = 2;
    std::optional<double> min_quality_percent;
    bool normalise_quality = false;
    bool allow_abstention = false;
    SourceLine where;
};

struct ModerationRules {
    double divergence = 2;
    bool enhanced_consensus = false;
};

enum class TieBreakRule { higher_quality, higher_social_value, lower_price, lots };

/// One lot's complete evaluation method.
struct Lot {
    std::string id;
    std::string name;
    std::vector<Criterion> criteria;  // top-level groups
    std::vector<Gate> gates;
    PriceRule price;
    AwardRule award;
    AltRule abnormally_low;
    SocialValueBasis social_value = SocialValueBasis::highest_total;
    EvaluationRules rules;
    ModerationRules moderation;
    std::vector<TieBreakRule> tie_breaks{TieBreakRule::higher_quality, TieBreakRule::lower_price};
    SourceLine where;
};

struct Framework {
    std::string id;
    std::string name;
    std::string version;
    std::string description;
    std::string currency = "GBP";
    std::vector<Scale> scales;
    std::vector<Measure> measures;
    std::vector<Lot> lots;
    std::optional<TenderDesign> design;  // the officer's tender design, when the file carries one

    const Scale* scale(const std::string& id) const;
    const Measure* measure(const std::string& code) const;
    const Lot* lot(const std::string& id) const;
};

/// A scored leaf of a lot's criteria tree, flattened, with its effective weight in marks.
struct Leaf {
    const Criterion* criterion = nullptr;
    GroupType group = GroupType::quality;
    double effective_weight = 0;  // marks out of 100
    const Scale* scale = nullptr; // questions only
    double scale_maximum = 0;     // questions only: the scale's highest point
};

/// The leaves of a lot in document order (price leaf, questions, measures leaf).
std::vector<Leaf> leaves_of(const Framework& framework, const Lot& lot);

/// Lookup helpers used across the engine and readers.
const Criterion* find_criterion(const Lot& lot, const std::string& id);
double group_weight(const Lot& lot, GroupType type);  // 0 when the lot has no such group

std::string to_string(GroupType type);
std::string to_string(PriceMethod method);
std::string to_string(AwardModel model);
std::string to_string(AltMethod method);
std::string to_string(SocialValueBasis basis);
std::string to_string(TieBreakRule rule);
std::string to_string(CorridorTieBreak rule);
std::optional<GroupType> group_type_from(const std::string& text);
std::optional<PriceMethod> price_method_from(const std::string& text);
std::optional<AwardModel> award_model_from(const std::string& text);
std::optional<AltMethod> alt_method_from(const std::string& text);
std::optional<SocialValueBasis> social_value_basis_from(const std::string& text);
std::optional<TieBreakRule> tie_break_rule_from(const std::string& text);
std::optional<CorridorTieBreak> corridor_tie_break_from(const std::string& text);

}  // namespace scoring
