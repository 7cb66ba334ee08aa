// The workflow rules of domain.md section 2 and 6, enforced by app/core on a real workbook file.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/framework_reader.h"
#include "app/core/verify.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "tests/workbook/workbook_fixture.h"

using namespace core;
using test::TempFolder;

namespace {

const std::vector<std::string> questions{"Q1", "Q2", "Q3.1", "Q3.2", "Q4", "Q5", "Q6", "SV1", "SV2"};

// Runs `command`, which must be refused under `rule`, and checks that nothing changed.
template <class F>
void refused(Workbook& wb, const std::string& rule, F&& command) {
    const auto head = audit_head(wb.db());
    try {
        command();
        FAIL("accepted, but rule " << rule << " should have refused it");
    } catch (const Refused& e) {
        INFO(e.what());
        CHECK(e.rule() == rule);
    }
    CHECK(audit_head(wb.db()) == head);
}

struct Tender {
    TempFolder tmp;
    Workbook wb;
    std::string lot;

    Tender() : wb(Workbook::create(tmp / "care.tender")) {
        const auto path = test::source_dir / "templates" / "local_authority_care.xml";
        lot = read_framework(path).lots.front().id;
        create_tender(wb, {"Supported living", "LA-2026-014", test::slurp(path), path.string(), "O1",
                           "Olivia Officer", true});
        add_evaluator(wb, "O1", {"E1", "Evan One", Role::evaluator});
        add_evaluator(wb, "O1", {"E2", "Erin Two", Role::evaluator});
        add_evaluator(wb, "O1", {"M1", "Mo Chair", Role::moderator});
        add_bid(wb, "O1", {"B1", lot, "Alder Care Ltd", true, false, 120000000, std::nullopt});
        add_bid(wb, "O1", {"B2", lot, "Birch Support CIC", false, true, 110000000, std::nullopt});
    }

    void pass_gates() {
        for (const char* bid : {"B1", "B2"})
            for (const char* gate : {"G1", "G2", "G3"}) record_gate(wb, "O1", bid, gate, true, "");
    }

    // Through compliance (every gate passed) to individual evaluation.
    void open_individual_evaluation() {
        set_phase(wb, "O1", Phase::compliance, "");
        pass_gates();
        set_phase(wb, "O1", Phase::individual_evaluation, "");
    }
};

}  // namespace

TEST_CASE("Setting up: roles, frozen framework, compliance before scoring", "[integration][workbook]") {
    Tender t;
    auto& wb = t.wb;
    refused(wb, "role", [&] { add_bid(wb, "E1", {"B3", t.lot, "X", false, false, 100, std::nullopt}); });
    refused(wb, "unknown-actor", [&] { add_bid(wb, "Z9", {"B3", t.lot, "X", false, false, 100, std::nullopt}); });
    refused(wb, "price", [&] { add_bid(wb, "O1", {"B3", t.lot, "X", false, false, 0, std::nullopt}); });
    refused(wb, "duplicate", [&] { add_bid(wb, "O1", {"B1", t.lot, "X", false, false, 100, std::nullopt}); });
    refused(wb, "phase", [&] { set_phase(wb, "O1", Phase::moderation, ""); });
    // Bids are open, so the framework is frozen: a change needs a reason.
    const auto xml = TenderState(wb.db()).framework_xml();
    refused(wb, "framework-frozen", [&] { change_framework(wb, "O1", xml + " ", "edited", ""); });
    CHECK(change_framework(wb, "O1", xml + " ", "edited", "Typo in a descriptor corrected").records == 1);

    set_phase(wb, "O1", Phase::compliance, "");
    refused(wb, "phase-incomplete", [&] { set_phase(wb, "O1", Phase::individual_evaluation, ""); });
    refused(wb, "reason", [&] { record_gate(wb, "O1", "B2", "G1", false, " "); });
    refused(wb, "unknown-gate", [&] { record_gate(wb, "O1", "B2", "G9", true, ""); });
    t.pass_gates();
    set_phase(wb, "O1", Phase::individual_evaluation, "");
    refused(wb, "phase-back", [&] { set_phase(wb, "O1", Phase::compliance, ""); });
    CHECK(verify(wb).ok);
}

