// The "Self-assess a bid" window: a framework, answers from a file or typed by hand, the report,
// the refusals and the Excel export, with no tender workbook anywhere.
#include <cstdlib>
#include <fstream>

#include <unistd.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "app/core/self_assessment_input.h"
#include "app/core/self_assessment_report.h"
#include "app/core/templates.h"
#include "app/core/xlsx_reader.h"
#include "app/gui/errors.h"
#include "app/gui/ids.h"
#include "app/gui/self_assess_frame.h"
#include "gui/gui_driver.h"

using namespace gui_test;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(TENDERBENCH_SOURCE_DIR) / "tests" / "fixtures" / "self_assessment";

// A self-assessment window on screen for one test, closed at the end.
class Window {
public:
    Window() : frame_(new gui::SelfAssessFrame(nullptr)) {
        frame_->Show();
        settle();
    }
    ~Window() {
        frame_->Hide();
        frame_->Destroy();
        settle();
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    gui::SelfAssessFrame* operator->() { return frame_; }
    gui::SelfAssessFrame* get() { return frame_; }

private:
    gui::SelfAssessFrame* frame_;
};

// A folder of its own for the files a test writes, removed at the end.
struct Scratch {
    fs::path folder = fs::temp_directory_path() / ("tenderbench-sa-gui-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(folder); }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

// The framework choice's label for a bundled template: "title (name)".
std::string template_label(const std::string& name) {
    for (const auto& t : core::list_templates())
        if (t.name == name) return t.title + " (" + name + ")";
    FAIL("no bundled template " << name);
    return "";
}

scoring::Framework central_framework() {
    std::vector<core::Diagnostic> warnings;
    return core::read_published_framework(core::resolve_template("uk_central_pa2023").path, &warnings);
}

}  // namespace

TEST_CASE("Self-assess window: answers from a file give the hand-computed break-even price and an Excel export",
          "[gui]") {
    Window w;
    CHECK(w->GetTitle() == "Self-assess a bid - TenderBench");
    choose(w.get(), "sa_framework", template_label("uk_central_pa2023"));
    CHECK(w->message().Contains("Assessing against"));
    REQUIRE(find_window(w.get(), "sa_score_Q1") != nullptr);
    CHECK_FALSE(find<wxButton>(w.get(), "sa_export")->IsEnabled());

    INFO(w->message());
    REQUIRE(w->load_answers(fixtures / "central_break_even.xml"));
    CHECK(find<wxChoice>(w.get(), "sa_score_Q1")->GetStringSelection() == "4 - Excellent");
    CHECK(find<wxChoice>(w.get(), "sa_score_Q2")->GetStringSelection() == "3 - Good");
    CHECK(find<wxTextCtrl>(w.get(), "sa_note_Q3")->GetValue() == "Named key staff with CVs and a cover rota.");
    CHECK(find<wxTextCtrl>(w.get(), "sa_price")->GetValue() == "120000.00");
    CHECK(find<wxSpinCtrl>(w.get(), "sa_competitors")->GetValue() == 1);
    CHECK(find<wxTextCtrl>(w.get(), "sa_turnover")->GetValue() == "450000.00");

    click(w.get(), "sa_assess");
    INFO(w->message());
    REQUIRE(w->report() != nullptr);
    // The fixture's comment: 52.50 + 7.50 + 25.00 = 85.00 against the competitor's 82.50, and the
    // highest winning price is 3000000 / 22.495 = 133362.969... -> 133362.96 in whole pence.
    CHECK(w->report()->projected.total == Approx(85.0));
    CHECK(w->report()->projected.wins);
    CHECK(w->report()->break_even.price == 13'336'296);
    CHECK(w->report_text().Contains("Highest price that still wins: 133362.96; one penny more"));
    CHECK(find<wxStaticText>(w.get(), "sa_headline")->GetLabelText().Contains("133362.96"));
    // Turnover 450000.00 against a minimum of 2400000.00: not met.
    CHECK(find<wxStaticText>(w.get(), "sa_headline")->GetLabelText().Contains("NOT MET"));

    if (const char* shots = std::getenv("TENDERBENCH_SCREENSHOTS"); shots != nullptr && *shots != '\0') {
        for (int i = 0; i < 8; ++i) {  // let GTK finish fading the Export button in
            wxMilliSleep(50);
            settle();
        }
        const auto png = fs::path(shots) / "self_assess.png";
        screenshot(w.get(), png);
        CHECK(fs::file_size(png) > 10'000);
    }

    Scratch scratch;
    const auto out = scratch.folder / "self-assessment.xlsx";
    REQUIRE(find<wxButton>(w.get(), "sa_export")->IsEnabled());
    REQUIRE(w->export_xlsx(out));
    const core::XlsxWorkbook book(out);
    CHECK(book.has_sheet("Self-assessment"));
    CHECK(book.has_sheet("Against competitors"));
    CHECK(book.has_sheet("Conditions"));

    // An edit after the assessment: the report describes an older form, so it is not exported.
    type(w.get(), "sa_price", "125000");
    CHECK_FALSE(find<wxButton>(w.get(), "sa_export")->IsEnabled());
    CHECK_FALSE(w->export_xlsx(scratch.folder / "stale.xlsx"));
    CHECK_FALSE(fs::exists(scratch.folder / "stale.xlsx"));
}

TEST_CASE("Self-assess window: a form filled by hand projects the total scoring::assess gives", "[gui]") {
    Window w;
    choose(w.get(), "sa_framework", template_label("uk_central_pa2023"));
    const std::pair<const char*, const char*> scores[] = {{"Q1", "4"}, {"Q2", "3"}, {"Q3", "2"}, {"Q4", "3"},
                                                          {"Q5", "4"}, {"SV1", "2"}, {"SV2", "3"}, {"SV3", "1"}};
    for (const auto& [question, score] : scores) choose(w.get(), std::string("sa_score_") + question, score + std::string(" - "));
    type(w.get(), "sa_note_Q1", "Same model as our current contract");
    type(w.get(), "sa_price", "\u00a3118,500.50");
    find<wxSpinCtrl>(w.get(), "sa_competitors")->SetValue(4);
    type(w.get(), "sa_price_low", "100,000");
    type(w.get(), "sa_price_high", "140000.00");
    type(w.get(), "sa_typical_score", "2.5");
    type(w.get(), "sa_typical_percent", "");
    type(w.get(), "sa_provider_name", "Fenwick Data Services Ltd");
    type(w.get(), "sa_turnover", "1,200,000");
    type(w.get(), "sa_accounts_years", "2");
    click(w.get(), "sa_audited");
    INFO(w->message());
    REQUIRE(w->assess());

    // The same input, built here, through the engine.
    const auto framework = central_framework();
    scoring::SelfAssessment in;
    in.lot = framework.lots.front().id;
    in.price = 11'850'050;
    for (const auto& [question, score] : scores) {
        scoring::SelfScore s;
        s.criterion = question;
        s.score = std::stod(score);
        in.scores.push_back(s);
    }
    in.scores.front().note = "Same model as our current contract";
    in.competitors.count = 4;
    in.competitors.price_low = 10'000'000;
    in.competitors.price_high = 14'000'000;
    in.competitors.typical_score = 2.5;
    in.provider.name = "Fenwick Data Services Ltd";
    in.provider.turnover = 120'000'000;
    in.provider.accounts_years = 2;
    in.provider.audited_accounts = true;
    const auto expected = scoring::assess(framework, in);
    REQUIRE(w->report() != nullptr);
    CHECK(w->report()->projected.total == expected.projected.total);
    CHECK(w->report()->projected.rank == expected.projected.rank);
    CHECK(w->report()->break_even.price == expected.break_even.price);
    CHECK(w->report_text() == gui::wx(core::self_assessment_text({framework, in, expected})));
}

TEST_CASE("Self-assess window: a bad price names its field and a missing score is reported by the check", "[gui]") {
    Window w;
    REQUIRE(w->choose_template("uk_central_pa2023"));
    REQUIRE(w->load_answers(fixtures / "central_break_even.xml"));
    type(w.get(), "sa_price", "abc");
    click(w.get(), "sa_assess");
    CHECK(w->message().Contains("Nothing was assessed"));
    CHECK(w->message().Contains("Price: \"abc\" is not an amount of money"));
    CHECK(w->report() == nullptr);
    CHECK(w->report_text().empty());

    type(w.get(), "sa_price", "120000");
    choose(w.get(), "sa_score_Q3", "(not scored)");
    CHECK_FALSE(w->assess());
    CHECK(w->message().Contains("question Q3"));
    CHECK(w->message().Contains("has no self-score"));
    CHECK(w->report() == nullptr);
    CHECK_FALSE(find<wxButton>(w.get(), "sa_export")->IsEnabled());

    // What was typed stays when a file is refused: a .tender workbook is never opened here.
    Scratch scratch;
    const auto workbook = scratch.folder / "some.tender";
    std::ofstream(workbook) << "not read";
    CHECK_FALSE(w->load_framework(workbook));
    CHECK(w->message().Contains("self-assessment never opens one"));
    CHECK(find<wxTextCtrl>(w.get(), "sa_price")->GetValue() == "120000");
    // A file of answers for another framework: every problem with its line, the form kept.
    CHECK_FALSE(w->load_answers(fixtures / "at_risk.xml"));
    CHECK(w->message().Contains("at_risk.xml:"));
    CHECK(find<wxTextCtrl>(w.get(), "sa_price")->GetValue() == "120000");
}

TEST_CASE("Self-assess a bid opens from the menu and the start page with no workbook open", "[gui]") {
    auto* frame = new gui::MainFrame;
    frame->Show();
    settle();
    REQUIRE(frame->session() == nullptr);
    const auto windows = [frame] {
        std::vector<gui::SelfAssessFrame*> out;
        for (auto* child : frame->GetChildren())
            if (auto* w = dynamic_cast<gui::SelfAssessFrame*>(child)) out.push_back(w);
        return out;
    };
    menu(frame, gui::id::self_assess);
    CHECK(windows().size() == 1);
    click(frame, "start_self_assess");
    REQUIRE(windows().size() == 2);
    CHECK(windows().back()->IsShown());
    for (auto* w : windows()) w->Destroy();
    frame->Hide();
    frame->Destroy();
    settle();
}

TEST_CASE("Self-assess window: a lot with social-value measures shows a commitment box per measure", "[gui]") {
    Window w;
    REQUIRE(w->choose_template("local_authority_care"));
    const auto file = fixtures / "care_provider" / "self_assessment.xml";
    INFO(w->message());
    REQUIRE(w->load_answers(file));
    CHECK(find<wxTextCtrl>(w.get(), "sa_commitment_LC3")->GetValue() == "104");
    CHECK(find<wxTextCtrl>(w.get(), "sa_commitment_LC5")->GetValue().empty());
    CHECK(find<wxTextCtrl>(w.get(), "sa_competitor_sv")->IsEnabled());
    CHECK(find<wxTextCtrl>(w.get(), "sa_competitor_sv")->GetValue() == "60000.00");
    REQUIRE(w->assess());
    // The window's reading of the form gives what the core reads from the file itself.
    std::vector<core::Diagnostic> warnings;
    const auto framework = core::read_published_framework(core::resolve_template("local_authority_care").path, &warnings);
    const auto input = core::read_self_assessment(file, framework);
    const auto report = scoring::assess(framework, input);
    CHECK(w->report()->projected.total == report.projected.total);
    CHECK(w->report()->break_even.price == report.break_even.price);
}

TEST_CASE("Self-assess window: answers typed part-way are saved, load back as typed, and survive a refused save",
          "[gui]") {
    Scratch scratch;
    const auto file = scratch.folder / "part-way.xml";
    {
        Window w;
        REQUIRE(w->choose_template("uk_central_pa2023"));
        CHECK_FALSE(w->unsaved());
        choose(w.get(), "sa_score_Q1", "4 - ");
        type(w.get(), "sa_note_Q1", "Same operating model as our DWP contract");
        type(w.get(), "sa_price", "\u00a3120,000");
        type(w.get(), "sa_provider_name", "Fenwick Data Services Ltd");
        CHECK(w->unsaved());
        // Text that is not money cannot be kept: nothing is written, and what was typed stays.
        type(w.get(), "sa_turnover", "about half a million");
        CHECK_FALSE(w->save_answers(file));
        CHECK(w->message().Contains("Nothing was saved"));
        CHECK(w->message().Contains("Annual turnover: \"about half a million\" is not an amount of money"));
        CHECK_FALSE(fs::exists(file));
        CHECK(w->unsaved());
        type(w.get(), "sa_turnover", "450,000");
        INFO(w->message());
        REQUIRE(w->save_answers(file));
        CHECK_FALSE(w->unsaved());
        CHECK(w->message().Contains("Saved your answers to"));
        CHECK(w->message().Contains("1 of 8 questions scored"));
        CHECK(w->message().Contains("still to complete before Assess"));
    }
    // The core reads the file as a draft: what was typed, and nothing else.
    const auto saved = core::read_self_assessment(file, central_framework(), "", scoring::SelfAssessmentCheck::draft);
    REQUIRE(saved.scores.size() == 1);
    CHECK(saved.scores[0].criterion == "Q1");
    CHECK(saved.scores[0].score == 4);
    CHECK(saved.scores[0].note == "Same operating model as our DWP contract");
    CHECK(saved.price == 12'000'000);
    CHECK(saved.provider.turnover == scoring::Money{45'000'000});
    CHECK(saved.competitors.price_low == 0);

    Window w;
    REQUIRE(w->choose_template("uk_central_pa2023"));
    INFO(w->message());
    REQUIRE(w->load_answers(file));
    CHECK(find<wxChoice>(w.get(), "sa_score_Q1")->GetStringSelection() == "4 - Excellent");
    CHECK(find<wxChoice>(w.get(), "sa_score_Q2")->GetSelection() == 0);  // not scored
    CHECK(find<wxTextCtrl>(w.get(), "sa_note_Q1")->GetValue() == "Same operating model as our DWP contract");
    CHECK(find<wxTextCtrl>(w.get(), "sa_price")->GetValue() == "120000.00");
    CHECK(find<wxTextCtrl>(w.get(), "sa_price_low")->GetValue().empty());
    CHECK(find<wxTextCtrl>(w.get(), "sa_provider_name")->GetValue() == "Fenwick Data Services Ltd");
    CHECK_FALSE(w->unsaved());
    CHECK(w->message().Contains("1 of 8 questions scored"));
}

TEST_CASE("Self-assess window: closing with answers not saved asks, and only 'without saving' lets them go",
          "[gui]") {
    auto* w = new gui::SelfAssessFrame(nullptr);
    w->Show();
    settle();
    REQUIRE(w->choose_template("uk_central_pa2023"));
    CHECK(w->Close());  // nothing typed: closes without asking
    CHECK(dialogs_shown().empty());
    settle();

    w = new gui::SelfAssessFrame(nullptr);
    w->Show();
    settle();
    REQUIRE(w->choose_template("uk_central_pa2023"));
    type(w, "sa_price", "120000");
    answer_next_dialog(wxID_CANCEL);
    CHECK_FALSE(w->Close());
    auto shown = dialogs_shown();
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].find("You have typed answers that are not saved") != std::string::npos);
    // Save, then the file dialog is cancelled: nothing saved, so the window stays.
    answer_next_dialog(wxID_YES);
    CHECK_FALSE(w->Close());
    CHECK(dialogs_shown().size() == 2);
    CHECK(w->IsShown());
    CHECK(find<wxTextCtrl>(w, "sa_price")->GetValue() == "120000");

    answer_next_dialog(wxID_NO);
    CHECK(w->Close());
    CHECK(dialogs_shown().size() == 1);
    settle();

    // Quitting the application asks the same of each such window; cancelling keeps it all open.
    auto* frame = new gui::MainFrame;
    frame->Show();
    settle();
    menu(frame, gui::id::self_assess);
    gui::SelfAssessFrame* child = nullptr;
    for (auto* c : frame->GetChildren())
        if (auto* s = dynamic_cast<gui::SelfAssessFrame*>(c)) child = s;
    REQUIRE(child != nullptr);
    REQUIRE(child->choose_template("uk_central_pa2023"));
    type(child, "sa_price", "120000");
    answer_next_dialog(wxID_CANCEL);
    CHECK_FALSE(frame->Close());
    CHECK(dialogs_shown().size() == 1);
    CHECK(child->IsShown());
    answer_next_dialog(wxID_NO);
    CHECK(frame->Close());
    settle();
}
