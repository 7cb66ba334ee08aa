// Changing the shape of a framework's criteria tree on screen: adding a question or a sub-group
// and removing a criterion. Only the model changes; scoring::validate says what still needs doing
// (a new criterion's weight starts at 0, so its group no longer sums to 100 until the weights are
// shared out) and core::change_framework stores the result with its audit record.
#pragma once

#include <stdexcept>
#include <string>

#include "scoring/framework.h"

namespace core {

/// An edit that cannot be made where asked: says why and what to do instead.
class FrameworkEditError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Adds a question to lot `lot`: the last child of `at` when `at` is a quality or social-value
/// group (top-level or sub-group), or the next sibling of `at` when `at` is a question. Its id
/// follows its siblings' (Q5 after Q4, SV3 after SV2; Q1 in a group without questions) and is new
/// in the lot; its name is "New question", its weight 0 and its scale that of the question before
/// it (or the lot's first question, or the framework's first scale). Returns the new id.
std::string add_question(scoring::Framework& fw, const std::string& lot, const std::string& at);

/// Adds an empty sub-group (weight 0, named "New group", id G1, G2 ... new in the lot) where
/// add_question would add a question. Returns the new id.
std::string add_group(scoring::Framework& fw, const std::string& lot, const std::string& at);

/// Why `id` cannot be a criterion's id (the framework reader's rule), or "" when it can.
std::string criterion_id_problem(const std::string& id);

/// Removes criterion `id` of lot `lot` with everything under it (a top-level group too: a
/// fixed-price tender has no price group; validation then asks for the weights to sum to 100).
void remove_criterion(scoring::Framework& fw, const std::string& lot, const std::string& id);

}  // namespace core
