// The framework writer: every template and sample framework read, written and read back to the
// same model, field by field, so a screen that edits the model stores exactly what it showed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "app/core/framework_reader.h"
#include "app/core/framework_writer.h"
#include "scoring/validation.h"

namespace fs = std::filesystem;
using namespace scoring;

namespace {

std::vector<fs::path> framework_files() {
    std::vector<fs::path> out;
    const fs::path root(TENDERBENCH_SOURCE_DIR);
    for (const auto& entry : fs::directory_iterator(root / "templates"))
        if (entry.path().extension() == ".xml") out.push_back(entry.path());
    for (const auto& entry : fs::directory_iterator(root / "sample_tenders"))
        if (fs::exists(entry.path() / "framework.xml")) out.push_back(entry.path() / "framework.xml");
    // Fixtures whose designs use what the templates do not (reductions, page limits, audited accounts).
    for (const char* fixture : {"proportionality/disproportionate.xml", "self_assessment/day_services_framework.xml"})
        if (fs::exists(root / "tests" / "fixtures" / fixture)) out.push_back(root / "tests" / "fixtures" / fixture);
    std::sort(out.begin(), out.end());
    return out;
}

void compare(const Criterion& a, const Criterion& b) {
    INFO("criterion " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.description == b.description);
    CHECK(a.kind == b.kind);
    CHECK(a.type == b.type);
    CHECK(a.weight == b.weight);
    CHECK(a.scale_id == b.scale_id);
    CHECK(a.min_score == b.min_score);
    CHECK(a.on_fail == b.on_fail);
    REQUIRE(a.deductions.size() == b.deductions.size());
    for (std::size_t i = 0; i < a.deductions.size(); ++i) {
        CHECK(a.deductions[i].point == b.deductions[i].point);
        CHECK(a.deductions[i].amount == b.deductions[i].amount);
    }
    REQUIRE(a.children.size() == b.children.size());
    for (std::size_t i = 0; i < a.children.size(); ++i) compare(a.children[i], b.children[i]);
}

void compare(const Lot& a, const Lot& b) {
    INFO("lot " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    REQUIRE(a.criteria.size() == b.criteria.size());
    for (std::size_t i = 0; i < a.criteria.size(); ++i) compare(a.criteria[i], b.criteria[i]);
    REQUIRE(a.gates.size() == b.gates.size());
    for (std::size_t i = 0; i < a.gates.size(); ++i) {
        CHECK(a.gates[i].id == b.gates[i].id);
        CHECK(a.gates[i].name == b.gates[i].name);
        CHECK(a.gates[i].requirement == b.gates[i].requirement);
    }
    CHECK(a.price.method == b.price.method);
    CHECK(a.price.spread == b.price.spread);
    CHECK(a.price.ceiling == b.price.ceiling);
    CHECK(a.price.exponent == b.price.exponent);
    CHECK(a.price.low == b.price.low);
    CHECK(a.price.high == b.price.high);
    CHECK(a.price.declared == b.price.declared);
    CHECK(a.award.model == b.award.model);
    CHECK(a.award.corridor_percent == b.award.corridor_percent);
    CHECK(a.award.corridor_tie_break == b.award.corridor_tie_break);
    CHECK(a.abnormally_low.method == b.abnormally_low.method);
    CHECK(a.abnormally_low.median_percent == b.abnormally_low.median_percent);
    CHECK(a.abnormally_low.next_percent == b.abnormally_low.next_percent);
    CHECK(a.abnormally_low.mean_percent == b.abnormally_low.mean_percent);
    CHECK(a.abnormally_low.rejected_in_pmin == b.abnormally_low.rejected_in_pmin);
    CHECK(a.social_value == b.social_value);
    CHECK(a.rules.precision == b.rules.precision);
    CHECK(a.rules.min_quality_percent == b.rules.min_quality_percent);
    CHECK(a.rules.normalise_quality == b.rules.normalise_quality);
    CHECK(a.rules.allow_abstention == b.rules.allow_abstention);
    CHECK(a.moderation.divergence == b.moderation.divergence);
    CHECK(a.moderation.enhanced_consensus == b.moderation.enhanced_consensus);
    CHECK(a.tie_breaks == b.tie_breaks);
}

void compare(const TenderDesign& a, const TenderDesign& b) {
    INFO("design");
    CHECK(a.regime == b.regime);
    CHECK(a.contract_value == b.contract_value);
    CHECK(a.duration_months == b.duration_months);
    CHECK(a.procedure_stated == b.procedure_stated);
    CHECK(a.procedure == b.procedure);
    CHECK(a.tender_period_days == b.tender_period_days);
    CHECK(a.electronic_submission == b.electronic_submission);
    CHECK(a.documents_with_notice == b.documents_with_notice);
    CHECK(a.reduction == b.reduction);
    CHECK(a.light_touch == b.light_touch);
    CHECK(a.lots == b.lots);
    CHECK(a.lots_reason == b.lots_reason);
    CHECK(a.minimum_turnover == b.minimum_turnover);
    CHECK(a.turnover_justification == b.turnover_justification);
    CHECK(a.insurance == b.insurance);
    CHECK(a.insurance_cover == b.insurance_cover);
    CHECK(a.accounts == b.accounts);
    CHECK(a.accounts_years == b.accounts_years);
    CHECK(a.accounts_alternatives == b.accounts_alternatives);
    CHECK(a.response_stated == b.response_stated);
    CHECK(a.default_words == b.default_words);
    CHECK(a.default_pages == b.default_pages);
    REQUIRE(a.limits.size() == b.limits.size());
    for (std::size_t i = 0; i < a.limits.size(); ++i) {
        CHECK(a.limits[i].criterion == b.limits[i].criterion);
        CHECK(a.limits[i].words == b.limits[i].words);
        CHECK(a.limits[i].pages == b.limits[i].pages);
    }
    REQUIRE(a.evidence.size() == b.evidence.size());
    for (std::size_t i = 0; i < a.evidence.size(); ++i) {
        CHECK(a.evidence[i].description == b.evidence[i].description);
        CHECK(a.evidence[i].count == b.evidence[i].count);
    }
    CHECK(a.evaluators == b.evaluators);
    CHECK(a.expected_bids == b.expected_bids);
    CHECK(a.threshold_consequence_stated == b.threshold_consequence_stated);
}

void compare(const Framework& a, const Framework& b) {
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.version == b.version);
    CHECK(a.description == b.description);
    CHECK(a.currency == b.currency);
    REQUIRE(a.scales.size() == b.scales.size());
    for (std::size_t i = 0; i < a.scales.size(); ++i) {
        INFO("scale " << a.scales[i].id);
        CHECK(a.scales[i].id == b.scales[i].id);
        CHECK(a.scales[i].name == b.scales[i].name);
        CHECK(a.scales[i].intermediate == b.scales[i].intermediate);
        REQUIRE(a.scales[i].points.size() == b.scales[i].points.size());
        for (std::size_t p = 0; p < a.scales[i].points.size(); ++p) {
            CHECK(a.scales[i].points[p].value == b.scales[i].points[p].value);
            CHECK(a.scales[i].points[p].label == b.scales[i].points[p].label);
            CHECK(a.scales[i].points[p].descriptor == b.scales[i].points[p].descriptor);
        }
    }
    REQUIRE(a.measures.size() == b.measures.size());
    for (std::size_t i = 0; i < a.measures.size(); ++i) {
        CHECK(a.measures[i].code == b.measures[i].code);
        CHECK(a.measures[i].name == b.measures[i].name);
        CHECK(a.measures[i].unit == b.measures[i].unit);
        CHECK(a.measures[i].proxy_per_unit == b.measures[i].proxy_per_unit);
    }
    REQUIRE(a.lots.size() == b.lots.size());
    for (std::size_t i = 0; i < a.lots.size(); ++i) compare(a.lots[i], b.lots[i]);
    REQUIRE(a.design.has_value() == b.design.has_value());
    if (a.design) compare(*a.design, *b.design);
}

Framework round_trip(const Framework& fw) {
    return core::read_framework(core::XmlFile("rewritten.xml", core::write_framework_xml(fw)));
}

}  // namespace

