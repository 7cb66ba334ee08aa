// Finding a framework template by name for `tenderbench new --template NAME`.
#include <cstdlib>
#include <system_error>

#include "app/cli/workbook_cli.h"
#include "app/core/source_error.h"

namespace cli {

namespace fs = std::filesystem;

std::vector<fs::path> template_folders() {
    std::vector<fs::path> folders;
    // An explicit choice first, then the installed copy next to the program
    // (PREFIX/bin/tenderbench -> PREFIX/share/tenderbench/templates), then the source tree.
    if (const char* env = std::getenv("TENDERBENCH_TEMPLATES"); env != nullptr && *env != '\0')
        folders.emplace_back(env);
    std::error_code error;
    const auto exe = fs::read_symlink("/proc/self/exe", error);
    if (!error)
        folders.push_back((exe.parent_path() / ".." / "share" / "tenderbench" / "templates").lexically_normal());
#ifdef TENDERBENCH_SOURCE_DIR
    folders.push_back(fs::path(TENDERBENCH_SOURCE_DIR) / "templates");
#endif
    return folders;
}

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
    throw core::InputError({{name_or_path, 0, 0, message}});
}

}  // namespace cli
