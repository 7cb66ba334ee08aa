// Adds a member to the tender's panel (core::add_evaluator): id, name and role.
#pragma once

#include "app/core/package.h"
#include "app/gui/command_dialog.h"

class wxChoice;
class wxTextCtrl;

namespace gui {

class MemberDialog : public CommandDialog {
public:
    explicit MemberDialog(wxWindow* parent);
    core::Evaluator member() const;

private:
    wxTextCtrl* id_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxChoice* role_ = nullptr;
};

}  // namespace gui
