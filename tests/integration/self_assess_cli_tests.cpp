// The real tenderbench binary running `self-assess` on the fixtures: text, JSON, Excel, bad input.
#include "cli_runner.h"

#include <nlohmann/json.hpp>

#include "app/core/xlsx_reader.h"

namespace fs = std::filesystem;

namespace {

using tbtest::quote;
using tbtest::slurp;
using tbtest::source_dir;
using tbtest::tenderbench;
using tbtest::TempDir;

const fs::path fixtures = source_dir / "tests" / "fixtures" / "self_assessment";
const std::string central = quote((source_dir / "templates" / "uk_central_pa2023.xml").string());
const std::string central_input = quote((fixtures / "central_break_even.xml").string());
const std::string day_services = quote((fixtures / "day_services_framework.xml").string());
const std::string at_risk_input = quote((fixtures / "at_risk.xml").string());

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The text of the cell at `row` (1-based) and `column` (0 = A) of a sheet.
std::string cell_text(const core::Table& table, int row, std::size_t column) {
    for (const auto& r : table.rows)
        if (r.line == row) return r.at(column).text;
    return "";
}

}  // namespace

TEST_CASE("self-assess prints projected marks, thresholds, improvements and the break-even price", "[integration]") {
    const auto run = tenderbench("self-assess " + central + " --input " + central_input);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    // Hand-computed in the fixture's comment.
    CHECK(run.out.find("total 85.00 of 100") != std::string::npos);
    CHECK(run.out.find("1st of 2: you would win") != std::string::npos);
    CHECK(run.out.find("Highest price that still wins: 133362.96") != std::string::npos);
    CHECK(run.out.find("83.33% of every quality question's scale maximum") != std::string::npos);
    CHECK(run.out.find("a 4 on every quality question") != std::string::npos);
    CHECK(run.out.find("Where to improve") != std::string::npos);
    // The template's <design> demands a turnover of 2400000.00; the provider states 450000.00.
    CHECK(run.out.find("Minimum annual turnover: NOT MET") != std::string::npos);
    CHECK(run.err.empty());
}

TEST_CASE("self-assess --json is one object with the documented shape", "[integration]") {
    const auto run = tenderbench("self-assess --json " + central + " --input " + central_input);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto j = nlohmann::json::parse(run.out);
    CHECK(j["framework"]["id"] == "uk-central-pa2023");
    CHECK(j["lot"]["id"] == "1");
    CHECK(j["price"].get<double>() == Approx(120000.0));
    CHECK(j["projected"]["total"].get<double>() == Approx(85.0));
    CHECK(j["projected"]["wins"] == true);
    CHECK(j["projected"]["field"].size() == 2);
    CHECK(j["questions"].size() == 8);
    CHECK(j["questions"][0]["id"] == "Q1");
    CHECK(j["questions"][0]["marks_per_point"].get<double>() == Approx(4.5));
    CHECK(j["competitors"]["break_even"]["outcome"] == "found");
    CHECK(j["competitors"]["break_even"]["price"].get<double>() == Approx(133362.96));
    CHECK(j["competitors"]["break_even"]["monotone"] == true);
    CHECK(j["competitors"]["quality_needed"]["level_percent"].get<double>() == Approx(83.33));
    CHECK(j["competitors"]["quality_needed"]["uniform_point"].get<double>() == Approx(4.0));
    CHECK(j["conditions_stated"] == true);
    REQUIRE(j["conditions"].size() == 3);
    CHECK(j["conditions"][0]["status"] == "not_met");  // turnover 450000.00 of 2400000.00
    CHECK(j["conditions"][1]["status"] == "met");      // insurance 5000000.00 from the contract start
    CHECK(j["conditions"][2]["status"] == "met");      // 3 years of accounts, the latest 2 demanded
    CHECK(j["gates"].size() == 3);
}

TEST_CASE("self-assess shows thresholds at risk and conditions of participation not met", "[integration]") {
    const auto run = tenderbench("self-assess --json " + day_services + " --input " + at_risk_input);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto j = nlohmann::json::parse(run.out);
    // Hand-computed in at_risk.xml.
    CHECK(j["questions"][0]["threshold"]["status"] == "at_risk");
    CHECK(j["questions"][1]["threshold"]["status"] == "fails");
    CHECK(j["quality_minimum"]["status"] == "at_risk");
    CHECK(j["projected"]["total"].get<double>() == Approx(75.037).epsilon(1e-4));
    CHECK(j["projected"]["rank"] == 2);
    CHECK(j["competitors"]["break_even"]["price"].get<double>() == Approx(272784.37));
    REQUIRE(j["conditions"].size() == 3);
    for (const auto& c : j["conditions"]) CHECK(c["status"] == "not_met");
    const auto text = tenderbench("self-assess " + day_services + " --input " + at_risk_input);
    CHECK(text.out.find("Minimum annual turnover: NOT MET") != std::string::npos);
    CHECK(text.out.find("AT RISK") != std::string::npos);
}

