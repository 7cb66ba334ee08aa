// A strictly read XML file: UTF-8 checked, parse errors and every node located by line and column.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "app/core/source_error.h"
#include "scoring/framework.h"

namespace core {

/// Offset of the first byte of `s` that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(const std::string& s);

class XmlFile {
public:
    /// Reads and parses `path`; throws InputError (unreadable, not UTF-8, malformed XML).
    explicit XmlFile(const std::filesystem::path& path);
    /// Parses `text` as if read from a file called `name` (for tests and in-memory input).
    XmlFile(std::string name, std::string text);

    pugi::xml_node root() const { return doc_.document_element(); }
    const std::string& name() const { return name_; }
    scoring::SourceLine where(pugi::xml_node node) const;
    scoring::SourceLine where(pugi::xml_node node, const char* attribute) const;

private:
    void parse();
    scoring::SourceLine at_offset(std::size_t offset) const;

    std::string name_;
    std::string buffer_;
    pugi::xml_document doc_;
    std::vector<std::size_t> line_starts_;
};

/// Reads one element strictly: only the named attributes and child elements are allowed, typed
/// getters report wrong values with their position, and every problem goes to `diagnostics`.
class ElementReader {
public:
    ElementReader(const XmlFile& file, pugi::xml_node node, Diagnostics& diagnostics,
                  std::initializer_list<const char*> attributes, std::initializer_list<const char*> children = {},
                  bool text_allowed = false);

    pugi::xml_node node() const { return node_; }
    scoring::SourceLine where() const { return file_.where(node_); }

    std::string text(const char* attribute);  // required, non-empty
    std::optional<std::string> optional_text(const char* attribute);
    std::string id(const char* attribute);    // required, id syntax
    double number(const char* attribute, double fallback, bool required = false);
    std::optional<double> optional_number(const char* attribute);
    scoring::Money money(const char* attribute, scoring::Money fallback, bool required = false);
    bool boolean(const char* attribute, bool fallback);
    /// One of `choices`; reports the allowed values otherwise.
    std::string choice(const char* attribute, std::initializer_list<const char*> choices, const char* fallback);
    std::string body(bool required);  // element text, trimmed

    void error(const char* attribute, const std::string& message);
    void error(const std::string& message);

private:
    const XmlFile& file_;
    pugi::xml_node node_;
    Diagnostics& diagnostics_;
};

bool is_valid_id(const std::string& text);
std::string trim(const std::string& text);

/// Starts a document that TenderBench writes for its readers: the declaration (XML 1.0, UTF-8)
/// and the root element `root`, which is returned.
pugi::xml_node start_document(pugi::xml_document& doc, const char* root);

/// A number as the readers above read it back exactly: the shortest fixed-point text (no
/// exponent), so 33.333333333333336 and 0.1 both survive writing and reading.
std::string xml_number(double value);

}  // namespace core
