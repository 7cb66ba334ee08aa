// Errors in input files that say what is wrong, where (file, line, column) and what to do.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace core {

struct Diagnostic {
    std::string file;
    int line = 0;    // 1-based; 0 when the problem is not tied to a line
    int column = 0;  // 1-based; 0 when unknown
    std::string message;  // "what is wrong; what to do"

    std::string text() const;   // "file:line:column: message"
    std::string place() const;  // "file:line:column"
};

/// One or more problems with input; nothing was changed or evaluated.
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

/// The whole of an input file of at most `max_bytes`; throws InputError naming the file when it
/// is missing, unreadable or larger (the message then ends with `if_too_big`, what to do).
std::string read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes, const std::string& if_too_big);

/// Collects problems; throws them together.
class Diagnostics {
public:
    void add(Diagnostic d) { list_.push_back(std::move(d)); }
    void add(const std::string& file, int line, int column, std::string message) {
        list_.push_back({file, line, column, std::move(message)});
    }
    bool empty() const { return list_.empty(); }
    const std::vector<Diagnostic>& list() const { return list_; }
    void throw_if_any() const {
        if (!list_.empty()) throw InputError(list_);
    }

private:
    std::vector<Diagnostic> list_;
};

}  // namespace core
