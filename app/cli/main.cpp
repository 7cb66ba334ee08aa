// tenderbench: evaluate and validate public tenders, and work on a .tender workbook, from the
// command line.
#include <exception>
#include <iostream>

#include "app/cli/commands.h"

int main(int argc, char** argv) {
    CLI::App app{"TenderBench: evaluate public tenders with a complete, verifiable record.\n"
                 "Exit codes: 0 ok, 1 invalid input or refused by a rule, 2 usage error, 3 internal error,\n"
                 "4 workbook in use by another program (nothing changed; try again)."};
    app.name("tenderbench");
    app.set_version_flag("--version", "tenderbench 0.1.0");
    app.require_subcommand(1);
    int exit_code = cli::ok;
    cli::add_evaluate_command(app, exit_code);
    cli::add_validate_command(app, exit_code);
    cli::add_workbook_create_commands(app, exit_code);
    cli::add_workbook_setup_commands(app, exit_code);
    cli::add_workbook_bid_commands(app, exit_code);
    cli::add_workbook_scoring_commands(app, exit_code);
    cli::add_workbook_record_commands(app, exit_code);
    cli::add_export_commands(app, exit_code);
    cli::add_score_sheet_commands(app, exit_code);
    cli::add_import_commands(app, exit_code);
    cli::add_check_commands(app, exit_code);
    cli::add_self_assess_commands(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return cli::usage;
    } catch (const std::exception& e) {
        std::cerr << "tenderbench: internal error: " << e.what() << "\n";
        return cli::internal;
    }
    return exit_code;
}
