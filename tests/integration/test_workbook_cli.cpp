// The .tender workbook through the real tenderbench binary: a whole evaluation from a template
// with every workflow rule refusing what it must, imports of every sample tender evaluating
// exactly as their packages do, refused commands changing nothing, and undo/redo.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "workbook_fixture.h"

using namespace tbtest;

namespace {

// Officer O1, evaluators E1 and E2, moderator M1 on the monetised_quality template (questions
// K1 on a 0-4 scale, K2 and K3 on 0-2; gates G1-G3), three bids.
void set_up_panel(const ScratchWorkbook& wb) {
    const auto created = wb.ok("new",
                               "--template monetised_quality --name 'Consultancy call-off' --reference "
                               "'SE-2026-7' --as O1 --officer-name 'Olive Officer'");
    CHECK(created.out.find("command 1:") != std::string::npos);
    wb.ok("evaluator add", "--as O1 --id E1 --name 'Eva Ek' --role evaluator");
    wb.ok("evaluator add", "--as O1 --id E2 --name 'Erik Berg' --role evaluator");
    wb.ok("evaluator add", "--as O1 --id E3 --name 'Ebba Lund' --role evaluator");
    wb.ok("evaluator add", "--as O1 --id M1 --name 'Maja Holm' --role moderator");
    for (const char* q : {"K1", "K2", "K3"}) wb.ok("assign", std::string("--as O1 --evaluator E1 --criterion ") + q);
    for (const char* q : {"K1", "K2"}) wb.ok("assign", std::string("--as O1 --evaluator E2 --criterion ") + q);
    wb.ok("bid add", "--as O1 --id B1 --lot 1 --bidder 'Alfa Konsult AB' --price 1000.00 --sme");
    wb.ok("bid add", "--as O1 --id B2 --lot 1 --bidder 'Beta Partners AB' --price 1050.00");
    wb.ok("bid add", "--as O1 --id B3 --lot 1 --bidder 'Gamma Råd AB' --price 980.00");
    const auto list = wb.ok("evaluator list", "--as E1");
    CHECK(list.out.find("M1\tmoderator\tMaja Holm") != std::string::npos);
}

void score(const ScratchWorkbook& wb, const std::string& who, const std::string& bid, const std::string& q, int value) {
    wb.ok("score", "--as " + who + " --bid " + bid + " --criterion " + q + " --score " + std::to_string(value) +
                       " --justification 'Evidence on page " + std::to_string(value + 2) + " of the bid'");
}

}  // namespace

