// The framework and package readers: strict vocabulary, exact positions, nothing half-read.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/core/framework_reader.h"
#include "app/core/package.h"
#include "app/core/package_evaluation.h"

namespace fs = std::filesystem;

namespace {

const std::string scales = R"(
  <scales>
    <scale id="s" name="0-4">
      <point value="0" label="Unacceptable">No answer</point>
      <point value="2" label="Acceptable">Meets the requirement</point>
      <point value="4" label="Excellent">Exceeds it with evidence</point>
    </scale>
  </scales>)";

std::string framework_text(const std::string& extra_root_attributes = "", const std::string& body_extra = "") {
    return R"(<framework id="f" name="Test" version="1")" + extra_root_attributes + ">" + scales + R"(
  <criteria>
    <group id="P" name="Price" type="price" weight="40"/>
    <group id="Q" name="Quality" type="quality" weight="60">
      <question id="Q1" name="Delivery" weight="100" scale="s" min-score="2" on-fail="exclude"/>
    </group>
  </criteria>
  <price method="lowest_ratio"/>)" + body_extra + "\n</framework>\n";
}

std::string first_message(const core::InputError& e) { return e.diagnostics().front().text(); }

core::InputError read_error(const std::string& text) {
    try {
        core::read_framework(core::XmlFile("f.xml", text));
    } catch (const core::InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    return core::InputError({});
}

struct TempPackage {
    fs::path dir;
    explicit TempPackage(const std::string& tag) {
        dir = fs::temp_directory_path() / ("tb_unit_" + tag + "_" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempPackage() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
};

const std::string bids_ok = R"(<bids tender="T">
  <bid id="B1" bidder="Alpha Ltd" price="100.00"/>
  <bid id="B2" bidder="Beta Ltd" price="125.00"/>
</bids>)";

std::string scores_with(const std::string& b1_consensus, const std::string& extra = "") {
    return R"(<scores>
  <evaluators>
    <evaluator id="E1" name="Eve" role="evaluator"/>
    <evaluator id="M1" name="Mo" role="moderator"/>
  </evaluators>
  <score bid="B1" criterion="Q1">
    <individual evaluator="E1" score="4">Strong plan, section 2.</individual>
    )" + b1_consensus + R"(
  </score>
  <score bid="B2" criterion="Q1">
    <individual evaluator="E1" score="2">Adequate, p.3.</individual>
    <consensus score="2" moderator="M1">Meets the requirement (p.3) without added value.</consensus>
  </score>)" + extra + "\n</scores>";
}

}  // namespace

TEST_CASE("a well-formed framework reads with a BOM and a declaration", "[unit]") {
    const auto fw = core::read_framework(core::XmlFile("f.xml", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + framework_text()));
    REQUIRE(fw.lots.size() == 1);
    CHECK(fw.lots[0].id == "1");
    CHECK(fw.lots[0].criteria.size() == 2);
    CHECK(fw.scale("s")->maximum() == 4);
    CHECK(fw.lots[0].criteria[1].children[0].on_fail == scoring::OnFail::exclude);
    CHECK(fw.lots[0].price.declared);
}

TEST_CASE("unknown attributes and elements are errors with line and column", "[unit]") {
    const auto e = read_error(framework_text(" colour=\"red\"", "\n  <widget/>"));
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(first_message(e) == "f.xml:1:43: unknown attribute 'colour' on <framework>; allowed: id, name, version, currency");
    CHECK(e.diagnostics()[1].line == 16);  // <widget/> follows <price> on line 15
    CHECK(e.diagnostics()[1].message.find("unknown element <widget>") != std::string::npos);
}

TEST_CASE("wrong types name the value and what was expected", "[unit]") {
    auto text = framework_text();
    text.replace(text.find("weight=\"40\""), 11, "weight=\"forty\"");
    const auto e = read_error(text);
    CHECK(e.diagnostics().front().message == "weight \"forty\" is not a number; write e.g. 40 or 12.5");
    CHECK(e.diagnostics().front().line == 10);
}

TEST_CASE("malformed XML and invalid UTF-8 give positions", "[unit]") {
    const auto truncated = read_error("<framework id=\"x\"\n name=");
    CHECK(truncated.diagnostics().front().line == 2);
    CHECK(truncated.diagnostics().front().message.rfind("malformed XML", 0) == 0);

    const auto latin1 = read_error("<framework id=\"x\" name=\"Caf\xE9\" version=\"1\"/>");
    CHECK(latin1.diagnostics().front().line == 1);
    CHECK(latin1.diagnostics().front().column == 28);
    CHECK(latin1.diagnostics().front().message.find("not valid UTF-8") != std::string::npos);

    CHECK(read_error("").diagnostics().front().message.find("No document element found") != std::string::npos);
    CHECK(read_error("<bids/>").diagnostics().front().message.find("expected <framework>") != std::string::npos);
}

TEST_CASE("a price method's parameters are checked against the method", "[unit]") {
    auto text = framework_text();
    text.replace(text.find("<price method=\"lowest_ratio\"/>"), 30, "<price method=\"power_ratio\" spread=\"1\"/>");
    const auto e = read_error(text);
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].message == "spread does not apply to method power_ratio; remove it");
    CHECK(e.diagnostics()[1].message == "method power_ratio needs attribute exponent");
}

