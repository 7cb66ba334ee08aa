// import-bids in app/core: CSV, XLSX and XML bids with mapping, price schedules and commitments,
// registered in one audited command, and every kind of bad input refused with nothing changed.
#include <catch2/catch.hpp>

#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/audit.h"
#include "app/core/bid_import.h"
#include "app/core/framework_reader.h"
#include "app/core/verify.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "app/core/xlsx_book.h"
#include "tests/workbook/workbook_fixture.h"

using namespace core;
using test::TempFolder;

namespace {

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

BidImportSource source(const std::filesystem::path& bids, std::optional<std::filesystem::path> schedule = {},
                       std::optional<std::filesystem::path> mapping = {}, const std::string& sheet = "") {
    BidImportSource s;
    s.bids = bids;
    s.schedule = std::move(schedule);
    s.mapping = std::move(mapping);
    s.sheet = sheet;
    return s;
}

// A care tender (one lot, measures LC1-LC7) in setup, or the three-lot highways framework.
struct Setup {
    TempFolder tmp;
    Workbook wb;

    explicit Setup(const std::string& framework = "local_authority_care.xml")
        : wb(Workbook::create(tmp / "t.tender")) {
        const auto path = test::source_dir / "templates" / framework;
        create_tender(wb, {"Supported living", "LA-2026-014", test::slurp(path), path.string(), "O1", "Olivia Officer",
                           true});
        add_evaluator(wb, "O1", {"E1", "Evan One", Role::evaluator});
    }

    std::filesystem::path file(const std::string& name, const std::string& text) const {
        write(tmp / name, text);
        return tmp / name;
    }

    CommandResult import(const BidImportSource& source) {
        return import_bids(wb, "O1", prepare_bid_import(wb, "O1", source));
    }

    std::int64_t count(const std::string& sql) { return wb.db().execAndGet(sql).getInt64(); }

    // The import must fail with an InputError whose text holds every fragment; nothing changes.
    void refused(const BidImportSource& source, const std::vector<std::string>& fragments) {
        const auto head = audit_head(wb.db());
        try {
            import(source);
            FAIL("the import was accepted");
        } catch (const InputError& e) {
            INFO(e.what());
            for (const auto& f : fragments) CHECK_THAT(e.what(), Catch::Contains(f));
        }
        CHECK(audit_head(wb.db()) == head);
        CHECK(count("SELECT COUNT(*) FROM bid") == 0);
    }
};

const char* care_csv =
    "\xEF\xBB\xBFId,Bidder,SME,VCSE,Price,commitment:LC1,Commitment:LC3,Portal status\r\n"
    "B01,\"Alder Care Ltd\",yes,no,\"£1,200,000.00\",3.5,120,Submitted\r\n"
    "B02,\"Birch Support, a CIC\",no,yes,1100000,,40,Submitted\r\n"
    "B03,\"Cedar \"\"Homes\"\"\nServices\",Y,N,1150000.5,2,,Late\r\n";

}  // namespace

TEST_CASE("a portal CSV imports every bid, commitment and flag in one audited command", "[integration][import]") {
    Setup t;
    const auto result = t.import(source(t.file("bids.csv", care_csv)));
    CHECK(result.command > 0);
    const auto bids = bids_for(t.wb, "O1");
    REQUIRE(bids.size() == 3);
    CHECK(bids[0].bid.bidder == "Alder Care Ltd");
    CHECK(bids[0].bid.price == 120000000);
    CHECK(bids[0].bid.sme);
    CHECK_FALSE(bids[0].bid.vcse);
    CHECK(bids[1].bid.bidder == "Birch Support, a CIC");  // an embedded comma
    CHECK(bids[2].bid.bidder == "Cedar \"Homes\"\nServices");  // doubled quotes and a newline
    CHECK(bids[2].bid.price == 115000050);
    TenderState state(t.wb.db());
    CHECK(state.committed_quantity("B01", "LC1") == std::optional<double>(3.5));
    CHECK(state.committed_quantity("B01", "LC3") == std::optional<double>(120));
    CHECK_FALSE(state.committed_quantity("B02", "LC1").has_value());  // an empty cell is no commitment
    CHECK(state.framework_frozen());
    // One command: 3 bids + 4 commitments + the framework frozen, each with its audit record.
    CHECK(t.count("SELECT COUNT(DISTINCT command) FROM audit WHERE action = 'import-bids'") == 1);
    CHECK(t.count("SELECT COUNT(*) FROM audit WHERE action = 'import-bids'") == 8);
    const auto reason = t.wb.db().execAndGet("SELECT reason FROM audit WHERE action = 'import-bids' LIMIT 1").getString();
    CHECK_THAT(reason, Catch::StartsWith("imported 3 bids from bids.csv (sha256 "));
    CHECK(verify(t.wb).ok);
    // The wrong file imported: the officer undoes the whole import as one audited command.
    undo(t.wb, "O1");
    CHECK(t.count("SELECT COUNT(*) FROM bid") == 0);
    CHECK(t.count("SELECT COUNT(*) FROM commitment") == 0);
    CHECK(verify(t.wb).ok);
}

