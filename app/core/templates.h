// Finding the bundled framework templates and sample tenders: installed next to the program,
// in the source tree, or where TENDERBENCH_TEMPLATES / TENDERBENCH_SAMPLES point.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace core {

struct TemplateFile {
    std::filesystem::path path;
    std::string source;  // what the workbook records, e.g. templates/uk_central_pa2023.xml
};

/// Where templates are looked for, in order: $TENDERBENCH_TEMPLATES, PREFIX/share/tenderbench/
/// templates next to the running program, the source tree's templates/.
std::vector<std::filesystem::path> template_folders();
/// Where sample tenders are looked for, in the same order ($TENDERBENCH_SAMPLES first).
std::vector<std::filesystem::path> sample_folders();

/// A template name (uk_central_pa2023) or the path of a framework .xml file. Throws InputError
/// naming the folders searched.
TemplateFile resolve_template(const std::string& name_or_path);

struct TemplateInfo {
    std::string name;  // file name without .xml
    std::string title; // the framework's name, or the file name when it cannot be read
    std::filesystem::path path;
};
/// Every template in the first template folder that has any, sorted by name.
std::vector<TemplateInfo> list_templates();
/// Every sample tender folder (one holding framework.xml) in the first sample folder that has any.
std::vector<std::filesystem::path> list_samples();

}  // namespace core
