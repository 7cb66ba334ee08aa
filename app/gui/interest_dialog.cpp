#include "app/gui/interest_dialog.h"

#include <wx/combobox.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

namespace {
const wxString whole_tender = "* (the whole tender)";
}  // namespace

InterestDialog::InterestDialog(wxWindow* parent, const wxString& who,
                               std::vector<std::pair<std::string, std::string>> bids)
    : CommandDialog(parent, "Declare my interests", "interest_dialog") {
    auto* body = new wxBoxSizer(wxVERTICAL);
    body->Add(explanation(this, "Declaration by " + who +
                                    ". Before you see any bid, declare any personal, financial or professional "
                                    "interest in a bidder, or that you have none. A declared conflict keeps "
                                    "the bid from you until the officer decides it."),
              0, wxBOTTOM, 10);
    none_ = new wxRadioButton(this, wxID_ANY, "I have &no conflict of interest with any bidder", wxDefaultPosition,
                              wxDefaultSize, wxRB_GROUP);
    none_->SetName("interest_none");
    conflict_ = new wxRadioButton(this, wxID_ANY, "I have a &conflict of interest with:");
    conflict_->SetName("interest_conflict");
    body->Add(none_, 0, wxBOTTOM, 4);
    body->Add(conflict_, 0, wxBOTTOM, 4);
    bid_ = new wxComboBox(this, wxID_ANY, whole_tender, wxDefaultPosition, wxSize(380, -1));
    bid_->SetName("interest_bid");
    bid_->Append(whole_tender);
    for (const auto& [id, bidder] : bids) bid_->Append(wx(id + " " + bidder));
    bid_->SetToolTip("A bid from the list, or type its id as given on the list of bidders");
    body->Add(bid_, 0, wxLEFT | wxBOTTOM, 24);
    body->Add(new wxStaticText(this, wxID_ANY, "&Details (what the interest is; recorded):"), 0, wxBOTTOM, 4);
    detail_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(460, 90), wxTE_MULTILINE);
    detail_->SetName("interest_detail");
    body->Add(detail_, 1, wxEXPAND);
    finish(body, "&Declare");
    none_->SetValue(true);
    for (auto* radio : {none_, conflict_})
        radio->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_enabled(); });
    update_enabled();
    none_->SetFocus();
}

void InterestDialog::update_enabled() { bid_->Enable(conflict_->GetValue()); }

bool InterestDialog::conflict() const { return conflict_->GetValue(); }

std::string InterestDialog::bid() const {
    if (!conflict()) return "*";
    wxString text = bid_->GetValue().Strip(wxString::both);
    if (text.empty() || text == whole_tender) return "*";
    // "B04 Quickplate Meals Ltd" -> "B04": the id comes first, the bidder is only there to read.
    return utf8(text.BeforeFirst(' '));
}

std::string InterestDialog::detail() const { return utf8(detail_->GetValue()); }

}  // namespace gui
