// `tenderbench summaries`: one assessment-summary letter per bidder as a Word .docx file that the
// officer edits and sends, built from the same assessment summaries as the Excel sheet.
#pragma once

#include <filesystem>
#include <vector>

#include "app/core/export_data.h"
#include "app/core/progress.h"

namespace core {

/// Writes one letter per bid into `folder` (created if missing, its parent must exist) named
/// LOT-BID-BIDDER.docx, and returns their paths. All or nothing: if one letter cannot be written,
/// those already written by this call are removed and OutputError is thrown.
/// `progress`, if given, is told each letter and may cancel (Cancelled; the letters written are removed).
std::vector<std::filesystem::path> write_summary_letters(const ExportData& data, const std::filesystem::path& folder,
                                                         Progress* progress = nullptr);

/// The same from a workbook, as `actor` (the officer, from price evaluation on), read in one snapshot.
std::vector<std::filesystem::path> write_summary_letters(Workbook& wb, const std::string& actor,
                                                         const std::filesystem::path& folder,
                                                         Progress* progress = nullptr);

}  // namespace core
