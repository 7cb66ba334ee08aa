// Bids and the officer's decisions on them: `bid add`, `bids`, `gate`, `framework`,
// `alt-decision`, `sv-decision` and `seed`.
#include <iostream>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "scoring/money.h"

namespace cli {

namespace {

std::string check_money(const std::string& text) {
    return scoring::parse_money(text) ? std::string()
                                      : "\"" + text + "\" is not an amount of money; write it like 1234.56";
}

struct BidArgs {
    WorkbookArgs wb;
    core::NewBid bid;
    std::string price;
};

void add_bid_commands(CLI::App& app, int& exit_code) {
    auto* group = app.add_subcommand("bid", "Register a received bid");
    group->require_subcommand(1);
    auto a = std::make_shared<BidArgs>();
    auto* add = group->add_subcommand("add",
                                      "Register a received bid (setup or compliance; the first bid "
                                      "freezes the framework)");
    add_workbook_args(*add, a->wb);
    add->add_option("--id", a->bid.id, "The bid's id (e.g. B07)")->required();
    add->add_option("--lot", a->bid.lot, "The lot's id (a framework without lots has lot 1)")->required();
    add->add_option("--bidder", a->bid.bidder, "The bidder's name")->required();
    add->add_option("--price", a->price, "The tendered price, e.g. 1234.56")->required()->check(check_money);
    add->add_flag("--sme", a->bid.sme, "The bidder is a small or medium-sized enterprise");
    add->add_flag("--vcse", a->bid.vcse, "The bidder is a voluntary, community or social enterprise");
    add->callback([a, &exit_code] {
        a->bid.price = *scoring::parse_money(a->price);
        exit_code = with_workbook(
            "bid add", a->wb, [a](core::Workbook& wb) { return print_result(core::add_bid(wb, a->wb.actor, a->bid)); });
    });

    auto l = std::make_shared<WorkbookArgs>();
    auto* list = app.add_subcommand("bids",
                                    "List the bids you may see (prices stay sealed for quality evaluators "
                                    "until price_evaluation under two envelopes)");
    add_workbook_args(*list, *l);
    list->callback([l, &exit_code] {
        exit_code = with_workbook("bids", *l, [l](core::Workbook& wb) {
            for (const auto& v : core::bids_for(wb, l->actor)) {
                const auto& b = v.bid;
                std::cout << b.id << "\t" << b.lot << "\t" << b.bidder << "\t"
                          << (v.price_sealed ? "sealed" : scoring::format_money(b.price)) << (b.sme ? "\tSME" : "")
                          << (b.vcse ? "\tVCSE" : "") << (b.exclusion ? "\texcluded: " + *b.exclusion : "") << "\n";
            }
            return ok;
        });
    });
}

struct GateArgs {
    WorkbookArgs wb;
    std::string bid;
    std::string gate;
    bool pass = false;
    bool fail = false;
    std::string reason;
};

void add_gate(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<GateArgs>();
    auto* cmd = app.add_subcommand("gate", "Record a pass/fail gate result with its reason (compliance, officer)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--bid", a->bid, "The bid")->required();
    cmd->add_option("--gate", a->gate, "The gate's id in the framework")->required();
    auto* result = cmd->add_option_group("result", "The result (exactly one)");
    result->add_flag("--pass", a->pass, "The bid meets the requirement");
    result->add_flag("--fail", a->fail, "The bid fails it (and is excluded from scoring)");
    result->require_option(1);
    cmd->add_option("--reason", a->reason, "The evidence or reason (recorded)")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("gate", a->wb, [a](core::Workbook& wb) {
            return print_result(core::record_gate(wb, a->wb.actor, a->bid, a->gate, a->pass, a->reason));
        });
    });
}

struct FrameworkArgs {
    WorkbookArgs wb;
    std::string file;
    std::string reason;
};

