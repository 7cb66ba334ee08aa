// Quantitative and qualitative social value, domain.md section 7 and docs/formats.md <social-value>.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "scoring/social_value.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

Commitment commit(const std::string& measure, double quantity, Deliverability decision = Deliverability::accept) {
    Commitment c;
    c.measure = measure;
    c.quantity = quantity;
    c.decision = decision;
    return c;
}

Commitment reduce_to(const std::string& measure, double quantity, double accepted) {
    auto c = commit(measure, quantity, Deliverability::reduce);
    c.accepted_quantity = accepted;
    c.reason = "only part evidenced";
    return c;
}

Commitment reduce_percent(const std::string& measure, double quantity, double percent) {
    auto c = commit(measure, quantity, Deliverability::reduce);
    c.accepted_percent = percent;
    c.reason = "only part evidenced";
    return c;
}

// M1: 100.00 per FTE; M2: 2.50 per apprenticeship week (illustrative values).
std::vector<Measure> measures() {
    return {{"M1", "Local people employed", "FTE", 10000, {}}, {"M2", "Apprenticeship weeks", "weeks", 250, {}}};
}

}  // namespace

TEST_CASE("counted quantity after the deliverability decision", "[unit][social_value]") {
    CHECK(commit("M1", 3.5).counted_quantity() == Approx(3.5).margin(1e-12));                        // accept
    CHECK(commit("M1", 3.5, Deliverability::reject).counted_quantity() == Approx(0.0).margin(1e-12));  // reject
    CHECK(reduce_to("M2", 120, 80).counted_quantity() == Approx(80.0).margin(1e-12));    // reduce to 80
    CHECK(reduce_percent("M2", 100, 25).counted_quantity() == Approx(25.0).margin(1e-12));  // 100 x 25%
    CHECK(reduce_percent("M1", 3, 50).counted_quantity() == Approx(1.5).margin(1e-12));     // 3 x 50%
    // "Reduce" never increases a commitment: accepting 150 of 120 counts 120.
    CHECK(reduce_to("M2", 120, 150).counted_quantity() == Approx(120.0).margin(1e-12));
}

TEST_CASE("committed social value = sum of counted quantity x proxy value", "[unit][social_value]") {
    Framework fw;
    fw.measures = measures();
    const std::vector<Commitment> commitments{
        commit("M1", 3.5),                         // 3.5 x 10000 = 35000
        reduce_to("M2", 120, 80),                  // 80 x 250 = 20000
        commit("M1", 2, Deliverability::reject),   // 0
        reduce_percent("M2", 100, 25),             // 25 x 250 = 6250
    };
    // 35000 + 20000 + 0 + 6250 = 61250 pence = 612.50
    CHECK(committed_social_value(fw, commitments) == Approx(61250.0).margin(1e-9));
    CHECK(committed_social_value(fw, {}) == Approx(0.0).margin(1e-12));
}

TEST_CASE("an unknown measure counts for nothing and is reported", "[unit][social_value]") {
    Framework fw;
    fw.measures = measures();
    std::vector<std::string> unknown;
    // 2 x 10000 = 20000; ZZ9 is not a measure of the framework.
    CHECK(committed_social_value(fw, {commit("M1", 2), commit("ZZ9", 1000)}, &unknown) ==
          Approx(20000.0).margin(1e-9));
    CHECK(unknown == std::vector<std::string>{"ZZ9"});
}

TEST_CASE("social_value_marks relative to the highest total", "[unit][social_value]") {
    // S = 10. Values 61250, 122500, 0, and an excluded bid with 500000.
    const std::vector<double> committed{61250, 122500, 0, 500000};
    const std::vector<Money> prices{100000, 100000, 100000, 100000};
    const std::vector<bool> in{true, true, true, false};
    const auto m = social_value_marks(SocialValueBasis::highest_total, committed, prices, in, 10);
    // SVmax = 122500 (the excluded bid does not set it): 10 x 61250/122500 = 5; 10; 0; excluded 0.
    CHECK(m[0] == Approx(5.0).margin(1e-9));
    CHECK(m[1] == Approx(10.0).margin(1e-9));
    CHECK(m[2] == Approx(0.0).margin(1e-12));
    CHECK(m[3] == Approx(0.0).margin(1e-12));
}

