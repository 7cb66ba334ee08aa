// Proportionality of a tender design (domain.md section 10): the rules, their settings per regime, the burden estimate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scoring {

// framework.h includes this header (Framework carries an optional TenderDesign), so the two
// names it needs from there are declared here: the same alias, and a forward declaration.
using Money = std::int64_t;
struct Framework;

/// Whose rules apply: UK central government or a local authority in England (Procurement Act
/// 2023), Wales (the same Act with the Welsh duties), or Scotland (its own regulations).
enum class Regime { central, local, scotland, wales };

/// The competitive procedure named in the tender notice.
enum class Procedure {
    open,                     // PA 2023 s.20(2)(a); Scotland reg 28
    competitive_flexible,     // PA 2023 s.20(2)(b)
    restricted,               // Scotland reg 29
    competitive_negotiation,  // Scotland reg 30
    competitive_dialogue,     // Scotland reg 31
    innovation_partnership,   // Scotland reg 32
    below_threshold           // below the thresholds: no statutory minimum period
};

/// Why the minimum tender period may be shorter than usual.
enum class PeriodReduction { none, planned_procurement_notice, urgency };

/// When evidence of insurance cover is demanded.
enum class InsuranceEvidence { tender, award, contract_start };

enum class AccountsDemand { none, latest, audited };

/// A word or page limit on the answer to one question.
struct ResponseLimit {
    std::string criterion;
    std::optional<int> words;
    std::optional<int> pages;
};

/// Documents a bidder must attach (case studies, CVs, policies, certificates).
struct EvidenceItem {
    std::string description;
    int count = 1;
};

/// What the officer plans for the tender, beside its framework (docs/formats.md section 5).
/// An optional field left empty means "not stated"; each rule says what it does then.
struct TenderDesign {
    std::optional<Regime> regime;  // the command line may override it
    Money contract_value = 0;      // estimated value of the whole tender (all lots), minor units
    double duration_months = 0;

    bool procedure_stated = false;  // false: the tender-period rule is not checked
    Procedure procedure = Procedure::open;
    int tender_period_days = 0;
    bool electronic_submission = true;
    bool documents_with_notice = true;
    PeriodReduction reduction = PeriodReduction::none;
    bool light_touch = false;

    std::optional<int> lots;  // lots the tender is divided into; nullopt: the framework's lots
    std::string lots_reason;  // why the tender is not divided ("" when none is given)

    std::optional<Money> minimum_turnover;  // nullopt: no minimum turnover demanded
    std::string turnover_justification;
    std::optional<InsuranceEvidence> insurance;  // nullopt: no insurance evidence demanded
    std::optional<Money> insurance_cover;
    AccountsDemand accounts = AccountsDemand::none;
    int accounts_years = 0;
    bool accounts_alternatives = false;  // other evidence accepted from suppliers without audited accounts

    bool response_stated = false;  // false: no limits were stated at all
    std::optional<int> default_words;
    std::optional<int> default_pages;
    std::vector<ResponseLimit> limits;
    std::vector<EvidenceItem> evidence;

    std::optional<int> evaluators;     // nullopt: the panel burden is not estimated
    std::optional<int> expected_bids;  // per lot
    bool threshold_consequence_stated = false;  // the documents say failing the quality minimum excludes
};

/// A statutory minimum tender period for one procedure under one regime, in days.
struct TenderPeriodMinimum {
    Procedure procedure = Procedure::open;
    std::optional<int> electronic_days;  // tenders electronic and documents with the notice
    std::optional<int> other_days;       // otherwise
    std::optional<int> reduced_days;     // after a planned procurement notice / PIN, or urgency
    std::string basis;
};

/// Every threshold the rules use. Defaults per regime: settings_for(); sources in the .cpp.
struct ProportionalitySettings {
    Regime regime = Regime::central;
    std::string regime_name;  // in words, for reports

