// Abnormally low tenders, domain.md section 5 and docs/formats.md <abnormally-low>: the flags of
// abnormally_low_findings() and what evaluate_lot() does with the officer's decision.
#include <catch2/catch.hpp>

#include <vector>

#include "scoring/abnormally_low.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

AltRule scottish_rule() {
    AltRule r;
    r.method = AltMethod::scottish;  // defaults: 15% below the median of the others, 1% below the next
    return r;
}

AltRule mean_rule(double percent = 20) {
    AltRule r;
    r.method = AltMethod::mean;
    r.mean_percent = percent;
    return r;
}

}  // namespace

TEST_CASE("median of an odd and an even count", "[unit][alt]") {
    CHECK(median({}) == 0.0);
    CHECK(median({7}) == Approx(7.0).margin(1e-12));
    CHECK(median({3, 1, 2}) == Approx(2.0).margin(1e-12));         // sorted 1 2 3
    CHECK(median({4, 1, 3, 2}) == Approx(2.5).margin(1e-12));      // (2 + 3) / 2
    CHECK(median({10, 10, 11, 1000}) == Approx(10.5).margin(1e-12));
}

TEST_CASE("Scottish rule: odd number of other prices", "[unit][alt]") {
    // Prices 700, 1000, 1000, 1100 (pence would do as well; the rule is scale-free).
    const std::vector<Money> prices{100000, 70000, 110000, 100000};
    const auto f = abnormally_low_findings(scottish_rule(), prices);
    REQUIRE(f.size() == 4);
    // 700: others 1000, 1000, 1100 -> median 1000; (1000 - 700)/1000 = 30% > 15%;
    // next price up 1000: (1000 - 700)/1000 = 30% > 1% -> flagged.
    CHECK(f[1].assessed);
    CHECK(f[1].flagged);
    CHECK(f[1].reference == Approx(100000.0).margin(1e-9));
    CHECK(f[1].below_reference == Approx(0.30).margin(1e-12));
    CHECK(f[1].has_next);
    CHECK(f[1].next == Approx(100000.0).margin(1e-9));
    CHECK(f[1].below_next == Approx(0.30).margin(1e-12));
    // 1000: others 700, 1000, 1100 -> median 1000 -> 0% below: not flagged.
    CHECK_FALSE(f[0].flagged);
    CHECK(f[0].below_reference == Approx(0.0).margin(1e-12));
    CHECK_FALSE(f[3].flagged);
    // 1100: others 700, 1000, 1000 -> median 1000 -> above it; and no higher price.
    CHECK_FALSE(f[2].flagged);
    CHECK(f[2].below_reference == Approx(-0.10).margin(1e-12));
    CHECK_FALSE(f[2].has_next);
}

TEST_CASE("Scottish rule: even number of other prices takes the mean of the two middle ones", "[unit][alt]") {
    // Prices 800, 1000, 1040, 1100, 1200.
    const std::vector<Money> prices{80000, 100000, 104000, 110000, 120000};
    const auto f = abnormally_low_findings(scottish_rule(), prices);
    // 800: others 1000, 1040, 1100, 1200 -> median (1040 + 1100)/2 = 1070;
    // (1070 - 800)/1070 = 270/1070 = 25.23% > 15%; next 1000: 200/1000 = 20% > 1% -> flagged.
    CHECK(f[0].flagged);
    CHECK(f[0].reference == Approx(107000.0).margin(1e-9));
    CHECK(f[0].below_reference == Approx(270.0 / 1070.0).margin(1e-12));
    CHECK(f[0].below_next == Approx(0.20).margin(1e-12));
    // 1000: others 800, 1040, 1100, 1200 -> median (1040 + 1100)/2 = 1070; 70/1070 = 6.5%: not flagged.
    CHECK_FALSE(f[1].flagged);
    CHECK(f[1].reference == Approx(107000.0).margin(1e-9));
    // 1100: others 800, 1000, 1040, 1200 -> median (1000 + 1040)/2 = 1020.
    CHECK(f[3].reference == Approx(102000.0).margin(1e-9));
    CHECK_FALSE(f[3].flagged);
}

