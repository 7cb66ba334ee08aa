// Reads a provider's self-assessment file (docs/self_assessment.md) strictly, against the framework.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/core/source_error.h"
#include "app/core/xml_document.h"
#include "scoring/framework.h"
#include "scoring/self_assessment.h"

namespace core {

/// The published framework a provider assesses itself against: FRAMEWORK_OR_PACKAGE is a
/// framework .xml file or a tender package folder (its framework.xml). Validated as `validate`
/// does; warnings are appended to `warnings`. A .tender workbook is refused: self-assessment
/// never opens one. Throws InputError.
scoring::Framework read_published_framework(const std::filesystem::path& framework_or_package,
                                            std::vector<Diagnostic>* warnings);

/// Reads a self-assessment file and checks it against `framework`: unknown elements and
/// attributes and wrong types first, then the rules of scoring::check_self_assessment (unknown
/// criteria, scores off the scale, missing questions ...), every problem at once with its file,
/// line and column. `lot` (from the command line) names the lot when not empty; if the file names
/// another, that is an error. Throws InputError.
/// With `check` draft (answers saved part-way, as the GUI's Save answers writes them) <price> and
/// <competitors> and their prices may be missing and questions unscored; everything stated is
/// checked as strictly (scoring::SelfAssessmentCheck).
scoring::SelfAssessment read_self_assessment(
    const std::filesystem::path& path, const scoring::Framework& framework, const std::string& lot = "",
    scoring::SelfAssessmentCheck check = scoring::SelfAssessmentCheck::assessment);
scoring::SelfAssessment read_self_assessment(
    const XmlFile& file, const scoring::Framework& framework, const std::string& lot = "",
    scoring::SelfAssessmentCheck check = scoring::SelfAssessmentCheck::assessment);

/// Writes `input` (for `framework`) as a self-assessment file that read_self_assessment reads back
/// to the same values: what is unstated (a price of 0, an absent profile figure) is left out, so a
/// draft stays a draft. Written to a temporary file and renamed into place; throws OutputError.
void write_self_assessment(const scoring::Framework& framework, const scoring::SelfAssessment& input,
                           const std::filesystem::path& path);

}  // namespace core
