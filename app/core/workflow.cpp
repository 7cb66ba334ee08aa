#include "app/core/workflow.h"

#include <array>

namespace core {

namespace {
constexpr std::array<const char*, 7> names{"setup",           "compliance", "individual_evaluation", "moderation",
                                           "price_evaluation", "award",      "debrief"};
}

std::string to_string(Phase phase) { return names[static_cast<std::size_t>(phase)]; }

std::optional<Phase> phase_from_string(const std::string& text) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (text == names[i]) return static_cast<Phase>(i);
    return std::nullopt;
}

std::string phase_names() {
    std::string out;
    for (const auto* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

}  // namespace core
