// Opening files in LibreOffice headless for tests: Calc's view of an .xlsx, recalculated or cached.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace testsupport {

/// One sheet as Calc printed it to CSV: numbers unformatted with 15 significant digits (dates
/// keep their date format), text as is, error values as Calc spells them ("#DIV/0!").
/// Calc writes the used area as a rectangle, so every row has the same number of cells; an
/// empty sheet comes back as one row holding one empty cell.
struct CalcSheet {
    std::string name;
    std::vector<std::vector<std::string>> rows;
};

/// always: Calc recalculates every formula on load (what Excel users see after F9).
/// never: Calc shows the values cached in the file (what our exporter wrote).
enum class Recalc { always, never };

/// Converts with LibreOffice headless in a throw-away profile; sheets in workbook order.
/// Throws std::runtime_error carrying soffice's output when it fails or writes nothing,
/// and when it runs longer than 180 s (it is then killed).
std::vector<CalcSheet> calc_sheets(const std::filesystem::path& xlsx, Recalc mode);

/// A cell whose cached value Calc does not reproduce. A cell that exists on one side only
/// (or a whole sheet) has "<absent>" on the other side.
struct CellDifference {
    std::string sheet;
    std::string cell;  ///< "B1"; empty when a whole sheet is missing
    std::string cached;
    std::string recalculated;
};

/// Every cell whose recalculated value differs from its cached one: numbers by more than
/// tolerance * max(1, |cached|), text exactly; a cell present in one and not the other counts.
/// A cell is a number when all of it parses as a finite double.
/// Runs the two conversions side by side, so it costs about one calc_sheets call.
std::vector<CellDifference> recalculation_differences(const std::filesystem::path& xlsx,
                                                      double tolerance = 1e-9);

/// 0-based row and column -> "A1", "AA10".
std::string cell_name(std::size_t row, std::size_t column);

/// Converts any file LibreOffice opens (e.g. .docx) to another format ("txt:Text", "pdf", "csv")
/// in out_dir (created if missing); returns the output path, <input stem>.<filter up to ':'>.
/// Writer filters such as "txt:Text" do not apply to spreadsheets: use "csv" for those (first
/// sheet only). Throws std::runtime_error carrying soffice's output when nothing is written.
std::filesystem::path office_convert(const std::filesystem::path& input, const std::string& filter,
                                     const std::filesystem::path& out_dir);

}  // namespace testsupport
