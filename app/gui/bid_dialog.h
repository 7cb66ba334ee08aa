// Registers a received bid (core::add_bid): id, lot, bidder, SME/VCSE, price in pounds and an
// optional exclusion reason.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/core/workbook_commands.h"
#include "app/gui/command_dialog.h"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace gui {

class BidDialog : public CommandDialog {
public:
    /// `lots`: (id, name) of the framework's lots; `lot`: the one to start on.
    BidDialog(wxWindow* parent, std::vector<std::pair<std::string, std::string>> lots, const std::string& lot);

    /// The bid as typed; the price is 0 when it is not an amount of money (check() says so).
    core::NewBid bid() const;

protected:
    wxString check() const override;

private:
    std::vector<std::pair<std::string, std::string>> lots_;
    wxTextCtrl* id_ = nullptr;
    wxChoice* lot_ = nullptr;
    wxTextCtrl* bidder_ = nullptr;
    wxCheckBox* sme_ = nullptr;
    wxCheckBox* vcse_ = nullptr;
    wxTextCtrl* price_ = nullptr;
    wxCheckBox* excluded_ = nullptr;
    wxTextCtrl* exclusion_ = nullptr;
};

/// The amount in a price as people type it ("£1,234.50", "1234.5"); nullopt if it is not money.
std::optional<scoring::Money> parse_price(const wxString& text);

}  // namespace gui
