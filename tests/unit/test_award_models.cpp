// Award models other than the weighted sum, domain.md section 4 and docs/formats.md <award>.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scoring/award_models.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

// Quality 100 (no price group: price enters the formula directly); one question on the integer
// 0-100 scale, so quality points = the score.
Framework points_framework(AwardModel model) {
    auto lot = make_lot({group("QUAL", GroupType::quality, 100, {question("Q1", 100, "s100")})});
    lot.price.declared = false;
    lot.award.model = model;
    return make_framework({integer_scale("s100", 100)}, lot);
}

// A 80 points at 1,000.00; B 90 at 1,250.00; C 60 at 700.00; D 50 at 600.00.
const std::vector<BidInput> abcd{bid("A", 100000), bid("B", 125000), bid("C", 70000), bid("D", 60000)};
const std::vector<ScoreRow> abcd_scores{{{"Q1", 80}}, {{"Q1", 90}}, {{"Q1", 60}}, {{"Q1", 50}}};

}  // namespace

TEST_CASE("vfm_ratio: Z = quality points x 1000 / price, highest first", "[unit][award]") {
    const auto fw = points_framework(AwardModel::vfm_ratio);
    const auto r = evaluate(fw, abcd, abcd_scores);
    // Z in currency units: A 80 x 1000/1000 = 80; B 90 x 1000/1250 = 72; C 60 x 1000/700 = 85.714...;
    // D 50 x 1000/600 = 83.333...  (= points x 100000 / price in pence)
    CHECK(*result(r, "A").award_value == Approx(80.0).margin(1e-9));
    CHECK(*result(r, "B").award_value == Approx(72.0).margin(1e-9));
    CHECK(*result(r, "C").award_value == Approx(600.0 / 7.0).margin(1e-9));
    CHECK(*result(r, "D").award_value == Approx(250.0 / 3.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"C", "D", "A", "B"});
    // No price marks under this model; total is quality (+ social value) only.
    CHECK(result(r, "A").price_marks == 0.0);
    CHECK_FALSE(result(r, "A").has_flag("corridor"));
}

TEST_CASE("vfm_ratio with a corridor (erweiterte Richtwertmethode)", "[unit][award]") {
    auto fw = points_framework(AwardModel::vfm_ratio);
    // Z as % of the best (C, 600/7): A 80 x 7/600 = 93.33%; B 72 x 7/600 = 84%; D (250/3) x 7/600 = 97.22%.
    SECTION("10% corridor, best_quality: A, C, D are within 90%; ordered by quality 80 > 60 > 50; B follows") {
        fw.lots[0].award.corridor_percent = 10;
        fw.lots[0].award.corridor_tie_break = CorridorTieBreak::best_quality;
        const auto r = evaluate(fw, abcd, abcd_scores);
        CHECK(ranked_ids(r) == std::vector<std::string>{"A", "C", "D", "B"});
        CHECK(result(r, "A").has_flag("corridor"));
        CHECK(result(r, "C").has_flag("corridor"));
        CHECK(result(r, "D").has_flag("corridor"));
        CHECK_FALSE(result(r, "B").has_flag("corridor"));
    }
    SECTION("10% corridor, lowest_price: D 600, C 700, A 1000; B follows") {
        fw.lots[0].award.corridor_percent = 10;
        fw.lots[0].award.corridor_tie_break = CorridorTieBreak::lowest_price;
        const auto r = evaluate(fw, abcd, abcd_scores);
        CHECK(ranked_ids(r) == std::vector<std::string>{"D", "C", "A", "B"});
    }
    SECTION("5% corridor: only C and D (>= 95%) are inside; A (93.33%) and B follow by Z") {
        fw.lots[0].award.corridor_percent = 5;
        fw.lots[0].award.corridor_tie_break = CorridorTieBreak::best_quality;
        auto r = evaluate(fw, abcd, abcd_scores);
        CHECK(ranked_ids(r) == std::vector<std::string>{"C", "D", "A", "B"});
        CHECK_FALSE(result(r, "A").has_flag("corridor"));
        fw.lots[0].award.corridor_tie_break = CorridorTieBreak::lowest_price;
        r = evaluate(fw, abcd, abcd_scores);
        CHECK(ranked_ids(r) == std::vector<std::string>{"D", "C", "A", "B"});
    }
}

