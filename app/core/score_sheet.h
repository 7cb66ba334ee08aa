// Offline score sheets: one evaluator's questions exported to Excel, scored offline and imported
// back (docs/score_sheets.md). The layout, the stamp and the fixed-hash shared by both directions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/progress.h"
#include "app/core/workbook.h"
#include "app/core/workbook_state.h"
#include "app/core/xlsx_book.h"

namespace core {

// ---- Exporting ----------------------------------------------------------------------------

struct ScoreSheetExport {
    std::filesystem::path file;
    std::string evaluator;
    std::size_t rows = 0;             // bid x question rows to score
    std::size_t prefilled = 0;        // rows holding a score or abstention already recorded
    std::vector<std::string> scales;  // scale ids on the Scales sheet
    std::string exported_at;          // UTC
    std::string fixed_hash;
};

/// Writes `evaluator`'s score sheet to `out` (.xlsx) as `actor` (the evaluator, or the officer
/// on their behalf). Only what the evaluator may score now: assigned questions of bids in
/// contention they are not conflicted from, in individual evaluation; no prices. Throws Refused
/// (naming the rule) when the actor may not, or the evaluator has nothing to score, and
/// OutputError; the file appears only when complete.
ScoreSheetExport export_score_sheet(Workbook& wb, const std::string& actor, const std::string& evaluator,
                                    const std::filesystem::path& out);

// ---- Importing ----------------------------------------------------------------------------

/// One row of the sheet that changes the workbook.
struct ScoreSheetChange {
    std::string bid;
    std::string criterion;
    std::string cell;             // the Score cell, e.g. "I7"
    std::optional<double> score;  // nullopt: abstains
    std::string justification;    // or the reason for abstaining
    bool was_recorded = false;    // false: new; true: changes a recorded score or abstention
};

struct ScoreSheetImport {
    std::filesystem::path file;
    std::string evaluator;
    std::string imported_by;  // the actor: the evaluator, or the officer on their behalf
    std::string fixed_hash;
    bool dry_run = false;
    std::vector<ScoreSheetChange> changes;
    std::size_t added = 0;        // scores (not abstentions) where nothing was recorded
    std::size_t changed = 0;      // scores or abstentions replacing a different recorded one
    std::size_t abstentions = 0;  // of the changes, how many abstain
    std::size_t unchanged = 0;    // rows equal to what is recorded
    std::size_t empty = 0;        // rows left blank (not scored yet)
    CommandResult result;         // command 0 when nothing was written
};

/// Imports the scores of a sheet made by export_score_sheet. `actor` empty means the sheet's
/// evaluator. Checks, in order: the stamp; the tender; the evaluator and who imports; the
/// framework; the fixed-hash of the stamp and of each sheet; the phase; then every row. Any
/// problem: nothing is imported (Refused for the sheet as a whole, InputError listing every row
/// problem with sheet and cell). Otherwise applies every new or changed row in one command,
/// action "import-sheet", reason naming the file and its fixed-hash; `dry_run` writes nothing.
/// `progress`, if given, may cancel (Cancelled) until the command commits.
ScoreSheetImport import_score_sheet(Workbook& wb, const std::string& actor, const std::filesystem::path& sheet,
                                    bool dry_run, Progress* progress = nullptr);

// ---- The layout, stamp and hash both directions share --------------------------------------

namespace score_sheet {

inline const std::string format = "tenderbench-score-sheet 1";
inline const std::string instructions_sheet = "Instructions";
inline const std::string scores_sheet = "Scores";
inline const std::string scales_sheet = "Scales";
inline const std::string stamp_sheet = "Stamp";
inline const std::string abstain = "Abstain";

/// Scores sheet: title (row 1), note (row 2), header (row 3), one row per bid x question from row 4.
inline constexpr std::uint32_t header_row = 2;
inline constexpr std::uint32_t first_item_row = 3;
enum Column : std::uint16_t { bid, bidder, lot, question, title, asks, scale, allowed, score, justification };

/// A fixed (protected) cell as written, with its text exactly as the hash takes it.
struct Cell {
    std::uint32_t row = 0;
    std::uint16_t column = 0;
    std::string text;              // numbers: number_text(value)
    std::optional<double> number;  // written as a number when set
    xlsx::Style style = xlsx::Style::plain;
};

/// One row to score: the bid, the question and what is recorded for it now.
struct Item {
    BidRecord bid;
    const scoring::Criterion* question = nullptr;
    const scoring::Scale* scale = nullptr;
    bool abstention_allowed = false;
    std::optional<IndividualScoreRow> recorded;
};

/// Everything fixed on the Scores and Scales sheets for one evaluator, from the workbook now.
/// Pointers refer into the TenderState's framework.
struct Content {
    Evaluator evaluator;
    std::vector<Item> items;
    std::vector<const scoring::Scale*> scales;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> scale_rows;  // each scale's first and last row on Scales
    std::vector<Cell> scores;                                         // fixed cells of Scores, row-major
    std::vector<Cell> scales_cells;
};

/// What `evaluator` may score now, one item per bid x assigned question (the score sheet's rows
/// and the GUI's Scoring page). Refuses, naming the rule, when they may not score or have nothing
/// to score: role, conflict-declaration, phase, assignment, nothing-to-score. Pointers refer into
/// `state`'s framework.
std::vector<Item> scoring_items(TenderState& state, const Evaluator& evaluator);

/// What `evaluator` may score now, laid out. Refuses (naming the rule) when they may not score or
/// have nothing to score: role, phase, conflict-declaration, assignment, nothing-to-score.
Content build_content(TenderState& state, const Evaluator& evaluator);

/// The shortest decimal that reads back as the same double ("5", "2.5", "0.1").
std::string number_text(double value);
/// The allowed scores in words: "0 to 5, whole points; or Abstain".
std::string allowed_text(const scoring::Scale& scale, bool abstention_allowed);

/// SHA-256 (lower-case hex) of the compact, ASCII-only JSON array of [cell, text] pairs, in the
/// order given (row-major): the hash of one sheet's fixed cells (docs/score_sheets.md).
std::string cells_hash(const std::vector<std::pair<std::string, std::string>>& cells);
std::vector<std::pair<std::string, std::string>> named_cells(const std::vector<Cell>& cells);

/// The stamp's key/value rows in sheet order (column A key, column B value, from row 1); the
/// last is fixed-hash, whose value cell is the only stamp cell the fixed-hash leaves out.
struct Stamp {
    std::string tender;
    std::string reference;
    std::string evaluator;
    std::string exported_by;
    std::string exported_at;
    std::string framework;  // SHA-256 of the stored framework XML
    std::string rows;
    std::string scores_hash;
    std::string scales_hash;
    std::string fixed_hash;

    std::vector<std::pair<std::string, std::string>> fields() const;  // without fixed-hash
    /// The fixed-hash these fields give: cells_hash of A1, B1, A2, B2 ... and A of fixed-hash's row.
    std::string compute_fixed_hash() const;
};
inline const std::vector<std::string> stamp_keys{"format",      "tender",      "reference", "evaluator",
                                                 "exported by", "exported at", "framework", "rows",
                                                 "scores-hash", "scales-hash", "fixed-hash"};

/// SHA-256 of the framework XML as stored in the workbook.
std::string framework_hash(TenderState& state);
/// UTC time of the last change to the framework, "" if never recorded.
std::string framework_changed_at(TenderState& state);

}  // namespace score_sheet

}  // namespace core
