#include "app/gui/evaluators_page.h"

#include <set>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/core/workbook_reads.h"
#include "app/gui/assign_dialog.h"
#include "app/gui/conflict_dialog.h"
#include "app/gui/errors.h"
#include "app/gui/interest_dialog.h"
#include "app/gui/list_rows.h"
#include "app/gui/member_dialog.h"

namespace gui {

namespace {

wxString declaration_decision(const core::Declaration& d) {
    if (!d.conflict) return "";
    return d.decision ? wx(*d.decision) : wxString("awaiting the officer");
}

}  // namespace

EvaluatorsPage::EvaluatorsPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::evaluators) {
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetName("panel_summary");
    content()->Add(summary_, 0, wxEXPAND | wxBOTTOM, 6);
    panel_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL);
    panel_->SetName("panel_list");
    add_columns(panel_, {{"Id", 70}, {"Name", 220}, {"Role", 90}, {"Interests", 260}, {"Questions (every bid)", 260}});
    content()->Add(panel_, 3, wxEXPAND);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    add_member_ = new wxButton(this, wxID_ANY, "&Add panel member...");
    add_member_->SetName("add_member");
    declare_ = new wxButton(this, wxID_ANY, "Declare &my interests...");
    declare_->SetName("declare_interests");
    decide_ = new wxButton(this, wxID_ANY, "Decide &conflict...");
    decide_->SetName("decide_conflict");
    assign_ = new wxButton(this, wxID_ANY, "Assign &question...");
    assign_->SetName("assign_question");
    for (auto* b : {add_member_, declare_, decide_, assign_}) actions->Add(b, 0, wxRIGHT, 6);
    content()->Add(actions, 0, wxTOP | wxBOTTOM, 6);

    auto* below = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, "Declarations of interest"), 0, wxBOTTOM, 3);
    declarations_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL);
    declarations_->SetName("declarations_list");
    add_columns(declarations_, {{"Bid", 70}, {"Conflict", 65}, {"Detail", 260}, {"Decision", 140}});
    left->Add(declarations_, 1, wxEXPAND);
    below->Add(left, 1, wxEXPAND | wxRIGHT, 8);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, "Assigned questions"), 0, wxBOTTOM, 3);
    assignments_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), wxLC_REPORT | wxLC_SINGLE_SEL);
    assignments_->SetName("assignments_list");
    add_columns(assignments_, {{"Question", 320}, {"For", 120}});
    right->Add(assignments_, 1, wxEXPAND);
    below->Add(right, 1, wxEXPAND);
    content()->Add(below, 2, wxEXPAND);

    panel_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_member(); });
    panel_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { show_member(); });
    panel_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_main_action(); });
    declarations_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    declarations_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (auto d = make_conflict_dialog()) d->ShowModal();
    });
    add_member_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_member_dialog()) d->ShowModal();
    });
    declare_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_interest_dialog()) d->ShowModal();
    });
    decide_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_conflict_dialog()) d->ShowModal();
    });
    assign_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto d = make_assign_dialog()) d->ShowModal();
    });
}

void EvaluatorsPage::refresh() {
    // A refusal left by an earlier read (e.g. bids before declaring) no longer holds once the
    // page is read again; a new one is shown if the read is still refused.
    if (message_is_error()) clear_message();
    auto& s = session();
    // The member to select again, read before the rows it indexes are replaced.
    const std::string keep = selected_member().empty() ? s.actor() : selected_member();
    members_.clear();
    questions_.clear();
    bids_.clear();
    const auto me = s.acting();
    role_ = me ? std::optional<core::Role>(me->role) : std::nullopt;
    core::TenderState state(s.workbook().db());
    phase_ = state.tender().phase;
    std::set<std::string> seen;
    for (const auto& lot : state.framework().lots)
        for (const auto& leaf : scoring::leaves_of(state.framework(), lot))
            if (leaf.criterion->kind == scoring::CriterionKind::question && seen.insert(leaf.criterion->id).second)
                questions_.emplace_back(leaf.criterion->id, leaf.criterion->id + " " + leaf.criterion->name +
                                                                (state.framework().lots.size() > 1 ? " (lot " + lot.id + ")" : ""));
    // The bidders' names only (never the bids): what a member needs to declare a conflict.
    for (const auto& b : core::bidders_for_declaration(s.workbook(), s.actor())) bids_.emplace_back(b.bid, b.name);
    for (auto& e : core::list_evaluators(s.workbook(), s.actor())) {
        Member m;
        m.declarations = state.declarations(e.id);
        if (e.role != core::Role::officer)
            for (const auto& [id, text] : questions_)
                if (state.assigned(e.id, id, "*")) m.questions.push_back(id);
        m.who = std::move(e);
        members_.push_back(std::move(m));
    }
    fill_panel(keep);
}

