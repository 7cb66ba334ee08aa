#include "app/gui/bids_page.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/package_evaluation.h"
#include "app/core/workbook_state.h"
#include "app/gui/alt_decision_dialog.h"
#include "app/gui/bid_dialog.h"
#include "app/gui/commitment_dialog.h"
#include "app/gui/errors.h"
#include "app/gui/gate_dialog.h"
#include "app/gui/list_rows.h"
#include "scoring/money.h"

namespace gui {

namespace {

const char* deliverability(scoring::Deliverability d) {
    switch (d) {
        case scoring::Deliverability::accept: return "accept";
        case scoring::Deliverability::reduce: return "reduce";
        case scoring::Deliverability::reject: return "reject";
    }
    return "";
}

// What counts of a commitment after its decision, in words ("12", "50%", "0").
std::string accepted_text(const scoring::Commitment& c) {
    if (c.decision == scoring::Deliverability::reduce) {
        if (c.accepted_percent) return scoring::format_number(*c.accepted_percent) + "%";
        if (c.accepted_quantity) return scoring::format_number(*c.accepted_quantity);
    }
    return scoring::format_number(c.counted_quantity());
}

bool is_alt_flag(const std::string& code) { return code.rfind("abnormally_low", 0) == 0; }

}  // namespace

BidsPage::BidsPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::bids) {
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetName("bids_summary");
    content()->Add(summary_, 0, wxEXPAND | wxBOTTOM, 6);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 220), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("bids_list");
    add_columns(list_, {{"Bid", 60},
                        {"Lot", 40},
                        {"Bidder", 210},
                        {"SME", 45},
                        {"VCSE", 50},
                        {"Price", 100, wxLIST_FORMAT_RIGHT},
                        {"Exclusion", 140},
                        {"Gates", 110},
                        {"Abnormally low", 140},
                        {"SV", 50, wxLIST_FORMAT_RIGHT}});
    content()->Add(list_, 3, wxEXPAND);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    add_bid_ = new wxButton(this, wxID_ANY, "&Add bid...");
    add_bid_->SetName("add_bid");
    alt_ = new wxButton(this, wxID_ANY, "Abnormally &low decision...");
    alt_->SetName("alt_decision");
    actions->Add(add_bid_, 0, wxRIGHT, 6);
    actions->Add(alt_, 0, wxRIGHT, 6);
    content()->Add(actions, 0, wxTOP | wxBOTTOM, 6);

    // A scrolling box: decisions and flags can run to a paragraph each.
    details_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 64), wxTE_MULTILINE | wxTE_READONLY);
    details_->SetName("bid_details");
    content()->Add(details_, 0, wxEXPAND | wxBOTTOM, 6);

    auto* below = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, "Compliance gates"), 0, wxBOTTOM, 3);
    gates_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL);
    gates_->SetName("gates_list");
    add_columns(gates_, {{"Gate", 50}, {"Requirement", 160}, {"Result", 90}, {"Reason", 260}});
    left->Add(gates_, 1, wxEXPAND);
    gate_ = new wxButton(this, wxID_ANY, "Record &gate result...");
    gate_->SetName("record_gate");
    left->Add(gate_, 0, wxTOP, 4);
    below->Add(left, 1, wxEXPAND | wxRIGHT, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, "Social-value commitments"), 0, wxBOTTOM, 3);
    commitments_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL);
    commitments_->SetName("commitments_list");
    add_columns(commitments_,
                {{"Measure", 190}, {"Committed", 80, wxLIST_FORMAT_RIGHT}, {"Decision", 70}, {"Counts", 70}, {"Reason", 200}});
    right->Add(commitments_, 1, wxEXPAND);
    sv_ = new wxButton(this, wxID_ANY, "&Deliverability decision...");
    sv_->SetName("sv_decision");
    right->Add(sv_, 0, wxTOP, 4);
    below->Add(right, 1, wxEXPAND);
    content()->Add(below, 2, wxEXPAND);
    bind_events();
}

