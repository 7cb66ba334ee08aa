// The base of every screen: a panel with a message bar on top (refusals and results, in full)
// that reads through the session and changes the tender only through app/core's commands.
#pragma once

#include <exception>
#include <functional>

#include <wx/panel.h>
#include <wx/sizer.h>

#include "app/gui/page_id.h"
#include "app/gui/session.h"

class wxInfoBar;

namespace gui {

class Page : public wxPanel {
public:
    Page(wxWindow* parent, Session& session, PageId id);

    PageId id() const { return id_; }
    /// Re-reads everything the page shows from the core. A read the rules refuse (e.g. bids before
    /// declaring interests) is explained in the message bar instead.
    void reload();
    /// The page is out of date (the tender changed while it was hidden): reload when shown.
    void mark_stale() { stale_ = true; }
    bool stale() const { return stale_; }

    /// The last message the bar showed, and whether it was an error (tests read these).
    const wxString& message() const { return message_; }
    bool message_is_error() const { return message_error_; }

protected:
    /// Fills the page from the core; may throw (reload() shows why).
    virtual void refresh() = 0;

    /// Runs one command as the acting person. On refusal or error the message bar shows the
    /// core's full message and what was typed stays where it is; returns whether it succeeded.
    bool perform(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                 const wxString& done);
    void show_message(const wxString& text);
    void show_error(std::exception_ptr error);
    void clear_message();

    /// Where a page puts its own controls (below the message bar).
    wxBoxSizer* content() { return content_; }
    Session& session() { return session_; }

private:
    Session& session_;
    PageId id_;
    wxInfoBar* info_ = nullptr;
    wxBoxSizer* content_ = nullptr;
    wxString message_;
    bool message_error_ = false;
    bool stale_ = true;
};

/// Makes the page `id` (one class per file: tender_page.cpp, scoring_page.cpp ...).
Page* make_page(PageId id, wxWindow* parent, Session& session);

}  // namespace gui