TEST_CASE("every template and sample framework survives writing and reading back", "[unit]") {
    const auto files = framework_files();
    REQUIRE(files.size() >= 9);
    for (const auto& file : files) {
        INFO(file.string());
        const auto original = core::read_framework(file);
        const auto again = round_trip(original);
        compare(original, again);
        // Written twice, the text is the same: nothing drifts on a second save.
        CHECK(core::write_framework_xml(again) == core::write_framework_xml(original));
        CHECK(has_errors(validate(again)) == has_errors(validate(original)));
    }
}

TEST_CASE("edited weights and price methods and text with markup survive the writer", "[unit]") {
    const fs::path root(TENDERBENCH_SOURCE_DIR);
    auto fw = core::read_framework(root / "templates" / "scotland_0_4.xml");
    REQUIRE(!fw.lots.empty());
    auto& lot = fw.lots.front();

    SECTION("a weight with no short decimal form comes back to the same double") {
        auto& quality = lot.criteria.back();
        quality.weight = 100.0 / 3.0;
        compare(fw, round_trip(fw));
    }
    SECTION("every price method writes exactly the parameters it needs") {
        for (const auto method : {PriceMethod::lowest_ratio, PriceMethod::linear_from_lowest, PriceMethod::linear_min_max,
                                  PriceMethod::ceiling_pro_rata, PriceMethod::power_ratio, PriceMethod::absolute_scale}) {
            INFO(to_string(method));
            PriceRule rule;
            rule.declared = true;
            rule.method = method;
            if (method == PriceMethod::linear_from_lowest) rule.spread = 0.5;
            if (method == PriceMethod::ceiling_pro_rata) rule.ceiling = 12500050;
            if (method == PriceMethod::power_ratio) rule.exponent = 3;
            if (method == PriceMethod::absolute_scale) {
                rule.low = 180000000;
                rule.high = 260000000;
            }
            lot.price = rule;
            compare(fw, round_trip(fw));
        }
    }
    SECTION("markup characters and line breaks in names, labels and descriptors are escaped") {
        fw.name = "Care & support <lot \"A\">";
        fw.description = "First line\nsecond line with 'quotes' & <angle brackets>";
        REQUIRE(!fw.scales.empty());
        fw.scales.front().points.front().label = "Nil & void";
        fw.scales.front().points.front().descriptor = "No answer, or <none> given";
        compare(fw, round_trip(fw));
    }
}

