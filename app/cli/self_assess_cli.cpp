// `self-assess`: a small provider scores its own bid against a published framework, without a
// tender workbook, and sees its projected marks, risks and chances against a competitor profile.
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/core/output_file.h"
#include "app/core/self_assessment_export.h"
#include "app/core/self_assessment_input.h"
#include "app/core/self_assessment_report.h"

namespace cli {

namespace {

struct SelfAssessArgs {
    std::string framework;  // FRAMEWORK_OR_PACKAGE
    std::string input;      // --input SELF.xml
    std::string lot;
    bool json = false;
    std::string xlsx;
};

int run_self_assess(const SelfAssessArgs& a) {
    try {
        std::vector<core::Diagnostic> warnings;
        const auto framework = core::read_published_framework(a.framework, &warnings);
        const auto input = core::read_self_assessment(a.input, framework, a.lot);
        const auto report = scoring::assess(framework, input);
        const core::SelfAssessmentView view{framework, input, report};
        if (!a.xlsx.empty()) core::export_self_assessment(view, a.xlsx);
        if (a.json)
            std::cout << core::self_assessment_json(view).dump(2) << "\n";
        else
            std::cout << core::self_assessment_text(view);
        if (!a.xlsx.empty() && !a.json) std::cout << "wrote " << a.xlsx << "\n";
        // Warnings about the buyer's framework (e.g. a minimum score whose consequence is not
        // stated) matter to the provider too; on stderr so that --json stays one object.
        for (const auto& w : warnings) std::cerr << w.text() << "\n";
        return ok;
    } catch (const core::InputError& e) {
        std::cerr << e.what() << "\n";
        return invalid_input;
    } catch (const scoring::EvaluationError& e) {
        std::cerr << "tenderbench self-assess: " << a.input << ": cannot assess:\n";
        for (const auto& p : e.problems()) std::cerr << "  " << p << "\n";
        return invalid_input;
    } catch (const core::OutputError& e) {
        std::cerr << "tenderbench self-assess: " << e.what() << "\n";
        return invalid_input;
    }
}

}  // namespace

void add_self_assess_commands(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<SelfAssessArgs>();
    auto* cmd = app.add_subcommand(
        "self-assess",
        "Self-assess a bid against a published framework: projected marks, thresholds at risk, where to improve, "
        "the highest price that still wins against a competitor profile, and conditions of participation "
        "(format: docs/self_assessment.md). Needs no tender workbook and writes to none");
    cmd->add_option("FRAMEWORK_OR_PACKAGE", a->framework,
                    "The published framework (.xml), or a tender package folder holding framework.xml")
        ->required();
    cmd->add_option("--input", a->input, "Your self-assessment file (SELF.xml): scores, notes, price, "
                                         "commitments, competitor profile, your turnover and insurance")
        ->required();
    cmd->add_option("--lot", a->lot, "The lot to assess (when the framework has several and the file names none)");
    cmd->add_flag("--json", a->json, "Print one JSON object (docs/self_assessment.md section 4)");
    cmd->add_option("--xlsx", a->xlsx, "Also write the self-assessment to this Excel file (replaced if it exists)");
    cmd->callback([a, &exit_code] { exit_code = run_self_assess(*a); });
}

}  // namespace cli