TEST_CASE("Scottish rule: far below the median but within 1% of the next price is not flagged", "[unit][alt]") {
    // Prices 800.00, 805.00, 1000, 1000, 1000.
    const std::vector<Money> prices{80000, 80500, 100000, 100000, 100000};
    const auto f = abnormally_low_findings(scottish_rule(), prices);
    // 800: others 805, 1000, 1000, 1000 -> median (1000 + 1000)/2 = 1000 -> 20% below (> 15%), but
    // the next price up is 805: (805 - 800)/805 = 0.621% (not > 1%) -> only one condition: not flagged.
    CHECK(f[0].below_reference == Approx(0.20).margin(1e-12));
    CHECK(f[0].below_next == Approx(5.0 / 805.0).margin(1e-12));
    CHECK_FALSE(f[0].flagged);
    // 805: others 800, 1000, 1000, 1000 -> median 1000 -> 19.5% below; next up 1000 -> 19.5% below:
    // both conditions hold as the rule is written -> flagged.
    CHECK(f[1].below_reference == Approx(0.195).margin(1e-12));
    CHECK(f[1].below_next == Approx(0.195).margin(1e-12));
    CHECK(f[1].flagged);
}

TEST_CASE("Scottish rule: more than 1% below the next price but not 15% below the median is not flagged",
          "[unit][alt]") {
    // Prices 900, 1000, 1050, 1100.
    const std::vector<Money> prices{90000, 100000, 105000, 110000};
    const auto f = abnormally_low_findings(scottish_rule(), prices);
    // 900: others 1000, 1050, 1100 -> median 1050; 150/1050 = 14.29% (not > 15%);
    // next 1000: 10% > 1% -> only the second condition: not flagged.
    CHECK(f[0].below_reference == Approx(150.0 / 1050.0).margin(1e-12));
    CHECK(f[0].below_next == Approx(0.10).margin(1e-12));
    CHECK_FALSE(f[0].flagged);
}

TEST_CASE("Scottish rule: exactly 15% below the median is not 'more than 15%'", "[unit][alt]") {
    // 850 against 1000, 1000, 1000: (1000 - 850)/1000 = 15% exactly -> not flagged.
    CHECK_FALSE(abnormally_low_findings(scottish_rule(), {85000, 100000, 100000, 100000})[0].flagged);
    // 849.99: 15.001% -> flagged (next 1000 is 15.001% away too).
    CHECK(abnormally_low_findings(scottish_rule(), {84999, 100000, 100000, 100000})[0].flagged);
    // Declared percentages are honoured: 30% below 1000 with a 35% limit is not flagged.
    auto r = scottish_rule();
    r.median_percent = 35;
    CHECK_FALSE(abnormally_low_findings(r, {70000, 100000, 100000, 100000})[0].flagged);
}

TEST_CASE("Scottish rule: two bids at the same low price get the same finding", "[unit][alt]") {
    // Prices 500, 500, 1000, 1000, 1000. For EITHER bid at 500: the other prices are 500, 1000, 1000,
    // 1000 -> median 1000 -> 50% below (> 15%); the next lowest price at or above it is the other 500
    // -> 0% below (not > 1%) -> not flagged. (The code's own comment: "an equal price counts: 0% below".)
    // Two identical prices must never be treated differently because of the order the bids were given in.
    const std::vector<Money> prices{50000, 50000, 100000, 100000, 100000};
    const auto f = abnormally_low_findings(scottish_rule(), prices);
    CHECK(f[0].flagged == f[1].flagged);
    CHECK_FALSE(f[0].flagged);
    CHECK_FALSE(f[1].flagged);
    CHECK(f[1].below_next == Approx(0.0).margin(1e-12));
    // The same prices in another input order: still the same for both.
    const auto g = abnormally_low_findings(scottish_rule(), {100000, 50000, 100000, 50000, 100000});
    CHECK_FALSE(g[1].flagged);
    CHECK_FALSE(g[3].flagged);
    // A third bid at 1000 against 500, 500, 1000, 1000: median (500 + 1000)/2 = 750 -> above it: not flagged.
    CHECK(g[0].reference == Approx(75000.0).margin(1e-9));
    CHECK_FALSE(g[0].flagged);
}

