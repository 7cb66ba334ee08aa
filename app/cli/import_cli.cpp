// `import-bids`: bids from an e-tendering portal's CSV or Excel export, or our bids XML, with
// price schedules and social-value commitments; --dry-run shows what would be imported.
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/bid_import.h"
#include "scoring/money.h"

namespace cli {

namespace {

struct ImportArgs {
    WorkbookArgs wb;
    std::string bids;
    std::string schedule;
    std::string mapping;
    std::string sheet;
    bool dry_run = false;
};

void print_bids(const core::BidImport& import) {
    std::size_t lines = 0;
    std::size_t commitments = 0;
    std::cout << "bid\tlot\tbidder\tSME\tVCSE\tprice\tcommitments\tschedule lines\n";
    for (const auto& b : import.bids) {
        const auto& in = b.input;
        std::cout << in.id << "\t" << b.lot << "\t" << shorten(in.bidder, 40) << "\t" << (in.sme ? "yes" : "no")
                  << "\t" << (in.vcse ? "yes" : "no") << "\t" << scoring::format_money(in.price) << "\t"
                  << in.commitments.size() << "\t" << b.schedule.size()
                  << (in.exclusion ? "\texcluded: " + shorten(*in.exclusion, 40) : "") << "\n";
        lines += b.schedule.size();
        commitments += in.commitments.size();
    }
    std::cout << import.bids.size() << " bid" << (import.bids.size() == 1 ? "" : "s") << ", " << commitments
              << " social-value commitment" << (commitments == 1 ? "" : "s") << ", " << lines << " price-schedule line"
              << (lines == 1 ? "" : "s") << " from " << import.description << "\n";
    if (!import.ignored.empty()) {
        std::cout << "columns not imported:";
        for (const auto& c : import.ignored) std::cout << " \"" << c << "\"";
        std::cout << "\n";
    }
}

int run(core::Workbook& wb, const ImportArgs& a) {
    core::BidImportSource source;
    source.bids = a.bids;
    if (!a.schedule.empty()) source.schedule = a.schedule;
    if (!a.mapping.empty()) source.mapping = a.mapping;
    source.sheet = a.sheet;
    const auto import = core::prepare_bid_import(wb, a.wb.actor, source);
    print_bids(import);
    if (a.dry_run) {
        std::cout << "dry run: no problems found; nothing was imported\n";
        return ok;
    }
    return print_result(core::import_bids(wb, a.wb.actor, import));
}

}  // namespace

void add_import_commands(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import-bids",
                                   "Register received bids from a portal export (.csv UTF-8 or .xlsx) or a bids "
                                   ".xml file, with price schedules and social-value commitments, all or nothing "
                                   "(officer, setup or compliance; see docs/import.md)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("bids", a->bids, "BIDS.csv, BIDS.xlsx or BIDS.xml")->required();
    cmd->add_option("--mapping", a->mapping,
                    "A mapping file naming the portal's columns (docs/import.md section 3)");
    cmd->add_option("--schedule", a->schedule,
                    "Price schedule lines (.csv or .xlsx: bid, item, description, unit, rate, quantity); an .xlsx "
                    "bids file may hold them on a sheet named 'Price schedule' instead");
    cmd->add_option("--sheet", a->sheet, "The sheet of an .xlsx bids file to read (default: the first)");
    cmd->add_flag("--dry-run", a->dry_run, "Show what would be imported and every problem; change nothing");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("import-bids", a->wb, [a](core::Workbook& wb) { return run(wb, *a); }, a->dry_run);
    });
}

}  // namespace cli
