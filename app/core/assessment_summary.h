// Assessment summaries (Procurement Act 2023 s.50, Procurement Regulations 2024 reg 31; domain.md
// section 9): for each assessed bidder, the award criteria, its score and marks on each with the
// explanation, totals, the winning tender's the same, and any reasons for exclusion.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/export_data.h"

namespace core {

struct CriterionAssessment {
    std::string id;
    std::string name;
    scoring::GroupType group = scoring::GroupType::quality;
    double weight = 0;  // effective weight: the most marks available
    std::string how_scored;
    std::optional<double> score;  // the consensus score (questions)
    double marks = 0;
    std::string explanation;  // by reference to the tender: the consensus rationale, the price, the commitments
};

struct BidAssessment {
    std::string bid;
    std::string bidder;
    scoring::Money price = 0;
    bool in_contention = true;
    std::optional<int> rank;
    double price_marks = 0;
    double quality_marks = 0;
    double social_value_marks = 0;
    double total = 0;
    std::vector<CriterionAssessment> criteria;
    std::vector<std::string> reasons;  // why the bid was excluded (gates, thresholds, abnormally low)
};

struct AssessmentSummary {
    std::string tender;
    std::string reference;
    std::string lot_id;
    std::string lot_name;
    std::string award_method;  // the award model and price method in words
    std::size_t bids_assessed = 0;
    BidAssessment bidder;
    bool successful = false;
    std::optional<BidAssessment> winner;  // the winning tender, when this bidder is not the winner
    std::string outcome;                  // one sentence: successful, ranked N of M, or excluded and why
};

/// Why the bid is out of contention: its stated exclusion (code "excluded"), then each failed
/// gate, question minimum, quality minimum and abnormally-low rejection in the engine's words.
/// Empty when it is in contention.
std::vector<scoring::Flag> exclusion_reasons(const PackageBid& bid, const scoring::BidResult& result);

/// One summary per bid of every lot, in lot order then rank (bids out of contention last).
std::vector<AssessmentSummary> assessment_summaries(const ExportData& data);

}  // namespace core
