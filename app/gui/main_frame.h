// The main window: navigator, the page in view, menus, toolbar and status bar over one open
// workbook (or the start page when none is open).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <wx/docview.h>
#include <wx/frame.h>

#include "app/core/workflow.h"
#include "app/gui/page.h"
#include "app/gui/session.h"

class wxChoice;
class wxSimplebook;
class wxSplitterWindow;
class wxTreeCtrl;
class wxTreeEvent;

namespace gui {

class StartPanel;

class MainFrame : public wxFrame {
public:
    MainFrame();
    ~MainFrame() override;

    /// Opens a workbook as `actor`; with no actor, asks who you are. Shows why on failure and
    /// returns false (the current workbook stays open).
    bool open_file(const std::filesystem::path& file, const std::string& actor = "");
    void close_file();
    Session* session() { return session_.get(); }

    /// Shows page `id` (reloading it if out of date) and returns it; nullptr with no workbook.
    Page* show_page(PageId id);
    Page* page(PageId id);
    Page* current_page();

    // The actions behind the menus, callable without their file dialogs (tests, command line).
    void undo();
    void redo();
    bool move_to_phase(core::Phase phase, const std::string& reason);
    bool export_excel(const std::filesystem::path& out);
    bool write_summaries(const std::filesystem::path& folder);
    /// Bids from a portal export or bids XML, with the portal's mapping file and a price-schedule
    /// file when given (empty paths: none).
    bool import_bids(const std::filesystem::path& file, const std::filesystem::path& mapping = {},
                     const std::filesystem::path& schedule = {});
    bool import_score_sheet(const std::filesystem::path& sheet);
    bool export_score_sheet(const std::string& evaluator, const std::filesystem::path& out);
    bool import_package(const std::filesystem::path& folder, const std::filesystem::path& file,
                        const std::string& actor, const std::string& actor_name);
    bool create_tender(const std::filesystem::path& file, const std::string& template_path, const std::string& name,
                       const std::string& reference, const std::string& officer_id, const std::string& officer_name);

    /// The last message of a file-level action (errors shown in dialogs too), for tests.
    const wxString& last_message() const { return last_message_; }

private:
    void set_window_icon();
    void build_menus();
    void build_toolbar();
    void build_navigator();
    void fill_navigator();
    void update_chrome();  // title, status bar, enabled menus, lot choice
    void on_changed();
    void show_criterion(PageId id, const std::string& lot, const std::string& criterion);
    void report(std::exception_ptr error, const wxString& doing);
    void inform(const wxString& text);
    bool ask_identity();

    // Menu handlers (file_actions.cpp and main_frame.cpp).
    void on_new(wxCommandEvent&);
    void on_open(wxCommandEvent&);
    void on_open_recent(wxCommandEvent&);
    void on_import_package(wxCommandEvent&);
    void on_import_bids(wxCommandEvent&);
    void on_import_sheet(wxCommandEvent&);
    void on_export_sheet(wxCommandEvent&);
    void on_export_excel(wxCommandEvent&);
    void on_summaries(wxCommandEvent&);
    void on_self_assess(wxCommandEvent&);
    void on_close_window(wxCloseEvent& event);
    void on_close(wxCommandEvent&);
    void on_next_phase(wxCommandEvent&);
    void on_earlier_phase(wxCommandEvent&);
    void on_identity(wxCommandEvent&);
    void on_verify(wxCommandEvent&);
    void on_about(wxCommandEvent&);
    void on_guide(wxCommandEvent&);
    void on_navigate(wxTreeEvent&);
    void on_lot(wxCommandEvent&);

    std::unique_ptr<Session> session_;
    int subscription_ = 0;
    wxSplitterWindow* split_ = nullptr;
    wxTreeCtrl* navigator_ = nullptr;
    wxSimplebook* book_ = nullptr;
    StartPanel* start_ = nullptr;
    wxChoice* lot_choice_ = nullptr;
    std::map<PageId, Page*> pages_;
    wxFileHistory history_;
    wxString last_message_;
    bool filling_navigator_ = false;
};

}  // namespace gui
