#include "app/core/source_error.h"

#include <fstream>

namespace core {

std::string Diagnostic::place() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
    }
    return out;
}

std::string Diagnostic::text() const { return place() + ": " + message; }

namespace {
std::string join(const std::vector<Diagnostic>& list) {
    std::string out;
    for (const auto& d : list) out += (out.empty() ? "" : "\n") + d.text();
    return out;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes, const std::string& if_too_big) {
    const auto name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError({{name, 0, 0, "file not found or not a regular file; check the path"}});
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError({{name, 0, 0, "cannot read the file: " + ec.message() + "; check the path"}});
    if (size > max_bytes)
        throw InputError({{name, 0, 0,
                           "the file is " + std::to_string(size) + " bytes, over the limit of " +
                               std::to_string(max_bytes) + " bytes; " + if_too_big}});
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw InputError({{name, 0, 0, "cannot read the file; check it is not open elsewhere and that you may read it"}});
    return bytes;
}

}  // namespace core
