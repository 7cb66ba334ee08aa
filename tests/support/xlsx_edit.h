// Editing a cell of an .xlsx file the way an auditor would in Excel, for tests that recalculate
// the edited workbook: unzip with minizip, change the cell's value with pugixml, zip again.
#pragma once

#include <filesystem>
#include <string>

namespace testsupport {

/// Sets the number in cell `cell` ("E5") of the `sheet_index`-th worksheet (1-based, tab order;
/// libxlsxwriter names the parts xl/worksheets/sheetN.xml in that order). The cached values of
/// formulas are left stale, as Excel leaves them until it recalculates. Throws std::runtime_error.
void set_cell_number(const std::filesystem::path& xlsx, int sheet_index, const std::string& cell, double value);

/// The 1-based tab position of the sheet called `name` (the N of its xl/worksheets/sheetN.xml
/// part in files libxlsxwriter wrote). Throws std::runtime_error when there is no such sheet.
int sheet_index(const std::filesystem::path& xlsx, const std::string& name);

/// Sets cell `cell` of the sheet called `sheet` to the text `text` (an inline string), as if
/// typed in; the cell must exist in the sheet's XML (written, even if blank). Empty `text`
/// clears the cell's value and keeps its format. Throws std::runtime_error.
void set_cell_text(const std::filesystem::path& xlsx, const std::string& sheet, const std::string& cell,
                   const std::string& text);

/// The text of one part of the package, e.g. "xl/workbook.xml". Throws std::runtime_error.
std::string read_part(const std::filesystem::path& xlsx, const std::string& part);

}  // namespace testsupport
