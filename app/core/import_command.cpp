// import_package: a whole tender package into an empty workbook as one audited command.
#include <set>

#include "app/core/command_rules.h"
#include "app/core/phase_rules.h"
#include "app/core/workbook_commands.h"
#include "scoring/moderation.h"

namespace core {

namespace {

const char* deliverability_text(scoring::Deliverability d) {
    switch (d) {
        case scoring::Deliverability::accept: return "accept";
        case scoring::Deliverability::reduce: return "reduce";
        case scoring::Deliverability::reject: return "reject";
    }
    return "accept";
}

Phase phase_shown_by(const Package& p) {
    bool individual = false;
    for (const auto& s : p.scores) {
        if (s.consensus) return Phase::moderation;
        individual = individual || !s.individual.empty();
    }
    if (individual) return Phase::individual_evaluation;
    return p.bids.empty() ? Phase::setup : Phase::compliance;
}

void put_bids(Command& c, const Package& p) {
    for (const auto& b : p.bids) {
        const auto& in = b.input;
        c.put(entity::bid, {in.id, b.lot, in.bidder, flag(in.sme), flag(in.vcse), in.price,
                            nullable(in.exclusion)});
    }
    for (const auto& b : p.bids)
        for (const auto& g : b.input.gates) c.put(entity::gate_result, {b.input.id, g.gate, flag(g.passed), g.reason});
    for (const auto& b : p.bids)
        for (const auto& m : b.input.commitments)
            c.put(entity::commitment, {b.input.id, m.measure, m.quantity, std::string(deliverability_text(m.decision)),
                                       nullable(m.accepted_quantity), nullable(m.accepted_percent), m.reason});
    for (const auto& b : p.bids) rules::put_price_lines(c, b);
    for (const auto& b : p.bids)
        if (b.input.alt_decision != scoring::AltDecision::none)
            c.put(entity::alt_decision,
                  {b.input.id,
                   std::string(b.input.alt_decision == scoring::AltDecision::accepted ? "accepted" : "rejected"),
                   b.input.alt_reason});
}

void put_scores(Command& c, const Package& p) {
    std::set<std::pair<std::string, std::string>> assigned;  // evaluator, criterion
    for (const auto& s : p.scores)
        for (const auto& i : s.individual)
            if (assigned.emplace(i.evaluator, s.criterion).second)
                c.put(entity::assignment, {i.evaluator, s.criterion, std::string("*")});
    std::map<std::string, std::string> lot_of;
    for (const auto& b : p.bids) lot_of[b.input.id] = b.lot;
    for (const auto& s : p.scores) {
        std::vector<double> values;
        for (const auto& i : s.individual) {
            c.put(entity::individual_score, {s.bid, s.criterion, i.evaluator, nullable(i.score), i.justification});
            if (i.score) values.push_back(*i.score);
        }
        if (!s.consensus) continue;
        const auto* lot = p.framework.lot(lot_of[s.bid]);
        const auto spread = scoring::item_spread(values, lot ? lot->moderation : scoring::ModerationRules{});
        c.put(entity::consensus, {s.bid, s.criterion, s.consensus->score, s.consensus->moderator,
                                  s.consensus->rationale, nullable(values.empty() ? std::nullopt : std::optional<double>(spread.spread)),
                                  flag(spread.divergent), std::int64_t{0}});
    }
}

}  // namespace

CommandResult import_package(Workbook& wb, const Package& p, const std::string& framework_xml,
                             const std::string& actor, const std::string& actor_name, std::optional<Phase> phase,
                             Progress* progress) {
    rules::id_syntax(actor, "the importing officer's id");
    bool in_panel = false;
    for (const auto& e : p.evaluators) {
        if (e.id != actor) continue;
        in_panel = true;
        if (e.role == Role::evaluator)
            throw Refused("role", actor + " is an evaluator in the package; only the officer (or moderator) imports a "
                                          "tender");
    }
    if (!in_panel) rules::text(actor_name, "the name of the importing officer " + actor, "name");
    const Phase target = phase.value_or(phase_shown_by(p));
    const std::string source = p.folder.empty() ? std::string("package") : (p.folder / "framework.xml").string();
    return wb.run(actor, "import", "imported from " + (p.folder.empty() ? std::string("a package") : p.folder.string()),
                  [&](Command& c) {
                      TenderState state(wb.db());
                      if (state.has_tender()) throw Refused("not-empty", "this workbook already holds a tender");
                      c.put(entity::tender, {std::int64_t{1}, p.tender, p.reference, to_string(target),
                                             std::int64_t{1}, flag(target >= Phase::moderation)});
                      c.put(entity::framework, {std::int64_t{1}, framework_xml, source, flag(!p.bids.empty())});
                      if (!in_panel) c.put(entity::evaluator, {actor, actor_name, std::string("officer")});
                      for (const auto& e : p.evaluators) c.put(entity::evaluator, {e.id, e.name, to_string(e.role)});
                      progress_step(progress, "recording the bids", 0.3);
                      put_bids(c, p);
                      progress_step(progress, "recording the scores", 0.5);
                      put_scores(c, p);
                      for (const auto& [lot, seed] : p.lots_seeds)
                          c.put(entity::lots_seed, {lot, std::to_string(seed)});
                      progress_step(progress, "saving the workbook", 0.9);
                  });
}

}  // namespace core
