// TenderState::package(): the workbook's state as a Package, so evaluation and reports treat a
// workbook exactly as they treat a package folder.
#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/workbook_state.h"

namespace core {

namespace {

scoring::Deliverability deliverability(const std::string& text) {
    if (text == "reduce") return scoring::Deliverability::reduce;
    if (text == "reject") return scoring::Deliverability::reject;
    return scoring::Deliverability::accept;
}

std::optional<double> optional_real(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}

void read_bids(SQLite::Database& db, Package& p, std::map<std::string, std::size_t>& index) {
    // Insertion order (rowid), which is the order of the package a workbook was imported from.
    SQLite::Statement st(db, "SELECT id, lot, bidder, sme, vcse, price, exclusion FROM bid ORDER BY rowid");
    while (st.executeStep()) {
        PackageBid b;
        b.input.id = st.getColumn(0).getString();
        b.lot = st.getColumn(1).getString();
        b.input.bidder = st.getColumn(2).getString();
        b.input.sme = st.getColumn(3).getInt() != 0;
        b.input.vcse = st.getColumn(4).getInt() != 0;
        b.input.price = st.getColumn(5).getInt64();
        if (!st.getColumn(6).isNull()) b.input.exclusion = st.getColumn(6).getString();
        index[b.input.id] = p.bids.size();
        p.bids.push_back(std::move(b));
    }
    SQLite::Statement gates(db, "SELECT bid, gate, passed, reason FROM gate_result ORDER BY rowid");
    while (gates.executeStep())
        p.bids[index.at(gates.getColumn(0).getString())].input.gates.push_back(
            {gates.getColumn(1).getString(), gates.getColumn(2).getInt() != 0, gates.getColumn(3).getString()});
    SQLite::Statement commitments(db,
                                  "SELECT bid, measure, quantity, decision, accepted_quantity, accepted_percent, "
                                  "reason FROM commitment ORDER BY rowid");
    while (commitments.executeStep()) {
        scoring::Commitment c;
        c.measure = commitments.getColumn(1).getString();
        c.quantity = commitments.getColumn(2).getDouble();
        c.decision = deliverability(commitments.getColumn(3).getString());
        c.accepted_quantity = optional_real(commitments.getColumn(4));
        c.accepted_percent = optional_real(commitments.getColumn(5));
        c.reason = commitments.getColumn(6).getString();
        p.bids[index.at(commitments.getColumn(0).getString())].input.commitments.push_back(std::move(c));
    }
    SQLite::Statement lines(db,
                            "SELECT bid, item, description, unit, rate, quantity FROM price_line ORDER BY bid, position");
    while (lines.executeStep())
        p.bids[index.at(lines.getColumn(0).getString())].schedule.push_back(
            {lines.getColumn(1).getString(), lines.getColumn(2).getString(), lines.getColumn(3).getString(),
             lines.getColumn(4).getInt64(), lines.getColumn(5).getDouble()});
    SQLite::Statement alt(db, "SELECT bid, decision, reason FROM alt_decision");
    while (alt.executeStep()) {
        auto& input = p.bids[index.at(alt.getColumn(0).getString())].input;
        input.alt_decision = alt.getColumn(1).getString() == "rejected" ? scoring::AltDecision::rejected
                                                                         : scoring::AltDecision::accepted;
        input.alt_reason = alt.getColumn(2).getString();
    }
}

void read_scores(SQLite::Database& db, Package& p, bool with_individual) {
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    auto record = [&](const std::string& bid, const std::string& criterion) -> ScoreRecord& {
        const auto [it, added] = index.try_emplace({bid, criterion}, p.scores.size());
        if (added) p.scores.push_back({bid, criterion, {}, std::nullopt, {}});
        return p.scores[it->second];
    };
    if (with_individual) {
        SQLite::Statement st(db,
                             "SELECT bid, criterion, evaluator, score, justification FROM individual_score "
                             "ORDER BY bid, criterion, evaluator");
        while (st.executeStep())
            record(st.getColumn(0).getString(), st.getColumn(1).getString())
                .individual.push_back({st.getColumn(2).getString(), optional_real(st.getColumn(3)),
                                       st.getColumn(4).getString(), {}});
    }
    SQLite::Statement st(db, "SELECT bid, criterion, score, moderator, rationale FROM consensus");
    while (st.executeStep())
        record(st.getColumn(0).getString(), st.getColumn(1).getString()).consensus =
            ConsensusScore{st.getColumn(2).getDouble(), st.getColumn(3).getString(), st.getColumn(4).getString(), {}};
}

}  // namespace

Package TenderState::package(bool with_individual_scores) {
    Package p;
    p.framework = framework();
    p.tender = tender().name;
    p.reference = tender().reference;
    p.evaluators = evaluators();
    std::map<std::string, std::size_t> index;
    read_bids(db_, p, index);
    read_scores(db_, p, with_individual_scores);
    SQLite::Statement seeds(db_, "SELECT lot, seed FROM lots_seed");
    while (seeds.executeStep())
        p.lots_seeds[seeds.getColumn(0).getString()] = std::stoull(seeds.getColumn(1).getString());
    return p;
}

}  // namespace core
