// The proportionality rules (docs/proportionality.md, domain.md section 10), each from a worked
// example whose numbers are computed by hand in the comments; the <design> reader's strictness.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "app/core/framework_reader.h"
#include "app/core/proportionality_report.h"
#include "scoring/proportionality.h"
#include "scoring_test_helpers.h"

using namespace tbtest;

namespace {

// Price 30, quality 60 (Q1, Q2, Q3), social value 10 (SV1): four answers, lowest_ratio.
Framework base_framework(double social_value = 10, PriceMethod method = PriceMethod::lowest_ratio) {
    auto quality = group("QUAL", GroupType::quality, 60, {question("Q1", 40, "s"), question("Q2", 30, "s"),
                                                          question("Q3", 30, "s")});
    auto sv = group("SV", GroupType::social_value, social_value, {question("SV1", 100, "s")});
    std::vector<Criterion> criteria{price_group(30), quality};
    if (social_value > 0) criteria.push_back(sv);
    return make_framework({integer_scale("s", 4)}, make_lot(criteria, method));
}

// A design that trips nothing under the central regime: 1,000,000.00 over 24 months, one lot
// with a reason, open procedure with 30 days, 1,000 words a question, 2 evidence items, a panel
// of 3 expecting 5 bids.
TenderDesign clean_design() {
    TenderDesign d;
    d.contract_value = 100000000;
    d.duration_months = 24;
    d.procedure_stated = true;
    d.procedure = Procedure::open;
    d.tender_period_days = 30;
    d.lots = 1;
    d.lots_reason = "one site";
    d.minimum_turnover = 50000000;
    d.insurance = InsuranceEvidence::contract_start;
    d.accounts = AccountsDemand::latest;
    d.accounts_years = 2;
    d.accounts_alternatives = true;
    d.response_stated = true;
    d.default_words = 1000;
    d.evidence = {{"Case studies", 2}};
    d.evaluators = 3;
    d.expected_bids = 5;
    return d;
}

ProportionalityReport check(const Framework& fw, const TenderDesign& d, Regime regime = Regime::central) {
    return check_proportionality(fw, d, settings_for(regime));
}

std::vector<const Finding*> with_rule(const ProportionalityReport& r, const std::string& rule) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings)
        if (f.rule == rule) out.push_back(&f);
    return out;
}

// The one finding of `rule`, or fails.
Finding only(const ProportionalityReport& r, const std::string& rule) {
    const auto found = with_rule(r, rule);
    INFO("rule " << rule << ", findings: " << r.findings.size());
    REQUIRE(found.size() == 1);
    return *found.front();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a proportionate design has no findings, and its burden is worked out in full", "[unit]") {
    const auto r = check(base_framework(), clean_design());
    for (const auto& f : r.findings) UNSCOPED_INFO(f.rule << ": " << f.numbers);
    CHECK(r.findings.empty());
    // Bidder: 4 answers x 2 h + 4,000 words x 6 h / 1,000 + 2 items x 1 h = 8 + 24 + 2 = 34 h;
    // 34 h / (1,000,000.00 / 100,000) = 3.4 h per 100,000.
    REQUIRE(r.burden.lots.size() == 1);
    CHECK(r.burden.lots[0].answers == 4);
    CHECK(r.burden.lots[0].words == 4000);
    CHECK(r.burden.bidder_hours == Approx(34));
    CHECK(r.burden.lots[0].bidder_hours_per_100k == Approx(3.4));
    // Panel (domain.md section 10): 3 evaluators x 5 bids x 4 answers x 20 min / 60 = 20 h.
    CHECK(r.burden.panel_hours == Approx(20));
    CHECK(r.burden.panel_hours_per_evaluator == Approx(20.0 / 3));
    CHECK(contains(r.summary, "1,000,000.00 GBP over 24 months"));
    CHECK(contains(r.summary, "Nothing in it is out of proportion"));
}