TEST_CASE("Mean rule: more than x% below the mean of the other prices", "[unit][alt]") {
    const std::vector<Money> prices{70000, 100000, 110000, 90000, 100000};
    const auto f = abnormally_low_findings(mean_rule(20), prices);
    // 700: others 1000, 1100, 900, 1000 -> mean 4000/4 = 1000; 30% below > 20% -> flagged.
    CHECK(f[0].flagged);
    CHECK(f[0].reference == Approx(100000.0).margin(1e-9));
    CHECK(f[0].below_reference == Approx(0.30).margin(1e-12));
    // 900: others 700, 1000, 1100, 1000 -> mean 3800/4 = 950; 50/950 = 5.26%: not flagged.
    CHECK(f[3].reference == Approx(95000.0).margin(1e-9));
    CHECK(f[3].below_reference == Approx(50.0 / 950.0).margin(1e-12));
    CHECK_FALSE(f[3].flagged);
    CHECK_FALSE(f[1].flagged);
    CHECK_FALSE(f[2].flagged);
    // The mean rule has no next-price condition: 790 against 1000, 1000, 1000... and 800:
    // others of 790 = 800, 1000, 1000, 1000 -> mean 950; 160/950 = 16.8% < 20% -> not flagged,
    // but with a 15% limit it is.
    CHECK_FALSE(abnormally_low_findings(mean_rule(20), {79000, 80000, 100000, 100000, 100000})[0].flagged);
    CHECK(abnormally_low_findings(mean_rule(15), {79000, 80000, 100000, 100000, 100000})[0].flagged);
    // Exactly 20% below (800 against a mean of 1000) is not "more than" 20%.
    CHECK_FALSE(abnormally_low_findings(mean_rule(20), {80000, 100000, 100000})[0].flagged);
    CHECK(abnormally_low_findings(mean_rule(20), {79999, 100000, 100000})[0].flagged);
}

TEST_CASE("Mean rule and Scottish rule differ on a skewed field", "[unit][alt]") {
    // Prices 700, 1000, 1000, 3000. For 700: median of 1000, 1000, 3000 = 1000 -> 30% below, next 1000
    // 30% below -> Scottish flags. Mean of the others = 5000/3 = 1666.67 -> 58% below -> mean flags too.
    // For 1000 (first): mean of 700, 1000, 3000 = 1566.67 -> 36.2% below -> the mean rule flags it,
    // the median (1000) does not.
    const std::vector<Money> prices{70000, 100000, 100000, 300000};
    const auto s = abnormally_low_findings(scottish_rule(), prices);
    const auto m = abnormally_low_findings(mean_rule(20), prices);
    CHECK(s[0].flagged);
    CHECK(m[0].flagged);
    CHECK_FALSE(s[1].flagged);
    CHECK(m[1].reference == Approx(470000.0 / 3.0).margin(1e-6));
    CHECK(m[1].below_reference == Approx(1.0 - 100000.0 / (470000.0 / 3.0)).margin(1e-12));
    CHECK(m[1].flagged);
}

TEST_CASE("No flags with fewer than two prices or rule none", "[unit][alt]") {
    const auto one = abnormally_low_findings(scottish_rule(), {100});
    REQUIRE(one.size() == 1);
    CHECK_FALSE(one[0].assessed);
    CHECK_FALSE(one[0].flagged);
    const auto none = abnormally_low_findings(AltRule{}, {10, 100000, 100000});
    REQUIRE(none.size() == 3);
    CHECK_FALSE(none[0].flagged);
    CHECK_FALSE(none[0].assessed);
    // A price of zero takes no part: 0 and 1000 leave one real price -> nothing assessed.
    const auto zero = abnormally_low_findings(scottish_rule(), {0, 100000});
    CHECK_FALSE(zero[0].flagged);
    CHECK_FALSE(zero[1].assessed);
}

