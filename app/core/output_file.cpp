#include "app/core/output_file.h"

#include <unistd.h>

#include <system_error>

namespace fs = std::filesystem;

namespace core {

AtomicOutput::AtomicOutput(fs::path target) : target_(std::move(target)) {
    if (target_.empty()) throw OutputError("no output file given; name the file to write with -o");
    fs::path folder = target_.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw OutputError("cannot write " + target_.string() + ": folder " + folder.string() +
                          " does not exist; create it or choose another path");
    if (fs::is_directory(target_, error))
        throw OutputError("cannot write " + target_.string() + ": it is a folder; give a file name");
    if (::access(folder.c_str(), W_OK) != 0)
        throw OutputError("cannot write " + target_.string() + ": folder " + folder.string() +
                          " is not writable; choose another folder or fix its permissions");
    // Same folder, so the final rename is atomic; the PID keeps two writers apart.
    temporary_ = folder / ("." + target_.filename().string() + ".partial-" + std::to_string(::getpid()));
}

AtomicOutput::~AtomicOutput() {
    if (committed_) return;
    std::error_code ignored;
    fs::remove(temporary_, ignored);
}

void AtomicOutput::commit() {
    std::error_code error;
    fs::rename(temporary_, target_, error);
    if (error)
        throw OutputError("cannot move the finished file to " + target_.string() + ": " + error.message() +
                          "; nothing was written there");
    committed_ = true;
}

}  // namespace core
