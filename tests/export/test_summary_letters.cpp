// `tenderbench summaries`: one Word letter per bidder, opened in LibreOffice Writer headless and
// read back as text; the same numbers and reasons as the export.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "export_fixture.h"
#include "scoring/money.h"

using namespace tbtest;

namespace {

std::string letter_text(const fs::path& docx, const fs::path& out) {
    return slurp(testsupport::office_convert(docx, "txt:Text (encoded):UTF8", out));
}

}  // namespace

TEST_CASE("summaries writes one letter per bidder with its outcome, scores, reasons and the winner's",
          "[integration][office][summaries]") {
    ScratchWorkbook wb("letters");
    open_prices(wb, source_dir / "sample_tenders" / "community_meals");
    const auto folder = wb.dir().path() / "letters";
    const auto run = wb.ok("summaries", "--as OFF -o " + quote(folder.string()));
    CHECK(run.out.find("6 assessment summaries") != std::string::npos);

    // The engine's results, to compare the letters with.
    const auto evaluation = nlohmann::json::parse(wb.ok("evaluate", "--as OFF --json").out);
    const auto& bids = evaluation["lots"][0]["bids"];
    REQUIRE(bids.size() == 6);
    std::size_t letters = 0;
    for (const auto& f : fs::directory_iterator(folder)) letters += f.path().extension() == ".docx" ? 1 : 0;
    CHECK(letters == 6);

    const auto text_of = [&](const std::string& bid, const std::string& bidder) {
        std::string name;
        for (char c : bidder) name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
        const auto file = folder / ("1-" + bid + "-" + name + ".docx");
        REQUIRE(fs::exists(file));
        return letter_text(file, wb.dir().path() / "text");
    };
    const auto& winner = bids[0];
    const std::string winner_total = scoring::format_fixed(winner["total"].get<double>(), 2);

    SECTION("the winner is told it is the intended award, with its total") {
        const auto text = text_of(winner["id"], winner["bidder"]);
        CHECK(text.find("is the intended award") != std::string::npos);
        CHECK(text.find(winner_total + " marks") != std::string::npos);
        CHECK(text.find("The winning tender") == std::string::npos);
    }
    SECTION("a ranked bidder gets its rank, its own reasons and the winning tender's") {
        const auto& second = bids[1];
        const auto text = text_of(second["id"], second["bidder"]);
        CHECK(text.find("ranked 2 of 4") != std::string::npos);
        CHECK(text.find(scoring::format_fixed(second["total"].get<double>(), 2) + " marks") != std::string::npos);
        CHECK(text.find("the winning tender scored " + winner_total) != std::string::npos);
        CHECK(text.find("The tender of " + winner["bidder"].get<std::string>()) != std::string::npos);
        // The panel's reasons are there word for word (the consensus rationale of the winner's Q1).
        CHECK(text.find("Agreed 4: daily cook-fresh production") != std::string::npos);
    }
    SECTION("an excluded bidder is told why") {
        std::string id, bidder;
        for (const auto& b : bids)
            if (b["id"] == "B06") id = b["id"], bidder = b["bidder"];
        REQUIRE(!id.empty());
        const auto text = text_of(id, bidder);
        CHECK(text.find("was not considered further") != std::string::npos);
        CHECK(text.find("failed gate G1 (Food hygiene rating)") != std::string::npos);
    }
}

TEST_CASE("summaries into a folder that cannot be made writes nothing", "[integration][summaries]") {
    ScratchWorkbook wb("letters_fail");
    open_prices(wb, source_dir / "sample_tenders" / "community_meals");
    const auto r = wb.run("summaries", "--as OFF -o " + quote((wb.dir().path() / "no/such/folder").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot create the folder") != std::string::npos);
    CHECK_FALSE(fs::exists(wb.dir().path() / "no"));
    check_refused(wb.run("summaries", "--as E1 -o " + quote((wb.dir().path() / "x").string())), "role");
    CHECK_FALSE(fs::exists(wb.dir().path() / "x"));
}
