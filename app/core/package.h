// A tender package: framework.xml, bids.xml and scores.xml in one folder (docs/formats.md section 2).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/source_error.h"
#include "scoring/evaluation.h"
#include "scoring/framework.h"
#include "scoring/price_schedule.h"

namespace core {

class XmlFile;

struct PackageBid {
    std::string lot;  // lot id
    scoring::BidInput input;
    scoring::SourceLine where;
    /// The bid's price schedule, if it has one; its total is `input.price`.
    std::vector<scoring::PriceLine> schedule;
    std::vector<scoring::SourceLine> schedule_where;  // one per line, for messages
};

enum class Role { officer, evaluator, moderator };

struct Evaluator {
    std::string id;
    std::string name;
    Role role = Role::evaluator;
};

struct IndividualScore {
    std::string evaluator;
    std::optional<double> score;  // nullopt when abstained
    std::string justification;    // or the reason for abstaining
    scoring::SourceLine where;
};

struct ConsensusScore {
    double score = 0;
    std::string moderator;
    std::string rationale;
    scoring::SourceLine where;
};

struct ScoreRecord {
    std::string bid;
    std::string criterion;
    std::vector<IndividualScore> individual;
    std::optional<ConsensusScore> consensus;
    scoring::SourceLine where;
};

struct Package {
    std::filesystem::path folder;
    scoring::Framework framework;
    std::string tender;
    std::string reference;
    std::vector<PackageBid> bids;
    std::vector<Evaluator> evaluators;
    std::vector<ScoreRecord> scores;
    std::map<std::string, std::uint64_t> lots_seeds;  // lot id -> seed
};

/// Reads a package folder and checks it: syntax and cross-references (lots, gates, measures,
/// bids, criteria, evaluators, scale points), and the framework's own validation errors. Throws
/// InputError listing every problem with file, line and column.
/// Warnings (which do not stop evaluation) are appended to `warnings` when given.
Package read_package(const std::filesystem::path& folder, std::vector<Diagnostic>* warnings = nullptr);

/// The schedule problems of every lot (scoring::schedule_problems per lot); each problem's
/// `bid` is an index into `bids`.
std::vector<scoring::ScheduleProblem> schedule_problems_by_lot(const std::vector<const PackageBid*>& bids,
                                                               const scoring::Framework& framework);

/// Reads one bids.xml file against `framework` (the bids part of read_package, with the same
/// checks, each problem added to `d`); `tender` receives its tender attribute. Throws
/// InputError when the file cannot be read or is not well-formed XML.
std::vector<PackageBid> read_bids_xml(const std::filesystem::path& path, const scoring::Framework& framework,
                                      Diagnostics& d, std::string* tender = nullptr);
/// The same from a file already parsed (tests, fuzzing).
std::vector<PackageBid> read_bids_xml(const XmlFile& file, const scoring::Framework& framework, Diagnostics& d,
                                      std::string* tender = nullptr);

std::string to_string(Role role);

}  // namespace core
