// Individual scoring and moderation: `score`, `abstain`, `scores`, `moderate`, `moderation`,
// `stats`, and `undo`/`redo`.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"

namespace cli {

namespace {

struct ScoreArgs {
    WorkbookArgs wb;
    std::string bid;
    std::string criterion;
    double score = 0;
    std::string text;  // justification, reason or rationale
    bool accept_in_tolerance = false;
};

void add_score(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ScoreArgs>();
    auto* cmd = app.add_subcommand("score",
                                   "Record your own score for a bid and question, with its "
                                   "justification (individual evaluation)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--bid", a->bid, "The bid")->required();
    cmd->add_option("--criterion", a->criterion, "The question's id")->required();
    cmd->add_option("--score", a->score, "A point on the question's scale")->required();
    cmd->add_option("--justification", a->text, "Why, by reference to the bid")->required();
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("score", a->wb, [a](core::Workbook& wb) {
            return print_result(core::score(wb, a->wb.actor, a->bid, a->criterion, a->score, a->text));
        });
    });

    auto b = std::make_shared<ScoreArgs>();
    auto* abstain = app.add_subcommand("abstain",
                                       "Abstain from scoring a question for a bid, with a reason "
                                       "(when the framework allows abstention)");
    add_workbook_args(*abstain, b->wb);
    abstain->add_option("--bid", b->bid, "The bid")->required();
    abstain->add_option("--criterion", b->criterion, "The question's id")->required();
    abstain->add_option("--reason", b->text, "Why you abstain")->required();
    abstain->callback([b, &exit_code] {
        exit_code = with_workbook("abstain", b->wb, [b](core::Workbook& wb) {
            return print_result(core::abstain(wb, b->wb.actor, b->bid, b->criterion, b->text));
        });
    });
}

std::string score_text(const std::optional<double>& score) { return score ? number_text(*score) : "abstained"; }

void add_scores(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ScoreArgs>();
    auto* cmd = app.add_subcommand("scores",
                                   "List the individual scores you may read (your own during individual "
                                   "evaluation; everyone's for moderators and officers from moderation)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--bid", a->bid, "Only this bid");
    cmd->add_option("--criterion", a->criterion, "Only this question");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("scores", a->wb, [a](core::Workbook& wb) {
            for (const auto& s : core::individual_scores_for(wb, a->wb.actor, a->bid, a->criterion))
                std::cout << s.bid << "\t" << s.criterion << "\t" << s.evaluator << "\t" << score_text(s.score) << "\t"
                          << s.justification << "\n";
            return ok;
        });
    });
}

void add_moderate(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<ScoreArgs>();
    auto* cmd = app.add_subcommand("moderate",
                                   "Record the consensus score and rationale for a bid and question "
                                   "(moderator), or accept every in-tolerance item at its median");
    add_workbook_args(*cmd, a->wb);
    auto* bid = cmd->add_option("--bid", a->bid, "The bid");
    auto* criterion = cmd->add_option("--criterion", a->criterion, "The question's id");
    auto* score = cmd->add_option("--score", a->score, "The consensus: a point on the scale");
    auto* rationale = cmd->add_option("--rationale", a->text, "Why, by reference to the bid (required)");
    cmd->add_flag("--accept-in-tolerance", a->accept_in_tolerance,
                  "Enhanced consensus: accept every unmoderated item whose spread is within tolerance at its "
                  "median")
        ->excludes(bid)
        ->excludes(criterion)
        ->excludes(score)
        ->excludes(rationale);
    cmd->callback([a, bid, criterion, score, rationale, &exit_code] {
        if (!a->accept_in_tolerance &&
            (bid->count() == 0 || criterion->count() == 0 || score->count() == 0 || rationale->count() == 0)) {
            std::cerr << "tenderbench moderate: give --bid, --criterion, --score and --rationale, or "
                         "--accept-in-tolerance\nRun with --help for more information.\n";
            exit_code = usage;
            return;
        }
        exit_code = with_workbook("moderate", a->wb, [a](core::Workbook& wb) {
            if (a->accept_in_tolerance) return print_result(core::accept_in_tolerance(wb, a->wb.actor));
            return print_result(core::moderate(wb, a->wb.actor, a->bid, a->criterion, a->score, a->text));
        });
    });
}

