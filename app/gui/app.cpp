#include "app/gui/app.h"

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/image.h>

#include "app/gui/errors.h"
#include "app/gui/main_frame.h"

namespace gui {

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("a", "as", "your id on the tender's panel (otherwise you are asked who you are)");
    parser.AddParam("FILE.tender", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found("as", &actor_);
    if (parser.GetParamCount() > 0) file_ = parser.GetParam(0);
    return true;
}

bool App::OnInit() {
    SetAppName("tenderbench");
    SetVendorName("TenderBench");
    if (!wxApp::OnInit()) return false;
    wxInitAllImageHandlers();
    auto* frame = new MainFrame;
    frame->Show();
    if (!file_.empty()) frame->open_file(utf8(file_), utf8(actor_));
    return true;
}

}  // namespace gui
