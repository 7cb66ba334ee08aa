// Moderation arithmetic, domain.md section 6; definitions and sources in docs/moderation.md.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "scoring/moderation.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

ModerationRules rules(double divergence = 2, bool enhanced = false) {
    ModerationRules r;
    r.divergence = divergence;
    r.enhanced_consensus = enhanced;
    return r;
}

// A 0-4 scale in half points, without intermediate values: 0, 0.5, ..., 4.
Scale half_point_scale() {
    Scale s;
    s.id = "half0-4";
    for (int v = 0; v <= 8; ++v) s.points.push_back({v / 2.0, "", ""});
    return s;
}

ItemRatings ratings(const std::vector<double>& scores) {
    ItemRatings out;
    for (std::size_t j = 0; j < scores.size(); ++j) out.push_back({"E" + std::to_string(j + 1), scores[j]});
    return out;
}

// Shrout & Fleiss (1979), Psychological Bulletin 86(2) 420-428, Table 2: 6 targets x 4 judges.
std::vector<ItemRatings> shrout_fleiss_table_2() {
    return {ratings({9, 2, 5, 8}), ratings({6, 1, 3, 2}), ratings({8, 4, 6, 8}),
            ratings({7, 1, 2, 6}), ratings({10, 5, 6, 9}), ratings({6, 2, 4, 7})};
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

TEST_CASE("item spread: min, max, spread, median and divergence", "[unit][moderation]") {
    // domain.md 6: divergent when max - min reaches the threshold (default 2).
    SECTION("5, 4, 3: spread 2 reaches 2 (domiciliary_care README section 8, B01 Q5)") {
        const auto s = item_spread({5, 4, 3}, rules(2));
        CHECK(s.count == 3);
        CHECK(s.min == 3);
        CHECK(s.max == 5);
        CHECK(s.spread == 2);
        CHECK(s.median == 4);
        CHECK(s.divergent);
    }
    SECTION("4, 4, 3: spread 1 is within tolerance") {
        const auto s = item_spread({4, 4, 3}, rules(2));
        CHECK(s.spread == 1);
        CHECK(s.median == 4);
        CHECK_FALSE(s.divergent);
    }
    SECTION("even count: the median is the mean of the middle two") {
        const auto s = item_spread({4, 1, 3, 2}, rules(3));
        CHECK(s.median == 2.5);
        CHECK(s.spread == 3);
        CHECK(s.divergent);
    }
    SECTION("3.7 and 1.7: 1.9999999999999998 in binary still reaches 2") {
        CHECK(item_spread({3.7, 1.7}, rules(2)).divergent);
        CHECK_FALSE(item_spread({3.6, 1.7}, rules(2)).divergent);
    }
    SECTION("one score: spread 0, never divergent under a threshold above 0") {
        const auto s = item_spread({3}, rules(0.5));
        CHECK(s.count == 1);
        CHECK(s.median == 3);
        CHECK_FALSE(s.divergent);
    }
    SECTION("no scores (all abstained): count 0, every value 0, not divergent") {
        const auto s = item_spread({}, rules(2));
        CHECK(s.count == 0);
        CHECK(s.min == 0);
        CHECK(s.max == 0);
        CHECK(s.spread == 0);
        CHECK(s.median == 0);
        CHECK_FALSE(s.divergent);
    }
    SECTION("a NaN score is an input error, not a silent gap") {
        CHECK_THROWS_AS(item_spread({3, kNaN}, rules(2)), std::invalid_argument);
    }
}

TEST_CASE("spread bands at 20% and 50% of the scale range", "[unit][moderation]") {
    // Vendors' convention quoted in domain.md 6: green < 20% <= amber < 50% <= red.
    const Scale s4 = integer_scale("s4", 4), s5 = integer_scale("s5", 5), s10 = integer_scale("s10", 10);
    CHECK(spread_band(0, s4) == SpreadBand::green);
    CHECK(spread_band(1, s4) == SpreadBand::amber);  // 25%
    CHECK(spread_band(2, s4) == SpreadBand::red);    // 50%
    CHECK(spread_band(1, s5) == SpreadBand::amber);  // 20% exactly
    CHECK(spread_band(2, s5) == SpreadBand::amber);  // 40%
    CHECK(spread_band(3, s5) == SpreadBand::red);    // 60%
    CHECK(spread_band(1, s10) == SpreadBand::green);  // 10%
    CHECK(spread_band(5, s10) == SpreadBand::red);    // 50% exactly
    CHECK(to_string(SpreadBand::amber) == "amber");
    CHECK_THROWS_AS(spread_band(1, Scale{}), std::invalid_argument);  // no points, no range
}

TEST_CASE("suggested consensus: the median, or nothing when it is not an allowed score", "[unit][moderation]") {
    const Scale s4 = integer_scale("s4", 4);
    CHECK(suggested_consensus({3, 4, 2}, s4) == std::optional<double>(3));
    CHECK(suggested_consensus({3, 3, 4, 4, 4}, s4) == std::optional<double>(4));
    CHECK(suggested_consensus({3, 3}, s4) == std::optional<double>(3));
    CHECK(suggested_consensus({2}, s4) == std::optional<double>(2));
    SECTION("3 and 4 give 3.5: not a point, no intermediate values: the panel must choose") {
        CHECK_FALSE(suggested_consensus({3, 4}, s4));
        CHECK_FALSE(suggested_consensus({1, 3, 4, 4}, s4));
    }
    SECTION("3.5 is suggested where the scale allows it") {
        CHECK(suggested_consensus({3, 4}, integer_scale("s4i", 4, true)) == std::optional<double>(3.5));
        CHECK(suggested_consensus({3, 4}, half_point_scale()) == std::optional<double>(3.5));
    }
    CHECK_FALSE(suggested_consensus({}, s4));
}

TEST_CASE("consensus acceptance: on the scale, with a rationale", "[unit][moderation]") {
    const Scale s4 = integer_scale("s4", 4);
    const std::string why = "Co-produced plans and the 6-week review (pp.3-5) are specific and credible.";
    CHECK(consensus_problems(3, why, s4).empty());
    SECTION("not a point of a scale without intermediate values") {
        const auto p = consensus_problems(2.5, why, s4);
        REQUIRE(p.size() == 1);
        CHECK(p[0] == "consensus score 2.5 is not a point of scale s4 (points: 0, 1, 2, 3, 4)");
    }
    SECTION("intermediate scale: inside the range is fine, outside is not") {
        const Scale s4i = integer_scale("s4i", 4, true);
        CHECK(consensus_problems(2.5, why, s4i).empty());
        const auto p = consensus_problems(4.5, why, s4i);
        REQUIRE(p.size() == 1);
        CHECK(p[0] == "consensus score 4.5 is outside scale s4i (0 to 4)");
    }
    SECTION("empty, whitespace-only and no-break-space-only rationales are refused") {
        for (const std::string blank : {"", "   ", "\t\n\r ", "\xC2\xA0\xE2\x80\x83\xE3\x80\x80"}) {
            const auto p = consensus_problems(3, blank, s4);
            REQUIRE(p.size() == 1);
            CHECK(p[0].find("rationale is empty") != std::string::npos);
        }
    }
    SECTION("both problems at once, and NaN") {
        CHECK(consensus_problems(7, "", s4).size() == 2);
        const auto p = consensus_problems(kNaN, why, s4);
        REQUIRE(p.size() == 1);
        CHECK(p[0] == "the consensus score is not a number");
    }
}

TEST_CASE("short rationale warning: fewer than 6 words or 40 characters", "[unit][moderation]") {
    CHECK_FALSE(rationale_warning("Co-produced plans and the 6-week review (pp.3-5) are specific and credible."));
    CHECK(rationale_warning("Agreed 4."));
    // 6 words in 31 characters: warned on characters.
    CHECK(*rationale_warning("Good. OK. Fine. Met. Yes. Done.") ==
          "the rationale is very short (6 words, 31 characters): say which parts of the bid support the score");
    // One 41-character word: warned on words.
    CHECK(rationale_warning("See-section-3.2-pages-14-to-16-of-the-bid"));
    // Exactly 6 words and 40 characters after trimming, runs of spaces counted once: no warning.
    CHECK_FALSE(rationale_warning("  Strong plan,  p.5 cites 3 named partners. \n"));
    // Code points, not bytes: 39 characters (42 bytes: é, é and à take two each).
    CHECK(rationale_warning("Café déjà vu: p.5 shows the rota is ok."));
    CHECK_FALSE(rationale_warning("   "));  // blank is refused by consensus_problems, not warned
}

TEST_CASE("enhanced consensus takes the median only for in-tolerance items", "[unit][moderation]") {
    const Scale s5 = integer_scale("s5", 5);
    const auto automatic = [&](const std::vector<double>& scores, const ModerationRules& r) {
        return automatic_consensus(item_spread(scores, r), scores, s5, r);
    };
    CHECK(automatic({4, 4, 3}, rules(2, true)) == std::optional<double>(4));
    CHECK(automatic({2, 3, 3}, rules(2, true)) == std::optional<double>(3));
    CHECK_FALSE(automatic({4, 4, 3}, rules(2, false)));  // option off: the panel decides everything
    CHECK_FALSE(automatic({5, 4, 3}, rules(2, true)));   // divergent
    CHECK_FALSE(automatic({3, 4}, rules(2, true)));      // median 3.5 is not a point
    CHECK_FALSE(automatic({4}, rules(2, true)));         // one evaluator alone never decides
    CHECK_FALSE(automatic({}, rules(2, true)));
    CHECK(automatic_consensus(item_spread({3, 4}, rules(2, true)), {3, 4}, integer_scale("s5i", 5, true),
                              rules(2, true)) == std::optional<double>(3.5));
    CHECK_THROWS_AS(automatic_consensus(item_spread({4, 4}, rules(2, true)), {4, 4, 3}, s5, rules(2, true)),
                    std::invalid_argument);
}

TEST_CASE("evaluator deviations from the consensus", "[unit][moderation]") {
    // Worked by hand. Item 1 on 0-4 (consensus 3): E1 4, E2 2, E3 3.
    //                 Item 2 on 0-10 (consensus 6): E1 8, E2 6.  (E3 abstained)
    // E1: deviations +1, +2 -> mean 1.5; % of range 25, 20 -> mean 22.5; absolute the same.
    // E2: deviations -1, 0  -> mean -0.5, absolute 0.5; % -25, 0 -> -12.5, absolute 12.5.
    // E3: deviation 0 on one item.
    const std::vector<ModeratedItem> items{{3, 4, {{"E1", 4}, {"E2", 2}, {"E3", 3}}}, {6, 10, {{"E1", 8}, {"E2", 6}}}};
    const auto d = evaluator_deviations(items);
    REQUIRE(d.size() == 3);
    CHECK(d[0].evaluator == "E1");
    CHECK(d[0].items == 2);
    CHECK(d[0].mean_signed == Approx(1.5));
    CHECK(d[0].mean_absolute == Approx(1.5));
    CHECK(d[0].mean_signed_percent == Approx(22.5));
    CHECK(d[0].mean_absolute_percent == Approx(22.5));
    CHECK(d[1].evaluator == "E2");
    CHECK(d[1].mean_signed == Approx(-0.5));
    CHECK(d[1].mean_absolute == Approx(0.5));
    CHECK(d[1].mean_signed_percent == Approx(-12.5));
    CHECK(d[1].mean_absolute_percent == Approx(12.5));
    CHECK(d[2].evaluator == "E3");
    CHECK(d[2].items == 1);
    CHECK(d[2].mean_signed == 0);
    SECTION("no items, or items nobody scored: no rows") {
        CHECK(evaluator_deviations({}).empty());
        CHECK(evaluator_deviations({{3, 4, {}}}).empty());
    }
    SECTION("input errors throw") {
        CHECK_THROWS_AS(evaluator_deviations({{3, 0, {{"E1", 3}}}}), std::invalid_argument);
        CHECK_THROWS_AS(evaluator_deviations({{kNaN, 4, {{"E1", 3}}}}), std::invalid_argument);
        CHECK_THROWS_AS(evaluator_deviations({{3, 4, {{"E1", 3}, {"E1", 4}}}}), std::invalid_argument);
    }
}

TEST_CASE("ICC(1,1) and ICC(2,1) on Shrout & Fleiss 1979 Table 2", "[unit][moderation]") {
    // Published (Table 2 and Table 4): BMS 11.24, WMS 6.26; ICC(1,1) = .17, ICC(2,1) = .29.
    const auto a = panel_agreement(shrout_fleiss_table_2());
    CHECK(a.items_used == 6);
    CHECK(a.ratings_used == 24);
    CHECK(a.between_items_ms == Approx(11.24).margin(0.005));
    CHECK(a.within_items_ms == Approx(6.26).margin(0.005));
    CHECK(a.n0 == Approx(4));  // equal group sizes: n0 = k judges
    REQUIRE(a.icc);
    CHECK(*a.icc == Approx(0.17).margin(0.005));
    CHECK(*a.icc == Approx(0.1657417684));  // exact: 4.9778 / 30.0333
    REQUIRE(a.icc_2_1);
    CHECK(*a.icc_2_1 == Approx(0.29).margin(0.005));
    CHECK(a.definition.find("ICC(1,1)") != std::string::npos);
    CHECK(a.definition_2_1.find("ICC(2,1)") != std::string::npos);
}

TEST_CASE("ICC(1,1) with unequal ratings per item", "[unit][moderation]") {
    // Worked by hand (exact fractions). Items A: 2,3,4  B: 1,1  C: 4,3,4,5  -> k = 3, N = 9.
    //   grand mean 27/9 = 3; item means 3, 1, 4.
    //   SSB = 3(0)^2 + 2(-2)^2 + 4(1)^2 = 12,  BMS = 12 / (k-1) = 6.
    //   SSW = (1+0+1) + 0 + (0+1+0+1) = 4,     WMS = 4 / (N-k) = 2/3.
    //   n0 = (9 - (9+4+16)/9) / 2 = 26/9.
    //   ICC = (6 - 2/3) / (6 + (17/9)(2/3)) = (16/3) / (196/27) = 36/49 = 0.734694.
    // An item with a single rating (D: 5) is left out; ICC(2,1) needs complete data: nullopt.
    std::vector<ItemRatings> items{ratings({2, 3, 4}), ratings({1, 1}), ratings({4, 3, 4, 5}), ratings({5})};
    const auto a = panel_agreement(items);
    CHECK(a.items_used == 3);
    CHECK(a.ratings_used == 9);
    CHECK(a.between_items_ms == Approx(6));
    CHECK(a.within_items_ms == Approx(2.0 / 3));
    CHECK(a.n0 == Approx(26.0 / 9));
    REQUIRE(a.icc);
    CHECK(*a.icc == Approx(36.0 / 49));
    CHECK_FALSE(a.icc_2_1);
}

TEST_CASE("ICC edge cases: identical scores, one item, no items, incomplete panels", "[unit][moderation]") {
    SECTION("every score identical: 0/0, so no ICC rather than NaN") {
        const auto a = panel_agreement({ratings({3, 3, 3}), ratings({3, 3, 3})});
        CHECK(a.items_used == 2);
        CHECK_FALSE(a.icc);
        CHECK_FALSE(a.icc_2_1);
    }
    SECTION("identical decimal scores whose sums do not round-trip") {
        const auto a = panel_agreement({ratings({0.1, 0.1, 0.1}), ratings({0.1, 0.1, 0.1})});
        CHECK_FALSE(a.icc);
    }
    SECTION("a single item") {
        const auto a = panel_agreement({ratings({1, 2, 4})});
        CHECK(a.items_used == 1);
        CHECK(a.ratings_used == 3);
        CHECK_FALSE(a.icc);
        CHECK_FALSE(a.icc_2_1);
    }
    SECTION("no items, or only single ratings") {
        CHECK_FALSE(panel_agreement({}).icc);
        const auto a = panel_agreement({ratings({1}), ratings({3}), {}});
        CHECK(a.items_used == 0);
        CHECK_FALSE(a.icc);
    }
    SECTION("perfect agreement within items, different items: ICC 1") {
        const auto a = panel_agreement({ratings({1, 1}), ratings({4, 4})});
        REQUIRE(a.icc);
        CHECK(*a.icc == Approx(1));
        REQUIRE(a.icc_2_1);
        CHECK(*a.icc_2_1 == Approx(1));
    }
    SECTION("same sizes but different evaluators: ICC(1,1) yes, ICC(2,1) no") {
        const auto a = panel_agreement({{{"E1", 1}, {"E2", 2}}, {{"E1", 4}, {"E3", 4}}});
        CHECK(a.icc);
        CHECK_FALSE(a.icc_2_1);
    }
    SECTION("column order does not depend on input order") {
        auto items = shrout_fleiss_table_2();
        std::swap(items[2][0], items[2][3]);  // same evaluators and scores, listed differently
        CHECK(*panel_agreement(items).icc_2_1 == Approx(0.2897637795));
    }
    SECTION("input errors throw") {
        CHECK_THROWS_AS(panel_agreement({{{"E1", 1}, {"E1", 2}}}), std::invalid_argument);
        CHECK_THROWS_AS(panel_agreement({ratings({1, kNaN})}), std::invalid_argument);
    }
}

TEST_CASE("moderation figures of the domiciliary_care sample tender", "[unit][moderation]") {
    // sample_tenders/domiciliary_care/README.md section 8: 10 of 88 items divergent at 2;
    // mean (individual - consensus): E1 +0.057, E2 +0.159, E3 -0.477.
    const auto package = core::read_package(TENDERBENCH_SOURCE_DIR "/sample_tenders/domiciliary_care");
    const Lot& lot = package.framework.lots.front();
    std::vector<ModeratedItem> items;
    std::size_t divergent = 0;
    for (const auto& record : package.scores) {
        if (!record.consensus) continue;
        const Scale* scale = package.framework.scale(find_criterion(lot, record.criterion)->scale_id);
        REQUIRE(scale);
        ModeratedItem item{record.consensus->score, scale->maximum() - scale->minimum(), {}};
        std::vector<double> scores;
        for (const auto& s : record.individual) {
            if (!s.score) continue;
            item.scores.push_back({s.evaluator, *s.score});
            scores.push_back(*s.score);
        }
        if (item_spread(scores, lot.moderation).divergent) ++divergent;
        items.push_back(std::move(item));
    }
    CHECK(items.size() == 88);
    CHECK(divergent == 10);
    const auto d = evaluator_deviations(items);
    REQUIRE(d.size() == 3);
    CHECK(d[0].mean_signed == Approx(0.057).margin(0.0005));
    CHECK(d[1].mean_signed == Approx(0.159).margin(0.0005));
    CHECK(d[2].mean_signed == Approx(-0.477).margin(0.0005));
    CHECK(d[2].mean_signed_percent == Approx(-0.477 / 5 * 100).margin(0.01));  // one 0-5 scale
}
