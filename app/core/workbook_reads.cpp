#include "app/core/workbook_reads.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/command_rules.h"
#include "app/core/phase_rules.h"

namespace core {

namespace {

bool prices_sealed_for(TenderState& state, const Evaluator& who) {
    return who.role != Role::officer && state.tender().two_envelope && state.tender().phase < Phase::price_evaluation;
}

// Moderator and officer, from moderation on.
Evaluator moderation_reader(TenderState& state, const std::string& actor) {
    const auto who = rules::actor(state, actor);
    rules::role(who, {Role::moderator, Role::officer}, "see every evaluator's scores side by side");
    rules::phase(state, {Phase::moderation, Phase::price_evaluation, Phase::award, Phase::debrief},
                 "see the moderation view (individual scores stay blind until moderation)");
    return who;
}

}  // namespace

TenderSummary tender_summary(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    TenderSummary s;
    s.tender = state.tender();
    s.framework_id = state.framework().id;
    s.framework_name = state.framework().name;
    s.framework_frozen = state.framework_frozen();
    auto count = [&](const char* table) {
        return static_cast<std::size_t>(wb.db().execAndGet(std::string("SELECT COUNT(*) FROM ") + table).getInt64());
    };
    s.bids = count("bid");
    s.evaluators = count("evaluator");
    s.individual_scores = count("individual_score");
    s.consensus_scores = count("consensus");
    const auto [seq, hash] = audit_head(wb.db());
    s.audit_records = seq;
    s.head_hash = hash;
    return s;
}

std::vector<Evaluator> list_evaluators(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    return state.evaluators();
}

std::vector<BidView> bids_for(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    if (who.role != Role::officer && !state.has_declared(who.id))
        throw Refused("conflict-declaration", who.id + " has not declared their interests; declare any conflict of "
                                                       "interest (or none) with 'tenderbench declare' before seeing bids");
    const bool sealed = prices_sealed_for(state, who);
    std::vector<BidView> out;
    for (auto& bid : state.bids()) {
        if (who.role != Role::officer && state.blocking_conflict(who.id, bid.id)) continue;
        if (sealed) bid.price = 0;
        out.push_back({std::move(bid), sealed});
    }
    return out;
}

std::vector<Bidder> bidders_for_declaration(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    rules::actor(state, actor);
    std::vector<Bidder> out;
    for (const auto& bid : state.bids()) out.push_back({bid.id, bid.lot, bid.bidder});
    return out;
}

std::vector<IndividualScoreRow> individual_scores_for(Workbook& wb, const std::string& actor, const std::string& bid,
                                                      const std::string& criterion) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    if (who.role != Role::officer && !state.has_declared(who.id))
        throw Refused("conflict-declaration", who.id + " has not declared their interests; declare them first");
    const bool blind = who.role != Role::officer && state.tender().phase < Phase::moderation;
    std::string sql = "SELECT bid, criterion, evaluator, score, justification FROM individual_score WHERE 1";
    if (blind) sql += " AND evaluator = ?1";
    if (!bid.empty()) sql += " AND bid = ?2";
    if (!criterion.empty()) sql += " AND criterion = ?3";
    SQLite::Statement st(wb.db(), sql + " ORDER BY bid, criterion, evaluator");
    if (blind) st.bind(1, who.id);
    if (!bid.empty()) st.bind(2, bid);
    if (!criterion.empty()) st.bind(3, criterion);
    std::vector<IndividualScoreRow> out;
    while (st.executeStep()) {
        IndividualScoreRow row{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                               std::nullopt, st.getColumn(4).getString()};
        if (!st.getColumn(3).isNull()) row.score = st.getColumn(3).getDouble();
        if (who.role != Role::officer && state.blocking_conflict(who.id, row.bid)) continue;
        out.push_back(std::move(row));
    }
    return out;
}

namespace {

std::optional<ConsensusRow> find_consensus(const std::map<std::pair<std::string, std::string>, ConsensusRow>& all,
                                           const std::string& bid, const std::string& criterion) {
    const auto it = all.find({bid, criterion});
    if (it == all.end()) return std::nullopt;
    return it->second;
}

// Every justification by (bid, criterion, evaluator), in one query: the moderator reads them
// side by side with the scores.
std::map<std::tuple<std::string, std::string, std::string>, std::string> all_justifications(SQLite::Database& db) {
    std::map<std::tuple<std::string, std::string, std::string>, std::string> out;
    SQLite::Statement st(db, "SELECT bid, criterion, evaluator, justification FROM individual_score");
    while (st.executeStep())
        out.emplace(std::make_tuple(st.getColumn(0).getString(), st.getColumn(1).getString(),
                                    st.getColumn(2).getString()),
                    st.getColumn(3).getString());
    return out;
}

}  // namespace

