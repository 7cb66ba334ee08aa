// Creating a workbook file that never exists half-made: built under a temporary name, filled by
// one command, then given its name (for `new`, `import` and the GUI's New and Import package).
#pragma once

#include <filesystem>
#include <functional>

#include "app/core/workbook.h"

namespace core {

/// Builds FILE.partial-PID next to `file`, runs `fill` on it (one command), closes it and only
/// then links it to `file`. An existing `file` is never touched (WorkbookError); on any failure
/// the partial file is removed and the exception rethrown.
CommandResult create_workbook_file(const std::filesystem::path& file, const OpenOptions& options,
                                   const std::function<CommandResult(Workbook&)>& fill);

/// Removes a workbook file and its -wal/-shm/-journal companions.
void remove_workbook_file(const std::filesystem::path& path);

}  // namespace core
