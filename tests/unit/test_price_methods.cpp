// Price scoring methods, domain.md section 4 (and docs/formats.md <price>): every expected value
// below is worked by hand from the formula, in the notation S, P, Pmin, Pmax, d, C, n, Plow, Phigh.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "scoring/price_methods.h"
#include "scoring_test_helpers.h"

using namespace scoring;

namespace {

PriceRule rule(PriceMethod method) {
    PriceRule r;
    r.method = method;
    r.declared = true;
    return r;
}

// The field used by most cases: Pmin = 1,000.00, Pmax = 2,000.00 (in pence); S = 40.
const PriceField field{100000, 200000};
constexpr double S = 40;

double marks(const PriceRule& r, Money p, const PriceField& f = field, double s = S) {
    return price_marks(r, p, f, s);
}

}  // namespace

TEST_CASE("lowest_ratio: S x Pmin / P", "[unit][price]") {
    const auto r = rule(PriceMethod::lowest_ratio);
    // 40 x 1000/1000 = 40
    CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));
    // 40 x 1000/1200 = 100/3 = 33.333...
    CHECK(marks(r, 120000) == Approx(100.0 / 3.0).margin(1e-9));
    // 40 x 1000/1500 = 80/3 = 26.666...
    CHECK(marks(r, 150000) == Approx(80.0 / 3.0).margin(1e-9));
    // 40 x 1000/2000 = 20
    CHECK(marks(r, 200000) == Approx(20.0).margin(1e-9));
    // 40 x 1000/8000 = 5: never reaches zero
    CHECK(marks(r, 800000) == Approx(5.0).margin(1e-9));
}

TEST_CASE("linear_from_lowest with d = 1 (South African PPPFA form)", "[unit][price]") {
    auto r = rule(PriceMethod::linear_from_lowest);
    r.spread = 1.0;
    // 40 x max(0, 1 - (P - 1000) / (1 x 1000))
    CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));  // 1 - 0 = 1
    CHECK(marks(r, 120000) == Approx(32.0).margin(1e-9));  // 1 - 0.2 = 0.8 -> 32
    CHECK(marks(r, 150000) == Approx(20.0).margin(1e-9));  // 1 - 0.5 = 0.5 -> 20
    CHECK(marks(r, 175000) == Approx(10.0).margin(1e-9));  // 1 - 0.75 = 0.25 -> 10
    CHECK(marks(r, 200000) == Approx(0.0).margin(1e-9));   // 1 - 1 = 0 at 2 x Pmin
    CHECK(marks(r, 250000) == Approx(0.0).margin(1e-9));   // max(0, -0.5) = 0, never negative
    // PPPFA 80/20 points: 80 x (1 - (Pt - Pmin)/Pmin), Pmin 500, Pt 600 -> 80 x 0.8 = 64
    CHECK(price_marks(r, 60000, PriceField{50000, 60000}, 80) == Approx(64.0).margin(1e-9));
}

TEST_CASE("linear_from_lowest with d = 0.5 (Swiss practice)", "[unit][price]") {
    auto r = rule(PriceMethod::linear_from_lowest);
    r.spread = 0.5;
    // 40 x max(0, 1 - (P - 1000) / 500)
    CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));  // 1
    CHECK(marks(r, 110000) == Approx(32.0).margin(1e-9));  // 1 - 100/500 = 0.8
    CHECK(marks(r, 120000) == Approx(24.0).margin(1e-9));  // 1 - 200/500 = 0.6
    CHECK(marks(r, 140000) == Approx(8.0).margin(1e-9));   // 1 - 400/500 = 0.2
    CHECK(marks(r, 150000) == Approx(0.0).margin(1e-9));   // 1 - 1 = 0 at 1.5 x Pmin
    CHECK(marks(r, 200000) == Approx(0.0).margin(1e-9));   // 1 - 2 < 0 -> 0
}

