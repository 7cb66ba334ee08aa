// Setting up the panel: `evaluator add/list`, `declare`, `conflict`, `assign`, and `phase`.
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"

namespace cli {

namespace {

struct EvaluatorArgs {
    WorkbookArgs wb;
    core::Evaluator evaluator;
    std::string role;
};

void add_evaluator_commands(CLI::App& app, int& exit_code) {
    auto* group = app.add_subcommand("evaluator", "Add an evaluator to the tender, or list them");
    group->require_subcommand(1);

    auto a = std::make_shared<EvaluatorArgs>();
    auto* add = group->add_subcommand("add", "Add an evaluator, moderator or officer (officer only)");
    add_workbook_args(*add, a->wb);
    add->add_option("--id", a->evaluator.id, "The new evaluator's id (e.g. E3)")->required();
    add->add_option("--name", a->evaluator.name, "Their full name")->required();
    add->add_option("--role", a->role, "officer, evaluator or moderator")
        ->required()
        ->check(CLI::IsMember({"officer", "evaluator", "moderator"}));
    add->callback([a, &exit_code] {
        exit_code = with_workbook("evaluator add", a->wb, [a](core::Workbook& wb) {
            a->evaluator.role = core::role_from_string(a->role).value_or(core::Role::evaluator);
            return print_result(core::add_evaluator(wb, a->wb.actor, a->evaluator));
        });
    });

    auto l = std::make_shared<WorkbookArgs>();
    auto* list = group->add_subcommand("list", "List the evaluators with their roles");
    add_workbook_args(*list, *l);
    list->callback([l, &exit_code] {
        exit_code = with_workbook("evaluator list", *l, [l](core::Workbook& wb) {
            for (const auto& e : core::list_evaluators(wb, l->actor))
                std::cout << e.id << "\t" << core::to_string(e.role) << "\t" << e.name << "\n";
            return ok;
        });
    });
}

struct DeclareArgs {
    WorkbookArgs wb;
    bool none = false;
    std::string bid;
    bool tender = false;
    std::string detail;
};

void add_declare(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<DeclareArgs>();
    auto* cmd = app.add_subcommand("declare",
                                   "Declare your conflicts of interest (needed before you may see any "
                                   "bid): none, one bid, or the whole tender");
    add_workbook_args(*cmd, a->wb);
    auto* what = cmd->add_option_group("declaration", "What you declare (exactly one)");
    what->add_flag("--none", a->none, "You have no conflict of interest with any bidder");
    what->add_option("--bid", a->bid, "You have a conflict of interest with this bid");
    what->add_flag("--tender", a->tender, "You have a conflict of interest with the whole tender");
    what->require_option(1);
    cmd->add_option("--detail", a->detail, "What the conflict is (or a statement that there is none)");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("declare", a->wb, [a](core::Workbook& wb) {
            const std::string bid = a->bid.empty() ? "*" : a->bid;
            return print_result(core::declare_interest(wb, a->wb.actor, bid, !a->none, a->detail));
        });
    });
}

struct ConflictArgs {
    WorkbookArgs wb;
    std::string evaluator;
    std::string bid;
    bool allow = false;
    bool remove = false;
    std::string reason;
};

void add_conflict(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ConflictArgs>();
    auto* cmd = app.add_subcommand("conflict", "Decide an evaluator's declared conflict of interest (officer)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--evaluator", a->evaluator, "The evaluator who declared the conflict")->required();
    cmd->add_option("--bid", a->bid, "The bid of the declaration, or * for the whole tender")->required();
    auto* decision = cmd->add_option_group("decision", "The decision (exactly one)");
    decision->add_flag("--allow", a->allow, "They may take part despite the declared interest");
    decision->add_flag("--remove", a->remove, "They are removed from the bid (or the tender)");
    decision->require_option(1);
    cmd->add_option("--reason", a->reason, "Why (recorded in the audit trail)")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("conflict", a->wb, [a](core::Workbook& wb) {
            return print_result(core::decide_conflict(wb, a->wb.actor, a->evaluator, a->bid, a->allow, a->reason));
        });
    });
}

struct AssignArgs {
    WorkbookArgs wb;
    std::string evaluator;
    std::string criterion;
    std::string bid = "*";
};

void add_assign(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<AssignArgs>();
    auto* cmd = app.add_subcommand("assign", "Assign a question to an evaluator, for every bid or one (officer)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--evaluator", a->evaluator, "Who will score")->required();
    cmd->add_option("--criterion", a->criterion, "The question's id in the framework")->required();
    cmd->add_option("--bid", a->bid, "Only this bid (default: every bid)");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("assign", a->wb, [a](core::Workbook& wb) {
            return print_result(core::assign(wb, a->wb.actor, a->evaluator, a->criterion, a->bid));
        });
    });
}

struct PhaseArgs {
    WorkbookArgs wb;
    std::string phase;
    std::string reason;
};

void add_phase(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<PhaseArgs>();
    auto* cmd = app.add_subcommand("phase",
                                   "Show the current phase, or move to PHASE: forward one step at a time, "
                                   "back only with --reason. Phases: " +
                                       core::phase_names());
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("PHASE", a->phase, "The phase to move to; without it, print the current phase")
        ->check([](const std::string& text) {
            return core::phase_from_string(text) ? std::string() : "PHASE must be one of: " + core::phase_names();
        });
    cmd->add_option("--reason", a->reason, "Why (required to go back a phase)");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("phase", a->wb, [a](core::Workbook& wb) -> int {
            if (a->phase.empty()) {
                std::cout << core::to_string(core::tender_summary(wb, a->wb.actor).tender.phase) << "\n";
                return ok;
            }
            const auto phase = core::phase_from_string(a->phase);
            return print_result(core::set_phase(wb, a->wb.actor, *phase, a->reason));
        });
    });
}

}  // namespace

void add_workbook_setup_commands(CLI::App& app, int& exit_code) {
    add_evaluator_commands(app, exit_code);
    add_declare(app, exit_code);
    add_conflict(app, exit_code);
    add_assign(app, exit_code);
    add_phase(app, exit_code);
}

}  // namespace cli
