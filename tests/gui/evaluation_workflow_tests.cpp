// The walk through the real windows: score a cell, moderate without a rationale
// (refused) and with one (accepted), undo and redo it, export to Excel; every step checked
// through the core, on the workbook file.
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include "app/core/audit.h"
#include "app/core/workbook_state.h"
#include "app/core/xlsx_reader.h"
#include "gui/gui_driver.h"

using namespace gui_test;

namespace {

std::optional<core::IndividualScoreRow> individual(gui::Session& s, const std::string& bid, const std::string& q,
                                                   const std::string& evaluator) {
    core::TenderState state(s.workbook().db());
    return state.individual_score(bid, q, evaluator);
}

std::optional<core::ConsensusRow> consensus(gui::Session& s, const std::string& bid, const std::string& q) {
    core::TenderState state(s.workbook().db());
    return state.consensus(bid, q);
}

std::int64_t audit_records(gui::Session& s) { return core::audit_head(s.workbook().db()).first; }

}  // namespace

TEST_CASE("An evaluator scores a cell on the Scoring page and a refused save keeps what was typed", "[gui]") {
    SampleOptions options;
    options.unscored = {{"B01", "Q1", "E1"}};
    OpenTender t(options);
    t.declare_no_conflict("E1");
    t.session().set_actor("E1");
    auto* page = t.frame().show_page(gui::PageId::scoring);
    REQUIRE(page != nullptr);
    INFO(page->message());
    click(page, "unscored_only");
    REQUIRE(find<wxListCtrl>(page, "scoring_list")->GetItemCount() == 1);
    select_row(page, "scoring_list", 0);
    choose(page, "scale_points", "3");
    CHECK(find<wxTextCtrl>(page, "score_value")->GetValue() == "3");

    const auto before = audit_records(t.session());
    click(page, "save_score");  // no justification yet
    CHECK(page->message_is_error());
    CHECK(page->message().Contains("justification"));
    CHECK_FALSE(individual(t.session(), "B01", "Q1", "E1"));
    CHECK(audit_records(t.session()) == before);
    CHECK(find<wxTextCtrl>(page, "score_value")->GetValue() == "3");  // nothing typed is lost

    type(page, "justification", "Six routes inside the delivery window (s.1.2); one spare driver only (s.1.4).");
    click(page, "save_score");
    INFO(page->message());
    CHECK_FALSE(page->message_is_error());
    const auto recorded = individual(t.session(), "B01", "Q1", "E1");
    REQUIRE(recorded);
    CHECK(recorded->score == 3.0);
    CHECK(recorded->justification.find("Six routes") == 0);
    CHECK(audit_records(t.session()) == before + 1);
    CHECK(find<wxListCtrl>(page, "scoring_list")->GetItemCount() == 0);  // unscored only: none left
}

TEST_CASE("The moderator needs a rationale and undo, redo and the export go through the core", "[gui]") {
    SampleOptions options;
    options.phase = core::Phase::moderation;
    options.unmoderated = {{"B01", "Q1"}};
    OpenTender t(options);
    t.declare_no_conflict("M1");
    t.session().set_actor("M1");
    auto* page = t.frame().show_page(gui::PageId::moderation);
    REQUIRE(page != nullptr);
    INFO(page->message());
    const long row = find_row(page, "moderation_list", {{0, "B01"}, {1, "Q1"}});
    REQUIRE(row >= 0);
    select_row(page, "moderation_list", row);
    const auto justifications = find<wxTextCtrl>(page, "individual_justifications")->GetValue();
    CHECK(justifications.Contains("E3 (3): Sound logistics, but the 365-day rota"));
    CHECK(justifications.Contains("E1 (4): Meals cooked fresh each morning"));
    choose(page, "consensus_points", "4");

    click(page, "record_consensus");  // no rationale
    CHECK(page->message_is_error());
    CHECK(page->message().Contains("Refused (consensus)"));
    CHECK_FALSE(consensus(t.session(), "B01", "Q1"));

    type(page, "rationale", "Agreed 4: probe checks logged at first and last drop (s.1.3) meet the requirement in full.");
    click(page, "record_consensus");
    INFO(page->message());
    CHECK_FALSE(page->message_is_error());
    REQUIRE(consensus(t.session(), "B01", "Q1"));
    CHECK(consensus(t.session(), "B01", "Q1")->score == 4.0);
    CHECK(find<wxListCtrl>(page, "moderation_list")->GetItemText(row, 5) == "4");

    t.frame().undo();
    CHECK_FALSE(consensus(t.session(), "B01", "Q1"));
    CHECK(find<wxListCtrl>(page, "moderation_list")->GetItemText(row, 5) == "");
    const auto log = core::read_audit(t.session().workbook().db());
    CHECK(log.back().action == "undo");
    CHECK(log.back().actor == "M1");

    t.frame().redo();
    REQUIRE(consensus(t.session(), "B01", "Q1"));
    CHECK(consensus(t.session(), "B01", "Q1")->rationale.find("Agreed 4") == 0);

    // The officer opens the prices and exports; the file is a real xlsx holding the consensus.
    t.session().set_actor("OF1");
    REQUIRE(t.frame().move_to_phase(core::Phase::price_evaluation, ""));
    const auto out = t.folder() / "community meals.xlsx";
    INFO(t.frame().last_message());
    REQUIRE(t.frame().export_excel(out));
    REQUIRE(std::filesystem::exists(out));
    core::XlsxWorkbook book(out);
    const auto moderation = book.sheet("Moderation");
    bool found = false;
    for (const auto& r : moderation.rows)
        for (const auto& c : r.cells) found = found || c.text.find("probe checks logged") != std::string::npos;
    CHECK(found);
}
