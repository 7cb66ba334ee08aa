// Bids as they arrive from e-tendering portals (CSV, XLSX or our bids XML), with price schedules
// and social-value commitments, read, mapped and checked, then registered in one command
// (docs/import.md). Any problem anywhere means nothing is imported.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "app/core/progress.h"
#include "app/core/table.h"
#include "app/core/workbook.h"

namespace core {

/// Which column holds which field, for one table (bids or schedule).
struct ColumnMapping {
    std::string sheet;    // XLSX: the sheet to read ("" = the default)
    int header_row = 1;   // the line (CSV) or row (XLSX) holding the headers
    std::map<std::string, std::string> headers;  // field -> the header as written in the file
};

/// A mapping file (docs/import.md section 3): how a portal names its columns.
struct BidMapping {
    std::string file;  // where it was read from; empty for the default mapping
    ColumnMapping bids;
    ColumnMapping schedule;
};

/// Reads a mapping file; throws InputError with file, line and column for every problem.
BidMapping read_bid_mapping(const std::filesystem::path& path);

/// The fields of the bids table and of the schedule table. Commitment columns are fields named
/// "commitment:CODE" for a measure code of the framework.
const std::vector<std::string>& bid_fields();
const std::vector<std::string>& schedule_fields();

struct BidImportSource {
    std::filesystem::path bids;                     // .csv, .xlsx or .xml
    std::optional<std::filesystem::path> schedule;  // .csv or .xlsx; or a sheet of the bids .xlsx
    std::optional<std::filesystem::path> mapping;
    std::string sheet;  // overrides the mapping's bids sheet (XLSX)
};

struct BidImport {
    std::vector<PackageBid> bids;
    std::string description;             // "bids.csv (sha256 1f0c...)" and the schedule, for the audit
    std::vector<std::string> ignored;    // columns present but not mapped, for the dry run
};

/// Money as portals write it: "412500", "412,500.00", "£412,500.00", "GBP 412500". At most two
/// decimals, thousands separators only in groups of three. nullopt for anything else.
std::optional<scoring::Money> parse_money_loose(const std::string& text);
/// A number as written in a cell: "3.5", "1,250", or an XLSX number. nullopt for anything else.
std::optional<double> parse_number_loose(const TableCell& cell);

/// Reads the bid file (and schedule), maps columns, converts and checks every value against the
/// framework (lots, measures) and `existing` bid ids. Throws InputError listing every problem
/// with file, line and column (or sheet and cell), the value and what was expected.
BidImport read_bid_import(const BidImportSource& source, const scoring::Framework& framework,
                          const std::set<std::string>& existing);

/// The officer's checks and the read, without changing anything: what `import-bids --dry-run`
/// shows. Throws Refused (role, phase) or InputError.
BidImport prepare_bid_import(Workbook& wb, const std::string& actor, const BidImportSource& source);

/// Registers every bid of `import`, with its commitments and price schedule, as one command
/// (action "import-bids") whose reason names the source. Officer, setup or compliance phase.
/// Freezes the framework like the first bid does.
/// `progress`, if given, may cancel (Cancelled) until the command commits.
CommandResult import_bids(Workbook& wb, const std::string& actor, const BidImport& import,
                          Progress* progress = nullptr);

}  // namespace core