TEST_CASE("framework-valid: the validator's errors become error findings", "[unit]") {
    // Top level 30 + 60 + 5 = 95 (docs/formats.md section 1: never normalised silently).
    const auto r = check(base_framework(5), clean_design(), Regime::local);
    const auto& f = only(r, "framework-valid");
    CHECK(f.severity == FindingSeverity::error);
    CHECK(contains(f.numbers, "top-level weights sum to 95, not 100"));
    CHECK(r.has_errors());

    auto fw = base_framework();
    fw.lots[0].criteria[1].children[0].weight = 0;         // a leaf with no weight
    fw.lots[0].criteria[1].children[1].scale_id = "none";  // a leaf with no scale
    const auto r2 = check(fw, clean_design());
    const auto found = with_rule(r2, "framework-valid");
    CHECK(std::any_of(found.begin(), found.end(), [](const Finding* x) { return x->criterion == "Q1"; }));
    CHECK(std::any_of(found.begin(), found.end(),
                      [](const Finding* x) { return x->criterion == "Q2" && contains(x->numbers, "not defined"); }));
}

TEST_CASE("social-value-weight: 10% minimum under central government only", "[unit]") {
    // PPN 002: at least 10% of the total score. Weights 30 + 60 + 5 also trip framework-valid.
    const auto& f = only(check(base_framework(5), clean_design()), "social-value-weight");
    CHECK(f.severity == FindingSeverity::error);
    CHECK(f.numbers == "social value weight 5%, minimum 10%");
    CHECK(contains(f.basis, "PPN 002"));
    // Local authorities have no minimum: 5% passes; none at all is advice (Social Value Act 2012 s.1).
    CHECK(with_rule(check(base_framework(5), clean_design(), Regime::local), "social-value-weight").empty());
    auto fw = base_framework(0);
    fw.lots[0].criteria[1].weight = 70;
    const auto& advice = only(check(fw, clean_design(), Regime::local), "social-value-weight");
    CHECK(advice.severity == FindingSeverity::advice);
    CHECK(contains(advice.basis, "Social Value) Act 2012"));
    CHECK(contains(only(check(fw, clean_design(), Regime::scotland), "social-value-weight").basis, "s.9"));
}

TEST_CASE("turnover-cap: more than 2x the value of one lot needs a justification", "[unit]") {
    auto d = clean_design();
    d.minimum_turnover = 200000000;  // 2,000,000.00 = exactly 2x 1,000,000.00: allowed
    CHECK(with_rule(check(base_framework(), d), "turnover-cap").empty());
    d.minimum_turnover = 250000000;  // 2.5x
    const auto& f = only(check(base_framework(), d), "turnover-cap");
    CHECK(f.severity == FindingSeverity::warning);
    CHECK(contains(f.numbers, "minimum turnover 2,500,000.00 is 2.50x the contract value of 1,000,000.00; cap 2x"));
    CHECK(contains(f.fix, "at most 2,000,000.00"));
    d.turnover_justification = "specialist plant must be financed up front";
    CHECK(with_rule(check(base_framework(), d), "turnover-cap").empty());
    // Four lots: one lot is worth 250,000.00; 600,000.00 is 2.40x (PCR 2015 reg 58(10): per lot).
    d = clean_design();
    d.lots = 4;
    d.minimum_turnover = 60000000;
    CHECK(contains(only(check(base_framework(), d), "turnover-cap").numbers, "2.40x the contract value of 250,000.00"));
}

TEST_CASE("insurance-before-award and audited-accounts: conditions of participation (PA 2023 s.22)", "[unit]") {
    auto d = clean_design();
    d.insurance = InsuranceEvidence::tender;
    d.insurance_cover = 1000000000;
    CHECK(only(check(base_framework(), d), "insurance-before-award").numbers ==
          "evidence of insurance demanded at tender submission, cover 10,000,000.00");
    d.insurance = InsuranceEvidence::award;
    CHECK(only(check(base_framework(), d), "insurance-before-award").severity == FindingSeverity::warning);
    d = clean_design();
    d.accounts = AccountsDemand::audited;
    d.accounts_years = 3;
    d.accounts_alternatives = false;
    const auto& f = only(check(base_framework(), d), "audited-accounts");
    CHECK(f.numbers == "audited accounts for 3 years, no alternative evidence accepted");
    CHECK(contains(f.fix, "Companies Act 2006 s.477"));
    d.accounts_alternatives = true;
    CHECK(with_rule(check(base_framework(), d), "audited-accounts").empty());
}

