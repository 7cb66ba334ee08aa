// Writing an output file safely: build it under a temporary name in the target folder, rename it
// into place only when it is complete, and leave nothing behind on failure.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace core {

/// An output file could not be written; nothing was left at the target path.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The temporary file for one output. Write to `temporary()`, then `commit()`; if commit is never
/// reached (an exception, a failure) the destructor removes the temporary file.
class AtomicOutput {
public:
    /// Checks that the target's folder exists and is writable, and that the target is not a folder;
    /// throws OutputError saying which and what to do.
    explicit AtomicOutput(std::filesystem::path target);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& temporary() const { return temporary_; }
    const std::filesystem::path& target() const { return target_; }
    /// Renames the temporary file to the target (replacing an older one). Throws OutputError.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

}  // namespace core
