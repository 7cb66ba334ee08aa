// "Who are you?": the panel member acting in this window; the core's rules follow from it.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/core/package.h"

class wxListBox;

namespace gui {

class IdentityDialog : public wxDialog {
public:
    IdentityDialog(wxWindow* parent, std::vector<core::Evaluator> panel, const std::string& current);
    /// The chosen panel member's id.
    std::string chosen() const;

private:
    std::vector<core::Evaluator> panel_;
    wxListBox* list_ = nullptr;
};

}  // namespace gui
