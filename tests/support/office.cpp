#include "support/office.h"

#include <csv.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

extern char** environ;

namespace testsupport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A conversion takes about a second; 180 s only trips when soffice hangs (e.g. on a dialog).
constexpr auto soffice_timeout = std::chrono::seconds(180);
// Separator 44 (,), quote 34 ("), UTF-8 (76), raw numbers rather than as shown, every sheet (-1).
constexpr const char* calc_csv_filter =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
constexpr const char* absent = "<absent>";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        throw std::runtime_error("cannot write " + path.string() + ": check that " +
                                 fs::temp_directory_path().string() + " is writable");
    }
}

// -env:UserInstallation takes a URL; percent-encode so temp folders with spaces still work.
std::string file_url(const fs::path& path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (const unsigned char c : path.string()) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
        if (plain) {
            url += static_cast<char>(c);
        } else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 15];
        }
    }
    return url;
}

std::string recalc_profile(Recalc mode) {
    // OOXMLRecalcMode: 0 = always recalculate on load, 1 = never (show cached values).
    return std::string(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
               "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
               "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
               "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>") +
           (mode == Recalc::always ? "0" : "1") + "</value></prop></item>\n</oor:items>\n";
}

// One soffice run with its own temp folder (profile, output, log). Two soffice processes
// sharing a profile hand the work to each other or fail, and CTest runs tests in parallel.
// Everything, including a still-running soffice, is cleaned up when the job goes away.
class SofficeJob {
public:
    explicit SofficeJob(std::optional<Recalc> mode) {
        std::string pattern = (fs::temp_directory_path() / "tenderbench-office-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temp folder " + pattern + ": " + std::strerror(errno));
        }
        root_ = pattern;
        try {
            fs::create_directories(root_ / "profile" / "user");
            fs::create_directories(out_dir());
            if (mode) write_text(root_ / "profile" / "user" / "registrymodifications.xcu", recalc_profile(*mode));
        } catch (...) {
            std::error_code ignored;  // the destructor does not run for a half-built job
            fs::remove_all(root_, ignored);
            throw;
        }
    }
    ~SofficeJob() {
        if (pid_ > 0) {
            kill(-pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    SofficeJob(const SofficeJob&) = delete;
    SofficeJob& operator=(const SofficeJob&) = delete;

    fs::path out_dir() const { return root_ / "out"; }

    // No shell: every path goes to soffice as one argument, whatever it contains.
    void start(const fs::path& input, const std::string& filter, const fs::path& out) {
        const std::vector<std::string> args = {"soffice", "-env:UserInstallation=" + file_url(root_ / "profile"),
                                               "--headless", "--convert-to", filter, "--outdir", out.string(),
                                               input.string()};
        std::vector<char*> argv;
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);

        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&files, 1, log_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&files, 1, 2);
        // Its own process group: soffice is a script that starts soffice.bin, and a timeout
        // must kill the whole tree.
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        const int error = posix_spawnp(&pid_, "soffice", &files, &attr, argv.data(), environ);
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&files);
        if (error != 0) {
            pid_ = -1;
            throw std::runtime_error(std::string("cannot start soffice: ") + std::strerror(error) +
                                     "; install LibreOffice (apt-get install libreoffice-calc-nogui "
                                     "libreoffice-writer-nogui) and put soffice on PATH");
        }
        deadline_ = Clock::now() + soffice_timeout;
    }

    // Waits for soffice and returns what it printed. soffice exits 0 even when it could not
    // load or write a file, so callers must still check that the output exists.
    std::string finish() {
        int status = 0;
        for (;;) {
            const pid_t done = waitpid(pid_, &status, WNOHANG);
            if (done == pid_) break;
            if (done < 0 && errno != EINTR) {
                throw std::runtime_error(std::string("waiting for soffice failed: ") + std::strerror(errno));
            }
            if (Clock::now() > deadline_) {
                kill(-pid_, SIGKILL);
                waitpid(pid_, nullptr, 0);
                pid_ = -1;
                throw std::runtime_error("soffice ran longer than " + std::to_string(soffice_timeout.count()) +
                                         " s and was killed; it printed:\n" + read_text(log_path()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        std::string output = read_text(log_path());
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            throw std::runtime_error("soffice failed (" + describe(status) + "); it printed:\n" + output);
        }
        return output;
    }

private:
    fs::path root_;
    pid_t pid_ = -1;
    Clock::time_point deadline_;

    fs::path log_path() const { return root_ / "soffice.log"; }

    static std::string describe(int status) {
        if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
        return "status " + std::to_string(status);
    }
};

// libcsv callbacks collect rows. The parser reports every line end (CSV_REPALL_NL) so that
// the empty line Calc writes for an empty one-column row is kept and rows stay aligned.
struct CsvRows {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    bool after_cr = false;
};

void on_field(void* text, std::size_t size, void* data) {
    auto& csv = *static_cast<CsvRows*>(data);
    csv.row.emplace_back(text ? static_cast<const char*>(text) : "", text ? size : 0);
    csv.after_cr = false;
}

void on_row(int terminator, void* data) {
    auto& csv = *static_cast<CsvRows*>(data);
    if (terminator == '\n' && csv.after_cr && csv.row.empty()) {
        csv.after_cr = false;  // the LF of a CRLF, not a row of its own
        return;
    }
    csv.after_cr = terminator == '\r';
    if (csv.row.empty()) csv.row.emplace_back();
    csv.rows.push_back(std::move(csv.row));
    csv.row.clear();
}

// Calc leaves unquoted text with leading or trailing spaces; libcsv would trim them.
int no_space(unsigned char) { return 0; }

std::vector<std::vector<std::string>> parse_csv(const fs::path& path) {
    const std::string text = read_text(path);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) {
        throw std::runtime_error("libcsv could not initialise a parser (out of memory?)");
    }
    csv_set_space_func(&parser, no_space);
    CsvRows csv;
    const std::size_t parsed = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &csv);
    const bool ok = parsed == text.size() && csv_fini(&parser, on_field, on_row, &csv) == 0;
    const std::string error = csv_strerror(csv_error(&parser));
    csv_free(&parser);
    if (!ok) throw std::runtime_error("cannot parse the CSV Calc wrote, " + path.string() + ": " + error);
    return std::move(csv.rows);
}

