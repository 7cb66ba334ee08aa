// A verified workbook altered behind the program's back with raw SQL: `verify` must fail and,
// where a record is at fault, name the first bad record.
#include <regex>

#include "workbook_fixture.h"

using namespace tbtest;

namespace {

// The "first bad record" that verify names, or -1.
long first_bad_record(const Run& run) {
    std::smatch m;
    if (std::regex_search(run.out, m, std::regex("first bad record is ([0-9]+)"))) return std::stol(m[1].str());
    return -1;
}

// The append-only triggers, to put back after tampering: what verify catches is then the
// tampering itself, not only the missing triggers.
std::string trigger_sql(const ScratchWorkbook& wb) {
    SQLite::Database db(wb.file().string(), SQLite::OPEN_READONLY);
    std::string sql;
    SQLite::Statement q(db,
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit' ORDER BY name");
    while (q.executeStep()) sql += q.getColumn(0).getString() + ";\n";
    return sql;
}

const std::string drop_triggers = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";

Run failed_verify(const ScratchWorkbook& wb) {
    const auto run = wb.run("verify", "");
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("NOT VERIFIED") != std::string::npos);
    CHECK(run.err.find("verification failed") != std::string::npos);
    return run;
}

}  // namespace

TEST_CASE("verify catches every alteration made behind the program's back", "[integration]") {
    ScratchWorkbook wb("tamper");
    const auto package = source_dir / "sample_tenders" / "community_meals";
    REQUIRE(tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) +
                        " --as PO --name 'Pat Officer'")
                .exit_code == 0);
    wb.ok("phase", "--as PO price_evaluation");
    REQUIRE(wb.ok("verify", "").out.find("verified: ") != std::string::npos);
    const auto triggers = trigger_sql(wb);
    REQUIRE(triggers.find("audit_no_delete") != std::string::npos);
    const auto records = wb.count("SELECT MAX(seq) FROM audit");

    // The append-only triggers themselves refuse changes to the trail.
    CHECK_THROWS(wb.sql("UPDATE audit SET reason = 'x' WHERE seq = 1"));
    CHECK_THROWS(wb.sql("DELETE FROM audit WHERE seq = 1"));

    SECTION("an individual score changed (the triggers protect only the trail)") {
        const auto seq = wb.count(
            "SELECT MAX(seq) FROM audit WHERE kind = 'individual_score' AND entity = "
            "(SELECT json_array(bid, criterion, evaluator) FROM individual_score WHERE score > 0 ORDER BY 1 LIMIT 1)");
        wb.sql(
            "UPDATE individual_score SET score = 0 WHERE json_array(bid, criterion, evaluator) = "
            "(SELECT json_array(bid, criterion, evaluator) FROM individual_score WHERE score > 0 ORDER BY 1 LIMIT 1)");
        const auto run = failed_verify(wb);
        CHECK(seq > 0);
        CHECK(first_bad_record(run) == seq);
        CHECK(run.out.find("individual_score") != std::string::npos);
    }
    SECTION("an audit record's value after edited, triggers dropped and put back") {
        const auto seq = wb.count("SELECT MIN(seq) FROM audit WHERE after LIKE '%Larkrise%'");
        wb.sql(drop_triggers + "UPDATE audit SET after = replace(after, 'Larkrise', 'Larkspur') WHERE seq = " +
               std::to_string(seq) + ";" + triggers);
        const auto run = failed_verify(wb);
        CHECK(first_bad_record(run) == seq);
        CHECK(run.out.find("audit record " + std::to_string(seq)) != std::string::npos);
    }
    SECTION("the last audit record deleted") {
        wb.sql(drop_triggers + "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit);" + triggers);
        const auto run = failed_verify(wb);
        CHECK(run.out.find("records checked:   " + std::to_string(records - 1)) != std::string::npos);
        CHECK(run.out.find("tender") != std::string::npos);  // the phase no longer matches the trail
    }
    SECTION("a middle audit record deleted") {
        wb.sql(drop_triggers + "DELETE FROM audit WHERE seq = 50;" + triggers);
        const auto run = failed_verify(wb);
        const auto bad = first_bad_record(run);
        CHECK((bad == 50 || bad == 51));
    }
    SECTION("a bid inserted directly") {
        wb.sql(
            "INSERT INTO bid (id, lot, bidder, sme, vcse, price, exclusion) "
            "VALUES ('B99', '1', 'Sneaky Ltd', 0, 0, 10000000, NULL)");
        const auto run = failed_verify(wb);
        CHECK(run.out.find("B99") != std::string::npos);
    }
    SECTION("only the triggers dropped") {
        wb.sql(drop_triggers);
        const auto run = failed_verify(wb);
        CHECK(run.out.find("trigger") != std::string::npos);
    }
    SECTION("a record appended with a forged hash") {
        wb.sql(
            "INSERT INTO audit (seq, command, time, actor, action, kind, entity, before, after, reason, refers, "
            "prev_hash, hash) SELECT seq + 1, command + 1, time, actor, action, kind, entity, after, after, reason, "
            "refers, hash, hash FROM audit WHERE seq = " +
            std::to_string(records));
        const auto run = failed_verify(wb);
        CHECK(first_bad_record(run) == records + 1);
    }
}
