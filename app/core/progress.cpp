#include "app/core/progress.h"

namespace core {

Cancelled::Cancelled(const std::string& what)
    : std::runtime_error("cancelled while " + what + "; nothing was changed and no file was written") {}

void progress_step(Progress* progress, const std::string& stage, double fraction) {
    if (progress == nullptr) return;
    progress->report(stage, fraction);
    if (progress->cancelled()) throw Cancelled(stage);
}

}  // namespace core
