// Assigns a question to a panel member for every bid or one bid (core::assign).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/gui/command_dialog.h"

class wxChoice;

namespace gui {

class AssignDialog : public CommandDialog {
public:
    using Options = std::vector<std::pair<std::string, std::string>>;  // (id, what to show)
    /// `members`, `questions`, `bids`: what may be chosen; `member`: the one to start on.
    AssignDialog(wxWindow* parent, Options members, Options questions, Options bids, const std::string& member);

    std::string evaluator() const;
    std::string criterion() const;
    /// The bid, or "*" for every bid.
    std::string bid() const;

private:
    Options members_, questions_, bids_;
    wxChoice* member_ = nullptr;
    wxChoice* question_ = nullptr;
    wxChoice* bid_ = nullptr;
};

}  // namespace gui
