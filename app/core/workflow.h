// The evaluation's phases and the refusals of workflow rules (domain.md section 2).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace core {

enum class Phase { setup, compliance, individual_evaluation, moderation, price_evaluation, award, debrief };

std::string to_string(Phase phase);
std::optional<Phase> phase_from_string(const std::string& text);
/// "setup, compliance, ..." for messages.
std::string phase_names();

/// A command or read refused by a workflow rule; nothing was changed. `rule` names the rule
/// (e.g. "blind-scoring", "phase"), what() says what was refused and what to do instead.
class Refused : public std::runtime_error {
public:
    Refused(std::string rule, const std::string& message) : std::runtime_error(message), rule_(std::move(rule)) {}
    const std::string& rule() const { return rule_; }

private:
    std::string rule_;
};

/// The workbook file cannot be used: not a workbook, from a newer version, in use, damaged.
class WorkbookError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace core