TEST_CASE("Blind individual scoring: declarations, assignments, conflicts, sealed prices", "[integration][workbook]") {
    Tender t;
    auto& wb = t.wb;
    t.open_individual_evaluation();
    for (const auto& q : questions) assign(wb, "O1", "E1", q);
    assign(wb, "O1", "E2", "Q1");

    refused(wb, "conflict-declaration", [&] { score(wb, "E1", "B1", "Q1", 4, "Strong plan, s.2"); });
    refused(wb, "conflict-declaration", [&] { bids_for(wb, "E1"); });
    // The bidders' names are open, so that conflicts can be declared; nothing of the bids is.
    const auto bidders = bidders_for_declaration(wb, "E1");
    REQUIRE(bidders.size() == 2);
    CHECK(bidders[0].bid == "B1");
    CHECK_FALSE(bidders[0].name.empty());
    refused(wb, "unknown-actor", [&] { bidders_for_declaration(wb, "NOBODY"); });
    declare_interest(wb, "E1", "*", false, "No conflicts");
    declare_interest(wb, "E2", "B2", true, "My sister manages Birch Support's Leeds office");

    refused(wb, "scale", [&] { score(wb, "E1", "B1", "Q1", 7, "Off the scale"); });
    refused(wb, "scale", [&] { score(wb, "E1", "B1", "Q1", 3.5, "Not a point"); });
    refused(wb, "justification", [&] { score(wb, "E1", "B1", "Q1", 4, "  "); });
    refused(wb, "unknown-criterion", [&] { score(wb, "E1", "B1", "Q99", 4, "x"); });
    refused(wb, "conflict-of-interest", [&] { score(wb, "E2", "B2", "Q1", 4, "x"); });
    refused(wb, "assignment", [&] { score(wb, "E2", "B1", "Q2", 4, "x"); });
    refused(wb, "role", [&] { score(wb, "O1", "B1", "Q1", 4, "x"); });
    refused(wb, "abstention", [&] { abstain(wb, "E1", "B1", "Q1", "Not my field"); });

    CHECK(score(wb, "E1", "B1", "Q1", 4, "Person-centred plans with outcomes reviewed monthly (s.2.1)").records == 1);
    CHECK(score(wb, "E2", "B1", "Q1", 3, "Plans are generic; outcomes not measured (s.2.1)").records == 1);

    // Each evaluator reads only their own scores; the officer reads all.
    const auto seen_by_e2 = individual_scores_for(wb, "E2");
    REQUIRE(seen_by_e2.size() == 1);
    CHECK(seen_by_e2.front().evaluator == "E2");
    CHECK(individual_scores_for(wb, "O1").size() == 2);
    // Two envelopes: evaluators see no prices; the conflicted bid is hidden from E2.
    const auto bids = bids_for(wb, "E2");
    REQUIRE(bids.size() == 1);
    CHECK(bids.front().price_sealed);
    CHECK(bids.front().bid.price == 0);
    CHECK_FALSE(bids_for(wb, "O1").front().price_sealed);
    refused(wb, "prices-sealed", [&] { package_for_evaluation(wb, "O1"); });

    // E2's conflict: until the officer decides, moderation cannot start without E2's B2 score?
    // No: a conflict keeps them from the bid, so nothing is owed; the officer still records it.
    refused(wb, "role", [&] { decide_conflict(wb, "E1", "E2", "B2", false, "x"); });
    decide_conflict(wb, "O1", "E2", "B2", false, "Close family member at the bidder: removed from B2");
    refused(wb, "phase-incomplete", [&] { set_phase(wb, "O1", Phase::moderation, ""); });
    CHECK(verify(wb).ok);
}