TEST_CASE("the dry run reads and checks everything but changes nothing", "[integration][import]") {
    Setup t;
    const auto head = audit_head(t.wb.db());
    const auto import = prepare_bid_import(t.wb, "O1", source(t.file("bids.csv", care_csv)));
    CHECK(import.bids.size() == 3);
    CHECK(import.ignored == std::vector<std::string>{"Portal status"});
    CHECK(audit_head(t.wb.db()) == head);
}

TEST_CASE("every problem in a bids file is reported with its line and column; nothing is imported",
          "[integration][import]") {
    Setup t;
    SECTION("values") {
        const auto csv = t.file("bad.csv",
                                "id,bidder,sme,price,commitment:LC1\n"
                                "B01,Alder,perhaps,12x,1\n"     // line 2: sme, price
                                "B 02,Birch,no,100,-1\n"        // line 3: id, quantity
                                "B04,,no,0,\n"                  // line 4: bidder, price zero
                                "B01,Again,no,100,\n");         // line 5: duplicate
        t.refused(source(csv), {"bad.csv:2:3: sme \"perhaps\" is not yes or no",
                          "bad.csv:2:4: price \"12x\" is not an amount of money",
                          "bad.csv:3:1: bid id \"B 02\" is not a valid id",
                          "bad.csv:3:5: commitment LC1 quantity \"-1\" is not a number from 0",
                          "bad.csv:4:2: bidder is empty", "bad.csv:4:4: the price of bid B04 is 0.00",
                          "bad.csv:5:1: bid id B01 appears twice (first at ", "bad.csv:2:1); every bid needs its own id"});
    }
    SECTION("columns") {
        t.refused(source(t.file("cols.csv", "Bid ref,Name,commitment:ZZ9\nB01,Alder,1\n")),
                  {"cols.csv:1:1: no column for id (looked for a header \"id\"; headers found: \"Bid ref\", \"Name\"",
                   "no column for bidder", "cols.csv:1:3: column \"commitment:ZZ9\": ZZ9 is not a measure code"});
    }
    SECTION("a bid without a price") {
        t.refused(source(t.file("np.csv", "id,bidder\nB01,Alder\n")), {"np.csv:2:1: bid B01 has no price"});
    }
    SECTION("a bid already in the workbook") {
        add_bid(t.wb, "O1", {"B01", "1", "Alder", false, false, 100, std::nullopt});
        const auto head = audit_head(t.wb.db());
        CHECK_THROWS_WITH(t.import(source(t.file("again.csv", "id,bidder,price\nB01,Alder,100\n"))),
                          Catch::Contains("again.csv:2:1: bid B01 is already in the workbook"));
        CHECK(audit_head(t.wb.db()) == head);
    }
    SECTION("a file that is not a bids file") {
        t.refused(source(t.file("bids.txt", "id,bidder\n")), {"bids.txt: not a file type import-bids reads"});
        t.refused(source(t.file("old.xls", "x")), {"old.xls: an old Excel .xls file"});
        t.refused(source(t.file("empty.csv", "id,bidder,price\n")), {"empty.csv: no bids below the header row"});
    }
}

