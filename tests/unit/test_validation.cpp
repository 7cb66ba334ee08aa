// Framework validation, domain.md sections 3 and 10 and docs/formats.md section 1: every problem
// is reported at once, each naming its subject.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "scoring/validation.h"
#include "scoring_test_helpers.h"

using namespace scoring;
using namespace tbtest;

namespace {

// A valid framework: price 40; quality 40 = Q1 (60%, min 2, exclude) + QG (40% = Q2.1 50% + Q2.2 50%);
// social value 20 = SV1 (50%) + SVM measures (50%); one gate; lowest_ratio.
Framework valid_framework() {
    auto lot = make_lot({
        price_group(40),
        group("QUAL", GroupType::quality, 40,
              {question("Q1", 60, "s4", 2.0, OnFail::exclude),
               group("QG", std::nullopt, 40, {question("Q2.1", 50, "s4"), question("Q2.2", 50, "s4")})}),
        group("SV", GroupType::social_value, 20, {question("SV1", 50, "s4"), measures_leaf("SVM", 50)}),
    });
    lot.gates.push_back({"G1", "Insurance", "Employer's liability cover", {}});
    return make_framework({integer_scale("s4", 4)}, lot, {{"M1", "Local FTE", "FTE", 2900000, {}}});
}

Criterion& crit(Framework& fw, const std::string& id) {
    // find_criterion returns const; the tree is ours to edit.
    return const_cast<Criterion&>(*find_criterion(fw.lots[0], id));
}

std::size_t count_errors(const std::vector<Issue>& issues) {
    return static_cast<std::size_t>(std::count_if(issues.begin(), issues.end(),
                                                  [](const Issue& i) { return i.severity == Severity::error; }));
}

bool has_issue(const std::vector<Issue>& issues, Severity severity, const std::string& subject,
               const std::string& message_part) {
    return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
        return i.severity == severity && i.subject == subject && i.message.find(message_part) != std::string::npos &&
               !i.fix.empty();
    });
}

std::string all_text(const std::vector<Issue>& issues) {
    std::string out;
    for (const auto& i : issues) out += i.text() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the valid framework has no issues", "[unit][validation]") {
    const auto issues = validate(valid_framework());
    INFO(all_text(issues));
    CHECK(issues.empty());
    CHECK_FALSE(has_errors(issues));
}

TEST_CASE("validation: top-level weights that do not sum to 100", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "PRICE").weight = 30;  // 30 + 40 + 20 = 90
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_errors(issues));
    CHECK(has_issue(issues, Severity::error, "criteria", "top-level weights sum to 90, not 100"));
    CHECK(count_errors(issues) == 1);
}

TEST_CASE("validation: weights summing to 100 only within floating-point noise are accepted", "[unit][validation]") {
    auto fw = valid_framework();
    // 33.3 + 33.3 + 33.4 is 100.00000000000001 or so in binary: still 100 within tolerance.
    crit(fw, "PRICE").weight = 33.3;
    crit(fw, "QUAL").weight = 33.3;
    crit(fw, "SV").weight = 33.4;
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK_FALSE(has_errors(issues));
}

TEST_CASE("validation: children that do not sum to 100", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "Q2.2").weight = 40;  // 50 + 40 = 90
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "criterion QG", "weights of its 2 sub-criteria sum to 90, not 100"));
    CHECK(count_errors(issues) == 1);
}

TEST_CASE("validation: a leaf with zero weight", "[unit][validation]") {
    auto fw = valid_framework();
    // QG: Q2.1 100 + Q2.3 0 + Q2.2 0 -> sums to 100 but two leaves weigh nothing.
    crit(fw, "Q2.1").weight = 100;
    crit(fw, "Q2.2").weight = 0;
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "criterion Q2.2", "weight 0 is not above zero"));
    CHECK(count_errors(issues) == 1);
    crit(fw, "Q2.2").weight = -5;
    crit(fw, "Q2.1").weight = 105;
    CHECK(has_issue(validate(fw), Severity::error, "criterion Q2.2", "weight -5 is not above zero"));
}

TEST_CASE("validation: a question with an unknown scale", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "Q2.1").scale_id = "nope";
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "criterion Q2.1", "scale \"nope\" is not defined"));
    CHECK(count_errors(issues) == 1);
}