void BidsPage::bind_events() {
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_details(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_details(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_main_action(); });
    gates_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    gates_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (gate_->IsEnabled())
            if (auto d = make_gate_dialog()) d->ShowModal();
    });
    commitments_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    commitments_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    commitments_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (auto d = make_commitment_dialog()) d->ShowModal();
    });
    add_bid_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_bid_dialog()) d->ShowModal();
    });
    alt_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_alt_dialog()) d->ShowModal();
    });
    gate_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_gate_dialog()) d->ShowModal();
    });
    sv_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_commitment_dialog()) d->ShowModal();
    });
}

void BidsPage::refresh() {
    // A refusal left by an earlier read (e.g. bids before declaring) no longer holds once the
    // page is read again; a new one is shown if the read is still refused.
    if (message_is_error()) clear_message();
    const std::string keep = selected_bid();  // before the rows it indexes are replaced
    auto& s = session();
    rows_.clear();
    flags_.clear();
    flags_note_.clear();
    const auto me = s.acting();
    role_ = me ? std::optional<core::Role>(me->role) : std::nullopt;
    core::TenderState state(s.workbook().db());
    phase_ = state.tender().phase;
    // The package is read only for gates, commitments and decisions; prices shown come from
    // bids_for, which applies the two-envelope and conflict rules.
    package_ = state.package(false);
    std::vector<core::BidView> visible;
    try {
        visible = core::bids_for(s.workbook(), s.actor());
    } catch (...) {
        fill_list(keep);  // empty: the core's reason shows in the message bar
        throw;
    }
    read_flags();
    std::map<std::string, const core::PackageBid*> detail;
    for (const auto& b : package_.bids) detail[b.input.id] = &b;
    for (auto& v : visible) {
        if (!s.lot().empty() && v.bid.lot != s.lot()) continue;
        Row row;
        row.detail = detail[v.bid.id];
        if (auto f = flags_.find(v.bid.id); f != flags_.end()) row.alt_flag = f->second;
        row.view = std::move(v);
        rows_.push_back(std::move(row));
    }
    fill_list(keep);
}

void BidsPage::read_flags() {
    auto& s = session();
    core::Package package;
    try {
        package = core::package_for_evaluation(s.workbook(), s.actor());
    } catch (const core::Refused&) {
        flags_note_ = "Abnormally-low flags are worked out once prices are open to you: from price evaluation "
                      "for the officer and moderator, from award for evaluators.";
        return;
    }
    core::EvaluateOptions options;
    options.seed = 0;  // the flags do not depend on drawing lots; an unrecorded seed must not hide them
    for (const auto& lot : package.framework.lots) {
        if (!s.lot().empty() && lot.id != s.lot()) continue;
        options.lot = lot.id;
        try {
            for (const auto& result : core::evaluate_package(package, options).lots)
                for (const auto& bid : result.bids)
                    for (const auto& flag : bid.flags)
                        if (is_alt_flag(flag.code)) flags_[bid.id] = flag;
        } catch (...) {
            const auto e = describe(std::current_exception());
            flags_note_ += "Abnormally-low flags of lot " + wx(lot.id) + " are unknown: " + e.message + "\n";
        }
    }
    flags_note_.Trim();
}

void BidsPage::fill_list(const std::string& keep) {
    list_->DeleteAllItems();
    std::size_t sealed = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& r = rows_[i];
        const auto& b = r.view.bid;
        const std::size_t commitments = r.detail ? r.detail->input.commitments.size() : 0;
        sealed += r.view.price_sealed ? 1 : 0;
        set_row(list_, static_cast<long>(i),
                {wx(b.id), wx(b.lot), wx(b.bidder), b.sme ? "yes" : "", b.vcse ? "yes" : "",
                 r.view.price_sealed ? wxString("sealed") : wx(money_text(b.price)), wx(b.exclusion.value_or("")),
                 gates_text(r), alt_text(r), commitments ? wxString::Format("%zu", commitments) : wxString()});
    }
    wxString text = wxString::Format("%zu bid%s", rows_.size(), rows_.size() == 1 ? "" : "s");
    text += session().lot().empty() ? wxString(" in every lot") : " in lot " + wx(session().lot());
    text += ", phase " + wx(core::to_string(phase_)) + ".";
    if (sealed > 0) text += " Prices are sealed for you until price evaluation (two envelopes).";
    if (!flags_note_.empty()) text += "\n" + flags_note_;
    summary_->SetLabel(text);
    summary_->Wrap(std::max(500, GetClientSize().GetWidth() - 30));
    if (!keep.empty()) select_bid(keep);
    show_details();
}