TEST_CASE("lots-not-divided: one lot needs a reason (PA 2023 s.18)", "[unit]") {
    auto d = clean_design();
    d.lots_reason.clear();
    const auto& f = only(check(base_framework(), d), "lots-not-divided");
    CHECK(f.severity == FindingSeverity::warning);
    CHECK(f.numbers == "1 lot for a contract worth 1,000,000.00");
    CHECK(contains(only(check(base_framework(), d, Regime::scotland), "lots-not-divided").basis, "reg 46"));
    d.lots = 2;
    CHECK(with_rule(check(base_framework(), d), "lots-not-divided").empty());
}

TEST_CASE("bid-effort: bidder hours per 100,000 of one lot's value", "[unit]") {
    auto d = clean_design();
    d.contract_value = 10000000;  // 100,000.00
    d.default_words = 3000;
    d.minimum_turnover.reset();
    // 4 answers x 2 h + 12,000 words x 6 h / 1,000 + 2 items x 1 h = 8 + 72 + 2 = 82 h, on a
    // 100,000.00 lot: 82 h per 100,000 > 40.
    const auto& f = only(check(base_framework(), d), "bid-effort");
    CHECK(f.severity == FindingSeverity::warning);
    CHECK(contains(f.numbers, "= 82.0 hours for a lot worth 100,000.00: 82.0 hours per 100,000, limit 40"));
    // Pages: 2 pages x 500 words = 1,000 words a question, as in the clean design.
    d = clean_design();
    d.default_words.reset();
    d.default_pages = 2;
    d.limits = {{"Q1", 3000, std::nullopt}};  // Q1 3,000 words: 3,000 + 3 x 1,000 = 6,000 words
    const auto r = check(base_framework(), d);
    CHECK(r.burden.lots[0].words == 6000);
    CHECK(with_rule(r, "bid-effort").empty());
}

TEST_CASE("bid-effort: questions without a limit are counted at the assumed length, with advice", "[unit]") {
    auto d = clean_design();
    d.response_stated = false;
    d.default_words.reset();
    // 4 questions x 2,000 assumed words = 8,000 words: 8 + 48 + 2 = 58 h, 5.8 per 100,000: advice only.
    const auto r = check(base_framework(), d);
    CHECK(r.burden.lots[0].unlimited_answers == 4);
    CHECK(r.burden.bidder_hours == Approx(58));
    const auto& f = only(r, "bid-effort");
    CHECK(f.severity == FindingSeverity::advice);
    CHECK(contains(f.numbers, "4 questions with no word or page limit, counted at 2000 words each"));
}

TEST_CASE("bid-effort: a measures table counts as an answer but has no words", "[unit]") {
    auto fw = base_framework();
    fw.lots[0].criteria[2].children = {question("SV1", 50, "s"), measures_leaf("SVM", 50)};
    const auto r = check(fw, clean_design());
    CHECK(r.burden.lots[0].answers == 5);
    CHECK(r.burden.lots[0].words == 4000);
}

