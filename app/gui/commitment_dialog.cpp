#include "app/gui/commitment_dialog.h"

#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

CommitmentDialog::CommitmentDialog(wxWindow* parent, const wxString& bid_label, const wxString& measure,
                                   const scoring::Commitment& c)
    : CommandDialog(parent, "Deliverability decision", "commitment_dialog") {
    auto* body = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, "Bid " + bid_label);
    heading->SetFont(heading->GetFont().Bold());
    body->Add(heading, 0, wxBOTTOM, 6);
    body->Add(explanation(this, "Commitment: " + measure + ", " + wx(scoring::format_number(c.quantity)) +
                                    " committed. Decide whether it is deliverable as offered; only the accepted "
                                    "quantity counts towards the bid's social value."),
              0, wxBOTTOM, 10);
    accept_ = new wxRadioButton(this, wxID_ANY, "&Accept as committed", wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    accept_->SetName("sv_accept");
    reduce_ = new wxRadioButton(this, wxID_ANY, "Re&duce");
    reduce_->SetName("sv_reduce");
    reject_ = new wxRadioButton(this, wxID_ANY, "Re&ject: nothing counts");
    reject_->SetName("sv_reject");
    body->Add(accept_, 0, wxBOTTOM, 4);
    body->Add(reduce_, 0, wxBOTTOM, 4);
    auto* reduce_row = new wxBoxSizer(wxHORIZONTAL);
    by_quantity_ = new wxRadioButton(this, wxID_ANY, "to the &quantity", wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    by_quantity_->SetName("sv_by_quantity");
    by_percent_ = new wxRadioButton(this, wxID_ANY, "to the &percentage");
    by_percent_->SetName("sv_by_percent");
    amount_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(100, -1));
    amount_->SetName("sv_amount");
    reduce_row->Add(by_quantity_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    reduce_row->Add(by_percent_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    reduce_row->Add(amount_, 0, wxALIGN_CENTER_VERTICAL);
    auto* indent = new wxBoxSizer(wxHORIZONTAL);
    indent->AddSpacer(24);
    indent->Add(reduce_row);
    body->Add(indent, 0, wxBOTTOM, 6);
    body->Add(reject_, 0, wxBOTTOM, 8);
    body->Add(new wxStaticText(this, wxID_ANY, "R&eason (recorded):"), 0, wxBOTTOM, 4);
    reason_ = new wxTextCtrl(this, wxID_ANY, wx(c.reason), wxDefaultPosition, wxSize(460, 100), wxTE_MULTILINE);
    reason_->SetName("sv_reason");
    body->Add(reason_, 1, wxEXPAND);
    finish(body, "&Record decision");

    // Start from the decision recorded so far.
    accept_->SetValue(c.decision == scoring::Deliverability::accept);
    reduce_->SetValue(c.decision == scoring::Deliverability::reduce);
    reject_->SetValue(c.decision == scoring::Deliverability::reject);
    by_percent_->SetValue(c.accepted_percent.has_value());
    by_quantity_->SetValue(!c.accepted_percent.has_value());
    if (c.accepted_quantity) amount_->ChangeValue(wx(scoring::format_number(*c.accepted_quantity)));
    if (c.accepted_percent) amount_->ChangeValue(wx(scoring::format_number(*c.accepted_percent)));
    for (auto* radio : {accept_, reduce_, reject_})
        radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_enabled(); });
    update_enabled();
    accept_->SetFocus();
}

void CommitmentDialog::update_enabled() {
    const bool reduce = reduce_->GetValue();
    by_quantity_->Enable(reduce);
    by_percent_->Enable(reduce);
    amount_->Enable(reduce);
}

scoring::Deliverability CommitmentDialog::decision() const {
    if (reduce_->GetValue()) return scoring::Deliverability::reduce;
    return reject_->GetValue() ? scoring::Deliverability::reject : scoring::Deliverability::accept;
}

std::optional<double> CommitmentDialog::quantity() const {
    double value = 0;
    if (!reduce_->GetValue() || !by_quantity_->GetValue() || !parse_number(amount_->GetValue(), value))
        return std::nullopt;
    return value;
}

std::optional<double> CommitmentDialog::percent() const {
    double value = 0;
    if (!reduce_->GetValue() || !by_percent_->GetValue() || !parse_number(amount_->GetValue(), value))
        return std::nullopt;
    return value;
}

std::string CommitmentDialog::reason() const { return utf8(reason_->GetValue()); }

wxString CommitmentDialog::check() const {
    double value = 0;
    if (reduce_->GetValue() && !parse_number(amount_->GetValue(), value))
        return "Write the reduced " + wxString(by_percent_->GetValue() ? "percentage" : "quantity") +
               " as a number, for example 12.5.";
    return {};
}

}  // namespace gui
