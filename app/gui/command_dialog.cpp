#include "app/gui/command_dialog.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

CommandDialog::CommandDialog(wxWindow* parent, const wxString& title, const wxString& name)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName(name);
}

void CommandDialog::finish(wxSizer* body, const wxString& ok_label) {
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(body, 1, wxEXPAND | wxALL, 10);
    error_ = new wxStaticText(this, wxID_ANY, "");
    error_->SetName("dialog_error");
    error_->SetForegroundColour(wxColour(170, 20, 20));
    error_->Hide();
    outer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK));
    if (ok != nullptr) {
        if (!ok_label.empty()) ok->SetLabel(ok_label);
        ok->SetName("dialog_ok");
        ok->SetDefault();
    }
    if (auto* cancel = FindWindow(wxID_CANCEL)) cancel->SetName("dialog_cancel");
    // OK runs the command itself rather than closing: a refusal must leave the dialog open.
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Validate() && TransferDataFromWindow()) submit();
        },
        wxID_OK);
    SetSizerAndFit(outer);
    SetMinSize(GetSize());
}

bool CommandDialog::submit() {
    wxString why = check();
    if (why.empty() && submit_) why = submit_();
    if (!why.empty()) {
        show_error(why);
        return false;
    }
    error_text_.clear();
    SetReturnCode(wxID_OK);
    if (IsModal()) EndModal(wxID_OK);
    return true;
}

void CommandDialog::show_error(const wxString& text) {
    error_text_ = text;
    if (error_ == nullptr) return;
    error_->SetLabel(text);
    error_->Wrap(std::max(300, GetClientSize().GetWidth() - 20));
    error_->Show();
    // Grow to show the whole message: the core's explanation is the point of the refusal.
    GetSizer()->SetSizeHints(this);
    Layout();
}

wxStaticText* explanation(wxWindow* parent, const wxString& text, int width) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->Wrap(width);
    return label;
}

bool parse_number(const wxString& text, double& value) {
    wxString t = text;
    t.Trim().Trim(false);
    return !t.empty() && t.ToCDouble(&value);
}

}  // namespace gui
