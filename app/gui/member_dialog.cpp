#include "app/gui/member_dialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

namespace {
// In the order of the role choice.
constexpr core::Role roles[] = {core::Role::evaluator, core::Role::moderator, core::Role::officer};
}  // namespace

MemberDialog::MemberDialog(wxWindow* parent) : CommandDialog(parent, "Add panel member", "member_dialog") {
    auto* body = new wxBoxSizer(wxVERTICAL);
    body->Add(explanation(this, "Evaluators score the questions assigned to them; the moderator chairs the "
                                "moderation and records consensus scores; officers run the tender. Every "
                                "member declares their interests before seeing any bid."),
              0, wxBOTTOM, 10);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    id_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1));
    id_->SetName("member_id");
    id_->SetHint("e.g. E4");
    grid->Add(new wxStaticText(this, wxID_ANY, "&Id:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(id_, 1, wxEXPAND);
    name_ = new wxTextCtrl(this, wxID_ANY);
    name_->SetName("member_name");
    grid->Add(new wxStaticText(this, wxID_ANY, "&Name:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(name_, 1, wxEXPAND);
    role_ = new wxChoice(this, wxID_ANY);
    role_->SetName("member_role");
    for (auto r : roles) role_->Append(wx(core::to_string(r)));
    role_->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Role:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(role_, 1, wxEXPAND);
    body->Add(grid, 1, wxEXPAND);
    finish(body, "&Add member");
    id_->SetFocus();
}

core::Evaluator MemberDialog::member() const {
    core::Evaluator e;
    e.id = utf8(id_->GetValue().Strip(wxString::both));
    e.name = utf8(name_->GetValue().Strip(wxString::both));
    const int i = role_->GetSelection();
    e.role = roles[i == wxNOT_FOUND ? 0 : i];
    return e;
}

}  // namespace gui