TEST_CASE("a whole evaluation in a workbook, with every workflow rule refusing what it must", "[integration]") {
    ScratchWorkbook wb("workflow");
    set_up_panel(wb);

    // Declarations come before seeing any bid; quality evaluators see prices sealed.
    check_refused(wb.run("bids", "--as E1"), "conflict-declaration");
    wb.ok("declare", "--as E1 --none --detail 'No links to any bidder'");
    wb.ok("declare", "--as E2 --none --detail 'No links to any bidder'");
    wb.ok("declare", "--as M1 --none --detail 'No links to any bidder'");
    const auto sealed = wb.ok("bids", "--as E1");
    CHECK(sealed.out.find("B1\t1\tAlfa Konsult AB\tsealed") != std::string::npos);
    CHECK(sealed.out.find("1000.00") == std::string::npos);
    CHECK(wb.ok("bids", "--as O1").out.find("1000.00") != std::string::npos);

    wb.ok("phase", "--as O1 compliance");
    check_refused(wb.run("score", "--as E1 --bid B1 --criterion K1 --score 3 --justification x"), "phase");
    for (const char* bid : {"B1", "B2", "B3"})
        for (const char* gate : {"G1", "G2", "G3"})
            wb.ok("gate",
                  std::string("--as O1 --bid ") + bid + " --gate " + gate + " --pass --reason 'Certificate seen'");
    wb.ok("phase", "--as O1 individual_evaluation");
    CHECK(wb.ok("phase", "--as E1").out == "individual_evaluation\n");

    // Refusals during individual evaluation, each naming its rule.
    check_refused(wb.run("score", "--as E3 --bid B1 --criterion K1 --score 3 --justification x"),
                  "conflict-declaration");
    check_refused(wb.run("score", "--as E2 --bid B1 --criterion K3 --score 1 --justification x"), "assignment");
    check_refused(wb.run("score", "--as E1 --bid B1 --criterion K1 --score 9 --justification x"), "scale");
    check_refused(wb.run("score", "--as E1 --bid B1 --criterion K1 --score 3 --justification ''"), "justification");
    check_refused(wb.run("score", "--as NOBODY --bid B1 --criterion K1 --score 3 --justification x"), "unknown-actor");

    const int scores[3][5] = {{3, 3, 1, 2, 1}, {1, 3, 0, 0, 2}, {2, 2, 1, 1, 0}};  // K1 E1,E2; K2 E1,E2; K3 E1
    const char* bids[3] = {"B1", "B2", "B3"};
    for (int b = 0; b < 3; ++b) {
        score(wb, "E1", bids[b], "K1", scores[b][0]);
        score(wb, "E2", bids[b], "K1", scores[b][1]);
        score(wb, "E1", bids[b], "K2", scores[b][2]);
        score(wb, "E2", bids[b], "K2", scores[b][3]);
        score(wb, "E1", bids[b], "K3", scores[b][4]);
    }
    // Blind scoring: E1 reads only E1's scores, and cannot see the panel's view.
    const auto own = wb.ok("scores", "--as E1");
    CHECK(std::count(own.out.begin(), own.out.end(), '\n') == 9);
    CHECK(own.out.find("\tE2\t") == std::string::npos);
    CHECK(wb.ok("scores", "--as E1 --bid B2 --criterion K1").out == "B2\tK1\tE1\t1\tEvidence on page 3 of the bid\n");
    check_refused(wb.run("moderation", "--as E1"), "role");
    check_refused(wb.run("moderation", "--as M1"), "phase");
    check_refused(wb.run("evaluate", "--as O1 --json"), "prices-sealed");

    wb.ok("phase", "--as O1 moderation");
    check_refused(wb.run("phase", "--as O1 individual_evaluation"), "phase-back");
    wb.ok("phase", "--as O1 individual_evaluation --reason 'E1 asked to re-read bid B2'");
    check_refused(wb.run("score", "--as E1 --bid B2 --criterion K1 --score 2 --justification 'Re-read'"), "locked");
    wb.ok("phase", "--as O1 moderation --reason 'Scores stand'");

    check_refused(wb.run("moderation", "--as E1"), "role");
    const auto divergent = wb.ok("moderation", "--as M1 --divergent-only");
    CHECK(divergent.out.find("B2\tK1\tE1=1 E2=3\tspread 2 DIVERGENT") == 0);
    CHECK(std::count(divergent.out.begin(), divergent.out.end(), '\n') == 1);
    check_refused(wb.run("moderate", "--as E1 --bid B1 --criterion K1 --score 3 --rationale 'Agreed'"), "role");
    check_refused(wb.run("moderate", "--as M1 --bid B1 --criterion K1 --score 3 --rationale ''"), "consensus");
    check_refused(wb.run("moderate", "--as M1 --bid B1 --criterion K1 --score 2.5 --rationale 'Between'"), "consensus");
    check_refused(wb.run("moderate", "--as M1 --accept-in-tolerance"), "enhanced-consensus");
    CHECK(wb.run("moderate", "--as M1 --bid B1").exit_code == 2);  // usage: half a consensus

    const int consensus[3][3] = {{3, 2, 1}, {2, 0, 2}, {2, 1, 0}};
    for (int b = 0; b < 3; ++b)
        for (int q = 0; q < 3; ++q)
            wb.ok("moderate", "--as M1 --bid " + std::string(bids[b]) + " --criterion K" + std::to_string(q + 1) +
                                  " --score " + std::to_string(consensus[b][q]) +
                                  " --rationale 'The panel agreed, citing the CV and the references in the bid'");
    const auto stats = wb.ok("stats", "--as M1");
    CHECK(stats.out.find("Panel agreement ICC(1,1)") != std::string::npos);
    CHECK(stats.out.find("E1") != std::string::npos);

    wb.ok("phase", "--as O1 price_evaluation");
    CHECK(wb.ok("bids", "--as E1").out.find("1000.00") != std::string::npos);  // price opening
    check_refused(wb.run("evaluate", "--as E1"), "prices-sealed");
    const auto evaluated = wb.ok("evaluate", "--as O1 --json");
    const auto json = nlohmann::json::parse(evaluated.out);
    REQUIRE(json["lots"].size() == 1);
    const auto& ranked = json["lots"][0]["bids"];
    REQUIRE(ranked.size() == 3);
    // Comparison price = price - deductions: B1 1000-(600+100+50)=250, B3 980-(400+50)=530,
    // B2 1050-(400+0+100)=550 (the template's deduction tables).
    CHECK(ranked[0]["id"] == "B1");
    CHECK(ranked[1]["id"] == "B3");
    CHECK(ranked[2]["id"] == "B2");
    CHECK(wb.ok("evaluate", "--as O1").out.find("Rank") != std::string::npos);

    const auto verified = wb.ok("verify", "");
    CHECK(verified.out.find("verified") != std::string::npos);
    const auto status = wb.ok("status", "--as E2");
    CHECK(status.out.find("phase:             price_evaluation") != std::string::npos);
    CHECK(head_hash(status) == head_hash(verified));
}

