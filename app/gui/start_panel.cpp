#include "app/gui/start_panel.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/font.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/core/package.h"
#include "app/core/templates.h"
#include "app/gui/errors.h"
#include "app/gui/ids.h"
#include "app/gui/main_frame.h"

namespace gui {

namespace {

wxButton* action(wxWindow* parent, wxSizer* sizer, int id, const wxString& label, const wxString& help,
                 const wxString& name) {
    auto* button = new wxButton(parent, id, label, wxDefaultPosition, wxSize(320, 40));
    button->SetName(name);
    button->SetToolTip(help);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(button, 0, wxRIGHT, 12);
    auto* text = new wxStaticText(parent, wxID_ANY, help);
    row->Add(text, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxBOTTOM, 8);
    return button;
}

}  // namespace

StartPanel::StartPanel(wxWindow* parent, MainFrame& frame) : wxPanel(parent, wxID_ANY), frame_(frame) {
    SetName("start_panel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, "TenderBench");
    title->SetFont(title->GetFont().Scaled(2.0f).Bold());
    sizer->Add(title, 0, wxBOTTOM, 4);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                "Evaluate public tenders: score, moderate, rank and export with a verifiable audit trail."),
               0, wxBOTTOM, 18);
    // Buttons send the menu's own commands, so a button and its menu item always do the same.
    const auto forward = [this](int id) {
        return [this, id](wxCommandEvent&) {
            wxCommandEvent event(wxEVT_MENU, id);
            frame_.GetEventHandler()->ProcessEvent(event);
        };
    };
    action(this, sizer, wxID_NEW, "&New tender from a template...", "Officers: set up a tender (Ctrl+N)", "start_new")
        ->Bind(wxEVT_BUTTON, forward(wxID_NEW));
    action(this, sizer, wxID_OPEN, "&Open a workbook...", "Continue a tender (.tender file) (Ctrl+O)", "start_open")
        ->Bind(wxEVT_BUTTON, forward(wxID_OPEN));
    action(this, sizer, id::import_package, "&Import a tender package...",
           "A folder with framework.xml, bids.xml and scores.xml (Ctrl+Shift+O)", "start_import")
        ->Bind(wxEVT_BUTTON, forward(id::import_package));
    action(this, sizer, wxID_ANY, "Try a sa&mple tender...", "One of the bundled sample tenders, as a new workbook",
           "start_sample")
        ->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_sample(); });
    action(this, sizer, id::self_assess, "Self-assess a &bid...",
           "Providers: score your own bid against a published framework; no tender file needed", "start_self_assess")
        ->Bind(wxEVT_BUTTON, forward(id::self_assess));
    sizer->Add(new wxStaticText(this, wxID_ANY, "&Recent workbooks (Enter or double-click to open):"), 0, wxTOP, 14);
    recent_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140));
    recent_->SetName("recent_list");
    sizer->Add(recent_, 0, wxEXPAND | wxTOP, 4);
    recent_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        const int i = recent_->GetSelection();
        if (i != wxNOT_FOUND) frame_.open_file(utf8(recent_->GetString(static_cast<unsigned>(i))));
    });
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, 1, wxEXPAND | wxALL, 30);
    SetSizer(outer);
    refresh();
}

void StartPanel::refresh() {
    recent_->Clear();
    wxConfigBase* config = wxConfig::Get();
    config->SetPath("/RecentFiles");
    for (int i = 1; i <= 9; ++i) {
        wxString file;
        if (config->Read(wxString::Format("file%d", i), &file) && !file.empty()) recent_->Append(file);
    }
    config->SetPath("/");
}

void StartPanel::open_sample() {
    const auto samples = core::list_samples();
    wxArrayString names;
    for (const auto& s : samples) names.Add(wx(s.filename().string()));
    if (samples.empty()) {
        wxMessageBox("No sample tenders were found next to the program or in the source tree.", "Samples");
        return;
    }
    wxSingleChoiceDialog choose(this, "Which sample tender?", "Try a sample tender", names);
    if (choose.ShowModal() != wxID_OK) return;
    const auto& folder = samples[static_cast<std::size_t>(choose.GetSelection())];
    wxFileDialog save(this, "Save the sample's workbook as", "", wx(folder.filename().string() + ".tender"),
                      "TenderBench workbooks (*.tender)|*.tender", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) return;
    // The sample's own officer (or moderator) imports it, so the panel is exactly the package's.
    std::string officer;
    std::string name;
    try {
        const auto package = core::read_package(folder);
        for (auto role : {core::Role::officer, core::Role::moderator})
            for (const auto& e : package.evaluators)
                if (e.role == role && officer.empty()) officer = e.id;
    } catch (...) {
        const auto e = describe(std::current_exception());
        wxMessageBox(e.message, e.title, wxOK | wxICON_ERROR, this);
        return;
    }
    if (officer.empty()) {
        officer = "officer";
        name = "Sample officer";
    }
    frame_.import_package(folder, utf8(save.GetPath()), officer, name);
}

}  // namespace gui
