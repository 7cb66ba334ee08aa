// Self-assessment for small providers (domain.md section 11): projected marks, thresholds at risk,
// marks per point, the break-even price and the quality needed, each checked against hand sums.
#include <catch2/catch.hpp>

#include "app/core/self_assessment_input.h"
#include "scoring/self_assessment.h"
#include "scoring_test_helpers.h"

using namespace tbtest;

namespace {

// Price 40 by lowest ratio; quality 60: Q1 and Q2 half each (30 marks), 0-4 scale, Q1 minimum 2
// (excludes). Declared precision 2, default tie-breaks (higher quality, then lower price).
Framework two_question_framework() {
    auto lot = make_lot({price_group(40),
                         group("QUAL", GroupType::quality, 60,
                               {question("Q1", 50, "s4", 2.0, OnFail::exclude), question("Q2", 50, "s4")})});
    return make_framework({integer_scale("s4", 4)}, lot);
}

// The provider scores 4 and 3 (quality 30 + 22.5 = 52.5) at 120000.00; one competitor at
// 100000.00 typically scores 2 (quality 30).
SelfAssessment provider_input() {
    SelfAssessment in;
    in.price = 12'000'000;
    in.scores = {{"Q1", 4, "strong method statement"}, {"Q2", 3, "no case study"}};
    in.competitors.count = 1;
    in.competitors.price_low = 10'000'000;
    in.competitors.price_high = 10'000'000;
    in.competitors.typical_score = 2;
    return in;
}

bool has_message(const std::vector<SelfAssessmentProblem>& problems, const std::string& part) {
    for (const auto& p : problems)
        if (p.message.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("self-assessment projects marks through the engine against the competitor profile", "[unit]") {
    const auto fw = two_question_framework();
    const auto report = assess(fw, provider_input());
    // Price: you are above the competitor's 100000, so 40 x 100000 / 120000 = 33.333...
    // Quality: Q1 30 x 4/4 = 30, Q2 30 x 3/4 = 22.5: 52.5. Total 85.8333.
    // Competitor: price 40, quality 30 x 2/4 x 2 = 30: 70.
    const auto& p = report.projected;
    CHECK(p.price_marks == Approx(40.0 * 100000 / 120000));
    CHECK(p.quality_marks == Approx(52.5));
    CHECK(p.total == Approx(85.833333).epsilon(1e-6));
    CHECK(p.rank == 1);
    CHECK(p.wins);
    REQUIRE(p.field.size() == 2);
    CHECK(p.field[1].id == "C1");
    CHECK(p.field[1].total == Approx(70.0));
    REQUIRE(p.criteria.size() == 3);
    CHECK(p.criteria[1].id == "Q1");
    CHECK(p.criteria[1].marks == Approx(30.0));
}

TEST_CASE("the break-even price is the highest whole-penny price that still wins, checked by hand", "[unit]") {
    const auto fw = two_question_framework();
    const auto b = break_even_price(fw, provider_input());
    // Above 100000 your total is 52.5 + 40 x 100000 / P = 52.5 + 4000000 / P; the competitor has 70.
    // Exactly equal at P = 4000000 / 17.5 = 228571.43, but totals are compared at 2 places and a tie
    // goes to the higher quality (52.5 against 30): you win while 52.5 + 4000000 / P >= 69.995,
    // P <= 4000000 / 17.495 = 228636.7533...: 228636.75 (total 69.99500003 -> 70.00, a tie you
    // win); 228636.76 gives 69.99499998 -> 69.99 and the competitor wins.
    CHECK(b.outcome == BreakEven::Outcome::found);
    CHECK(b.price == 22'863'675);
    CHECK(b.monotone);
    CHECK(b.search_low == 5'000'000);    // half the competitors' lowest price
    CHECK(b.search_high == 120'000'000);  // ten times the higher of your price and theirs
    // The engine agrees on either side of it.
    auto at = provider_input();
    at.price = 22'863'675;
    CHECK(assess(fw, at).projected.wins);
    at.price = 22'863'676;
    CHECK_FALSE(assess(fw, at).projected.wins);
}

TEST_CASE("the quality needed at a price is the least uniform level that wins", "[unit]") {
    const auto fw = two_question_framework();
    const auto q = quality_needed(fw, provider_input(), 12'000'000);
    // At 120000.00 price marks are 33.3333. Quality at level L is 60 L; you need
    // 60 L + 33.3333 >= 69.995 (a tie is yours while your quality beats 30): L >= 0.611028,
    // so 61.11% (36.666 quality marks, total 69.9993 -> 70.00); 61.10% gives 69.9933 -> 69.99.
    CHECK(q.outcome == QualityNeeded::Outcome::found);
    CHECK(q.level_percent == Approx(61.11));
    CHECK(q.quality_marks == Approx(36.666));
    CHECK(q.quality_maximum == Approx(60.0));
    // On the 0-4 scale: 2 everywhere gives 30 + 33.33 = 63.33 (lose), 3 gives 78.33 (win).
    REQUIRE(q.uniform_point);
    CHECK(*q.uniform_point == 3);
    CHECK(q.scale == "s4");
}

TEST_CASE("marks per point of improvement are effective weight / scale maximum, best first", "[unit]") {
    // Quality 60: Q1 50% (30 marks) on 0-4, Q2 50% (30 marks) on 0-10; social value 10: SV1 on 0-4.
    auto lot = make_lot({price_group(30),
                         group("QUAL", GroupType::quality, 60, {question("Q1", 50, "s4"), question("Q2", 50, "s10")}),
                         group("SV", GroupType::social_value, 10, {question("SV1", 100, "s4")})});
    const auto fw = make_framework({integer_scale("s4", 4), integer_scale("s10", 10)}, lot);
    auto in = provider_input();
    in.scores = {{"Q1", 4, ""}, {"Q2", 6, ""}, {"SV1", 1, ""}};
    const auto r = assess(fw, in);
    REQUIRE(r.questions.size() == 3);
    // Q1: 30 / 4 = 7.5 a point but already at the top: no rank. Q2: 30 / 10 = 3 a point, 4 points
    // to go = 12 marks. SV1: 10 / 4 = 2.5 a point, 3 points to go = 7.5 marks.
    CHECK(r.questions[0].marks_per_point == Approx(7.5));
    CHECK(r.questions[0].marks_to_top == Approx(0.0));
    CHECK_FALSE(r.questions[0].improvement_rank);
    CHECK(r.questions[1].marks_per_point == Approx(3.0));
    CHECK(r.questions[1].marks_to_top == Approx(12.0));
    CHECK(r.questions[1].improvement_rank == 1);
    CHECK(r.questions[2].marks_per_point == Approx(2.5));
    CHECK(r.questions[2].marks_to_top == Approx(7.5));
    CHECK(r.questions[2].improvement_rank == 2);
}

TEST_CASE("thresholds: on the minimum is at risk, below fails, and the quality minimum has a margin", "[unit]") {
    auto fw = two_question_framework();
    fw.lots[0].rules.min_quality_percent = 60;  // 36 of the 60 quality marks
    auto in = provider_input();
    in.scores = {{"Q1", 2, ""}, {"Q2", 4, ""}};
    auto r = assess(fw, in);
    // Q1 on its minimum of 2: one point lower fails it.
    CHECK(r.questions[0].threshold == ThresholdStatus::at_risk);
    CHECK(r.questions[1].threshold == ThresholdStatus::none);
    // Quality 30 x 2/4 + 30 x 4/4 = 45 against 36: margin 9, one point on either question is
    // 30 / 4 = 7.5 marks, so the minimum is met.
    REQUIRE(r.quality_minimum);
    CHECK(r.quality_minimum->needed == Approx(36.0));
    CHECK(r.quality_minimum->marks == Approx(45.0));
    CHECK(r.quality_minimum->margin == Approx(7.5));
    CHECK(r.quality_minimum->status == ThresholdStatus::met);

    in.scores = {{"Q1", 1, ""}, {"Q2", 4, ""}};
    r = assess(fw, in);
    // Q1 below 2: excluded; quality 7.5 + 30 = 37.5, 1.5 above 36: less than 7.5, at risk.
    CHECK(r.questions[0].threshold == ThresholdStatus::fails);
    CHECK(r.quality_minimum->status == ThresholdStatus::at_risk);
    CHECK_FALSE(r.projected.in_contention);
    CHECK_FALSE(r.projected.wins);
    CHECK(r.break_even.outcome == BreakEven::Outcome::cannot_win);

    in.scores = {{"Q1", 3, ""}, {"Q2", 1, ""}};
    r = assess(fw, in);
    // 22.5 + 7.5 = 30 < 36: fails the quality minimum.
    CHECK(r.questions[0].threshold == ThresholdStatus::met);
    CHECK(r.quality_minimum->status == ThresholdStatus::fails);
}

TEST_CASE("a missing, unknown, repeated or off-scale score is a problem, all listed at once", "[unit]") {
    const auto fw = two_question_framework();
    auto in = provider_input();
    in.scores = {{"Q1", 5, ""}, {"Q1", 3, ""}, {"Q9", 1, ""}, {"QUAL", 1, ""}};
    const auto problems = check_self_assessment(fw, in);
    CHECK(has_message(problems, "score 5 for question Q1 is not on scale s4"));
    CHECK(has_message(problems, "question Q1 is scored twice"));
    CHECK(has_message(problems, "criterion Q9 is not in lot 1"));
    CHECK(has_message(problems, "QUAL is not a scored question"));
    CHECK(has_message(problems, "question Q2 (Question Q2) has no self-score"));
    CHECK(problems.size() == 5);
    const auto error = evaluation_error([&] { assess(fw, in); });
    CHECK(has_problem(error, {"Q2", "no self-score"}));
}

TEST_CASE("a price of zero or below is refused", "[unit]") {
    const auto fw = two_question_framework();
    for (const Money price : {Money{0}, Money{-100}}) {
        auto in = provider_input();
        in.price = price;
        const auto problems = check_self_assessment(fw, in);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].part == SelfAssessmentPart::price);
        CHECK(has_problem(evaluation_error([&] { assess(fw, in); }), {"zero or negative"}));
    }
    CHECK_THROWS_AS(quality_needed(fw, provider_input(), 0), EvaluationError);
}

TEST_CASE("a draft (answers saved part-way) may leave things unstated but not stated wrongly", "[unit]") {
    using C = SelfAssessmentCheck;
    const auto fw = two_question_framework();
    SelfAssessment in;  // nothing typed yet but one score
    in.scores = {{"Q1", 4, ""}};
    CHECK(check_self_assessment(fw, in, C::draft).empty());
    // The same input is far from assessable: the missing question, price and profile are each named.
    const auto full = check_self_assessment(fw, in);
    CHECK(has_message(full, "question Q2 (Question Q2) has no self-score"));
    CHECK(has_message(full, "price 0.00 is zero or negative"));
    CHECK(has_message(full, "price-low must be above zero"));
    CHECK(has_message(full, "either typical-score or typical-quality-percent"));
    CHECK(check_self_assessment(fw, provider_input(), C::draft).empty());
    // What is stated is checked as strictly as for an assessment.
    in.scores.push_back({"Q2", 7, ""});
    in.price = -1;
    in.competitors.price_low = 5'000;
    in.competitors.price_high = 4'000;
    in.competitors.typical_score = 3;
    in.competitors.typical_quality_percent = 60;
    in.competitors.social_value = 100;
    const auto problems = check_self_assessment(fw, in, C::draft);
    CHECK(has_message(problems, "score 7 for question Q2 is not on scale s4"));
    CHECK(has_message(problems, "zero or negative"));
    CHECK(has_message(problems, "price-high must be at least price-low"));
    CHECK(has_message(problems, "not both and not neither"));
    CHECK(has_message(problems, "does not score committed social value"));
    CHECK(problems.size() == 5);
}

TEST_CASE("a competitor profile is checked: count, prices, one typical level, social value", "[unit]") {
    const auto fw = two_question_framework();
    auto in = provider_input();
    in.competitors.count = 0;
    in.competitors.price_high = 1;
    in.competitors.typical_quality_percent = 50;
    in.competitors.social_value = 100;
    const auto problems = check_self_assessment(fw, in);
    CHECK(has_message(problems, "count must be"));
    CHECK(has_message(problems, "price-high must be at least price-low"));
    CHECK(has_message(problems, "either typical-score or typical-quality-percent"));
    CHECK(has_message(problems, "does not score committed social value"));
    in = provider_input();
    in.competitors.typical_score = 5;
    CHECK(has_message(check_self_assessment(fw, in), "outside scale s4"));
}

TEST_CASE("a single competitor with a price range sits at the low end", "[unit]") {
    const auto fw = two_question_framework();
    auto in = provider_input();
    in.competitors.price_high = 15'000'000;
    const auto r = assess(fw, in);
    REQUIRE(r.projected.field.size() == 2);
    CHECK(r.projected.field[1].price == 10'000'000);
    // Three competitors spread evenly: 100000, 125000, 150000.
    in.competitors.count = 3;
    const auto three = assess(fw, in);
    std::vector<Money> prices;
    for (const auto& b : three.projected.field)
        if (b.id != "YOU") prices.push_back(b.price);
    std::sort(prices.begin(), prices.end());
    CHECK(prices == std::vector<Money>{10'000'000, 12'500'000, 15'000'000});
}

TEST_CASE("a profile the provider cannot beat at any sensible price says so, with the bound", "[unit]") {
    const auto fw = two_question_framework();
    auto in = provider_input();
    in.scores = {{"Q1", 2, ""}, {"Q2", 1, ""}};  // quality 15 + 7.5 = 22.5
    in.competitors.typical_score = 4;           // quality 60, at 100000: 100 marks
    const auto r = assess(fw, in);
    // At the floor, half their price (50000.00), you get 40 and they get 40 x 50000 / 100000 = 20:
    // 62.5 against 80. Nothing lower is searched.
    CHECK(r.break_even.outcome == BreakEven::Outcome::cannot_win);
    CHECK(r.break_even.search_low == 5'000'000);
    CHECK(r.break_even.price == 5'000'000);
    CHECK(r.quality_needed.outcome == QualityNeeded::Outcome::cannot_win);
}

TEST_CASE("a provider ahead on quality by more than the price weight wins at every price searched", "[unit]") {
    const auto fw = two_question_framework();
    auto in = provider_input();
    in.scores = {{"Q1", 4, ""}, {"Q2", 4, ""}};  // 60
    in.competitors.typical_score = 0;           // 0, excluded by Q1's minimum of 2
    const auto r = assess(fw, in);
    CHECK(r.break_even.outcome == BreakEven::Outcome::wins_at_bound);
    CHECK(r.break_even.price == r.break_even.search_high);
}

TEST_CASE("conditions of participation from the framework's design against the provider's own figures", "[unit]") {
    auto fw = two_question_framework();
    auto in = provider_input();
    auto r = assess(fw, in);
    CHECK_FALSE(r.design_stated);
    CHECK(r.conditions.empty());

    TenderDesign d;
    d.contract_value = 20'000'000;           // 200000.00
    d.minimum_turnover = 50'000'000;         // 500000.00: 2.5 times, no reason given
    d.insurance = InsuranceEvidence::contract_start;
    d.insurance_cover = 500'000'000;         // 5000000.00
    d.accounts = AccountsDemand::audited;
    d.accounts_years = 2;
    d.accounts_alternatives = true;
    fw.design = d;
    in.provider.turnover = 30'000'000;       // 300000.00
    in.provider.insurance = 1'000'000'000;   // 10000000.00
    in.provider.accounts_years = 3;
    in.provider.audited_accounts = false;
    r = assess(fw, in);
    CHECK(r.design_stated);
    REQUIRE(r.conditions.size() == 3);
    CHECK(r.conditions[0].id == "turnover");
    CHECK(r.conditions[0].status == ConditionCheck::Status::not_met);
    CHECK(r.conditions[0].detail.find("Short by 200000.00") != std::string::npos);
    CHECK(r.conditions[0].detail.find("2.50 times the value of a lot") != std::string::npos);
    CHECK(r.conditions[1].status == ConditionCheck::Status::met);
    // Not audited, but the buyer accepts other evidence: the provider may still qualify.
    CHECK(r.conditions[2].status == ConditionCheck::Status::unknown);
    d.accounts_alternatives = false;
    fw.design = d;
    in.provider.turnover.reset();
    r = assess(fw, in);
    CHECK(r.conditions[0].status == ConditionCheck::Status::unknown);
    CHECK(r.conditions[2].status == ConditionCheck::Status::not_met);
}

TEST_CASE("the self-assessment reader points at each problem's element, every one at once", "[unit]") {
    const auto fw = two_question_framework();
    const std::string text =
        "<self-assessment framework=\"fw\">\n"
        "  <price>120000.00</price>\n"
        "  <score criterion=\"Q1\" value=\"7\">too high</score>\n"
        "  <competitors count=\"1\" price-low=\"100000.00\" price-high=\"100000.00\" typical-score=\"2\"/>\n"
        "</self-assessment>\n";
    try {
        core::read_self_assessment(core::XmlFile("self.xml", text), fw);
        FAIL("expected an InputError");
    } catch (const core::InputError& e) {
        const std::string all = e.what();
        CHECK(all.find("self.xml:3:3: score 7 for question Q1 is not on scale s4") != std::string::npos);
        CHECK(all.find("self.xml:1:1: question Q2 (Question Q2) has no self-score") != std::string::npos);
    }
    const std::string typo =
        "<self-assessment framework=\"fw\">\n"
        "  <price>12O000.00</price>\n"
        "  <score criterion=\"Q1\" valeu=\"3\"/>\n"
        "  <competitors count=\"1\" price-low=\"100000.00\" price-high=\"100000.00\" typical-score=\"2\"/>\n"
        "</self-assessment>\n";
    try {
        core::read_self_assessment(core::XmlFile("self.xml", typo), fw);
        FAIL("expected an InputError");
    } catch (const core::InputError& e) {
        const std::string all = e.what();
        CHECK(all.find("self.xml:2:3: price \"12O000.00\" is not an amount of money") != std::string::npos);
        CHECK(all.find("self.xml:3:25: unknown attribute 'valeu'") != std::string::npos);
    }
}
