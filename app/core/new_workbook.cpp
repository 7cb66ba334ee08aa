#include "app/core/new_workbook.h"

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>

#include <unistd.h>

namespace core {

namespace fs = std::filesystem;

namespace {

// Moves the finished workbook to its name; link(2) refuses to replace a file that appeared
// in the meantime.
void publish(const fs::path& partial, const fs::path& file) {
    std::error_code error;
    if (fs::exists(partial.string() + "-wal", error) && fs::file_size(partial.string() + "-wal", error) > 0)
        throw WorkbookError(file.string() +
                            ": the new workbook could not be completed (its journal was not "
                            "written back); nothing was created");
    if (::link(partial.c_str(), file.c_str()) != 0) {
        const int code = errno;
        if (code == EEXIST)
            throw WorkbookError(file.string() + ": a file of that name already exists; choose another name or delete it");
        if (fs::exists(file, error)) throw WorkbookError(file.string() + ": cannot create it: " + std::strerror(code));
        fs::rename(partial, file);  // a file system without hard links
    }
    remove_workbook_file(partial);
}

}  // namespace

void remove_workbook_file(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ignored);
}

// The program may be killed at any point: that can leave FILE.partial-PID behind (safe to
// delete), never a half-made FILE.
CommandResult create_workbook_file(const fs::path& file, const OpenOptions& options,
                                   const std::function<CommandResult(Workbook&)>& fill) {
    const fs::path partial = file.string() + ".partial-" + std::to_string(::getpid());
    if (fs::exists(file))
        throw WorkbookError(file.string() + ": a file of that name already exists; choose another name or delete it");
    remove_workbook_file(partial);
    std::optional<Workbook> wb;
    try {
        wb.emplace(Workbook::create(partial, options));
        const auto result = fill(*wb);
        wb.reset();  // closing writes the journal back into the file
        publish(partial, file);
        return result;
    } catch (...) {
        wb.reset();
        remove_workbook_file(partial);
        throw;
    }
}

}  // namespace core
