// File menu work that runs in the background with a progress dialog: bids imported from the
// highways portal export (mapping and schedule), and an evaluator's score sheet written and
// read back; every result checked through the core. Also the Who are you dialog.
#include <unistd.h>

#include <wx/listbox.h>
#include <wx/listctrl.h>

#include "app/core/workbook_state.h"
#include "app/gui/identity_dialog.h"
#include "gui/gui_driver.h"

using namespace gui_test;
namespace fs = std::filesystem;

TEST_CASE("Import bids runs in the background and records the portal export with its price schedules", "[gui]") {
    const auto folder = fs::temp_directory_path() / ("tenderbench-gui-import-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    const auto sample = fs::path(TENDERBENCH_SOURCE_DIR) / "sample_tenders" / "highways_minor_works";
    auto* frame = new gui::MainFrame;
    frame->Show();
    REQUIRE(frame->create_tender(folder / "highways.tender", (sample / "framework.xml").string(),
                                 "Highways minor works", "WCC-HWY-2026-007", "O1", "Jonathan Hale"));
    // Without the mapping the portal's headers are not ours: refused in full, nothing recorded.
    CHECK_FALSE(frame->import_bids(sample / "portal" / "responses.csv"));
    CHECK(frame->last_message().Contains("responses.csv"));
    CHECK(core::TenderState(frame->session()->workbook().db()).bids().empty());

    REQUIRE(frame->import_bids(sample / "portal" / "responses.csv", sample / "portal" / "mapping.xml",
                               sample / "portal" / "pricing.csv"));
    core::TenderState state(frame->session()->workbook().db());
    const auto bids = state.bids();
    CHECK(bids.size() == 7);
    const auto package = state.package(false);
    std::size_t lines = 0;
    for (const auto& b : package.bids) lines += b.schedule.size();
    CHECK(lines > 0);
    CHECK(frame->last_message().Contains("Imported the bids"));
    // The Bids page shows them (it was told the workbook changed on the background's connection).
    auto* page = frame->show_page(gui::PageId::bids);
    REQUIRE(page != nullptr);
    CHECK(find<wxListCtrl>(page, "bids_list")->GetItemCount() == 7);
    frame->close_file();
    frame->Hide();
    frame->Destroy();
    settle();
    fs::remove_all(folder);
}

TEST_CASE("An evaluator's score sheet is written and read back through the File menu's background work", "[gui]") {
    SampleOptions options;
    options.unscored = {{"B02", "Q4", "E2"}};
    OpenTender t(options);
    t.declare_no_conflict("E2");
    const auto sheet = t.folder() / "E2.xlsx";
    REQUIRE(t.frame().export_score_sheet("E2", sheet));
    REQUIRE(fs::exists(sheet));
    // Nothing new on the sheet: importing it records nothing and says so.
    const auto before = t.session().changes();
    REQUIRE(t.frame().import_score_sheet(sheet));
    CHECK(t.frame().last_message().Contains("Nothing new"));
    CHECK(t.session().changes() == before);
}

TEST_CASE("Who are you lists the panel with roles and returns the member chosen", "[gui]") {
    std::vector<core::Evaluator> panel{{"O1", "Olive Officer", core::Role::officer},
                                       {"E1", "Helen Okafor", core::Role::evaluator},
                                       {"M1", "David Whitlock", core::Role::moderator}};
    gui::IdentityDialog dialog(nullptr, panel, "M1");
    auto* list = find<wxListBox>(&dialog, "panel_list");
    REQUIRE(list->GetCount() == 3);
    CHECK(list->GetString(1) == "Helen Okafor (E1), evaluator");
    CHECK(dialog.chosen() == "M1");  // the current identity is preselected
    choose(&dialog, "panel_list", "Helen Okafor");
    CHECK(dialog.chosen() == "E1");
}