TEST_CASE("Undo and redo are new audited commands, per actor", "[integration][workbook]") {
    Tender t;
    auto& wb = t.wb;
    t.open_individual_evaluation();
    for (const auto& q : questions) assign(wb, "O1", "E1", q);
    declare_interest(wb, "E1", "*", false, "None");
    declare_interest(wb, "E2", "*", false, "None");
    auto current = [&] {
        const auto rows = individual_scores_for(wb, "E1", "B1", "Q1");
        return rows.empty() ? std::optional<double>() : rows.front().score;
    };
    score(wb, "E1", "B1", "Q1", 4, "First reading: solid outcomes framework (s.2.1)");
    score(wb, "E1", "B1", "Q1", 5, "Second reading: the outcomes data in App. C is exceptional");
    const auto records = audit_head(wb.db()).first;

    const auto undone = undo(wb, "E1");
    CHECK(undone.records == 1);
    CHECK(current() == 4.0);
    undo(wb, "E1");
    CHECK_FALSE(current());
    redo(wb, "E1");
    CHECK(current() == 4.0);
    redo(wb, "E1");
    CHECK(current() == 5.0);
    refused(wb, "redo", [&] { redo(wb, "E1"); });
    // The trail only grows: four new records, one per undo and redo.
    CHECK(audit_head(wb.db()).first == records + 4);
    const auto log = read_audit(wb.db(), records + 1);
    REQUIRE(log.size() == 4);
    CHECK(log[0].action == "undo");
    CHECK(log[0].refers == undone.command - 1);  // the second score
    CHECK(log[2].action == "redo");

    // E2's undo takes back E2's own last command (the declaration), never E1's score.
    undo(wb, "E2");
    CHECK(current() == 5.0);
    CHECK_FALSE(TenderState(wb.db()).has_declared("E2"));

    // A new command clears the redo history; a phase change ends the undo history.
    undo(wb, "E1");
    score(wb, "E1", "B1", "Q2", 3, "Safeguarding policy sound; no audit cycle (s.3)");
    refused(wb, "redo", [&] { redo(wb, "E1"); });
    set_phase(wb, "O1", Phase::compliance, "Gate G2 evidence for B2 to be re-checked");
    refused(wb, "undo", [&] { undo(wb, "E1"); });
    refused(wb, "unknown-actor", [&] { undo(wb, "Z9"); });
    CHECK(verify(wb).ok);
}