TEST_CASE("only the officer imports, and only before evaluation starts", "[integration][import]") {
    Setup t;
    const auto csv = t.file("bids.csv", care_csv);
    CHECK_THROWS_AS(prepare_bid_import(t.wb, "E1", source(csv)), Refused);
    t.import(source(csv));
    declare_interest(t.wb, "E1", "*", false, "");
    set_phase(t.wb, "O1", Phase::compliance, "");
    for (const char* bid : {"B01", "B02", "B03"})
        for (const char* gate : {"G1", "G2", "G3"}) record_gate(t.wb, "O1", bid, gate, true, "");
    set_phase(t.wb, "O1", Phase::individual_evaluation, "");
    try {
        prepare_bid_import(t.wb, "O1", source(t.file("late.csv", "id,bidder,price\nB09,Late Ltd,100\n")));
        FAIL("accepted in individual evaluation");
    } catch (const Refused& e) {
        CHECK(e.rule() == "phase");
    }
}

TEST_CASE("price schedules: rates x evaluated quantities become the price, and are kept", "[integration][import]") {
    // Hand-computed totals of two two-line schedules:
    //   B01: 1.1 1250 m2 at 4.85 = 6062.50; 1.2 62.5 t at 96.40 = 6025.00     -> 12087.50
    //   B02: 1.1 1250 m2 at 5.10 = 6375.00; 1.2 62.5 t at 91.00 = 5687.50     -> 12062.50
    Setup t;
    const auto bids = t.file("bids.csv", "id,bidder,price\nB01,Alder,12087.50\nB02,Birch,\n");
    const auto schedule_text = "bid,item,description,unit,rate,quantity\n"
                               "B01,1.1,Planing 50 mm,m2,4.85,\"1,250\"\n"
                               "B01,1.2,Surface course,t,96.40,62.5\n"
                               "B02,1.2,Surface course,t,91.00,62.5\n"
                               "B02,1.1,Planing 50 mm,m2,5.10,1250\n";
    SECTION("accepted, with the stated price agreeing") {
        t.import(source(bids, t.file("schedule.csv", schedule_text)));
        TenderState state(t.wb.db());
        const auto p = state.package(false);
        REQUIRE(p.bids.size() == 2);
        CHECK(p.bids[0].input.price == 1208750);
        CHECK(p.bids[1].input.price == 1206250);  // the schedule's total: no price column value
        REQUIRE(p.bids[1].schedule.size() == 2);
        CHECK(p.bids[1].schedule[0].item == "1.2");  // kept in the file's order
        CHECK(p.bids[1].schedule[1].rate == 510);
        CHECK(t.count("SELECT COUNT(*) FROM price_line") == 4);
        CHECK(verify(t.wb).ok);
    }
    SECTION("a stated price that differs from the schedule, a changed quantity, an unpriced item") {
        const auto wrong = t.file("wrong.csv", "id,bidder,price\nB01,Alder,12000\nB02,Birch,\n");
        t.refused(source(wrong, t.file("s.csv", "bid,item,rate,quantity\n"
                                          "B01,1.1,4.85,1250\nB01,1.2,96.40,62.5\n"
                                          "B02,1.1,5.10,1000\nB09,1.1,1,1\n")),
                  {"wrong.csv:2:3: price 12000.00 of bid B01 differs from its price schedule's total 12087.50",
                   "s.csv:4:2: item 1.1 has evaluated quantity 1000 in bid B02 but 1250 in bid B01",
                   "wrong.csv:3:1: bid B02 does not price item 1.2", "s.csv:5:1: bid B09 is not in the bids file"});
    }
}

