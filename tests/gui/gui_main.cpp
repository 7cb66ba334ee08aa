// The GUI tests' main: starts wxWidgets on the X display (xvfb-run in CTest), turns wx asserts
// into test failures, answers modal dialogs through a modal hook, then runs Catch.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/image.h>
#include <wx/init.h>

#include "gui/gui_driver.h"

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override {
        SetAppName("tenderbench-gui-tests");
        wxInitAllImageHandlers();
        return true;
    }
};

void on_assert(const wxString& file, int line, const wxString& function, const wxString& condition,
               const wxString& message) {
    throw gui_test::AssertFailure(std::string(file.utf8_str()) + ":" + std::to_string(line) + " in " +
                                  std::string(function.utf8_str()) + ": wx assert " +
                                  std::string(condition.utf8_str()) + " " + std::string(message.utf8_str()));
}

}  // namespace

int main(int argc, char** argv) {
    wxApp::SetInstance(new TestApp);
    int wx_argc = 1;
    char* wx_argv[] = {argv[0], nullptr};
    if (!wxEntryStart(wx_argc, wx_argv)) {
        std::cerr << "gui_tests: cannot start wxWidgets (no display?); run under xvfb-run -a\n";
        return 2;
    }
    wxTheApp->CallOnInit();
    // Recent files and other settings go to a throw-away file, never the user's own.
    const auto settings = std::filesystem::temp_directory_path() / ("tenderbench-gui-tests-" + std::to_string(::getpid()));
    wxConfigBase::Set(new wxFileConfig("tenderbench", "", settings.string(), "", wxCONFIG_USE_LOCAL_FILE));
    wxSetAssertHandler(on_assert);
    gui_test::install_modal_hook();
    const int result = Catch::Session().run(argc, argv);
    gui_test::remove_modal_hook();
    delete wxConfigBase::Set(nullptr);
    std::filesystem::remove(settings);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
