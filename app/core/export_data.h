// Everything the Excel export and the assessment-summary letters show, read from a workbook in
// one consistent snapshot, with the tender evaluated by the scoring engine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/package.h"
#include "app/core/package_evaluation.h"
#include "app/core/verify.h"
#include "app/core/workbook.h"
#include "app/core/workbook_reads.h"

namespace core {

struct DeclarationRow {
    std::string evaluator;
    std::string bid;  // "*" for the whole tender
    bool conflict = false;
    std::string detail;
    std::string decision;  // allowed / removed / "" while undecided
    std::string decided_by;
    std::string decision_reason;
};

struct AssignmentRow {
    std::string evaluator;
    std::string criterion;
    std::string bid;  // "*" for every bid
};

struct ExportData {
    std::filesystem::path file;
    TenderRecord tender;
    Evaluator officer;  // who exported
    std::string exported_at;  // UTC
    Package package;
    PackageResult result;
    std::vector<DeclarationRow> declarations;
    std::vector<AssignmentRow> assignments;
    std::vector<ModerationItem> moderation;
    PanelStatistics statistics;
    std::map<std::pair<std::string, std::string>, std::string> consensus_time;  // (bid, criterion) -> UTC
    VerifyReport verify;  // filled by the Excel export (the letters do not need it)
    std::unordered_map<std::string, std::size_t> bid_index;  // id -> position in package.bids

    const PackageBid* bid(const std::string& id) const;
    const Evaluator* evaluator(const std::string& id) const;
};

/// Reads and evaluates the tender for export. Only the officer exports (the record holds every
/// score, price and the whole trail), from price evaluation on. Throws Refused for the rules,
/// scoring::EvaluationError when the tender cannot be evaluated yet (e.g. moderation unfinished).
/// The caller holds a read transaction (ReadSnapshot) so every sheet shows the same moment.
ExportData gather_export(Workbook& wb, const std::string& actor);

}  // namespace core
