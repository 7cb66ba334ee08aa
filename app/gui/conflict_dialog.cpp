#include "app/gui/conflict_dialog.h"

#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

ConflictDialog::ConflictDialog(wxWindow* parent, const wxString& member, const core::Declaration& d)
    : CommandDialog(parent, "Decide conflict of interest", "conflict_dialog") {
    auto* body = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(
        this, wxID_ANY, member + ": conflict with " + (d.bid == "*" ? wxString("the whole tender") : "bid " + wx(d.bid)));
    heading->SetFont(heading->GetFont().Bold());
    body->Add(heading, 0, wxBOTTOM, 6);
    body->Add(explanation(this, "Declared: " + wx(d.detail)), 0, wxBOTTOM, 10);
    allow_ = new wxRadioButton(this, wxID_ANY, "&Allow: the interest does not stop them taking part",
                               wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    allow_->SetName("conflict_allow");
    remove_ = new wxRadioButton(this, wxID_ANY,
                                d.bid == "*" ? "&Remove them from the evaluation" : "&Remove them from this bid");
    remove_->SetName("conflict_remove");
    allow_->SetValue(d.decision == "allowed");
    remove_->SetValue(d.decision != "allowed");
    body->Add(allow_, 0, wxBOTTOM, 4);
    body->Add(remove_, 0, wxBOTTOM, 8);
    body->Add(new wxStaticText(this, wxID_ANY, "R&eason (recorded):"), 0, wxBOTTOM, 4);
    reason_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(460, 90), wxTE_MULTILINE);
    reason_->SetName("conflict_reason");
    body->Add(reason_, 1, wxEXPAND);
    finish(body, "&Record decision");
    reason_->SetFocus();
}

bool ConflictDialog::allowed() const { return allow_->GetValue(); }

std::string ConflictDialog::reason() const { return utf8(reason_->GetValue()); }

}  // namespace gui
