// Offline score sheets through the real CLI: `export-sheet` writes only what the evaluator may
// score, protected and stamped; `import-sheet` brings the scores back in one audited command and
// refuses, changing nothing, a sheet of another tender or evaluator, an outdated framework, an
// altered cell and every bad row.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <xlsxwriter.h>

#include <set>

#include "app/core/workbook_commands.h"
#include "app/core/xlsx_reader.h"
#include "export_fixture.h"

using namespace tbtest;

namespace {

const fs::path community_meals = source_dir / "sample_tenders" / "community_meals";
const char* const all_questions[] = {"Q1", "Q2", "Q3", "Q4", "Q5", "SV1", "SV2"};

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

// How the sample's framework is varied for a test.
struct Variant {
    bool abstention = false;    // the lot allows abstention
    bool intermediate = false;  // the scale allows any value between its points
    bool hundred = false;       // the scale has 101 points, 0-100 (too many for a dropdown list)
};

// community_meals with its panel (E1-E3, M1) but no scores, so the tender starts at compliance.
fs::path unscored_package(const fs::path& folder, Variant variant) {
    fs::create_directories(folder);
    fs::copy_file(community_meals / "bids.xml", folder / "bids.xml");
    std::string framework = slurp(community_meals / "framework.xml");
    if (variant.abstention)
        replace(framework, "<evaluation precision=\"2\"/>", "<evaluation precision=\"2\" allow-abstention=\"true\"/>");
    if (variant.intermediate) replace(framework, "intermediate=\"false\"", "intermediate=\"true\"");
    if (variant.hundred) {
        const auto from = framework.find("<point value=\"0\"");
        const auto to = framework.find("</scale>");
        std::string points;
        for (int p = 0; p <= 100; ++p)
            points += "<point value=\"" + std::to_string(p) + "\" label=\"Level " + std::to_string(p) + "\">Meets " +
                      std::to_string(p) + "% of the requirement.</point>\n";
        framework.replace(from, to - from, points);
    }
    write_file(folder / "framework.xml", framework);
    const auto scores = slurp(community_meals / "scores.xml");
    const auto from = scores.find("<evaluators>");
    const auto to = scores.find("</evaluators>") + std::string("</evaluators>").size();
    write_file(folder / "scores.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scores>\n" +
                                          scores.substr(from, to - from) + "\n</scores>\n");
    return folder;
}

// Individual evaluation: E1 has declared a conflict with B02 (undecided) and scores Q1-Q3 of
// every bid; E2 scores Q4 of B01 only; E3 every question; M1 has not declared. B06 failed gate G1.
void individual_evaluation(const ScratchWorkbook& wb, Variant variant = {}) {
    const auto package = unscored_package(wb.dir().path() / "package", variant);
    const auto imported = tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) +
                                      " --as OFF --name 'Olu Officer'");
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    wb.ok("phase", "--as OFF individual_evaluation");
    wb.ok("declare", "--as E1 --bid B02 --detail 'My partner works for Brambleford Catering'");
    wb.ok("declare", "--as E2 --none --detail 'No links to any bidder'");
    wb.ok("declare", "--as E3 --none --detail 'No links to any bidder'");
    for (const char* q : {"Q1", "Q2", "Q3"}) wb.ok("assign", std::string("--as OFF --evaluator E1 --criterion ") + q);
    wb.ok("assign", "--as OFF --evaluator E2 --criterion Q4 --bid B01");
    for (const char* q : all_questions) wb.ok("assign", std::string("--as OFF --evaluator E3 --criterion ") + q);
}

std::string head(const ScratchWorkbook& wb) { return head_hash(wb.ok("status", "--as OFF")); }

fs::path export_sheet(const ScratchWorkbook& wb, const std::string& evaluator, const std::string& name,
                      const std::string& as = "") {
    const auto out = wb.dir().path() / name;
    const auto run = wb.ok(
        "export-sheet", "--evaluator " + evaluator + (as.empty() ? "" : " --as " + as) + " -o " + quote(out.string()));
    CHECK(run.out.find("wrote " + out.string()) == 0);
    REQUIRE(fs::exists(out));
    return out;
}

