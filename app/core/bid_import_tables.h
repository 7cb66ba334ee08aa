// Internal to import-bids: a table with its columns mapped to fields, and a bid as read with
// where each part came from (bid_import*.cpp only).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/bid_import.h"

namespace core {

struct MappedTable {
    Table table;
    int header_row = 1;
    std::map<std::string, std::size_t> columns;                    // field -> column
    std::vector<std::pair<std::string, std::size_t>> commitments;  // measure code -> column
    std::vector<std::string> ignored;                              // headers not mapped

    std::optional<std::size_t> column(const std::string& field) const;
    /// The rows after the header row that hold anything.
    std::vector<const TableRow*> data_rows() const;
};

/// Finds the header row and each field's column: the mapping's header for the field, or the
/// field's own name, compared ignoring case and repeated spaces. With `framework`, headers
/// "commitment:CODE" are commitment columns for measures of the framework. Reports missing
/// required columns, unknown measures and duplicate columns.
MappedTable map_columns(Table table, const ColumnMapping& mapping, const std::vector<std::string>& fields,
                        const std::vector<std::string>& required, const scoring::Framework* framework,
                        Diagnostics& d);

struct ImportedBid {
    PackageBid bid;
    Diagnostic at;                               // where the bid is (message empty)
    std::optional<scoring::Money> stated_price;  // the price column, when given and valid
    bool price_written = false;                  // the price cell holds something (valid or not)
    Diagnostic price_at;
    std::vector<Diagnostic> line_at;  // one per schedule line
};

/// Converts the bid rows (and the schedule rows, attached to their bids) with every value
/// checked; problems go to `d`.
std::vector<ImportedBid> read_bid_rows(const MappedTable& bids, const MappedTable* schedule,
                                       const scoring::Framework& framework, Diagnostics& d);

}  // namespace core