void add_framework(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<FrameworkArgs>();
    auto* cmd = app.add_subcommand("framework",
                                   "Replace the framework (officer); once bids are opened a reason "
                                   "is required and everything recorded must still fit");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--file", a->file, "The new framework .xml file")->required();
    cmd->add_option("--reason", a->reason, "Why (required once the framework is frozen)");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("framework", a->wb, [a](core::Workbook& wb) {
            const auto xml = read_text_file(a->file);
            return print_result(core::change_framework(wb, a->wb.actor, xml, a->file, a->reason));
        });
    });
}

struct AltArgs {
    WorkbookArgs wb;
    std::string bid;
    bool accept = false;
    bool reject = false;
    std::string reason;
};

void add_alt_decision(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<AltArgs>();
    auto* cmd = app.add_subcommand("alt-decision",
                                   "Record the decision on a bid flagged abnormally low, after "
                                   "asking the bidder to explain (officer)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--bid", a->bid, "The bid")->required();
    auto* decision = cmd->add_option_group("decision", "The decision (exactly one)");
    decision->add_flag("--accept", a->accept, "The explanation is satisfactory: the bid stays in");
    decision->add_flag("--reject", a->reject, "The bid is rejected as abnormally low");
    decision->require_option(1);
    cmd->add_option("--reason", a->reason, "Why (recorded)")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("alt-decision", a->wb, [a](core::Workbook& wb) {
            const auto d = a->accept ? scoring::AltDecision::accepted : scoring::AltDecision::rejected;
            return print_result(core::alt_decision(wb, a->wb.actor, a->bid, d, a->reason));
        });
    });
}

struct SvArgs {
    WorkbookArgs wb;
    std::string bid;
    std::string measure;
    bool accept = false;
    bool reduce = false;
    bool reject = false;
    std::optional<double> quantity;
    std::optional<double> percent;
    std::string reason;
};

void add_sv_decision(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<SvArgs>();
    auto* cmd = app.add_subcommand("sv-decision",
                                   "Decide whether a social-value commitment is deliverable: "
                                   "accept, reduce (to a quantity or a percentage) or reject");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--bid", a->bid, "The bid")->required();
    cmd->add_option("--measure", a->measure, "The measure's code in the framework")->required();
    auto* decision = cmd->add_option_group("decision", "The decision (exactly one)");
    decision->add_flag("--accept", a->accept, "Accept the committed quantity");
    decision->add_flag("--reduce", a->reduce, "Accept less: give --quantity or --percent");
    decision->add_flag("--reject", a->reject, "Reject the commitment");
    decision->require_option(1);
    auto* quantity = cmd->add_option("--quantity", a->quantity, "The accepted quantity (with --reduce)");
    cmd->add_option("--percent", a->percent, "The accepted percentage of the commitment (with --reduce)")
        ->excludes(quantity);
    cmd->add_option("--reason", a->reason, "Why (recorded)")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("sv-decision", a->wb, [a](core::Workbook& wb) {
            const auto d = a->accept   ? scoring::Deliverability::accept
                           : a->reduce ? scoring::Deliverability::reduce
                                       : scoring::Deliverability::reject;
            return print_result(
                core::sv_decision(wb, a->wb.actor, a->bid, a->measure, d, a->quantity, a->percent, a->reason));
        });
    });
}

struct SeedArgs {
    WorkbookArgs wb;
    std::string lot;
    std::uint64_t seed = 0;
};

void add_seed(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<SeedArgs>();
    auto* cmd = app.add_subcommand("seed", "Record the seed for drawing lots in one lot (award phase, officer)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--lot", a->lot, "The lot's id")->required();
    cmd->add_option("--seed", a->seed, "The seed (a whole number drawn in public)")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("seed", a->wb, [a](core::Workbook& wb) {
            return print_result(core::record_lots_seed(wb, a->wb.actor, a->lot, a->seed));
        });
    });
}

}  // namespace

void add_workbook_bid_commands(CLI::App& app, int& exit_code) {
    add_bid_commands(app, exit_code);
    add_gate(app, exit_code);
    add_framework(app, exit_code);
    add_alt_decision(app, exit_code);
    add_sv_decision(app, exit_code);
    add_seed(app, exit_code);
}

}  // namespace cli