TEST_CASE("new refuses an unknown template naming the folders searched, and leaves no file", "[integration]") {
    ScratchWorkbook wb("newbad");
    const auto run = wb.run("new", "--template no_such_template --name N --reference R --as O1 --officer-name O");
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("no template \"no_such_template\"") != std::string::npos);
    CHECK(run.err.find((source_dir / "templates").string()) != std::string::npos);
    CHECK_FALSE(fs::exists(wb.file()));

    // A framework the core refuses after the file was created: the file is removed again.
    const auto broken = wb.dir().path() / "broken.xml";
    std::ofstream(broken) << "<framework id='x'/>";
    const auto refused = wb.run("new", "--template " + quote(broken.string()) +
                                           " --name N --reference R --as O1 "
                                           "--officer-name O");
    CHECK(refused.exit_code == 1);
    CHECK_FALSE(fs::exists(wb.file()));
    fs::remove(broken);
    CHECK(fs::is_empty(wb.dir().path()));

    // An existing file is never overwritten.
    std::ofstream(wb.file()) << "precious";
    CHECK(wb.run("new", "--template monetised_quality --name N --reference R --as O1 --officer-name O").exit_code == 1);
    CHECK(slurp(wb.file()) == "precious");
}

TEST_CASE("every sample tender imports, evaluates exactly as its package does, and verifies", "[integration]") {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(source_dir / "sample_tenders"))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    REQUIRE(names.size() >= 3);
    for (const auto& name : names) {
        INFO(name);
        const auto package = source_dir / "sample_tenders" / name;
        ScratchWorkbook wb("import_" + name);
        const auto imported = tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) +
                                          " --as PO --name 'Pat Officer'");
        INFO(imported.err);
        REQUIRE(imported.exit_code == 0);
        CHECK(wb.ok("phase", "--as PO").out == "moderation\n");
        check_refused(wb.run("evaluate", "--as PO --json"), "prices-sealed");
        wb.ok("phase", "--as PO price_evaluation");

        const auto from_workbook = wb.ok("evaluate", "--as PO --json");
        const auto from_package = tenderbench("evaluate --json " + quote(package.string()));
        REQUIRE(from_package.exit_code == 0);
        CHECK(from_workbook.out == from_package.out);
        CHECK(wb.ok("evaluate", "--as PO").out == tenderbench("evaluate " + quote(package.string())).out);

        const auto verified = wb.ok("verify", "");
        CHECK(verified.out.find("verified: ") != std::string::npos);
        // The import is one command, recorded entity by entity.
        const auto log = nlohmann::json::parse(wb.ok("log", "--as PO --json").out);
        REQUIRE(log.size() >= 2);
        CHECK(log[0]["action"] == "import");
        CHECK(log[0]["command"] == 1);
    }
}

