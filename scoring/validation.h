// Framework validation: every problem at once, each naming the criterion and saying what to do.
#pragma once

#include <string>
#include <vector>

#include "scoring/framework.h"

namespace scoring {

enum class Severity { error, warning };

struct Issue {
    Severity severity = Severity::error;
    std::string subject;  // "lot 1, criterion Q3", "scale s0-4" ...
    SourceLine where;     // 0 when unknown
    std::string message;  // what is wrong
    std::string fix;      // what to do

    std::string text() const;  // "subject: message; fix"
};

std::vector<Issue> validate(const Framework& framework);

bool has_errors(const std::vector<Issue>& issues);

}  // namespace scoring
