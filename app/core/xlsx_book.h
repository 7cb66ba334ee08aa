// A thin, safe face on libxlsxwriter for the Excel export: text always written as text, valid
// unique sheet names, shared cell formats, print set-up, and errors as core::OutputError.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_chart;

namespace core::xlsx {

/// Excel's limit on the characters of one cell's text.
inline constexpr std::size_t kMaxCellText = 32767;

/// The cell formats the export uses (one lxw_format each, made once per workbook).
enum class Style {
    plain,
    wrap,      // text wrapped in a wide column
    header,    // bold, shaded, wrapped, bottom border
    title,     // large bold
    note,      // italic grey explanation
    label,     // bold label of a label/value pair
    integer,   // 0
    decimal,   // 0.00
    precise,   // 0.000000 (weights, scores)
    money,     // #,##0.00
    percent,   // 0.00"%" on values already in percent
    yes_no,    // 1 -> Yes, 0 -> No
    indent1,   // criterion names by depth
    indent2,
    indent3,
    mono,      // hashes
    red,       // fills for spread bands (conditional formats)
    amber,
    green,
    input,       // unlocked on a protected sheet: the user's entry (score sheets), centred
    input_wrap,  // the same, text wrapped
};

/// "A", "Z", "AA" ... for a 0-based column.
std::string column_name(std::uint16_t column);
/// "B7" (0-based row and column); absolute parts get "$".
std::string cell(std::uint32_t row, std::uint16_t column, bool absolute_row = false, bool absolute_column = false);
/// "$B$7:$B$20".
std::string range(std::uint32_t first_row, std::uint16_t column, std::uint32_t last_row, std::uint16_t last_column);

/// A name Excel accepts (at most 31 characters, none of []:*?/\, not blank, not starting or
/// ending with an apostrophe) and not already in `taken` (compared case-insensitively, as Excel does).
std::string valid_sheet_name(const std::string& wanted, const std::set<std::string>& taken);

/// Cuts `text` to at most `limit` bytes on a UTF-8 character boundary.
std::string utf8_prefix(const std::string& text, std::size_t limit);

class Book;

/// One worksheet. Row and column numbers are 0-based. In constant-memory mode rows must be
/// written in order, so each writer fills its sheet from top to bottom.
class Sheet {
public:
    const std::string& name() const { return name_; }
    /// The sheet name as formulas on other sheets refer to it: 'Social value'!.
    std::string prefix() const;
    /// A reference from another sheet: 'Price'!$C$5.
    std::string ref(std::uint32_t row, std::uint16_t column) const;
    lxw_worksheet* raw() { return sheet_; }

    /// Always a text cell, never a formula: "=HYPERLINK(...)" from a bidder stays literal.
    /// Longer than Excel allows: cut, with a note saying so (callers that must keep every
    /// character split the text themselves).
    void text(std::uint32_t row, std::uint16_t column, const std::string& value, Style style = Style::plain);
    void number(std::uint32_t row, std::uint16_t column, double value, Style style = Style::decimal);
    /// A live formula with the program's own value cached, so a reader without recalculation
    /// still sees the right number.
    void formula(std::uint32_t row, std::uint16_t column, const std::string& formula, double cached,
                 Style style = Style::decimal);
    /// A live formula whose cached result is text (e.g. "" for a bid out of contention).
    void formula_text(std::uint32_t row, std::uint16_t column, const std::string& formula, const std::string& cached,
                      Style style = Style::plain);
    void blank(std::uint32_t row, std::uint16_t column, Style style);
    /// Header titles across `row` from column 0; freezes the panes below it and left of
    /// `frozen_columns`, and repeats the row on every printed page.
    void header(std::uint32_t row, const std::vector<std::string>& titles, std::uint16_t frozen_columns = 0);
    void autofilter(std::uint32_t first_row, std::uint32_t last_row, std::uint16_t last_column);
    void widths(const std::vector<double>& widths);
    void width(std::uint16_t column, double width, Style style = Style::plain);

private:
    friend class Book;
    Sheet(Book& book, lxw_worksheet* sheet, std::string name) : book_(book), sheet_(sheet), name_(std::move(name)) {}
    void check(int error, std::uint32_t row, std::uint16_t column);

    Book& book_;
    lxw_worksheet* sheet_;
    std::string name_;
};

struct Properties {
    std::string title;
    std::string subject;
    std::string author;
    std::string company;
    std::string keywords;
    std::string comments;
    std::vector<std::pair<std::string, std::string>> custom;  // name, text
};

/// An Excel workbook being written to `path` (a temporary file: see AtomicOutput). Sheets appear
/// in the order they are added; close() writes the file and throws OutputError on failure.
class Book {
public:
    Book(const std::filesystem::path& path, const std::string& header_text);
    ~Book();
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    /// Adds a landscape, fit-to-width sheet with the tender's name in the printed header.
    Sheet& add_sheet(const std::string& wanted_name);
    lxw_format* format(Style style);
    lxw_chart* chart(std::uint8_t type);
    void properties(const Properties& properties);
    void close();

private:
    lxw_workbook* book_ = nullptr;
    std::filesystem::path path_;
    std::string tmpdir_;  // kept alive: libxlsxwriter may hold the pointer
    std::string header_;
    std::set<std::string> names_;
    std::vector<std::unique_ptr<Sheet>> sheets_;
    std::map<Style, lxw_format*> formats_;
};

}  // namespace core::xlsx
