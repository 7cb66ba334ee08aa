// The Proportionality sheet: in the tender record when the framework carries a design, and alone
// from `check --xlsx`; read back with the project's own xlsx reader, and recalculated in Calc.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "app/core/xlsx_reader.h"
#include "export_fixture.h"

using namespace tbtest;

namespace {

const fs::path disproportionate = source_dir / "tests" / "fixtures" / "proportionality" / "disproportionate.xml";

// Every cell's text of one sheet, for "does the sheet say X" checks.
std::string sheet_text(const fs::path& xlsx, const std::string& sheet) {
    const core::XlsxWorkbook book(xlsx);
    std::string text;
    for (const auto& row : book.sheet(sheet).rows)
        for (const auto& cell : row.cells) text += cell.text + "\n";
    return text;
}

std::vector<std::string> sheet_names(const fs::path& xlsx) {
    const core::XlsxWorkbook book(xlsx);
    std::vector<std::string> names;
    for (const auto& s : book.sheets()) names.push_back(s.name);
    return names;
}

}  // namespace

TEST_CASE("export adds a Proportionality sheet when the framework carries a design", "[integration][export]") {
    // community_meals with a design that trips one rule: no reason for a single lot.
    TempDir package("prop_package");
    const auto sample = source_dir / "sample_tenders" / "community_meals";
    for (const auto& f : fs::directory_iterator(sample)) fs::copy(f.path(), package.path() / f.path().filename());
    auto framework = slurp(sample / "framework.xml");
    framework.insert(framework.rfind("</framework>"), R"(  <design regime="local">
    <contract value="1500000.00" months="36"/>
    <procedure type="open" tender-period-days="30"/>
    <response words="1000"/>
    <panel evaluators="3" expected-bids="6"/>
  </design>
)");
    std::ofstream(package.path() / "framework.xml", std::ios::trunc) << framework;

    ScratchWorkbook wb("prop_export");
    open_prices(wb, package.path());
    const auto out = wb.dir().path() / "record.xlsx";
    const auto run = wb.ok("export", "--as OFF -o " + quote(out.string()));
    CHECK(run.out.find("Framework, Proportionality,") != std::string::npos);
    const auto names = sheet_names(out);
    REQUIRE(names.size() >= 3);
    CHECK(names[2] == "Proportionality");  // beside the framework it checks
    const auto text = sheet_text(out, "Proportionality");
    for (const char* part : {"Tender design", "Findings", "lots-not-divided", "Evaluation burden", "Panel hours"})
        CHECK(text.find(part) != std::string::npos);

    // The same workbook's record without a design has no such sheet.
    ScratchWorkbook plain("prop_export_plain");
    open_prices(plain, sample);
    const auto plain_out = plain.dir().path() / "record.xlsx";
    plain.ok("export", "--as OFF -o " + quote(plain_out.string()));
    const auto plain_names = sheet_names(plain_out);
    CHECK(std::find(plain_names.begin(), plain_names.end(), "Proportionality") == plain_names.end());
}

TEST_CASE("check --xlsx writes a workbook with the Proportionality sheet alone", "[integration][export]") {
    TempDir dir("prop_xlsx");
    const auto out = dir.path() / "check.xlsx";
    const auto run = tenderbench("check " + quote(disproportionate.string()) + " --xlsx " + quote(out.string()));
    CHECK(run.exit_code == 1);  // the design has errors; the workbook is still written
    CHECK(run.out.find("wrote " + out.string()) != std::string::npos);
    REQUIRE(fs::exists(out));
    CHECK(sheet_names(out) == std::vector<std::string>{"Proportionality"});
    const auto text = sheet_text(out, "Proportionality");
    for (const char* rule : {"framework-valid", "social-value-weight", "turnover-cap", "insurance-before-award",
                             "audited-accounts", "lots-not-divided", "bid-effort", "tender-period", "price-method-risk",
                             "threshold-consequence", "evaluation-burden"})
        CHECK(text.find(rule) != std::string::npos);
    // The burden's cached values are the engine's: 250 bidder hours, 240 panel hours.
    CHECK(text.find("\n250\n") != std::string::npos);
    CHECK(text.find("\n240\n") != std::string::npos);

    // With --json the report stays alone on standard output.
    const auto out2 = dir.path() / "check2.xlsx";
    const auto json = tenderbench("check --json " + quote(disproportionate.string()) + " --xlsx " + quote(out2.string()));
    CHECK_NOTHROW(nlohmann::json::parse(json.out));
    CHECK(json.err.find("wrote ") != std::string::npos);

    // A folder that does not exist: nothing written, exit 1.
    const auto nowhere = tenderbench("check " + quote(disproportionate.string()) + " --xlsx " +
                                     quote((dir.path() / "no" / "such.xlsx").string()));
    CHECK(nowhere.exit_code == 1);
    CHECK(nowhere.err.find("does not exist") != std::string::npos);
}

TEST_CASE("the Proportionality sheet's burden formulas recalculate to the engine's numbers",
          "[integration][office][export]") {
    TempDir dir("prop_office");
    const auto out = dir.path() / "check.xlsx";
    const auto tmpl = source_dir / "templates" / "multi_lot_highways.xml";
    const auto run = tenderbench("check " + quote(tmpl.string()) + " --xlsx " + quote(out.string()));
    REQUIRE(run.exit_code == 0);
    const auto differences = testsupport::recalculation_differences(out, 1e-9);
    for (const auto& d : differences)
        UNSCOPED_INFO(d.sheet << "!" << d.cell << ": cached " << d.cached << ", recalculated " << d.recalculated);
    CHECK(differences.empty());
}