TEST_CASE("vfm_ratio corridor includes a bid exactly at its edge", "[unit][award]") {
    auto fw = points_framework(AwardModel::vfm_ratio);
    fw.lots[0].award.corridor_percent = 10;
    fw.lots[0].award.corridor_tie_break = CorridorTieBreak::lowest_price;
    // All at 1,000.00: E 90 points (Z 90, best), F 81 (Z 81 = 90% of 90: on the edge, Z >= Zbest x 0.9),
    // G 80 (Z 80 = 88.9%: outside). F is inside and, at the same price, ties with E on the corridor
    // key; the lot's tie-break (higher_quality) puts E first.
    const auto r = evaluate(fw, {bid("E", 100000), bid("F", 100000), bid("G", 100000)},
                            {{{"Q1", 90}}, {{"Q1", 81}}, {{"Q1", 80}}});
    CHECK(result(r, "F").has_flag("corridor"));
    CHECK_FALSE(result(r, "G").has_flag("corridor"));
    CHECK(ranked_ids(r) == std::vector<std::string>{"E", "F", "G"});
}

TEST_CASE("vfm_ratio counts social-value marks as quality points", "[unit][award]") {
    // Quality 80, social value 20, each one question on 0-100.
    auto lot = make_lot({group("QUAL", GroupType::quality, 80, {question("Q1", 100, "s100")}),
                         group("SV", GroupType::social_value, 20, {question("SV1", 100, "s100")})});
    lot.price.declared = false;
    lot.award.model = AwardModel::vfm_ratio;
    const auto fw = make_framework({integer_scale("s100", 100)}, lot);
    // H: 80 x 50/100 + 20 x 100/100 = 40 + 20 = 60 points at 600.00 -> Z = 60 x 1000/600 = 100.
    // I: 80 + 0 = 80 points at 1,000.00 -> Z = 80.
    const auto r = evaluate(fw, {bid("H", 60000), bid("I", 100000)},
                            {{{"Q1", 50}, {"SV1", 100}}, {{"Q1", 100}, {"SV1", 0}}});
    CHECK(*result(r, "H").award_value == Approx(100.0).margin(1e-9));
    CHECK(*result(r, "I").award_value == Approx(80.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"H", "I"});
}

TEST_CASE("price_per_quality_point: price / quality points, lowest first, 0 points last", "[unit][award]") {
    const auto fw = points_framework(AwardModel::price_per_quality_point);
    auto bids = abcd;
    bids.push_back(bid("Y", 50000));  // 0 points at 500.00
    bids.push_back(bid("Z", 40000));  // 0 points at 400.00 (the cheapest bid of all)
    auto scores = abcd_scores;
    scores.push_back({{"Q1", 0}});
    scores.push_back({{"Q1", 0}});
    const auto r = evaluate(fw, bids, scores);
    // A 1000/80 = 12.5; B 1250/90 = 13.888...; C 700/60 = 11.666...; D 600/50 = 12.
    CHECK(*result(r, "A").award_value == Approx(12.5).margin(1e-9));
    CHECK(*result(r, "B").award_value == Approx(125.0 / 9.0).margin(1e-9));
    CHECK(*result(r, "C").award_value == Approx(35.0 / 3.0).margin(1e-9));
    CHECK(*result(r, "D").award_value == Approx(12.0).margin(1e-9));
    // No ratio for 0 points: ranked after every bid that has one, however cheap; between the two
    // the default tie-break (quality equal, then lower price) puts Z (400) before Y (500).
    CHECK_FALSE(result(r, "Y").award_value.has_value());
    CHECK_FALSE(result(r, "Z").award_value.has_value());
    CHECK(ranked_ids(r) == std::vector<std::string>{"C", "D", "A", "B", "Z", "Y"});
}

