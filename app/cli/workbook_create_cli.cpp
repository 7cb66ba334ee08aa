// `new` (a workbook from a framework template), `import` (a package folder into a new workbook)
// and `status` (what a workbook holds).
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/new_workbook.h"
#include "app/core/package.h"
#include "app/core/templates.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"

namespace cli {

namespace {

namespace fs = std::filesystem;

// Creates FILE through core::create_workbook_file (never half-made) and reports the result.
int create_and_fill(const std::string& command, const WorkbookArgs& args,
                    const std::function<core::CommandResult(core::Workbook&)>& fill) {
    try {
        core::OpenOptions options;
        options.busy_timeout_ms = args.busy_timeout_ms;
        const auto result = core::create_workbook_file(args.file, options, fill);
        std::cout << "created " << args.file << "\n";
        return print_result(result);
    } catch (...) {
        return report_current_exception(command, args.file);
    }
}

struct NewArgs {
    WorkbookArgs wb;
    std::string template_name;
    core::NewTender tender;
    bool no_two_envelope = false;
};

void add_new(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<NewArgs>();
    auto* cmd = app.add_subcommand("new",
                                   "Create a new workbook (FILE.tender) from a framework template, "
                                   "with you as the tender's officer (phase setup)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--template", a->template_name,
                    "A template name (e.g. uk_central_pa2023, looked up in the installed and source "
                    "templates folders) or the path of a framework .xml file")
        ->required();
    cmd->add_option("--name", a->tender.name, "The tender's name")->required();
    cmd->add_option("--reference", a->tender.reference, "The tender's reference (e.g. CT-2026-014)")->required();
    cmd->add_option("--officer-name", a->tender.officer_name, "Your full name, recorded with your id (--as)")
        ->required();
    cmd->add_flag("--no-two-envelope", a->no_two_envelope,
                  "Let quality evaluators see prices (by default prices stay sealed until price_evaluation)");
    cmd->callback([a, &exit_code] {
        try {
            const auto found = core::resolve_template(a->template_name);
            a->tender.framework_xml = read_text_file(found.path);
            a->tender.framework_source = found.source;
        } catch (...) {
            exit_code = report_current_exception("new", a->template_name);
            return;
        }
        a->tender.officer_id = a->wb.actor;
        a->tender.two_envelope = !a->no_two_envelope;
        exit_code =
            create_and_fill("new", a->wb, [a](core::Workbook& wb) { return core::create_tender(wb, a->tender); });
    });
}

std::optional<core::Phase> parse_phase_option(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return core::phase_from_string(text);
}

struct ImportArgs {
    WorkbookArgs wb;
    std::string package;
    std::string actor_name;
    std::string phase;
};

int run_import(const ImportArgs& a) {
    core::Package package;
    std::string framework_xml;
    try {
        std::vector<core::Diagnostic> warnings;
        package = core::read_package(a.package, &warnings);
        for (const auto& w : warnings) std::cerr << "warning: " << w.text() << "\n";
        framework_xml = read_text_file(fs::path(a.package) / "framework.xml");
    } catch (...) {
        return report_current_exception("import", a.package);
    }
    const auto phase = parse_phase_option(a.phase);
    return create_and_fill("import", a.wb, [&](core::Workbook& wb) {
        return core::import_package(wb, package, framework_xml, a.wb.actor, a.actor_name, phase);
    });
}

void add_import(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import",
                                   "Import a tender package folder into a new workbook as one audited "
                                   "command (each entity recorded with action \"import\")");
    cmd->add_option("PACKAGE", a->package, "Tender package folder (framework.xml, bids.xml, scores.xml)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("FILE", a->wb.file, "The new workbook (FILE.tender); must not exist yet")->required();
    cmd->add_option("--as", a->wb.actor,
                    "Your id: an officer or moderator of the package, or a new officer (then give --name)")
        ->required();
    add_busy_timeout(*cmd, a->wb);
    cmd->add_option("--name", a->actor_name, "Your full name, when you are not one of the package's evaluators");
    cmd->add_option("--phase", a->phase,
                    "The phase to start in (" + core::phase_names() + "); by default what the package shows")
        ->check([](const std::string& text) {
            return core::phase_from_string(text) ? std::string() : "PHASE must be one of: " + core::phase_names();
        });
    cmd->callback([a, &exit_code] { exit_code = run_import(*a); });
}

int print_status(core::Workbook& wb, const std::string& actor) {
    const auto s = core::tender_summary(wb, actor);
    std::cout << "tender:            " << s.tender.name << "\n"
              << "reference:         " << s.tender.reference << "\n"
              << "phase:             " << core::to_string(s.tender.phase) << "\n"
              << "framework:         " << s.framework_id << " \"" << s.framework_name << "\""
              << (s.framework_frozen ? " (frozen: bids opened)" : "") << "\n"
              << "two envelopes:     " << (s.tender.two_envelope ? "yes" : "no") << "\n"
              << "individual scores: " << s.individual_scores << (s.tender.individual_locked ? " (locked)" : "") << "\n"
              << "consensus scores:  " << s.consensus_scores << "\n"
              << "bids:              " << s.bids << "\n"
              << "evaluators:        " << s.evaluators << "\n"
              << "audit records:     " << s.audit_records << "\n"
              << "head hash:         " << s.head_hash << "\n";
    return ok;
}

void add_status(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<WorkbookArgs>();
    auto* cmd = app.add_subcommand("status", "Show the tender, its phase, framework, counts and the audit head");
    add_workbook_args(*cmd, *a);
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("status", *a, [a](core::Workbook& wb) { return print_status(wb, a->actor); });
    });
}

}  // namespace

void add_workbook_create_commands(CLI::App& app, int& exit_code) {
    add_new(app, exit_code);
    add_import(app, exit_code);
    add_status(app, exit_code);
}

}  // namespace cli