wxString BidsPage::gates_text(const Row& r) const {
    const auto* lot = lot_of(r);
    const std::size_t total = lot ? lot->gates.size() : 0;
    if (total == 0) return "none";
    std::size_t pass = 0, fail = 0;
    if (r.detail)
        for (const auto& g : r.detail->input.gates) (g.passed ? pass : fail) += 1;
    wxString text;
    if (pass) text << pass << " pass";
    if (fail) text << (text.empty() ? "" : ", ") << fail << " fail";
    if (pass + fail < total) text << (text.empty() ? "" : ", ") << (total - pass - fail) << " to record";
    return text;
}

wxString BidsPage::alt_text(const Row& r) const {
    if (r.view.price_sealed) return "";
    const auto decision = r.detail ? r.detail->input.alt_decision : scoring::AltDecision::none;
    if (r.alt_flag) {
        const bool flagged = r.alt_flag->detail.rfind("flagged", 0) == 0;
        if (r.alt_flag->code == "abnormally_low_pending") return "flagged, no decision";
        if (r.alt_flag->code == "abnormally_low_accepted") return "flagged, accepted";
        return flagged ? "flagged, rejected" : "rejected";
    }
    if (decision == scoring::AltDecision::accepted) return "accepted (not flagged now)";
    if (decision == scoring::AltDecision::rejected) return "rejected";
    return flags_note_.empty() ? "no" : "";
}

const BidsPage::Row* BidsPage::selected() const {
    const long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return i < 0 || static_cast<std::size_t>(i) >= rows_.size() ? nullptr : &rows_[static_cast<std::size_t>(i)];
}

std::string BidsPage::selected_bid() const {
    const auto* r = selected();
    return r ? r->view.bid.id : std::string();
}

bool BidsPage::select_bid(const std::string& id) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].view.bid.id == id) {
            const long row = static_cast<long>(i);
            list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(row);
            show_details();
            return true;
        }
    return false;
}

const scoring::Lot* BidsPage::lot_of(const Row& row) const { return package_.framework.lot(row.view.bid.lot); }

wxString BidsPage::label(const Row& row) const { return wx(row.view.bid.id + " (" + row.view.bid.bidder + ")"); }

void BidsPage::show_details() {
    const auto* r = selected();
    gates_->DeleteAllItems();
    commitments_->DeleteAllItems();
    if (r == nullptr) {
        details_->ChangeValue(rows_.empty() ? "" : "Select a bid to see its gates, commitments and decisions.");
        update_buttons();
        return;
    }
    wxString text = label(*r) + ", lot " + wx(r->view.bid.lot);
    if (r->view.bid.exclusion) text += "\nExcluded: " + wx(*r->view.bid.exclusion);
    if (r->alt_flag) text += "\nAbnormally low: " + wx(r->alt_flag->detail);
    else if (!r->view.price_sealed && r->detail && r->detail->input.alt_decision != scoring::AltDecision::none)
        text += wxString("\nAbnormally-low decision: ") +
                (r->detail->input.alt_decision == scoring::AltDecision::accepted ? "accepted, " : "rejected, ") +
                wx(r->detail->input.alt_reason);
    details_->ChangeValue(text);
    if (const auto* lot = lot_of(*r)) {
        long i = 0;
        for (const auto& g : lot->gates) {
            wxString result = "not recorded", reason;
            if (r->detail)
                for (const auto& res : r->detail->input.gates)
                    if (res.gate == g.id) {
                        result = res.passed ? "pass" : "fail";
                        reason = wx(res.reason);
                    }
            set_row(gates_, i++, {wx(g.id), wx(g.name), result, reason});
        }
    }
    if (r->detail) {
        long i = 0;
        for (const auto& c : r->detail->input.commitments) {
            const auto* m = package_.framework.measure(c.measure);
            const std::string name = m ? m->name + " (" + m->unit + ")" : c.measure;
            set_row(commitments_, i++,
                    {wx(name), wx(scoring::format_number(c.quantity)), deliverability(c.decision),
                     wx(accepted_text(c)), wx(c.reason)});
        }
    }
    update_buttons();
}

}  // namespace gui
