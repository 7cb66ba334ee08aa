// Cell values as .xlsx stores them: cell references, date serial numbers, number formats that
// make a number a date, number text, and the _xHHHH_ escapes of OOXML strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core::xlsx_read {

struct CellReference {
    std::size_t row = 0;     // 1-based, as written
    std::size_t column = 0;  // 0-based: A is 0
};

/// "B7" as row 7, column 1; nullopt unless it is letters then digits within A1:XFD1048576
/// (upper or lower case letters; no '$').
std::optional<CellReference> parse_cell_reference(std::string_view text);

/// Whether a number format shows a date or time: built-in ids 14-22 and 45-47, or a format code
/// with d, m, y, h or s outside quotes, brackets and escapes ("yyyy-mm-dd", "[h]:mm").
bool is_builtin_date_format(unsigned id);
bool is_date_format_code(std::string_view code);

/// Excel's 1904 date system counts from 1904-01-01; this many days later than the 1900 system.
constexpr double date1904_offset = 1462;

/// ISO 8601 for a serial of the 1900 date system, keeping Excel's fictional 1900-02-29 (serial
/// 60): "2026-04-20", "2026-04-20T12:30:00", or "12:30:00" for a time alone (serial below 1).
/// Seconds are rounded. nullopt outside 0 to 9999-12-31, which Excel cannot show either.
std::optional<std::string> serial_to_iso(double serial);
/// The 1900-system serial of "YYYY-MM-DD", optionally with "THH:MM[:SS[.fff]]" and "Z";
/// nullopt when it is not such a date from 1900-01-01 to 9999-12-31.
std::optional<double> iso_to_serial(std::string_view iso);

/// The shortest text that reads back as the same double ("412500", "0.1", "1e+21").
std::string number_text(double value);
/// A number as .xlsx writes it in <v>; nullopt when it is not a finite decimal number.
std::optional<double> parse_number(std::string_view text);

/// Decodes Excel's _xHHHH_ escapes (UTF-16 code units, used for control characters and for a
/// literal "_x" as _x005F_); invalid surrogates become U+FFFD.
std::string decode_escapes(std::string_view text);
/// A size for messages: "900 bytes" below 1 MB, else whole megabytes ("512 MB").
std::string size_text(std::uint64_t bytes);
/// Unicode code points in UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace core::xlsx_read
