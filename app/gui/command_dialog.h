// A dialog whose OK runs one core command: when the core refuses, its message shows inside the
// dialog and everything typed stays, so the user can correct it and try again.
#pragma once

#include <functional>

#include <wx/dialog.h>

class wxSizer;
class wxStaticText;

namespace gui {

class CommandDialog : public wxDialog {
public:
    /// Runs the command with the dialog's values; returns "" on success, else why it was refused.
    using Submit = std::function<wxString()>;
    void on_submit(Submit submit) { submit_ = std::move(submit); }

    /// What OK does: checks the form, runs the command; on success the dialog closes with
    /// wxID_OK, otherwise it stays open showing why. Tests call this instead of clicking.
    bool submit();
    /// The message shown in the dialog after the last refusal ("" when none).
    const wxString& error() const { return error_text_; }

protected:
    CommandDialog(wxWindow* parent, const wxString& title, const wxString& name);
    /// Lays out `body`, then the message line and the OK/Cancel buttons (OK the default).
    void finish(wxSizer* body, const wxString& ok_label = wxString());
    /// Form checks that need no core, e.g. that a price is an amount of money: "" when fine.
    virtual wxString check() const { return {}; }
    void show_error(const wxString& text);

private:
    Submit submit_;
    wxStaticText* error_ = nullptr;
    wxString error_text_;
};

/// A wrapped explanatory paragraph for the top of a dialog.
wxStaticText* explanation(wxWindow* parent, const wxString& text, int width = 460);

/// Parses a number typed by a person ("12", "12.5", " 7 "); false when it is not one.
bool parse_number(const wxString& text, double& value);

}  // namespace gui
