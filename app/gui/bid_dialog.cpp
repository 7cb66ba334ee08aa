#include "app/gui/bid_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

std::optional<scoring::Money> parse_price(const wxString& text) {
    // Thousands separators and the pound sign are how people write prices; the core's money
    // syntax takes neither, so they go before parsing (nothing else is changed).
    std::string plain;
    for (char c : utf8(text))
        if (c != ',' && c != ' ') plain += c;
    const std::string pound = "\xC2\xA3";
    if (plain.rfind(pound, 0) == 0) plain.erase(0, pound.size());
    return scoring::parse_money(plain);
}

BidDialog::BidDialog(wxWindow* parent, std::vector<std::pair<std::string, std::string>> lots, const std::string& lot)
    : CommandDialog(parent, "Add bid", "bid_dialog"), lots_(std::move(lots)) {
    auto* body = new wxBoxSizer(wxVERTICAL);
    body->Add(explanation(this, "Register a bid received by the deadline. The first bid freezes the framework: "
                                "changing it afterwards needs a recorded reason."),
              0, wxBOTTOM, 10);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    const auto row = [&](const wxString& label, wxWindow* control, const char* name) {
        control->SetName(name);
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
    };
    id_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, -1));
    id_->SetHint("e.g. B07");
    row("Bid &id:", id_, "bid_id");
    lot_ = new wxChoice(this, wxID_ANY);
    int start = lots_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < lots_.size(); ++i) {
        lot_->Append(wx(lots_[i].first + ": " + lots_[i].second));
        if (lots_[i].first == lot) start = static_cast<int>(i);
    }
    lot_->SetSelection(start);
    row("&Lot:", lot_, "bid_lot");
    bidder_ = new wxTextCtrl(this, wxID_ANY);
    row("&Bidder:", bidder_, "bid_bidder");
    sme_ = new wxCheckBox(this, wxID_ANY, "&Small or medium-sized enterprise (SME)");
    row("", sme_, "bid_sme");
    vcse_ = new wxCheckBox(this, wxID_ANY, "&Voluntary, community or social enterprise (VCSE)");
    row("", vcse_, "bid_vcse");
    price_ = new wxTextCtrl(this, wxID_ANY);
    price_->SetHint("in pounds, e.g. 125000.00");
    row("&Price:", price_, "bid_price");
    excluded_ = new wxCheckBox(this, wxID_ANY, "&Excluded (late, incomplete ...) for the reason:");
    row("", excluded_, "bid_excluded");
    exclusion_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, 60), wxTE_MULTILINE);
    row("Exclusion &reason:", exclusion_, "bid_exclusion");
    body->Add(grid, 1, wxEXPAND);
    finish(body, "&Add bid");
    exclusion_->Enable(false);
    excluded_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { exclusion_->Enable(excluded_->GetValue()); });
    id_->SetFocus();
}

core::NewBid BidDialog::bid() const {
    core::NewBid b;
    b.id = utf8(id_->GetValue().Strip(wxString::both));
    const int i = lot_->GetSelection();
    if (i != wxNOT_FOUND) b.lot = lots_[static_cast<std::size_t>(i)].first;
    b.bidder = utf8(bidder_->GetValue().Strip(wxString::both));
    b.sme = sme_->GetValue();
    b.vcse = vcse_->GetValue();
    b.price = parse_price(price_->GetValue()).value_or(0);
    if (excluded_->GetValue()) b.exclusion = utf8(exclusion_->GetValue());
    return b;
}

wxString BidDialog::check() const {
    if (!parse_price(price_->GetValue()))
        return "\"" + price_->GetValue() + "\" is not an amount of money; write the price in pounds like 1234.56.";
    return {};
}

}  // namespace gui