TEST_CASE("social_value_marks relative to the highest value per unit of price", "[unit][social_value]") {
    // S = 10. SV/P: 100000/1000000 = 0.1; 150000/2000000 = 0.075; 0.
    const std::vector<double> committed{100000, 150000, 0};
    const std::vector<Money> prices{1000000, 2000000, 500000};
    const std::vector<bool> in{true, true, true};
    const auto m = social_value_marks(SocialValueBasis::per_price, committed, prices, in, 10);
    CHECK(m[0] == Approx(10.0).margin(1e-9));  // best ratio
    CHECK(m[1] == Approx(7.5).margin(1e-9));   // 10 x 0.075/0.1
    CHECK(m[2] == Approx(0.0).margin(1e-12));
    // Under highest_total the order is the other way round: 10 x 100000/150000 = 6.667 and 10.
    const auto t = social_value_marks(SocialValueBasis::highest_total, committed, prices, in, 10);
    CHECK(t[0] == Approx(20.0 / 3.0).margin(1e-9));
    CHECK(t[1] == Approx(10.0).margin(1e-9));
}

TEST_CASE("social_value_marks when nobody commits anything: all 0, no NaN", "[unit][social_value]") {
    for (auto basis : {SocialValueBasis::highest_total, SocialValueBasis::per_price}) {
        const auto m = social_value_marks(basis, {0, 0, 0}, {100000, 200000, 300000}, {true, true, true}, 10);
        for (double v : m) {
            CHECK_FALSE(std::isnan(v));
            CHECK(v == 0.0);
        }
    }
}

// ---- in evaluate_lot --------------------------------------------------------------------------

namespace {

// Price 40 (lowest_ratio), quality 40 (Q1, 0-4), social value 20 split 50/50 between the
// qualitative question SV1 (0-4; 10 marks) and the measures leaf SVM (10 marks).
Framework sv_framework(SocialValueBasis basis) {
    auto lot = make_lot({price_group(40), group("QUAL", GroupType::quality, 40, {question("Q1", 100, "s4")}),
                         group("SV", GroupType::social_value, 20, {question("SV1", 50, "s4"), measures_leaf("SVM", 50)})});
    lot.social_value = basis;
    return make_framework({integer_scale("s4", 4)}, lot, measures());
}

std::vector<BidInput> sv_bids() {
    auto a = bid("A", 100000);  // 1,000.00
    a.commitments = {commit("M1", 3.5), reduce_to("M2", 120, 80)};  // 35000 + 20000 = 55000
    auto b = bid("B", 125000);  // 1,250.00
    b.commitments = {reduce_percent("M1", 10, 50),            // 5 x 10000 = 50000
                     commit("M2", 100, Deliverability::reject),  // 0
                     commit("M2", 200)};                      // 200 x 250 = 50000 -> 100000
    auto c = bid("C", 80000);   // 800.00, no commitments
    return {a, b, c};
}

const std::vector<ScoreRow> sv_scores{{{"Q1", 3}, {"SV1", 2}}, {{"Q1", 4}, {"SV1", 4}}, {{"Q1", 2}, {"SV1", 0}}};

}  // namespace

TEST_CASE("evaluate_lot: social value split between a question and the measures leaf (highest_total)",
          "[unit][social_value]") {
    const auto fw = sv_framework(SocialValueBasis::highest_total);
    const auto r = evaluate(fw, sv_bids(), sv_scores);
    const auto& a = result(r, "A");
    const auto& b = result(r, "B");
    const auto& c = result(r, "C");
    // Effective weights: SV1 = 20 x 50% = 10, SVM = 10.
    const auto svm = leaf_index(r.leaves, "SVM");
    const auto sv1 = leaf_index(r.leaves, "SV1");
    CHECK(r.leaves[svm].effective_weight == Approx(10.0).margin(1e-12));
    CHECK(r.leaves[sv1].effective_weight == Approx(10.0).margin(1e-12));
    CHECK(a.social_value_committed == Approx(55000.0).margin(1e-9));
    CHECK(b.social_value_committed == Approx(100000.0).margin(1e-9));
    CHECK(c.social_value_committed == Approx(0.0).margin(1e-12));
    // SVM: SVmax = 100000: A 10 x 55000/100000 = 5.5; B 10; C 0.
    CHECK(a.leaf_marks[svm] == Approx(5.5).margin(1e-9));
    CHECK(b.leaf_marks[svm] == Approx(10.0).margin(1e-9));
    CHECK(c.leaf_marks[svm] == Approx(0.0).margin(1e-12));
    // SV1: A 10 x 2/4 = 5; B 10; C 0. Social value marks: A 10.5, B 20, C 0.
    CHECK(a.leaf_marks[sv1] == Approx(5.0).margin(1e-9));
    CHECK(a.social_value_marks == Approx(10.5).margin(1e-9));
    CHECK(b.social_value_marks == Approx(20.0).margin(1e-9));
    CHECK(c.social_value_marks == Approx(0.0).margin(1e-12));
    // Quality: A 40 x 3/4 = 30; B 40; C 20. Price (Pmin 800): A 40 x 800/1000 = 32; B 40 x 800/1250 = 25.6; C 40.
    CHECK(a.quality_marks == Approx(30.0).margin(1e-9));
    CHECK(b.price_marks == Approx(25.6).margin(1e-9));
    // Totals: A 32 + 30 + 10.5 = 72.5; B 25.6 + 40 + 20 = 85.6; C 40 + 20 + 0 = 60.
    CHECK(a.total == Approx(72.5).margin(1e-9));
    CHECK(b.total == Approx(85.6).margin(1e-9));
    CHECK(c.total == Approx(60.0).margin(1e-9));
    CHECK(ranked_ids(r) == std::vector<std::string>{"B", "A", "C"});
}

