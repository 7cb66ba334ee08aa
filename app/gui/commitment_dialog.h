// Deliverability of one social-value commitment (core::sv_decision): accept, reduce to a
// quantity or a percentage, or reject, with a reason.
#pragma once

#include <optional>
#include <string>

#include "app/gui/command_dialog.h"
#include "scoring/evaluation.h"

class wxRadioButton;
class wxTextCtrl;

namespace gui {

class CommitmentDialog : public CommandDialog {
public:
    /// `measure`: the measure's name and unit in words; `commitment`: as recorded so far.
    CommitmentDialog(wxWindow* parent, const wxString& bid_label, const wxString& measure,
                     const scoring::Commitment& commitment);

    scoring::Deliverability decision() const;
    std::optional<double> quantity() const;  // reduce to a quantity
    std::optional<double> percent() const;   // reduce to a percentage
    std::string reason() const;

protected:
    wxString check() const override;

private:
    void update_enabled();

    wxRadioButton* accept_ = nullptr;
    wxRadioButton* reduce_ = nullptr;
    wxRadioButton* reject_ = nullptr;
    wxRadioButton* by_quantity_ = nullptr;
    wxRadioButton* by_percent_ = nullptr;
    wxTextCtrl* amount_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace gui
