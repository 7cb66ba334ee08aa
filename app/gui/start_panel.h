// The start page, shown when no workbook is open: create, open, import, a sample tender, recent
// files, and self-assessment for providers (which needs no tender file).
#pragma once

#include <wx/panel.h>

class wxListBox;

namespace gui {

class MainFrame;

class StartPanel : public wxPanel {
public:
    StartPanel(wxWindow* parent, MainFrame& frame);
    void refresh();

private:
    void open_sample();

    MainFrame& frame_;
    wxListBox* recent_ = nullptr;
};

}  // namespace gui
