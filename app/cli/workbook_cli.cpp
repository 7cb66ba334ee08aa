#include "app/cli/workbook_cli.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/core/output_file.h"
#include "app/core/source_error.h"
#include "app/core/workbook_reads.h"
#include "app/core/workflow.h"
#include "scoring/evaluation.h"
#include "scoring/money.h"

namespace cli {

namespace fs = std::filesystem;

void add_busy_timeout(CLI::App& cmd, WorkbookArgs& args) {
    cmd.add_option("--busy-timeout", args.busy_timeout_ms,
                   "Milliseconds to wait while another program is writing to the workbook (default 5000); "
                   "then give up with exit code 4")
        ->check(CLI::NonNegativeNumber);
}

void add_workbook_args(CLI::App& cmd, WorkbookArgs& args, bool actor_required) {
    cmd.add_option("FILE", args.file, "The workbook (FILE.tender)")->required();
    auto* as = cmd.add_option("--as", args.actor, "Your evaluator id: who is acting (checked against the workbook)");
    if (actor_required) as->required();
    add_busy_timeout(cmd, args);
}

namespace {

bool is_in_use(const core::WorkbookError& e) { return std::string(e.what()).find("in use") != std::string::npos; }

int report_workbook_error(const std::string& command, const core::WorkbookError& e) {
    std::cerr << "tenderbench " << command << ": " << e.what() << "\n";
    return is_in_use(e) ? busy : invalid_input;
}

// Anything not already one of ours: SQLite's errors become WorkbookError via the core;
// the rest is an internal error.
int report_other(const std::string& command, const std::string& file, const std::exception& e) {
    try {
        core::rethrow_storage_error(file, e);
    } catch (const core::WorkbookError& w) {
        return report_workbook_error(command, w);
    } catch (const std::exception& other) {
        std::cerr << "tenderbench " << command << ": internal error: " << other.what() << "\n";
    }
    return internal;
}

}  // namespace

int report_current_exception(const std::string& command, const std::string& file) {
    try {
        throw;
    } catch (const core::Refused& e) {
        std::cerr << "tenderbench " << command << ": refused (rule " << e.rule() << "): " << e.what() << "\n";
        return invalid_input;
    } catch (const core::WorkbookError& e) {
        return report_workbook_error(command, e);
    } catch (const core::InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.text() << "\n";
        return invalid_input;
    } catch (const core::OutputError& e) {
        std::cerr << "tenderbench " << command << ": " << e.what() << "\n";
        return invalid_input;
    } catch (const scoring::EvaluationError& e) {
        std::cerr << "tenderbench " << command << ": " << file << ": evaluation refused:\n";
        for (const auto& p : e.problems()) std::cerr << "  " << p << "\n";
        return invalid_input;
    } catch (const std::exception& e) {
        return report_other(command, file, e);
    }
}

int with_workbook(const std::string& command, const WorkbookArgs& args, const std::function<int(core::Workbook&)>& body,
                  bool read_only) {
    try {
        core::OpenOptions options;
        options.busy_timeout_ms = args.busy_timeout_ms;
        options.read_only = read_only;
        auto wb = core::Workbook::open(args.file, options);
        if (const auto& backup = wb.upgrade_backup())
            std::cerr << "tenderbench " << command << ": upgraded " << args.file
                      << " to the current workbook schema; the old file was kept as " << backup->string() << "\n";
        return body(wb);
    } catch (...) {
        return report_current_exception(command, args.file);
    }
}

int print_result(const core::CommandResult& result) {
    for (const auto& w : result.warnings) std::cerr << "warning: " << w << "\n";
    if (result.command == 0)
        std::cout << "nothing changed\n";
    else
        std::cout << "command " << result.command << ": " << result.records << " audit record"
                  << (result.records == 1 ? "" : "s") << "\n";
    return ok;
}

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path))
        throw core::InputError({{path.string(), 0, 0, "cannot read this file; check the path and its permissions"}});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string shorten(const std::string& text, std::size_t width) {
    if (text.size() <= width) return text;
    std::size_t cut = width > 3 ? width - 3 : 0;
    // Never cut inside a UTF-8 sequence: back up to the start of a character.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

std::string number_text(double value) { return scoring::format_number(value); }

}  // namespace cli