Run import_sheet(const ScratchWorkbook& wb, const fs::path& sheet, const std::string& rest = "") {
    return wb.run("import-sheet", quote(sheet.string()) + " " + rest);
}

core::Table sheet_table(const fs::path& xlsx, const std::string& name) { return core::XlsxWorkbook(xlsx).sheet(name); }

// The sheet row (1-based, as Excel numbers it) of bid × question on Scores.
int row_of(const fs::path& xlsx, const std::string& bid, const std::string& question) {
    for (const auto& row : sheet_table(xlsx, "Scores").rows)
        if (row.at(0).text == bid && row.at(3).text == question) return row.line;
    FAIL("no row for " << bid << " " << question);
    return 0;
}

// Types a score (a number, or text such as "Abstain") and a justification into a row.
void fill(const fs::path& xlsx, const std::string& bid, const std::string& question, const std::string& score,
          const std::string& justification) {
    const auto line = std::to_string(row_of(xlsx, bid, question));
    char* end = nullptr;
    const double value = std::strtod(score.c_str(), &end);
    if (!score.empty() && *end == '\0')
        testsupport::set_cell_number(xlsx, testsupport::sheet_index(xlsx, "Scores"), "I" + line, value);
    else
        testsupport::set_cell_text(xlsx, "Scores", "I" + line, score);
    testsupport::set_cell_text(xlsx, "Scores", "J" + line, justification);
}

std::string stamp_value(const fs::path& xlsx, const std::string& key) {
    for (const auto& row : sheet_table(xlsx, "Stamp").rows)
        if (row.at(0).text == key) return row.at(1).text;
    FAIL("no stamp entry " << key);
    return "";
}

// A refusal of the whole sheet: exit 1, the rule named, and the workbook exactly as before.
void check_refused_unchanged(const ScratchWorkbook& wb, const Run& run, const std::string& rule,
                             const std::string& before) {
    check_refused(run, rule);
    CHECK(head(wb) == before);
}

// The dropdown of scale points on the Score column of the 12 rows, protection on every sheet,
// the inputs (I, J) unlocked and the fixed cells locked.
void check_dropdown_and_protection(const fs::path& sheet) {
    const auto scores_xml = testsupport::read_part(sheet, "xl/worksheets/sheet2.xml");
    CHECK(scores_xml.find("<dataValidation type=\"list\"") != std::string::npos);
    CHECK(scores_xml.find("sqref=\"I4:I15\"") != std::string::npos);
    CHECK(scores_xml.find("<formula1>\"0,1,2,3,4,5\"</formula1>") != std::string::npos);
    for (int i = 1; i <= 4; ++i)
        CHECK(testsupport::read_part(sheet, "xl/worksheets/sheet" + std::to_string(i) + ".xml")
                  .find("<sheetProtection") != std::string::npos);
    // Input cells (I, J) unlocked, fixed cells locked.
    pugi::xml_document styles, scores;
    const auto styles_xml = testsupport::read_part(sheet, "xl/styles.xml");
    REQUIRE(styles.load_string(styles_xml.c_str()));
    REQUIRE(scores.load_string(scores_xml.c_str()));
    std::vector<pugi::xml_node> xfs;
    for (auto xf : styles.child("styleSheet").child("cellXfs").children("xf")) xfs.push_back(xf);
    auto unlocked = [&](const std::string& ref) {
        const auto c = scores.select_node(("//*[local-name()='c'][@r='" + ref + "']").c_str()).node();
        REQUIRE(c);
        const auto xf = xfs.at(c.attribute("s").as_uint());
        return std::string(xf.child("protection").attribute("locked").value()) == "0";
    };
    CHECK(unlocked("I4"));
    CHECK(unlocked("J15"));
    CHECK_FALSE(unlocked("A4"));
    CHECK_FALSE(unlocked("E4"));
}

}  // namespace

