// Self-assessment for small providers (domain.md section 11): the provider's own scores, price and
// commitments projected through the real engine against an assumed field of competitors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "scoring/evaluation.h"
#include "scoring/framework.h"

namespace scoring {

/// The provider's own score for one question of the lot, with their note on why.
struct SelfScore {
    std::string criterion;
    double score = 0;
    std::string note;
};

/// The field the provider expects to bid against. Competitors are synthesised from it: `count`
/// bids spread evenly from `price_low` to `price_high` (one competitor sits at `price_low`, the
/// toughest place), each with the same typical score on every question and the same social value.
struct CompetitorProfile {
    int count = 1;
    Money price_low = 0;
    Money price_high = 0;
    std::optional<double> typical_score;            // a score valid on every question's scale
    std::optional<double> typical_quality_percent;  // or a share (0-100) of every scale's maximum
    /// Committed social value of each competitor: required when the lot scores commitments (a
    /// measures leaf), refused when it does not.
    std::optional<Money> social_value;
};

/// What the provider states about itself, compared with the conditions of participation.
struct ProviderStanding {
    std::string name;
    std::optional<Money> turnover;        // annual turnover
    std::optional<Money> insurance;       // insurance cover held (per claim)
    std::optional<int> accounts_years;    // years of published or filed accounts
    std::optional<bool> audited_accounts; // are those accounts audited?
};

/// Everything a provider enters (the input of assess()).
struct SelfAssessment {
    std::string lot;  // empty: the framework's only lot
    Money price = 0;
    std::vector<SelfScore> scores;  // one per question of the lot
    std::vector<Commitment> commitments;
    CompetitorProfile competitors;
    ProviderStanding provider;
};

/// Which part of the input a problem is about, so a reader can point at its own element.
enum class SelfAssessmentPart { whole, lot, price, score, commitment, competitors, provider };

struct SelfAssessmentProblem {
    SelfAssessmentPart part = SelfAssessmentPart::whole;
    std::size_t index = 0;  // position in `scores` or `commitments`
    std::string message;    // "what is wrong; what to do"
};

/// The lot the assessment is for, or nullptr when `lot` names none (or is empty with several).
const Lot* self_assessment_lot(const Framework& framework, const SelfAssessment& input);

/// How complete the input must be: `assessment` needs everything assess() uses; `draft` (answers
/// saved part-way) lets a question go unscored and the price, the competitors' prices, typical
/// score and social value go unstated (zero or absent), but still refuses anything stated wrongly.
enum class SelfAssessmentCheck { assessment, draft };

/// Every problem with the input against the framework at once: unknown lot or criterion, a
/// question scored twice or not at all, a score off its scale, a price of zero or below, an
/// unknown or repeated measure, a competitor profile that cannot be built.
std::vector<SelfAssessmentProblem> check_self_assessment(const Framework& framework, const SelfAssessment& input,
                                                         SelfAssessmentCheck check = SelfAssessmentCheck::assessment);

enum class ThresholdStatus { none, met, at_risk, fails };

/// One question of the lot, as the provider scored it.
struct QuestionAssessment {
    std::string id;
    std::string name;
    GroupType group = GroupType::quality;
    std::string scale;
    double score = 0;
    double scale_maximum = 0;
    double step = 1;  // the smallest gap between two points of the scale: "one point lower"
    std::string note;
    double effective_weight = 0;  // marks out of 100
    double marks = 0;             // raw marks: effective weight x score / scale maximum
    double marks_per_point = 0;   // effective weight / scale maximum (domain.md section 11)
    double marks_to_top = 0;      // what moving to the top of the scale would add
    std::optional<int> improvement_rank;  // 1 = most marks per point; none when already at the top
    std::optional<double> min_score;
    OnFail on_fail = OnFail::unstated;
    ThresholdStatus threshold = ThresholdStatus::none;
};

/// The lot's minimum total quality, against the provider's raw quality marks.
struct QualityMinimum {
    double percent = 0;
    double needed = 0;  // marks
    double marks = 0;
    double margin = 0;  // one scale step on the heaviest quality question, in marks
    std::string heaviest;  // that question's id
    ThresholdStatus status = ThresholdStatus::met;
};

/// One criterion's projected marks (price leaf, questions, measures leaf).
struct CriterionMarks {
    std::string id;
    std::string name;
    GroupType group = GroupType::quality;
    double marks = 0;
    double maximum = 0;  // the effective weight
};

/// A bid of the synthesised field, as the engine ranked it.
struct FieldBid {
    std::string id;  // "YOU", "C1", "C2" ...
    Money price = 0;
    std::optional<int> rank;
    bool in_contention = true;
    double price_marks = 0;
    double quality_marks = 0;
    double social_value_marks = 0;
    double total = 0;
    std::optional<double> award_value;
};

/// The provider's bid evaluated in the field by evaluate_lot.
struct Projection {
    std::vector<CriterionMarks> criteria;
    double price_marks = 0;
    double quality_marks = 0;
    double social_value_marks = 0;
    double total = 0;
    std::optional<double> award_value;
    std::optional<int> rank;
    bool in_contention = true;
    bool wins = false;  // first, alone, and not by drawing lots
    std::vector<Flag> flags;
    std::vector<FieldBid> field;  // ranked order, then bids out of contention
};

/// The highest price at which the provider still wins, everything else held as entered.
struct BreakEven {
    enum class Outcome { found, wins_at_bound, cannot_win };
    Outcome outcome = Outcome::cannot_win;
    Money price = 0;         // found: the highest winning price; wins_at_bound: the upper bound
    Money search_low = 0;    // the lowest sensible price tried
    Money search_high = 0;   // the highest price tried
    std::string low_reason;  // why that floor
    std::string high_reason;
    bool monotone = true;  // the sampled prices all agreed with "wins below, loses above"
    std::optional<Money> contrary_price;  // the first sampled price that did not
    std::vector<Flag> flags;  // the provider's flags at `price` (e.g. abnormally low)
};

/// The least quality with which the provider wins at a given price, everything else as entered.
struct QualityNeeded {
    enum class Outcome { found, wins_at_any, cannot_win, not_applicable };
    Outcome outcome = Outcome::not_applicable;
    Money price = 0;
    /// The smallest uniform level, as a share of every quality question's scale maximum, to 0.01%.
    double level_percent = 0;
    double quality_marks = 0;    // the raw quality marks that level gives
    double quality_maximum = 0;  // the quality group's weight
    /// When every quality question shares one scale: the smallest point that wins on all of them.
    std::optional<double> uniform_point;
    std::string scale;
    std::string note;  // why not applicable, or what was searched
};

/// One condition of participation, against what the provider says of itself.
struct ConditionCheck {
    enum class Status { met, not_met, unknown };
    std::string id;    // "turnover", "insurance", "accounts"
    std::string name;
    std::string demanded;  // in words
    std::string yours;     // in words; empty when the provider did not say
    Status status = Status::unknown;
    std::string detail;
};

struct SelfAssessmentReport {
    std::string lot_id;
    std::string lot_name;
    Money price = 0;
    std::vector<QuestionAssessment> questions;  // document order
    std::optional<QualityMinimum> quality_minimum;
    Projection projected;
    BreakEven break_even;
    QualityNeeded quality_needed;
    std::vector<ConditionCheck> conditions;
    bool design_stated = false;  // did the framework state its conditions of participation?
    std::vector<Gate> gates;     // the lot's pass/fail gates: the provider confirms these itself
};

/// The whole self-assessment. Throws EvaluationError listing every problem of
/// check_self_assessment() (and any the engine finds). Never touches a tender.
SelfAssessmentReport assess(const Framework& framework, const SelfAssessment& input);

/// The least uniform quality level with which the provider wins at `price` (see QualityNeeded).
/// The input must have passed check_self_assessment().
QualityNeeded quality_needed(const Framework& framework, const SelfAssessment& input, Money price);

/// The highest winning price, searched over whole pence (see BreakEven). The input must have
/// passed check_self_assessment().
BreakEven break_even_price(const Framework& framework, const SelfAssessment& input);

std::string to_string(ThresholdStatus status);
std::string to_string(BreakEven::Outcome outcome);
std::string to_string(QualityNeeded::Outcome outcome);
std::string to_string(ConditionCheck::Status status);

}  // namespace scoring