TEST_CASE("Moderation locks individual scores and needs a rationale on the scale", "[integration][workbook]") {
    Tender t;
    auto& wb = t.wb;
    t.open_individual_evaluation();
    for (const auto& e : {"E1", "E2"}) {
        declare_interest(wb, e, "*", false, "None");
        for (const auto& q : questions) assign(wb, "O1", e, q);
    }
    for (const auto& bid : {"B1", "B2"})
        for (const auto& q : questions) {
            score(wb, "E1", bid, q, 3, "Meets the requirement (see the response to " + q + ")");
            score(wb, "E2", bid, q, q == "Q1" ? 5 : 3, "Evidence in the response to " + q);
        }
    set_phase(wb, "O1", Phase::moderation, "");
    CHECK(TenderState(wb.db()).tender().individual_locked);
    refused(wb, "phase", [&] { score(wb, "E1", "B1", "Q1", 4, "Changed my mind"); });
    set_phase(wb, "O1", Phase::individual_evaluation, "E2 asked to add a missing justification");
    refused(wb, "locked", [&] { score(wb, "E1", "B1", "Q1", 4, "Changed my mind"); });
    set_phase(wb, "O1", Phase::moderation, "");

    // Scores are visible side by side now; the divergent item is flagged.
    const auto items = moderation_items(wb, "M1");
    const auto it = std::find_if(items.begin(), items.end(),
                                 [](const ModerationItem& m) { return m.bid == "B1" && m.criterion == "Q1"; });
    REQUIRE(it != items.end());
    CHECK(it->spread.divergent);
    CHECK(it->spread.spread == 2);
    CHECK(individual_scores_for(wb, "E1", "B1", "Q1").size() == 2);

    refused(wb, "role", [&] { moderate(wb, "E1", "B1", "Q1", 4, "Agreed 4"); });
    refused(wb, "conflict-declaration", [&] { moderate(wb, "M1", "B1", "Q1", 4, "Agreed 4"); });
    declare_interest(wb, "M1", "*", false, "None");
    refused(wb, "consensus", [&] { moderate(wb, "M1", "B1", "Q1", 4, ""); });
    refused(wb, "consensus", [&] { moderate(wb, "M1", "B1", "Q1", 3.5, "Between the two readings of s.2.1"); });
    const auto short_one = moderate(wb, "M1", "B1", "Q1", 4, "Agreed 4.");
    CHECK(short_one.warnings.size() == 1);  // a rationale that short is accepted with a warning
    const auto consensus = TenderState(wb.db()).consensus("B1", "Q1");
    REQUIRE(consensus);
    CHECK(consensus->divergent);
    CHECK(consensus->score == 4);
    // The individual scores are kept unchanged beside the consensus.
    CHECK(TenderState(wb.db()).individual_score("B1", "Q1", "E2")->score == 5.0);
    refused(wb, "phase-incomplete", [&] { set_phase(wb, "O1", Phase::price_evaluation, ""); });
    CHECK(verify(wb).ok);
}

TEST_CASE("verify finds changes made behind the program's back", "[integration][workbook]") {
    Tender t;
    set_phase(t.wb, "O1", Phase::compliance, "");
    t.pass_gates();
    const auto path = t.wb.path();
    REQUIRE(verify(t.wb).ok);
    const auto records = audit_head(t.wb.db()).first;
    auto tampered = [&](const std::string& sql) {
        const auto copy = t.tmp / "copy.tender";
        t.wb.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::filesystem::remove(copy);
        std::filesystem::copy_file(path, copy);
        {
            SQLite::Database raw(copy.string(), SQLite::OPEN_READWRITE);
            raw.exec(sql);
        }
        auto wb = Workbook::open(copy);
        return verify(wb);
    };
    SECTION("a gate result changed") {
        const auto r = tampered("UPDATE gate_result SET passed = 0 WHERE bid = 'B2' AND gate = 'G1'");
        CHECK_FALSE(r.ok);
        CHECK(r.first_bad_record);
    }
    SECTION("an audit record edited (triggers dropped first)") {
        const auto r = tampered("DROP TRIGGER audit_no_update; UPDATE audit SET reason = 'x' WHERE seq = 3");
        CHECK_FALSE(r.ok);
        CHECK(r.first_bad_record == 3);
    }
    SECTION("the last audit record deleted") {
        const auto r = tampered("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = " + std::to_string(records));
        CHECK_FALSE(r.ok);
        CHECK(r.first_bad_record == records);
    }
    SECTION("a middle audit record deleted") {
        const auto r = tampered("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 5");
        CHECK_FALSE(r.ok);
        CHECK(r.first_bad_record == 6);
    }
    SECTION("a bid inserted") {
        const auto r = tampered("INSERT INTO bid VALUES ('B9', '" + t.lot + "', 'Ghost Ltd', 0, 0, 1, NULL)");
        CHECK_FALSE(r.ok);
    }
    SECTION("the triggers dropped") {
        CHECK_FALSE(tampered("DROP TRIGGER audit_no_update").ok);
    }
    SECTION("the append-only triggers refuse changes to the trail") {
        CHECK_THROWS(tampered("UPDATE audit SET reason = 'x' WHERE seq = 1"));
        CHECK_THROWS(tampered("DELETE FROM audit WHERE seq = 1"));
    }
}
