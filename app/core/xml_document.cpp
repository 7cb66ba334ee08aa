#include "app/core/xml_document.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "scoring/money.h"

namespace core {

std::size_t invalid_utf8_at(const std::string& s) {
    std::size_t i = 0;
    const auto n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3;
        else if (c >= 0xF0 && c <= 0xF4) len = 4;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        const auto c1 = static_cast<unsigned char>(len > 1 ? s[i + 1] : 0);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return i;  // overlong, surrogate or beyond U+10FFFF
        i += len;
    }
    return std::string::npos;
}

namespace {
constexpr std::size_t max_file_bytes = 64u * 1024u * 1024u;
}  // namespace

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool is_valid_id(const std::string& text) {
    if (text.empty() || text.size() > 64) return false;
    if (!std::isalnum(static_cast<unsigned char>(text[0]))) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

XmlFile::XmlFile(const std::filesystem::path& path) : name_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError({{name_, 0, 0, "file not found or not a regular file; check the path"}});
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > max_file_bytes)
        throw InputError({{name_, 0, 0, "file is larger than 64 MiB or unreadable; this is not a framework or package file"}});
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (!in && !in.eof()) throw InputError({{name_, 0, 0, "could not be read; check its permissions"}});
    buffer_ = data.str();
    parse();
}

XmlFile::XmlFile(std::string name, std::string text) : name_(std::move(name)), buffer_(std::move(text)) { parse(); }

void XmlFile::parse() {
    if (buffer_.size() >= 3 && buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) buffer_.erase(0, 3);
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < buffer_.size(); ++i)
        if (buffer_[i] == '\n') line_starts_.push_back(i + 1);
    if (const auto bad = invalid_utf8_at(buffer_); bad != std::string::npos) {
        const auto at = at_offset(bad);
        throw InputError({{name_, at.line, at.column,
                           "not valid UTF-8 text; save the file as UTF-8 (it may be in a legacy encoding)"}});
    }
    const auto result = doc_.load_buffer(buffer_.data(), buffer_.size(),
                                         pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8);
    if (!result) {
        const auto at = at_offset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)));
        throw InputError({{name_, at.line, at.column,
                           std::string("malformed XML: ") + result.description() + "; fix the markup there"}});
    }
    if (!doc_.document_element())
        throw InputError({{name_, 1, 1, "no root element; the file is empty"}});
}

scoring::SourceLine XmlFile::at_offset(std::size_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - line_starts_.begin());
    const auto start = line_starts_[line - 1];
    // Column in characters, not bytes: count UTF-8 lead bytes.
    int column = 1;
    for (std::size_t i = start; i < offset && i < buffer_.size(); ++i)
        if ((static_cast<unsigned char>(buffer_[i]) & 0xC0) != 0x80) ++column;
    return {static_cast<int>(line), column};
}

scoring::SourceLine XmlFile::where(pugi::xml_node node) const {
    const auto offset = node.offset_debug();
    if (offset < 0) return {};
    // offset_debug points at the element name; report the '<' before it.
    auto o = static_cast<std::size_t>(offset);
    if (o > 0 && buffer_[o - 1] == '<') --o;
    return at_offset(o);
}

scoring::SourceLine XmlFile::where(pugi::xml_node node, const char* attribute) const {
    const auto offset = node.offset_debug();
    if (offset < 0) return {};
    const auto start = static_cast<std::size_t>(offset);
    const auto end = buffer_.find('>', start);
    const std::string name(attribute);
    for (auto pos = buffer_.find(name, start); pos != std::string::npos && pos < end;
         pos = buffer_.find(name, pos + 1)) {
        const bool starts = std::isspace(static_cast<unsigned char>(buffer_[pos - 1]));
        auto after = pos + name.size();
        while (after < buffer_.size() && std::isspace(static_cast<unsigned char>(buffer_[after]))) ++after;
        if (starts && after < buffer_.size() && buffer_[after] == '=') return at_offset(pos);
    }
    return where(node);
}

ElementReader::ElementReader(const XmlFile& file, pugi::xml_node node, Diagnostics& diagnostics,
                             std::initializer_list<const char*> attributes,
                             std::initializer_list<const char*> children, bool text_allowed)
    : file_(file), node_(node), diagnostics_(diagnostics) {
    for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
        if (std::none_of(attributes.begin(), attributes.end(), [&](const char* n) { return std::strcmp(n, a.name()) == 0; })) {
            std::string allowed;
            for (const char* n : attributes) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
            error(a.name(), std::string("unknown attribute '") + a.name() + "' on <" + node.name() + ">; allowed: " +
                                (allowed.empty() ? "none" : allowed));
        }
    }
    for (auto c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
            if (std::none_of(children.begin(), children.end(), [&](const char* n) { return std::strcmp(n, c.name()) == 0; })) {
                std::string allowed;
                for (const char* n : children) allowed += (allowed.empty() ? "" : ", ") + ("<" + std::string(n) + ">");
                const auto at = file_.where(c);
                diagnostics_.add(file_.name(), at.line, at.column,
                                 std::string("unknown element <") + c.name() + "> inside <" + node.name() +
                                     ">; allowed: " + (allowed.empty() ? "none" : allowed));
            }
        } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !text_allowed &&
                   !trim(c.value()).empty()) {
            error(std::string("<") + node.name() + "> does not take text; move it into a <description> or remove it");
        }
    }
}

