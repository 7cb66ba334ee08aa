// Benchmark of `tenderbench export` (issue 5 target: docs/benchmarks.md). Prints Markdown tables.
//   bench_export PACKAGE_FOLDER TENDERBENCH_BINARY [RUNS=5]
// PACKAGE_FOLDER: e.g. from `generate_tender DIR 1000 50 1 5` (1,000 bids x 50 questions x 5
// evaluators, about 309,000 audit records once imported).
// TENDERBENCH_BINARY: the real command-line program (e.g. BUILD/app/cli/tenderbench).
//
// What it does, all through the real program, each command in its own process:
//   1. once: `tenderbench import PACKAGE F.tender --as OFF --name ...` and
//      `tenderbench phase F.tender --as OFF price_evaluation` (a real workbook file on disk,
//      in $TMPDIR/bench_export/);
//   2. RUNS times: `tenderbench export F.tender --as OFF -o out.xlsx`, timed with steady_clock
//      around spawn..wait, peak resident memory from wait4's rusage (ru_maxrss of that child
//      alone, so it is the export's own); then, for the breakdown, `tenderbench verify` and
//      `tenderbench evaluate` on the same file, measured the same way.
// The workbook stays in the page cache between runs (warm runs). Exits non-zero, with the
// program's own message, if any command fails. MB = 10^6 bytes throughout.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unzip.h>

extern char** environ;

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

struct Run {
    double seconds = 0;
    long max_rss_kb = 0;  // KiB, as Linux reports ru_maxrss
    std::string out, err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "bench_export: %s\n", message.c_str());
    std::exit(1);
}

// Runs argv in a child process with stdout/stderr captured to files in `dir`; fails unless it
// exits with status 0.
Run run(const std::vector<std::string>& args, const fs::path& dir) {
    const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    Run r;
    pid_t pid = 0;
    const auto start = Clock::now();
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) fail("cannot start " + args[0] + ": " + std::strerror(spawned));
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) fail("wait4 failed for " + args[0]);
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    r.max_rss_kb = usage.ru_maxrss;
    r.out = slurp(out);
    r.err = slurp(err);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string command;
        for (const auto& a : args) command += (command.empty() ? "" : " ") + a;
        const std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                                  : "signal " + std::to_string(WTERMSIG(status));
        fail(command + " failed (" + how + ")\n--- stdout ---\n" + r.out + "--- stderr ---\n" + r.err);
    }
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Stats {
    double med, min, max;
};

Stats stats(const std::vector<double>& v) {
    return {median(v), *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end())};
}

double mb_of_kib(double kib) { return kib * 1024.0 / 1e6; }

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    return "unknown";
}

std::string mem_total() {
    std::ifstream in("/proc/meminfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("MemTotal:", 0) == 0) {
            const double kib = std::atof(line.c_str() + 9);
            char text[32];
            std::snprintf(text, sizeof text, "%.1f GiB", kib / 1024 / 1024);
            return text;
        }
    return "unknown";
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

// "audit records: N, head ..." from the export's own report.
long long audit_records(const std::string& out) {
    const auto at = out.find("audit records: ");
    return at == std::string::npos ? -1 : std::atoll(out.c_str() + at + 15);
}

std::string thousands(long long n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

struct SheetInfo {
    std::string name;
    long long rows = -1;  // last used row, from the sheet's <dimension ref="A1:M123"/>
    unsigned long long xml_bytes = 0, compressed_bytes = 0;
};

// Reads `n` bytes at most of one zip member (`n` = 0: all of it).
std::string zip_member(unzFile zip, const std::string& name, std::size_t n) {
    if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK) return {};
    std::string out;
    char buffer[65536];
    for (;;) {
        const std::size_t want = n ? std::min(sizeof buffer, n - out.size()) : sizeof buffer;
        if (want == 0) break;
        const int got = unzReadCurrentFile(zip, buffer, static_cast<unsigned>(want));
        if (got <= 0) break;
        out.append(buffer, static_cast<std::size_t>(got));
    }
    unzCloseCurrentFile(zip);
    return out;
}

std::string xml_unescape(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += std::strlen(to))
            s.replace(at, std::strlen(from), to);
    return s;
}

