// `tenderbench export`: the whole tender record as an Excel workbook whose marks and totals are
// live formulas (with the program's values cached), plus the panel, summaries and audit trail.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/core/progress.h"
#include "app/core/workbook.h"

namespace core {

struct ExportReport {
    std::filesystem::path file;
    std::vector<std::string> sheets;
    std::int64_t audit_records = 0;
    bool verified = false;
    std::string head_hash;
};

/// Writes the tender in `wb` to `out` (.xlsx) as `actor` (the officer). The file appears only when
/// complete (AtomicOutput). Throws Refused, scoring::EvaluationError or OutputError; never leaves
/// a partial file. `progress`, if given, is told each sheet and may cancel (Cancelled) until the
/// file is complete.
ExportReport export_excel(Workbook& wb, const std::string& actor, const std::filesystem::path& out,
                          Progress* progress = nullptr);

}  // namespace core
