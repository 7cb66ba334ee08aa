#include "app/core/xlsx_values.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace core::xlsx_read {
namespace {

constexpr std::size_t excel_columns = 16384;   // A to XFD
constexpr std::size_t excel_rows = 1048576;
constexpr long long last_excel_day = 2958465;  // 9999-12-31

// Day 0 of the 1900 system as Excel counts from day 61 on; earlier serials are one day later
// because Excel (after Lotus 1-2-3) treats 1900 as a leap year.
constexpr std::chrono::sys_days day_zero{std::chrono::year{1899} / std::chrono::December / 30};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    const char l = lower(c);
    return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
}

// The UTF-16 code unit of an "_xHHHH_" escape at `at`, or -1.
long escape_at(std::string_view text, std::size_t at) {
    if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return -1;
    long unit = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
        const int digit = hex_value(text[k]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Reads exactly `count` digits at `i`.
bool read_digits(std::string_view s, std::size_t& i, int count, int& out) {
    if (i + static_cast<std::size_t>(count) > s.size()) return false;
    out = 0;
    for (int k = 0; k < count; ++k, ++i) {
        if (!is_digit(s[i])) return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "HH:MM[:SS[.fff]]" at `i` as seconds into the day.
std::optional<double> read_time(std::string_view s, std::size_t& i) {
    int hour = 0, minute = 0, second = 0;
    if (!read_digits(s, i, 2, hour) || i >= s.size() || s[i++] != ':' || !read_digits(s, i, 2, minute))
        return std::nullopt;
    double fraction = 0;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!read_digits(s, i, 2, second)) return std::nullopt;
        if (i < s.size() && s[i] == '.') {
            double scale = 0.1;
            const auto first = ++i;
            for (; i < s.size() && is_digit(s[i]); ++i, scale /= 10) fraction += (s[i] - '0') * scale;
            if (i == first) return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    return hour * 3600.0 + minute * 60.0 + second + fraction;
}

}  // namespace

std::optional<CellReference> parse_cell_reference(std::string_view text) {
    std::size_t i = 0, column = 0, row = 0;
    for (; i < text.size() && i < 4; ++i) {
        const char c = lower(text[i]);
        if (c < 'a' || c > 'z') break;
        column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
    }
    if (i == 0 || column > excel_columns) return std::nullopt;
    const auto digits = i;
    for (; i < text.size() && is_digit(text[i]) && i - digits < 8; ++i) row = row * 10 + static_cast<std::size_t>(text[i] - '0');
    if (i != text.size() || i == digits || text[digits] == '0' || row > excel_rows) return std::nullopt;
    return CellReference{row, column - 1};
}

bool is_builtin_date_format(unsigned id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool is_date_format_code(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = lower(code[i]);
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (c == '[') {
            // Colours, conditions and locales are bracketed; so are elapsed times ([h], [mm], [ss]).
            const auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            const auto inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && inside.find_first_not_of(inside[0]) == std::string_view::npos &&
                std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos)
                return true;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // an escaped character, a space the width of one, a fill character
        } else if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's') {
            return true;
        }
    }
    return false;
}

std::optional<std::string> serial_to_iso(double serial) {
    if (!(serial >= 0 && serial < static_cast<double>(last_excel_day + 1))) return std::nullopt;
    const long long seconds = std::llround(serial * 86400.0);
    const long long day = seconds / 86400;
    const long long second = seconds % 86400;
    if (day > last_excel_day) return std::nullopt;
    char time[16];
    std::snprintf(time, sizeof time, "%02lld:%02lld:%02lld", second / 3600, second / 60 % 60, second % 60);
    if (day == 0) return std::string(time);
    std::string date = "1900-02-29";  // serial 60: Excel's fictional leap day
    if (day != 60) {
        const std::chrono::year_month_day ymd{day_zero + std::chrono::days{day < 60 ? day + 1 : day}};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        date = text;
    }
    return second == 0 ? date : date + "T" + time;
}

std::optional<double> iso_to_serial(std::string_view iso) {
    std::size_t i = 0;
    int year = 0, month = 0, day = 0;
    if (!read_digits(iso, i, 4, year) || i >= iso.size() || iso[i++] != '-' || !read_digits(iso, i, 2, month) ||
        i >= iso.size() || iso[i++] != '-' || !read_digits(iso, i, 2, day))
        return std::nullopt;
    double seconds = 0;
    if (i < iso.size() && (iso[i] == 'T' || iso[i] == ' ')) {
        ++i;
        const auto time = read_time(iso, i);
        if (!time) return std::nullopt;
        seconds = *time;
    }
    if (i < iso.size() && iso[i] == 'Z') ++i;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (i != iso.size() || !ymd.ok() || year < 1900) return std::nullopt;
    const long long days = (std::chrono::sys_days{ymd} - day_zero).count();
    return static_cast<double>(days < 61 ? days - 1 : days) + seconds / 86400.0;
}

std::string number_text(double value) {
    if (value == 0) return "0";  // not "-0"
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string decode_escapes(std::string_view text) {
    if (text.find("_x") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const long unit = escape_at(text, i);
        if (unit < 0) {
            out += text[i++];
            continue;
        }
        i += 7;
        auto cp = static_cast<std::uint32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const long low = escape_at(text, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<std::uint32_t>(low - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

std::string size_text(std::uint64_t bytes) {
    if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
    return std::to_string(bytes >> 20) + " MB";
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

}  // namespace core::xlsx_read
