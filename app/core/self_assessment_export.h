// A provider's self-assessment as an Excel workbook: the Self-assessment, Against competitors and
// Conditions sheets. Written on its own; it never opens or writes a .tender workbook.
#pragma once

#include <filesystem>

#include "app/core/self_assessment_report.h"

namespace core {

/// Writes `out` (replacing an older file) through a temporary file renamed on success; marks,
/// marks per point and totals on the Self-assessment sheet are live formulas over the scores and
/// weights, with the engine's values cached. Throws OutputError; nothing is left on failure.
void export_self_assessment(const SelfAssessmentView& view, const std::filesystem::path& out);

}  // namespace core
