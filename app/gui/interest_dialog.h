// The acting person's declaration of interests (core::declare_interest): no conflict with any
// bidder, or a conflict with one bid or the whole tender, described.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/gui/command_dialog.h"

class wxComboBox;
class wxRadioButton;
class wxTextCtrl;

namespace gui {

class InterestDialog : public CommandDialog {
public:
    /// `bids`: (id, bidder) of the bids the person may see (none before a first declaration).
    InterestDialog(wxWindow* parent, const wxString& who, std::vector<std::pair<std::string, std::string>> bids);

    bool conflict() const;
    /// The bid of the conflict, or "*" for the whole tender (and for no conflict).
    std::string bid() const;
    std::string detail() const;

private:
    void update_enabled();

    wxRadioButton* none_ = nullptr;
    wxRadioButton* conflict_ = nullptr;
    wxComboBox* bid_ = nullptr;
    wxTextCtrl* detail_ = nullptr;
};

}  // namespace gui
