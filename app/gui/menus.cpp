// The main window's menus, toolbar and shortcuts: every action reachable by keyboard.
#include <wx/artprov.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/toolbar.h>
#include <wx/treectrl.h>
#include <wx/window.h>

#include "app/gui/ids.h"
#include "app/gui/main_frame.h"

namespace gui {

namespace {

// Edit > Undo in a text box undoes the typing; elsewhere it undoes the last change to the tender.
wxTextCtrl* focused_text() {
    auto* text = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus());
    return text != nullptr && text->IsEditable() ? text : nullptr;
}

}  // namespace

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, "&New from template...\tCtrl+N", "Create a tender workbook from a framework template");
    file->Append(wxID_OPEN, "&Open...\tCtrl+O", "Open a tender workbook (.tender)");
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, "Open &Recent");
    history_.UseMenu(recent);
    file->AppendSeparator();
    file->Append(id::import_package, "Import &package...\tCtrl+Shift+O",
                 "Import a tender package folder into a new workbook");
    file->Append(id::import_bids, "Import &bids...\tCtrl+I", "Register received bids from a portal export or bids XML");
    file->Append(id::import_sheet, "Import &score sheet...\tCtrl+Shift+I", "Record an evaluator's offline score sheet");
    file->Append(id::export_sheet, "Export score s&heet...", "Write an evaluator's offline score sheet (.xlsx)");
    file->AppendSeparator();
    file->Append(id::export_excel, "&Export to Excel...\tCtrl+E", "Write the whole tender record to an .xlsx workbook");
    file->Append(id::summaries, "&Assessment summaries...\tCtrl+Shift+E", "Write one letter per bidder (.docx)");
    file->AppendSeparator();
    file->Append(id::self_assess, "Self-assess a &bid...", "Score your own bid against a published framework");
    file->AppendSeparator();
    file->Append(wxID_CLOSE, "&Close\tCtrl+W");
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q");

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, "&Undo\tCtrl+Z", "Undo your last change to the tender (recorded in the audit trail)");
    edit->Append(wxID_REDO, "&Redo\tCtrl+Y", "Redo the change you undid");

    auto* view = new wxMenu;
    for (int i = 0; i < page_count; ++i)
        view->Append(id::go_first + i, wxString::Format("%s\tCtrl+%d", page_title(all_pages[i]), i + 1));
    view->AppendSeparator();
    view->Append(id::focus_navigator, "&Navigator\tCtrl+L", "Move the keyboard focus to the navigator");
    view->Append(id::refresh, "&Refresh\tF5", "Read the workbook again (changes made by other programs)");

    auto* tender = new wxMenu;
    tender->Append(id::next_phase, "Move to &next phase\tCtrl+Shift+N");
    tender->Append(id::earlier_phase, "Return to an &earlier phase...", "Go back a phase, with a reason");
    tender->AppendSeparator();
    tender->Append(id::identity, "&Who are you...\tCtrl+Shift+W", "Choose the panel member acting");
    tender->Append(id::verify, "&Verify audit trail\tCtrl+Shift+V", "Recompute the audit chain and check the state");

    auto* help = new wxMenu;
    help->Append(wxID_HELP, "&User guide\tF1");
    help->Append(wxID_ABOUT, "&About TenderBench");

    auto* bar = new wxMenuBar;
    bar->Append(file, "&File");
    bar->Append(edit, "&Edit");
    bar->Append(view, "&View");
    bar->Append(tender, "&Tender");
    bar->Append(help, "&Help");
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_new, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::on_open, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::on_open_recent, this, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, &MainFrame::on_import_package, this, id::import_package);
    Bind(wxEVT_MENU, &MainFrame::on_import_bids, this, id::import_bids);
    Bind(wxEVT_MENU, &MainFrame::on_import_sheet, this, id::import_sheet);
    Bind(wxEVT_MENU, &MainFrame::on_export_sheet, this, id::export_sheet);
    Bind(wxEVT_MENU, &MainFrame::on_export_excel, this, id::export_excel);
    Bind(wxEVT_MENU, &MainFrame::on_summaries, this, id::summaries);
    Bind(wxEVT_MENU, &MainFrame::on_self_assess, this, id::self_assess);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close_window, this);
    Bind(wxEVT_MENU, &MainFrame::on_close, this, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU,
         [this](wxCommandEvent&) {
             if (auto* text = focused_text(); text != nullptr && text->CanUndo())
                 text->Undo();
             else
                 undo();
         },
         wxID_UNDO);
    Bind(wxEVT_MENU,
         [this](wxCommandEvent&) {
             if (auto* text = focused_text(); text != nullptr && text->CanRedo())
                 text->Redo();
             else
                 redo();
         },
         wxID_REDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) { show_page(all_pages[e.GetId() - id::go_first]); }, id::go_first,
         id::go_last);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigator_->SetFocus(); }, id::focus_navigator);
    Bind(wxEVT_MENU,
         [this](wxCommandEvent&) {
             if (session_) session_->changed();
         },
         id::refresh);
    Bind(wxEVT_MENU, &MainFrame::on_next_phase, this, id::next_phase);
    Bind(wxEVT_MENU, &MainFrame::on_earlier_phase, this, id::earlier_phase);
    Bind(wxEVT_MENU, &MainFrame::on_identity, this, id::identity);
    Bind(wxEVT_MENU, &MainFrame::on_verify, this, id::verify);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::on_guide, this, wxID_HELP);

    // Ctrl+Shift+Z redoes too, as in most editors.
    wxAcceleratorEntry extra[] = {wxAcceleratorEntry(wxACCEL_CTRL | wxACCEL_SHIFT, 'Z', wxID_REDO)};
    SetAcceleratorTable(wxAcceleratorTable(1, extra));
}

void MainFrame::build_toolbar() {
    auto* bar = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT);
    const auto icon = [](const wxArtID& art) { return wxArtProvider::GetBitmap(art, wxART_TOOLBAR); };
    bar->AddTool(wxID_NEW, "New", icon(wxART_NEW), "New tender from a template (Ctrl+N)");
    bar->AddTool(wxID_OPEN, "Open", icon(wxART_FILE_OPEN), "Open a tender workbook (Ctrl+O)");
    bar->AddTool(id::import_bids, "Import bids", icon(wxART_ADD_BOOKMARK), "Import bids (Ctrl+I)");
    bar->AddTool(id::export_excel, "Export", icon(wxART_FILE_SAVE_AS), "Export to Excel (Ctrl+E)");
    bar->AddSeparator();
    bar->AddTool(wxID_UNDO, "Undo", icon(wxART_UNDO), "Undo your last change (Ctrl+Z)");
    bar->AddTool(wxID_REDO, "Redo", icon(wxART_REDO), "Redo (Ctrl+Y)");
    bar->AddSeparator();
    bar->AddTool(id::verify, "Verify", icon(wxART_TICK_MARK), "Verify the audit trail (Ctrl+Shift+V)");
    bar->AddSeparator();
    lot_choice_ = new wxChoice(bar, id::lot_choice, wxDefaultPosition, wxSize(260, -1));
    lot_choice_->SetName("lot_choice");
    lot_choice_->SetToolTip("The lot in view on the Bids, Scoring, Moderation and Results pages");
    bar->AddControl(lot_choice_, "Lot");
    bar->Realize();
    lot_choice_->Bind(wxEVT_CHOICE, &MainFrame::on_lot, this);
}

}  // namespace gui
