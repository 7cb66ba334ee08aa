// The panel: its members and roles, each member's declaration of interests and the officer's
// conflict decisions, and which questions each member scores.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/workbook_state.h"
#include "app/gui/page.h"

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace gui {

class AssignDialog;
class ConflictDialog;
class InterestDialog;
class MemberDialog;

class EvaluatorsPage : public Page {
public:
    EvaluatorsPage(wxWindow* parent, Session& session);

    // The dialogs behind the buttons, ready to run their command through this page (a refusal
    // keeps the dialog open with the core's message). nullptr when nothing suitable is selected.
    std::unique_ptr<MemberDialog> make_member_dialog();
    std::unique_ptr<InterestDialog> make_interest_dialog();
    std::unique_ptr<ConflictDialog> make_conflict_dialog();
    std::unique_ptr<AssignDialog> make_assign_dialog();

    /// The member selected in the panel list, "" for none; selecting one shows their details.
    std::string selected_member() const;
    bool select_member(const std::string& id);

protected:
    void refresh() override;

private:
    struct Member {
        core::Evaluator who;
        std::vector<core::Declaration> declarations;
        std::vector<std::string> questions;  // assigned for every bid
    };
    struct Assignment {
        std::string criterion;
        std::string bid;  // "*" for every bid
    };

    void fill_panel(const std::string& keep);  // keep: the member to select again
    void show_member();
    void update_buttons();
    const Member* selected() const;
    std::optional<core::Declaration> selected_conflict() const;
    std::vector<Assignment> assignments_of(const std::string& member);
    wxString interests_text(const Member& m) const;
    wxString run(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command,
                 const wxString& done);
    void open_main_action();

    std::vector<Member> members_;
    std::vector<std::pair<std::string, std::string>> questions_;  // (criterion id, "Q1 name (lot 1)")
    std::vector<std::pair<std::string, std::string>> bids_;       // (id, bidder) visible to the actor
    core::Phase phase_ = core::Phase::setup;
    std::optional<core::Role> role_;

    wxStaticText* summary_ = nullptr;
    wxListCtrl* panel_ = nullptr;
    wxListCtrl* declarations_ = nullptr;
    wxListCtrl* assignments_ = nullptr;
    wxButton* add_member_ = nullptr;
    wxButton* declare_ = nullptr;
    wxButton* decide_ = nullptr;
    wxButton* assign_ = nullptr;
};

}  // namespace gui
