#include "scoring/proportionality.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "scoring/framework.h"
#include "scoring/money.h"
#include "scoring/validation.h"

namespace scoring {

namespace {

// Procurement Act 2023 s.54(4): 25 days when tenders are submitted electronically and the
// associated tender documents are available when the tender notice (or invitation) goes out,
// 30 days otherwise, 10 days after a qualifying planned procurement notice or in a state of
// urgency. The same periods apply to the tendering period of a competitive flexible procedure.
// Light touch contracts have no minimum (s.54, as Ward Hadaway and Cabinet Office guidance
// read it). The Act applies to English and Welsh authorities and to UK central government.
std::vector<TenderPeriodMinimum> pa2023_periods() {
    const std::string basis = "Procurement Act 2023 s.54(4) (minimum tendering periods)";
    return {{Procedure::open, 25, 30, 10, basis},
            {Procedure::competitive_flexible, 25, 30, 10, basis},
            {Procedure::below_threshold, std::nullopt, std::nullopt, std::nullopt,
             "Procurement Act 2023 Part 6 (below-threshold contracts): no statutory minimum, allow a reasonable time"}};
}

// Public Contracts (Scotland) Regulations 2015 (SSI 2015/446): open procedure 35 days
// (reg 28(3)), 5 fewer when tenders may be submitted electronically (reg 28(6)), 15 after a
// prior information notice or in urgency (reg 28(4), (5)); restricted procedure and
// competitive procedure with negotiation: 30 days from the invitation, 25 electronically,
// 10 after a PIN or in urgency (regs 29 and 30). Competitive dialogue and innovation
// partnership set no minimum for tenders. Regulated procurements below the thresholds
// (Procurement Reform (Scotland) Act 2014, Procurement (Scotland) Regulations 2016) have none.
std::vector<TenderPeriodMinimum> scotland_periods() {
    const std::string none = "Public Contracts (Scotland) Regulations 2015: no minimum period for tenders in this procedure";
    return {{Procedure::open, 30, 35, 15, "Public Contracts (Scotland) Regulations 2015 reg 28(3)-(6)"},
            {Procedure::restricted, 25, 30, 10, "Public Contracts (Scotland) Regulations 2015 reg 29"},
            {Procedure::competitive_negotiation, 25, 30, 10, "Public Contracts (Scotland) Regulations 2015 reg 30"},
            {Procedure::competitive_dialogue, std::nullopt, std::nullopt, std::nullopt, none},
            {Procedure::innovation_partnership, std::nullopt, std::nullopt, std::nullopt, none},
            {Procedure::below_threshold, std::nullopt, std::nullopt, std::nullopt,
             "Procurement (Scotland) Regulations 2016: no statutory minimum below the thresholds, allow a reasonable time"}};
}

void pa2023(ProportionalitySettings& s) {
    // Turnover: the Act says only "proportionate" (s.22); the 2x cap is PCR 2015 reg 58(9) and
    // Directive 2014/24/EU art 58(3), which Cabinet Office guidance still treats as the norm.
    s.turnover_basis = "Procurement Act 2023 s.22 (proportionate conditions of participation); cap of 2x the "
                       "contract value as in PCR 2015 reg 58(9) / Directive 2014/24/EU art 58(3)";
    s.conditions_basis = "Procurement Act 2023 s.22 (conditions of participation proportionate to the contract; its "
                         "limits on audited accounts and on insurance before award)";
    s.lots_basis = "Procurement Act 2023 s.18 (consider lots; give reasons for not dividing) and s.12(4) (barriers "
                   "facing SMEs)";
    s.sme_basis = "Procurement Act 2023 s.12(4) (barriers facing SMEs); supplier-perspective checklist (domain.md "
                  "section 10)";
    s.award_basis = "Procurement Act 2023 s.23 (award criteria, their relative importance and, s.23(3)(a), whether "
                    "failing a criterion disqualifies)";
    s.tender_periods = pa2023_periods();
    s.light_touch_basis = "Procurement Act 2023 s.54: no minimum tendering period for a light touch contract";
}

}  // namespace

ProportionalitySettings settings_for(Regime regime) {
    ProportionalitySettings s;
    s.regime = regime;
    switch (regime) {
        case Regime::central:
            pa2023(s);
            s.regime_name = "UK central government body (Procurement Act 2023, PPN 002)";
            s.social_value_min_percent = 10;  // PPN 002 (2025), as PPN 06/20 before it
            s.social_value_basis = "PPN 002 (social value in central government contracts): at least 10% of the "
                                   "total score for in-scope organisations";
            break;
        case Regime::local:
            pa2023(s);
            s.regime_name = "local authority in England (Procurement Act 2023)";
            s.social_value_basis = "Public Services (Social Value) Act 2012 s.1 (consider social value); no minimum "
                                   "weight outside central government";
            break;
        case Regime::wales:
            pa2023(s);
            s.regime_name = "Welsh contracting authority (Procurement Act 2023, Procurement (Wales) Regulations 2024)";
            s.social_value_basis = "Social Partnership and Public Procurement (Wales) Act 2023 (socially responsible "
                                   "procurement duty); no minimum weight";
            break;
        case Regime::scotland:
            s.regime_name = "Scottish public body (Public Contracts (Scotland) Regulations 2015)";
            s.social_value_basis = "Procurement Reform (Scotland) Act 2014 s.9 (sustainable procurement duty) and s.25 "
                                   "(community benefits); no minimum weight";
            s.turnover_basis = "Public Contracts (Scotland) Regulations 2015 reg 58(9): minimum yearly turnover at most "
                               "2x the estimated contract value unless justified";
            s.conditions_basis = "Public Contracts (Scotland) Regulations 2015 reg 58 (selection criteria related and "
                                 "proportionate to the subject-matter of the contract)";
            s.lots_basis = "Public Contracts (Scotland) Regulations 2015 reg 46 (reasons for not dividing into lots)";
            s.sme_basis = "Procurement Reform (Scotland) Act 2014 s.9 (sustainable procurement duty: facilitate SMEs, "
                          "third sector bodies and supported businesses)";
            s.award_basis = "Public Contracts (Scotland) Regulations 2015 reg 67 (award criteria and their relative "
                            "weighting, stated in the procurement documents)";
            s.tender_periods = scotland_periods();
            s.light_touch_basis = "Public Contracts (Scotland) Regulations 2015 regs 74-76 (social and other specific "
                                  "services): no minimum time limit";
            break;
    }
    return s;
}

std::size_t ProportionalityReport::count(FindingSeverity severity) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [severity](const Finding& f) { return f.severity == severity; }));
}

