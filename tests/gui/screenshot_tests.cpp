// A PNG of every page, for docs/screenshots (scripts/screenshots sets TENDERBENCH_SCREENSHOTS)
// and, in CI, written to a temporary folder: each page must render over a real workbook.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include <unistd.h>

#include <wx/image.h>
#include <wx/listctrl.h>

#include "app/gui/framework_page.h"
#include "app/gui/self_assess_frame.h"
#include "gui/gui_driver.h"

using namespace gui_test;
namespace fs = std::filesystem;

namespace {

fs::path shots_folder() {
    if (const char* env = std::getenv("TENDERBENCH_SCREENSHOTS"); env != nullptr && *env != '\0') return env;
    return fs::temp_directory_path() / ("tenderbench-screenshots-" + std::to_string(::getpid()));
}

void shoot(wxWindow* window, const std::string& name) {
    const auto png = shots_folder() / (name + ".png");
    screenshot(window, png);
    wxImage image(wxString::FromUTF8(png.string()), wxBITMAP_TYPE_PNG);
    REQUIRE(image.IsOk());
    CHECK(image.GetWidth() > 600);
    // A page that failed to draw is one flat colour; count distinct colours on a sample grid.
    std::set<unsigned> colours;
    for (int y = 0; y < image.GetHeight(); y += 7)
        for (int x = 0; x < image.GetWidth(); x += 7)
            colours.insert((unsigned(image.GetRed(x, y)) << 16) | (unsigned(image.GetGreen(x, y)) << 8) |
                           image.GetBlue(x, y));
    CHECK(colours.size() > 8);
}

void select_first(gui::Page* page, const std::string& list) {
    if (auto* w = dynamic_cast<wxListCtrl*>(find_window(page, list)); w != nullptr && w->GetItemCount() > 0)
        select_row(page, list, 0);
}

}  // namespace

TEST_CASE("Screenshots of the start page and every page of a sample tender", "[gui][screenshots]") {
    {
        auto* frame = new gui::MainFrame;
        frame->Show();
        settle();
        shoot(frame, "start");
        frame->Hide();
        frame->Destroy();
        settle();
    }
    {
        SampleOptions options;
        options.unscored = {{"B03", "Q2", "E1"}, {"B04", "Q2", "E1"}};
        OpenTender t(options);
        t.declare_no_conflict("E1");
        t.session().set_actor("E1");
        auto* page = t.frame().show_page(gui::PageId::scoring);
        select_row(page, "scoring_list", 0);
        shoot(&t.frame(), "scoring");
    }
    {
        SampleOptions options;
        options.phase = core::Phase::moderation;
        options.without_consensus = true;
        OpenTender t(options);
        t.declare_no_conflict("M1");
        t.session().set_actor("M1");
        auto* page = t.frame().show_page(gui::PageId::moderation);
        select_row(page, "moderation_list", 1);
        shoot(&t.frame(), "moderation");
    }
    SampleOptions options;
    options.phase = core::Phase::price_evaluation;
    OpenTender t(options);
    shoot(&t.frame(), "tender");
    const std::pair<gui::PageId, const char*> pages[] = {{gui::PageId::framework, "criteria_tree"},
                                                         {gui::PageId::bids, "bids_list"},
                                                         {gui::PageId::evaluators, "panel_list"},
                                                         {gui::PageId::results, ""},
                                                         {gui::PageId::audit, "audit_list"}};
    for (const auto& [id, list] : pages) {
        auto* page = t.frame().show_page(id);
        REQUIRE(page != nullptr);
        if (*list != '\0') select_first(page, list);
        // The Framework page on a question with a minimum score, so its fields show something.
        if (auto* framework = dynamic_cast<gui::FrameworkPage*>(page)) REQUIRE(framework->select("1", "Q3"));
        std::string name = gui::page_title(id);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        shoot(&t.frame(), name);
    }
    auto* results = t.frame().show_page(gui::PageId::results);
    if (find_window(results, "what_if_toggle") != nullptr) {
        click(results, "what_if_toggle");
        shoot(&t.frame(), "results-what-if");
    }
}

TEST_CASE("Screenshot of the Design check over a disproportionate design", "[gui][screenshots]") {
    const auto folder = fs::temp_directory_path() / ("tenderbench-shots-design-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    auto* frame = new gui::MainFrame;
    frame->Show();
    REQUIRE(frame->create_tender(folder / "design.tender",
                                 (fs::path(TENDERBENCH_SOURCE_DIR) / "tests/fixtures/proportionality/disproportionate_valid.xml")
                                     .string(),
                                 "Corporate cleaning services", "CLN-2027-001", "of1", "Olive Officer"));
    auto* page = frame->show_page(gui::PageId::design);
    select_row(page, "design_findings", 0);
    shoot(frame, "design");
    frame->close_file();
    frame->Hide();
    frame->Destroy();
    settle();
    fs::remove_all(folder);
}

TEST_CASE("Screenshot of a self-assessment", "[gui][screenshots]") {
    auto* window = new gui::SelfAssessFrame(nullptr);
    window->Show();
    REQUIRE(window->choose_template("local_authority_care"));
    REQUIRE(window->load_answers(fs::path(TENDERBENCH_SOURCE_DIR) /
                                 "tests/fixtures/self_assessment/care_provider/self_assessment.xml"));
    REQUIRE(window->assess());
    shoot(window, "self_assess");
    window->Hide();
    window->Destroy();
    settle();
}
