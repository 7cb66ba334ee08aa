// Benchmarks of the .tender workbook (issue 3 targets: docs/benchmarks.md). Prints a Markdown table.
//   bench_workbook PACKAGE_FOLDER [RUNS]
// PACKAGE_FOLDER: e.g. from `generate_tender DIR 1000 50 1 5` (1,000 bids x 50 questions x 5
// evaluators: 250,000 individual scores).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "app/core/package_evaluation.h"
#include "app/core/verify.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "bench/bench_common.h"

namespace fs = std::filesystem;

namespace {

using bench::Clock;
using bench::median;
using bench::ms_since;
using bench::remove_workbook;
using bench::slurp;

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_workbook PACKAGE_FOLDER [RUNS=5]\n");
        return 2;
    }
    const fs::path folder = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const fs::path file = fs::temp_directory_path() / "bench_workbook.tender";
    const std::string xml = slurp(folder / "framework.xml");

    std::vector<double> read_ms, build_ms, open_ms, verify_ms;
    std::size_t records = 0, individual = 0, size = 0, bids = 0;
    for (int run = 0; run < runs; ++run) {
        remove_workbook(file);
        auto start = Clock::now();
        const auto package = core::read_package(folder);
        read_ms.push_back(ms_since(start));
        start = Clock::now();
        {
            auto wb = core::Workbook::create(file);
            core::import_package(wb, package, xml, "O1", "Benchmark Officer");
            core::set_phase(wb, "O1", core::Phase::price_evaluation, "");
        }
        build_ms.push_back(ms_since(start));

        start = Clock::now();
        std::size_t ranked = 0;
        {
            auto wb = core::Workbook::open(file);
            const auto result = core::evaluate_package(core::package_for_evaluation(wb, "O1"));
            for (const auto& lot : result.lots) ranked += lot.bids.size();
        }
        open_ms.push_back(ms_since(start));

        start = Clock::now();
        auto wb = core::Workbook::open(file);
        const auto report = core::verify(wb);
        verify_ms.push_back(ms_since(start));
        if (!report.ok || ranked == 0) {
            std::fprintf(stderr, "bench_workbook: verify failed or nothing ranked\n");
            return 1;
        }
        const auto summary = core::tender_summary(wb, "O1");
        records = static_cast<std::size_t>(summary.audit_records);
        individual = summary.individual_scores;
        bids = summary.bids;
        wb.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        size = fs::file_size(file);
    }
    remove_workbook(file);
    std::printf("| benchmark (%zu bids, %zu individual scores, %zu audit records) | median | target |\n", bids,
                individual, records);
    std::printf("|---|---:|---|\n");
    std::printf("| read the package XML (for reference) | %.0f ms | |\n", median(read_ms));
    std::printf("| build the workbook: create, import as one command, move to price evaluation | %.0f ms | < 5 s |\n",
                median(build_ms));
    std::printf("| open the workbook and evaluate | %.0f ms | < 300 ms |\n", median(open_ms));
    std::printf("| verify: recompute the chain, replay the trail, compare every entity | %.0f ms | < 3 s |\n",
                median(verify_ms));
    std::printf("| file size after checkpoint | %.1f MB | |\n", static_cast<double>(size) / 1e6);
    return 0;
}
