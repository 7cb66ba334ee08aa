#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/package.h"
#include "app/core/package_evaluation.h"
#include "app/core/report_json.h"
#include "app/core/report_text.h"
#include "app/core/workbook_reads.h"

namespace cli {

namespace {

struct EvaluateArgs {
    std::string path;
    std::string lot;
    bool json = false;
    std::uint64_t seed = 0;
    bool has_seed = false;
    WorkbookArgs workbook;  // --as and --busy-timeout, for a .tender workbook
};

core::EvaluateOptions options_of(const EvaluateArgs& args) {
    core::EvaluateOptions options;
    if (!args.lot.empty()) options.lot = args.lot;
    if (args.has_seed) options.seed = args.seed;
    return options;
}

void print_evaluation(const EvaluateArgs& args, const core::Package& package, const core::PackageResult& result) {
    if (args.json)
        std::cout << core::evaluation_json(package, result).dump(2) << "\n";
    else
        std::cout << core::evaluation_text(package, result);
}

// A workbook: the same evaluation and output as for a package, of the tender as the actor may
// see it (prices must be open).
int run_evaluate_workbook(const EvaluateArgs& args) {
    if (args.workbook.actor.empty()) {
        std::cerr << "tenderbench evaluate: " << args.path
                  << ": a workbook is evaluated as someone: give --as YOUR_ID\nRun with --help for more information.\n";
        return usage;
    }
    auto workbook = args.workbook;
    workbook.file = args.path;
    return with_workbook("evaluate", workbook, [&args](core::Workbook& wb) {
        const auto package = core::package_for_evaluation(wb, args.workbook.actor);
        const auto result = core::evaluate_package(package, options_of(args));
        print_evaluation(args, package, result);
        return ok;
    });
}

int run_evaluate(const EvaluateArgs& args) {
    if (std::filesystem::path(args.path).extension() == ".tender") return run_evaluate_workbook(args);
    try {
        if (!std::filesystem::is_directory(args.path)) {
            std::cerr << "tenderbench evaluate: " << args.path
                      << ": not a tender package folder (a folder holding framework.xml, bids.xml and scores.xml); "
                         "to check a framework file alone use 'tenderbench validate'\n";
            return invalid_input;
        }
        std::vector<core::Diagnostic> warnings;
        const auto package = core::read_package(args.path, &warnings);
        const auto result = core::evaluate_package(package, options_of(args));
        print_evaluation(args, package, result);
        if (!args.json)
            for (const auto& w : warnings) std::cerr << w.text() << "\n";
        return ok;
    } catch (const core::InputError& e) {
        std::cerr << e.what() << "\n";
        return invalid_input;
    } catch (const scoring::EvaluationError& e) {
        std::cerr << "tenderbench evaluate: " << args.path << ": evaluation refused:\n";
        for (const auto& p : e.problems()) std::cerr << "  " << p << "\n";
        return invalid_input;
    }
}

}  // namespace

void add_evaluate_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<EvaluateArgs>();
    auto* cmd =
        app.add_subcommand("evaluate", "Evaluate a tender package or workbook and print the ranking of every lot");
    cmd->add_option("PATH", args->path,
                    "Tender package folder (framework.xml, bids.xml, scores.xml) or workbook (FILE.tender)")
        ->required();
    cmd->add_option("--as", args->workbook.actor,
                    "Your id, for a workbook (an officer or moderator from price_evaluation; anyone from award)");
    add_busy_timeout(*cmd, args->workbook);
    cmd->add_option("--lot", args->lot, "Evaluate only this lot id");
    cmd->add_flag("--json", args->json, "Print one JSON object (format: docs/formats.md section 4)");
    cmd->add_option("--seed", args->seed, "Seed for drawing lots, overriding the one recorded (scores.xml or the workbook)")
        ->each([args](const std::string&) { args->has_seed = true; });
    cmd->callback([args, &exit_code] { exit_code = run_evaluate(*args); });
}

}  // namespace cli
