// Plain-text tables for the command line's reports: UTF-8 aware widths, cut and padded columns.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace core {

/// Display width in characters (UTF-8 lead bytes), so names with accents line up.
std::size_t display_width(const std::string& text);
/// `text` cut to `width` characters, the last replaced by "~" when cut; never inside a character.
std::string cut_to_width(const std::string& text, std::size_t width);
/// Rows (the first is the header) with every column padded to its widest cell, two spaces
/// between columns, `indent` before each line and no trailing spaces; `right(column)` aligns a
/// column's cells to the right (numbers).
std::string text_table(const std::vector<std::vector<std::string>>& rows,
                       const std::function<bool(std::size_t column)>& right, const std::string& indent = "");

}  // namespace core
