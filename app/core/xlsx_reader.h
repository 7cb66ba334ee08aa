// Reads cell values from .xlsx workbooks (Office Open XML spreadsheets) with minizip and pugixml:
// shared and inline strings, numbers, booleans, dates, errors and cached formula results.
// Refuses what is not a workbook, or is too big to be one we should open, with a clear message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/core/table.h"

namespace core {

struct XlsxLimits {
    std::uint64_t max_file_bytes = std::uint64_t{256} << 20;       // the .xlsx itself
    std::uint64_t max_part_bytes = std::uint64_t{128} << 20;       // one part once expanded (pugixml needs ~10x)
    std::uint64_t max_expanded_bytes = std::uint64_t{512} << 20;   // every part read, expanded
    std::uint64_t max_ratio = 200;        // expanded / compressed, per part larger than 1 MB
    std::size_t max_cell_chars = 32767;   // Excel's own limit
    std::size_t max_rows = 1048576;       // Excel's own limits
    std::size_t max_columns = 16384;
    /// Per sheet, counting the empty cells before the last filled cell of each row (Table holds
    /// them), and the number of shared strings: ~50 bytes each, whatever the file's size.
    std::size_t max_cells = 10'000'000;
    /// Per sheet: a shared string is copied into every cell that uses it, so text can outgrow the file.
    std::uint64_t max_text_bytes = std::uint64_t{256} << 20;
};

/// One opened workbook. Throws InputError (source_error.h) naming the file and, for cell
/// problems, the sheet and cell, for: not a zip (or truncated), not a workbook (no
/// xl/workbook.xml), a part over a limit or with a suspicious expansion ratio, malformed XML,
/// an unknown sheet, a bad cell reference, a cell over the size limit, text not UTF-8.
class XlsxWorkbook {
public:
    /// Opens `path` (its name as given is used in messages).
    explicit XlsxWorkbook(const std::filesystem::path& path, const XlsxLimits& limits = {});
    /// Opens a workbook held in memory, named `name` in messages (tests, fuzzing).
    XlsxWorkbook(const std::string& name, std::string bytes, const XlsxLimits& limits = {});
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    /// Sheet names in workbook order, with their state.
    struct SheetInfo {
        std::string name;
        bool hidden = false;  // "hidden" or "veryHidden"
    };
    const std::vector<SheetInfo>& sheets() const;
    bool has_sheet(const std::string& name) const;

    /// The cells of a sheet by name (exact, then case-insensitive), or of the first sheet when
    /// `name` is empty. Cell values: see TableCell. Dates are cells whose number format is a
    /// date or time format (built-in ids 14-22, 45-47, or a custom format with d, m, y, h or s
    /// outside quotes and brackets). A formula cell gives its cached result. The sheet's part is
    /// read afresh on each call, through one zip reader: do not call it from two threads at once.
    Table sheet(const std::string& name = "") const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace core
