// Importing sample tenders into workbooks: the same evaluation as the package, a verified trail.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/package_evaluation.h"
#include "app/core/report_json.h"
#include "app/core/verify.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "app/core/workbook_schema.h"
#include "tests/workbook/workbook_fixture.h"

using namespace core;
using test::TempFolder;
namespace fs = std::filesystem;

namespace {

Workbook import_sample(const TempFolder& tmp, const std::string& name) {
    const auto folder = test::source_dir / "sample_tenders" / name;
    const auto package = read_package(folder);
    auto wb = Workbook::create(tmp / (name + ".tender"));
    import_package(wb, package, test::slurp(folder / "framework.xml"), "O1", "Test Officer");
    return wb;
}

void to_price_evaluation(Workbook& wb) {
    while (tender_summary(wb, "O1").tender.phase < Phase::price_evaluation) {
        const auto next = static_cast<Phase>(static_cast<int>(tender_summary(wb, "O1").tender.phase) + 1);
        set_phase(wb, "O1", next, "");
    }
}

}  // namespace

TEST_CASE("A sample tender imported into a workbook evaluates exactly as its package", "[integration][workbook]") {
    for (const char* name : {"community_meals", "highways_minor_works", "domiciliary_care"}) {
        DYNAMIC_SECTION(name) {
            TempFolder tmp;
            auto wb = import_sample(tmp, name);
            const auto report = verify(wb);
            INFO((report.problems.empty() ? "" : report.problems.front()));
            CHECK(report.ok);
            CHECK(report.records > 0);
            CHECK(tender_summary(wb, "O1").tender.phase == Phase::moderation);
            CHECK_THROWS_AS(package_for_evaluation(wb, "O1"), Refused);  // prices sealed until price_evaluation
            to_price_evaluation(wb);

            const auto original = read_package(test::source_dir / "sample_tenders" / name);
            const auto from_workbook = package_for_evaluation(wb, "O1");
            const auto expected = evaluation_json(original, evaluate_package(original)).dump(2);
            const auto actual = evaluation_json(from_workbook, evaluate_package(from_workbook)).dump(2);
            CHECK(actual == expected);
            CHECK(verify(wb).ok);
        }
    }
}

TEST_CASE("Importing into a workbook that already holds a tender is refused and changes nothing",
          "[integration][workbook]") {
    TempFolder tmp;
    auto wb = import_sample(tmp, "community_meals");
    const auto before = tender_summary(wb, "O1");
    const auto folder = test::source_dir / "sample_tenders" / "community_meals";
    CHECK_THROWS_AS(import_package(wb, read_package(folder), test::slurp(folder / "framework.xml"), "O1", "X"), Refused);
    CHECK(tender_summary(wb, "O1").head_hash == before.head_hash);
}

TEST_CASE("An evaluator of the package cannot import it", "[integration][workbook]") {
    TempFolder tmp;
    const auto folder = test::source_dir / "sample_tenders" / "community_meals";
    auto wb = Workbook::create(tmp / "t.tender");
    try {
        import_package(wb, read_package(folder), test::slurp(folder / "framework.xml"), "E1", "");
        FAIL("import by an evaluator was accepted");
    } catch (const Refused& e) {
        CHECK(e.rule() == "role");
    }
    CHECK(audit_head(wb.db()).first == 0);
}

TEST_CASE("Workbook files: application id, newer schema refused, older upgraded after a backup",
          "[integration][workbook]") {
    TempFolder tmp;
    SECTION("not a workbook") {
        const auto path = tmp / "other.db";
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE t(x)");
        }
        CHECK_THROWS_WITH(Workbook::open(path), Catch::Contains("not a TenderBench workbook"));
        const auto text = tmp / "text.tender";
        std::ofstream(text) << "hello, this is not SQLite at all, just some text long enough to matter";
        CHECK_THROWS_WITH(Workbook::open(text), Catch::Contains("not a TenderBench workbook"));
    }
    SECTION("newer schema") {
        const auto path = tmp / "new.tender";
        { Workbook::create(path); }
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec("PRAGMA user_version = " + std::to_string(workbook_schema_version + 1));
        }
        CHECK_THROWS_WITH(Workbook::open(path), Catch::Contains("newer TenderBench"));
    }
    SECTION("older schema is upgraded after a backup copy") {
        const auto path = tmp / "old.tender";
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA journal_mode = WAL");
            migrate(db, 0, 1);
        }
        auto wb = Workbook::open(path);
        REQUIRE(wb.upgrade_backup());
        CHECK(fs::exists(*wb.upgrade_backup()));
        CHECK(wb.db().execAndGet("PRAGMA user_version").getInt() == workbook_schema_version);
        SQLite::Database backup(wb.upgrade_backup()->string(), SQLite::OPEN_READONLY);
        CHECK(backup.execAndGet("PRAGMA user_version").getInt() == 1);
        CHECK(wb.db().tableExists("lots_seed"));
    }
    SECTION("create refuses to overwrite") {
        const auto path = tmp / "exists.tender";
        std::ofstream(path) << "x";
        CHECK_THROWS_WITH(Workbook::create(path), Catch::Contains("already exists"));
        CHECK(test::slurp(path) == "x");
    }
}