// The sheets of an .xlsx written by libxlsxwriter (sheetN.xml is the N-th sheet of workbook.xml).
std::vector<SheetInfo> sheets_of(const fs::path& xlsx) {
    std::vector<SheetInfo> out;
    unzFile zip = unzOpen(xlsx.c_str());
    if (!zip) return out;
    const std::string book = zip_member(zip, "xl/workbook.xml", 0);
    for (std::size_t at = 0; (at = book.find("<sheet ", at)) != std::string::npos; ++at) {
        const auto name = book.find("name=\"", at);
        if (name == std::string::npos) break;
        const auto end = book.find('"', name + 6);
        SheetInfo s;
        s.name = xml_unescape(book.substr(name + 6, end - name - 6));
        const std::string member = "xl/worksheets/sheet" + std::to_string(out.size() + 1) + ".xml";
        if (unzLocateFile(zip, member.c_str(), 1) == UNZ_OK) {
            unz_file_info info{};
            if (unzGetCurrentFileInfo(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK) {
                s.xml_bytes = info.uncompressed_size;
                s.compressed_bytes = info.compressed_size;
            }
            const std::string head = zip_member(zip, member, 4096);
            const auto dim = head.find("<dimension ref=\"");
            if (dim != std::string::npos) {
                const auto end_ref = head.find('"', dim + 16);
                const std::string ref = head.substr(dim + 16, end_ref - dim - 16);
                const auto last = ref.find_last_of(":");
                const std::string cell = last == std::string::npos ? ref : ref.substr(last + 1);
                const auto digit = cell.find_first_of("0123456789");
                if (digit != std::string::npos) s.rows = std::atoll(cell.c_str() + digit);
            }
        }
        out.push_back(std::move(s));
    }
    unzClose(zip);
    return out;
}

void remove_workbook(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_export PACKAGE_FOLDER TENDERBENCH_BINARY [RUNS=5]\n");
        return 2;
    }
    const fs::path package = argv[1];
    const std::string binary = fs::absolute(argv[2]).string();
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    if (!fs::is_regular_file(package / "scores.xml")) fail("no tender package in " + package.string());
    if (access(binary.c_str(), X_OK) != 0) fail(binary + " is not an executable");

    const fs::path dir = fs::temp_directory_path() / "bench_export";
    fs::create_directories(dir);
    const fs::path file = dir / "bench_export.tender", xlsx = dir / "bench_export.xlsx";
    const std::string officer = "OFF";
    remove_workbook(file);
    fs::remove(xlsx);

    // The workbook, once, through the real program.
    const Run import = run({binary, "import", package.string(), file.string(), "--as", officer, "--name",
                            "Benchmark Officer"},
                           dir);
    const Run phase = run({binary, "phase", file.string(), "--as", officer, "price_evaluation"}, dir);
    const double workbook_mb = static_cast<double>(fs::file_size(file)) / 1e6;

    std::vector<double> export_s, export_rss, verify_s, verify_rss, evaluate_s, evaluate_rss;
    long long records = -1;
    double xlsx_mb = 0;
    std::vector<SheetInfo> sheets;
    for (int i = 0; i < runs; ++i) {
        fs::remove(xlsx);
        const Run e = run({binary, "export", file.string(), "--as", officer, "-o", xlsx.string()}, dir);
        if (!fs::is_regular_file(xlsx)) fail("export reported success but wrote no " + xlsx.string());
        if (e.out.find("verified: the audit trail is complete") == std::string::npos)
            fail("the export did not verify:\n" + e.out + e.err);
        export_s.push_back(e.seconds);
        export_rss.push_back(mb_of_kib(static_cast<double>(e.max_rss_kb)));
        records = audit_records(e.out);
        xlsx_mb = static_cast<double>(fs::file_size(xlsx)) / 1e6;
        if (i == 0) sheets = sheets_of(xlsx);

        const Run v = run({binary, "verify", file.string(), "--as", officer}, dir);
        verify_s.push_back(v.seconds);
        verify_rss.push_back(mb_of_kib(static_cast<double>(v.max_rss_kb)));
        const Run ev = run({binary, "evaluate", file.string(), "--as", officer}, dir);
        evaluate_s.push_back(ev.seconds);
        evaluate_rss.push_back(mb_of_kib(static_cast<double>(ev.max_rss_kb)));
        std::fprintf(stderr, "run %d/%d: export %.2f s, %.0f MB; verify %.2f s; evaluate %.2f s\n", i + 1, runs,
                     e.seconds, export_rss.back(), v.seconds, ev.seconds);
    }

    std::printf("Machine: %ld cores (nproc), %s, %s RAM. Date: %s.\n\n", sysconf(_SC_NPROCESSORS_ONLN),
                cpu_model().c_str(), mem_total().c_str(), utc_now().c_str());
    std::printf("Workbook: %s audit records, %.1f MB on disk (built by `tenderbench import` in %.2f s, peak %.0f MB;"
                " `phase price_evaluation` %.2f s).\n\n",
                thousands(records).c_str(), workbook_mb, import.seconds,
                mb_of_kib(static_cast<double>(import.max_rss_kb)), phase.seconds);
    const auto ex = stats(export_s), em = stats(export_rss), vs = stats(verify_s), vm = stats(verify_rss),
               es = stats(evaluate_s), evm = stats(evaluate_rss);
    std::printf("| measurement (%d runs, each its own process) | median | min | max | target | met |\n", runs);
    std::printf("|---|---:|---:|---:|---|---|\n");
    std::printf("| `tenderbench export` wall time | %.2f s | %.2f s | %.2f s | < 10 s | %s |\n", ex.med, ex.min, ex.max,
                ex.med < 10 ? "yes" : "**no**");
    std::printf("| `tenderbench export` peak resident memory | %.0f MB | %.0f MB | %.0f MB | < 400 MB | %s |\n", em.med,
                em.min, em.max, em.med < 400 ? "yes" : "**no**");
    std::printf("| `tenderbench verify` alone (export runs it) | %.2f s | %.2f s | %.2f s | | |\n", vs.med, vs.min,
                vs.max);
    std::printf("| `tenderbench verify` peak resident memory | %.0f MB | %.0f MB | %.0f MB | | |\n", vm.med, vm.min,
                vm.max);
    std::printf("| `tenderbench evaluate` alone (export runs it) | %.2f s | %.2f s | %.2f s | | |\n", es.med, es.min,
                es.max);
    std::printf("| `tenderbench evaluate` peak resident memory | %.0f MB | %.0f MB | %.0f MB | | |\n", evm.med, evm.min,
                evm.max);
    std::printf("| .xlsx size | %.1f MB | | | | |\n", xlsx_mb);
    std::printf("| audit records exported | %s | | | | |\n", thousands(records).c_str());

    if (!sheets.empty()) {
        unsigned long long total_xml = 0;
        for (const auto& s : sheets) total_xml += s.xml_bytes;
        std::printf("\n| sheet | rows | XML | compressed |\n|---|---:|---:|---:|\n");
        for (const auto& s : sheets)
            std::printf("| %s | %s | %.1f MB | %.1f MB |\n", s.name.c_str(), thousands(s.rows).c_str(),
                        static_cast<double>(s.xml_bytes) / 1e6, static_cast<double>(s.compressed_bytes) / 1e6);
        std::printf("| all sheets | | %.1f MB | |\n", static_cast<double>(total_xml) / 1e6);
    }
    remove_workbook(file);
    fs::remove(xlsx);
    std::error_code ignored;
    for (const char* f : {"stdout.txt", "stderr.txt"}) fs::remove(dir / f, ignored);
    fs::remove(dir, ignored);  // only if nothing else is left in it
    return 0;
}
