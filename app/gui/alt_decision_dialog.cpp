#include "app/gui/alt_decision_dialog.h"

#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

AltDecisionDialog::AltDecisionDialog(wxWindow* parent, const wxString& bid_label, const wxString& finding,
                                     scoring::AltDecision current, const std::string& current_reason)
    : CommandDialog(parent, "Abnormally low decision", "alt_decision_dialog") {
    auto* body = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, "Bid " + bid_label);
    heading->SetFont(heading->GetFont().Bold());
    body->Add(heading, 0, wxBOTTOM, 6);
    auto* found = explanation(this, finding.empty() ? wxString("No flag from the evaluation.") : finding);
    found->SetName("alt_finding");
    body->Add(found, 0, wxBOTTOM, 8);
    body->Add(explanation(this,
                          "A bid may be rejected as abnormally low only after the bidder has been asked to explain "
                          "its price and given the chance to show it can perform the contract (Procurement Act "
                          "2023 s.19). Record what the bidder said and why it satisfies you, or why it does not."),
              0, wxBOTTOM, 10);
    accept_ = new wxRadioButton(this, wxID_ANY, "&Accepted: the explanation satisfies; the bid stays in",
                                wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    accept_->SetName("alt_accept");
    reject_ = new wxRadioButton(this, wxID_ANY, "Re&jected as abnormally low: the bid is excluded");
    reject_->SetName("alt_reject");
    accept_->SetValue(current != scoring::AltDecision::rejected);
    reject_->SetValue(current == scoring::AltDecision::rejected);
    body->Add(accept_, 0, wxBOTTOM, 4);
    body->Add(reject_, 0, wxBOTTOM, 8);
    body->Add(new wxStaticText(this, wxID_ANY, "&Reason (the bidder's explanation and your assessment):"), 0,
              wxBOTTOM, 4);
    reason_ = new wxTextCtrl(this, wxID_ANY, wx(current_reason), wxDefaultPosition, wxSize(460, 120), wxTE_MULTILINE);
    reason_->SetName("alt_reason");
    body->Add(reason_, 1, wxEXPAND);
    finish(body, "&Record decision");
    reason_->SetFocus();
}

scoring::AltDecision AltDecisionDialog::decision() const {
    return reject_->GetValue() ? scoring::AltDecision::rejected : scoring::AltDecision::accepted;
}

std::string AltDecisionDialog::reason() const { return utf8(reason_->GetValue()); }

}  // namespace gui
