// Long work (import, export) reports how far it has got and stops when asked: the GUI shows a
// progress dialog with Cancel; the CLI and tests pass nothing and the calls cost nothing.
#pragma once

#include <stdexcept>
#include <string>

namespace core {

class Progress {
public:
    virtual ~Progress() = default;
    /// `stage` says what is being done in the user's words; `fraction` is 0 to 1.
    virtual void report(const std::string& stage, double fraction) = 0;
    /// True once the user asked to stop.
    virtual bool cancelled() const = 0;
};

/// The user cancelled: the work stopped before anything was changed or any file was written.
class Cancelled : public std::runtime_error {
public:
    explicit Cancelled(const std::string& what);
};

/// Reports `stage` to `progress` (if any), then throws Cancelled if the user has asked to stop.
/// Call it only where stopping leaves nothing behind (before a commit, before a file's rename).
void progress_step(Progress* progress, const std::string& stage, double fraction);

}  // namespace core
