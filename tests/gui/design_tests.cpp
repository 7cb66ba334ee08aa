// New from template through the window, then the Design check page over the template's design
// and over a deliberately disproportionate one; findings agree with the core's check.
#include <unistd.h>

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/proportionality_report.h"
#include "app/core/framework_reader.h"
#include "app/core/xlsx_reader.h"
#include "app/gui/design_page.h"
#include "gui/gui_driver.h"

using namespace gui_test;
namespace fs = std::filesystem;

namespace {

struct NewTender {
    fs::path folder;
    gui::MainFrame* frame = nullptr;
    explicit NewTender(const fs::path& framework) {
        folder = fs::temp_directory_path() / ("tenderbench-gui-design-" + std::to_string(::getpid()));
        fs::remove_all(folder);
        fs::create_directories(folder);
        frame = new gui::MainFrame;
        frame->Show();
        REQUIRE(frame->create_tender(folder / "new.tender", framework.string(), "Design test", "DT-1", "of1",
                                     "Olive Officer"));
        settle();
    }
    ~NewTender() {
        frame->close_file();
        frame->Hide();
        frame->Destroy();
        settle();
        fs::remove_all(folder);
    }
};

scoring::ProportionalityReport core_check(const fs::path& framework) {
    const auto f = core::read_framework(framework);
    const auto settings = core::proportionality_settings(core::proportionality_regime(*f.design, ""));
    return core::check_framework_design(f, settings, framework.filename().string());
}

}  // namespace

TEST_CASE("New from template opens the tender and its Design check lists what the core finds", "[gui]") {
    const auto framework = fs::path(TENDERBENCH_SOURCE_DIR) / "templates" / "uk_central_pa2023.xml";
    NewTender t(framework);
    REQUIRE(t.frame->session() != nullptr);
    CHECK(t.frame->GetTitle().Contains("new.tender"));
    auto* page = t.frame->show_page(gui::PageId::design);
    REQUIRE(page != nullptr);
    INFO(page->message());
    CHECK_FALSE(page->message_is_error());
    const auto expected = core_check(framework);
    auto* list = find<wxListCtrl>(page, "design_findings");
    CHECK(list->GetItemCount() == static_cast<int>(expected.findings.size()));
    CHECK(expected.count(scoring::FindingSeverity::error) == 0);
    CHECK(find<wxStaticText>(page, "design_counts")->GetLabel().Contains("0 errors, 0 warnings"));
}

TEST_CASE("A disproportionate design shows its errors, links to the criterion and exports the report", "[gui]") {
    const auto framework = fs::path(TENDERBENCH_SOURCE_DIR) / "tests" / "fixtures" / "proportionality" /
                           "disproportionate_valid.xml";
    NewTender t(framework);
    auto* page = dynamic_cast<gui::DesignPage*>(t.frame->show_page(gui::PageId::design));
    REQUIRE(page != nullptr);
    const auto expected = core_check(framework);
    REQUIRE(expected.has_errors());
    auto* list = find<wxListCtrl>(page, "design_findings");
    REQUIRE(list->GetItemCount() == static_cast<int>(expected.findings.size()));
    CHECK(list->GetItemText(0, 0) == "error");
    // A finding about one criterion opens the Framework page there.
    long row = -1;
    for (std::size_t i = 0; i < expected.findings.size() && row < 0; ++i)
        if (!expected.findings[i].criterion.empty()) row = static_cast<long>(i);
    REQUIRE(row >= 0);
    select_row(page, "design_findings", row);
    CHECK(find<wxTextCtrl>(page, "design_detail")->GetValue().Contains(
        wxString::FromUTF8(expected.findings[static_cast<std::size_t>(row)].fix)));
    click(page, "design_go_criterion");
    REQUIRE(t.frame->current_page() != nullptr);
    CHECK(t.frame->current_page()->id() == gui::PageId::framework);

    const auto out = t.folder / "design check.xlsx";
    REQUIRE(page->export_report(out));
    core::XlsxWorkbook book(out);
    CHECK(book.has_sheet("Proportionality"));
}
