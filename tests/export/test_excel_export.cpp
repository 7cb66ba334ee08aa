// `tenderbench export`: the workbook every sample tender exports to, opened and recalculated in
// LibreOffice Calc; its numbers against the program's own; refusals and failures.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>

#include "app/core/excel_export.h"
#include "app/core/summary_letters.h"
#include "export_fixture.h"

using namespace tbtest;

namespace {

// Bid id -> total, from `tenderbench evaluate FILE --json` (the engine's own numbers).
std::map<std::string, double> program_totals(const ScratchWorkbook& wb) {
    const auto run = wb.ok("evaluate", "--as OFF --json");
    std::map<std::string, double> totals;
    const auto evaluation = nlohmann::json::parse(run.out);  // held: the loop below refers into it
    for (const auto& lot : evaluation["lots"])
        for (const auto& bid : lot["bids"])
            if (bid.contains("total") && bid["total"].is_number()) totals[bid["id"].get<std::string>()] = bid["total"].get<double>();
    return totals;
}

}  // namespace

TEST_CASE("every sample tender exports a workbook whose formulas recalculate to the program's own numbers",
          "[integration][office][export]") {
    const char* sample = GENERATE("community_meals", "domiciliary_care", "highways_minor_works");
    ScratchWorkbook wb(std::string("export_") + sample);
    open_prices(wb, source_dir / "sample_tenders" / sample);
    const auto out = wb.dir().path() / "record.xlsx";
    const auto run = wb.ok("export", "--as OFF -o " + quote(out.string()));
    CHECK(run.out.find("verified: the audit trail is complete and unaltered") != std::string::npos);
    REQUIRE(fs::exists(out));

    INFO("sample " << sample);
    // Every formula Calc recomputes gives the value the program cached, to 1e-9.
    const auto differences = testsupport::recalculation_differences(out, 1e-9);
    for (const auto& d : differences)
        UNSCOPED_INFO(d.sheet << "!" << d.cell << ": cached " << d.cached << ", recalculated " << d.recalculated);
    CHECK(differences.empty());

    // And the recalculated totals are the engine's (evaluate --json), bid by bid.
    const auto sheets = testsupport::calc_sheets(out, testsupport::Recalc::always);
    const auto& summary = sheet_named(sheets, "Summary");
    const std::size_t header = 3;
    const auto bid_col = column_of(summary, header, "Bid");
    const auto total_col = column_of(summary, header, "Total");
    const auto in_col = column_of(summary, header, "In contention");
    const auto totals = program_totals(wb);
    REQUIRE(totals.size() >= 4);
    std::size_t compared = 0;
    for (std::size_t r = header + 1; r < summary.rows.size(); ++r) {
        const auto& row = summary.rows[r];
        const auto it = totals.find(row[bid_col]);
        if (it == totals.end() || row[in_col] != "1") continue;
        INFO("bid " << row[bid_col]);
        CHECK(std::fabs(std::stod(row[total_col]) - it->second) <= 1e-9);
        ++compared;
    }
    CHECK(compared == totals.size());

    // The sheets the issue names are all there.
    for (const char* name : {"Summary", "Framework", "Individual scores", "Moderation", "Evaluators",
                             "Assessment summaries", "Audit trail"})
        CHECK_NOTHROW(sheet_named(sheets, name));
}

TEST_CASE("text from bidders is written as text, never as a formula", "[integration][office][export]") {
    // Copy a sample and give two bidders names that a spreadsheet would otherwise run.
    TempDir package("injection_package");
    const auto sample = source_dir / "sample_tenders" / "community_meals";
    for (const auto& f : fs::directory_iterator(sample)) fs::copy(f.path(), package.path() / f.path().filename());
    std::string bids = slurp(package.path() / "bids.xml");
    const std::string hyperlink = "=HYPERLINK(\"http://evil.example/\",\"click\")";
    const std::string dde = "+cmd|' /C calc'!A0";
    const auto rename = [&](const std::string& from, const std::string& to) {
        const auto at = bids.find("bidder=\"" + from + "\"");
        REQUIRE(at != std::string::npos);
        std::string escaped;
        for (char c : to) escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
        bids.replace(at, from.size() + 9, "bidder=\"" + escaped + "\"");
    };
    rename("Larkrise Kitchens Ltd", hyperlink);
    rename("Age Well Harland", dde);
    std::ofstream(package.path() / "bids.xml", std::ios::binary) << bids;

    ScratchWorkbook wb("export_injection");
    open_prices(wb, package.path());
    const auto out = wb.dir().path() / "record.xlsx";
    wb.ok("export", "--as OFF -o " + quote(out.string()));
    const auto sheets = testsupport::calc_sheets(out, testsupport::Recalc::always);
    const auto& summary = sheet_named(sheets, "Summary");
    const auto bidder_col = column_of(summary, 3, "Bidder");
    std::size_t literal = 0;
    for (const auto& row : summary.rows)
        if (row[bidder_col] == hyperlink || row[bidder_col] == dde) ++literal;
    CHECK(literal == 2);
    // Nowhere did Calc turn either into a link's text or a result.
    for (const auto& s : sheets)
        for (const auto& row : s.rows)
            for (const auto& value : row) CHECK(value != "click");
}