TEST_CASE("an Excel export with a price schedule sheet, read through a mapping file", "[integration][import]") {
    Setup t("multi_lot_highways.xml");
    const auto xlsx = t.tmp / "portal.xlsx";
    {
        xlsx::Book book(xlsx, "portal export");
        auto& notes = book.add_sheet("Read me");
        notes.text(0, 0, "Exported from the portal on 20 April 2026");
        auto& responses = book.add_sheet("Responses");
        responses.text(0, 0, "Tender responses");
        const std::vector<std::string> headers{"Supplier ref", "Organisation", "Lot no.", "SME?", "Total (GBP)"};
        for (std::uint16_t c = 0; c < headers.size(); ++c) responses.text(2, c, headers[c]);
        responses.text(3, 0, "H1");
        responses.text(3, 1, "Kestrel Surfacing Ltd");
        responses.text(3, 2, "N");
        responses.text(3, 3, "Yes");
        responses.number(3, 4, 12087.5);
        responses.text(4, 0, "H2");
        responses.text(4, 1, "Moorland Highways plc");
        responses.text(4, 2, "N");
        responses.text(4, 3, "No");
        auto& pricing = book.add_sheet("Pricing");
        const std::vector<std::string> ph{"Supplier ref", "Item", "Rate", "Qty"};
        for (std::uint16_t c = 0; c < ph.size(); ++c) pricing.text(0, c, ph[c]);
        const std::vector<std::tuple<std::string, std::string, double, double>> lines{
            {"H1", "1.1", 4.85, 1250}, {"H1", "1.2", 96.4, 62.5}, {"H2", "1.1", 5.1, 1250}, {"H2", "1.2", 91, 62.5}};
        for (std::uint32_t r = 0; r < lines.size(); ++r) {
            pricing.text(r + 1, 0, std::get<0>(lines[r]));
            pricing.text(r + 1, 1, std::get<1>(lines[r]));
            pricing.number(r + 1, 2, std::get<2>(lines[r]));
            pricing.number(r + 1, 3, std::get<3>(lines[r]));
        }
        book.close();
    }
    const auto mapping = t.file("portal-map.xml", R"X(<bid-mapping>
  <bids sheet="Responses" header-row="3">
    <column field="id" header="Supplier Ref"/>
    <column field="bidder" header="Organisation"/>
    <column field="lot" header="Lot no."/>
    <column field="sme" header="SME?"/>
    <column field="price" header="Total (GBP)"/>
  </bids>
  <schedule sheet="Pricing">
    <column field="bid" header="Supplier ref"/>
    <column field="quantity" header="Qty"/>
  </schedule>
</bid-mapping>
)X");
    t.import(source(xlsx, std::nullopt, mapping));
    TenderState state(t.wb.db());
    const auto p = state.package(false);
    REQUIRE(p.bids.size() == 2);
    CHECK(p.bids[0].lot == "N");
    CHECK(p.bids[0].input.sme);
    CHECK(p.bids[0].input.price == 1208750);
    CHECK(p.bids[1].input.price == 1206250);
    CHECK(p.bids[1].schedule.size() == 2);
    const auto reason = t.wb.db().execAndGet("SELECT reason FROM audit WHERE action = 'import-bids' LIMIT 1").getString();
    CHECK_THAT(reason, Catch::Contains("portal.xlsx sheet 'Responses' (sha256 "));
    CHECK_THAT(reason, Catch::Contains("with its sheet 'Pricing'"));

    SECTION("a problem in a sheet is named by sheet and cell") {
        Setup u("multi_lot_highways.xml");
        u.refused(source(xlsx, std::nullopt, std::nullopt, "Responses"),
                  {"portal.xlsx, sheet 'Responses'", "no column for id"});
    }
}

