#include "app/core/source_error.h"

namespace core {

std::string Diagnostic::text() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
    }
    return out + ": " + message;
}

namespace {
std::string join(const std::vector<Diagnostic>& list) {
    std::string out;
    for (const auto& d : list) out += (out.empty() ? "" : "\n") + d.text();
    return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace core
