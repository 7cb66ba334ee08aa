// libFuzzer target: the CSV reader on arbitrary bytes. An InputError is a proper refusal; any
// other exception, a crash, a sanitizer report or a broken invariant below is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/core/csv_reader.h"

namespace {

void check_invariants(const core::Table& table, const std::string& bytes) {
    int previous = 0;
    for (const auto& row : table.rows) {
        // Records start on later lines than the one before, and never past the last line.
        if (row.line <= previous || static_cast<std::size_t>(row.line) > bytes.size()) __builtin_trap();
        previous = row.line;
        for (const auto& cell : row.cells)
            if ((cell.type == core::TableCell::Type::text) == cell.text.empty()) __builtin_trap();
    }
}

void read(const std::string& bytes, const core::CsvLimits& limits) {
    try {
        check_invariants(core::read_csv_text("fuzz.csv", bytes, limits), bytes);
    } catch (const core::InputError& e) {
        if (e.diagnostics().empty() || e.diagnostics().front().message.empty()) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    read(bytes, {});
    // Small limits, so the refusals for big cells, wide records and many cells are reached too.
    core::CsvLimits small;
    small.max_cell_bytes = 16;
    small.max_columns = 8;
    small.max_cells = 64;
    read(bytes, small);
    return 0;
}
