// Ties and rounding, domain.md section 8; drawing lots, docs/formats.md section 3.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "scoring/ties.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

TEST_CASE("at_precision counts units of 10^-precision", "[unit][ties]") {
    // 80.004 x 100 = 8000.4 -> 8000; 79.996 x 100 = 7999.6 -> 8000: equal at 2 decimal places.
    CHECK(at_precision(80.004, 2) == 8000);
    CHECK(at_precision(79.996, 2) == 8000);
    // At 3 decimal places: 80004 and 79996: different.
    CHECK(at_precision(80.004, 3) == 80004);
    CHECK(at_precision(79.996, 3) == 79996);
    CHECK(at_precision(70.0 + 5.0 / 6.0, 2) == 7083);  // 70.8333... -> 7083
    CHECK(at_precision(0.0, 2) == 0);
    CHECK(at_precision(-12.345, 1) == -123);
    CHECK(at_precision(75.0, 0) == 75);
}

namespace {

// Quality only (weight 100), one question on an intermediate 0-100 scale: total = the score.
Framework quality_only(int precision, std::vector<TieBreakRule> rules) {
    auto lot = make_lot({group("QUAL", GroupType::quality, 100, {question("Q1", 100, "s100")})});
    lot.rules.precision = precision;
    lot.tie_breaks = std::move(rules);
    return make_framework({integer_scale("s100", 100, true)}, lot);
}

}  // namespace

TEST_CASE("totals are compared at the declared precision", "[unit][ties]") {
    // A 80.004 at 1,000.00, B 79.996 at 900.00. Marks = 100 x score/100 = the score.
    const std::vector<BidInput> bids{bid("A", 100000), bid("B", 90000)};
    const std::vector<ScoreRow> scores{{{"Q1", 80.004}}, {{"Q1", 79.996}}};
    SECTION("precision 2: 80.00 = 80.00 is a tie; higher_quality is also tied (8000 = 8000), lower_price decides") {
        const auto r = evaluate(quality_only(2, {TieBreakRule::higher_quality, TieBreakRule::lower_price}), bids, scores);
        CHECK(result(r, "A").total == Approx(80.004).margin(1e-9));
        CHECK(result(r, "B").total == Approx(79.996).margin(1e-9));
        CHECK(ranked_ids(r) == std::vector<std::string>{"B", "A"});
        REQUIRE(r.tie_breaks.size() == 1);
        CHECK(r.tie_breaks[0].bids == std::vector<std::string>{"A", "B"});
        CHECK(r.tie_breaks[0].rule == "lower_price");
        CHECK(r.tie_breaks[0].order == std::vector<std::string>{"B", "A"});
        CHECK(result(r, "A").has_flag("tie_break"));
        CHECK(result(r, "B").has_flag("tie_break"));
        CHECK(result(r, "B").rank == std::optional<int>(1));
        CHECK(result(r, "A").rank == std::optional<int>(2));
    }
    SECTION("precision 3: 80.004 > 79.996, no tie") {
        const auto r = evaluate(quality_only(3, {TieBreakRule::higher_quality, TieBreakRule::lower_price}), bids, scores);
        CHECK(ranked_ids(r) == std::vector<std::string>{"A", "B"});
        CHECK(r.tie_breaks.empty());
        CHECK_FALSE(result(r, "A").has_flag("tie_break"));
    }
}

TEST_CASE("tie-break rules apply in the declared order", "[unit][ties]") {
    // Three entries equal on the primary key.
    //   A: quality 50.00, social value 10.00, price 200
    //   B: quality 40.00, social value 20.00, price 100
    //   C: quality 40.00, social value 20.00, price 150
    auto entries = [] {
        std::vector<RankEntry> e(3);
        const char* ids[] = {"A", "B", "C"};
        const std::int64_t q[] = {5000, 4000, 4000};
        const std::int64_t sv[] = {1000, 2000, 2000};
        const Money p[] = {200, 100, 150};
        for (std::size_t i = 0; i < 3; ++i) {
            e[i].index = i;
            e[i].id = ids[i];
            e[i].keys = {-7000};
            e[i].value = 70.0;
            e[i].quality = q[i];
            e[i].social_value = sv[i];
            e[i].price = p[i];
        }
        return e;
    };
    SECTION("higher_quality, lower_price: A (quality 50), then B and C by price 100 < 150") {
        const auto r = rank_entries(entries(), {TieBreakRule::higher_quality, TieBreakRule::lower_price}, {}, 2);
        CHECK(r.order == std::vector<std::size_t>{0, 1, 2});
        CHECK(r.ranks == std::vector<int>{1, 2, 3});
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].rule == "higher_quality");
        CHECK(r.records[0].order == std::vector<std::string>{"A", "B", "C"});
        CHECK(r.records[1].rule == "lower_price");
        CHECK(r.records[1].bids == std::vector<std::string>{"B", "C"});
        CHECK(r.records[1].order == std::vector<std::string>{"B", "C"});
        CHECK(r.problems.empty());
    }
    SECTION("lower_price, higher_quality: B 100, C 150, A 200") {
        const auto r = rank_entries(entries(), {TieBreakRule::lower_price, TieBreakRule::higher_quality}, {}, 2);
        CHECK(r.order == std::vector<std::size_t>{1, 2, 0});
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].rule == "lower_price");
    }
    SECTION("higher_social_value, higher_quality, lower_price: B and C (20) before A (10); quality ties; price") {
        const auto r = rank_entries(entries(),
                                    {TieBreakRule::higher_social_value, TieBreakRule::higher_quality,
                                     TieBreakRule::lower_price},
                                    {}, 2);
        CHECK(r.order == std::vector<std::size_t>{1, 2, 0});
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].rule == "higher_social_value");
        CHECK(r.records[1].rule == "lower_price");  // higher_quality did not separate B and C
    }
}

