// The Evaluators page's actions: the dialogs behind its buttons and when the buttons make sense.
#include <wx/button.h>
#include <wx/listctrl.h>

#include "app/core/workbook_commands.h"
#include "app/gui/assign_dialog.h"
#include "app/gui/conflict_dialog.h"
#include "app/gui/errors.h"
#include "app/gui/evaluators_page.h"
#include "app/gui/interest_dialog.h"
#include "app/gui/member_dialog.h"

namespace gui {

wxString EvaluatorsPage::run(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                             const wxString& done) {
    return perform(command, done) ? wxString() : message();
}

std::unique_ptr<MemberDialog> EvaluatorsPage::make_member_dialog() {
    auto dialog = std::make_unique<MemberDialog>(this);
    auto* d = dialog.get();
    d->on_submit([this, d] {
        const auto member = d->member();
        return run(
            [&](core::Workbook& wb, const std::string& actor) { return core::add_evaluator(wb, actor, member); },
            wx(member.name + " (" + member.id + ") added to the panel as " + core::to_string(member.role) +
               "; they declare their interests before seeing any bid."));
    });
    return dialog;
}

std::unique_ptr<InterestDialog> EvaluatorsPage::make_interest_dialog() {
    const auto me = session().acting();
    const wxString who = me ? wx(me->name + " (" + me->id + ")") : wx(session().actor());
    auto dialog = std::make_unique<InterestDialog>(this, who, bids_);
    auto* d = dialog.get();
    d->on_submit([this, d] {
        const bool conflict = d->conflict();
        const auto bid = d->bid();
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::declare_interest(wb, actor, bid, conflict, d->detail());
            },
            conflict ? "Conflict of interest declared with " +
                           (bid == "*" ? wxString("the whole tender") : "bid " + wx(bid)) +
                           "; the officer decides whether you take part."
                     : wxString("Declared: no conflict of interest. You may now see the bids."));
    });
    return dialog;
}

std::optional<core::Declaration> EvaluatorsPage::selected_conflict() const {
    const auto* m = selected();
    const long i = declarations_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (m == nullptr || i < 0 || static_cast<std::size_t>(i) >= m->declarations.size()) return std::nullopt;
    const auto& d = m->declarations[static_cast<std::size_t>(i)];
    return d.conflict ? std::optional<core::Declaration>(d) : std::nullopt;
}

std::unique_ptr<ConflictDialog> EvaluatorsPage::make_conflict_dialog() {
    const auto* m = selected();
    const auto conflict = selected_conflict();
    if (m == nullptr || !conflict) return nullptr;
    auto dialog = std::make_unique<ConflictDialog>(this, wx(m->who.name + " (" + m->who.id + ")"), *conflict);
    auto* d = dialog.get();
    const auto evaluator = conflict->evaluator, bid = conflict->bid;
    d->on_submit([this, d, evaluator, bid] {
        const bool allowed = d->allowed();
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::decide_conflict(wb, actor, evaluator, bid, allowed, d->reason());
            },
            wx(evaluator) + (allowed ? " may take part despite the declared interest." : " is removed from " +
                                                                                            (bid == "*" ? wxString("the evaluation.")
                                                                                                        : "bid " + wx(bid) + ".")));
    });
    return dialog;
}

std::unique_ptr<AssignDialog> EvaluatorsPage::make_assign_dialog() {
    AssignDialog::Options members;
    for (const auto& m : members_)
        if (m.who.role != core::Role::officer)
            members.emplace_back(m.who.id, m.who.id + " " + m.who.name + ", " + core::to_string(m.who.role));
    AssignDialog::Options bids;
    for (const auto& [id, bidder] : bids_) bids.emplace_back(id, id + " " + bidder);
    auto dialog = std::make_unique<AssignDialog>(this, std::move(members), questions_, std::move(bids), selected_member());
    auto* d = dialog.get();
    d->on_submit([this, d] {
        const auto evaluator = d->evaluator(), criterion = d->criterion(), bid = d->bid();
        return run(
            [&](core::Workbook& wb, const std::string& actor) {
                return core::assign(wb, actor, evaluator, criterion, bid);
            },
            "Question " + wx(criterion) + " assigned to " + wx(evaluator) +
                (bid == "*" ? wxString(" for every bid.") : " for bid " + wx(bid) + "."));
    });
    return dialog;
}

// Enabled when the action makes sense for the acting person now; the core still decides and
// explains any refusal.
void EvaluatorsPage::update_buttons() {
    using core::Phase;
    const bool officer = role_ == core::Role::officer;
    add_member_->Enable(officer);
    declare_->Enable(role_.has_value());
    decide_->Enable(officer && selected_conflict().has_value());
    assign_->Enable(officer && (phase_ == Phase::setup || phase_ == Phase::compliance ||
                                phase_ == Phase::individual_evaluation));
}

// Enter on a member: your own row opens your declaration; the officer assigns the member a question.
void EvaluatorsPage::open_main_action() {
    if (selected_member() == session().actor()) {
        if (auto d = make_interest_dialog()) d->ShowModal();
    } else if (assign_->IsEnabled()) {
        if (auto d = make_assign_dialog()) d->ShowModal();
    }
}

}  // namespace gui