TEST_CASE(
    "a score sheet holds only the evaluator's assigned, unconflicted bids, with a dropdown, protection "
    "and a hidden stamp",
    "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_export");
    individual_evaluation(wb);
    const auto before = head(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    CHECK(head(wb) == before);  // exporting is read-only

    core::XlsxWorkbook book(sheet);
    REQUIRE(book.sheets().size() == 4);
    CHECK(book.sheets()[0].name == "Instructions");
    CHECK(book.sheets()[1].name == "Scores");
    CHECK(book.sheets()[2].name == "Scales");
    CHECK(book.sheets()[3].name == "Stamp");
    CHECK(book.sheets()[3].hidden);

    // B02 (conflict) and B06 (failed gate) are left out; only Q1-Q3, in framework order.
    std::vector<std::string> items;
    for (const auto& row : book.sheet("Scores").rows)
        if (row.line >= 4) items.push_back(row.at(0).text + " " + row.at(3).text);
    const std::vector<std::string> expected{"B01 Q1", "B01 Q2", "B01 Q3", "B03 Q1", "B03 Q2", "B03 Q3",
                                            "B04 Q1", "B04 Q2", "B04 Q3", "B05 Q1", "B05 Q2", "B05 Q3"};
    CHECK(items == expected);
    CHECK(stamp_value(sheet, "rows") == "12");
    CHECK(stamp_value(sheet, "evaluator") == "E1");
    CHECK(stamp_value(sheet, "format") == "tenderbench-score-sheet 1");
    CHECK(stamp_value(sheet, "fixed-hash").size() == 64);

    // No price anywhere a reader can see (prices are sealed until price opening).
    for (const char* name : {"Instructions", "Scores", "Scales"})
        for (const auto& row : book.sheet(name).rows)
            for (const auto& cell : row.cells)
                for (const char* price : {"489000", "489,000", "452400", "512750", "348600", "438900"})
                    CHECK(cell.text.find(price) == std::string::npos);
    // Every point of the scale, with its descriptor.
    std::set<std::string> labels;
    for (const auto& row : book.sheet("Scales").rows)
        if (row.line >= 4) labels.insert(row.at(2).text + " " + row.at(3).text);
    CHECK(labels ==
          std::set<std::string>{"0 Unacceptable", "1 Poor", "2 Weak", "3 Satisfactory", "4 Good", "5 Excellent"});

    check_dropdown_and_protection(sheet);

    // E2 gets only B01 Q4; the officer may export E2's sheet on their behalf.
    const auto e2 = export_sheet(wb, "E2", "e2.xlsx", "OFF");
    CHECK(stamp_value(e2, "rows") == "1");
    CHECK(stamp_value(e2, "exported by") == "OFF");
}

