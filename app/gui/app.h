// The application: command line (FILE.tender, --as ID), settings, and the main window.
#pragma once

#include <wx/app.h>

namespace gui {

class MainFrame;

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    wxString file_;
    wxString actor_;
};

}  // namespace gui
