// Records one pass/fail compliance gate of a bid with its reason (core::record_gate).
#pragma once

#include <string>
#include <vector>

#include "app/gui/command_dialog.h"
#include "scoring/evaluation.h"
#include "scoring/framework.h"

class wxChoice;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class GateDialog : public CommandDialog {
public:
    /// `gates`: the lot's gates; `recorded`: the results already recorded for the bid (shown,
    /// and the starting values); `selected`: the gate to start on ("" for the first).
    GateDialog(wxWindow* parent, const wxString& bid_label, std::vector<scoring::Gate> gates,
               std::vector<scoring::GateResult> recorded, const std::string& selected);

    std::string gate() const;
    bool passed() const;
    std::string reason() const;

private:
    void show_gate();

    std::vector<scoring::Gate> gates_;
    std::vector<scoring::GateResult> recorded_;
    wxChoice* gate_ = nullptr;
    wxStaticText* requirement_ = nullptr;
    wxRadioButton* pass_ = nullptr;
    wxRadioButton* fail_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace gui