TEST_CASE("export-sheet refuses who may not have or make a sheet, naming the rule", "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_export_refusals");
    individual_evaluation(wb);
    const auto out = wb.dir().path() / "refused.xlsx";
    const std::string o = " -o " + quote(out.string());
    check_refused(wb.run("export-sheet", "--evaluator E1 --as E2" + o), "role");
    check_refused(wb.run("export-sheet", "--evaluator OFF" + o), "role");
    check_refused(wb.run("export-sheet", "--evaluator M1 --as OFF" + o), "conflict-declaration");
    check_refused(wb.run("export-sheet", "--evaluator NOBODY --as OFF" + o), "unknown-actor");
    wb.ok("declare", "--as M1 --none --detail 'No links to any bidder'");
    check_refused(wb.run("export-sheet", "--evaluator M1" + o), "assignment");
    // E2's only bid is B01: with a conflict there they have nothing to score.
    wb.ok("declare", "--as E2 --bid B01 --detail 'Former director of Larkrise'");
    check_refused(wb.run("export-sheet", "--evaluator E2" + o), "nothing-to-score");
    wb.ok("phase", "--as OFF compliance --reason 'A gate result is being checked again'");
    check_refused(wb.run("export-sheet", "--evaluator E1" + o), "phase");
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a filled-in sheet imports as one command naming the sheet, and importing it again records nothing",
          "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_import");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1 scores.xlsx");
    const auto fixed_hash = stamp_value(sheet, "fixed-hash");
    fill(sheet, "B01", "Q1", "4", "Six routes inside the window (s.1.2, p.3)");
    fill(sheet, "B01", "Q2", "3", "Analysed menu (App. C); cultural choice thin (s.2.2)");
    fill(sheet, "B03", "Q3", "5", "Exemplary escalation flowchart (s.3.3)");
    const auto records_before = wb.count("SELECT COUNT(*) FROM audit");

    const auto dry = import_sheet(wb, sheet, "--dry-run");
    check_ok(dry);
    CHECK(dry.out.find("would record B01 Q1 (Scores!I4): 4 (new)") != std::string::npos);
    CHECK(wb.count("SELECT COUNT(*) FROM audit") == records_before);

    const auto run = import_sheet(wb, sheet);
    check_ok(run);
    CHECK(run.out.find("new 3, changed 0, abstentions 0, unchanged 0, empty 9") != std::string::npos);
    CHECK(wb.count("SELECT COUNT(*) FROM audit") == records_before + 3);
    CHECK(wb.ok("scores", "--as E1 --bid B01 --criterion Q1").out ==
          "B01\tQ1\tE1\t4\tSix routes inside the window (s.1.2, p.3)\n");
    const auto log = nlohmann::json::parse(wb.ok("log", "--as OFF --json").out);
    const auto& last = log.back();
    CHECK(last["action"] == "import-sheet");
    CHECK(last["actor"] == "E1");
    CHECK(last["reason"].get<std::string>().find("score sheet e1 scores.xlsx of E1") != std::string::npos);
    CHECK(last["reason"].get<std::string>().find("fixed-hash " + fixed_hash) != std::string::npos);

    // Again: harmless, nothing written.
    const auto again = import_sheet(wb, sheet);
    check_ok(again);
    CHECK(again.out.find("nothing new: 3 scores already recorded") != std::string::npos);
    CHECK(wb.count("SELECT COUNT(*) FROM audit") == records_before + 3);

    // A correction on the same sheet, imported by the officer on E1's behalf: attributed to E1.
    fill(sheet, "B01", "Q2", "2", "On re-reading, halal only on request (s.2.2, p.8)");
    const auto corrected = import_sheet(wb, sheet, "--as OFF");
    check_ok(corrected);
    CHECK(corrected.out.find("changed 1") != std::string::npos);
    CHECK(wb.ok("scores", "--as OFF --bid B01 --criterion Q2").out ==
          "B01\tQ2\tE1\t2\tOn re-reading, halal only on request (s.2.2, p.8)\n");
    const auto after = nlohmann::json::parse(wb.ok("log", "--as OFF --json").out).back();
    CHECK(after["actor"] == "OFF");
    CHECK(after["reason"].get<std::string>().find("imported by OFF on E1's behalf") != std::string::npos);

    // A new export continues the work: recorded scores are filled in.
    const auto next = export_sheet(wb, "E1", "e1 next.xlsx");
    const auto table = sheet_table(next, "Scores");
    for (const auto& row : table.rows)
        if (row.at(0).text == "B01" && row.at(3).text == "Q2") {
            CHECK(row.at(8).text == "2");
            CHECK(row.at(9).text == "On re-reading, halal only on request (s.2.2, p.8)");
        }
    check_ok(wb.run("verify", "--as OFF"));
}

TEST_CASE("abstaining on a sheet: with a reason where the lot allows it, refused where it does not",
          "[integration][score-sheet]") {
    ScratchWorkbook allowed("sheet_abstain");
    individual_evaluation(allowed, {true, false, false});
    const auto sheet = export_sheet(allowed, "E1", "e1.xlsx");
    CHECK(testsupport::read_part(sheet, "xl/worksheets/sheet2.xml").find("\"0,1,2,3,4,5,Abstain\"") !=
          std::string::npos);
    fill(sheet, "B04", "Q1", "Abstain", "I reviewed Quickplate's mobilisation plan as a consultant in 2024");
    fill(sheet, "B04", "Q2", "abstain", "");
    const auto missing = import_sheet(allowed, sheet);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("sheet 'Scores', cell J11: empty: an abstention needs its reason") != std::string::npos);
    fill(sheet, "B04", "Q2", "", "");
    const auto run = import_sheet(allowed, sheet);
    check_ok(run);
    CHECK(run.out.find("abstentions 1") != std::string::npos);
    CHECK(allowed.ok("scores", "--as E1 --bid B04").out ==
          "B04\tQ1\tE1\tabstained\tI reviewed Quickplate's mobilisation plan as a consultant in 2024\n");

    ScratchWorkbook plain("sheet_no_abstain");
    individual_evaluation(plain);
    const auto other = export_sheet(plain, "E1", "e1.xlsx");
    fill(other, "B04", "Q1", "Abstain", "I reviewed Quickplate's plan");
    const auto before = head(plain);
    const auto refused = import_sheet(plain, other);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("cell I10: 'Abstain': the framework does not allow abstention in lot 1") !=
          std::string::npos);
    CHECK(head(plain) == before);
}