wxString EvaluatorsPage::interests_text(const Member& m) const {
    if (m.declarations.empty())
        return m.who.role == core::Role::officer ? "not declared (not required: officer)" : "not declared";
    std::size_t conflicts = 0, open = 0;
    for (const auto& d : m.declarations)
        if (d.conflict) {
            ++conflicts;
            open += d.decision ? 0 : 1;
        }
    if (conflicts == 0) return "no conflict";
    wxString text = wxString::Format("%zu conflict%s", conflicts, conflicts == 1 ? "" : "s");
    if (open)
        text << " (" << open << " awaiting a decision)";
    else
        text << ", decided";
    return text;
}

void EvaluatorsPage::fill_panel(const std::string& keep) {
    panel_->DeleteAllItems();
    std::size_t undeclared = 0, open = 0;
    for (std::size_t i = 0; i < members_.size(); ++i) {
        const auto& m = members_[i];
        wxString questions;
        for (const auto& q : m.questions) questions << (questions.empty() ? "" : ", ") << wx(q);
        if (m.who.role == core::Role::officer) questions = "(does not score)";
        set_row(panel_, static_cast<long>(i),
                {wx(m.who.id), wx(m.who.name), wx(core::to_string(m.who.role)), interests_text(m), questions});
        undeclared += m.declarations.empty() && m.who.role != core::Role::officer ? 1 : 0;
        for (const auto& d : m.declarations) open += d.conflict && !d.decision ? 1 : 0;
    }
    wxString text = wxString::Format("%zu panel member%s.", members_.size(), members_.size() == 1 ? "" : "s");
    if (undeclared) text << " " << undeclared << " still to declare their interests (needed before seeing any bid).";
    if (open) text << " " << open << " declared conflict" << (open == 1 ? "" : "s") << " awaiting the officer's decision.";
    summary_->SetLabel(text);
    select_member(keep);
    show_member();
}

const EvaluatorsPage::Member* EvaluatorsPage::selected() const {
    const long i = panel_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return i < 0 || static_cast<std::size_t>(i) >= members_.size() ? nullptr : &members_[static_cast<std::size_t>(i)];
}

std::string EvaluatorsPage::selected_member() const {
    const auto* m = selected();
    return m ? m->who.id : std::string();
}

bool EvaluatorsPage::select_member(const std::string& id) {
    for (std::size_t i = 0; i < members_.size(); ++i)
        if (members_[i].who.id == id) {
            const long row = static_cast<long>(i);
            panel_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            panel_->EnsureVisible(row);
            show_member();
            return true;
        }
    return false;
}

// Every-bid assignments are known from the refresh; one-bid assignments are looked up only for
// the member in view, bid by bid, since the core offers no list of them.
std::vector<EvaluatorsPage::Assignment> EvaluatorsPage::assignments_of(const std::string& member) {
    std::vector<Assignment> out;
    core::TenderState state(session().workbook().db());
    for (const auto& [criterion, text] : questions_) {
        if (state.assigned(member, criterion, "*")) {
            out.push_back({criterion, "*"});
            continue;
        }
        for (const auto& [bid, bidder] : bids_)
            if (state.assigned(member, criterion, bid)) out.push_back({criterion, bid});
    }
    return out;
}

void EvaluatorsPage::show_member() {
    declarations_->DeleteAllItems();
    assignments_->DeleteAllItems();
    const auto* m = selected();
    if (m != nullptr) {
        long i = 0;
        for (const auto& d : m->declarations)
            set_row(declarations_, i++,
                    {d.bid == "*" ? wxString("whole tender") : wx(d.bid), d.conflict ? "yes" : "no", wx(d.detail),
                     declaration_decision(d)});
        i = 0;
        if (m->who.role != core::Role::officer)
            for (const auto& a : assignments_of(m->who.id)) {
                wxString question = wx(a.criterion);
                for (const auto& [id, text] : questions_)
                    if (id == a.criterion) question = wx(text);
                set_row(assignments_, i++, {question, a.bid == "*" ? wxString("every bid") : "bid " + wx(a.bid)});
            }
        // The conflict to decide is usually the only one awaiting a decision: start on it.
        for (std::size_t k = 0; k < m->declarations.size(); ++k)
            if (m->declarations[k].conflict && !m->declarations[k].decision) {
                declarations_->SetItemState(static_cast<long>(k), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
                break;
            }
    }
    update_buttons();
}

}  // namespace gui
