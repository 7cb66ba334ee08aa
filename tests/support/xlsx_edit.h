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

}  // namespace testsupport
