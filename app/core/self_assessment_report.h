// A provider's self-assessment in plain words (text tables) and as JSON (docs/self_assessment.md
// section 4); the phrases are shared with the Excel export so all three say the same.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "scoring/framework.h"
#include "scoring/self_assessment.h"

namespace core {

/// What every rendering of one self-assessment reads.
struct SelfAssessmentView {
    const scoring::Framework& framework;
    const scoring::SelfAssessment& input;
    const scoring::SelfAssessmentReport& report;
};

std::string self_assessment_text(const SelfAssessmentView& view);
nlohmann::ordered_json self_assessment_json(const SelfAssessmentView& view);

/// "3 competitors priced 1900000.00 to 2250000.00, each scoring 3 on every question, ..."
std::string profile_words(const scoring::CompetitorProfile& profile);
/// "at risk: on the minimum of 2; one point lower fails it and the tender is excluded"
std::string threshold_words(const scoring::QuestionAssessment& question);
std::string quality_minimum_words(const scoring::QualityMinimum& minimum);
std::string break_even_words(const scoring::BreakEven& break_even);
std::string quality_needed_words(const scoring::QualityNeeded& needed);
/// "you would win", "2nd of 4: C1 would win", "out of contention: ..."
std::string standing_words(const scoring::Projection& projected);
/// "met", "NOT MET" or "cannot tell".
std::string condition_words(scoring::ConditionCheck::Status status);

}  // namespace core
