// Shared plumbing for the workbook subcommands: the FILE/--as/--busy-timeout options, opening
// the workbook, and turning refusals and errors into messages and exit codes.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/core/workbook.h"

namespace cli {

struct WorkbookArgs {
    std::string file;   // FILE.tender
    std::string actor;  // --as
    int busy_timeout_ms = 5000;
};

/// Adds the positional FILE.tender, --as ID (required unless `actor_required` is false) and
/// --busy-timeout MS to `cmd`.
void add_workbook_args(CLI::App& cmd, WorkbookArgs& args, bool actor_required = true);

/// Adds --busy-timeout MS only (for commands that take FILE in another position).
void add_busy_timeout(CLI::App& cmd, WorkbookArgs& args);

/// Opens the workbook and runs `body`; maps a refusal, a workbook or input error, or anything
/// else to its message on stderr and its exit code.
int with_workbook(const std::string& command, const WorkbookArgs& args, const std::function<int(core::Workbook&)>& body,
                  bool read_only = false);

/// The message and exit code for the exception being handled (call inside a catch block).
int report_current_exception(const std::string& command, const std::string& file);

/// "command N: K audit records" or "nothing changed", plus any warnings; returns ok.
int print_result(const core::CommandResult& result);


/// The whole of a text file (throws core::InputError if it cannot be read).
std::string read_text_file(const std::filesystem::path& path);

/// `text` cut to at most `width` characters (UTF-8 aware), with "..." when cut.
std::string shorten(const std::string& text, std::size_t width);

/// A score or other number without trailing zeros.
std::string number_text(double value);

}  // namespace cli