TEST_CASE("tender-period: statutory minimum per regime and procedure", "[unit]") {
    const auto period = [](Regime regime, Procedure procedure, int days, bool electronic,
                           PeriodReduction reduction = PeriodReduction::none) {
        auto d = clean_design();
        d.procedure = procedure;
        d.tender_period_days = days;
        d.electronic_submission = electronic;
        d.reduction = reduction;
        const auto r = check(base_framework(), d, regime);
        std::vector<Finding> out;
        for (const auto* f : with_rule(r, "tender-period")) out.push_back(*f);
        return out;
    };
    // Procurement Act 2023 s.54(4): 25 days electronic with documents, else 30; 10 after a
    // qualifying planned procurement notice or in urgency.
    CHECK(period(Regime::central, Procedure::open, 25, true).empty());
    const auto short_open = period(Regime::central, Procedure::open, 24, true);
    REQUIRE(short_open.size() == 1);
    CHECK(short_open[0].severity == FindingSeverity::error);
    CHECK(contains(short_open[0].numbers, "tender period 24 days; minimum 25 days for the open procedure"));
    CHECK(contains(short_open[0].basis, "s.54(4)"));
    CHECK(period(Regime::local, Procedure::competitive_flexible, 29, false).size() == 1);
    CHECK(period(Regime::wales, Procedure::competitive_flexible, 30, false).empty());
    CHECK(period(Regime::central, Procedure::open, 10, true, PeriodReduction::urgency).empty());
    CHECK(period(Regime::central, Procedure::open, 9, true, PeriodReduction::planned_procurement_notice).size() == 1);
    // Public Contracts (Scotland) Regulations 2015 reg 28: 35 days, 30 electronic, 15 after a PIN;
    // reg 29: restricted 30, 25 electronic.
    CHECK(contains(period(Regime::scotland, Procedure::open, 29, true).at(0).numbers, "minimum 30 days"));
    CHECK(contains(period(Regime::scotland, Procedure::open, 34, false).at(0).numbers, "minimum 35 days"));
    CHECK(period(Regime::scotland, Procedure::open, 15, true, PeriodReduction::planned_procurement_notice).empty());
    CHECK(contains(period(Regime::scotland, Procedure::restricted, 24, true).at(0).basis, "reg 29"));
    CHECK(period(Regime::scotland, Procedure::competitive_dialogue, 5, true).empty());  // no minimum
    CHECK(period(Regime::central, Procedure::below_threshold, 5, true).empty());
    // A procedure the regime does not have: a warning, not a silent pass.
    const auto restricted = period(Regime::central, Procedure::restricted, 40, true);
    REQUIRE(restricted.size() == 1);
    CHECK(restricted[0].severity == FindingSeverity::warning);
    // Light touch: no statutory minimum (s.54).
    auto d = clean_design();
    d.light_touch = true;
    d.tender_period_days = 5;
    CHECK(with_rule(check(base_framework(), d), "tender-period").empty());
    CHECK_FALSE(minimum_tender_period(d, settings_for(Regime::central)));
}

TEST_CASE("price-method-risk: linear_min_max, and lowest_ratio with few expected bids", "[unit]") {
    const auto& f = only(check(base_framework(10, PriceMethod::linear_min_max), clean_design()), "price-method-risk");
    CHECK(f.severity == FindingSeverity::warning);
    CHECK(contains(f.numbers, "linear_min_max"));
    auto d = clean_design();
    d.expected_bids = 3;  // fewer than 4
    CHECK(only(check(base_framework(), d), "price-method-risk").numbers == "3 expected bids, fewer than 4");
    d.expected_bids = 4;
    CHECK(with_rule(check(base_framework(), d), "price-method-risk").empty());
    // Other award models do not use the price method.
    auto fw = base_framework(10, PriceMethod::linear_min_max);
    fw.lots[0].award.model = AwardModel::vfm_ratio;
    CHECK(with_rule(check(fw, clean_design()), "price-method-risk").empty());
}

TEST_CASE("threshold-consequence: minimums whose consequence is not stated (PA 2023 s.23(3)(a))", "[unit]") {
    auto fw = base_framework();
    fw.lots[0].criteria[1].children[0].min_score = 2;
    const auto& f = only(check(fw, clean_design()), "threshold-consequence");
    CHECK(f.criterion == "Q1");
    CHECK(f.numbers == "criterion Q1: minimum score 2, on-fail not stated");
    fw.lots[0].criteria[1].children[0].on_fail = OnFail::flag;  // stated: failing does not disqualify
    CHECK(with_rule(check(fw, clean_design()), "threshold-consequence").empty());
    fw.lots[0].rules.min_quality_percent = 60;
    auto d = clean_design();
    CHECK(contains(only(check(fw, d), "threshold-consequence").numbers, "minimum quality 60%"));
    d.threshold_consequence_stated = true;
    CHECK(with_rule(check(fw, d), "threshold-consequence").empty());
}

TEST_CASE("evaluation-burden: evaluators x bids x questions x minutes per answer", "[unit]") {
    auto d = clean_design();
    d.expected_bids = 30;
    // 3 x 30 x 4 x 20 / 60 = 120 h, 40 per evaluator > 37.5 (one working week).
    const auto r = check(base_framework(), d);
    const auto& f = only(r, "evaluation-burden");
    CHECK(f.severity == FindingSeverity::advice);
    CHECK(f.numbers == "120.0 panel hours, 40.0 per evaluator (guide 37.5)");
    d.expected_bids = 28;  // 28 x 4 x 20 / 60 = 37.3 h each
    CHECK(with_rule(check(base_framework(), d), "evaluation-burden").empty());
}