// soffice prints "Writing sheet <name> -> <out_dir>/<file>-<name>.csv" per sheet in workbook
// order. The name comes from these lines, not from file names, which join two free strings.
// The split is the first " -> " followed by a file that exists in out_dir, so a name holding
// " -> " still works and so does a temp path soffice spells differently (e.g. symlinks).
std::vector<std::pair<std::string, fs::path>> written_sheets(const std::string& output, const fs::path& out_dir) {
    static const std::string prefix = "Writing sheet ";
    static const std::string arrow = " -> ";
    std::vector<std::pair<std::string, fs::path>> sheets;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(prefix, 0) != 0) continue;
        const std::size_t before = sheets.size();
        for (auto split = line.find(arrow, prefix.size()); split != std::string::npos;
             split = line.find(arrow, split + 1)) {
            const fs::path file = out_dir / fs::path(line.substr(split + arrow.size())).filename();
            if (!fs::is_regular_file(file)) continue;
            sheets.emplace_back(line.substr(prefix.size(), split - prefix.size()), file);
            break;
        }
        if (sheets.size() == before) {
            throw std::runtime_error("LibreOffice announced \"" + line + "\" but wrote no such file in " +
                                     out_dir.string() + ". soffice printed:\n" + output);
        }
    }
    return sheets;
}

std::vector<CalcSheet> read_sheets(SofficeJob& job, const fs::path& xlsx) {
    const std::string output = job.finish();
    const auto written = written_sheets(output, job.out_dir());
    if (written.empty()) {
        throw std::runtime_error("LibreOffice wrote no sheet for " + xlsx.string() +
                                 "; check that the file opens in Calc. soffice printed:\n" + output);
    }
    std::vector<CalcSheet> sheets;
    for (const auto& [name, path] : written) sheets.push_back({name, parse_csv(path)});
    return sheets;
}

fs::path existing_input(const fs::path& input) {
    if (!fs::is_regular_file(input)) {
        throw std::runtime_error("cannot open " + input.string() + " in LibreOffice: no such file");
    }
    // soffice resolves relative paths against its own working folder, and a name starting
    // with '-' would read as an option.
    return fs::absolute(input);
}