TEST_CASE("scales that allow any value, or have too many points for a list, get a formula check",
          "[integration][score-sheet]") {
    ScratchWorkbook between("sheet_intermediate");
    individual_evaluation(between, {true, true, false});
    const auto sheet = export_sheet(between, "E1", "e1.xlsx");
    const auto xml = testsupport::read_part(sheet, "xl/worksheets/sheet2.xml");
    CHECK(xml.find("<dataValidation type=\"custom\"") != std::string::npos);
    CHECK(xml.find("<formula1>OR(I4=\"Abstain\",AND(ISNUMBER(I4),I4&gt;=0,I4&lt;=5))</formula1>") != std::string::npos);
    fill(sheet, "B01", "Q1", "3.5", "Between satisfactory and good (s.1.2)");
    fill(sheet, "B01", "Q2", "5.5", "Beyond the scale");
    const auto refused = import_sheet(between, sheet);
    CHECK(refused.err.find("cell I5: '5.5' is not on scale nhc0-5; expected any value from 0 to 5; or Abstain") !=
          std::string::npos);
    fill(sheet, "B01", "Q2", "", "");
    check_ok(import_sheet(between, sheet));
    CHECK(between.ok("scores", "--as E1").out == "B01\tQ1\tE1\t3.5\tBetween satisfactory and good (s.1.2)\n");

    ScratchWorkbook hundred("sheet_hundred");
    individual_evaluation(hundred, {false, false, true});
    const auto long_list = export_sheet(hundred, "E1", "e1.xlsx");
    CHECK(testsupport::read_part(long_list, "xl/worksheets/sheet2.xml")
              .find("<formula1>AND(TRUE,ISNUMBER(MATCH(I4,'Scales'!$C$4:$C$104,0)))</formula1>") != std::string::npos);
    fill(long_list, "B01", "Q1", "37", "Partly meets the requirement (s.1.2)");
    check_ok(import_sheet(hundred, long_list));

    ScratchWorkbook decimal("sheet_decimal");
    individual_evaluation(decimal, {false, true, false});
    const auto range = testsupport::read_part(export_sheet(decimal, "E1", "e1.xlsx"), "xl/worksheets/sheet2.xml");
    CHECK(range.find("<dataValidation type=\"decimal\"") != std::string::npos);
    CHECK(range.find("<formula1>0</formula1><formula2>5</formula2>") != std::string::npos);
}

TEST_CASE("every bad row is listed with its cell and nothing is imported", "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_rows");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    fill(sheet, "B01", "Q1", "4", "Good evidence (s.1.2)");  // fine on its own
    fill(sheet, "B01", "Q2", "7", "Far beyond the specification");
    fill(sheet, "B01", "Q3", "four", "Clear flowchart");
    fill(sheet, "B03", "Q1", "3.5", "Between satisfactory and good");
    fill(sheet, "B03", "Q2", "3", "   ");
    const auto before = head(wb);
    const auto run = import_sheet(wb, sheet);
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(
              "e1.xlsx, sheet 'Scores', cell I5: '7' is not on scale nhc0-5; expected one of 0, 1, 2, 3, 4, 5") !=
          std::string::npos);
    CHECK(run.err.find("cell I6: 'four' is neither a score nor Abstain") != std::string::npos);
    CHECK(run.err.find("cell I7: '3.5' is not on scale nhc0-5") != std::string::npos);
    CHECK(run.err.find("cell J8: empty: the score 3 needs a justification") != std::string::npos);
    CHECK(run.err.find("4 problems: nothing was imported") != std::string::npos);
    CHECK(head(wb) == before);
    CHECK(wb.ok("scores", "--as E1").out.empty());
}

