// `tenderbench import-bids` through the real binary: the dry run, the import, and a bad file
// refused with its place and nothing changed (docs/import.md).
#include <catch2/catch.hpp>

#include "workbook_fixture.h"

using namespace tbtest;

namespace {

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("import-bids: dry run, import, and a bad file changing nothing", "[integration][import]") {
    ScratchWorkbook wb("import_bids");
    wb.ok("new", "--template local_authority_care --name 'Supported living' --reference LA-14 --as O1 "
                 "--officer-name 'Olivia Officer'");
    const auto bids = wb.dir().path() / "portal.csv";
    write(bids, "Supplier Ref,Organisation,SME?,Total,Local jobs,Notes\n"
                "B01,Alder Care Ltd,Yes,\"£1,200,000.00\",3,first\n"
                "B02,Birch Support CIC,No,1100000,,\n");
    const auto mapping = wb.dir().path() / "map.xml";
    write(mapping, R"(<bid-mapping><bids>
  <column field="id" header="Supplier Ref"/><column field="bidder" header="Organisation"/>
  <column field="sme" header="SME?"/><column field="price" header="Total"/>
  <column field="commitment:LC1" header="Local jobs"/>
</bids></bid-mapping>)");
    const std::string args = quote(bids.string()) + " --as O1 --mapping " + quote(mapping.string());

    const auto before = wb.dump();
    const auto dry = wb.ok("import-bids", args + " --dry-run");
    CHECK_THAT(dry.out, Catch::Contains("B01\t1\tAlder Care Ltd\tyes\tno\t1200000.00\t1\t0"));
    CHECK_THAT(dry.out, Catch::Contains("2 bids, 1 social-value commitment, 0 price-schedule lines from portal.csv"));
    CHECK_THAT(dry.out, Catch::Contains("columns not imported: \"Notes\""));
    CHECK_THAT(dry.out, Catch::Contains("dry run: no problems found; nothing was imported"));
    CHECK(wb.dump() == before);

    const auto done = wb.ok("import-bids", args);
    CHECK_THAT(done.out, Catch::Contains("command "));
    CHECK(wb.count("SELECT COUNT(*) FROM bid") == 2);
    const auto listed = wb.ok("bids", "--as O1");
    CHECK_THAT(listed.out, Catch::Contains("B02\t1\tBirch Support CIC\t1100000.00"));
    wb.ok("verify", "--as O1");

    // A second file: one good bid, one bad price, one duplicate of the workbook. Nothing is imported.
    const auto bad = wb.dir().path() / "more.csv";
    write(bad, "id,bidder,price\nB03,Cedar Homes,950000\nB04,Dunlin,nine hundred\nB01,Alder again,1\n");
    const auto after_import = wb.dump();
    const auto refused = wb.run("import-bids", quote(bad.string()) + " --as O1");
    INFO(refused.err);
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("more.csv:3:3: price \"nine hundred\" is not an amount of money"));
    CHECK_THAT(refused.err, Catch::Contains("more.csv:4:1: bid B01 is already in the workbook"));
    CHECK(wb.dump() == after_import);
    // The same file in a dry run lists the same problems, also with exit code 1.
    CHECK(wb.run("import-bids", quote(bad.string()) + " --as O1 --dry-run").exit_code == 1);
    // An evaluator may not import.
    wb.ok("evaluator add", "--as O1 --id E1 --name 'Evan One' --role evaluator");
    check_refused(wb.run("import-bids", quote(bad.string()) + " --as E1"), "role");
}

TEST_CASE("the highways portal export imports to the same bids, prices and schedules as its package",
          "[integration][import]") {
    const auto h = source_dir / "sample_tenders" / "highways_minor_works";
    ScratchWorkbook portal("portal");
    portal.ok("new", "--template " + quote((h / "framework.xml").string()) +
                         " --name 'Highways' --reference WCC-7 --as O1 --officer-name 'Olive Officer'");
    portal.ok("import-bids", quote((h / "portal" / "responses.csv").string()) + " --as O1 --mapping " +
                                 quote((h / "portal" / "mapping.xml").string()) + " --schedule " +
                                 quote((h / "portal" / "pricing.csv").string()));
    ScratchWorkbook package("package");
    CHECK(tenderbench("import " + quote(h.string()) + " " + quote(package.file().string()) +
                      " --as PO --name 'Pat Officer'")
              .exit_code == 0);
    // The same bids with the same evaluated prices (the portal states them, the package's
    // schedules sum to them) and the same schedule lines.
    CHECK(portal.ok("bids", "--as O1").out == package.ok("bids", "--as PO").out);
    const std::string lines = "SELECT group_concat(bid || ' ' || item || ' ' || rate || ' ' || quantity, '; ') FROM "
                              "(SELECT * FROM price_line ORDER BY bid, position)";
    SQLite::Database a(portal.file().string(), SQLite::OPEN_READONLY), b(package.file().string(), SQLite::OPEN_READONLY);
    CHECK(a.execAndGet(lines).getString() == b.execAndGet(lines).getString());
    CHECK(portal.count("SELECT COUNT(*) FROM price_line") == 49);
}
