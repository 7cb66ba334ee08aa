#include "app/core/export_data.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/command_rules.h"
#include "app/core/workbook_state.h"

namespace core {

namespace {

std::string column_text(SQLite::Statement& q, int column) {
    return q.getColumn(column).isNull() ? std::string() : q.getColumn(column).getString();
}

std::vector<DeclarationRow> read_declarations(SQLite::Database& db) {
    std::vector<DeclarationRow> out;
    SQLite::Statement q(db,
                        "SELECT evaluator, bid, conflict, detail, decision, decided_by, decision_reason "
                        "FROM declaration ORDER BY evaluator, bid");
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
                       q.getColumn(3).getString(), column_text(q, 4), column_text(q, 5), column_text(q, 6)});
    return out;
}

std::vector<AssignmentRow> read_assignments(SQLite::Database& db) {
    std::vector<AssignmentRow> out;
    SQLite::Statement q(db, "SELECT evaluator, criterion, bid FROM assignment ORDER BY evaluator, criterion, bid");
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    return out;
}

// When each consensus was last recorded: the time of the latest audit record on it.
std::map<std::pair<std::string, std::string>, std::string> read_consensus_times(SQLite::Database& db) {
    std::map<std::pair<std::string, std::string>, std::string> out;
    SQLite::Statement q(db, "SELECT entity, max(time) FROM audit WHERE kind = 'consensus' GROUP BY entity");
    while (q.executeStep()) {
        const auto key = nlohmann::json::parse(q.getColumn(0).getString(), nullptr, false);
        if (key.is_array() && key.size() == 2 && key[0].is_string() && key[1].is_string())
            out[{key[0].get<std::string>(), key[1].get<std::string>()}] = q.getColumn(1).getString();
    }
    return out;
}

}  // namespace

const PackageBid* ExportData::bid(const std::string& id) const {
    const auto it = bid_index.find(id);
    return it == bid_index.end() ? nullptr : &package.bids[it->second];
}

const Evaluator* ExportData::evaluator(const std::string& id) const {
    for (const auto& e : package.evaluators)
        if (e.id == id) return &e;
    return nullptr;
}

ExportData gather_export(Workbook& wb, const std::string& actor) {
    ExportData data;
    data.file = wb.path();
    {
        TenderState state(wb.db());
        data.officer = rules::actor(state, actor);
        rules::role(data.officer, {Role::officer}, "export the tender record (it holds every score, price and the "
                                                   "whole audit trail)");
        data.tender = state.tender();
    }
    data.package = package_for_evaluation(wb, actor);
    data.result = evaluate_package(data.package);
    for (std::size_t i = 0; i < data.package.bids.size(); ++i) data.bid_index.emplace(data.package.bids[i].input.id, i);
    data.declarations = read_declarations(wb.db());
    data.assignments = read_assignments(wb.db());
    data.moderation = moderation_items(wb, actor);
    data.statistics = panel_statistics(wb, actor);
    data.consensus_time = read_consensus_times(wb.db());
    data.exported_at = utc_now();
    return data;
}

}  // namespace core
