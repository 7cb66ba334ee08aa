// `verify`: recompute the audit chain and check that the workbook's state is what the trail says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/progress.h"
#include "app/core/workbook.h"

namespace core {

struct VerifyReport {
    bool ok = true;
    std::int64_t records = 0;   // audit records checked
    std::int64_t entities = 0;  // entities compared
    std::string head_hash;      // hash of the last record
    std::optional<std::int64_t> first_bad_record;  // seq of the first record that fails
    std::vector<std::string> problems;  // each names the record or entity and what is wrong
};

/// Checks, in order: the SQLite file's integrity; every record's sequence, previous hash and
/// own hash; that each record's "before" matches the trail so far; that the append-only
/// triggers are in place; and that every entity in the tables equals the trail's last "after"
/// for it (nothing changed, added or removed behind the program's back).
/// Reads one moment of the file: in a read transaction of its own unless the caller holds one,
/// so a command committed meanwhile by another program cannot make a sound file look tampered.
/// Reports to `progress` and stops with Cancelled when asked (it changes nothing, so stopping
/// anywhere is safe).
VerifyReport verify(Workbook& wb, Progress* progress = nullptr);

}  // namespace core
