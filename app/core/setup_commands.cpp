// Commands that set a tender up: the tender itself, its panel, declarations, assignments,
// bids, compliance results, the framework and the phase.
#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/command_rules.h"
#include "app/core/framework_reader.h"
#include "app/core/phase_rules.h"
#include "app/core/workbook_commands.h"
#include "app/core/xml_document.h"

namespace core {

namespace {

using rules::text;

}  // namespace

CommandResult create_tender(Workbook& wb, const NewTender& t) {
    parse_framework_text(t.framework_xml, t.framework_source);
    text(t.name, "the tender's name", "name");
    rules::utf8(t.reference, "the tender's reference");
    rules::id_syntax(t.officer_id, "the officer's id");
    text(t.officer_name, "the officer's name", "name");
    return wb.run(t.officer_id, "new", "", [&](Command& c) {
        TenderState state(wb.db());
        if (state.has_tender()) throw Refused("not-empty", "this workbook already holds a tender");
        c.put(entity::tender, {std::int64_t{1}, t.name, t.reference, to_string(Phase::setup), flag(t.two_envelope),
                               std::int64_t{0}});
        c.put(entity::framework, {std::int64_t{1}, t.framework_xml, t.framework_source, std::int64_t{0}});
        c.put(entity::evaluator, {t.officer_id, t.officer_name, std::string("officer")});
    });
}

CommandResult add_evaluator(Workbook& wb, const std::string& actor, const Evaluator& e) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "add members to the panel");
    rules::id_syntax(e.id, "the evaluator's id");
    text(e.name, "the evaluator's name", "name");
    if (state.evaluator(e.id)) throw Refused("duplicate", "there is already a panel member with id " + e.id);
    return wb.run(actor, "evaluator", "", [&](Command& c) {
        c.put(entity::evaluator, {e.id, e.name, to_string(e.role)});
    });
}

CommandResult declare_interest(Workbook& wb, const std::string& actor, const std::string& bid, bool conflict,
                               const std::string& detail) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    if (bid != "*") rules::bid(state, bid);
    if (!conflict && bid != "*")
        throw Refused("declaration", "a declaration of no conflict covers the whole tender; declare it without a bid");
    if (conflict)
        text(detail, "the conflict's description", "declaration");
    else
        rules::utf8(detail, "the declaration");
    return wb.run(actor, "declare", "", [&](Command& c) {
        c.put(entity::declaration, {actor, bid, flag(conflict), detail, std::monostate{}, std::monostate{},
                                    std::monostate{}});
    });
}

CommandResult decide_conflict(Workbook& wb, const std::string& actor, const std::string& evaluator,
                              const std::string& bid, bool allowed, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "decide conflicts of interest");
    text(reason, "the reason for the decision", "reason");
    std::optional<Declaration> found;
    for (auto& d : state.declarations(evaluator))
        if (d.bid == bid && d.conflict) found = d;
    if (!found)
        throw Refused("declaration", evaluator + " has declared no conflict with " +
                                         (bid == "*" ? std::string("the tender") : "bid " + bid) + "; nothing to decide");
    return wb.run(actor, "conflict", reason, [&](Command& c) {
        c.put(entity::declaration, {evaluator, bid, std::int64_t{1}, found->detail,
                                    std::string(allowed ? "allowed" : "removed"), actor, reason});
    });
}

CommandResult assign(Workbook& wb, const std::string& actor, const std::string& evaluator,
                     const std::string& criterion, const std::string& bid) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "assign questions");
    rules::phase(state, {Phase::setup, Phase::compliance, Phase::individual_evaluation}, "assign questions");
    const auto member = rules::actor(state, evaluator);
    rules::role(member, {Role::evaluator, Role::moderator}, "be assigned questions to score");
    if (bid != "*") {
        rules::question(state, rules::bid(state, bid), criterion);
    } else {
        bool found = false;
        for (const auto& lot : state.framework().lots) found = found || state.question(lot.id, criterion);
        if (!found) throw Refused("unknown-criterion", "'" + criterion + "' is not a scored question of any lot");
    }
    return wb.run(actor, "assign", "", [&](Command& c) { c.put(entity::assignment, {evaluator, criterion, bid}); });
}

CommandResult add_bid(Workbook& wb, const std::string& actor, const NewBid& b) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "register bids");
    rules::phase(state, {Phase::setup, Phase::compliance}, "register bids");
    rules::id_syntax(b.id, "the bid's id");
    if (state.bid(b.id)) throw Refused("duplicate", "there is already a bid " + b.id);
    rules::lot(state, b.lot);
    text(b.bidder, "the bidder's name", "name");
    if (b.exclusion) text(*b.exclusion, "the reason the bid is excluded", "reason");
    if (b.price <= 0)
        throw Refused("price", "the price of bid " + b.id + " must be above zero; check the bid's price schedule");
    return wb.run(actor, "bid", "", [&](Command& c) {
        c.put(entity::bid, {b.id, b.lot, b.bidder, flag(b.sme), flag(b.vcse), b.price,
                            nullable(b.exclusion)});
        rules::freeze_framework(c, state);  // bids are open: later changes need a recorded reason
    });
}

CommandResult record_gate(Workbook& wb, const std::string& actor, const std::string& bid, const std::string& gate,
                          bool passed, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "record compliance results");
    rules::phase(state, {Phase::compliance}, "record compliance results");
    const auto b = rules::bid(state, bid);
    const auto& lot = rules::lot(state, b.lot);
    if (std::none_of(lot.gates.begin(), lot.gates.end(), [&](const scoring::Gate& g) { return g.id == gate; }))
        throw Refused("unknown-gate", "lot " + lot.id + " has no gate '" + gate + "'");
    if (!passed) text(reason, "the reason the bid failed", "reason");
    rules::utf8(reason, "the reason");
    return wb.run(actor, "gate", "", [&](Command& c) { c.put(entity::gate_result, {bid, gate, flag(passed), reason}); });
}

CommandResult change_framework(Workbook& wb, const std::string& actor, const std::string& xml,
                               const std::string& source, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "change the framework");
    const auto framework = parse_framework_text(xml, source);
    const bool frozen = state.framework_frozen();
    if (frozen)
        text(reason, "the reason for changing the framework after bids were opened", "framework-frozen");
    check_framework_fits(state, framework);
    return wb.run(actor, "framework", reason, [&](Command& c) {
        c.put(entity::framework, {std::int64_t{1}, xml, source, flag(frozen)});
    });
}

CommandResult set_phase(Workbook& wb, const std::string& actor, Phase target, const std::string& reason) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "move the tender between phases");
    const Phase now = state.tender().phase;
    if (target == now) return {};
    if (target < now) {
        text(reason, "the reason for going back to " + to_string(target), "phase-back");
    } else if (static_cast<int>(target) != static_cast<int>(now) + 1) {
        throw Refused("phase", "the tender is in " + to_string(now) + "; phases move forward one at a time (next: " +
                                   to_string(static_cast<Phase>(static_cast<int>(now) + 1)) + ")");
    } else {
        check_ready_to_leave(state, now);
        rules::utf8(reason, "the reason");
    }
    const auto t = state.tender();
    return wb.run(actor, "phase", reason, [&](Command& c) {
        const bool lock = t.individual_locked || target == Phase::moderation;
        c.put(entity::tender, {std::int64_t{1}, t.name, t.reference, to_string(target), flag(t.two_envelope),
                               flag(lock)});
        if (target > Phase::setup) rules::freeze_framework(c, state);
        if (target == Phase::moderation && now < target) accept_in_tolerance_within(c, state);
    });
}

}  // namespace core
