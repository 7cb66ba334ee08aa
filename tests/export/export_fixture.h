// Export tests: a sample tender imported into a scratch workbook and opened at price evaluation.
#pragma once

#include <string>

#include "integration/workbook_fixture.h"
#include "support/office.h"
#include "support/xlsx_edit.h"

namespace tbtest {

/// `sample` (a folder under sample_tenders/, or any package folder) imported as officer OFF and
/// moved on to price_evaluation, ready to export.
inline void open_prices(const ScratchWorkbook& wb, const fs::path& package) {
    auto r = tenderbench("import " + quote(package.string()) + " " + quote(wb.file().string()) +
                         " --as OFF --name 'Olu Officer'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    wb.ok("phase", "--as OFF price_evaluation");
}

/// The sheet called `name`, or fails the test.
inline const testsupport::CalcSheet& sheet_named(const std::vector<testsupport::CalcSheet>& sheets,
                                                const std::string& name) {
    for (const auto& s : sheets)
        if (s.name == name) return s;
    FAIL("no sheet " << name);
    throw;  // unreachable
}

/// The column whose header cell (in the first row where `title` appears in column 0) is `title`.
inline std::size_t column_of(const testsupport::CalcSheet& sheet, std::size_t header_row, const std::string& title) {
    const auto& row = sheet.rows.at(header_row);
    for (std::size_t c = 0; c < row.size(); ++c)
        if (row[c] == title) return c;
    FAIL("no column " << title << " in " << sheet.name);
    return 0;
}

}  // namespace tbtest