TEST_CASE("lots inherit settings from the framework and may replace them", "[unit]") {
    const auto fw = core::read_framework(core::XmlFile("f.xml", framework_text("", R"(
  <gates><gate id="G1" name="Insurance">5m cover</gate></gates>
  <lot id="N" name="North"/>
  <lot id="S" name="South">
    <price method="linear_from_lowest" spread="0.5"/>
    <gates><gate id="G2" name="Licence">Waste carrier</gate></gates>
  </lot>)")));
    REQUIRE(fw.lots.size() == 2);
    CHECK(fw.lots[0].price.method == scoring::PriceMethod::lowest_ratio);
    CHECK(fw.lots[0].gates.size() == 1);
    CHECK(fw.lots[1].price.method == scoring::PriceMethod::linear_from_lowest);
    CHECK(fw.lots[1].price.spread == 0.5);
    REQUIRE(fw.lots[1].gates.size() == 1);
    CHECK(fw.lots[1].gates[0].id == "G2");
    CHECK(fw.lots[1].criteria.size() == 2);
}

TEST_CASE("validation errors of a framework file carry the criterion's line", "[unit]") {
    TempPackage tmp("fwval");
    auto text = framework_text();
    text.replace(text.find("weight=\"60\""), 11, "weight=\"50\"");
    tmp.write("framework.xml", text);
    std::vector<core::Diagnostic> warnings;
    try {
        core::read_valid_framework(tmp.dir / "framework.xml", &warnings);
        FAIL("expected weights error");
    } catch (const core::InputError& e) {
        CHECK(e.diagnostics().front().message.find("top-level weights sum to 90, not 100") != std::string::npos);
    }
}

TEST_CASE("a package reads, cross-checks and evaluates", "[unit]") {
    TempPackage tmp("pkg");
    tmp.write("framework.xml", framework_text());
    tmp.write("bids.xml", bids_ok);
    tmp.write("scores.xml", scores_with(R"(<consensus score="4" moderator="M1">Evidenced plan in section 2.</consensus>)"));
    const auto package = core::read_package(tmp.dir);
    CHECK(package.bids.size() == 2);
    const auto result = core::evaluate_package(package);
    REQUIRE(result.lots.size() == 1);
    // Hand-computed: B1 price 40 (lowest), quality 60 x 4/4 = 60 -> 100; B2 40 x 100/125 = 32, 60 x 2/4 = 30 -> 62.
    CHECK(result.lots[0].bids[0].id == "B1");
    CHECK(result.lots[0].bids[0].total == Approx(100.0).margin(1e-9));
    CHECK(result.lots[0].bids[1].total == Approx(62.0).margin(1e-9));
}

TEST_CASE("package problems are all reported, each at its place", "[unit]") {
    TempPackage tmp("pkgbad");
    tmp.write("framework.xml", framework_text());
    tmp.write("bids.xml", R"(<bids tender="T">
  <bid id="B1" bidder="Alpha Ltd" price="100.00"/>
  <bid id="B1" bidder="Beta Ltd" price="1,250"/>
  <bid id="B3" bidder="Gamma Ltd" price="90.00" lot="9"/>
</bids>)");
    tmp.write("scores.xml", scores_with(R"(<consensus score="3" moderator="E1">Three.</consensus>)",
                                        R"(
  <score bid="B7" criterion="Q1"><individual evaluator="X9" abstain="true">Conflict</individual></score>)"));
    try {
        core::read_package(tmp.dir);
        FAIL("expected InputError");
    } catch (const core::InputError& e) {
        std::string all;
        for (const auto& d : e.diagnostics()) all += d.text() + "\n";
        INFO(all);
        CHECK(all.find("bids.xml:4:") != std::string::npos);
        CHECK(all.find("lot \"9\" is not a lot of the framework") != std::string::npos);
        CHECK(all.find("bid id B1 is used twice") != std::string::npos);
        CHECK(all.find("price \"1,250\" is not an amount of money") != std::string::npos);
        CHECK(all.find("score 3 is not on scale s (points: 0, 2, 4)") != std::string::npos);
        CHECK(all.find("E1 is an evaluator; a consensus is recorded by a moderator or officer") != std::string::npos);
        CHECK(all.find("bid B7 is not in bids.xml") != std::string::npos);
        CHECK(all.find("evaluator X9 is not listed") != std::string::npos);
        CHECK(e.diagnostics().size() >= 7);
    }
}

TEST_CASE("a missing consensus stops evaluation and names the bid and question", "[unit]") {
    TempPackage tmp("pkgmissing");
    tmp.write("framework.xml", framework_text());
    tmp.write("bids.xml", bids_ok);
    tmp.write("scores.xml", scores_with(""));
    const auto package = core::read_package(tmp.dir);
    try {
        core::evaluate_package(package);
        FAIL("expected EvaluationError");
    } catch (const scoring::EvaluationError& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0] == "bid B1 (Alpha Ltd), question Q1: no consensus score; finish moderation (or exclude the bid) first");
    }
}

TEST_CASE("a package folder that does not exist or lacks a file", "[unit]") {
    CHECK_THROWS_WITH(core::read_package("/nonexistent/tb"), Catch::Contains("not a folder"));
    TempPackage tmp("pkgempty");
    CHECK_THROWS_WITH(core::read_package(tmp.dir), Catch::Contains("framework.xml: file not found"));
}
