// Checks shared by the workbook commands and reads; each refuses with the rule's name.
#pragma once

#include <initializer_list>
#include <string>

#include "app/core/package.h"
#include "app/core/workbook.h"
#include "app/core/workbook_state.h"

namespace core::rules {

/// The actor as a recorded member of the panel.
Evaluator actor(TenderState& state, const std::string& id);
void role(const Evaluator& actor, std::initializer_list<Role> allowed, const std::string& what);
void phase(TenderState& state, std::initializer_list<Phase> allowed, const std::string& what);
/// Non-empty (not only spaces) and valid UTF-8.
void text(const std::string& value, const std::string& what, const std::string& rule);
/// Valid UTF-8, possibly empty.
void utf8(const std::string& value, const std::string& what);
void id_syntax(const std::string& value, const std::string& what);
BidRecord bid(TenderState& state, const std::string& id);
/// Declared before seeing bids, and not kept from this bid by a conflict of interest.
void may_see_bid(TenderState& state, const Evaluator& actor, const std::string& bid);
/// The bid is still in contention after compliance (no failed gate, no exclusion).
void in_contention(TenderState& state, const BidRecord& bid);
/// The criterion is a scored question of the bid's lot.
const scoring::Criterion& question(TenderState& state, const BidRecord& bid, const std::string& criterion);
const scoring::Lot& lot(TenderState& state, const std::string& id);
const scoring::Scale& scale_of(TenderState& state, const scoring::Criterion& question);
/// What an individual score or abstention by `who` must satisfy (role, phase, declaration and
/// conflicts, contention, assignment, the lock after moderation); returns the bid's question.
/// Shared by score, abstain and the score-sheet import so all three apply the same rules.
const scoring::Criterion& individual(TenderState& state, const Evaluator& who, const BidRecord& bid,
                                     const std::string& criterion);

/// Once bids are opened the framework is frozen: a later change needs a recorded reason. Puts
/// the frozen flag in `c` unless already set.
void freeze_framework(Command& c, TenderState& state);

/// Puts the bid's price schedule lines (entity price_line), numbered in their order.
void put_price_lines(Command& c, const PackageBid& bid);

/// Why the bid is out of contention at compliance, or "" when it is in.
std::string compliance_exclusion(TenderState& state, const BidRecord& bid);

}  // namespace core::rules
