// The tenderbench subcommands: each registers its options on the CLI11 app and runs.
#pragma once

#include <CLI/CLI.hpp>

namespace cli {

/// Exit codes, documented in the README. `busy`: the workbook is in use by another program
/// that is writing to it, and the wait (--busy-timeout) ran out; nothing was changed.
enum Exit : int { ok = 0, invalid_input = 1, usage = 2, internal = 3, busy = 4 };

void add_evaluate_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);

// The .tender workbook (workbook_*_cli.cpp).
void add_workbook_create_commands(CLI::App& app, int& exit_code);   // new, import, status
void add_workbook_setup_commands(CLI::App& app, int& exit_code);    // evaluator, declare, conflict, assign, phase
void add_workbook_bid_commands(CLI::App& app, int& exit_code);      // bid, bids, gate, framework, alt-decision, ...
void add_workbook_scoring_commands(CLI::App& app, int& exit_code);  // score, abstain, scores, moderate, ..., undo
void add_workbook_record_commands(CLI::App& app, int& exit_code);   // log, verify
void add_export_commands(CLI::App& app, int& exit_code);            // export, summaries
void add_score_sheet_commands(CLI::App& app, int& exit_code);       // export-sheet, import-sheet
void add_import_commands(CLI::App& app, int& exit_code);            // import-bids
void add_check_commands(CLI::App& app, int& exit_code);             // check
void add_self_assess_commands(CLI::App& app, int& exit_code);       // self-assess

}  // namespace cli