TEST_CASE("a failed import leaves no file behind", "[integration]") {
    ScratchWorkbook wb("import_bad");
    const auto package = source_dir / "sample_tenders" / "community_meals";
    // Not on the package's panel and no name given: refused after the file was created.
    const auto refused =
        tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) + " --as STRANGER");
    CHECK(refused.exit_code == 1);
    CHECK(fs::is_empty(wb.dir().path()));  // no workbook, no FILE.partial-PID, no journal
    CHECK(tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) +
                      " --as PO --name P --phase nonsense")
              .exit_code == 2);
    CHECK_FALSE(fs::exists(wb.file()));
}

TEST_CASE("every refused command changes nothing in the workbook", "[integration]") {
    ScratchWorkbook wb("refused");
    set_up_panel(wb);
    wb.ok("declare", "--as E1 --none --detail 'None'");
    const auto before = wb.dump();
    const auto hash = head_hash(wb.ok("status", "--as O1"));
    REQUIRE(hash.size() == 64);

    check_refused(wb.run("score", "--as E1 --bid B1 --criterion K1 --score 3 --justification x"), "phase");
    check_refused(wb.run("bids", "--as E2"), "conflict-declaration");
    check_refused(wb.run("phase", "--as O1 moderation"), "phase");
    check_refused(wb.run("phase", "--as E1 compliance"), "role");
    check_refused(wb.run("evaluator add", "--as E1 --id E9 --name 'Nine' --role evaluator"), "role");
    check_refused(wb.run("moderate", "--as M1 --bid B1 --criterion K1 --score 3 --rationale r"), "phase");
    check_refused(wb.run("undo", "--as E2"), "undo");
    const auto lots = quote((source_dir / "templates" / "multi_lot_highways.xml").string());
    check_refused(wb.run("framework", "--as O1 --file " + lots), "framework-frozen");
    // Bids in lot 1, which the new framework lacks.
    CHECK(wb.run("framework", "--as O1 --file " + lots + " --reason 'Wrong template'").exit_code == 1);
    CHECK(wb.run("bid add", "--as O1 --id B1 --lot 1 --bidder 'Again' --price 1.00").exit_code == 1);
    CHECK(wb.run("assign", "--as O1 --evaluator E1 --criterion NOPE").exit_code == 1);
    CHECK(wb.run("bid add", "--as O1 --id B9 --lot 1 --bidder X --price '£1,000'").exit_code == 2);

    CHECK(wb.dump() == before);
    CHECK(head_hash(wb.ok("status", "--as O1")) == hash);
    CHECK(wb.ok("verify", "").out.find("verified: ") != std::string::npos);
}

