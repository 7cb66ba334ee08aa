#include "app/core/phase_rules.h"

#include <set>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/command_rules.h"
#include "app/core/framework_reader.h"
#include "app/core/package_evaluation.h"
#include "app/core/xml_document.h"
#include "scoring/money.h"
#include "scoring/moderation.h"

namespace core {

namespace {

// Collects up to a handful of missing items for the message, and counts them all.
struct Missing {
    std::vector<std::string> shown;
    std::size_t count = 0;
    void add(std::string what) {
        if (shown.size() < 5) shown.push_back(std::move(what));
        ++count;
    }
    void refuse_if_any(const std::string& before, const std::string& what_to_do,
                       const std::string& rule = "phase-incomplete") const {
        if (count == 0) return;
        std::string list;
        for (const auto& s : shown) list += "\n  " + s;
        if (count > shown.size()) list += "\n  ... and " + std::to_string(count - shown.size()) + " more";
        const std::string noun = rule == "phase-incomplete" ? " missing" : " found";
        throw Refused(rule, before + " (" + std::to_string(count) + noun + "): " + what_to_do + list);
    }
};

std::set<std::pair<std::string, std::string>> pairs(SQLite::Database& db, const std::string& sql) {
    std::set<std::pair<std::string, std::string>> out;
    SQLite::Statement st(db, sql);
    while (st.executeStep()) out.emplace(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
}

void collect_questions(const std::vector<scoring::Criterion>& list, std::vector<const scoring::Criterion*>& out) {
    for (const auto& c : list) {
        if (c.kind == scoring::CriterionKind::question) out.push_back(&c);
        collect_questions(c.children, out);
    }
}

void check_compliance_done(TenderState& state) {
    const auto recorded = pairs(state.db(), "SELECT bid, gate FROM gate_result");
    Missing missing;
    for (const auto& bid : state.bids()) {
        if (bid.exclusion) continue;
        const auto* lot = state.framework().lot(bid.lot);
        for (const auto& gate : lot->gates)
            if (!recorded.count({bid.id, gate.id})) missing.add("bid " + bid.id + ", gate " + gate.id);
    }
    missing.refuse_if_any("every bid needs a pass or fail for every gate before individual evaluation",
                          "record them with 'tenderbench gate'");
}

void check_individual_done(TenderState& state) {
    const auto scores = all_individual_scores(state.db());
    Missing missing;
    std::set<std::pair<std::string, std::string>> needed;
    for (const auto& item : scoring_items(state)) {
        needed.emplace(item.bid, item.question->id);
        if (!scores.count({item.bid, item.question->id}))
            missing.add("bid " + item.bid + ", question " + item.question->id + ": nobody has scored it");
    }
    const auto bids = state.bids();
    std::map<std::string, std::set<std::string>> kept_away;  // evaluator -> bids they may not score
    SQLite::Statement st(state.db(), "SELECT evaluator, criterion, bid FROM assignment ORDER BY evaluator, criterion");
    while (st.executeStep()) {
        const auto evaluator = st.getColumn(0).getString();
        const auto criterion = st.getColumn(1).getString();
        const auto bid_spec = st.getColumn(2).getString();
        if (!kept_away.count(evaluator)) {
            auto& away = kept_away[evaluator];
            for (const auto& bid : bids)
                if (state.blocking_conflict(evaluator, bid.id)) away.insert(bid.id);
        }
        for (const auto& bid : bids) {
            if ((bid_spec != "*" && bid.id != bid_spec) || !needed.count({bid.id, criterion})) continue;
            if (kept_away[evaluator].count(bid.id)) continue;
            const auto it = scores.find({bid.id, criterion});
            if (it == scores.end() || !it->second.count(evaluator))
                missing.add(evaluator + ": bid " + bid.id + ", question " + criterion);
        }
    }
    missing.refuse_if_any("every assigned question must be scored (or abstained) before moderation locks the scores",
                          "finish scoring, or go through the conflicts with the officer");
}

void check_moderation_done(TenderState& state) {
    const auto agreed = pairs(state.db(), "SELECT bid, criterion FROM consensus");
    Missing missing;
    for (const auto& item : scoring_items(state))
        if (!agreed.count({item.bid, item.question->id}))
            missing.add("bid " + item.bid + ", question " + item.question->id);
    missing.refuse_if_any("every bid in contention needs a consensus score for every question before prices are opened",
                          "moderate them with 'tenderbench moderate'");
}

void check_price_done(TenderState& state) {
    const auto package = state.package(false);
    PackageResult result;
    try {
        result = evaluate_package(package);
    } catch (const scoring::EvaluationError& e) {
        std::string list;
        for (const auto& p : e.problems()) list += "\n  " + p;
        throw Refused("phase-incomplete", "the evaluation cannot be completed yet:" + list);
    }
    Missing missing;
    for (const auto& lot : result.lots)
        for (const auto& bid : lot.bids)
            if (bid.has_flag("abnormally_low_pending")) missing.add("bid " + bid.id + " (lot " + lot.lot_id + ")");
    missing.refuse_if_any("bids flagged as abnormally low need a recorded decision before award",
                          "ask each bidder to explain, then record 'tenderbench alt-decision'");
}

}  // namespace

scoring::Framework parse_framework_text(const std::string& xml, const std::string& source) {
    return read_valid_framework(XmlFile(source.empty() ? "framework.xml" : source, xml), nullptr);
}

ScoreMap all_individual_scores(SQLite::Database& db) {
    ScoreMap out;
    SQLite::Statement st(db, "SELECT bid, criterion, evaluator, score FROM individual_score");
    while (st.executeStep()) {
        std::optional<double> score;
        if (!st.getColumn(3).isNull()) score = st.getColumn(3).getDouble();
        out[{st.getColumn(0).getString(), st.getColumn(1).getString()}][st.getColumn(2).getString()] = score;
    }
    return out;
}

std::vector<ScoringItem> scoring_items(TenderState& state) {
    const auto failed = pairs(state.db(), "SELECT bid, gate FROM gate_result WHERE passed = 0");
    std::set<std::string> failed_bids;
    for (const auto& [bid, gate] : failed) failed_bids.insert(bid);
    std::vector<ScoringItem> out;
    for (const auto& bid : state.bids()) {
        if (bid.exclusion || failed_bids.count(bid.id)) continue;
        const auto* lot = state.framework().lot(bid.lot);
        if (!lot) continue;
        std::vector<const scoring::Criterion*> questions;
        collect_questions(lot->criteria, questions);
        for (const auto* q : questions) out.push_back({bid.id, lot->id, q});
    }
    return out;
}

void check_ready_to_leave(TenderState& state, Phase phase) {
    switch (phase) {
        case Phase::setup:
            if (state.bid_count() == 0)
                throw Refused("phase-incomplete", "no bids are registered; add or import the bids before compliance");
            return;
        case Phase::compliance: return check_compliance_done(state);
        case Phase::individual_evaluation: return check_individual_done(state);
        case Phase::moderation: return check_moderation_done(state);
        case Phase::price_evaluation: return check_price_done(state);
        case Phase::award:
        case Phase::debrief: return;
    }
}

void check_framework_fits(TenderState& state, const scoring::Framework& fw) {
    Missing misfits;
    for (const auto& bid : state.bids())
        if (!fw.lot(bid.lot)) misfits.add("bid " + bid.id + " is in lot " + bid.lot + ", which the framework lacks");
    auto question_in = [&](const std::string& lot, const std::string& id) {
        const auto* l = fw.lot(lot);
        if (!l) return false;
        std::vector<const scoring::Criterion*> qs;
        collect_questions(l->criteria, qs);
        return std::any_of(qs.begin(), qs.end(), [&](const auto* q) { return q->id == id; });
    };
    for (const auto* table : {"individual_score", "consensus"}) {
        SQLite::Statement st(state.db(), std::string("SELECT DISTINCT s.bid, s.criterion, b.lot FROM ") + table +
                                             " s JOIN bid b ON b.id = s.bid");
        while (st.executeStep())
            if (!question_in(st.getColumn(2).getString(), st.getColumn(1).getString()))
                misfits.add(std::string(table) + " for bid " + st.getColumn(0).getString() + ", question " +
                            st.getColumn(1).getString() + ": the question is not in the new framework");
    }
    SQLite::Statement gates(state.db(), "SELECT g.bid, g.gate, b.lot FROM gate_result g JOIN bid b ON b.id = g.bid");
    while (gates.executeStep()) {
        const auto* l = fw.lot(gates.getColumn(2).getString());
        const auto gate = gates.getColumn(1).getString();
        if (!l || std::none_of(l->gates.begin(), l->gates.end(), [&](const auto& g) { return g.id == gate; }))
            misfits.add("gate result " + gate + " for bid " + gates.getColumn(0).getString() +
                         ": the gate is not in the new framework");
    }
    SQLite::Statement assigned(state.db(), "SELECT DISTINCT evaluator, criterion FROM assignment");
    while (assigned.executeStep()) {
        const auto criterion = assigned.getColumn(1).getString();
        if (std::none_of(fw.lots.begin(), fw.lots.end(), [&](const auto& l) { return question_in(l.id, criterion); }))
            misfits.add("assignment of question " + criterion + " to " + assigned.getColumn(0).getString() +
                         ": the question is not in the new framework");
    }
    SQLite::Statement measures(state.db(), "SELECT DISTINCT measure FROM commitment");
    while (measures.executeStep())
        if (!fw.measure(measures.getColumn(0).getString()))
            misfits.add("commitments to measure " + measures.getColumn(0).getString() + ": not in the new framework");
    misfits.refuse_if_any("the new framework does not fit what is recorded", "keep those ids in the framework",
                          "framework-fit");
}

std::size_t accept_in_tolerance_within(Command& command, TenderState& state) {
    const auto scores = all_individual_scores(state.db());
    const auto agreed = pairs(state.db(), "SELECT bid, criterion FROM consensus");
    std::size_t accepted = 0;
    for (const auto& item : scoring_items(state)) {
        const auto& lot = *state.framework().lot(item.lot);
        if (!lot.moderation.enhanced_consensus || agreed.count({item.bid, item.question->id})) continue;
        const auto it = scores.find({item.bid, item.question->id});
        if (it == scores.end()) continue;
        std::vector<double> values;
        for (const auto& [evaluator, score] : it->second)
            if (score) values.push_back(*score);
        const auto& scale = rules::scale_of(state, *item.question);
        const auto spread = scoring::item_spread(values, lot.moderation);
        const auto value = scoring::automatic_consensus(spread, values, scale, lot.moderation);
        if (!value) continue;
        const std::string rationale =
            "Accepted automatically under enhanced consensus: " + std::to_string(spread.count) + " scores from " +
            scoring::format_number(spread.min) + " to " + scoring::format_number(spread.max) + ", a spread of " +
            scoring::format_number(spread.spread) + " below the divergence threshold of " +
            scoring::format_number(lot.moderation.divergence) + "; the median " + scoring::format_number(*value) +
            " is the consensus.";
        command.put(entity::consensus, {item.bid, item.question->id, *value, command.actor(), rationale,
                                        spread.spread, std::int64_t{0}, std::int64_t{1}});
        ++accepted;
    }
    return accepted;
}

}  // namespace core
