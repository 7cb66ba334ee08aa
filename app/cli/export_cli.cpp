// The tender record out of the workbook: `export` (the Excel workbook) and `summaries` (one
// assessment-summary letter per bidder).
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/excel_export.h"
#include "app/core/summary_letters.h"

namespace cli {

namespace {

struct ExportArgs {
    WorkbookArgs wb;
    std::string out;
};

int run_export(core::Workbook& wb, const ExportArgs& a) {
    const auto report = core::export_excel(wb, a.wb.actor, a.out);
    std::cout << "wrote " << report.file.string() << " (" << report.sheets.size() << " sheets: ";
    for (std::size_t i = 0; i < report.sheets.size(); ++i) std::cout << (i ? ", " : "") << report.sheets[i];
    std::cout << ")\n"
              << "audit records: " << report.audit_records << ", head " << report.head_hash << "\n"
              << (report.verified ? "verified: the audit trail is complete and unaltered\n"
                                  : "NOT VERIFIED: the export records the problems on its Audit trail sheet\n");
    if (!report.verified)
        std::cerr << "tenderbench export: warning: " << a.wb.file
                  << " does not verify; run 'tenderbench verify' for the details\n";
    return ok;
}

int run_summaries(core::Workbook& wb, const ExportArgs& a) {
    const auto letters = core::write_summary_letters(wb, a.wb.actor, a.out);
    for (const auto& f : letters) std::cout << "wrote " << f.string() << "\n";
    std::cout << letters.size() << " assessment summar" << (letters.size() == 1 ? "y" : "ies")
              << " (Word .docx): edit and send each before the award notice (Procurement Act 2023 s.50)\n";
    return ok;
}

// Both commands: FILE, --as, -o, read-only (an export never changes or upgrades the workbook).
void add_output_command(CLI::App& app, int& exit_code, const std::string& name, const std::string& help,
                        const std::string& output_help, int (*run)(core::Workbook&, const ExportArgs&)) {
    auto a = std::make_shared<ExportArgs>();
    auto* cmd = app.add_subcommand(name, help);
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("-o,--output", a->out, output_help)->required();
    cmd->callback([a, &exit_code, name, run] {
        exit_code = with_workbook(name, a->wb, [a, run](core::Workbook& wb) { return run(wb, *a); }, true);
    });
}

}  // namespace

void add_export_commands(CLI::App& app, int& exit_code) {
    add_output_command(app, exit_code, "export",
                       "Write the tender record to Excel (.xlsx): ranking, framework, price, quality, social value, "
                       "individual scores, moderation, evaluators, assessment summaries and the audit trail, with "
                       "live formulas (officer, from price evaluation on)",
                       "The .xlsx file to write (replaced if it exists)", run_export);
    add_output_command(app, exit_code, "summaries",
                       "Write one assessment-summary letter per bidder (Word .docx) into a folder: the criteria, the "
                       "bidder's scores and reasons, and the winning tender's (officer, from price evaluation on)",
                       "The folder to write the letters into (created if missing)", run_summaries);
}

}  // namespace cli