TEST_CASE("a tie no rule resolves shares the rank and is flagged", "[unit][ties]") {
    std::vector<RankEntry> e(3);
    const char* ids[] = {"X", "Y", "Z"};
    for (std::size_t i = 0; i < 3; ++i) {
        e[i].index = i;
        e[i].id = ids[i];
        e[i].quality = 4000;
        e[i].price = 100;
    }
    e[0].keys = {-8000};  // X and Y tied on 80.00; Z 70.00
    e[1].keys = {-8000};
    e[2].keys = {-7000};
    const auto r = rank_entries(e, {TieBreakRule::higher_quality, TieBreakRule::lower_price}, {}, 2);
    CHECK(r.order == std::vector<std::size_t>{0, 1, 2});
    CHECK(r.ranks == std::vector<int>{1, 1, 3});  // shared rank 1, then 3
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].rule == "unresolved");
    CHECK(r.records[0].bids == std::vector<std::string>{"X", "Y"});
    std::size_t unresolved = 0;
    for (const auto& [index, flag] : r.flags)
        if (flag.code == "tie_unresolved") {
            ++unresolved;
            CHECK(index != 2);
        }
    CHECK(unresolved == 2);
}

TEST_CASE("evaluate_lot: unresolved tie shares the rank and flags tie_unresolved", "[unit][ties]") {
    // Identical bids: same score, same price. Default rules (higher_quality, lower_price) cannot separate them.
    const auto fw = quality_only(2, {TieBreakRule::higher_quality, TieBreakRule::lower_price});
    const auto r = evaluate(fw, {bid("P", 100000), bid("Q", 100000), bid("R", 100000)},
                            {{{"Q1", 70}}, {{"Q1", 70}}, {{"Q1", 60}}});
    CHECK(result(r, "P").rank == std::optional<int>(1));
    CHECK(result(r, "Q").rank == std::optional<int>(1));
    CHECK(result(r, "R").rank == std::optional<int>(3));
    CHECK(result(r, "P").has_flag("tie_unresolved"));
    CHECK(result(r, "Q").has_flag("tie_unresolved"));
    CHECK_FALSE(result(r, "R").has_flag("tie_unresolved"));
}

TEST_CASE("draw_lots: hand-worked draws from the standard mt19937_64 sequence", "[unit][ties]") {
    // The C++ standard fixes std::mt19937_64: seeded with 5489 its first two outputs are
    // 14514284786278117030 and 4620546740167642908.
    std::mt19937_64 engine(5489);
    REQUIRE(engine() == 14514284786278117030ULL);
    REQUIRE(engine() == 4620546740167642908ULL);
    // count 2: i = 2, 2^64 mod 2 = 0 (no rejection), r0 mod 2 = 0 (even) -> swap(order[1], order[0]) -> {1, 0}
    CHECK(draw_lots(2, 5489) == std::vector<std::size_t>{1, 0});
    // count 3: i = 3: 2^64 mod 3 = 1 (2 = -1 mod 3, (-1)^64 = 1); r0 >= 1 is accepted;
    //   r0 mod 3: digit sum of 14514284786278117030 is 79, 79 mod 3 = 1 -> swap(order[2], order[1]) -> {0, 2, 1};
    //   i = 2: r1 = 4620546740167642908 is even -> swap(order[1], order[0]) -> {2, 0, 1}.
    CHECK(draw_lots(3, 5489) == std::vector<std::size_t>{2, 0, 1});
}

TEST_CASE("draw_lots is a reproducible permutation", "[unit][ties]") {
    CHECK(draw_lots(0, 1).empty());
    CHECK(draw_lots(1, 99) == std::vector<std::size_t>{0});
    for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 20270314ULL, 18446744073709551615ULL}) {
        for (std::size_t n : {2u, 3u, 5u, 10u, 37u}) {
            INFO("seed " << seed << " n " << n);
            const auto a = draw_lots(n, seed);
            const auto b = draw_lots(n, seed);
            CHECK(a == b);
            auto sorted = a;
            std::sort(sorted.begin(), sorted.end());
            std::vector<std::size_t> expected(n);
            std::iota(expected.begin(), expected.end(), std::size_t{0});
            CHECK(sorted == expected);
        }
    }
    // Different seeds give different draws for a large enough count (10! orders).
    CHECK(draw_lots(10, 1) != draw_lots(10, 2));
}

