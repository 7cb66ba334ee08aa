// The bids of the lot in view: compliance gates, exclusions, abnormally-low flags and decisions,
// social-value commitments and their deliverability; and registering a received bid.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/workbook_reads.h"
#include "app/gui/page.h"
#include "scoring/evaluation.h"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class AltDecisionDialog;
class BidDialog;
class CommitmentDialog;
class GateDialog;

class BidsPage : public Page {
public:
    BidsPage(wxWindow* parent, Session& session);

    // The dialogs behind the buttons, ready to run their command through this page (a refusal
    // keeps the dialog open with the core's message). The buttons show them modally; tests fill
    // them in and call submit(). nullptr when nothing suitable is selected.
    std::unique_ptr<BidDialog> make_bid_dialog();
    std::unique_ptr<GateDialog> make_gate_dialog();
    std::unique_ptr<AltDecisionDialog> make_alt_dialog();
    std::unique_ptr<CommitmentDialog> make_commitment_dialog();

    /// The bid selected in the list, "" for none.
    std::string selected_bid() const;
    /// Selects the bid `id` in the list (and shows its details); false if it is not listed.
    bool select_bid(const std::string& id);

protected:
    void refresh() override;

private:
    struct Row {
        core::BidView view;
        const core::PackageBid* detail = nullptr;  // gates, commitments and decisions
        std::optional<scoring::Flag> alt_flag;      // from the evaluation, when prices are open
    };

    void bind_events();
    void read_flags();
    void fill_list(const std::string& keep);  // keep: the bid to select again
    void show_details();
    void update_buttons();
    const Row* selected() const;
    const scoring::Lot* lot_of(const Row& row) const;
    wxString label(const Row& row) const;
    wxString alt_text(const Row& row) const;
    wxString gates_text(const Row& row) const;
    /// Runs a command through Page::perform and returns "" or the refusal, for a dialog.
    wxString run(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                 const wxString& done);
    void open_main_action();

    core::Package package_;  // gates, commitments, decisions (never shown: its prices)
    std::vector<Row> rows_;
    std::map<std::string, scoring::Flag> flags_;
    wxString flags_note_;
    core::Phase phase_ = core::Phase::setup;
    std::optional<core::Role> role_;

    wxStaticText* summary_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* details_ = nullptr;
    wxListCtrl* gates_ = nullptr;
    wxListCtrl* commitments_ = nullptr;
    wxButton* add_bid_ = nullptr;
    wxButton* alt_ = nullptr;
    wxButton* gate_ = nullptr;
    wxButton* sv_ = nullptr;
};

}  // namespace gui