TEST_CASE("validation: a minimum score off the scale", "[unit][validation]") {
    auto fw = valid_framework();
    SECTION("above the maximum") {
        crit(fw, "Q1").min_score = 5;
        const auto issues = validate(fw);
        INFO(all_text(issues));
        CHECK(has_issue(issues, Severity::error, "criterion Q1", "minimum score 5 is outside scale s4 (0-4)"));
    }
    SECTION("between two points of a scale without intermediate values") {
        crit(fw, "Q1").min_score = 2.5;
        const auto issues = validate(fw);
        INFO(all_text(issues));
        CHECK(has_issue(issues, Severity::error, "criterion Q1", "minimum score 2.5 is not a point of scale s4"));
    }
    SECTION("between two points is fine when the scale allows intermediate values") {
        fw.scales[0].intermediate = true;
        crit(fw, "Q1").min_score = 2.5;
        CHECK_FALSE(has_errors(validate(fw)));
    }
}

TEST_CASE("validation: a minimum score without on-fail is a warning, not an error", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "Q1").on_fail = OnFail::unstated;
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK_FALSE(has_errors(issues));
    REQUIRE(issues.size() == 1);
    CHECK(has_issue(issues, Severity::warning, "criterion Q1", "does not say whether failing it disqualifies"));
    CHECK(issues[0].fix.find("s.23(3)(a)") != std::string::npos);
}

TEST_CASE("validation: a price group with children", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "PRICE").children.push_back(question("P1", 100, "s4"));
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "criterion PRICE", "the price group has sub-criteria"));
}

TEST_CASE("validation: a price group without a declared price method", "[unit][validation]") {
    auto fw = valid_framework();
    fw.lots[0].price.declared = false;
    CHECK(has_issue(validate(fw), Severity::error, "award model weighted_sum", "no price method is declared"));
}

TEST_CASE("validation: vfm_ratio with a price group", "[unit][validation]") {
    auto fw = valid_framework();
    fw.lots[0].award.model = AwardModel::vfm_ratio;
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "award model vfm_ratio", "the criteria have a price group"));
    // the same for the other non-weighted models
    fw.lots[0].award.model = AwardModel::price_per_quality_point;
    CHECK(has_issue(validate(fw), Severity::error, "award model price_per_quality_point",
                    "the criteria have a price group"));
}

namespace {

// monetised_quality: quality 100 = one question on 0-4 with a deduction for every point.
Framework monetised_framework() {
    auto q = question("COMP", 100, "s4");
    for (int p = 0; p <= 4; ++p) q.deductions.push_back({static_cast<double>(p), Money{20000} * p});
    auto lot = make_lot({group("QUAL", GroupType::quality, 100, {q})});
    lot.price.declared = false;
    lot.award.model = AwardModel::monetised_quality;
    return make_framework({integer_scale("s4", 4)}, lot);
}

// vfm_ratio: quality 100, no price group.
Framework vfm_framework() {
    auto lot = make_lot({group("QUAL", GroupType::quality, 100, {question("Q1", 100, "s4")})});
    lot.price.declared = false;
    lot.award.model = AwardModel::vfm_ratio;
    return make_framework({integer_scale("s4", 4)}, lot);
}

}  // namespace

TEST_CASE("validation: monetised_quality with a missing deduction", "[unit][validation]") {
    auto fw = monetised_framework();
    {
        const auto issues = validate(fw);
        INFO(all_text(issues));
        CHECK(issues.empty());
    }
    auto& q = crit(fw, "COMP");
    q.deductions.erase(q.deductions.begin() + 2);  // drop the deduction for point 2
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "criterion COMP", "no deduction for scale point 2"));
    CHECK(count_errors(issues) == 1);
    // A deduction for a value that is not a point of the scale is an error too.
    q.deductions.push_back({7, 1000});
    CHECK(has_issue(validate(fw), Severity::error, "criterion COMP", "deduction for 7, which is not a point"));
}

TEST_CASE("validation: the vfm corridor must lie within 1-10%", "[unit][validation]") {
    auto fw = vfm_framework();
    CHECK(validate(fw).empty());
    for (double ok : {1.0, 5.0, 10.0}) {
        INFO("corridor " << ok);
        fw.lots[0].award.corridor_percent = ok;
        CHECK_FALSE(has_errors(validate(fw)));
    }
    fw.lots[0].award.corridor_percent = 12;
    CHECK(has_issue(validate(fw), Severity::error, "award model vfm_ratio", "corridor 12% is outside 1-10%"));
    fw.lots[0].award.corridor_percent = 0.5;
    CHECK(has_issue(validate(fw), Severity::error, "award model vfm_ratio", "corridor 0.5% is outside 1-10%"));
    // A corridor is only for vfm_ratio.
    auto ws = valid_framework();
    ws.lots[0].award.corridor_percent = 5;
    CHECK(has_issue(validate(ws), Severity::error, "award model weighted_sum", "a corridor is only for vfm_ratio"));
}

