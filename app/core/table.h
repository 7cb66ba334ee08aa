// A grid of cells read from a CSV file or an XLSX sheet, each cell knowing where it came from,
// so the bid and score-sheet importers report "file, row, column" (or "sheet, cell") exactly.
#pragma once

#include <string>
#include <vector>

#include "app/core/source_error.h"

namespace core {

struct TableCell {
    enum class Type { empty, text, number, boolean, date, error };
    Type type = Type::empty;
    /// The value as text: text as written; numbers in the shortest form that reads back to the
    /// same double ("412500", "0.1"); dates as ISO 8601 ("2026-04-20" or "2026-04-20T12:00:00");
    /// booleans "TRUE"/"FALSE"; errors as Excel shows them ("#N/A").
    std::string text;
    /// Numbers; booleans as 0/1; dates as the Excel serial day number.
    double number = 0;
};

struct TableRow {
    /// CSV: the physical line (1-based) where the record starts. XLSX: the sheet's row number.
    int line = 0;
    /// Column 0 is the first column (A). Trailing empty cells may be absent.
    std::vector<TableCell> cells;

    /// The cell in `column`, or an empty cell when the row is shorter.
    const TableCell& at(std::size_t column) const;
};

struct Table {
    std::string file;   // the file's name as the user gave it
    std::string sheet;  // the sheet's name (XLSX); empty for CSV
    /// Rows in file order. CSV: every record, including blank ones. XLSX: the rows present in
    /// the sheet (a sheet may skip empty rows; `line` keeps the real row number).
    std::vector<TableRow> rows;

    /// Where a cell is, for messages: "bids.csv, line 12, column 3 (price)" style for CSV,
    /// "bids.xlsx, sheet 'Bids', cell C12" for XLSX. `header` is added in brackets when given.
    std::string where(const TableRow& row, std::size_t column, const std::string& header = "") const;
    /// A problem at a cell: CSV as file:line:column, XLSX as "file, sheet 'S', cell C12".
    Diagnostic problem(const TableRow& row, std::size_t column, std::string message) const;
};

/// "A", "B", ..., "Z", "AA" ... for a 0-based column (any size_t; xlsx::column_name is 16-bit).
std::string column_letters(std::size_t column);

}  // namespace core