namespace {

std::string grouped(Money amount) { return grouped_money(amount); }

std::string one_decimal(double value) { return format_fixed(value, 1); }

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The answers a bidder writes for one lot, in document order: questions and measures tables.
void collect_answers(const Criterion& c, std::vector<const Criterion*>& out) {
    if (c.kind != CriterionKind::group) {
        out.push_back(&c);
        return;
    }
    for (const auto& child : c.children) collect_answers(child, out);
}

const TenderPeriodMinimum* period_of(const TenderDesign& d, const ProportionalitySettings& s) {
    const auto it = std::find_if(s.tender_periods.begin(), s.tender_periods.end(),
                                 [&](const TenderPeriodMinimum& m) { return m.procedure == d.procedure; });
    return it == s.tender_periods.end() ? nullptr : &*it;
}

class Checker {
public:
    Checker(const Framework& fw, const TenderDesign& d, const ProportionalitySettings& s, ProportionalityReport& out)
        : fw_(fw), d_(d), s_(s), out_(out) {
        lots_ = d.lots.value_or(static_cast<int>(fw.lots.size()));
        if (lots_ < 1) lots_ = 1;
        lot_value_ = std::max<Money>(1, d.contract_value / lots_);  // never 0: it divides
    }

    void run() {
        framework_valid();
        for (const auto& lot : fw_.lots) social_value(lot);
        turnover();
        conditions();
        lots();
        burden();
        tender_period();
        for (const auto& lot : fw_.lots) {
            price_method(lot);
            thresholds(lot);
        }
        panel();
        std::stable_sort(out_.findings.begin(), out_.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    }

private:
    void add(FindingSeverity severity, std::string rule, std::string title, std::string basis, std::string numbers,
             std::string fix, std::string lot = "", std::string criterion = "") {
        out_.findings.push_back({severity, std::move(rule), std::move(title), std::move(basis), std::move(numbers),
                                 std::move(fix), std::move(lot), std::move(criterion)});
    }
    // "lot N: " when the framework has several lots, so a number says where it comes from.
    std::string where(const Lot& lot) const { return fw_.lots.size() > 1 ? "lot " + lot.id + ": " : ""; }
    std::string lot_id(const Lot& lot) const { return fw_.lots.size() > 1 ? lot.id : ""; }

    // Weights sum to 100, every leaf has a scale and a weight above 0: the validator's errors.
    void framework_valid() {
        for (const auto& issue : validate(fw_)) {
            if (issue.severity != Severity::error) continue;  // `validate` reports its warnings itself
            std::string lot, criterion;
            if (issue.subject.rfind("lot ", 0) == 0) lot = issue.subject.substr(4, issue.subject.find(',') - 4);
            if (const auto at = issue.subject.find("criterion "); at != std::string::npos)
                criterion = issue.subject.substr(at + 10);
            add(FindingSeverity::error, "framework-valid", "The framework is not complete and consistent",
                s_.award_basis, (issue.subject.empty() ? "" : issue.subject + ": ") + issue.message, issue.fix, lot,
                criterion);
        }
    }

    void social_value(const Lot& lot) {
        const double weight = group_weight(lot, GroupType::social_value);
        if (s_.social_value_min_percent > 0 && weight < s_.social_value_min_percent) {
            add(FindingSeverity::error, "social-value-weight", "Social value weighted below the minimum",
                s_.social_value_basis,
                where(lot) + "social value weight " + format_number(weight) + "%, minimum " +
                    format_number(s_.social_value_min_percent) + "%",
                "raise the social_value group to at least " + format_number(s_.social_value_min_percent) +
                    "% of the total score, taking the weight from price or quality",
                lot_id(lot));
        } else if (s_.social_value_min_percent <= 0 && weight <= 0) {
            add(FindingSeverity::advice, "social-value-weight", "No social value is weighted", s_.social_value_basis,
                where(lot) + "social value weight 0%",
                "record how the duty to consider social value was met, or add a social_value group", lot_id(lot));
        }
    }

    void turnover() {
        if (!d_.minimum_turnover || *d_.minimum_turnover <= 0 || !d_.turnover_justification.empty()) return;
        const double multiple = static_cast<double>(*d_.minimum_turnover) / static_cast<double>(lot_value_);
        if (multiple <= s_.turnover_max_multiple + 1e-9) return;
        add(FindingSeverity::warning, "turnover-cap", "Minimum turnover above the cap without a justification",
            s_.turnover_basis,
            "minimum turnover " + grouped(*d_.minimum_turnover) + " is " + format_fixed(multiple, 2) +
                "x the contract value of " + grouped(lot_value_) + value_note() + "; cap " +
                format_number(s_.turnover_max_multiple) + "x",
            "lower the minimum turnover to at most " + grouped(static_cast<Money>(s_.turnover_max_multiple *
                                                                                   static_cast<double>(lot_value_))) +
                ", or state why more is needed (the text of <turnover>)");
    }

    std::string value_note() const {
        return lots_ > 1 ? " (one of " + std::to_string(lots_) + " lots: " + grouped(d_.contract_value) + " / " +
                               std::to_string(lots_) + ")"
                         : "";
    }

    void conditions() {
        if (d_.insurance && *d_.insurance != InsuranceEvidence::contract_start)
            add(FindingSeverity::warning, "insurance-before-award", "Insurance cover demanded before award",
                s_.conditions_basis,
                "evidence of insurance demanded at " + std::string(*d_.insurance == InsuranceEvidence::tender
                                                                        ? "tender submission"
                                                                        : "award") +
                    (d_.insurance_cover ? ", cover " + grouped(*d_.insurance_cover) : ""),
                "ask for a commitment to hold the cover from the contract start date (evidence=\"contract-start\"): "
                "small suppliers buy cover when they win");
        if (d_.accounts == AccountsDemand::audited && !d_.accounts_alternatives)
            add(FindingSeverity::warning, "audited-accounts", "Audited accounts demanded from every supplier",
                s_.conditions_basis,
                "audited accounts for " + plural(static_cast<std::size_t>(std::max(d_.accounts_years, 1)), "year",
                                                  "years") +
                    ", no alternative evidence accepted",
                "accept other evidence (management accounts, a bank reference) from suppliers not required to have "
                "their accounts audited, e.g. small companies (Companies Act 2006 s.477)");
    }

    void lots() {
        if (lots_ > 1 || !d_.lots_reason.empty()) return;
        add(FindingSeverity::warning, "lots-not-divided", "Not divided into lots, and no reason given", s_.lots_basis,
            "1 lot for a contract worth " + grouped(d_.contract_value),
            "divide the contract into lots SMEs can bid for, or state the reason for not dividing (the text of <lots>)");
    }

    double words_of(const Criterion& c, int& unlimited) const {
        if (c.kind != CriterionKind::question) return 0;  // a measures table: quantities, not prose
        auto limit = std::find_if(d_.limits.begin(), d_.limits.end(),
                                  [&](const ResponseLimit& l) { return l.criterion == c.id; });
        std::optional<int> words = limit != d_.limits.end() ? limit->words : d_.default_words;
        std::optional<int> pages = limit != d_.limits.end() ? limit->pages : d_.default_pages;
        if (words) return *words;
        if (pages) return *pages * s_.words_per_page;
        ++unlimited;
        return s_.assumed_words_unlimited;
    }

    // Bidder effort per lot against the lot's value; the panel's hours when the panel is stated.
    void burden() {
        auto& b = out_.burden;
        int evidence = 0;
        for (const auto& e : d_.evidence) evidence += e.count;
        for (const auto& lot : fw_.lots) {
            LotBurden lb;
            lb.lot = lot.id;
            std::vector<const Criterion*> answers;
            for (const auto& g : lot.criteria)
                if (g.type != GroupType::price) collect_answers(g, answers);
            lb.answers = static_cast<int>(answers.size());
            for (const auto* c : answers) lb.words += words_of(*c, lb.unlimited_answers);
            lb.evidence_items = evidence;
            lb.lot_value = lot_value_;
            lb.bidder_hours = lb.answers * s_.bidder_hours_per_question + lb.words / 1000.0 * s_.bidder_hours_per_1000_words +
                              lb.evidence_items * s_.bidder_hours_per_evidence_item;
            lb.bidder_hours_per_100k = lb.bidder_hours / (to_major(lot_value_) / 100000.0);
            if (d_.evaluators && d_.expected_bids)
                lb.panel_hours = *d_.evaluators * *d_.expected_bids * lb.answers * s_.minutes_per_answer / 60.0;
            b.bidder_hours = std::max(b.bidder_hours, lb.bidder_hours);
            b.panel_hours += lb.panel_hours;
            bid_effort(lot, lb);
            b.lots.push_back(lb);
        }
        b.minutes_per_answer = s_.minutes_per_answer;
        b.panel_stated = d_.evaluators && d_.expected_bids;
        if (b.panel_stated) {
            b.evaluators = *d_.evaluators;
            b.expected_bids = *d_.expected_bids;
            b.panel_hours_per_evaluator = b.panel_hours / b.evaluators;
        }
    }

    void bid_effort(const Lot& lot, const LotBurden& lb) {
        const std::string unlimited =
            lb.unlimited_answers ? " (" + plural(static_cast<std::size_t>(lb.unlimited_answers), "question", "questions") +
                                       " with no word or page limit, counted at " +
                                       format_number(s_.assumed_words_unlimited) + " words each)"
                                 : "";
        if (lb.bidder_hours_per_100k > s_.max_bidder_hours_per_100k) {
            add(FindingSeverity::warning, "bid-effort", "Bid effort out of proportion to the contract value",
                s_.sme_basis,
                where(lot) + std::to_string(lb.answers) + " answers x " + format_number(s_.bidder_hours_per_question) +
                    " h + " + format_number(lb.words) + " words x " + format_number(s_.bidder_hours_per_1000_words) +
                    " h per 1,000 + " + std::to_string(lb.evidence_items) + " evidence items x " +
                    format_number(s_.bidder_hours_per_evidence_item) + " h = " + one_decimal(lb.bidder_hours) +
                    " hours for a lot worth " + grouped(lb.lot_value) + ": " + one_decimal(lb.bidder_hours_per_100k) +
                    " hours per 100,000, limit " + format_number(s_.max_bidder_hours_per_100k) + unlimited,
                "ask only the questions that tell bids apart, lower the word limits, and ask for evidence from the "
                "winning bidder only",
                lot_id(lot));
        } else if (lb.unlimited_answers > 0) {
            add(FindingSeverity::advice, "bid-effort", "Questions without a word or page limit", s_.sme_basis,
                where(lot) + one_decimal(lb.bidder_hours) + " hours per bid" + unlimited,
                "give every question a word or page limit so bidders know how much to write", lot_id(lot));
        }
    }

    void tender_period() {
        if (!d_.procedure_stated) {
            add(FindingSeverity::advice, "not-checked", "Tender period not checked", "docs/formats.md section 5",
                "no <procedure> in the design: rule tender-period skipped",
                "state the procedure and the tender period in days");
            return;
        }
        const std::string procedure = to_string(d_.procedure);
        const auto* period = period_of(d_, s_);
        if (!period) {
            add(FindingSeverity::warning, "tender-period", "Procedure not available under this regime",
                s_.tender_periods.front().basis, "procedure " + procedure + " under the rules for a " + s_.regime_name,
                "choose a procedure of this regime, or check the regime (--regime)");
            return;
        }
        const auto minimum = minimum_tender_period(d_, s_);
        if (!minimum || d_.tender_period_days >= *minimum) return;
        const bool fast = d_.electronic_submission && d_.documents_with_notice;
        const std::string when =
            d_.reduction != PeriodReduction::none ? "after " + to_string(d_.reduction)
            : fast ? "with electronic tenders and the documents published with the notice"
                   : "without electronic tenders or without the documents published with the notice";
        add(FindingSeverity::error, "tender-period", "Tender period shorter than the statutory minimum", period->basis,
            "tender period " + std::to_string(d_.tender_period_days) + " days; minimum " + std::to_string(*minimum) +
                " days for the " + procedure + " procedure " + when,
            "give bidders at least " + std::to_string(*minimum) +
                " days, and more for a complex bid: time limits must reflect the effort a bid takes");
    }

    void price_method(const Lot& lot) {
        if (lot.award.model != AwardModel::weighted_sum || group_weight(lot, GroupType::price) <= 0) return;
        if (lot.price.method == PriceMethod::linear_min_max) {
            add(FindingSeverity::warning, "price-method-risk", "Price scored between the lowest and highest price",
                "domain.md section 4: linear_min_max distorts with few bids (advised against by Swiss and German "
                "guidance)",
                where(lot) + "price method linear_min_max: the highest price scores 0 whatever its distance from "
                             "the lowest",
                "use lowest_ratio, linear_from_lowest or absolute_scale", lot_id(lot));
        } else if (lot.price.method == PriceMethod::lowest_ratio) {
            if (!d_.expected_bids) {
                add(FindingSeverity::advice, "not-checked", "Rank-reversal risk not checked",
                    "docs/formats.md section 5", where(lot) + "no expected number of bids (<panel>): rule "
                                                              "price-method-risk skipped for lowest_ratio",
                    "state the expected number of bids", lot_id(lot));
            } else if (*d_.expected_bids < s_.few_bids) {
                add(FindingSeverity::warning, "price-method-risk", "Lowest-ratio price scoring with few bids",
                    "domain.md section 4: lowest_ratio can reverse the ranking of two bids when a third is added or "
                    "removed",
                    where(lot) + std::to_string(*d_.expected_bids) + " expected bids, fewer than " +
                        format_number(s_.few_bids),
                    "use absolute_scale (price range declared before bids are opened) or linear_from_lowest",
                    lot_id(lot));
            }
        }
    }

    void question_thresholds(const Lot& lot, const Criterion& c) {
        if (c.kind == CriterionKind::question && c.min_score && c.on_fail == OnFail::unstated)
            add(FindingSeverity::warning, "threshold-consequence", "Minimum score without its consequence",
                s_.award_basis,
                where(lot) + "criterion " + c.id + ": minimum score " + format_number(*c.min_score) +
                    ", on-fail not stated",
                "say whether failing the minimum disqualifies: on-fail=\"exclude\" or on-fail=\"flag\"", lot_id(lot),
                c.id);
        for (const auto& child : c.children) question_thresholds(lot, child);
    }

    void thresholds(const Lot& lot) {
        for (const auto& g : lot.criteria) question_thresholds(lot, g);
        if (lot.rules.min_quality_percent && !d_.threshold_consequence_stated)
            add(FindingSeverity::warning, "threshold-consequence", "Quality minimum without its consequence",
                s_.award_basis,
                where(lot) + "minimum quality " + format_number(*lot.rules.min_quality_percent) +
                    "% of the quality marks; the design does not say the documents state that failing it excludes",
                "state in the tender documents that a bid below the quality minimum is excluded, then set "
                "threshold-consequence-stated=\"true\"",
                lot_id(lot));
    }

    void panel() {
        const auto& b = out_.burden;
        if (!b.panel_stated) {
            add(FindingSeverity::advice, "not-checked", "Evaluation burden not estimated", "docs/formats.md section 5",
                "no evaluators or expected bids (<panel>): rule evaluation-burden skipped",
                "state the number of evaluators and the bids you expect");
            return;
        }
        if (b.panel_hours_per_evaluator > s_.max_panel_hours_per_evaluator)
            add(FindingSeverity::advice, "evaluation-burden", "Heavy evaluation burden for the panel",
                "domain.md section 10: evaluators x bids x questions x minutes per answer",
                one_decimal(b.panel_hours) + " panel hours, " + one_decimal(b.panel_hours_per_evaluator) +
                    " per evaluator (guide " + format_number(s_.max_panel_hours_per_evaluator) + ")",
                "ask fewer questions, split the questions between evaluators, or plan the time in the timetable");
    }

    const Framework& fw_;
    const TenderDesign& d_;
    const ProportionalitySettings& s_;
    ProportionalityReport& out_;
    int lots_ = 1;
    Money lot_value_ = 0;
};

std::string titles(const ProportionalityReport& r, FindingSeverity severity) {
    std::vector<std::string> seen;
    for (const auto& f : r.findings)
        if (f.severity == severity && std::find(seen.begin(), seen.end(), f.title) == seen.end()) seen.push_back(f.title);
    std::string text;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        std::string t = seen[i];  // titles start with a capital; in a list after a colon they do not
        t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
        text += (i == 0 ? "" : (i + 1 == seen.size() ? " and " : ", ")) + t;
    }
    return text;
}

std::string summary(const Framework& fw, const TenderDesign& d, const ProportionalitySettings& s,
                    const ProportionalityReport& r) {
    std::string text = "\"" + fw.name + "\" is a tender worth " + grouped(d.contract_value) + " " + fw.currency +
                       " over " + format_number(d.duration_months) + " months, checked under the rules for a " +
                       s.regime_name + ". ";
    const auto errors = r.count(FindingSeverity::error);
    const auto warnings = r.count(FindingSeverity::warning);
    if (errors)
        text += "It has " + plural(errors, "problem", "problems") + " to fix before it is published: " +
                titles(r, FindingSeverity::error) + ". ";
    if (warnings)
        text += plural(warnings, "point needs", "points need") + " a change or a written justification: " +
                titles(r, FindingSeverity::warning) + ". ";
    if (!errors && !warnings) text += "Nothing in it is out of proportion by these rules. ";
    if (const auto advice = r.count(FindingSeverity::advice))
        text += "There " + std::string(advice == 1 ? "is " : "are ") + plural(advice, "suggestion", "suggestions") +
                " to consider. ";
    text += "Writing one bid would take a supplier about " + one_decimal(r.burden.bidder_hours) + " hours";
    if (r.burden.panel_stated)
        text += "; scoring " + plural(static_cast<std::size_t>(r.burden.expected_bids), "bid", "bids") +
                (fw.lots.size() > 1 ? " in each lot" : "") + " would take the panel of " +
                std::to_string(r.burden.evaluators) + " about " + one_decimal(r.burden.panel_hours) + " hours (" +
                one_decimal(r.burden.panel_hours_per_evaluator) + " each)";
    return text + ".";
}

template <typename E, std::size_t N>
std::string name_in(const std::array<std::pair<E, const char*>, N>& names, E value) {
    for (const auto& [v, n] : names)
        if (v == value) return n;
    return "";
}

template <typename E, std::size_t N>
std::optional<E> value_in(const std::array<std::pair<E, const char*>, N>& names, const std::string& text) {
    for (const auto& [v, n] : names)
        if (text == n) return v;
    return std::nullopt;
}

constexpr std::array<std::pair<Regime, const char*>, 4> regime_names{
    {{Regime::central, "central"}, {Regime::local, "local"}, {Regime::scotland, "scotland"}, {Regime::wales, "wales"}}};
constexpr std::array<std::pair<Procedure, const char*>, 7> procedure_names{
    {{Procedure::open, "open"},
     {Procedure::competitive_flexible, "competitive-flexible"},
     {Procedure::restricted, "restricted"},
     {Procedure::competitive_negotiation, "competitive-negotiation"},
     {Procedure::competitive_dialogue, "competitive-dialogue"},
     {Procedure::innovation_partnership, "innovation-partnership"},
     {Procedure::below_threshold, "below-threshold"}}};
constexpr std::array<std::pair<PeriodReduction, const char*>, 3> reduction_names{
    {{PeriodReduction::none, "none"},
     {PeriodReduction::planned_procurement_notice, "planned-procurement-notice"},
     {PeriodReduction::urgency, "urgency"}}};
constexpr std::array<std::pair<InsuranceEvidence, const char*>, 3> insurance_names{
    {{InsuranceEvidence::tender, "tender"}, {InsuranceEvidence::award, "award"},
     {InsuranceEvidence::contract_start, "contract-start"}}};
constexpr std::array<std::pair<AccountsDemand, const char*>, 3> accounts_names{
    {{AccountsDemand::none, "none"}, {AccountsDemand::latest, "latest"}, {AccountsDemand::audited, "audited"}}};
constexpr std::array<std::pair<FindingSeverity, const char*>, 3> severity_names{
    {{FindingSeverity::error, "error"}, {FindingSeverity::warning, "warning"}, {FindingSeverity::advice, "advice"}}};

}  // namespace

