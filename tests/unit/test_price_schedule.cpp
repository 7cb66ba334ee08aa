// Price schedules: evaluated price = sum of unit rate x evaluated quantity (scoring/price_schedule.h).
#include <catch2/catch.hpp>

#include <limits>

#include "scoring/price_schedule.h"

using scoring::PriceLine;

TEST_CASE("line totals are rate x quantity rounded half away from zero, exactly", "[unit][schedule]") {
    // Hand-computed: 12.34 x 2.5 = 30.85 exactly.
    CHECK(scoring::line_total({"1", "", "", 1234, 2.5}) == 3085);
    // 0.01 x 0.5 = 0.005, rounds half away from zero to 0.01.
    CHECK(scoring::line_total({"1", "", "", 1, 0.5}) == 1);
    // 10.00 x 0.35 = 3.50 exactly, although 0.35 is 0.34999999999999997 in binary.
    CHECK(scoring::line_total({"1", "", "", 1000, 0.35}) == 350);
    // 0.07 x 0.35 = 0.0245 -> 0.02 (below the half).
    CHECK(scoring::line_total({"1", "", "", 7, 0.35}) == 2);
    // 4.50 x 0.333333 = 1.4999985 -> 1.50.
    CHECK(scoring::line_total({"1", "", "", 450, 0.333333}) == 150);
    // A nil rate is a priced line at nil.
    CHECK(scoring::line_total({"1", "", "", 0, 120}) == 0);
}

TEST_CASE("a schedule totals its rounded lines: a highways bill of quantities", "[unit][schedule]") {
    // Hand-computed from a three-line minor-works schedule of rates:
    //   1.1 Planing 50 mm, 1,250 m2 at 4.85   =  6,062.50
    //   1.2 Surface course, 62.5 t at 96.40    =  6,025.00
    //   2.1 Kerb renewal, 37.5 m at 28.333 is not money (3 decimals): use 28.33 -> 1,062.375 -> 1,062.38
    const std::vector<PriceLine> lines{{"1.1", "Planing 50 mm", "m2", 485, 1250},
                                       {"1.2", "Surface course", "t", 9640, 62.5},
                                       {"2.1", "Kerb renewal", "m", 2833, 37.5}};
    CHECK(scoring::line_total(lines[2]) == 106238);
    CHECK(scoring::schedule_total(lines) == 606250 + 602500 + 106238);
    CHECK(scoring::schedule_total({}) == 0);
}

TEST_CASE("quantities: six decimals at most, never negative or infinite", "[unit][schedule]") {
    CHECK(scoring::quantity_micro(1.5) == 1500000);
    CHECK(scoring::quantity_micro(0.000001) == 1);
    CHECK_FALSE(scoring::quantity_micro(0.0000001).has_value());
    CHECK_FALSE(scoring::quantity_micro(-1).has_value());
    CHECK_FALSE(scoring::quantity_micro(std::numeric_limits<double>::infinity()).has_value());
    CHECK_FALSE(scoring::quantity_micro(std::numeric_limits<double>::quiet_NaN()).has_value());
    CHECK_FALSE(scoring::line_total({"1", "", "", 100, -2}).has_value());
}

TEST_CASE("overflow is reported, not wrapped", "[unit][schedule]") {
    const auto max = std::numeric_limits<scoring::Money>::max();
    CHECK_FALSE(scoring::line_total({"1", "", "", max, 2}).has_value());
    CHECK_FALSE(scoring::schedule_total({{"1", "", "", max, 1}, {"2", "", "", 1, 1}}).has_value());
    CHECK(scoring::line_total({"1", "", "", max, 1}) == max);
}

TEST_CASE("a lot's schedules must price the same items at the same evaluated quantities", "[unit][schedule]") {
    const std::vector<PriceLine> a{{"1.1", "", "m2", 485, 1250}, {"1.2", "", "t", 9640, 62.5}};
    const std::vector<PriceLine> same_items{{"1.2", "", "t", 9000, 62.5}, {"1.1", "", "m2", 500, 1250}};
    const std::vector<PriceLine> other_quantity{{"1.1", "", "m2", 485, 1200}, {"1.2", "", "t", 9640, 62.5}};
    const std::vector<PriceLine> missing{{"1.1", "", "m2", 485, 1250}};
    const std::vector<PriceLine> twice{{"1.1", "", "m2", 485, 1250}, {"1.1", "", "m2", 485, 1250},
                                       {"1.2", "", "t", 1, 62.5}};

    SECTION("the same items in any order: no problem") {
        CHECK(scoring::schedule_problems({{"B01", &a}, {"B02", &same_items}}).empty());
    }
    SECTION("no schedules at all: no problem (lump-sum prices)") {
        CHECK(scoring::schedule_problems({{"B01", nullptr}, {"B02", nullptr}}).empty());
    }
    SECTION("a different evaluated quantity names both bids") {
        const auto p = scoring::schedule_problems({{"B01", &a}, {"B02", &other_quantity}});
        REQUIRE(p.size() == 1);
        CHECK(p[0].bid == 1);
        CHECK(p[0].line == std::optional<std::size_t>(0));
        CHECK_THAT(p[0].message, Catch::Contains("1200 in bid B02 but 1250 in bid B01"));
    }
    SECTION("an unpriced item") {
        const auto p = scoring::schedule_problems({{"B01", &a}, {"B02", &missing}});
        REQUIRE(p.size() == 1);
        CHECK_THAT(p[0].message, Catch::Contains("bid B02 does not price item 1.2"));
    }
    SECTION("a bid without a schedule among bids with one; an excluded bid is not compared") {
        const auto p = scoring::schedule_problems({{"B01", &a}, {"B02", nullptr}, {"B03", nullptr, true}});
        REQUIRE(p.size() == 1);
        CHECK_THAT(p[0].message, Catch::Contains("bid B02 has no price schedule"));
    }
    SECTION("an item twice in one bid") {
        const auto p = scoring::schedule_problems({{"B01", &a}, {"B02", &twice}});
        REQUIRE(p.size() == 1);
        CHECK(p[0].line == std::optional<std::size_t>(1));
        CHECK_THAT(p[0].message, Catch::Contains("item 1.1 appears twice in bid B02"));
    }
}