TEST_CASE("missing optional design data: the rule is skipped and the report says so", "[unit]") {
    auto d = clean_design();
    d.evaluators.reset();
    d.expected_bids.reset();
    d.procedure_stated = false;
    const auto r = check(base_framework(), d);
    const auto skipped = with_rule(r, "not-checked");
    REQUIRE(skipped.size() == 3);  // tender period, rank reversal, evaluation burden
    for (const auto* f : skipped) CHECK(f->severity == FindingSeverity::advice);
    CHECK_FALSE(r.burden.panel_stated);
    CHECK(r.burden.bidder_hours == Approx(34));  // still estimated: it needs no panel
    CHECK_FALSE(r.has_errors());
    // No turnover, insurance or accounts demanded: nothing to check, nothing reported.
    d = clean_design();
    d.minimum_turnover.reset();
    d.insurance.reset();
    d.accounts = AccountsDemand::none;
    CHECK(check(base_framework(), d).findings.empty());
}

TEST_CASE("a contract value of zero cannot be checked: a clear error", "[unit]") {
    auto d = clean_design();
    d.contract_value = 0;
    CHECK_THROWS_WITH(check(base_framework(), d), Catch::Contains("state the estimated value of the whole tender"));
}

TEST_CASE("findings are ordered errors, warnings, advice; the summary counts them", "[unit]") {
    auto d = clean_design();
    d.tender_period_days = 20;  // error
    d.lots_reason.clear();      // warning
    d.expected_bids = 30;       // advice
    const auto r = check(base_framework(), d);
    REQUIRE(r.findings.size() == 3);
    CHECK(r.findings[0].severity == FindingSeverity::error);
    CHECK(r.findings[1].severity == FindingSeverity::warning);
    CHECK(r.findings[2].severity == FindingSeverity::advice);
    CHECK(contains(r.summary, "1 problem to fix before it is published: tender period shorter than the statutory minimum"));
    CHECK(contains(r.summary, "1 point needs a change or a written justification"));
}

TEST_CASE("settings per regime, and overrides by name", "[unit]") {
    CHECK(settings_for(Regime::central).social_value_min_percent == 10);
    for (auto regime : {Regime::local, Regime::scotland, Regime::wales})
        CHECK(settings_for(regime).social_value_min_percent == 0);
    CHECK(settings_for(Regime::scotland).turnover_max_multiple == 2);
    const auto s = core::proportionality_settings(Regime::local, {"minutes-per-answer=30", "few-bids=3"});
    CHECK(s.minutes_per_answer == 30);
    CHECK(s.few_bids == 3);
    CHECK_THROWS_AS(core::proportionality_settings(Regime::local, {"minutes=30"}), core::InputError);
    CHECK_THROWS_AS(core::proportionality_settings(Regime::local, {"few-bids=-1"}), core::InputError);
    TenderDesign d;
    CHECK(core::proportionality_regime(d, "") == Regime::central);
    d.regime = Regime::wales;
    CHECK(core::proportionality_regime(d, "") == Regime::wales);
    CHECK(core::proportionality_regime(d, "scotland") == Regime::scotland);
}

namespace {

const std::string framework_head = R"(<framework id="f" name="Test" version="1">
  <scales><scale id="s" name="0-4">
    <point value="0" label="None">No answer</point>
    <point value="4" label="Full">Complete</point>
  </scale></scales>
  <criteria>
    <group id="P" name="Price" type="price" weight="40"/>
    <group id="Q" name="Quality" type="quality" weight="60">
      <question id="Q1" name="Delivery" weight="100" scale="s"/>
    </group>
  </criteria>
  <price method="lowest_ratio"/>
)";

scoring::Framework read(const std::string& design) {
    return core::read_framework(core::XmlFile("f.xml", framework_head + design + "</framework>\n"));
}

std::string read_error(const std::string& design) {
    try {
        read(design);
    } catch (const core::InputError& e) {
        return e.diagnostics().front().text();
    }
    FAIL("expected an InputError");
    return "";
}

}  // namespace