std::optional<int> minimum_tender_period(const TenderDesign& design, const ProportionalitySettings& settings) {
    const auto* period = design.procedure_stated ? period_of(design, settings) : nullptr;
    if (!period || design.light_touch) return std::nullopt;  // light touch: settings.light_touch_basis
    if (design.reduction != PeriodReduction::none) return period->reduced_days;
    return design.electronic_submission && design.documents_with_notice ? period->electronic_days : period->other_days;
}

std::string grouped_money(Money amount) {
    std::string text = format_money(amount);
    const bool negative = !text.empty() && text[0] == '-';
    const auto dot = text.find('.');
    for (auto i = static_cast<long>(dot) - 3; i > (negative ? 1 : 0); i -= 3) text.insert(static_cast<std::size_t>(i), ",");
    return text;
}

ProportionalityReport check_proportionality(const Framework& framework, const TenderDesign& design,
                                            const ProportionalitySettings& settings) {
    if (design.contract_value <= 0)
        throw std::invalid_argument("the design's contract value is " + format_money(design.contract_value) +
                                    "; state the estimated value of the whole tender, above zero, in <contract value>");
    if (design.lots && *design.lots < 1)
        throw std::invalid_argument("the design divides the tender into " + std::to_string(*design.lots) +
                                    " lots; state 1 or more in <lots count>");
    ProportionalityReport report;
    report.regime = settings.regime;
    Checker(framework, design, settings, report).run();
    report.summary = summary(framework, design, settings, report);
    return report;
}

std::string to_string(Regime v) { return name_in(regime_names, v); }
std::string to_string(Procedure v) { return name_in(procedure_names, v); }
std::string to_string(PeriodReduction v) { return name_in(reduction_names, v); }
std::string to_string(InsuranceEvidence v) { return name_in(insurance_names, v); }
std::string to_string(AccountsDemand v) { return name_in(accounts_names, v); }
std::string to_string(FindingSeverity v) { return name_in(severity_names, v); }
std::optional<Regime> regime_from(const std::string& t) { return value_in(regime_names, t); }
std::optional<Procedure> procedure_from(const std::string& t) { return value_in(procedure_names, t); }
std::optional<PeriodReduction> period_reduction_from(const std::string& t) { return value_in(reduction_names, t); }
std::optional<InsuranceEvidence> insurance_evidence_from(const std::string& t) { return value_in(insurance_names, t); }
std::optional<AccountsDemand> accounts_demand_from(const std::string& t) { return value_in(accounts_names, t); }

}  // namespace scoring