TEST_CASE("undo and redo through the command line are audited commands", "[integration]") {
    ScratchWorkbook wb("undo");
    set_up_panel(wb);
    for (const char* who : {"E1", "E2"}) wb.ok("declare", std::string("--as ") + who + " --none --detail 'None'");
    wb.ok("phase", "--as O1 compliance");
    for (const char* bid : {"B1", "B2", "B3"})
        for (const char* gate : {"G1", "G2", "G3"})
            wb.ok("gate", std::string("--as O1 --bid ") + bid + " --gate " + gate + " --pass --reason 'Seen'");
    wb.ok("phase", "--as O1 individual_evaluation");

    score(wb, "E1", "B1", "K1", 2);
    score(wb, "E1", "B1", "K1", 3);
    CHECK(wb.ok("scores", "--as E1").out.find("B1\tK1\tE1\t3\t") == 0);
    wb.ok("undo", "--as E1");
    CHECK(wb.ok("scores", "--as E1").out.find("B1\tK1\tE1\t2\t") == 0);
    wb.ok("undo", "--as E1");
    CHECK(wb.ok("scores", "--as E1").out.empty());
    wb.ok("redo", "--as E1");
    CHECK(wb.ok("scores", "--as E1").out.find("B1\tK1\tE1\t2\t") == 0);

    // E2 has nothing of their own to undo; E1's work is not theirs to undo.
    check_refused(wb.run("undo", "--as E2"), "undo");
    CHECK(wb.ok("scores", "--as E1").out.find("B1\tK1\tE1\t2\t") == 0);

    const auto log = nlohmann::json::parse(wb.ok("log", "--as O1 --json").out);
    int undos = 0, redos = 0;
    for (const auto& r : log) {
        if (r["action"] == "undo") {
            ++undos;
            CHECK(r["refers"].is_number());
        }
        if (r["action"] == "redo") ++redos;
    }
    CHECK(undos == 2);
    CHECK(redos == 1);
    const auto text = wb.ok("log", "--as O1 --from " + std::to_string(log.size() - 2)).out;
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);
    CHECK(text.find("redo of command") != std::string::npos);
    CHECK(wb.ok("verify", "").out.find("verified: ") != std::string::npos);
}

TEST_CASE("workbook commands: help, usage errors and a missing workbook", "[integration]") {
    for (const char* cmd :
         {"new",     "import", "status",   "evaluator add", "evaluator list", "declare",      "conflict",
          "assign",  "phase",  "bid add",  "bids",          "gate",           "framework",    "score",
          "abstain", "scores", "moderate", "moderation",    "stats",          "alt-decision", "sv-decision",
          "seed",    "undo",   "redo",     "log",           "verify",         "import-bids",  "export-sheet", "import-sheet"}) {
        INFO(cmd);
        const auto help = tenderbench(std::string(cmd) + " --help");
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("--busy-timeout") != std::string::npos);
    }
    TempDir dir("missing");
    const auto missing = tenderbench("status " + dir.arg("none.tender") + " --as O1");
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("no such workbook") != std::string::npos);
    CHECK(tenderbench("status " + dir.arg("none.tender")).exit_code == 2);  // --as is required
    CHECK(tenderbench("evaluate " + dir.arg("none.tender")).exit_code == 2);
    CHECK(tenderbench("declare " + dir.arg("none.tender") + " --as E1 --none --tender").exit_code == 2);
    std::ofstream(dir.path() / "not.tender") << "this is not a workbook";
    const auto junk = tenderbench("verify " + dir.arg("not.tender"));
    CHECK(junk.exit_code == 1);
    CHECK(junk.err.find("not a TenderBench workbook") != std::string::npos);
}

