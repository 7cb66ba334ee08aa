#include "app/gui/assign_dialog.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/errors.h"

namespace gui {

namespace {

wxChoice* choice_of(wxWindow* parent, const AssignDialog::Options& options, const char* name) {
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxSize(380, -1));
    choice->SetName(name);
    for (const auto& [id, text] : options) choice->Append(wx(text));
    return choice;
}

std::string chosen(const wxChoice* choice, const AssignDialog::Options& options) {
    const int i = choice->GetSelection();
    return i == wxNOT_FOUND ? std::string() : options[static_cast<std::size_t>(i)].first;
}

}  // namespace

AssignDialog::AssignDialog(wxWindow* parent, Options members, Options questions, Options bids,
                           const std::string& member)
    : CommandDialog(parent, "Assign question", "assign_dialog"),
      members_(std::move(members)),
      questions_(std::move(questions)),
      bids_(std::move(bids)) {
    bids_.insert(bids_.begin(), {"*", "every bid"});
    auto* body = new wxBoxSizer(wxVERTICAL);
    body->Add(explanation(this, "Panel members score only the questions assigned to them. Assign a question for "
                                "every bid, or for one bid (for example to cover a conflicted colleague)."),
              0, wxBOTTOM, 10);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    member_ = choice_of(this, members_, "assign_evaluator");
    for (std::size_t i = 0; i < members_.size(); ++i)
        if (members_[i].first == member) member_->SetSelection(static_cast<int>(i));
    if (member_->GetSelection() == wxNOT_FOUND && !members_.empty()) member_->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Member:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(member_, 1, wxEXPAND);
    question_ = choice_of(this, questions_, "assign_criterion");
    if (!questions_.empty()) question_->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, "&Question:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(question_, 1, wxEXPAND);
    bid_ = choice_of(this, bids_, "assign_bid");
    bid_->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, "&For:"), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(bid_, 1, wxEXPAND);
    body->Add(grid, 1, wxEXPAND);
    finish(body, "&Assign");
    member_->SetFocus();
}

std::string AssignDialog::evaluator() const { return chosen(member_, members_); }
std::string AssignDialog::criterion() const { return chosen(question_, questions_); }
std::string AssignDialog::bid() const { return chosen(bid_, bids_); }

}  // namespace gui