TEST_CASE("explain states the arithmetic", "[unit][alt]") {
    const auto f = abnormally_low_findings(scottish_rule(), {70000, 100000, 100000, 110000});
    const auto text = explain(scottish_rule(), f[0]);
    CHECK(text.find("30.00% below the median of the other prices (1000.00; limit 15%)") != std::string::npos);
    CHECK(text.find("30.00% below the next lowest price (1000.00; limit 1%)") != std::string::npos);
}

// ---- in evaluate_lot --------------------------------------------------------------------------

namespace {

// Price 40 (lowest_ratio), quality 60 (one question on 0-4), Scottish rule.
Framework alt_framework(bool rejected_in_pmin = false) {
    auto lot = make_lot({price_group(40), group("QUAL", GroupType::quality, 60, {question("Q1", 100, "s4")})});
    lot.abnormally_low.method = AltMethod::scottish;
    lot.abnormally_low.rejected_in_pmin = rejected_in_pmin;
    return make_framework({integer_scale("s4", 4)}, lot);
}

// A 600 (abnormally low), B 1000, C 1000, D 1100. Quality: A, B, D score 4 (60 marks), C scores 3 (45).
std::vector<BidInput> alt_bids(AltDecision decision_for_a) {
    std::vector<BidInput> bids{bid("A", 60000), bid("B", 100000), bid("C", 100000), bid("D", 110000)};
    bids[0].alt_decision = decision_for_a;
    bids[0].alt_reason = "explanation considered";
    return bids;
}

const std::vector<ScoreRow> alt_scores{{{"Q1", 4}}, {{"Q1", 4}}, {{"Q1", 3}}, {{"Q1", 4}}};

}  // namespace

TEST_CASE("evaluate_lot: a flagged bid without a decision stays in, flagged pending", "[unit][alt]") {
    const auto fw = alt_framework();
    const auto r = evaluate(fw, alt_bids(AltDecision::none), alt_scores);
    // A: others 1000, 1000, 1100 -> median 1000 -> 40% below; next 1000 -> 40% below -> flagged.
    const auto& a = result(r, "A");
    CHECK(a.in_contention);
    CHECK(a.has_flag("abnormally_low_pending"));
    CHECK_FALSE(a.has_flag("excluded"));
    CHECK_FALSE(result(r, "B").has_flag("abnormally_low_pending"));
    // Pmin = 600: A 40 + 60 = 100; B 40 x 600/1000 = 24 -> 84; C 24 + 45 = 69; D 40 x 600/1100 = 21.818 -> 81.818
    CHECK(r.field.pmin == 60000);
    CHECK(a.total == Approx(100.0).margin(1e-9));
    CHECK(result(r, "B").total == Approx(84.0).margin(1e-9));
    CHECK(result(r, "C").total == Approx(69.0).margin(1e-9));
    CHECK(result(r, "D").total == Approx(60.0 + 40.0 * 6.0 / 11.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"A", "B", "D", "C"});
}

TEST_CASE("evaluate_lot: an accepted abnormally low bid stays in and is flagged accepted", "[unit][alt]") {
    const auto fw = alt_framework();
    const auto r = evaluate(fw, alt_bids(AltDecision::accepted), alt_scores);
    const auto& a = result(r, "A");
    CHECK(a.in_contention);
    CHECK(a.has_flag("abnormally_low_accepted"));
    CHECK_FALSE(a.has_flag("abnormally_low_pending"));
    CHECK(a.rank == std::optional<int>(1));
    CHECK(r.field.pmin == 60000);
}

TEST_CASE("evaluate_lot: a rejected bid is out and by default does not set Pmin", "[unit][alt]") {
    const auto fw = alt_framework(false);
    const auto r = evaluate(fw, alt_bids(AltDecision::rejected), alt_scores);
    const auto& a = result(r, "A");
    CHECK_FALSE(a.in_contention);
    CHECK_FALSE(a.rank.has_value());
    CHECK(a.has_flag("abnormally_low_rejected"));
    CHECK(a.has_flag("excluded"));
    // Pmin is now 1000 (B, C): B 40 + 60 = 100; C 40 + 45 = 85; D 40 x 1000/1100 = 36.3636 -> 96.3636
    CHECK(r.field.pmin == 100000);
    CHECK(r.field.pmax == 110000);
    CHECK(result(r, "B").price_marks == Approx(40.0).margin(1e-9));
    CHECK(result(r, "B").total == Approx(100.0).margin(1e-9));
    CHECK(result(r, "C").total == Approx(85.0).margin(1e-9));
    CHECK(result(r, "D").total == Approx(60.0 + 400.0 / 11.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"B", "D", "C"});
    // Out-of-contention bids follow the ranked ones.
    CHECK(r.bids.back().id == "A");
}

