// The main window over a real workbook: navigator, pages, status bar, identity and undo.
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/statusbr.h>
#include <wx/treectrl.h>

#include "app/core/workbook_state.h"
#include "app/gui/ids.h"
#include <fstream>

#include "gui/gui_driver.h"

using namespace gui_test;

TEST_CASE("The main window opens a sample tender with its navigator, pages and status bar", "[gui]") {
    OpenTender t;
    auto& frame = t.frame();
    CHECK(frame.GetTitle().Contains("community_meals.tender"));
    auto* status = frame.GetStatusBar();
    CHECK(status->GetStatusText(1) == "Phase: individual_evaluation");
    CHECK(status->GetStatusText(2).Contains("Olive Officer (OF1), officer"));
    auto* tree = find<wxTreeCtrl>(&frame, "navigator");
    CHECK(tree->GetCount() >= 9);  // tender, its lot(s), seven pages
    for (auto id : gui::all_pages) {
        auto* page = frame.show_page(id);
        REQUIRE(page != nullptr);
        INFO(gui::page_title(id) << ": " << page->message());
        CHECK(frame.current_page() == page);
    }
}

TEST_CASE("Keyboard shortcuts reach every page and Undo with nothing to undo explains why", "[gui]") {
    OpenTender t;
    auto& frame = t.frame();
    for (int i = 0; i < gui::page_count; ++i) {
        menu(&frame, gui::id::go_first + i);
        CHECK(frame.current_page()->id() == gui::all_pages[i]);
    }
    dialogs_shown();
    menu(&frame, wxID_UNDO);
    const auto shown = dialogs_shown();
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].find("Undo") != std::string::npos);
    CHECK(frame.last_message().Contains("Refused"));
}

TEST_CASE("Closing the workbook returns to the start page and a file that is not a workbook is refused",
          "[gui]") {
    OpenTender t;
    auto& frame = t.frame();
    menu(&frame, wxID_CLOSE);
    CHECK(frame.session() == nullptr);
    CHECK(frame.GetStatusBar()->GetStatusText(0).Contains("No tender open"));
    const auto bogus = t.folder() / "not-a-workbook.tender";
    { std::ofstream(bogus) << "hello"; }
    CHECK_FALSE(frame.open_file(bogus, "OF1"));
    CHECK(frame.last_message().Contains("not-a-workbook.tender"));
    CHECK(frame.session() == nullptr);
    REQUIRE(frame.open_file(t.file(), "OF1"));
    CHECK(frame.session() != nullptr);
}