TEST_CASE("validation: drawing lots must be the last tie-break rule", "[unit][validation]") {
    auto fw = valid_framework();
    fw.lots[0].tie_breaks = {TieBreakRule::lots, TieBreakRule::lower_price};
    CHECK(has_issue(validate(fw), Severity::error, "tie-break", "lots is not the last rule"));
    fw.lots[0].tie_breaks = {TieBreakRule::lower_price, TieBreakRule::lots};
    CHECK_FALSE(has_errors(validate(fw)));
    fw.lots[0].tie_breaks = {TieBreakRule::lower_price, TieBreakRule::lower_price};
    CHECK(has_issue(validate(fw), Severity::error, "tie-break", "rule lower_price listed twice"));
}

TEST_CASE("validation: duplicate ids", "[unit][validation]") {
    SECTION("criteria") {
        auto fw = valid_framework();
        crit(fw, "Q2.2").id = "Q1";
        const auto issues = validate(fw);
        INFO(all_text(issues));
        CHECK(has_issue(issues, Severity::error, "criterion Q1", "id used twice in this lot"));
    }
    SECTION("scales") {
        auto fw = valid_framework();
        fw.scales.push_back(integer_scale("s4", 5));
        CHECK(has_issue(validate(fw), Severity::error, "scale s4", "defined twice"));
    }
    SECTION("gates") {
        auto fw = valid_framework();
        fw.lots[0].gates.push_back({"G1", "Insurance again", "x", {}});
        CHECK(has_issue(validate(fw), Severity::error, "gate G1", "defined twice"));
    }
    SECTION("measures") {
        auto fw = valid_framework();
        fw.measures.push_back({"M1", "Again", "FTE", 100, {}});
        CHECK(has_issue(validate(fw), Severity::error, "measure M1", "defined twice"));
    }
    SECTION("lots") {
        auto fw = valid_framework();
        fw.lots.push_back(fw.lots[0]);
        CHECK(has_issue(validate(fw), Severity::error, "lot 1", "defined twice"));
    }
}

TEST_CASE("validation: subjects name the lot when there are several", "[unit][validation]") {
    auto fw = valid_framework();
    fw.lots.push_back(fw.lots[0]);
    fw.lots[1].id = "L2";
    const_cast<Criterion&>(*find_criterion(fw.lots[1], "Q2.2")).weight = 40;
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(has_issue(issues, Severity::error, "lot L2, criterion QG", "sum to 90, not 100"));
    CHECK(count_errors(issues) == 1);
}

TEST_CASE("validation reports every problem at once", "[unit][validation]") {
    auto fw = valid_framework();
    crit(fw, "PRICE").weight = 30;                         // 1: top level sums to 90
    crit(fw, "Q2.2").scale_id = "nope";                     // 2: unknown scale
    crit(fw, "Q1").min_score = 9;                           // 3: min-score off the scale
    crit(fw, "SV1").id = "Q2.1";                            // 4: duplicate id
    fw.lots[0].tie_breaks = {TieBreakRule::lots, TieBreakRule::higher_quality};  // 5: lots not last
    fw.lots[0].award.corridor_percent = 20;                 // 6: corridor on weighted_sum, 7: outside 1-10
    fw.scales[0].points[1].descriptor.clear();              // 8: a point without a descriptor
    crit(fw, "Q2.1").min_score = 1;                         // warning: min-score without on-fail
    const auto issues = validate(fw);
    INFO(all_text(issues));
    CHECK(count_errors(issues) == 8);
    CHECK(has_issue(issues, Severity::error, "criteria", "top-level weights sum to 90"));
    CHECK(has_issue(issues, Severity::error, "criterion Q2.2", "scale \"nope\" is not defined"));
    CHECK(has_issue(issues, Severity::error, "criterion Q1", "minimum score 9 is outside scale s4"));
    CHECK(has_issue(issues, Severity::error, "criterion Q2.1", "id used twice"));
    CHECK(has_issue(issues, Severity::error, "tie-break", "lots is not the last rule"));
    CHECK(has_issue(issues, Severity::error, "award model weighted_sum", "a corridor is only for vfm_ratio"));
    CHECK(has_issue(issues, Severity::error, "award model weighted_sum", "corridor 20% is outside 1-10%"));
    CHECK(has_issue(issues, Severity::error, "scale s4", "point 1 has no label or descriptor"));
    CHECK(has_issue(issues, Severity::warning, "criterion Q2.1", "does not say whether failing it disqualifies"));
}

TEST_CASE("Issue::text joins subject, message and fix", "[unit][validation]") {
    Issue i{Severity::error, "criterion Q1", {}, "weight 0 is not above zero", "give it a weight"};
    CHECK(i.text() == "criterion Q1: weight 0 is not above zero; give it a weight");
}
