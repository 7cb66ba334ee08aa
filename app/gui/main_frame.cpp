#include "app/gui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/splitter.h>
#include <wx/stdpaths.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>
#include <wx/treectrl.h>
#include <wx/utils.h>

#include "app/core/workbook_commands.h"
#include "app/core/workbook_state.h"
#include "app/gui/errors.h"
#include "app/gui/framework_page.h"
#include "app/gui/identity_dialog.h"
#include "app/gui/ids.h"
#include "app/gui/start_panel.h"
#include "app/gui/verify_action.h"

namespace gui {

namespace {

// What a navigator item opens: a page, and for lot items the lot to put in view.
class NavigatorItem : public wxTreeItemData {
public:
    NavigatorItem(PageId page, std::string lot = "") : page(page), lot(std::move(lot)) {}
    PageId page;
    std::string lot;
};

}  // namespace

MainFrame::MainFrame() : wxFrame(nullptr, wxID_ANY, "TenderBench", wxDefaultPosition, wxSize(1280, 820)) {
    SetName("main_frame");
    set_window_icon();
    build_menus();
    build_toolbar();
    CreateStatusBar(3);
    const int widths[] = {-3, -1, -2};
    GetStatusBar()->SetStatusWidths(3, widths);
    build_navigator();
    history_.Load(*wxConfig::Get());
    update_chrome();
}

// The installed icon (PREFIX/share/tenderbench), else the source tree's; wx renders the SVG itself.
void MainFrame::set_window_icon() {
    const auto exe = std::filesystem::path(utf8(wxStandardPaths::Get().GetExecutablePath())).parent_path();
    for (const auto& svg : {exe / ".." / "share" / "tenderbench" / "tenderbench.svg",
                            std::filesystem::path(TENDERBENCH_SOURCE_DIR) / "app" / "gui" / "resources" / "tenderbench.svg"}) {
        if (!std::filesystem::exists(svg)) continue;
        const auto bundle = wxBitmapBundle::FromSVGFile(wx(svg.string()), wxSize(48, 48));
        if (bundle.IsOk()) {
            SetIcon(bundle.GetIcon(wxSize(48, 48)));
            return;
        }
    }
}

MainFrame::~MainFrame() {
    history_.Save(*wxConfig::Get());
    if (session_) session_->unsubscribe(subscription_);
}

void MainFrame::build_navigator() {
    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    split_->SetMinimumPaneSize(160);
    navigator_ = new wxTreeCtrl(split_, id::navigator, wxDefaultPosition, wxDefaultSize,
                                wxTR_HIDE_ROOT | wxTR_HAS_BUTTONS | wxTR_LINES_AT_ROOT | wxTR_SINGLE);
    navigator_->SetName("navigator");
    book_ = new wxSimplebook(split_, wxID_ANY);
    start_ = new StartPanel(book_, *this);
    book_->AddPage(start_, "Start");
    split_->SplitVertically(navigator_, book_, 280);
    navigator_->Bind(wxEVT_TREE_SEL_CHANGED, &MainFrame::on_navigate, this);
}

void MainFrame::fill_navigator() {
    filling_navigator_ = true;
    navigator_->DeleteAllItems();
    const auto root = navigator_->AddRoot("TenderBench");
    if (session_) {
        core::TenderState state(session_->workbook().db());
        const auto& tender = state.tender();
        const auto top = navigator_->AppendItem(root, wx("Tender: " + tender.name), -1, -1,
                                                new NavigatorItem(PageId::tender));
        for (const auto& lot : state.framework().lots)
            navigator_->AppendItem(top, wx("Lot " + lot.id + ": " + lot.name), -1, -1,
                                   new NavigatorItem(PageId::results, lot.id));
        navigator_->Expand(top);
        for (PageId p : all_pages)
            if (p != PageId::tender) navigator_->AppendItem(root, page_title(p), -1, -1, new NavigatorItem(p));
    }
    filling_navigator_ = false;
}

void MainFrame::on_navigate(wxTreeEvent& event) {
    if (filling_navigator_ || !session_) return;
    const auto* item = dynamic_cast<NavigatorItem*>(navigator_->GetItemData(event.GetItem()));
    if (item == nullptr) return;
    if (!item->lot.empty()) session_->set_lot(item->lot);
    show_page(item->page);
}

void MainFrame::on_lot(wxCommandEvent&) {
    if (!session_) return;
    const int i = lot_choice_->GetSelection();
    if (i == wxNOT_FOUND) return;
    const auto* lot = static_cast<wxStringClientData*>(lot_choice_->GetClientObject(static_cast<unsigned>(i)));
    session_->set_lot(lot ? utf8(lot->GetData()) : std::string());
}

Page* MainFrame::page(PageId id) {
    const auto found = pages_.find(id);
    return found == pages_.end() ? nullptr : found->second;
}

Page* MainFrame::current_page() {
    if (!session_) return nullptr;
    for (auto& [id, p] : pages_)
        if (book_->GetCurrentPage() == p) return p;
    return nullptr;
}

Page* MainFrame::show_page(PageId id) {
    auto* p = page(id);
    if (p == nullptr) return nullptr;
    if (p->stale()) p->reload();
    book_->ChangeSelection(static_cast<size_t>(book_->FindPage(p)));
    // Keep the navigator in step when the page was chosen from a menu or a shortcut.
    wxTreeItemIdValue cookie;
    for (auto item = navigator_->GetFirstChild(navigator_->GetRootItem(), cookie); item.IsOk();
         item = navigator_->GetNextChild(navigator_->GetRootItem(), cookie)) {
        const auto* data = dynamic_cast<NavigatorItem*>(navigator_->GetItemData(item));
        if (data != nullptr && data->page == id && navigator_->GetSelection() != item) {
            filling_navigator_ = true;
            navigator_->SelectItem(item);
            filling_navigator_ = false;
        }
    }
    return p;
}

bool MainFrame::open_file(const std::filesystem::path& file, const std::string& actor) {
    std::unique_ptr<Session> opened;
    try {
        opened = std::make_unique<Session>(file);
        core::TenderState state(opened->workbook().db());
        state.tender();  // refuses a workbook with no tender yet
    } catch (...) {
        report(std::current_exception(), "Opening " + wx(file.string()));
        return false;
    }
    close_file();
    session_ = std::move(opened);
    if (const auto& backup = session_->upgrade_backup())
        inform("This workbook was upgraded to the current format; the old file was kept as " + wx(backup->string()));
    history_.AddFileToHistory(wx(std::filesystem::absolute(file).string()));
    history_.Save(*wxConfig::Get());
    if (!actor.empty()) {
        session_->set_actor(actor);
    } else if (!ask_identity()) {
        close_file();
        return false;
    }
    for (PageId id : all_pages) {
        auto* p = make_page(id, book_, *session_);
        pages_[id] = p;
        book_->AddPage(p, page_title(id));
    }
    subscription_ = session_->subscribe([this] { on_changed(); });
    session_->set_navigator([this](PageId id, const std::string& lot, const std::string& criterion) {
        show_criterion(id, lot, criterion);
    });
    fill_navigator();
    show_page(PageId::tender);
    update_chrome();
    return true;
}

void MainFrame::show_criterion(PageId id, const std::string& lot, const std::string& criterion) {
    auto* shown = show_page(id);
    auto* framework = dynamic_cast<FrameworkPage*>(shown);
    if (framework != nullptr && !criterion.empty()) framework->select(lot, criterion);
}

void MainFrame::close_file() {
    if (!session_) return;
    session_->unsubscribe(subscription_);
    book_->ChangeSelection(0);
    while (book_->GetPageCount() > 1) book_->DeletePage(1);
    pages_.clear();
    session_.reset();
    fill_navigator();
    start_->refresh();
    update_chrome();
}

bool MainFrame::ask_identity() {
    std::vector<core::Evaluator> panel;
    try {
        core::TenderState state(session_->workbook().db());
        panel = state.evaluators();
    } catch (...) {
        report(std::current_exception(), "Reading the panel");
        return false;
    }
    IdentityDialog dialog(this, panel, session_->actor());
    if (dialog.ShowModal() != wxID_OK) return false;
    session_->set_actor(dialog.chosen());
    return true;
}

void MainFrame::on_changed() {
    update_chrome();
    auto* current = current_page();
    for (auto& [id, p] : pages_) {
        if (p == current)
            p->reload();
        else
            p->mark_stale();
    }
}

void MainFrame::update_chrome() {
    auto* bar = GetStatusBar();
    auto* menu = GetMenuBar();
    const bool open = session_ != nullptr;
    for (int item : std::initializer_list<int>{wxID_CLOSE, wxID_UNDO, wxID_REDO, id::import_bids, id::import_sheet,
                     id::export_sheet, id::export_excel, id::summaries, id::next_phase, id::earlier_phase,
                     id::identity, id::verify}) {
        menu->Enable(item, open);
        if (GetToolBar()->FindById(item)) GetToolBar()->EnableTool(item, open);
    }
    for (int i = 0; i < page_count; ++i) menu->Enable(id::go_first + i, open);
    lot_choice_->Clear();
    if (!open) {
        SetTitle("TenderBench");
        bar->SetStatusText("No tender open: create one, open one or import a package", 0);
        bar->SetStatusText("", 1);
        bar->SetStatusText("", 2);
        lot_choice_->Enable(false);
        return;
    }
    core::TenderState state(session_->workbook().db());
    const auto& tender = state.tender();
    SetTitle(wx(session_->path().filename().string() + " - " + tender.name + " - TenderBench"));
    bar->SetStatusText(wx(session_->path().string()), 0);
    bar->SetStatusText(wx("Phase: " + core::to_string(tender.phase)), 1);
    const auto me = session_->acting();
    bar->SetStatusText(me ? wx("Acting: " + me->name + " (" + me->id + "), " + core::to_string(me->role))
                          : wx("Acting: " + session_->actor() + " (not on the panel)"),
                       2);
    const auto next = static_cast<int>(tender.phase) + 1;
    menu->SetLabel(id::next_phase, next <= static_cast<int>(core::Phase::debrief)
                                       ? wx("Move to &next phase: " + core::to_string(core::Phase(next)) +
                                            "\tCtrl+Shift+N")
                                       : wxString("Move to &next phase\tCtrl+Shift+N"));
    menu->Enable(id::next_phase, next <= static_cast<int>(core::Phase::debrief));
    lot_choice_->Append("All lots", new wxStringClientData(""));
    int selected = 0;
    for (const auto& lot : state.framework().lots) {
        lot_choice_->Append(wx(lot.id + ": " + lot.name), new wxStringClientData(wx(lot.id)));
        if (lot.id == session_->lot()) selected = static_cast<int>(lot_choice_->GetCount()) - 1;
    }
    lot_choice_->SetSelection(selected);
    lot_choice_->Enable(true);
}

void MainFrame::report(std::exception_ptr error, const wxString& doing) {
    const auto e = describe(error);
    last_message_ = doing + ": " + e.title + ": " + e.message;
    wxMessageDialog dialog(this, e.message, doing + ": " + e.title, wxOK | wxICON_ERROR);
    dialog.ShowModal();
}

void MainFrame::inform(const wxString& text) {
    last_message_ = text;
    SetStatusText(text, 0);
}

void MainFrame::undo() {
    if (!session_) return;
    try {
        const auto r = session_->change([](core::Workbook& wb, const std::string& actor) { return core::undo(wb, actor); });
        inform(wxString::Format("Undone (command %lld)", static_cast<long long>(r.command)));
    } catch (...) {
        report(std::current_exception(), "Undo");
    }
}

void MainFrame::redo() {
    if (!session_) return;
    try {
        const auto r = session_->change([](core::Workbook& wb, const std::string& actor) { return core::redo(wb, actor); });
        inform(wxString::Format("Redone (command %lld)", static_cast<long long>(r.command)));
    } catch (...) {
        report(std::current_exception(), "Redo");
    }
}

bool MainFrame::move_to_phase(core::Phase phase, const std::string& reason) {
    if (!session_) return false;
    try {
        session_->change([&](core::Workbook& wb, const std::string& actor) {
            return core::set_phase(wb, actor, phase, reason);
        });
        inform(wx("The tender is now in phase " + core::to_string(phase)));
        return true;
    } catch (...) {
        report(std::current_exception(), "Changing the phase");
        return false;
    }
}

void MainFrame::on_next_phase(wxCommandEvent&) {
    if (!session_) return;
    core::TenderState state(session_->workbook().db());
    const auto next = core::Phase(static_cast<int>(state.tender().phase) + 1);
    const auto answer = wxMessageBox(wx("Move the tender to phase " + core::to_string(next) +
                                        "?\nMoving on is recorded in the audit trail and cannot be undone; "
                                        "entering moderation locks every individual score."),
                                     "Next phase", wxYES_NO | wxICON_QUESTION, this);
    if (answer == wxYES) move_to_phase(next, "");
}

void MainFrame::on_earlier_phase(wxCommandEvent&) {
    if (!session_) return;
    core::TenderState state(session_->workbook().db());
    const int now = static_cast<int>(state.tender().phase);
    if (now == 0) {
        inform("The tender is in its first phase");
        return;
    }
    wxArrayString names;
    for (int p = 0; p < now; ++p) names.Add(wx(core::to_string(core::Phase(p))));
    wxSingleChoiceDialog choose(this, "Return the tender to which phase?", "Earlier phase", names);
    if (choose.ShowModal() != wxID_OK) return;
    wxTextEntryDialog why(this, "Why? (recorded in the audit trail; required)", "Reason for going back");
    if (why.ShowModal() != wxID_OK) return;
    move_to_phase(core::Phase(choose.GetSelection()), utf8(why.GetValue()));
}

void MainFrame::on_identity(wxCommandEvent&) {
    if (session_ && ask_identity()) fill_navigator();
}

void MainFrame::on_verify(wxCommandEvent&) {
    if (!session_) return;
    try {
        const auto r = verify_in_background(this, session_->workbook().path());
        last_message_ = r ? verify_text(*r) : verify_cancelled_text();
        const long icon = !r ? wxICON_INFORMATION : r->ok ? wxICON_INFORMATION : wxICON_ERROR;
        wxMessageBox(last_message_, "Verify audit trail", wxOK | icon, this);
    } catch (...) {
        report(std::current_exception(), "Verifying");
    }
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("TenderBench");
    info.SetVersion(TENDERBENCH_VERSION);
    info.SetDescription("Evaluate public tenders: score bids against price, quality and social value, moderate "
                        "into a consensus, and export the result with a verifiable audit trail.");
    wxAboutBox(info, this);
}

void MainFrame::on_guide(wxCommandEvent&) {
    // The guide to this window (docs/gui.md), installed in PREFIX/share/doc/tenderbench or in the
    // source tree; it opens in the desktop's viewer for Markdown or text.
    const auto exe = std::filesystem::path(utf8(wxStandardPaths::Get().GetExecutablePath())).parent_path();
    for (const auto& guide : {exe / ".." / "share" / "doc" / "tenderbench" / "gui.md",
                              std::filesystem::path(TENDERBENCH_SOURCE_DIR) / "docs" / "gui.md"}) {
        if (std::filesystem::exists(guide) && wxLaunchDefaultApplication(wx(guide.lexically_normal().string()))) return;
    }
    inform("The user guide is docs/gui.md (installed in share/doc/tenderbench); no program here could open it");
}

}  // namespace gui
