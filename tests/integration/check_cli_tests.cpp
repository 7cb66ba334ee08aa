// `tenderbench check` through the real binary: every template's design passes, the deliberately
// disproportionate design trips every rule, bad input is located, and the exit codes.
#include "cli_runner.h"

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "workbook_fixture.h"

namespace fs = std::filesystem;

namespace {

using tbtest::quote;
using tbtest::Run;
using tbtest::slurp;
using tbtest::source_dir;
using tbtest::tenderbench;

const fs::path disproportionate = source_dir / "tests" / "fixtures" / "proportionality" / "disproportionate.xml";

// Every rule of docs/proportionality.md that a design can trip (not-checked is the notice that
// a rule was skipped for want of data, tested on its own below).
const std::set<std::string> all_rules{"framework-valid",   "social-value-weight",   "turnover-cap",
                                      "insurance-before-award", "audited-accounts", "lots-not-divided",
                                      "bid-effort",        "tender-period",         "price-method-risk",
                                      "threshold-consequence", "evaluation-burden"};

nlohmann::json check_json(const std::string& args, int expected_exit) {
    const auto run = tenderbench("check --json " + args);
    INFO(args << "\n" << run.err);
    REQUIRE(run.exit_code == expected_exit);
    return nlohmann::json::parse(run.out);
}

// `text` with `design` inserted before the closing </framework>.
std::string with_design(const std::string& text, const std::string& design) {
    const auto at = text.rfind("</framework>");
    REQUIRE(at != std::string::npos);
    return text.substr(0, at) + design + text.substr(at);
}

const std::string small_design = R"(  <design regime="local" threshold-consequence-stated="true">
    <contract value="1500000.00" months="36"/>
    <procedure type="open" tender-period-days="30"/>
    <lots count="1">One kitchen serving one round.</lots>
    <response words="1000"/>
    <panel evaluators="3" expected-bids="6"/>
  </design>
)";

}  // namespace

TEST_CASE("check: every template's design has no error or warning, and any advice is justified in it",
          "[integration]") {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(source_dir / "templates")) {
        if (entry.path().extension() != ".xml") continue;
        ++count;
        INFO(entry.path());
        const auto report = check_json(quote(entry.path().string()), 0);
        CHECK(report["counts"]["error"] == 0);
        CHECK(report["counts"]["warning"] == 0);
        const auto text = slurp(entry.path());
        for (const auto& f : report["findings"]) {
            INFO(f.dump());
            CHECK(f["severity"] == "advice");
            // The template's comment names each advice it expects and says why.
            CHECK(text.find("Expected advice: " + f["rule"].get<std::string>()) != std::string::npos);
        }
        CHECK(report["burden"]["panel_hours"].is_number());
        CHECK(!report["summary"].get<std::string>().empty());
    }
    CHECK(count == 6);
}

TEST_CASE("check: the deliberately disproportionate design trips every rule", "[integration]") {
    const auto report = check_json(quote(disproportionate.string()), 1);
    std::set<std::string> tripped;
    for (const auto& f : report["findings"]) {
        tripped.insert(f["rule"].get<std::string>());
        for (const char* key : {"severity", "rule", "title", "basis", "numbers", "fix"})
            CHECK(!f[key].get<std::string>().empty());
    }
    for (const auto& rule : all_rules) {
        INFO("rule " << rule);
        CHECK(tripped.count(rule) == 1);
    }
    CHECK(report["regime"] == "central");
    CHECK(report["counts"]["error"] == 3);
    // The numbers worked out in the fixture's comments.
    CHECK(report["burden"]["bidder_hours"].get<double>() == Approx(250));
    CHECK(report["burden"]["panel_hours"].get<double>() == Approx(240));
    CHECK(report["burden"]["lots"][0]["bidder_hours_per_100k"].get<double>() == Approx(250 / 1.2));
    CHECK(report["design"]["procedure"]["statutory_minimum_days"] == 25);

    // The text report says the same for a reader, with every section.
    const auto text = tenderbench("check " + quote(disproportionate.string()));
    CHECK(text.exit_code == 1);
    for (const char* part : {"Tender design", "Findings: 3 error(s), 8 warning(s), 1 advice", "Evaluation burden",
                             "Summary", "minimum turnover 1,000,000.00 is 8.33x the contract value of 120,000.00",
                             "tender period 14 days; minimum 25 days"})
        CHECK(text.out.find(part) != std::string::npos);
}