TEST_CASE("import-sheet refuses another evaluator's or tender's sheet, or one from an older framework",
          "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_refusals");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    fill(sheet, "B01", "Q1", "4", "Six routes inside the window (s.1.2, p.3)");
    const auto before = head(wb);

    SECTION("another evaluator's sheet") {
        check_refused_unchanged(wb, import_sheet(wb, sheet, "--as E3"), "sheet-evaluator", before);
        const auto e2 = export_sheet(wb, "E2", "e2.xlsx");
        const auto run = import_sheet(wb, e2, "--as E1");
        check_refused_unchanged(wb, run, "sheet-evaluator", before);
        CHECK(run.err.find("e2.xlsx, sheet 'Stamp', cell B4: this is the score sheet of E2") != std::string::npos);
    }
    SECTION("another tender's sheet") {
        ScratchWorkbook other("sheet_other_tender");
        other.ok("new",
                 "--template monetised_quality --name 'Consultancy call-off' --reference SE-2026-7 --as O1 "
                 "--officer-name 'Olive Officer'");
        other.ok("evaluator add", "--as O1 --id E1 --name 'Eva Ek' --role evaluator");
        other.ok("assign", "--as O1 --evaluator E1 --criterion K1");
        other.ok("bid add", "--as O1 --id B1 --lot 1 --bidder 'Alfa Konsult AB' --price 1000.00");
        other.ok("phase", "--as O1 compliance");
        for (const char* gate : {"G1", "G2", "G3"})
            other.ok("gate", std::string("--as O1 --bid B1 --gate ") + gate + " --pass --reason 'Certificate seen'");
        other.ok("phase", "--as O1 individual_evaluation");
        other.ok("declare", "--as E1 --none --detail 'No links'");
        const auto foreign = export_sheet(other, "E1", "foreign.xlsx");
        const auto run = import_sheet(wb, foreign);
        check_refused_unchanged(wb, run, "sheet-tender", before);
        CHECK(run.err.find("this sheet is for tender 'Consultancy call-off'") != std::string::npos);
    }
    SECTION("the framework changed since the export") {
        const auto changed = wb.dir().path() / "framework-v2.xml";
        std::string xml = slurp(wb.dir().path() / "package" / "framework.xml");
        xml.replace(xml.find("(Maximum 4 pages.)"), 18, "(Maximum 5 pages.)");
        write_file(changed, xml);
        wb.ok("framework",
              "--as OFF --file " + quote(changed.string()) + " --reason 'Page limit corrected by addendum 2'");
        const auto after_change = head(wb);
        const auto run = import_sheet(wb, sheet);
        check_refused_unchanged(wb, run, "sheet-framework", after_change);
        CHECK(run.err.find("the framework changed on 20") != std::string::npos);
        CHECK(run.err.find("export a new sheet") != std::string::npos);
    }
}

TEST_CASE("import-sheet refuses an altered, stale or unstamped sheet, changing nothing", "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_altered");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    fill(sheet, "B01", "Q1", "4", "Six routes inside the window (s.1.2, p.3)");
    const auto before = head(wb);

    SECTION("an altered fixed cell is named") {
        testsupport::set_cell_text(sheet, "Scores", "E4", "Service delivery (easy version)");
        const auto run = import_sheet(wb, sheet);
        check_refused_unchanged(wb, run, "sheet-altered", before);
        CHECK(run.err.find("e1.xlsx, sheet 'Scores': fixed cells were altered") != std::string::npos);
        CHECK(run.err.find("cell E4 holds 'Service delivery (easy version)' where the sheet was exported with "
                           "'Service delivery and logistics'") != std::string::npos);
    }
    SECTION("a bid id moved to another row") {
        testsupport::set_cell_text(sheet, "Scores", "A4", "B02");
        check_refused_unchanged(wb, import_sheet(wb, sheet), "sheet-altered", before);
    }
    SECTION("a stamp edited to another evaluator") {
        testsupport::set_cell_text(sheet, "Stamp", "B4", "E3");
        check_refused_unchanged(wb, import_sheet(wb, sheet), "sheet-altered", before);
    }
    SECTION("a score changed in the workbook after the export") {
        wb.ok("score", "--as E1 --bid B01 --criterion Q1 --score 5 --justification 'Re-read: outstanding'");
        const auto scored = head(wb);
        fill(sheet, "B01", "Q1", "3", "Adequate");
        const auto run = import_sheet(wb, sheet);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("cell I4: the recorded score for bid B01, question Q1 (5) was changed at") !=
              std::string::npos);
        CHECK(run.err.find("sheet-stale") != std::string::npos);
        CHECK(head(wb) == scored);
    }
    SECTION("a file that is not a spreadsheet, and a spreadsheet without a stamp") {
        const auto text = wb.dir().path() / "notes.xlsx";
        write_file(text, "These are my notes, not a spreadsheet.\n");
        const auto run = import_sheet(wb, text);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("notes.xlsx") != std::string::npos);
        CHECK(head(wb) == before);

        const auto bare = wb.dir().path() / "bare.xlsx";
        lxw_workbook* book = workbook_new(bare.c_str());
        worksheet_write_string(workbook_add_worksheet(book, "Scores"), 0, 0, "Bid", nullptr);
        REQUIRE(workbook_close(book) == LXW_NO_ERROR);
        const auto unstamped = import_sheet(wb, bare);
        check_refused_unchanged(wb, unstamped, "sheet-stamp", before);
        CHECK(unstamped.err.find("has no sheet 'Stamp'") != std::string::npos);
    }
}