TEST_CASE("export refuses who may not export and when prices are sealed, writing nothing", "[integration][export]") {
    ScratchWorkbook wb("export_refused");
    auto r = tenderbench("import " + quote((source_dir / "sample_tenders" / "community_meals").string()) + " " +
                         quote(wb.file().string()) + " --as OFF --name 'Olu Officer'");
    REQUIRE(r.exit_code == 0);
    const auto out = wb.dir().path() / "record.xlsx";
    // Still in moderation: prices are sealed.
    check_refused(wb.run("export", "--as OFF -o " + quote(out.string())), "prices-sealed");
    CHECK_FALSE(fs::exists(out));
    wb.ok("phase", "--as OFF price_evaluation");
    // An evaluator holds no right to the whole record.
    check_refused(wb.run("export", "--as E1 -o " + quote(out.string())), "role");
    CHECK_FALSE(fs::exists(out));
    // Not on the panel at all.
    const auto stranger = wb.run("export", "--as NOBODY -o " + quote(out.string()));
    CHECK(stranger.exit_code == 1);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an unwritable or failing output leaves no file, partial or whole", "[integration][export]") {
    ScratchWorkbook wb("export_fail");
    open_prices(wb, source_dir / "sample_tenders" / "community_meals");

    SECTION("missing folder") {
        const auto r = wb.run("export", "--as OFF -o " + quote((wb.dir().path() / "no/such/dir/x.xlsx").string()));
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("does not exist") != std::string::npos);
    }
    SECTION("the target is a folder") {
        fs::create_directory(wb.dir().path() / "folder.xlsx");
        const auto r = wb.run("export", "--as OFF -o " + quote((wb.dir().path() / "folder.xlsx").string()));
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("is a folder") != std::string::npos);
    }
    SECTION("the disk fills up while writing") {
        // A 64 KB file-size limit makes the writes fail part-way (EFBIG, with SIGXFSZ ignored).
        const auto out = wb.dir().path() / "full.xlsx";
        const auto r = run_shell("ulimit -f 64; trap '' XFSZ; " + quote(TENDERBENCH_CLI) + " export " +
                                 quote(wb.file().string()) + " --as OFF -o " + quote(out.string()));
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("cannot") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    // Whatever failed, nothing is left next to the workbook but the workbook itself (and its WAL files).
    for (const auto& f : fs::directory_iterator(wb.dir().path())) {
        const auto name = f.path().filename().string();
        CHECK((name.rfind("export_fail.tender", 0) == 0 || name == "folder.xlsx"));
    }
}