std::string moderation_line(const core::ModerationItem& item) {
    std::ostringstream line;
    line << item.bid << "\t" << item.criterion << "\t";
    std::string scores;
    for (const auto& s : item.individual) {
        scores += (scores.empty() ? "" : " ") + s.evaluator + "=" + score_text(s.score);
        // The delta the consensus made to each individual score (which itself is never changed).
        if (item.consensus && s.score) {
            const double delta = item.consensus->score - *s.score;
            scores += "(" + std::string(delta > 0 ? "+" : "") + number_text(delta) + ")";
        }
    }
    line << (scores.empty() ? "-" : scores) << "\tspread " << number_text(item.spread.spread)
         << (item.spread.divergent ? " DIVERGENT" : "") << "\tsuggestion "
         << (item.suggestion ? number_text(*item.suggestion) : "-") << "\tconsensus ";
    if (item.consensus)
        line << number_text(item.consensus->score) << " by " << item.consensus->moderator
             << (item.consensus->automatic ? " (automatic)" : "") << ": " << shorten(item.consensus->rationale, 60);
    else
        line << "-";
    return line.str();
}

void add_moderation(CLI::App& app, int& exit_code) {
    struct Args {
        WorkbookArgs wb;
        bool divergent_only = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("moderation",
                                   "List every scored bid and question with its individual scores (and the "
                                   "consensus's delta to each), spread, divergence flag, suggestion and consensus");
    add_workbook_args(*cmd, a->wb);
    cmd->add_flag("--divergent-only", a->divergent_only, "Only items whose spread reaches the divergence threshold");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("moderation", a->wb, [a](core::Workbook& wb) {
            for (const auto& item : core::moderation_items(wb, a->wb.actor))
                if (!a->divergent_only || item.spread.divergent) std::cout << moderation_line(item) << "\n";
            return ok;
        });
    });
}

std::string optional_number(const std::optional<double>& value) {
    if (!value) return "not available";
    std::ostringstream text;
    text << std::fixed << std::setprecision(3) << *value;
    return text.str();
}

int print_statistics(const core::PanelStatistics& stats) {
    std::cout << "Evaluator  Items  Mean deviation  Mean absolute  (percent of scale: signed, absolute)\n";
    for (const auto& e : stats.evaluators)
        std::cout << std::left << std::setw(10) << e.evaluator << " " << std::right << std::setw(5) << e.items << "  "
                  << std::fixed << std::setprecision(2) << std::setw(14) << e.mean_signed << "  " << std::setw(13)
                  << e.mean_absolute << "  (" << e.mean_signed_percent << "%, " << e.mean_absolute_percent << "%)\n";
    const auto& g = stats.agreement;
    std::cout << "\nPanel agreement ICC(1,1): " << optional_number(g.icc) << " over " << g.items_used << " items, "
              << g.ratings_used << " ratings\n";
    if (!g.definition.empty()) std::cout << "  " << g.definition << "\n";
    std::cout << "Panel agreement ICC(2,1): " << optional_number(g.icc_2_1) << "\n";
    if (!g.definition_2_1.empty()) std::cout << "  " << g.definition_2_1 << "\n";
    return ok;
}

void add_stats(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<WorkbookArgs>();
    auto* cmd = app.add_subcommand("stats",
                                   "Evaluator statistics (mean deviation from consensus) and panel "
                                   "agreement over the moderated items");
    add_workbook_args(*cmd, *a);
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook(
            "stats", *a, [a](core::Workbook& wb) { return print_statistics(core::panel_statistics(wb, a->actor)); });
    });
}

void add_undo_redo(CLI::App& app, int& exit_code) {
    auto u = std::make_shared<WorkbookArgs>();
    auto* undo = app.add_subcommand("undo", "Undo your latest command still in effect, as a new audited command");
    add_workbook_args(*undo, *u);
    undo->callback([u, &exit_code] {
        exit_code =
            with_workbook("undo", *u, [u](core::Workbook& wb) { return print_result(core::undo(wb, u->actor)); });
    });
    auto r = std::make_shared<WorkbookArgs>();
    auto* redo = app.add_subcommand("redo", "Re-apply your latest undone command, if nothing was done since");
    add_workbook_args(*redo, *r);
    redo->callback([r, &exit_code] {
        exit_code =
            with_workbook("redo", *r, [r](core::Workbook& wb) { return print_result(core::redo(wb, r->actor)); });
    });
}

}  // namespace

void add_workbook_scoring_commands(CLI::App& app, int& exit_code) {
    add_score(app, exit_code);
    add_scores(app, exit_code);
    add_moderate(app, exit_code);
    add_moderation(app, exit_code);
    add_stats(app, exit_code);
    add_undo_redo(app, exit_code);
}

}  // namespace cli