void ElementReader::error(const char* attribute, const std::string& message) {
    const auto at = file_.where(node_, attribute);
    diagnostics_.add(file_.name(), at.line, at.column, message);
}

void ElementReader::error(const std::string& message) {
    const auto at = file_.where(node_);
    diagnostics_.add(file_.name(), at.line, at.column, message);
}

std::optional<std::string> ElementReader::optional_text(const char* attribute) {
    const auto a = node_.attribute(attribute);
    if (!a) return std::nullopt;
    return std::string(a.value());
}

std::string ElementReader::text(const char* attribute) {
    const auto value = optional_text(attribute);
    if (!value) {
        error(std::string("<") + node_.name() + "> needs attribute " + attribute);
        return "";
    }
    if (trim(*value).empty()) error(attribute, std::string(attribute) + " is empty; give it a value");
    return trim(*value);
}

std::string ElementReader::id(const char* attribute) {
    const auto value = optional_text(attribute);
    if (!value) {
        error(std::string("<") + node_.name() + "> needs attribute " + attribute);
        return "";
    }
    if (!is_valid_id(*value))
        error(attribute, std::string(attribute) + " \"" + *value +
                             "\" is not a valid id; use 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit");
    return *value;
}

std::optional<double> ElementReader::optional_number(const char* attribute) {
    const auto value = optional_text(attribute);
    if (!value) return std::nullopt;
    double parsed = 0;
    const auto* begin = value->data();
    const auto* end = begin + value->size();
    const auto [ptr, ec] = std::from_chars(begin, end, parsed, std::chars_format::fixed);
    if (value->empty() || ec != std::errc() || ptr != end || !std::isfinite(parsed)) {
        error(attribute, std::string(attribute) + " \"" + *value + "\" is not a number; write e.g. 40 or 12.5");
        return std::nullopt;
    }
    return parsed;
}

pugi::xml_node start_document(pugi::xml_document& doc, const char* root) {
    auto declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    return doc.append_child(root);
}

std::string xml_number(double value) {
    char buffer[400];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc()) return scoring::format_number(value);
    return std::string(buffer, end);
}

double ElementReader::number(const char* attribute, double fallback, bool required) {
    if (required && !node_.attribute(attribute)) {
        error(std::string("<") + node_.name() + "> needs attribute " + attribute);
        return fallback;
    }
    return optional_number(attribute).value_or(fallback);
}

scoring::Money ElementReader::money(const char* attribute, scoring::Money fallback, bool required) {
    const auto value = optional_text(attribute);
    if (!value) {
        if (required) error(std::string("<") + node_.name() + "> needs attribute " + attribute);
        return fallback;
    }
    const auto parsed = scoring::parse_money(*value);
    if (!parsed) {
        error(attribute, std::string(attribute) + " \"" + *value +
                             "\" is not an amount of money; write digits with at most 2 decimals, no currency "
                             "sign or separators, e.g. 125000.00");
        return fallback;
    }
    return *parsed;
}

bool ElementReader::boolean(const char* attribute, bool fallback) {
    const auto value = optional_text(attribute);
    if (!value) return fallback;
    if (*value == "true") return true;
    if (*value == "false") return false;
    error(attribute, std::string(attribute) + " \"" + *value + "\" is not true or false");
    return fallback;
}

std::string ElementReader::choice(const char* attribute, std::initializer_list<const char*> choices,
                                  const char* fallback) {
    const auto value = optional_text(attribute);
    if (!value) {
        if (!fallback) error(std::string("<") + node_.name() + "> needs attribute " + attribute);
        return fallback ? fallback : "";
    }
    std::string allowed;
    for (const char* c : choices) {
        if (*value == c) return *value;
        allowed += (allowed.empty() ? "" : ", ") + std::string(c);
    }
    error(attribute, std::string(attribute) + " \"" + *value + "\" is not one of: " + allowed);
    return fallback ? fallback : "";
}

std::string ElementReader::body(bool required) {
    const std::string value = trim(node_.text().get());
    if (required && value.empty())
        error(std::string("<") + node_.name() + "> needs text here");
    return value;
}

}  // namespace core
