// The tenderbench subcommands: each registers its options on the CLI11 app and runs.
#pragma once

#include <CLI/CLI.hpp>

namespace cli {

/// Exit codes, documented in the README.
enum Exit : int { ok = 0, invalid_input = 1, usage = 2, internal = 3 };

void add_evaluate_command(CLI::App& app, int& exit_code);
void add_validate_command(CLI::App& app, int& exit_code);

}  // namespace cli
