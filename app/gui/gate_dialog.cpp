#include "app/gui/gate_dialog.h"

#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

GateDialog::GateDialog(wxWindow* parent, const wxString& bid_label, std::vector<scoring::Gate> gates,
                       std::vector<scoring::GateResult> recorded, const std::string& selected)
    : CommandDialog(parent, "Record gate result", "gate_dialog"),
      gates_(std::move(gates)),
      recorded_(std::move(recorded)) {
    auto* body = new wxBoxSizer(wxVERTICAL);
    body->Add(explanation(this, "Bid " + bid_label +
                                    ". A bid that fails a gate is excluded from scoring; the reason is recorded "
                                    "in the audit trail and given to the bidder in its assessment summary."),
              0, wxBOTTOM, 8);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    gate_ = new wxChoice(this, wxID_ANY);
    gate_->SetName("gate_choice");
    int start = gates_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < gates_.size(); ++i) {
        gate_->Append(wx(gates_[i].id + ": " + gates_[i].name));
        if (gates_[i].id == selected) start = static_cast<int>(i);
    }
    gate_->SetSelection(start);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Gate:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(gate_, 1, wxEXPAND);
    grid->AddSpacer(0);
    requirement_ = new wxStaticText(this, wxID_ANY, "");
    requirement_->SetName("gate_requirement");
    grid->Add(requirement_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, "Result:"), 0, wxALIGN_CENTER_VERTICAL);
    auto* result = new wxBoxSizer(wxHORIZONTAL);
    pass_ = new wxRadioButton(this, wxID_ANY, "&Pass", wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    pass_->SetName("gate_pass");
    fail_ = new wxRadioButton(this, wxID_ANY, "&Fail (the bid is excluded)");
    fail_->SetName("gate_fail");
    result->Add(pass_, 0, wxRIGHT, 16);
    result->Add(fail_);
    grid->Add(result);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Reason:"), 0, wxTOP, 4);
    reason_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, 90), wxTE_MULTILINE);
    reason_->SetName("gate_reason");
    reason_->SetHint("The evidence (required when the bid fails)");
    grid->Add(reason_, 1, wxEXPAND);
    grid->AddGrowableRow(3);
    body->Add(grid, 1, wxEXPAND);
    finish(body, "&Record");
    gate_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_gate(); });
    show_gate();
    reason_->SetFocus();
}

void GateDialog::show_gate() {
    const int i = gate_->GetSelection();
    if (i == wxNOT_FOUND) return;
    const auto& g = gates_[static_cast<std::size_t>(i)];
    requirement_->SetLabel(wx(g.requirement));
    requirement_->Wrap(420);
    // Start from what is recorded for this gate, unless the user has already typed a reason.
    if (!reason_->IsModified()) {
        bool passed = true;
        wxString reason;
        for (const auto& r : recorded_)
            if (r.gate == g.id) {
                passed = r.passed;
                reason = wx(r.reason);
            }
        pass_->SetValue(passed);
        fail_->SetValue(!passed);
        reason_->ChangeValue(reason);
    }
    if (GetSizer() != nullptr) GetSizer()->SetSizeHints(this);
}

std::string GateDialog::gate() const {
    const int i = gate_->GetSelection();
    return i == wxNOT_FOUND ? std::string() : gates_[static_cast<std::size_t>(i)].id;
}

bool GateDialog::passed() const { return pass_->GetValue(); }

std::string GateDialog::reason() const { return utf8(reason_->GetValue()); }

}  // namespace gui