std::optional<double> as_number(const std::string& cell) {
    double value = 0;
    const char* end = cell.data() + cell.size();
    const auto [stop, error] = std::from_chars(cell.data(), end, value);
    // from_chars accepts "nan" and "inf", which in a sheet are text.
    if (cell.empty() || error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

bool same_value(const std::string& cached, const std::string& recalculated, double tolerance) {
    const auto a = as_number(cached);
    const auto b = as_number(recalculated);
    if (a && b) return std::fabs(*a - *b) <= tolerance * std::max(1.0, std::fabs(*a));
    return !a && !b && cached == recalculated;
}

void compare_sheet(const CalcSheet& cached, const CalcSheet& recalculated, double tolerance,
                   std::vector<CellDifference>& differences) {
    const auto cell_at = [](const CalcSheet& sheet, std::size_t row, std::size_t column) -> const std::string* {
        if (row >= sheet.rows.size() || column >= sheet.rows[row].size()) return nullptr;
        return &sheet.rows[row][column];
    };
    const std::size_t rows = std::max(cached.rows.size(), recalculated.rows.size());
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t columns = std::max(row < cached.rows.size() ? cached.rows[row].size() : 0,
                                             row < recalculated.rows.size() ? recalculated.rows[row].size() : 0);
        for (std::size_t column = 0; column < columns; ++column) {
            const std::string* before = cell_at(cached, row, column);
            const std::string* after = cell_at(recalculated, row, column);
            if (before && after && same_value(*before, *after, tolerance)) continue;
            differences.push_back({cached.name, cell_name(row, column), before ? *before : absent,
                                   after ? *after : absent});
        }
    }
}

}  // namespace

std::vector<CalcSheet> calc_sheets(const std::filesystem::path& xlsx, Recalc mode) {
    const fs::path input = existing_input(xlsx);
    SofficeJob job(mode);
    job.start(input, calc_csv_filter, job.out_dir());
    return read_sheets(job, xlsx);
}

std::vector<CellDifference> recalculation_differences(const std::filesystem::path& xlsx, double tolerance) {
    const fs::path input = existing_input(xlsx);
    // Two profiles, two processes at once: about the time of one conversion.
    SofficeJob cached_job(Recalc::never);
    SofficeJob recalculated_job(Recalc::always);
    cached_job.start(input, calc_csv_filter, cached_job.out_dir());
    recalculated_job.start(input, calc_csv_filter, recalculated_job.out_dir());
    const auto cached = read_sheets(cached_job, xlsx);
    const auto recalculated = read_sheets(recalculated_job, xlsx);

    std::map<std::string, const CalcSheet*> recalculated_by_name;
    for (const auto& sheet : recalculated) recalculated_by_name[sheet.name] = &sheet;
    std::vector<CellDifference> differences;
    for (const auto& sheet : cached) {
        const auto match = recalculated_by_name.find(sheet.name);
        if (match == recalculated_by_name.end()) {
            differences.push_back({sheet.name, "", "sheet", absent});
            continue;
        }
        compare_sheet(sheet, *match->second, tolerance, differences);
        recalculated_by_name.erase(match);
    }
    for (const auto& [name, sheet] : recalculated_by_name) differences.push_back({name, "", absent, "sheet"});
    return differences;
}

std::string cell_name(std::size_t row, std::size_t column) {
    // Bijective base 26: A..Z, AA..AZ, BA..., so there is no zero digit.
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row + 1);
}

std::filesystem::path office_convert(const std::filesystem::path& input, const std::string& filter,
                                     const std::filesystem::path& out_dir) {
    const fs::path source = existing_input(input);
    fs::create_directories(out_dir);
    const fs::path target = fs::absolute(out_dir) / (source.stem().string() + "." + filter.substr(0, filter.find(':')));
    // A stale file from an earlier run must not pass for this run's output.
    std::error_code ignored;
    fs::remove(target, ignored);
    SofficeJob job(std::nullopt);
    job.start(source, filter, fs::absolute(out_dir));
    const std::string output = job.finish();
    if (!fs::exists(target)) {
        throw std::runtime_error("LibreOffice did not convert " + input.string() + " with filter \"" + filter +
                                 "\" to " + target.string() +
                                 "; check the filter suits the file (Writer's \"txt:Text\" does not apply to "
                                 "spreadsheets). soffice printed:\n" + output);
    }
    return target;
}

}  // namespace testsupport