TEST_CASE("linear_min_max: S x (Pmax - P) / (Pmax - Pmin)", "[unit][price]") {
    const auto r = rule(PriceMethod::linear_min_max);
    // Pmax - Pmin = 1000
    CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));  // 1000/1000
    CHECK(marks(r, 120000) == Approx(32.0).margin(1e-9));  // 800/1000
    CHECK(marks(r, 150000) == Approx(20.0).margin(1e-9));  // 500/1000
    CHECK(marks(r, 190000) == Approx(4.0).margin(1e-9));   // 100/1000
    CHECK(marks(r, 200000) == Approx(0.0).margin(1e-9));   // the highest price gets 0
}

TEST_CASE("linear_min_max gives everyone S when Pmax = Pmin", "[unit][price]") {
    const auto r = rule(PriceMethod::linear_min_max);
    // (Pmax - P)/(Pmax - Pmin) would be 0/0: domain.md says "all S when Pmax = Pmin".
    const double m = price_marks(r, 150000, PriceField{150000, 150000}, S);
    CHECK_FALSE(std::isnan(m));
    CHECK(m == Approx(40.0).margin(1e-9));
}

TEST_CASE("ceiling_pro_rata: S x max(0, (C - P) / (C - Pmin))", "[unit][price]") {
    auto r = rule(PriceMethod::ceiling_pro_rata);
    r.ceiling = 250000;  // C = 2,500.00; C - Pmin = 1,500
    CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));           // 1500/1500
    CHECK(marks(r, 120000) == Approx(40.0 * 13 / 15).margin(1e-9));  // 1300/1500 -> 34.666...
    CHECK(marks(r, 150000) == Approx(80.0 / 3.0).margin(1e-9));     // 1000/1500 -> 26.666...
    CHECK(marks(r, 200000) == Approx(40.0 / 3.0).margin(1e-9));     // 500/1500 -> 13.333...
    CHECK(marks(r, 250000) == Approx(0.0).margin(1e-9));            // at the ceiling: 0
    CHECK(marks(r, 300000) == Approx(0.0).margin(1e-9));            // above it: max(0, -500/1500) = 0
}

TEST_CASE("ceiling_pro_rata with the ceiling at or below Pmin gives 0, never NaN or infinity", "[unit][price]") {
    auto r = rule(PriceMethod::ceiling_pro_rata);
    SECTION("ceiling equal to Pmin: (C - P)/(C - Pmin) would be 0/0") {
        r.ceiling = 100000;
        for (Money p : {Money{100000}, Money{150000}, Money{200000}}) {
            const double m = marks(r, p);
            CHECK(std::isfinite(m));
            CHECK(m == Approx(0.0).margin(1e-9));
        }
    }
    SECTION("ceiling below Pmin: every price is above the ceiling") {
        r.ceiling = 90000;
        for (Money p : {Money{100000}, Money{150000}, Money{200000}}) {
            const double m = marks(r, p);
            CHECK(std::isfinite(m));
            CHECK(m == Approx(0.0).margin(1e-9));
        }
    }
}

TEST_CASE("power_ratio: S x (Pmin / P)^n", "[unit][price]") {
    auto r = rule(PriceMethod::power_ratio);
    SECTION("n = 2, the Swiss prix au carre") {
        r.exponent = 2;
        CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));              // 1^2
        CHECK(marks(r, 120000) == Approx(40.0 * 25 / 36).margin(1e-9));    // (5/6)^2 = 25/36 -> 27.777...
        CHECK(marks(r, 150000) == Approx(40.0 * 4 / 9).margin(1e-9));      // (2/3)^2 = 4/9 -> 17.777...
        CHECK(marks(r, 200000) == Approx(10.0).margin(1e-9));              // (1/2)^2 = 1/4
    }
    SECTION("n = 3, the cube variant") {
        r.exponent = 3;
        CHECK(marks(r, 100000) == Approx(40.0).margin(1e-9));              // 1^3
        CHECK(marks(r, 120000) == Approx(40.0 * 125 / 216).margin(1e-9));  // (5/6)^3 -> 23.148...
        CHECK(marks(r, 150000) == Approx(40.0 * 8 / 27).margin(1e-9));     // (2/3)^3 -> 11.851...
        CHECK(marks(r, 200000) == Approx(5.0).margin(1e-9));               // (1/2)^3 = 1/8
    }
}

