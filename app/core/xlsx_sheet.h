// The XML parts of an .xlsx workbook, parsed with their positions kept for messages, and the
// reading of one worksheet part into a Table (used by xlsx_reader.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "app/core/table.h"
#include "app/core/xlsx_reader.h"

namespace core::xlsx_read {

/// One part parsed in place. Elements are matched by local name: writers differ in prefixes
/// (<x:row> and <row> are the same element).
class XmlPart {
public:
    /// Parses `text`, part `part` of workbook `file`. Throws InputError naming both, with the
    /// line and column, when the text is not UTF-8 or not well-formed XML.
    XmlPart(std::string file, std::string part, std::string text);
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    pugi::xml_node root() const { return doc_.document_element(); }
    const std::string& file() const { return file_; }
    const std::string& part() const { return part_; }
    /// "part xl/worksheets/sheet1.xml, line 2, column 318"
    std::string where(pugi::xml_node node) const;
    /// A problem in this part that is not tied to one cell, as an InputError to throw.
    [[nodiscard]] InputError error(pugi::xml_node node, const std::string& message) const;

private:
    std::string at_offset(std::ptrdiff_t offset) const;

    std::string file_;
    std::string part_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
    pugi::xml_document doc_;
};

/// "row" for "x:row".
std::string_view local_name(const char* qualified);
/// The first child element with local name `name`, or an empty node.
pugi::xml_node child(pugi::xml_node node, std::string_view name);
/// The attribute with local name `name` (for prefixed ones such as r:id), or an empty attribute.
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name);
/// The text of a string item (<si> or <is>): its <t>, or the <t> of each rich-text run <r>;
/// phonetic runs <rPh> are left out; _xHHHH_ escapes decoded.
std::string string_item_text(pugi::xml_node item);

/// What the workbook's other parts say about cell values.
struct CellValues {
    std::vector<std::string> shared_strings;
    bool has_styles = false;
    std::vector<bool> date_styles;  // per cellXfs index: its number format is a date or time
    bool date1904 = false;
};

/// The cells of a worksheet part. Throws InputError naming the sheet and cell for a bad cell.
Table read_worksheet(const XmlPart& part, const std::string& sheet, const CellValues& values,
                     const XlsxLimits& limits);

}  // namespace core::xlsx_read
