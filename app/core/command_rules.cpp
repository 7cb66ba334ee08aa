#include "app/core/command_rules.h"

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/xml_document.h"

namespace core::rules {

namespace {

std::string roles_text(std::initializer_list<Role> roles) {
    std::string out;
    for (auto r : roles) out += (out.empty() ? "" : " or ") + to_string(r);
    return out;
}

}  // namespace

Evaluator actor(TenderState& state, const std::string& id) {
    auto e = state.evaluator(id);
    if (!e)
        throw Refused("unknown-actor", "nobody with id '" + id +
                                           "' is on this tender's panel; use the id of a recorded evaluator "
                                           "('tenderbench evaluator list'), or ask the officer to add you");
    return *e;
}

void role(const Evaluator& actor, std::initializer_list<Role> allowed, const std::string& what) {
    if (std::find(allowed.begin(), allowed.end(), actor.role) != allowed.end()) return;
    const char* article = actor.role == Role::moderator ? "a " : "an ";  // an officer, an evaluator
    throw Refused("role", actor.id + " is " + article + to_string(actor.role) +
                              "; only " + (allowed.size() == 1 ? "the " : "") + roles_text(allowed) + " may " + what);
}

void phase(TenderState& state, std::initializer_list<Phase> allowed, const std::string& what) {
    const Phase now = state.tender().phase;
    if (std::find(allowed.begin(), allowed.end(), now) != allowed.end()) return;
    std::string list;
    for (auto p : allowed) list += (list.empty() ? "" : " or ") + to_string(p);
    throw Refused("phase", "cannot " + what + " in the " + to_string(now) + " phase; this is done in " + list +
                               " (the officer moves the phase with 'tenderbench phase')");
}

void utf8(const std::string& value, const std::string& what) {
    if (const auto at = invalid_utf8_at(value); at != std::string::npos)
        throw Refused("text", what + " is not valid UTF-8 text (byte " + std::to_string(at + 1) +
                                  "); type it again or save it as UTF-8");
}

void text(const std::string& value, const std::string& what, const std::string& rule) {
    utf8(value, what);
    if (value.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Refused(rule, what + " is empty; write it out (it is part of the record)");
}

void id_syntax(const std::string& value, const std::string& what) {
    const bool ok = !value.empty() && value.size() <= 64 && value != "*" &&
                    std::all_of(value.begin(), value.end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                               c == '-' || c == '_' || c == '.';
                    });
    if (!ok)
        throw Refused("id", what + " '" + value +
                                "' is not a valid id; use 1-64 letters, digits, '-', '_' or '.' (for example E1)");
}

BidRecord bid(TenderState& state, const std::string& id) {
    auto b = state.bid(id);
    if (!b) throw Refused("unknown-bid", "no bid '" + id + "' in this tender; list the bids with 'tenderbench bids'");
    return *b;
}

void may_see_bid(TenderState& state, const Evaluator& actor, const std::string& bid) {
    if (!state.has_declared(actor.id))
        throw Refused("conflict-declaration",
                      actor.id + " has not declared their interests; declare any conflict of interest (or none) "
                                 "with 'tenderbench declare' before seeing or scoring any bid");
    if (auto c = state.blocking_conflict(actor.id, bid))
        throw Refused("conflict-of-interest",
                      actor.id + " declared a conflict of interest with " +
                          (c->bid == "*" ? std::string("this tender") : "bid " + c->bid) + " (" + c->detail + ")" +
                          (c->decision ? "; the officer removed them from it"
                                       : "; they take no part until the officer decides ('tenderbench conflict')"));
}

std::string compliance_exclusion(TenderState& state, const BidRecord& bid) {
    if (bid.exclusion) return "bid " + bid.id + " is excluded: " + *bid.exclusion;
    SQLite::Statement st(state.db(), "SELECT gate, reason FROM gate_result WHERE bid = ?1 AND passed = 0 LIMIT 1");
    st.bind(1, bid.id);
    if (st.executeStep())
        return "bid " + bid.id + " failed gate " + st.getColumn(0).getString() + " at compliance (" +
               st.getColumn(1).getString() + ") and is not scored";
    return "";
}

void in_contention(TenderState& state, const BidRecord& bid) {
    if (auto why = compliance_exclusion(state, bid); !why.empty()) throw Refused("compliance", why);
}

const scoring::Lot& lot(TenderState& state, const std::string& id) {
    const auto* l = state.framework().lot(id);
    if (!l) throw Refused("unknown-lot", "no lot '" + id + "' in the framework");
    return *l;
}

const scoring::Criterion& question(TenderState& state, const BidRecord& bid, const std::string& criterion) {
    const auto* q = state.question(bid.lot, criterion);
    if (!q)
        throw Refused("unknown-criterion", "'" + criterion + "' is not a scored question of lot " + bid.lot +
                                               " (bid " + bid.id + "); see the framework's question ids");
    return *q;
}

const scoring::Scale& scale_of(TenderState& state, const scoring::Criterion& question) {
    const auto* s = state.framework().scale(question.scale_id);
    if (!s) throw Refused("framework", "question " + question.id + " names an unknown scale " + question.scale_id);
    return *s;
}

void freeze_framework(Command& c, TenderState& state) {
    if (state.framework_frozen()) return;
    c.put(entity::framework, {std::int64_t{1}, state.framework_xml(), state.framework_source(), std::int64_t{1}});
}

const scoring::Criterion& individual(TenderState& state, const Evaluator& who, const BidRecord& bid,
                                     const std::string& criterion) {
    role(who, {Role::evaluator, Role::moderator}, "score bids");
    phase(state, {Phase::individual_evaluation}, "enter individual scores");
    may_see_bid(state, who, bid.id);
    in_contention(state, bid);
    const auto& q = question(state, bid, criterion);
    if (!state.assigned(who.id, criterion, bid.id))
        throw Refused("assignment", who.id + " is not assigned question " + criterion +
                                        (state.has_assignments(who.id) ? " for bid " + bid.id : std::string()) +
                                        "; evaluators score only what the officer assigned them ('tenderbench assign')");
    if (state.tender().individual_locked && state.individual_score(bid.id, criterion, who.id))
        throw Refused("locked", "individual scores were locked when moderation started and are never overwritten; "
                                "the score of " + who.id + " for bid " + bid.id + ", question " + criterion +
                                " stands (the moderator records any change as the consensus)");
    return q;
}

void put_price_lines(Command& c, const PackageBid& bid) {
    for (std::size_t i = 0; i < bid.schedule.size(); ++i) {
        const auto& l = bid.schedule[i];
        c.put(entity::price_line, {bid.input.id, l.item, static_cast<std::int64_t>(i + 1), l.description, l.unit,
                                   l.rate, l.quantity});
    }
}

}  // namespace core::rules