TEST_CASE("check: --regime overrides the design's own, and settings can be overridden", "[integration]") {
    const auto tmpl = quote((source_dir / "templates" / "uk_central_pa2023.xml").string());
    // Scotland has no competitive flexible procedure: a warning, so still exit 0.
    const auto scotland = check_json(tmpl + " --regime scotland", 0);
    CHECK(scotland["regime"] == "scotland");
    CHECK(scotland["counts"]["warning"] == 1);
    CHECK(scotland["findings"][0]["rule"] == "tender-period");
    // 3 evaluators x 6 bids x 8 answers x 30 minutes / 60 = 72 hours.
    const auto slower = check_json(tmpl + " --setting minutes-per-answer=30", 0);
    CHECK(slower["burden"]["panel_hours"].get<double>() == Approx(72));
    CHECK(slower["settings"]["minutes-per-answer"] == 30);
    const auto bad = tenderbench("check " + tmpl + " --setting minutes=30");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("unknown setting \"minutes\"") != std::string::npos);
    CHECK(tenderbench("check " + tmpl + " --regime england").exit_code == 2);
    CHECK(tenderbench("check").exit_code == 2);
}

TEST_CASE("check: bad input is refused with its file, line and column", "[integration]") {
    tbtest::TempDir dir("check_bad");
    const auto broken = dir.path() / "broken.xml";
    std::ofstream(broken) << "<framework id=\"x\" name=\"X\" version=\"1\">\n  <criteria>\n</framework>\n";
    auto run = tenderbench("check " + quote(broken.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.err.rfind(broken.string() + ":", 0) == 0);
    CHECK(std::regex_search(run.err, std::regex(R"(broken\.xml:[0-9]+:[0-9]+: )")));
    CHECK(run.out.empty());

    // A wrong type inside <design>: its exact place.
    const auto bad_design = std::regex_replace(slurp(disproportionate), std::regex("tender-period-days=\"14\""),
                                               "tender-period-days=\"two weeks\"");
    const auto file = dir.path() / "bad_design.xml";
    std::ofstream(file) << bad_design;
    run = tenderbench("check " + quote(file.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(file.string() + ":52:28: tender-period-days \"two weeks\" is not a number") != std::string::npos);

    // A framework with no design.
    run = tenderbench("check " + quote((source_dir / "sample_tenders" / "community_meals").string()));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("framework.xml: the framework has no <design> element") != std::string::npos);
}

TEST_CASE("check: a package folder and a workbook are checked through their framework", "[integration]") {
    tbtest::TempDir dir("check_package");
    const auto sample = source_dir / "sample_tenders" / "community_meals";
    for (const auto& f : fs::directory_iterator(sample)) fs::copy(f.path(), dir.path() / f.path().filename());
    std::ofstream(dir.path() / "framework.xml", std::ios::trunc)
        << with_design(slurp(sample / "framework.xml"), small_design);
    const auto report = check_json(quote(dir.path().string()), 0);
    CHECK(report["framework"]["id"] == "nhc-community-meals");
    CHECK(report["design"]["contract_value"] == 1500000.0);
    CHECK(report["counts"]["warning"] == 0);

    // Adding a design changes nothing that validate and evaluate print.
    for (const char* command : {"validate", "evaluate --json"}) {
        const auto original = tenderbench(std::string(command) + " " + quote(sample.string()));
        const auto designed = tenderbench(std::string(command) + " " + quote(dir.path().string()));
        CHECK(designed.exit_code == original.exit_code);
        if (std::string(command) != "validate") CHECK(designed.out == original.out);
    }

    // A workbook made from a template stores the template's text, design included; check reads
    // it without --as and without changing the file.
    tbtest::ScratchWorkbook wb("check_workbook");
    tbtest::check_ok(tenderbench("new " + quote(wb.file().string()) +
                                 " --template uk_central_pa2023 --name Meals --reference R1 --as O1 --officer-name Olive"));
    const auto before = wb.dump();
    const auto from_workbook = check_json(quote(wb.file().string()), 0);
    CHECK(from_workbook["framework"]["id"] == "uk-central-pa2023");
    CHECK(from_workbook["counts"]["error"] == 0);
    CHECK(wb.dump() == before);
}