namespace {

Criterion competence(const std::string& id, double weight, std::vector<Money> amounts_for_0_to_4) {
    auto q = question(id, weight, "s4");
    for (int p = 0; p <= 4; ++p) q.deductions.push_back({static_cast<double>(p), amounts_for_0_to_4[p]});
    return q;
}

}  // namespace

TEST_CASE("monetised_quality: the Swedish consultant example", "[unit][award]") {
    // domain.md section 4: 1,000 per hour, deductions 800/600/400/200/0 for competence levels 4..0.
    auto lot = make_lot({group("QUAL", GroupType::quality, 100, {competence("COMP", 100, {0, 20000, 40000, 60000, 80000})})});
    lot.price.declared = false;
    lot.award.model = AwardModel::monetised_quality;
    const auto fw = make_framework({integer_scale("s4", 4)}, lot);
    // A 1100 at level 4: 1100 - 800 = 300.  B 900 at level 1: 900 - 200 = 700.
    // C 1000 at level 2: 1000 - 400 = 600.  D 1000 at level 0: 1000 - 0 = 1000.
    const auto r = evaluate(fw, {bid("A", 110000), bid("B", 90000), bid("C", 100000), bid("D", 100000)},
                            {{{"COMP", 4}}, {{"COMP", 1}}, {{"COMP", 2}}, {{"COMP", 0}}});
    CHECK(*result(r, "A").award_value == Approx(300.0).margin(1e-9));
    CHECK(*result(r, "B").award_value == Approx(700.0).margin(1e-9));
    CHECK(*result(r, "C").award_value == Approx(600.0).margin(1e-9));
    CHECK(*result(r, "D").award_value == Approx(1000.0).margin(1e-9));
    // The dearest bid wins on quality: A (300) beats B (700), the cheapest.
    CHECK(ranked_ids(r) == std::vector<std::string>{"A", "C", "B", "D"});
}

TEST_CASE("monetised_quality sums deductions over questions", "[unit][award]") {
    // Q1: 0/200/400/600/800; Q2: 0/100/200/300/400.
    auto lot = make_lot({group("QUAL", GroupType::quality, 100,
                               {competence("Q1", 50, {0, 20000, 40000, 60000, 80000}),
                                competence("Q2", 50, {0, 10000, 20000, 30000, 40000})})});
    lot.price.declared = false;
    lot.award.model = AwardModel::monetised_quality;
    const auto fw = make_framework({integer_scale("s4", 4)}, lot);
    // X 1500 with Q1 4 (800) and Q2 2 (200): 1500 - 1000 = 500.
    // Y 1000 with Q1 1 (200) and Q2 4 (400): 1000 - 600 = 400 -> Y wins.
    const auto r = evaluate(fw, {bid("X", 150000), bid("Y", 100000)},
                            {{{"Q1", 4}, {"Q2", 2}}, {{"Q1", 1}, {"Q2", 4}}});
    CHECK(*result(r, "X").award_value == Approx(500.0).margin(1e-9));
    CHECK(*result(r, "Y").award_value == Approx(400.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"Y", "X"});
}

TEST_CASE("weighted_sum has no award value", "[unit][award]") {
    auto lot = make_lot({price_group(50), group("QUAL", GroupType::quality, 50, {question("Q1", 100, "s100")})});
    const auto fw = make_framework({integer_scale("s100", 100)}, lot);
    const auto r = evaluate(fw, {bid("A", 100000)}, {{{"Q1", 10}}});
    CHECK_FALSE(result(r, "A").award_value.has_value());
}

TEST_CASE("describe names the award model", "[unit][award]") {
    AwardRule a;
    a.model = AwardModel::vfm_ratio;
    a.corridor_percent = 5;
    a.corridor_tie_break = CorridorTieBreak::lowest_price;
    const auto text = describe(a);
    CHECK(text.find("quality points x 1000 / price") != std::string::npos);
    CHECK(text.find("within 5%") != std::string::npos);
    CHECK(text.find("lowest price") != std::string::npos);
}
