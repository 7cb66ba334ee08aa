#include "app/core/table.h"

namespace core {

const TableCell& TableRow::at(std::size_t column) const {
    static const TableCell empty;
    return column < cells.size() ? cells[column] : empty;
}

std::string column_letters(std::size_t column) {
    std::string name;
    std::size_t n = column + 1;
    while (n > 0) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return name;
}

std::string Table::where(const TableRow& row, std::size_t column, const std::string& header) const {
    std::string out = file;
    if (sheet.empty())
        out += ", line " + std::to_string(row.line) + ", column " + std::to_string(column + 1);
    else
        out += ", sheet '" + sheet + "', cell " + column_letters(column) + std::to_string(row.line);
    if (!header.empty()) out += " (" + header + ")";
    return out;
}

Diagnostic Table::problem(const TableRow& row, std::size_t column, std::string message) const {
    if (sheet.empty()) return {file, row.line, static_cast<int>(column + 1), std::move(message)};
    return {file + ", sheet '" + sheet + "', cell " + column_letters(column) + std::to_string(row.line), 0, 0,
            std::move(message)};
}

}  // namespace core
