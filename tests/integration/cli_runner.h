// Running the real tenderbench binary from the integration tests, and scratch folders for them.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace tbtest {

namespace fs = std::filesystem;

inline const fs::path source_dir{TENDERBENCH_SOURCE_DIR};

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// `s` quoted for /bin/sh.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A name no other test process or call in this one will use.
inline std::string unique_suffix() {
    static std::atomic<unsigned> counter{0};
    static const auto salt = std::random_device{}();
    return std::to_string(::getpid()) + "_" + std::to_string(salt % 100000) + "_" + std::to_string(counter++);
}

/// Runs a /bin/sh command line (already quoted), capturing both streams.
inline Run run_shell(const std::string& line) {
    const auto err_file = fs::temp_directory_path() / ("tb_err_" + unique_suffix());
    const std::string command = "{ " + line + "; } 2>" + quote(err_file.string());
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = slurp(err_file);
    fs::remove(err_file);
    return run;
}

/// Runs `tenderbench ARGS` through the shell (ARGS already quoted), capturing both streams.
inline Run tenderbench(const std::string& args) { return run_shell(quote(TENDERBENCH_CLI) + " " + args); }

/// A fresh, empty folder under the system's temporary folder, removed with everything in it.
class TempDir {
public:
    explicit TempDir(const std::string& tag)
        : path_(fs::temp_directory_path() / ("tb_" + tag + "_" + unique_suffix())) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    /// `name` inside the folder, quoted for the shell.
    std::string arg(const std::string& name) const { return quote((path_ / name).string()); }

private:
    fs::path path_;
};

}  // namespace tbtest
