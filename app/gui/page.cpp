#include "app/gui/page.h"

#include <wx/infobar.h>

#include "app/gui/errors.h"

namespace gui {

const char* page_title(PageId id) {
    switch (id) {
        case PageId::tender: return "Tender";
        case PageId::framework: return "Framework";
        case PageId::design: return "Design check";
        case PageId::bids: return "Bids";
        case PageId::evaluators: return "Evaluators";
        case PageId::scoring: return "Scoring";
        case PageId::moderation: return "Moderation";
        case PageId::results: return "Results";
        case PageId::audit: return "Audit";
    }
    return "";
}

Page::Page(wxWindow* parent, Session& session, PageId id)
    : wxPanel(parent, wxID_ANY), session_(session), id_(id) {
    SetName(wxString("page_") + page_title(id));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    info_ = new wxInfoBar(this);
    info_->SetName("message_bar");
    outer->Add(info_, 0, wxEXPAND);
    content_ = new wxBoxSizer(wxVERTICAL);
    outer->Add(content_, 1, wxEXPAND | wxALL, 6);
    SetSizer(outer);
}

void Page::reload() {
    stale_ = false;
    if (message_error_) clear_message();  // an earlier refusal no longer describes what is shown
    Freeze();
    try {
        refresh();
    } catch (...) {
        show_error(std::current_exception());
    }
    Layout();
    Thaw();
}

bool Page::perform(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                   const wxString& done) {
    try {
        const auto result = session_.change(command);
        wxString text = result.command == 0 ? wxString("Nothing changed: that is already recorded.") : done;
        for (const auto& w : result.warnings) text += "\nWarning: " + wx(w);
        show_message(text);
        return true;
    } catch (...) {
        show_error(std::current_exception());
        return false;
    }
}

void Page::show_message(const wxString& text) {
    message_ = text;
    message_error_ = false;
    info_->ShowMessage(text, wxICON_INFORMATION);
}

void Page::show_error(std::exception_ptr error) {
    const auto e = describe(error);
    message_ = e.title + ": " + e.message;
    message_error_ = true;
    info_->ShowMessage(message_, e.rule.empty() ? wxICON_ERROR : wxICON_WARNING);
}

void Page::clear_message() {
    message_.clear();
    message_error_ = false;
    info_->Dismiss();
}

}  // namespace gui