    double social_value_min_percent = 0;  // 0: no minimum weight, only the duty to consider
    std::string social_value_basis;
    double turnover_max_multiple = 2;  // times the contract value of one lot
    std::string turnover_basis;
    std::string conditions_basis;  // insurance and accounts
    std::string lots_basis;
    std::string sme_basis;  // bid effort
    std::string award_basis;  // criteria and weights, thresholds
    std::vector<TenderPeriodMinimum> tender_periods;  // the procedures of the regime
    std::string light_touch_basis;

    double minutes_per_answer = 20;          // one evaluator reading and scoring one answer
    double bidder_hours_per_question = 2;    // reading, planning, review, sign-off
    double bidder_hours_per_1000_words = 6;  // drafting and editing
    double bidder_hours_per_evidence_item = 1;
    double words_per_page = 500;
    double assumed_words_unlimited = 2000;  // a question with no limit
    double max_bidder_hours_per_100k = 40;  // per 100,000 of one lot's value
    double few_bids = 4;                     // lowest_ratio is risky below this many expected bids
    double max_panel_hours_per_evaluator = 37.5;  // one working week
};

ProportionalitySettings settings_for(Regime regime);

/// The statutory minimum tender period in days for the design's procedure and circumstances,
/// or nullopt when none applies (light touch, below threshold, a procedure without one, a
/// procedure the regime does not have, or no procedure stated).
std::optional<int> minimum_tender_period(const TenderDesign& design, const ProportionalitySettings& settings);

/// Money with thousands separators for sentences and tables people read: 4,800,000.00.
std::string grouped_money(Money amount);

enum class FindingSeverity { error, warning, advice };

struct Finding {
    FindingSeverity severity = FindingSeverity::advice;
    std::string rule;       // stable kebab-case id, docs/proportionality.md
    std::string title;
    std::string basis;      // the act, regulation or note
    std::string numbers;    // what triggered it
    std::string fix;
    std::string lot;        // "" when it concerns the whole tender
    std::string criterion;  // "" unless it concerns one criterion
};

/// Effort for one lot: one bidder writing one bid, and the panel scoring every expected bid.
struct LotBurden {
    std::string lot;
    int answers = 0;              // question and measures leaves
    int unlimited_answers = 0;    // questions with no word or page limit (assumed words used)
    double words = 0;             // the total word limit of one bid
    int evidence_items = 0;
    Money lot_value = 0;          // contract value / number of lots
    double bidder_hours = 0;
    double bidder_hours_per_100k = 0;
    double panel_hours = 0;       // 0 when the panel is not stated
};

struct Burden {
    bool panel_stated = false;
    int evaluators = 0;
    int expected_bids = 0;
    double minutes_per_answer = 0;
    double panel_hours = 0;  // evaluators x bids x answers x minutes / 60, summed over lots
    double panel_hours_per_evaluator = 0;
    double bidder_hours = 0;  // the most effortful lot's bid
    std::vector<LotBurden> lots;
};

struct ProportionalityReport {
    Regime regime = Regime::central;
    std::vector<Finding> findings;  // errors first, then warnings, then advice; else in rule order
    Burden burden;
    std::string summary;  // a plain-language paragraph

    std::size_t count(FindingSeverity severity) const;
    bool has_errors() const { return count(FindingSeverity::error) > 0; }
};

/// Applies every rule. Throws std::invalid_argument when the design cannot be checked at all
/// (a contract value of zero or below), saying what to state.
ProportionalityReport check_proportionality(const Framework& framework, const TenderDesign& design,
                                            const ProportionalitySettings& settings);

std::string to_string(Regime regime);
std::string to_string(Procedure procedure);
std::string to_string(PeriodReduction reduction);
std::string to_string(InsuranceEvidence evidence);
std::string to_string(AccountsDemand accounts);
std::string to_string(FindingSeverity severity);
std::optional<Regime> regime_from(const std::string& text);
std::optional<Procedure> procedure_from(const std::string& text);
std::optional<PeriodReduction> period_reduction_from(const std::string& text);
std::optional<InsuranceEvidence> insurance_evidence_from(const std::string& text);
std::optional<AccountsDemand> accounts_demand_from(const std::string& text);

}  // namespace scoring
