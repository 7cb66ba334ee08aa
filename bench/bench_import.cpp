// Benchmark of import-bids (issue 4 targets, docs/benchmarks.md): a 1,000-bid portal CSV in under
// 300 ms, a 10 MB portal XLSX in under 3 s, each read, checked and registered in a workbook.
//   bench_import FRAMEWORK.xml [RUNS=5]
// FRAMEWORK.xml: templates/local_authority_care.xml (one lot, measures LC1-LC7).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/core/bid_import.h"
#include "app/core/workbook_commands.h"
#include "app/core/xlsx_book.h"
#include "bench/bench_common.h"

namespace fs = std::filesystem;

namespace {

using bench::Clock;
using bench::median;
using bench::ms_since;
using bench::remove_workbook;
using bench::slurp;

constexpr int bids = 1000;
constexpr int schedule_items = 20;
const char* measures[] = {"LC1", "LC2", "LC3", "LC4", "LC5", "LC6", "LC7"};

std::string money_text(long long pence) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%lld.%02lld", pence / 100, pence % 100);
    return buffer;
}

// A portal CSV: quoted names with commas, "£1,234,567.89" prices, seven commitment columns.
void write_csv(const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBFid,bidder,sme,vcse,price";
    for (const char* m : measures) out << ",commitment:" << m;
    out << ",Submitted at\r\n";
    std::mt19937 rng(42);
    for (int b = 0; b < bids; ++b) {
        const long long pence = 90000000 + static_cast<long long>(rng() % 60000000);
        out << "B" << (b + 1) << ",\"Provider " << b << ", Care \"\"Services\"\" Ltd\"," << (b % 3 ? "yes" : "no") << ","
            << (b % 7 ? "no" : "yes") << ",\"£" << money_text(pence) << "\"";
        for (int m = 0; m < 7; ++m) out << "," << (rng() % 4 ? std::to_string(rng() % 500) : std::string());
        out << ",2026-04-20 11:" << (b % 60) << "\r\n";
    }
}

// Free text like a bidder's answer: words drawn at random, so it compresses like prose.
std::string answer(std::mt19937& rng, std::size_t chars) {
    static const std::vector<std::string> words{
        "service", "users", "we", "will", "ensure", "support", "staff", "training", "quality", "assurance",
        "local", "community", "outcomes", "monitoring", "safeguarding", "person-centred", "care", "plans",
        "reviewed", "monthly", "with", "families", "and", "commissioners", "our", "team", "delivers"};
    std::string text;
    while (text.size() < chars) text += words[rng() % words.size()] + (rng() % 12 ? " " : ". ");
    return text;
}

// A portal XLSX: the bids with six answer columns of about 1,700 words each (not imported, but
// read, as portals export the bidders' answers too) and a Price schedule sheet of 20 items a bid.
void write_xlsx(const fs::path& path) {
    core::xlsx::Book book(path, "portal export");
    auto& responses = book.add_sheet("Responses");
    std::vector<std::string> headers{"id", "bidder", "sme", "price"};
    for (const char* m : measures) headers.push_back(std::string("commitment:") + m);
    for (int q = 1; q <= 6; ++q) headers.push_back("Response to question " + std::to_string(q));
    for (std::size_t c = 0; c < headers.size(); ++c) responses.text(0, static_cast<std::uint16_t>(c), headers[c]);
    std::mt19937 rng(7);
    std::vector<long long> rates(static_cast<std::size_t>(bids) * schedule_items);
    for (auto& r : rates) r = 1000 + rng() % 90000;
    for (int b = 0; b < bids; ++b) {
        const auto row = static_cast<std::uint32_t>(b + 1);
        responses.text(row, 0, "B" + std::to_string(b + 1));
        responses.text(row, 1, "Provider " + std::to_string(b) + " Ltd");
        responses.text(row, 2, b % 3 ? "Yes" : "No");
        responses.blank(row, 3, core::xlsx::Style::plain);  // the price comes from the schedule
        for (std::uint16_t m = 0; m < 7; ++m) responses.number(row, static_cast<std::uint16_t>(4 + m), rng() % 500);
        for (std::uint16_t q = 0; q < 6; ++q) responses.text(row, static_cast<std::uint16_t>(11 + q), answer(rng, 10900));
    }
    auto& schedule = book.add_sheet("Price schedule");
    const std::vector<std::string> sh{"bid", "item", "description", "unit", "rate", "quantity"};
    for (std::uint16_t c = 0; c < sh.size(); ++c) schedule.text(0, c, sh[c]);
    std::uint32_t row = 1;
    for (int b = 0; b < bids; ++b)
        for (int i = 0; i < schedule_items; ++i, ++row) {
            schedule.text(row, 0, "B" + std::to_string(b + 1));
            schedule.text(row, 1, "S" + std::to_string(i + 1));
            schedule.text(row, 2, "Support hours, band " + std::to_string(i + 1));
            schedule.text(row, 3, "hour");
            schedule.number(row, 4, static_cast<double>(rates[static_cast<std::size_t>(b) * schedule_items + i]) / 100);
            schedule.number(row, 5, 100 + i * 10);
        }
    book.close();
}

// Creates a fresh workbook in setup, then times the import alone (read, check, register).
double timed_import(const fs::path& framework, const fs::path& workbook, const core::BidImportSource& source,
                    std::size_t& records) {
    remove_workbook(workbook);
    auto wb = core::Workbook::create(workbook);
    core::create_tender(wb, {"Bench", "B-1", slurp(framework), framework.string(), "O1", "Officer", true});
    const auto start = Clock::now();
    const auto result = core::import_bids(wb, "O1", core::prepare_bid_import(wb, "O1", source));
    const double ms = ms_since(start);
    records = result.records;
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_import FRAMEWORK.xml [RUNS=5]\n");
        return 2;
    }
    const fs::path framework = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const fs::path dir = fs::temp_directory_path() / "bench_import";
    fs::create_directories(dir);
    const auto csv = dir / "bids.csv", xlsx = dir / "bids.xlsx";
    write_csv(csv);
    write_xlsx(xlsx);
    core::BidImportSource from_csv, from_xlsx;
    from_csv.bids = csv;
    from_xlsx.bids = xlsx;
    std::vector<double> csv_ms, xlsx_ms;
    std::size_t csv_records = 0, xlsx_records = 0;
    try {
        for (int r = 0; r < runs; ++r) {
            csv_ms.push_back(timed_import(framework, dir / "csv.tender", from_csv, csv_records));
            xlsx_ms.push_back(timed_import(framework, dir / "xlsx.tender", from_xlsx, xlsx_records));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_import: %s\n", e.what());
        return 1;
    }
    std::printf("| import | file | audit records | median of %d | target |\n|---|---:|---:|---:|---:|\n", runs);
    std::printf("| 1,000-bid CSV, 7 commitment columns | %.0f KB | %zu | %.0f ms | < 300 ms |\n",
                static_cast<double>(fs::file_size(csv)) / 1024, csv_records, median(csv_ms));
    std::printf("| 1,000-bid XLSX, 6 answer columns, %d-line schedules | %.1f MB | %zu | %.0f ms | < 3000 ms |\n",
                schedule_items, static_cast<double>(fs::file_size(xlsx)) / (1024 * 1024), xlsx_records,
                median(xlsx_ms));
    fs::remove_all(dir);
    return 0;
}