TEST_CASE("the officer's decisions: conflicts, social value, abnormally low bids, lots seeds", "[integration]") {
    ScratchWorkbook wb("decisions");
    const auto package = source_dir / "sample_tenders" / "highways_minor_works";
    REQUIRE(tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) + " --as O1").exit_code ==
            0);
    const auto committed = [&wb] {
        const auto json = nlohmann::json::parse(wb.ok("evaluate", "--as O1 --json --lot L1").out);
        for (const auto& bid : json["lots"][0]["bids"])
            if (bid["id"] == "B01") return bid;
        FAIL("no bid B01");
        return nlohmann::json();
    };

    // A declared conflict keeps the evaluator away from the bid once the officer removes them.
    check_refused(wb.run("conflict", "--as O1 --evaluator E1 --bid B01 --remove --reason 'Cousin is a director'"),
                  "declaration");
    wb.ok("declare", "--as E1 --bid B01 --detail 'My cousin is a director of the bidder'");
    check_refused(wb.run("conflict", "--as E1 --evaluator E1 --bid B01 --allow --reason 'I am fine'"), "role");
    wb.ok("conflict", "--as O1 --evaluator E1 --bid B01 --remove --reason 'Cousin is a director'");
    wb.ok("phase", "--as O1 price_evaluation");
    const auto seen = wb.ok("bids", "--as E1").out;
    CHECK(seen.find("B01") == std::string::npos);
    CHECK(seen.find("B02\tL1\tBrackenfield Highways Ltd\t1430272.80") != std::string::npos);

    const double before = committed()["social_value_committed"].get<double>();
    check_refused(wb.run("sv-decision", "--as O1 --bid B01 --measure LE1 --reduce --reason 'No number'"),
                  "sv-decision");
    CHECK(wb.run("sv-decision", "--as O1 --bid B01 --measure LE1 --reduce --quantity 4 --percent 50 --reason x")
              .exit_code == 2);
    wb.ok("sv-decision", "--as O1 --bid B01 --measure LE1 --reduce --quantity 4 --reason 'Four posts evidenced'");
    CHECK(committed()["social_value_committed"].get<double>() < before);

    // Highways declares no abnormally-low rule: there is nothing to decide about B01.
    check_refused(wb.run("alt-decision", "--as O1 --bid B01 --reject --reason 'Labour under-costed'"), "alt-decision");

    check_refused(wb.run("seed", "--as E2 --lot L1 --seed 20270314"), "role");
    wb.ok("seed", "--as O1 --lot L1 --seed 20270314");
    CHECK(wb.ok("verify", "").out.find("verified: ") != std::string::npos);

    // Community meals: B04 is flagged (Scottish rule) and was rejected; accepting it after a
    // further explanation puts it back in contention, and undo takes that back.
    ScratchWorkbook meals("decisions_meals");
    const auto meals_package = source_dir / "sample_tenders" / "community_meals";
    REQUIRE(tenderbench("import " + quote(meals_package.string()) + " " + quote(meals.file().string()) +
                        " --as O1 --name 'Olive Officer' --phase price_evaluation")
                .exit_code == 0);
    const auto b04_rank = [&meals] {
        const auto json = nlohmann::json::parse(meals.ok("evaluate", "--as O1 --json").out);
        for (const auto& bid : json["lots"][0]["bids"])
            if (bid["id"] == "B04") return bid["rank"];
        FAIL("no bid B04");
        return nlohmann::json();
    };
    CHECK(b04_rank().is_null());
    meals.ok("alt-decision", "--as O1 --bid B04 --accept --reason 'Costed rota and signed supplier quotes received'");
    CHECK(b04_rank().is_number());
    meals.ok("undo", "--as O1");
    CHECK(b04_rank().is_null());
    check_refused(meals.run("alt-decision", "--as O1 --bid B01 --reject --reason 'Too cheap'"), "alt-decision");
    CHECK(meals.ok("verify", "").out.find("verified: ") != std::string::npos);
}

TEST_CASE("changing the framework refuses one that leaves assignments to missing questions",
          "[integration]") {
    ScratchWorkbook wb("framework_fit");
    set_up_panel(wb);  // E1 and E2 are assigned K1-K3 of monetised_quality
    const auto before = wb.dump();
    const auto other = quote((source_dir / "templates" / "vfm_ratio.xml").string());  // no K1, K2, K3
    const auto run = wb.run("framework", "--as O1 --file " + other + " --reason 'Wrong template'");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("refused (rule framework-fit)") != std::string::npos);
    CHECK(run.err.find("assignment of question") != std::string::npos);
    CHECK(wb.dump() == before);
}