TEST_CASE("an auditor who changes a weight in the exported workbook sees the engine's new ranking",
          "[integration][office][export]") {
    // The export of community meals; then, as in Excel, price 40 -> 10 and quality 50 -> 80.
    ScratchWorkbook wb("export_reweight");
    open_prices(wb, source_dir / "sample_tenders" / "community_meals");
    const auto out = wb.dir().path() / "record.xlsx";
    wb.ok("export", "--as OFF -o " + quote(out.string()));
    const auto before = testsupport::calc_sheets(out, testsupport::Recalc::never);
    const auto& framework = sheet_named(before, "Framework");
    const auto weight_cell = [&](const std::string& criterion) {
        for (std::size_t r = 0; r < framework.rows.size(); ++r)
            if (framework.rows[r].size() > 4 && framework.rows[r][1] == criterion) return testsupport::cell_name(r, 4);
        FAIL("no row for " << criterion);
        return std::string();
    };
    testsupport::set_cell_number(out, 2, weight_cell("PRICE"), 10);  // Framework is the second tab
    testsupport::set_cell_number(out, 2, weight_cell("QUAL"), 80);

    // The same change made to the framework and evaluated by the engine.
    TempDir package("reweighted_package");
    for (const auto& f : fs::directory_iterator(source_dir / "sample_tenders" / "community_meals"))
        fs::copy(f.path(), package.path() / f.path().filename());
    std::string xml = slurp(package.path() / "framework.xml");
    const auto replace = [&](const std::string& from, const std::string& to) {
        const auto at = xml.find(from);
        REQUIRE(at != std::string::npos);
        xml.replace(at, from.size(), to);
    };
    replace("type=\"price\" weight=\"40\"", "type=\"price\" weight=\"10\"");
    replace("type=\"quality\" weight=\"50\"", "type=\"quality\" weight=\"80\"");
    std::ofstream(package.path() / "framework.xml", std::ios::binary) << xml;
    const auto run = tenderbench("evaluate " + quote(package.path().string()) + " --json");
    REQUIRE(run.exit_code == 0);
    std::map<std::string, std::pair<double, int>> engine;  // bid -> (total, rank)
    const auto evaluation = nlohmann::json::parse(run.out);
    for (const auto& bid : evaluation["lots"][0]["bids"])
        if (bid.contains("rank") && bid["rank"].is_number())
            engine[bid["id"].get<std::string>()] = {bid["total"].get<double>(), bid["rank"].get<int>()};
    REQUIRE(engine.size() == 4);

    const auto after = testsupport::calc_sheets(out, testsupport::Recalc::always);
    const auto& summary = sheet_named(after, "Summary");
    const auto bid_col = column_of(summary, 3, "Bid");
    const auto total_col = column_of(summary, 3, "Total");
    const auto live_col = column_of(summary, 3, "Live rank");
    const auto rank_col = column_of(summary, 3, "Rank");
    std::size_t compared = 0, moved = 0;
    for (std::size_t r = 4; r < summary.rows.size(); ++r) {
        const auto& row = summary.rows[r];
        const auto it = engine.find(row[bid_col]);
        if (it == engine.end() || row[live_col].empty()) continue;
        INFO("bid " << row[bid_col]);
        CHECK(std::fabs(std::stod(row[total_col]) - it->second.first) <= 1e-9);
        CHECK(std::stoi(row[live_col]) == it->second.second);
        moved += std::stoi(row[live_col]) != std::stoi(row[rank_col]) ? 1 : 0;  // recorded rank is the old one
        ++compared;
    }
    CHECK(compared == 4);
    CHECK(moved == 2);  // B02 and B03 change places
}

namespace {

// Asks to stop once a stage naming `at` has been reported (the GUI's Cancel at that moment).
struct CancelAt : core::Progress {
    std::string at;
    std::vector<std::string> seen;
    bool stop = false;
    explicit CancelAt(std::string stage) : at(std::move(stage)) {}
    void report(const std::string& stage, double) override {
        seen.push_back(stage);
        if (stage.find(at) != std::string::npos) stop = true;
    }
    bool cancelled() const override { return stop; }
};

}  // namespace

TEST_CASE("an export or letters cancelled at any stage leave no file, and report each stage otherwise",
          "[integration][export]") {
    ScratchWorkbook wb("export_cancel");
    open_prices(wb, source_dir / "sample_tenders" / "community_meals");
    auto book = core::Workbook::open(wb.file());
    const auto out = wb.dir().path() / "record.xlsx";
    CancelAt all("no such stage");
    core::export_excel(book, "OFF", out, &all);
    REQUIRE(fs::exists(out));
    fs::remove(out);
    REQUIRE(all.seen.size() >= 6);
    for (const auto& stage : all.seen) {
        CancelAt cancel(stage);
        CHECK_THROWS_AS(core::export_excel(book, "OFF", out, &cancel), core::Cancelled);
        CHECK_FALSE(fs::exists(out));
        for (const auto& entry : fs::directory_iterator(wb.dir().path()))  // nor its .record.xlsx.partial-PID
            CHECK(entry.path().filename().string().find("record.xlsx") == std::string::npos);
    }
    const auto letters = wb.dir().path() / "letters";
    CancelAt third("Quickplate");  // a bidder part-way through the letters
    CHECK_THROWS_AS(core::write_summary_letters(book, "OFF", letters, &third), core::Cancelled);
    std::size_t left = 0;
    if (fs::exists(letters))
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(letters)) ++left;
    CHECK(left == 0);
}