TEST_CASE("self-assess refuses bad input with file, line and column, and exit 1", "[integration]") {
    TempDir dir("self_assess_bad");
    const auto file = dir.path() / "self.xml";
    write(file, "<self-assessment framework=\"uk-central-pa2023\">\n"
                "  <price>120000.00</price>\n"
                "  <score criterion=\"Q1\" value=\"9\"/>\n"
                "  <score criterion=\"Q7\" value=\"2\"/>\n"
                "  <competitors count=\"1\" price-low=\"100000.00\" price-high=\"100000.00\" typical-score=\"3\"/>\n"
                "</self-assessment>\n");
    const auto run = tenderbench("self-assess " + central + " --input " + quote(file.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    const auto name = file.string();
    CHECK(run.err.find(name + ":3:3: score 9 for question Q1 is not on scale uk0-4") != std::string::npos);
    CHECK(run.err.find(name + ":4:3: criterion Q7 is not in lot 1") != std::string::npos);
    CHECK(run.err.find(name + ":1:1: question Q2 (Mobilisation and transition) has no self-score") != std::string::npos);

    write(file, "<self-assessment framework=\"uk-central-pa2023\">\n  <price>0</price>\n  <bid/>\n</self-assessment>\n");
    const auto syntax = tenderbench("self-assess " + central + " --input " + quote(file.string()));
    CHECK(syntax.exit_code == 1);
    CHECK(syntax.err.find(name + ":3:3: unknown element <bid>") != std::string::npos);
    CHECK(syntax.err.find(name + ":1:1: <self-assessment> needs a <competitors> element") != std::string::npos);

    // Written for another framework.
    const auto other = tenderbench("self-assess " + day_services + " --input " + central_input);
    CHECK(other.exit_code == 1);
    CHECK(other.err.find("is for framework \"uk-central-pa2023\"") != std::string::npos);

    CHECK(tenderbench("self-assess " + central).exit_code == 2);  // --input is required
}

TEST_CASE("self-assess --xlsx writes the three sheets and never touches a tender workbook", "[integration]") {
    TempDir dir("self_assess_xlsx");
    const auto out = dir.path() / "self.xlsx";
    const auto run = tenderbench("self-assess " + central + " --input " + central_input + " --xlsx " + quote(out.string()));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(fs::exists(out));
    core::XlsxWorkbook book(out);
    REQUIRE(book.sheets().size() == 3);
    CHECK(book.sheets()[0].name == "Self-assessment");
    CHECK(book.sheets()[1].name == "Against competitors");
    CHECK(book.sheets()[2].name == "Conditions");
    const auto sheet = book.sheet("Self-assessment");
    CHECK(cell_text(sheet, 8, 0) == "Q1");  // the first question, below the header row 7
    CHECK(cell_text(sheet, 8, 7) == "18");  // marks: 18 x 4 / 4, a live formula with its value cached
    // Only the workbook we asked for was written: no .tender file anywhere in the folder.
    for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().extension() != ".tender");

    // A .tender given as the framework is refused without being opened or changed.
    const auto tender = dir.path() / "meals.tender";
    write(tender, "precious");
    const auto refused = tenderbench("self-assess " + quote(tender.string()) + " --input " + central_input);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("never opens one") != std::string::npos);
    CHECK(slurp(tender) == "precious");
}

TEST_CASE("self-assess takes a package folder, and runs the care provider example", "[integration]") {
    TempDir dir("self_assess_package");
    const auto file = dir.path() / "self.xml";
    write(file, "<self-assessment framework=\"nhc-community-meals\">\n"
                "  <price>450000.00</price>\n"
                "  <score criterion=\"Q1\" value=\"4\"/><score criterion=\"Q2\" value=\"3\"/>\n"
                "  <score criterion=\"Q3\" value=\"2\"/><score criterion=\"Q4\" value=\"3\"/>\n"
                "  <score criterion=\"Q5\" value=\"3\"/><score criterion=\"SV1\" value=\"3\"/>\n"
                "  <score criterion=\"SV2\" value=\"3\"/>\n"
                "  <competitors count=\"3\" price-low=\"430000.00\" price-high=\"520000.00\" typical-score=\"3\"/>\n"
                "</self-assessment>\n");
    const auto package = quote((source_dir / "sample_tenders" / "community_meals").string());
    const auto run = tenderbench("self-assess --json " + package + " --input " + quote(file.string()));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto j = nlohmann::json::parse(run.out);
    CHECK(j["framework"]["id"] == "nhc-community-meals");
    // Q3 scored 2 on its minimum of 2: at risk. Q1: 15 marks / 5 points = 3 a point, the most.
    CHECK(j["questions"][2]["threshold"]["status"] == "at_risk");
    CHECK(j["questions"][0]["improvement_rank"] == 1);

    const auto example = tenderbench("self-assess " + quote((source_dir / "templates" / "local_authority_care.xml").string()) +
                                     " --input " + quote((fixtures / "care_provider" / "self_assessment.xml").string()));
    INFO(example.err);
    CHECK(example.exit_code == 0);
    CHECK(example.out.find("Hollybank Support CIC") != std::string::npos);
    CHECK(example.out.find("Highest price that still wins: 2082975.00") != std::string::npos);
}