TEST_CASE("every part of a tender design survives the writer", "[unit]") {
    const fs::path root(TENDERBENCH_SOURCE_DIR);
    auto fw = core::read_framework(root / "templates" / "uk_central_pa2023.xml");
    REQUIRE(fw.design);
    auto& d = *fw.design;
    d.regime = Regime::wales;
    d.procedure = Procedure::below_threshold;
    d.reduction = PeriodReduction::urgency;
    d.light_touch = true;
    d.electronic_submission = false;
    d.lots.reset();
    d.lots_reason = "Not divided: one kitchen & one fleet";
    d.turnover_justification = "Above the cap because <reasons>";
    d.insurance = InsuranceEvidence::tender;
    d.insurance_cover.reset();
    d.accounts = AccountsDemand::audited;
    d.accounts_years = 3;
    d.default_words.reset();
    d.default_pages = 4;
    d.limits.push_back({"Q2", std::nullopt, 2});
    d.evaluators.reset();
    d.expected_bids.reset();
    compare(fw, round_trip(fw));
    SECTION("a design with only its contract keeps everything else unstated") {
        TenderDesign bare;
        bare.contract_value = 12345678;
        bare.duration_months = 18.5;
        fw.design = bare;
        compare(fw, round_trip(fw));
    }
}

TEST_CASE("a single lot named after the framework is written without a lot element", "[unit]") {
    const fs::path root(TENDERBENCH_SOURCE_DIR);
    const auto fw = core::read_framework(root / "templates" / "scotland_0_4.xml");
    REQUIRE(fw.lots.size() == 1);
    REQUIRE(fw.lots.front().id == "1");
    const auto xml = core::write_framework_xml(fw);
    CHECK(xml.find("<lot ") == std::string::npos);  // <lots> of the design is another element
    CHECK(xml.find("<criteria>") != std::string::npos);
}
