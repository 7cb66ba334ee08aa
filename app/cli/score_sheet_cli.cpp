// Offline score sheets: `export-sheet` (one evaluator's questions to Excel) and `import-sheet`
// (their scores back into the workbook, checked against the sheet's stamp).
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/score_sheet.h"

namespace cli {

namespace {

struct SheetArgs {
    WorkbookArgs wb;
    std::string evaluator;
    std::string sheet;  // -o for export, the positional SHEET for import
    bool dry_run = false;
};

int run_export_sheet(core::Workbook& wb, const SheetArgs& a) {
    const std::string actor = a.wb.actor.empty() ? a.evaluator : a.wb.actor;
    const auto report = core::export_score_sheet(wb, actor, a.evaluator, a.sheet);
    std::cout << "wrote " << report.file.string() << ": " << report.rows << " row" << (report.rows == 1 ? "" : "s")
              << " to score for " << report.evaluator << " (" << report.prefilled << " already recorded), scale"
              << (report.scales.size() == 1 ? " " : "s ");
    for (std::size_t i = 0; i < report.scales.size(); ++i) std::cout << (i ? ", " : "") << report.scales[i];
    std::cout << "\nexported at " << report.exported_at << " (UTC), fixed-hash " << report.fixed_hash << "\n"
              << "import it with: tenderbench import-sheet " << a.wb.file << " " << report.file.string() << "\n";
    return ok;
}

std::string score_text(const core::ScoreSheetChange& c) {
    return c.score ? number_text(*c.score) : std::string(core::score_sheet::abstain);
}

int run_import_sheet(core::Workbook& wb, const SheetArgs& a) {
    const auto r = core::import_score_sheet(wb, a.wb.actor, a.sheet, a.dry_run);
    const std::size_t recorded = r.unchanged;
    if (r.dry_run) std::cout << "dry run: nothing written\n";
    for (const auto& c : r.changes)
        std::cout << (r.dry_run ? "would record " : "recorded ") << c.bid << " " << c.criterion << " ("
                  << core::score_sheet::scores_sheet << "!" << c.cell << "): " << score_text(c)
                  << (c.was_recorded ? " (changed)" : " (new)") << "\n";
    if (r.changes.empty()) {
        std::cout << "nothing new: " << recorded << " score" << (recorded == 1 ? "" : "s") << " already recorded, "
                  << r.empty << " row" << (r.empty == 1 ? "" : "s") << " empty (" << r.file.string() << ")\n";
        return ok;
    }
    std::cout << (r.dry_run ? "would import " : "imported ") << r.file.string() << " for " << r.evaluator
              << (r.imported_by != r.evaluator ? " (by " + r.imported_by + " on their behalf)" : std::string())
              << ": new " << r.added << ", changed " << r.changed << ", abstentions " << r.abstentions << ", unchanged "
              << r.unchanged << ", empty " << r.empty << "\n";
    if (!r.dry_run)
        std::cout << "command " << r.result.command << ": " << r.result.records << " audit record"
                  << (r.result.records == 1 ? "" : "s") << "\n";
    return ok;
}

void add_export_sheet(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<SheetArgs>();
    auto* cmd = app.add_subcommand(
        "export-sheet",
        "Write an evaluator's offline score sheet (.xlsx): their assigned bids and questions, the scales with "
        "descriptors, a dropdown of scale points and a justification column, protected and stamped "
        "(individual evaluation; the evaluator, or the officer on their behalf)");
    add_workbook_args(*cmd, a->wb, false);
    cmd->get_option("--as")->description("Who is exporting: the evaluator (the default) or the officer");
    cmd->add_option("--evaluator", a->evaluator, "The evaluator whose sheet it is")->required();
    cmd->add_option("-o,--output", a->sheet, "The .xlsx file to write (replaced if it exists)")->required();
    cmd->callback([a, &exit_code] {
        // Read-only: making a sheet never changes or upgrades the workbook.
        exit_code = with_workbook(
            "export-sheet", a->wb, [a](core::Workbook& wb) { return run_export_sheet(wb, *a); }, true);
    });
}

void add_import_sheet(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<SheetArgs>();
    auto* cmd = app.add_subcommand(
        "import-sheet",
        "Import the scores of an offline score sheet made by export-sheet, after checking its stamp (tender, "
        "evaluator, framework, unaltered fixed cells); every row is checked and any problem imports nothing");
    add_workbook_args(*cmd, a->wb, false);
    cmd->add_option("SHEET", a->sheet, "The filled-in score sheet (.xlsx)")->required();
    cmd->get_option("--as")->description(
        "Who is importing: the sheet's evaluator (the default) or the officer on their behalf");
    cmd->add_flag("--dry-run", a->dry_run, "List what would be recorded and every problem; write nothing");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook(
            "import-sheet", a->wb, [a](core::Workbook& wb) { return run_import_sheet(wb, *a); }, a->dry_run);
    });
}

}  // namespace

void add_score_sheet_commands(CLI::App& app, int& exit_code) {
    add_export_sheet(app, exit_code);
    add_import_sheet(app, exit_code);
}

}  // namespace cli
