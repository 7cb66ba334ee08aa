// What-if re-ranking (scoring/what_if.h): new top-level weights on an evaluated lot.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "scoring/what_if.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

// domain.md section 4 rank-reversal set-up: quality 60 (one question on 0-20), price 40, lowest ratio.
Framework base_framework(double quality, double price) {
    auto lot = make_lot({group("QUAL", GroupType::quality, quality, {question("Q1", 100, "s20")}), price_group(price)});
    return make_framework({integer_scale("s20", 20)}, lot);
}

const std::vector<BidInput> ab{bid("A", 10000), bid("B", 9000)};
const std::vector<ScoreRow> ab_scores{{{"Q1", 16}}, {{"Q1", 15}}};  // 80% and 75%

}  // namespace

TEST_CASE("reweight re-ranks exactly as a re-evaluation with the new weights", "[unit][what_if]") {
    const auto fw = base_framework(60, 40);
    const auto base = evaluate(fw, ab, ab_scores);
    CHECK(ranked_ids(base) == std::vector<std::string>{"B", "A"});  // 85.0 to 84.0
    CHECK(declared_weights(fw.lots[0]).quality == 60);
    CHECK(declared_weights(fw.lots[0]).price == 40);
    // Quality 80 / price 20: A 80 x 80% + 20 x 90/100 = 64 + 18 = 82; B 80 x 75% + 20 x 90/90 = 60 + 20 = 80.
    const auto what_if = reweight(fw.lots[0], base, {20, 80, 0});
    CHECK(result(what_if, "A").total == Approx(82.0).margin(1e-9));
    CHECK(result(what_if, "B").total == Approx(80.0).margin(1e-9));
    CHECK(result(what_if, "A").quality_marks == Approx(64.0).margin(1e-9));
    CHECK(result(what_if, "B").price_marks == Approx(20.0).margin(1e-9));
    CHECK(ranked_ids(what_if) == std::vector<std::string>{"A", "B"});
    CHECK(result(what_if, "A").rank == std::optional<int>(1));
    // The same as evaluating a framework declared 80/20.
    const auto direct = evaluate(base_framework(80, 20), ab, ab_scores);
    CHECK(result(direct, "A").total == Approx(result(what_if, "A").total).margin(1e-9));
    CHECK(result(direct, "B").total == Approx(result(what_if, "B").total).margin(1e-9));
    // Effective weights of the leaves follow: quality leaf 80, price leaf 20.
    CHECK(what_if.leaves[leaf_index(what_if.leaves, "Q1")].effective_weight == Approx(80.0).margin(1e-12));
    CHECK(what_if.leaves[leaf_index(what_if.leaves, "PRICE")].effective_weight == Approx(20.0).margin(1e-12));
}

TEST_CASE("reweight can create a tie that the tie-break rules then decide", "[unit][what_if]") {
    const auto fw = base_framework(60, 40);
    const auto base = evaluate(fw, ab, ab_scores);
    // Quality q, price 100 - q: A = 0.8q + 0.9(100 - q) = 90 - 0.1q; B = 0.75q + (100 - q) = 100 - 0.25q.
    // Equal when 0.15q = 10, i.e. quality 200/3 and price 100/3: A = 90 - 20/3 = 250/3, B = 100 - 50/3 = 250/3.
    const auto what_if = reweight(fw.lots[0], base, {100.0 / 3.0, 200.0 / 3.0, 0});
    CHECK(result(what_if, "A").total == Approx(250.0 / 3.0).margin(1e-9));
    CHECK(result(what_if, "B").total == Approx(250.0 / 3.0).margin(1e-9));
    // Tied at 83.33; higher_quality: A 200/3 x 0.8 = 53.33 > B 50 -> A first.
    CHECK(ranked_ids(what_if) == std::vector<std::string>{"A", "B"});
    REQUIRE(what_if.tie_breaks.size() == 1);
    CHECK(what_if.tie_breaks[0].rule == "higher_quality");
    CHECK(result(what_if, "A").has_flag("tie_break"));
}

TEST_CASE("reweight rejects weights that do not sum to 100 or weight an absent group", "[unit][what_if]") {
    const auto fw = base_framework(60, 40);
    const auto base = evaluate(fw, ab, ab_scores);
    CHECK_THROWS_AS(reweight(fw.lots[0], base, {30, 60, 0}), std::invalid_argument);      // 90
    CHECK_THROWS_AS(reweight(fw.lots[0], base, {-10, 110, 0}), std::invalid_argument);    // negative
    CHECK_THROWS_AS(reweight(fw.lots[0], base, {30, 60, 10}), std::invalid_argument);     // no social-value group
    CHECK_NOTHROW(reweight(fw.lots[0], base, {40, 60, 0}));                                // the declared weights
}