TEST_CASE("absolute_scale: S x clamp((Phigh - P) / (Phigh - Plow), 0, 1)", "[unit][price]") {
    auto r = rule(PriceMethod::absolute_scale);
    r.low = 80000;    // Plow = 800.00
    r.high = 240000;  // Phigh = 2,400.00; Phigh - Plow = 1,600
    CHECK(marks(r, 100000) == Approx(35.0).margin(1e-9));  // 1400/1600 = 0.875
    CHECK(marks(r, 160000) == Approx(20.0).margin(1e-9));  // 800/1600 = 0.5
    CHECK(marks(r, 200000) == Approx(10.0).margin(1e-9));  // 400/1600 = 0.25
    CHECK(marks(r, 80000) == Approx(40.0).margin(1e-9));   // at Plow: 1
    CHECK(marks(r, 240000) == Approx(0.0).margin(1e-9));   // at Phigh: 0
    SECTION("clamped below Plow") {
        // 2400 - 700 = 1700; 1700/1600 = 1.0625 -> clamp to 1
        CHECK(marks(r, 70000) == Approx(40.0).margin(1e-9));
        CHECK(marks(r, 1) == Approx(40.0).margin(1e-9));
    }
    SECTION("clamped above Phigh") {
        // 2400 - 2500 = -100 -> clamp to 0
        CHECK(marks(r, 250000) == Approx(0.0).margin(1e-9));
        CHECK(marks(r, 10000000) == Approx(0.0).margin(1e-9));
    }
    SECTION("independent of the other bids") {
        // Same P = 1,000.00 with a different field: still 35.
        CHECK(price_marks(r, 100000, PriceField{50000, 900000}, S) == Approx(35.0).margin(1e-9));
        CHECK(price_marks(r, 100000, PriceField{100000, 100000}, S) == Approx(35.0).margin(1e-9));
    }
}

TEST_CASE("relative methods give full marks to a single bid and to equal prices", "[unit][price]") {
    // One bid: Pmin = Pmax = P. lowest_ratio S x 1; linear_from_lowest 1 - 0; linear_min_max "all S";
    // ceiling (C - P)/(C - P) = 1; power 1^n = 1.
    const PriceField one{123456, 123456};
    auto lf = rule(PriceMethod::linear_from_lowest);
    lf.spread = 0.5;
    auto cp = rule(PriceMethod::ceiling_pro_rata);
    cp.ceiling = 200000;
    auto pr = rule(PriceMethod::power_ratio);
    pr.exponent = 3;
    for (const auto& r : {rule(PriceMethod::lowest_ratio), lf, rule(PriceMethod::linear_min_max), cp, pr}) {
        INFO(to_string(r.method));
        CHECK(price_marks(r, 123456, one, 40) == Approx(40.0).margin(1e-9));
        CHECK(price_marks(r, 123456, one, 25) == Approx(25.0).margin(1e-9));
    }
}

TEST_CASE("price_marks rejects a zero or negative price with std::invalid_argument", "[unit][price]") {
    auto lf = rule(PriceMethod::linear_from_lowest);
    auto cp = rule(PriceMethod::ceiling_pro_rata);
    cp.ceiling = 300000;
    auto as = rule(PriceMethod::absolute_scale);
    as.low = 50000;
    as.high = 300000;
    for (const auto& r : {rule(PriceMethod::lowest_ratio), lf, rule(PriceMethod::linear_min_max), cp,
                          rule(PriceMethod::power_ratio), as}) {
        INFO(to_string(r.method));
        CHECK_THROWS_AS(price_marks(r, 0, field, S), std::invalid_argument);
        CHECK_THROWS_AS(price_marks(r, -100, field, S), std::invalid_argument);
        // a field whose lowest price is zero or negative (the division in lowest_ratio etc.)
        CHECK_THROWS_AS(price_marks(r, 100000, PriceField{0, 100000}, S), std::invalid_argument);
        CHECK_THROWS_AS(price_marks(r, 100000, PriceField{-5, 100000}, S), std::invalid_argument);
    }
}

