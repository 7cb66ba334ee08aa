// `tenderbench check`: the proportionality of a tender design, before the tender is published
// (docs/proportionality.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/framework_reader.h"
#include "app/core/proportionality_report.h"
#include "app/core/workbook_state.h"

namespace cli {

namespace {

namespace fs = std::filesystem;

struct CheckArgs {
    std::string path;
    std::string regime;
    bool json = false;
    std::string xlsx;
    std::vector<std::string> settings;
    WorkbookArgs workbook;  // --busy-timeout, for a .tender workbook
};

// Prints the report (and writes the workbook); exit 1 when any finding is an error.
int report(const CheckArgs& args, const scoring::Framework& fw, const std::string& file_name) {
    if (!fw.design) core::check_framework_design(fw, {}, file_name);  // throws: says what to add
    const auto regime = core::proportionality_regime(*fw.design, args.regime);
    const auto settings = core::proportionality_settings(regime, args.settings);
    const auto result = core::check_framework_design(fw, settings, file_name);
    if (args.json)
        std::cout << core::proportionality_json(fw, settings, result).dump(2) << "\n";
    else
        std::cout << core::proportionality_text(fw, settings, result);
    if (!args.xlsx.empty()) {
        core::write_proportionality_workbook(args.xlsx, fw, settings, result);
        (args.json ? std::cerr : std::cout) << "wrote " << args.xlsx << " (sheet: Proportionality)\n";
    }
    return result.has_errors() ? invalid_input : ok;
}

int check_file(const CheckArgs& args) {
    fs::path file = args.path;
    if (fs::is_directory(file)) file /= "framework.xml";
    const auto fw = core::read_framework(file);  // syntax only: validation problems become findings
    return report(args, fw, file.string());
}

// A workbook: the framework text it stores, read-only (checking never changes the tender).
int check_workbook(const CheckArgs& args) {
    auto workbook = args.workbook;
    workbook.file = args.path;
    return with_workbook(
        "check", workbook,
        [&args](core::Workbook& wb) {
            const std::string name = args.path + ": framework.xml";
            const auto fw = core::read_framework(core::XmlFile(name, core::TenderState(wb.db()).framework_xml()));
            return report(args, fw, name);
        },
        true);
}

}  // namespace

void add_check_commands(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<CheckArgs>();
    auto* cmd = app.add_subcommand(
        "check", "Check a tender design for proportionality before publication: every rule with its basis, the "
                 "bidders' and the panel's effort, a plain-language summary (exit 1 if any finding is an error)");
    cmd->add_option("PATH", args->path,
                    "A framework .xml file with a <design>, a tender package folder (its framework.xml) or a "
                    "workbook (FILE.tender)")
        ->required();
    cmd->add_option("--regime", args->regime,
                    "Whose rules: central (UK central government), local (England), scotland, wales; default: the "
                    "design's regime attribute, else central")
        ->check(CLI::IsMember({"central", "local", "scotland", "wales"}));
    cmd->add_flag("--json", args->json, "Print one JSON object (docs/proportionality.md)");
    cmd->add_option("--xlsx", args->xlsx, "Also write a workbook with the Proportionality sheet to this .xlsx file");
    cmd->add_option("--setting", args->settings,
                    "Override a numeric setting, NAME=NUMBER (repeatable), e.g. minutes-per-answer=30; names in "
                    "docs/proportionality.md");
    add_busy_timeout(*cmd, args->workbook);
    cmd->callback([args, &exit_code] {
        if (fs::path(args->path).extension() == ".tender") {
            exit_code = check_workbook(*args);
            return;
        }
        try {
            exit_code = check_file(*args);
        } catch (...) {
            exit_code = report_current_exception("check", args->path);
        }
    });
}

}  // namespace cli
