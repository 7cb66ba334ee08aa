// The officer's decision on a declared conflict of interest (core::decide_conflict): the member
// may take part despite it, or is removed from that bid (or the tender), with the reason.
#pragma once

#include <string>

#include "app/core/workbook_state.h"
#include "app/gui/command_dialog.h"

class wxRadioButton;
class wxTextCtrl;

namespace gui {

class ConflictDialog : public CommandDialog {
public:
    /// `member`: the declaring member in words; `declaration`: the conflict decided.
    ConflictDialog(wxWindow* parent, const wxString& member, const core::Declaration& declaration);

    bool allowed() const;
    std::string reason() const;

private:
    wxRadioButton* allow_ = nullptr;
    wxRadioButton* remove_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace gui