TEST_CASE("evaluate_lot: social value per unit of price", "[unit][social_value]") {
    const auto fw = sv_framework(SocialValueBasis::per_price);
    const auto r = evaluate(fw, sv_bids(), sv_scores);
    const auto svm = leaf_index(r.leaves, "SVM");
    // SV/P: A 55000/100000 = 0.55; B 100000/125000 = 0.8; C 0. SVM: A 10 x 0.55/0.8 = 6.875; B 10; C 0.
    CHECK(result(r, "A").leaf_marks[svm] == Approx(6.875).margin(1e-9));
    CHECK(result(r, "B").leaf_marks[svm] == Approx(10.0).margin(1e-9));
    CHECK(result(r, "C").leaf_marks[svm] == Approx(0.0).margin(1e-12));
    // A total: 32 + 30 + 5 + 6.875 = 73.875
    CHECK(result(r, "A").total == Approx(73.875).margin(1e-9));
    CHECK(result(r, "B").total == Approx(85.6).margin(1e-9));
}

TEST_CASE("evaluate_lot: nobody commits any social value -> measures marks all 0, no NaN", "[unit][social_value]") {
    for (auto basis : {SocialValueBasis::highest_total, SocialValueBasis::per_price}) {
        const auto fw = sv_framework(basis);
        auto bids = sv_bids();
        for (auto& b : bids) b.commitments.clear();
        const auto r = evaluate(fw, bids, sv_scores);
        const auto svm = leaf_index(r.leaves, "SVM");
        for (const auto& b : r.bids) {
            CHECK_FALSE(std::isnan(b.leaf_marks[svm]));
            CHECK(b.leaf_marks[svm] == 0.0);
            CHECK_FALSE(std::isnan(b.total));
        }
        // A: 32 + 30 + 5 + 0 = 67
        CHECK(result(r, "A").total == Approx(67.0).margin(1e-9));
    }
}

TEST_CASE("evaluate_lot: an excluded bid does not set the highest social value", "[unit][social_value]") {
    const auto fw = sv_framework(SocialValueBasis::highest_total);
    auto bids = sv_bids();
    bids[1].exclusion = "withdrew";  // B (100000 committed) is out
    const auto r = evaluate(fw, bids, {{{"Q1", 3}, {"SV1", 2}}, {}, {{"Q1", 2}, {"SV1", 0}}});
    const auto svm = leaf_index(r.leaves, "SVM");
    // SVmax among A and C = 55000: A 10 x 55000/55000 = 10; B (excluded) 0.
    CHECK(result(r, "A").leaf_marks[svm] == Approx(10.0).margin(1e-9));
    CHECK(result(r, "B").leaf_marks[svm] == 0.0);
}

TEST_CASE("evaluate_lot: a commitment to an unknown measure is an error naming the bid", "[unit][social_value]") {
    const auto fw = sv_framework(SocialValueBasis::highest_total);
    auto bids = sv_bids();
    bids[2].commitments = {commit("NOPE", 5)};
    const auto e = evaluation_error([&] { evaluate(fw, bids, sv_scores); });
    CHECK(has_problem(e, {"bid C", "NOPE"}));
}
