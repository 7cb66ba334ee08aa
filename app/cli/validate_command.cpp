#include <filesystem>
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/core/framework_reader.h"
#include "app/core/package.h"
#include "app/core/package_evaluation.h"

namespace cli {

namespace {

int validate_framework(const std::string& path, std::vector<core::Diagnostic>& warnings) {
    const auto fw = core::read_valid_framework(path, &warnings);
    for (const auto& w : warnings) std::cout << w.text() << "\n";
    std::size_t leaves = 0;
    for (const auto& lot : fw.lots) leaves += scoring::leaves_of(fw, lot).size();
    std::cout << path << ": valid framework \"" << fw.name << "\" version " << fw.version << " (" << fw.lots.size()
              << (fw.lots.size() == 1 ? " lot, " : " lots, ") << leaves << " scored criteria"
              << (warnings.empty() ? "" : ", " + std::to_string(warnings.size()) + " warning(s)") << ")\n";
    return ok;
}

int validate_package(const std::string& path, std::vector<core::Diagnostic>& warnings) {
    const auto package = core::read_package(path, &warnings);
    for (const auto& w : warnings) std::cout << w.text() << "\n";
    try {
        core::evaluate_package(package);  // finds what only evaluation can: missing scores, seeds
    } catch (const scoring::EvaluationError& e) {
        std::cerr << path << ": the package reads, but cannot be evaluated yet:\n";
        for (const auto& p : e.problems()) std::cerr << "  " << p << "\n";
        return invalid_input;
    }
    std::cout << path << ": valid tender package \"" << package.tender << "\" (" << package.bids.size() << " bids, "
              << package.scores.size() << " scored items, " << package.evaluators.size() << " evaluators"
              << (warnings.empty() ? "" : ", " + std::to_string(warnings.size()) + " warning(s)") << ")\n";
    return ok;
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
    auto path = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("validate", "Check a framework file or a tender package and list every problem");
    cmd->add_option("PATH", *path, "A framework .xml file or a tender package folder")->required();
    cmd->callback([path, &exit_code] {
        std::vector<core::Diagnostic> warnings;
        try {
            exit_code = std::filesystem::is_directory(*path) ? validate_package(*path, warnings)
                                                             : validate_framework(*path, warnings);
        } catch (const core::InputError& e) {
            std::cerr << e.what() << "\n";
            for (const auto& w : warnings) std::cerr << w.text() << "\n";
            exit_code = invalid_input;
        }
    });
}

}  // namespace cli