TEST_CASE("<design> is read in full, and a framework without one has none", "[unit]") {
    CHECK_FALSE(read("").design);
    const auto fw = read(R"(  <design regime="scotland" threshold-consequence-stated="true">
    <contract value="250000.50" months="18"/>
    <procedure type="restricted" tender-period-days="28" electronic="false" reduction="urgency"/>
    <lots count="2"/>
    <turnover minimum="400000.00">Plant hire</turnover>
    <insurance evidence="award" cover="1000000.00"/>
    <accounts demanded="audited" years="2" alternatives="true"/>
    <response pages="3"><limit criterion="Q1" words="900"/><evidence count="2">CVs</evidence></response>
    <panel evaluators="2" expected-bids="7"/>
  </design>
)");
    REQUIRE(fw.design);
    const auto& d = *fw.design;
    CHECK(d.regime == Regime::scotland);
    CHECK(d.contract_value == 25000050);
    CHECK(d.duration_months == 18);
    CHECK(d.procedure == Procedure::restricted);
    CHECK(d.tender_period_days == 28);
    CHECK_FALSE(d.electronic_submission);
    CHECK(d.reduction == PeriodReduction::urgency);
    CHECK(d.lots == 2);
    CHECK(d.turnover_justification == "Plant hire");
    CHECK(d.insurance == InsuranceEvidence::award);
    CHECK(d.accounts == AccountsDemand::audited);
    CHECK(d.default_pages == 3);
    REQUIRE(d.limits.size() == 1);
    CHECK(d.limits[0].words == 900);
    CHECK(d.evidence.at(0).count == 2);
    CHECK(d.expected_bids == 7);
    CHECK(d.threshold_consequence_stated);
    CHECK_THROWS_WITH(core::check_framework_design(read(""), settings_for(Regime::central), "f.xml"),
                      Catch::Contains("no <design> element"));
}

TEST_CASE("<design> is read strictly, every problem at its line and column", "[unit]") {
    const std::string contract = "<contract value=\"1000.00\" months=\"12\"/>";
    CHECK(read_error("<design><contract value=\"0.00\" months=\"12\"/></design>") ==
          "f.xml:13:19: the contract value must be above 0; state the estimated value of the whole tender (all lots, "
          "whole term), without VAT");
    CHECK(read_error("<design/>").find("f.xml:13:1: <design> needs <contract") == 0);
    CHECK(read_error("<design>" + contract + "<procedure type=\"open\" tender-period-days=\"ten\"/></design>") ==
          "f.xml:13:71: tender-period-days \"ten\" is not a number; write e.g. 40 or 12.5");
    CHECK(read_error("<design>" + contract + "<procedure type=\"open\" tender-period-days=\"10.5\"/></design>")
              .find("is not a whole number of at least 1") != std::string::npos);
    CHECK(read_error("<design>" + contract + "<panel evaluators=\"3\" bids=\"4\"/></design>")
              .find("unknown attribute 'bids' on <panel>") != std::string::npos);
    CHECK(read_error("<design>" + contract + "<budget/></design>").find("unknown element <budget> inside <design>") !=
          std::string::npos);
    CHECK(read_error("<design>" + contract + "<response><limit criterion=\"Q9\" words=\"5\"/></response></design>")
              .find("criterion Q9 is not in the framework") != std::string::npos);
    CHECK(read_error("<design>" + contract + "<response><limit criterion=\"Q\" words=\"5\"/></response></design>")
              .find("criterion Q is not a question") != std::string::npos);
    CHECK(read_error("<design>" + contract +
                     "<response><limit criterion=\"Q1\" words=\"5\" pages=\"1\"/></response></design>")
              .find("words or pages: one of the two") != std::string::npos);
    CHECK(read_error("<design>" + contract + "<lots count=\"0\"/></design>").find("whole number of at least 1") !=
          std::string::npos);
    CHECK(read_error("<design regime=\"england\">" + contract + "</design>")
              .find("regime \"england\" is not one of: central, local, scotland, wales") != std::string::npos);
    CHECK(read_error("<design>" + contract + "</design><design>" + contract + "</design>")
              .find("<design> appears twice here") != std::string::npos);
}