TEST_CASE("evaluate_lot: with rejected_in_pmin a rejected bid still sets Pmin", "[unit][alt]") {
    const auto fw = alt_framework(true);
    const auto r = evaluate(fw, alt_bids(AltDecision::rejected), alt_scores);
    CHECK_FALSE(result(r, "A").in_contention);
    // Pmin = 600 (A's rejected price): B 40 x 600/1000 = 24 -> 84; C 24 + 45 = 69; D 21.818 + 60
    CHECK(r.field.pmin == 60000);
    CHECK(result(r, "B").price_marks == Approx(24.0).margin(1e-9));
    CHECK(result(r, "B").total == Approx(84.0).margin(1e-9));
    CHECK(result(r, "C").total == Approx(69.0).margin(1e-9));
    CHECK(result(r, "D").total == Approx(60.0 + 240.0 / 11.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"B", "D", "C"});
}

TEST_CASE("evaluate_lot: an excluded bid that would have been Pmin does not set Pmin", "[unit][alt]") {
    for (bool rejected_in_pmin : {false, true}) {
        INFO("rejected_in_pmin " << rejected_in_pmin);
        auto fw = alt_framework(rejected_in_pmin);
        fw.lots[0].gates.push_back({"G1", "Insurance", "cover of 5m", {}});
        // A (500) fails the gate; B 1000, C 1200 pass.
        std::vector<BidInput> bids{bid("A", 50000), bid("B", 100000), bid("C", 120000)};
        bids[0].gates = {{"G1", false, "no certificate"}};
        bids[1].gates = {{"G1", true, ""}};
        bids[2].gates = {{"G1", true, ""}};
        const auto r = evaluate(fw, bids, {{{"Q1", 4}}, {{"Q1", 4}}, {{"Q1", 4}}});
        CHECK(result(r, "A").has_flag("failed_gate"));
        CHECK_FALSE(result(r, "A").in_contention);
        // Pmin = 1000: B 40 + 60 = 100; C 40 x 1000/1200 = 33.333 + 60 = 93.333
        CHECK(r.field.pmin == 100000);
        CHECK(result(r, "B").total == Approx(100.0).margin(1e-9));
        CHECK(result(r, "C").total == Approx(60.0 + 100.0 / 3.0).margin(1e-9));
        // A excluded bid is not compared for abnormally low pricing either.
        CHECK_FALSE(result(r, "A").has_flag("abnormally_low_pending"));
    }
}

TEST_CASE("evaluate_lot: abnormally low compares only with the prices of compliant bids", "[unit][alt]") {
    auto fw = alt_framework();
    fw.lots[0].gates.push_back({"G1", "Insurance", "cover of 5m", {}});
    // D (500) failed the gate. A 800, B 900, C 1000 are compliant.
    std::vector<BidInput> bids{bid("A", 80000), bid("B", 90000), bid("C", 100000), bid("D", 50000)};
    for (auto& b : bids) b.gates = {{"G1", true, ""}};
    bids[3].gates = {{"G1", false, "no certificate"}};
    const auto r = evaluate(fw, bids, {{{"Q1", 4}}, {{"Q1", 4}}, {{"Q1", 4}}, {{"Q1", 4}}});
    // A against the compliant others 900, 1000: median 950; 150/950 = 15.79% > 15%; next 900: 11.1% -> flagged.
    // (Counting D's 500 the median of 500, 900, 1000 would be 900: 11.1% -> not flagged.)
    CHECK(result(r, "A").has_flag("abnormally_low_pending"));
}