namespace {

// docs/formats.md section 3, written out independently: Fisher-Yates over 0..n-1 with
// std::mt19937_64(seed), index below k drawn by rejection sampling from the raw 64-bit outputs.
std::vector<std::size_t> reference_draw(std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    std::mt19937_64 mt(seed);
    for (std::size_t k = n; k >= 2; --k) {
        // accept r only in [2^64 mod k, 2^64), a range whose size is a multiple of k
        const std::uint64_t reject_below = (~std::uint64_t{0} - k + 1) % k;
        std::uint64_t r;
        do r = mt();
        while (r < reject_below);
        std::swap(v[k - 1], v[r % k]);
    }
    return v;
}

}  // namespace

TEST_CASE("draw_lots follows docs/formats.md section 3", "[unit][ties]") {
    for (std::uint64_t seed : {5489ULL, 7ULL, 20270314ULL}) {
        for (std::size_t n : {2u, 3u, 4u, 6u, 13u}) {
            INFO("seed " << seed << " n " << n);
            CHECK(draw_lots(n, seed) == reference_draw(n, seed));
        }
    }
}

namespace {

Framework lots_framework() {
    return quality_only(2, {TieBreakRule::higher_quality, TieBreakRule::lower_price, TieBreakRule::lots});
}

// Three bids, given out of id order, with the same score and price: only drawing lots separates them.
const std::vector<BidInput> tied_bids{bid("C", 100000), bid("A", 100000), bid("B", 100000)};
const std::vector<ScoreRow> tied_scores{{{"Q1", 70}}, {{"Q1", 70}}, {{"Q1", 70}}};

}  // namespace

TEST_CASE("evaluate_lot: drawing lots with a seed is reproducible and recorded", "[unit][ties]") {
    const auto fw = lots_framework();
    EvaluationOptions options;
    options.lots_seed = 5489;
    const auto first = evaluate(fw, tied_bids, tied_scores, options);
    const auto second = evaluate(fw, tied_bids, tied_scores, options);
    // The tied bids in id order are A, B, C; draw_lots(3, 5489) = {2, 0, 1} (worked above) -> C, A, B.
    CHECK(ranked_ids(first) == std::vector<std::string>{"C", "A", "B"});
    CHECK(ranked_ids(second) == ranked_ids(first));
    REQUIRE(first.tie_breaks.size() == 1);
    const auto& record = first.tie_breaks[0];
    CHECK(record.rule == "lots");
    CHECK(record.seed == std::optional<std::uint64_t>(5489));
    CHECK(record.bids == std::vector<std::string>{"A", "B", "C"});
    CHECK(record.order == std::vector<std::string>{"C", "A", "B"});
    for (const auto& b : first.bids) {
        CHECK(b.has_flag("lots_drawn"));
        CHECK_FALSE(b.has_flag("tie_unresolved"));
    }
    CHECK(result(first, "C").rank == std::optional<int>(1));
    CHECK(result(first, "A").rank == std::optional<int>(2));
    CHECK(result(first, "B").rank == std::optional<int>(3));
}

TEST_CASE("evaluate_lot: drawing lots with other seeds follows draw_lots", "[unit][ties]") {
    const auto fw = lots_framework();
    const std::vector<std::string> by_id{"A", "B", "C"};
    for (std::uint64_t seed : {1ULL, 2ULL, 3ULL, 20270314ULL}) {
        INFO("seed " << seed);
        EvaluationOptions options;
        options.lots_seed = seed;
        const auto r = evaluate(fw, tied_bids, tied_scores, options);
        const auto draw = reference_draw(3, seed);
        std::vector<std::string> expected;
        for (auto i : draw) expected.push_back(by_id[i]);
        CHECK(ranked_ids(r) == expected);
        CHECK(ranked_ids(evaluate(fw, tied_bids, tied_scores, options)) == expected);
    }
}

TEST_CASE("evaluate_lot: lots needed but no seed is an EvaluationError", "[unit][ties]") {
    const auto fw = lots_framework();
    const auto e = evaluation_error([&] { evaluate(fw, tied_bids, tied_scores); });
    CHECK(has_problem(e, {"seed"}));
    CHECK(has_problem(e, {"bids A, B, C"}));
}

TEST_CASE("evaluate_lot: lots without a seed is fine when no tie needs it", "[unit][ties]") {
    const auto fw = lots_framework();
    // Scores 70, 69, 68: no tie, no draw, no seed needed.
    const auto r = evaluate(fw, tied_bids, {{{"Q1", 70}}, {{"Q1", 69}}, {{"Q1", 68}}});
    CHECK(ranked_ids(r) == std::vector<std::string>{"C", "A", "B"});
    CHECK(r.tie_breaks.empty());
}
