// Reads CSV files (RFC 4180, via libcsv) into a Table: quoted fields, embedded commas, quotes and
// newlines; UTF-8 with or without a byte-order mark. Anything else is refused with its place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "app/core/table.h"

namespace core {

struct CsvLimits {
    std::size_t max_file_bytes = std::size_t{256} << 20;  // 256 MB
    std::size_t max_cell_bytes = 32767 * 4;               // an Excel cell's 32,767 characters in UTF-8
    std::size_t max_columns = 16384;                       // Excel's XFD
    std::size_t max_cells = 10'000'000;  // a file of bare commas would otherwise cost ~48 bytes a byte
};

/// Reads `path`. Every cell is Type::text (or Type::empty when the field is empty); line
/// numbers are physical lines, so a record with an embedded newline spans several. Throws
/// InputError (source_error.h) naming file, line and column for: an unreadable file, a file
/// over the size limit, UTF-16/UTF-32 (by byte-order mark or NUL bytes: "save as CSV UTF-8"),
/// invalid UTF-8 (the byte and a hint when it looks like Windows-1252), a quote opened and
/// never closed, text after a closing quote, a cell over the limit, too many columns or cells.
Table read_csv(const std::filesystem::path& path, const CsvLimits& limits = {});

/// The same from bytes already in memory, named `name` in messages (tests, fuzzing).
Table read_csv_text(const std::string& name, const std::string& bytes, const CsvLimits& limits = {});

}  // namespace core