TEST_CASE("a bids XML file with price lines; compliance decisions are not part of a received bid",
          "[integration][import]") {
    Setup t;
    SECTION("accepted") {
        t.import(source(t.file("bids.xml", R"(<bids tender="Supported living">
  <bid id="B01" bidder="Alder Care Ltd" sme="true">
    <price-line item="A" description="Core hours" unit="hour" rate="21.50" quantity="40000"/>
    <price-line item="B" description="Sleep-in nights" unit="night" rate="95.00" quantity="730"/>
    <commitment measure="LC1" quantity="2"/>
  </bid>
  <bid id="B02" bidder="Birch Support CIC" vcse="true" price="905700.00">
    <price-line item="A" rate="21.00" quantity="40000"/>
    <price-line item="B" rate="90.00" quantity="730"/>
  </bid>
</bids>
)")));
        TenderState state(t.wb.db());
        const auto p = state.package(false);
        CHECK(p.bids[0].input.price == 86000000 + 6935000);  // 21.50 x 40000 + 95 x 730
        CHECK(state.committed_quantity("B01", "LC1") == std::optional<double>(2));
    }
    SECTION("refused") {
        t.refused(source(t.file("decided.xml", R"(<bids tender="x">
  <bid id="B01" bidder="Alder" price="100"><gate ref="G1" result="pass"/></bid>
  <bid id="B02" bidder="Birch">
    <price-line item="A" rate="1" quantity="1"/>
  </bid>
</bids>
)")),
                  {"decided.xml:2:3: bid B01 carries compliance or evaluation decisions",
                   "decided.xml:2:3: bid B01 has no price schedule but bid B02"});
    }
}

TEST_CASE("portal money and numbers", "[unit][import]") {
    // docs/import.md section 4: what a price or quantity cell may hold.
    CHECK(parse_money_loose("412500") == 41250000);
    CHECK(parse_money_loose("412,500.00") == 41250000);
    CHECK(parse_money_loose("£1,412,500.5") == 141250050);
    CHECK(parse_money_loose(" GBP 99.99 ") == 9999);
    CHECK(parse_money_loose("99.99 GBP") == 9999);
    CHECK_FALSE(parse_money_loose("41,25,00").has_value());
    CHECK_FALSE(parse_money_loose("4125,00").has_value());  // a decimal comma is refused, not guessed
    CHECK_FALSE(parse_money_loose("12.345").has_value());
    CHECK_FALSE(parse_money_loose("$12").has_value());
    CHECK_FALSE(parse_money_loose("").has_value());
    const auto text = [](const std::string& s) { return TableCell{TableCell::Type::text, s, 0}; };
    CHECK(parse_number_loose(text("1,250")) == 1250.0);
    CHECK(parse_number_loose(text(" 3.5 ")) == 3.5);
    CHECK(parse_number_loose(TableCell{TableCell::Type::number, "2.25", 2.25}) == 2.25);
    CHECK_FALSE(parse_number_loose(text("1e3")).has_value());
    CHECK_FALSE(parse_number_loose(text("nan")).has_value());
    CHECK_FALSE(parse_number_loose(text("12,50")).has_value());
    CHECK_FALSE(parse_number_loose(TableCell{TableCell::Type::boolean, "TRUE", 1}).has_value());
}

namespace {

// Asks to stop once `stage` has been reported (the GUI's Cancel, pressed at that moment).
struct CancelAt : core::Progress {
    std::string stage;
    std::vector<std::string> seen;
    bool stop = false;
    explicit CancelAt(std::string at) : stage(std::move(at)) {}
    void report(const std::string& what, double fraction) override {
        CHECK(fraction >= 0.0);
        CHECK(fraction <= 1.0);
        seen.push_back(what);
        if (what.find(stage) != std::string::npos) stop = true;
    }
    bool cancelled() const override { return stop; }
};

}  // namespace

TEST_CASE("an import cancelled just before it commits changes nothing; uncancelled it reports its stages",
          "[integration][import]") {
    Setup t;
    const auto head = audit_head(t.wb.db());
    const auto import = prepare_bid_import(t.wb, "O1", source(t.file("bids.csv", care_csv)));
    CancelAt cancel("saving the workbook");
    CHECK_THROWS_AS(import_bids(t.wb, "O1", import, &cancel), core::Cancelled);
    CHECK(t.count("SELECT COUNT(*) FROM bid") == 0);
    CHECK(t.count("SELECT COUNT(*) FROM commitment") == 0);
    CHECK(audit_head(t.wb.db()) == head);
    CHECK(verify(t.wb).ok);

    CancelAt never("no such stage");
    CHECK(import_bids(t.wb, "O1", import, &never).command > 0);
    CHECK(never.seen.front() == "recording the bids");
    CHECK(never.seen.back() == "saving the workbook");
    CHECK(t.count("SELECT COUNT(*) FROM bid") == 3);
}
