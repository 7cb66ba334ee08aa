#include "app/core/text_table.h"

#include <algorithm>

namespace core {

namespace {

bool lead_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), lead_byte));
}

std::string cut_to_width(const std::string& text, std::size_t width) {
    if (display_width(text) <= width) return text;
    std::string out;
    std::size_t n = 0;
    for (char c : text) {
        if (lead_byte(c) && ++n > width - 1) break;
        out += c;
    }
    return out + "~";
}

std::string text_table(const std::vector<std::vector<std::string>>& rows,
                       const std::function<bool(std::size_t column)>& right, const std::string& indent) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string fill(widths[c] - display_width(row[c]), ' ');
            line += (c ? "  " : "") + (right(c) ? fill + row[c] : row[c] + fill);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

}  // namespace core
