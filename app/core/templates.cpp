// Finding the bundled framework templates and sample tenders.
#include "app/core/templates.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "app/core/framework_reader.h"
#include "app/core/source_error.h"

namespace core {

namespace fs = std::filesystem;

namespace {

// An explicit choice first, then the installed copy next to the program
// (PREFIX/bin/tenderbench -> PREFIX/share/tenderbench/KIND), then the source tree.
std::vector<fs::path> data_folders(const char* environment, const char* kind) {
    std::vector<fs::path> folders;
    if (const char* env = std::getenv(environment); env != nullptr && *env != '\0') folders.emplace_back(env);
    std::error_code error;
    const auto exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) folders.push_back((exe.parent_path() / ".." / "share" / "tenderbench" / kind).lexically_normal());
#ifdef TENDERBENCH_SOURCE_DIR
    folders.push_back(fs::path(TENDERBENCH_SOURCE_DIR) / kind);
#endif
    return folders;
}

}  // namespace

std::vector<fs::path> template_folders() { return data_folders("TENDERBENCH_TEMPLATES", "templates"); }
std::vector<fs::path> sample_folders() { return data_folders("TENDERBENCH_SAMPLES", "sample_tenders"); }

TemplateFile resolve_template(const std::string& name_or_path) {
    const fs::path given(name_or_path);
    std::error_code error;
    if (fs::is_regular_file(given, error)) return {given, name_or_path};
    const bool bare = !name_or_path.empty() && given.filename() == given;
    if (bare) {
        const auto file = given.extension() == ".xml" ? given : fs::path(name_or_path + ".xml");
        for (const auto& folder : template_folders())
            if (fs::is_regular_file(folder / file, error)) return {folder / file, "templates/" + file.string()};
    }
    std::string message = "no such framework file";
    if (bare) {
        message = "no template \"" + name_or_path + "\" in ";
        std::string searched;
        for (const auto& folder : template_folders()) searched += (searched.empty() ? "" : ", ") + folder.string();
        message += searched.empty() ? "any template folder" : searched;
    }
    message += "; give a template name (e.g. uk_central_pa2023) or the path of a framework .xml file";
    throw InputError({{name_or_path, 0, 0, message}});
}

std::vector<TemplateInfo> list_templates() {
    std::vector<TemplateInfo> found;
    std::error_code error;
    for (const auto& folder : template_folders()) {
        if (!fs::is_directory(folder, error)) continue;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            if (entry.path().extension() != ".xml" || !entry.is_regular_file(error)) continue;
            TemplateInfo info;
            info.name = entry.path().stem().string();
            info.path = entry.path();
            try {
                info.title = read_framework(entry.path()).name;
            } catch (const std::exception&) {
                info.title = info.name;  // listed anyway: choosing it shows the file's problems
            }
            found.push_back(std::move(info));
        }
        if (!found.empty()) break;
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return found;
}

std::vector<fs::path> list_samples() {
    std::vector<fs::path> found;
    std::error_code error;
    for (const auto& folder : sample_folders()) {
        if (!fs::is_directory(folder, error)) continue;
        for (const auto& entry : fs::directory_iterator(folder, error))
            if (fs::is_regular_file(entry.path() / "framework.xml", error)) found.push_back(entry.path());
        if (!found.empty()) break;
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace core