TEST_CASE("price_marks rejects parameters outside their domain", "[unit][price]") {
    auto lf = rule(PriceMethod::linear_from_lowest);
    lf.spread = 0;
    CHECK_THROWS_AS(marks(lf, 120000), std::invalid_argument);
    lf.spread = -1;
    CHECK_THROWS_AS(marks(lf, 120000), std::invalid_argument);
    lf.spread = std::nan("");
    CHECK_THROWS_AS(marks(lf, 120000), std::invalid_argument);
    auto pr = rule(PriceMethod::power_ratio);
    pr.exponent = 0;
    CHECK_THROWS_AS(marks(pr, 120000), std::invalid_argument);
    auto as = rule(PriceMethod::absolute_scale);
    as.low = 200000;
    as.high = 200000;
    CHECK_THROWS_AS(marks(as, 120000), std::invalid_argument);
    as.high = 100000;
    CHECK_THROWS_AS(marks(as, 120000), std::invalid_argument);
}

TEST_CASE("price_marks never returns NaN and stays within 0..S", "[unit][price]") {
    std::vector<PriceRule> rules;
    rules.push_back(rule(PriceMethod::lowest_ratio));
    for (double d : {0.25, 0.5, 1.0, 2.0}) {
        auto r = rule(PriceMethod::linear_from_lowest);
        r.spread = d;
        rules.push_back(r);
    }
    rules.push_back(rule(PriceMethod::linear_min_max));
    for (Money c : {Money{1}, Money{100000}, Money{150000}, Money{400000}}) {
        auto r = rule(PriceMethod::ceiling_pro_rata);
        r.ceiling = c;
        rules.push_back(r);
    }
    for (double n : {0.5, 1.0, 2.0, 3.0}) {
        auto r = rule(PriceMethod::power_ratio);
        r.exponent = n;
        rules.push_back(r);
    }
    {
        auto r = rule(PriceMethod::absolute_scale);
        r.low = 0;
        r.high = 1;
        rules.push_back(r);
        r.low = 100000;
        r.high = 100001;
        rules.push_back(r);
    }
    const std::vector<PriceField> fields{{1, 1}, {100000, 100000}, {100000, 100001}, {100000, 200000}, {1, 900000000}};
    for (const auto& r : rules) {
        for (const auto& f : fields) {
            for (Money p : {f.pmin, f.pmax, (f.pmin + f.pmax) / 2, f.pmax * 3, Money{1}}) {
                if (p < f.pmin) continue;  // prices in contention are never below Pmin
                const double m = price_marks(r, p, f, S);
                INFO(to_string(r.method) << " P=" << p << " Pmin=" << f.pmin << " Pmax=" << f.pmax);
                CHECK(std::isfinite(m));
                CHECK(m >= 0.0);
                CHECK(m <= S + 1e-9);
            }
        }
    }
}

TEST_CASE("describe and formula name the method and its parameters", "[unit][price]") {
    auto lf = rule(PriceMethod::linear_from_lowest);
    lf.spread = 0.5;
    CHECK(formula(lf) == "S * max(0, 1 - (P - Pmin) / (0.5 * Pmin))");
    CHECK(describe(lf).find("50% above the lowest") != std::string::npos);
    auto cp = rule(PriceMethod::ceiling_pro_rata);
    cp.ceiling = 250000;
    CHECK(formula(cp).find("2500.00") != std::string::npos);
    auto pr = rule(PriceMethod::power_ratio);
    pr.exponent = 3;
    CHECK(formula(pr) == "S * (Pmin / P)^3");
    CHECK(formula(rule(PriceMethod::lowest_ratio)) == "S * Pmin / P");
}
