// Reads an evaluation framework from XML (docs/formats.md section 1).
#pragma once

#include <filesystem>

#include "app/core/xml_document.h"
#include "scoring/framework.h"
#include "scoring/validation.h"

namespace core {

/// Reads and checks the syntax of a framework file. Throws InputError listing every problem
/// with file, line and column. Semantic checks are scoring::validate().
scoring::Framework read_framework(const std::filesystem::path& path);
scoring::Framework read_framework(const XmlFile& file);

/// Reads a framework and runs scoring::validate(): errors are thrown as InputError (with the
/// lines they come from); warnings are appended to `warnings` when given.
scoring::Framework read_valid_framework(const std::filesystem::path& path, std::vector<Diagnostic>* warnings);
scoring::Framework read_valid_framework(const XmlFile& file, std::vector<Diagnostic>* warnings);

/// Validation issues as diagnostics located in `file_name`.
std::vector<Diagnostic> to_diagnostics(const std::string& file_name, const std::vector<scoring::Issue>& issues,
                                       scoring::Severity severity);

}  // namespace core
