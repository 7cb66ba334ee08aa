#include "app/core/xlsx_sheet.h"

#include <algorithm>
#include <charconv>

#include "app/core/xlsx_values.h"
#include "app/core/xml_document.h"

namespace core::xlsx_read {
namespace {

const std::string damaged = "the workbook is damaged: open it in Excel and save it again";

// Every text and CDATA child, joined (a comment would otherwise cut <t> short).
std::string element_text(pugi::xml_node node) {
    std::string out;
    for (const auto piece : node.children())
        if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata) out += piece.value();
    return out;
}

template <typename Number>
std::optional<Number> parse_index(std::string_view text) {
    Number value{};
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

class SheetReader {
public:
    SheetReader(const XmlPart& part, const std::string& sheet, const CellValues& values, const XlsxLimits& limits)
        : part_(part), values_(values), limits_(limits) {
        table_.file = part.file();
        table_.sheet = sheet;
    }
    Table read();

private:
    void read_row(pugi::xml_node row);
    std::size_t cell_column(pugi::xml_node cell, std::size_t row, std::size_t next_column) const;
    TableCell read_cell(pugi::xml_node c, const TableRow& row, std::size_t column) const;
    TableCell number_cell(std::string_view text, pugi::xml_node c, const TableRow& row, std::size_t column) const;
    TableCell text_cell(std::string text, const TableRow& row, std::size_t column) const;
    bool has_date_style(pugi::xml_node c, const TableRow& row, std::size_t column) const;
    void count(const TableRow& row, std::size_t column, const TableCell& cell);

    [[noreturn]] void cell_error(const TableRow& row, std::size_t column, const std::string& message) const {
        throw InputError({table_.problem(row, column, message)});
    }
    [[noreturn]] void sheet_error(pugi::xml_node node, const std::string& message) const {
        throw InputError({{table_.file + ", sheet '" + table_.sheet + "'", 0, 0, part_.where(node) + ": " + message}});
    }

    const XmlPart& part_;
    const CellValues& values_;
    const XlsxLimits& limits_;
    Table table_;
    std::size_t last_row_ = 0;
    std::size_t cells_ = 0;         // cells held, counting the empty ones that fill gaps
    std::uint64_t text_bytes_ = 0;  // shared strings are copied into each cell that uses them
};

Table SheetReader::read() {
    const auto root = part_.root();
    const auto kind = local_name(root.name());
    if (kind != "worksheet")
        sheet_error(root, "this is a " + std::string(kind) + ", not a worksheet, so it has no cells; choose a worksheet");
    for (const auto row : child(root, "sheetData").children())
        if (row.type() == pugi::node_element && local_name(row.name()) == "row") read_row(row);
    return std::move(table_);
}

void SheetReader::read_row(pugi::xml_node row) {
    std::size_t number = last_row_ + 1;
    if (const auto r = row.attribute("r")) {
        const auto parsed = parse_index<std::size_t>(r.value());
        if (!parsed || *parsed == 0 || *parsed > limits_.max_rows)
            sheet_error(row, "row number '" + std::string(r.value()) + "' is not a row from 1 to " +
                                 std::to_string(limits_.max_rows) + "; " + damaged);
        number = *parsed;
    }
    if (number > limits_.max_rows)
        sheet_error(row, "more than " + std::to_string(limits_.max_rows) + " rows; split the sheet");
    if (number <= last_row_)
        sheet_error(row, "row " + std::to_string(number) + " comes after row " + std::to_string(last_row_) +
                             "; rows must be in order: " + damaged);
    last_row_ = number;
    TableRow out{static_cast<int>(number), {}};
    std::size_t next_column = 0;
    for (const auto c : row.children()) {
        if (c.type() != pugi::node_element || local_name(c.name()) != "c") continue;
        const auto column = cell_column(c, number, next_column);
        next_column = column + 1;
        auto cell = read_cell(c, out, column);
        if (cell.type == TableCell::Type::empty) continue;  // trailing empty cells stay absent
        count(out, column, cell);
        out.cells.resize(column + 1);
        out.cells[column] = std::move(cell);
    }
    table_.rows.push_back(std::move(out));
}

// The 0-based column of a cell: its reference, or the one after the previous cell.
std::size_t SheetReader::cell_column(pugi::xml_node c, std::size_t row, std::size_t next_column) const {
    std::size_t column = next_column;
    if (const auto r = c.attribute("r")) {
        const auto ref = parse_cell_reference(r.value());
        if (!ref)
            sheet_error(c, "'" + std::string(r.value()) +
                               "' is not a cell reference (columns A to XFD, rows 1 to 1048576); " + damaged);
        if (ref->row != row)
            sheet_error(c, "cell " + std::string(r.value()) + " is inside row " + std::to_string(row) + "; " + damaged);
        if (ref->column < next_column)
            sheet_error(c, "cell " + std::string(r.value()) + " comes after column " + column_letters(next_column - 1) +
                               "; cells must be in order: " + damaged);
        column = ref->column;
    }
    if (column >= limits_.max_columns)
        sheet_error(c, "a cell beyond column " + column_letters(limits_.max_columns - 1) + " in row " +
                           std::to_string(row) + "; remove the columns past it");
    return column;
}

void SheetReader::count(const TableRow& row, std::size_t column, const TableCell& cell) {
    cells_ += column + 1 - std::min(column + 1, row.cells.size());
    text_bytes_ += cell.text.size();
    if (cells_ > limits_.max_cells)
        cell_error(row, column, "the sheet holds more than " + std::to_string(limits_.max_cells) +
                                    " cells (counting empty ones before the last filled cell of each row); "
                                    "split it into smaller sheets");
    if (text_bytes_ > limits_.max_text_bytes)
        cell_error(row, column, "the sheet's text adds up to more than " + size_text(limits_.max_text_bytes) +
                                    "; split it into smaller sheets");
}

TableCell SheetReader::read_cell(pugi::xml_node c, const TableRow& row, std::size_t column) const {
    const std::string_view type = c.attribute("t").value();
    if (type == "inlineStr") return text_cell(string_item_text(child(c, "is")), row, column);
    const auto v_node = child(c, "v");
    const auto v = element_text(v_node);
    if (v.empty()) return {};  // no value, or a formula never calculated
    if (type.empty() || type == "n") return number_cell(v, c, row, column);
    if (type == "s") {
        const auto index = parse_index<std::size_t>(v);
        if (!index || *index >= values_.shared_strings.size())
            cell_error(row, column, "shared string " + v + " does not exist (the workbook has " +
                                        std::to_string(values_.shared_strings.size()) + "); " + damaged);
        return text_cell(values_.shared_strings[*index], row, column);
    }
    if (type == "str") return text_cell(decode_escapes(v), row, column);
    if (type == "b") {
        if (v != "0" && v != "1") cell_error(row, column, "'" + v + "' is not a boolean (0 or 1); " + damaged);
        return {TableCell::Type::boolean, v == "1" ? "TRUE" : "FALSE", v == "1" ? 1.0 : 0.0};
    }
    if (type == "e") return {TableCell::Type::error, decode_escapes(v), 0};
    if (type == "d") {
        const auto serial = iso_to_serial(v);
        if (!serial)
            cell_error(row, column, "'" + v + "' is not an ISO 8601 date from 1900 to 9999; " + damaged);
        return {TableCell::Type::date, serial_to_iso(*serial).value_or(v), *serial};
    }
    cell_error(row, column, "unknown cell type '" + std::string(type) + "'; " + damaged);
}

TableCell SheetReader::number_cell(std::string_view text, pugi::xml_node c, const TableRow& row,
                                   std::size_t column) const {
    const auto value = parse_number(text);
    if (!value) cell_error(row, column, "'" + std::string(text) + "' is not a number; " + damaged);
    if (!has_date_style(c, row, column)) return {TableCell::Type::number, number_text(*value), *value};
    // Below 1 is a time of day in either date system; it stays a fraction of a day.
    const bool time_only = *value >= 0 && *value < 1;
    const double serial = *value + (values_.date1904 && !time_only ? date1904_offset : 0);
    const auto iso = serial_to_iso(serial);
    if (!iso)
        cell_error(row, column, "the cell is formatted as a date but holds " + number_text(*value) +
                                    ", which is not a date from 1900 to 9999; correct it, or format the cell "
                                    "as a number");
    return {TableCell::Type::date, *iso, serial};
}

TableCell SheetReader::text_cell(std::string text, const TableRow& row, std::size_t column) const {
    if (text.empty()) return {};
    if (const auto length = utf8_length(text); length > limits_.max_cell_chars)
        cell_error(row, column, "the cell holds " + std::to_string(length) + " characters, over the limit of " +
                                    std::to_string(limits_.max_cell_chars) + "; shorten it");
    return {TableCell::Type::text, std::move(text), 0};
}

bool SheetReader::has_date_style(pugi::xml_node c, const TableRow& row, std::size_t column) const {
    const auto s = c.attribute("s");
    if (!s || !values_.has_styles) return false;
    const auto index = parse_index<std::size_t>(s.value());
    if (index && *index < values_.date_styles.size()) return values_.date_styles[*index];
    if (index && *index == 0) return false;  // the default style, even when styles.xml lists none
    cell_error(row, column, "style " + std::string(s.value()) + " does not exist in the workbook's styles; " + damaged);
}

}  // namespace

XmlPart::XmlPart(std::string file, std::string part, std::string text)
    : file_(std::move(file)), part_(std::move(part)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    if (const auto bad = invalid_utf8_at(text_); bad != std::string::npos)
        throw InputError({{file_, 0, 0, at_offset(static_cast<std::ptrdiff_t>(bad)) + ": not UTF-8 text; " + damaged}});
    // In place: the text is kept anyway, for the positions in messages.
    const auto result = doc_.load_buffer_inplace(text_.data(), text_.size(),
                                                 pugi::parse_default | pugi::parse_ws_pcdata_single,
                                                 pugi::encoding_utf8);
    if (!result)
        throw InputError({{file_, 0, 0,
                           at_offset(result.offset) + ": malformed XML (" + result.description() + "); " + damaged}});
    if (!doc_.document_element()) throw InputError({{file_, 0, 0, "part " + part_ + " is empty; " + damaged}});
}

std::string XmlPart::at_offset(std::ptrdiff_t offset) const {
    if (offset < 0) return "part " + part_;
    const auto at = static_cast<std::size_t>(offset);
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - line_starts_.begin();
    return "part " + part_ + ", line " + std::to_string(line) + ", column " +
           std::to_string(at - line_starts_[static_cast<std::size_t>(line - 1)] + 1);
}

std::string XmlPart::where(pugi::xml_node node) const { return at_offset(node.offset_debug()); }

InputError XmlPart::error(pugi::xml_node node, const std::string& message) const {
    return InputError({{file_, 0, 0, where(node) + ": " + message}});
}

std::string_view local_name(const char* qualified) {
    const std::string_view name(qualified);
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (const auto c : node.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
    for (const auto a : node.attributes())
        if (local_name(a.name()) == name) return a;
    return {};
}

std::string string_item_text(pugi::xml_node item) {
    std::string out;
    for (const auto part : item.children()) {
        if (part.type() != pugi::node_element) continue;
        const auto name = local_name(part.name());
        if (name == "t") out += decode_escapes(element_text(part));
        else if (name == "r") out += decode_escapes(element_text(child(part, "t")));
    }
    return out;
}

Table read_worksheet(const XmlPart& part, const std::string& sheet, const CellValues& values,
                     const XlsxLimits& limits) {
    return SheetReader(part, sheet, values, limits).read();
}

}  // namespace core::xlsx_read