TEST_CASE("a sheet cannot be imported once moderation has locked the individual scores", "[integration][score-sheet]") {
    ScratchWorkbook wb("sheet_locked");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    for (const char* bid : {"B01", "B03", "B04", "B05"})
        for (const char* q : {"Q1", "Q2", "Q3"}) fill(sheet, bid, q, "3", "Meets the requirement (section 2)");
    check_ok(import_sheet(wb, sheet));
    {
        auto book = core::Workbook::open(wb.file());
        core::score(book, "E2", "B01", "Q4", 3, "Sound TUPE plan (s.4.1)");
        for (const char* bid : {"B01", "B02", "B03", "B04", "B05"})
            for (const char* q : all_questions) core::score(book, "E3", bid, q, 3, "Meets the requirement (s.2)");
    }
    wb.ok("phase", "--as OFF moderation");
    fill(sheet, "B01", "Q1", "4", "On reflection, good evidence (s.1.2)");
    const auto before = head(wb);
    check_refused_unchanged(wb, import_sheet(wb, sheet), "locked", before);
    // Even back in individual evaluation, a recorded score stays locked; the cell is named.
    wb.ok("phase", "--as OFF individual_evaluation --reason 'E3 asked to re-read bid B05'");
    const auto back = head(wb);
    const auto run = import_sheet(wb, sheet);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("cell I4: refused by rule locked") != std::string::npos);
    CHECK(head(wb) == back);
}

TEST_CASE("a score sheet opens in LibreOffice Calc, and a sheet saved by Calc still imports",
          "[integration][score-sheet][office][slow]") {
    ScratchWorkbook wb("sheet_office");
    individual_evaluation(wb);
    const auto sheet = export_sheet(wb, "E1", "e1.xlsx");
    fill(sheet, "B05", "Q3", "4", "Named safeguarding lead and Level 3 training (s.3.4)");
    const auto sheets = testsupport::calc_sheets(sheet, testsupport::Recalc::never);
    const auto& scores = sheet_named(sheets, "Scores");
    CHECK(scores.rows.at(2).at(0) == "Bid");
    CHECK(scores.rows.at(3).at(0) == "B01");
    CHECK_NOTHROW(sheet_named(sheets, "Instructions"));
    CHECK_NOTHROW(sheet_named(sheets, "Scales"));

    // Calc reads and writes the file again (shared strings, its own styles): still the same sheet.
    const auto saved = testsupport::office_convert(sheet, "xlsx:Calc MS Excel 2007 XML", wb.dir().path() / "calc");
    const auto run = import_sheet(wb, saved);
    check_ok(run);
    CHECK(run.out.find("new 1") != std::string::npos);
    CHECK(wb.ok("scores", "--as E1").out == "B05\tQ3\tE1\t4\tNamed safeguarding lead and Level 3 training (s.3.4)\n");
}