std::vector<ModerationItem> moderation_items(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    const auto who = moderation_reader(state, actor);
    const auto scores = all_individual_scores(wb.db());
    auto justifications = all_justifications(wb.db());
    const auto consensus_rows = state.all_consensus();  // one query, not one per item
    std::vector<ModerationItem> out;
    for (const auto& item : scoring_items(state)) {
        if (who.role != Role::officer && state.blocking_conflict(who.id, item.bid)) continue;
        ModerationItem m{item.bid, item.question->id, {}, {}, std::nullopt,
                         find_consensus(consensus_rows, item.bid, item.question->id)};
        std::vector<double> values;
        if (const auto it = scores.find({item.bid, item.question->id}); it != scores.end())
            for (const auto& [evaluator, score] : it->second) {
                m.individual.push_back({item.bid, item.question->id, evaluator, score,
                                        std::move(justifications[{item.bid, item.question->id, evaluator}])});
                if (score) values.push_back(*score);
            }
        const auto& lot = *state.framework().lot(item.lot);
        m.spread = scoring::item_spread(values, lot.moderation);
        m.suggestion = scoring::suggested_consensus(values, rules::scale_of(state, *item.question));
        out.push_back(std::move(m));
    }
    return out;
}

PanelStatistics panel_statistics(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    moderation_reader(state, actor);
    const auto scores = all_individual_scores(wb.db());
    const auto consensus_rows = state.all_consensus();  // one query, not one per item
    std::map<std::string, std::vector<scoring::ItemRatings>> ratings_by_scale;
    std::vector<scoring::ModeratedItem> moderated;
    for (const auto& item : scoring_items(state)) {
        const auto consensus = find_consensus(consensus_rows, item.bid, item.question->id);
        const auto it = scores.find({item.bid, item.question->id});
        if (!consensus || it == scores.end()) continue;
        const auto& scale = rules::scale_of(state, *item.question);
        scoring::ModeratedItem m{consensus->score, scale.maximum() - scale.minimum(), {}};
        for (const auto& [evaluator, score] : it->second)
            if (score) m.scores.push_back({evaluator, *score});
        if (m.scores.empty() || m.scale_range <= 0) continue;
        ratings_by_scale[scale.id].push_back(m.scores);
        moderated.push_back(std::move(m));
    }
    PanelStatistics out;
    out.items = moderated.size();
    out.evaluators = scoring::evaluator_deviations(moderated);
    std::size_t most = 0;
    for (const auto& [scale, items] : ratings_by_scale)
        if (items.size() > most) {
            most = items.size();
            out.scale = scale;
        }
    if (most) out.agreement = scoring::panel_agreement(ratings_by_scale[out.scale]);
    return out;
}

std::vector<AuditRecord> audit_log_for(Workbook& wb, const std::string& actor, std::int64_t from_seq,
                                       std::size_t limit) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    if (who.role == Role::officer || state.tender().phase >= Phase::award) return read_audit(wb.db(), from_seq, limit);
    std::vector<AuditRecord> own;
    for (auto& r : read_audit(wb.db(), from_seq))
        if (r.actor == who.id) {
            own.push_back(std::move(r));
            if (limit && own.size() == limit) break;
        }
    return own;
}

Package package_for_evaluation(Workbook& wb, const std::string& actor) {
    TenderState state(wb.db());
    const auto who = rules::actor(state, actor);
    const Phase phase = state.tender().phase;
    if (who.role == Role::evaluator && phase < Phase::award)
        throw Refused("prices-sealed", "evaluators see the evaluation from the award phase on; the tender is in " +
                                           to_string(phase));
    if (phase < Phase::price_evaluation)
        throw Refused("prices-sealed", "prices are opened in the price_evaluation phase; the tender is in " +
                                           to_string(phase) + " (the officer moves it on with 'tenderbench phase')");
    auto package = state.package(true);
    package.folder = wb.path();
    return package;
}

}  // namespace core
