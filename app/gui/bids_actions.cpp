// The Bids page's actions: the dialogs behind its buttons and when the buttons make sense.
#include <algorithm>

#include <wx/button.h>
#include <wx/listctrl.h>

#include "app/core/workbook_commands.h"
#include "app/gui/alt_decision_dialog.h"
#include "app/gui/bid_dialog.h"
#include "app/gui/bids_page.h"
#include "app/gui/commitment_dialog.h"
#include "app/gui/errors.h"
#include "app/gui/gate_dialog.h"
#include "scoring/money.h"

namespace gui {

namespace {

long selected_index(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

template <class T>
bool one_of(T value, std::initializer_list<T> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

wxString BidsPage::run(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                       const wxString& done) {
    return perform(command, done) ? wxString() : message();
}

std::unique_ptr<BidDialog> BidsPage::make_bid_dialog() {
    std::vector<std::pair<std::string, std::string>> lots;
    for (const auto& lot : package_.framework.lots) lots.emplace_back(lot.id, lot.name);
    auto dialog = std::make_unique<BidDialog>(this, std::move(lots), session().lot());
    auto* d = dialog.get();
    d->on_submit([this, d] {
        const auto bid = d->bid();
        return run([&](core::Workbook& wb, const std::string& actor) { return core::add_bid(wb, actor, bid); },
                   "Bid " + wx(bid.id) + " from " + wx(bid.bidder) + " registered.");
    });
    return dialog;
}

std::unique_ptr<GateDialog> BidsPage::make_gate_dialog() {
    const auto* r = selected();
    const auto* lot = r ? lot_of(*r) : nullptr;
    if (lot == nullptr) return nullptr;
    std::string gate;
    const long g = selected_index(gates_);
    if (g >= 0 && static_cast<std::size_t>(g) < lot->gates.size()) gate = lot->gates[static_cast<std::size_t>(g)].id;
    auto dialog = std::make_unique<GateDialog>(this, label(*r), lot->gates,
                                               r->detail ? r->detail->input.gates : std::vector<scoring::GateResult>{},
                                               gate);
    auto* d = dialog.get();
    const std::string bid = r->view.bid.id;
    d->on_submit([this, d, bid] {
        const auto gate_id = d->gate();
        const bool passed = d->passed();
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::record_gate(wb, actor, bid, gate_id, passed, d->reason());
            },
            "Gate " + wx(gate_id) + " of bid " + wx(bid) + " recorded: " + (passed ? "pass." : "fail."));
    });
    return dialog;
}

std::unique_ptr<AltDecisionDialog> BidsPage::make_alt_dialog() {
    const auto* r = selected();
    if (r == nullptr) return nullptr;
    const auto decision = r->detail ? r->detail->input.alt_decision : scoring::AltDecision::none;
    const std::string reason = r->detail ? r->detail->input.alt_reason : std::string();
    auto dialog = std::make_unique<AltDecisionDialog>(this, label(*r), r->alt_flag ? wx(r->alt_flag->detail) : "",
                                                      decision, reason);
    auto* d = dialog.get();
    const std::string bid = r->view.bid.id;
    d->on_submit([this, d, bid] {
        const auto choice = d->decision();
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::alt_decision(wb, actor, bid, choice, d->reason());
            },
            "Abnormally-low decision on bid " + wx(bid) + " recorded: " +
                (choice == scoring::AltDecision::accepted ? "accepted." : "rejected."));
    });
    return dialog;
}

std::unique_ptr<CommitmentDialog> BidsPage::make_commitment_dialog() {
    const auto* r = selected();
    const long i = selected_index(commitments_);
    if (r == nullptr || r->detail == nullptr || i < 0 ||
        static_cast<std::size_t>(i) >= r->detail->input.commitments.size())
        return nullptr;
    const auto& c = r->detail->input.commitments[static_cast<std::size_t>(i)];
    const auto* m = package_.framework.measure(c.measure);
    const wxString measure = m ? wx(m->name + " (" + c.measure + ", " + m->unit + ")") : wx(c.measure);
    auto dialog = std::make_unique<CommitmentDialog>(this, label(*r), measure, c);
    auto* d = dialog.get();
    const std::string bid = r->view.bid.id, code = c.measure;
    d->on_submit([this, d, bid, code] {
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::sv_decision(wb, actor, bid, code, d->decision(), d->quantity(), d->percent(),
                                         d->reason());
            },
            "Deliverability of " + wx(code) + " in bid " + wx(bid) + " recorded.");
    });
    return dialog;
}

// Enabled when the action makes sense for the acting person now; the core still decides and
// explains any refusal (a button never replaces its rule).
void BidsPage::update_buttons() {
    using core::Phase;
    const auto* r = selected();
    const bool officer = role_ == core::Role::officer;
    add_bid_->Enable(officer && one_of(phase_, {Phase::setup, Phase::compliance}));
    const auto* lot = r ? lot_of(*r) : nullptr;
    gate_->Enable(officer && phase_ == Phase::compliance && lot && !lot->gates.empty());
    const bool alt_known = r && (r->alt_flag || (r->detail && r->detail->input.alt_decision != scoring::AltDecision::none));
    alt_->Enable(officer && one_of(phase_, {Phase::price_evaluation, Phase::award}) && alt_known &&
                 !r->view.price_sealed);
    const bool may_decide_sv = officer || role_ == core::Role::moderator;
    sv_->Enable(may_decide_sv && one_of(phase_, {Phase::moderation, Phase::price_evaluation, Phase::award}) &&
                selected_index(commitments_) >= 0);
}

// Enter on a bid opens what the phase asks for it: the abnormally-low decision when prices
// are open and it is flagged, else its gates during compliance.
void BidsPage::open_main_action() {
    if (alt_->IsEnabled()) {
        if (auto d = make_alt_dialog()) d->ShowModal();
    } else if (gate_->IsEnabled()) {
        if (auto d = make_gate_dialog()) d->ShowModal();
    } else if (gates_->GetItemCount() > 0) {
        gates_->SetFocus();
    }
}

}  // namespace gui
