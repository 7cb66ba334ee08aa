// The officer's decision on a bid flagged abnormally low, after asking the bidder to explain
// (PA 2023 s.19; core::alt_decision): accepted or rejected, with the reason.
#pragma once

#include <string>

#include "app/gui/command_dialog.h"
#include "scoring/evaluation.h"

class wxRadioButton;
class wxTextCtrl;

namespace gui {

class AltDecisionDialog : public CommandDialog {
public:
    /// `finding`: the engine's flag in words; `current`/`current_reason`: the decision recorded so
    /// far (the starting values when there is one).
    AltDecisionDialog(wxWindow* parent, const wxString& bid_label, const wxString& finding,
                      scoring::AltDecision current, const std::string& current_reason);

    scoring::AltDecision decision() const;
    std::string reason() const;

private:
    wxRadioButton* accept_ = nullptr;
    wxRadioButton* reject_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace gui
