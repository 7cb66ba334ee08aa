#include "app/core/entities.h"

#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

namespace core {

const std::vector<EntitySpec>& entity_specs() {
    static const std::vector<EntitySpec> specs{
        {entity::tender, {"id"}, {"name", "reference", "phase", "two_envelope", "individual_locked"}},
        {entity::framework, {"id"}, {"xml", "source", "frozen"}},
        {entity::evaluator, {"id"}, {"name", "role"}},
        {entity::bid, {"id"}, {"lot", "bidder", "sme", "vcse", "price", "exclusion"}},
        {entity::gate_result, {"bid", "gate"}, {"passed", "reason"}},
        {entity::commitment, {"bid", "measure"},
         {"quantity", "decision", "accepted_quantity", "accepted_percent", "reason"}},
        {entity::alt_decision, {"bid"}, {"decision", "reason"}},
        {entity::declaration, {"evaluator", "bid"},
         {"conflict", "detail", "decision", "decided_by", "decision_reason"}},
        {entity::assignment, {"evaluator", "criterion", "bid"}, {}},
        {entity::individual_score, {"bid", "criterion", "evaluator"}, {"score", "justification"}},
        {entity::consensus, {"bid", "criterion"},
         {"score", "moderator", "rationale", "spread", "divergent", "automatic"}},
        {entity::lots_seed, {"lot"}, {"seed"}},
        {entity::price_line, {"bid", "item"}, {"position", "description", "unit", "rate", "quantity"}},
    };
    return specs;
}

const EntitySpec& entity_spec(const std::string& table) {
    for (const auto& s : entity_specs())
        if (s.table == table) return s;
    throw std::logic_error("no entity table " + table);
}

namespace {

std::string columns(const EntitySpec& spec) {
    std::string out;
    for (const auto& c : spec.keys) out += (out.empty() ? "" : ", ") + c;
    for (const auto& c : spec.values) out += ", " + c;
    return out;
}

// The one serialisation of an entity: json_object over every column in declared order.
std::string json_expression(const EntitySpec& spec) {
    std::string out = "json_object(";
    bool first = true;
    for (const auto* list : {&spec.keys, &spec.values})
        for (const auto& c : *list) {
            out += (first ? "'" : ", '") + c + "', " + c;
            first = false;
        }
    return out + ")";
}

std::string key_expression(const EntitySpec& spec) {
    std::string out = "json_array(";
    for (std::size_t i = 0; i < spec.keys.size(); ++i) out += (i ? ", " : "") + spec.keys[i];
    return out + ")";
}

std::string where_keys(const EntitySpec& spec) {
    std::string out;
    for (std::size_t i = 0; i < spec.keys.size(); ++i)
        out += (i ? " AND " : " WHERE ") + spec.keys[i] + " = ?" + std::to_string(i + 1);
    return out;
}

void bind(SQLite::Statement& st, int index, const Value& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                st.bind(index);
            else if constexpr (std::is_same_v<T, std::int64_t>)
                st.bind(index, static_cast<std::int64_t>(x));
            else
                st.bind(index, x);
        },
        v);
}

void bind_all(SQLite::Statement& st, const Row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) bind(st, static_cast<int>(i + 1), row[i]);
}

std::string upsert_sql(const EntitySpec& spec) {
    std::string parameters;  // ?1, ?2 ... one per column
    for (std::size_t i = 0; i < spec.width(); ++i) parameters += (i ? ", ?" : "?") + std::to_string(i + 1);
    std::string keys;
    for (const auto& k : spec.keys) keys += (keys.empty() ? "" : ", ") + k;
    std::string update;
    for (const auto& v : spec.values) update += (update.empty() ? "" : ", ") + v + " = excluded." + v;
    const std::string conflict = update.empty() ? " DO NOTHING" : " DO UPDATE SET " + update;
    return "INSERT INTO " + spec.table + "(" + columns(spec) + ") VALUES (" + parameters + ") ON CONFLICT(" + keys +
           ")" + conflict;
}

}  // namespace

struct EntityTable::Statements {
    SQLite::Statement select;
    SQLite::Statement upsert;
    SQLite::Statement erase;
};

EntityTable::EntityTable(SQLite::Database& db, const EntitySpec& spec)
    : spec_(spec),
      db_(db),
      statements_(new Statements{
          SQLite::Statement(db, "SELECT " + json_expression(spec) + " FROM " + spec.table + where_keys(spec)),
          SQLite::Statement(db, upsert_sql(spec)),
          SQLite::Statement(db, "DELETE FROM " + spec.table + where_keys(spec))}) {}

EntityTable::~EntityTable() { delete statements_; }

std::string EntityTable::key_text(const Row& key) const {
    auto array = nlohmann::json::array();
    for (const auto& v : key)
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    array.push_back(nullptr);
                else
                    array.push_back(x);
            },
            v);
    return array.dump();
}

std::optional<std::string> EntityTable::snapshot(const Row& key) {
    auto& st = statements_->select;
    st.reset();
    bind_all(st, key);
    if (!st.executeStep()) return std::nullopt;
    return st.getColumn(0).getString();
}

std::string EntityTable::upsert(const Row& row) {
    if (row.size() != spec_.width()) throw std::logic_error("wrong row width for " + spec_.table);
    auto& st = statements_->upsert;
    st.reset();
    bind_all(st, row);
    st.exec();
    const Row key(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(spec_.keys.size()));
    return *snapshot(key);
}

void EntityTable::erase(const Row& key) {
    auto& st = statements_->erase;
    st.reset();
    bind_all(st, key);
    st.exec();
}

Row row_from_json(const EntitySpec& spec, const std::string& json) {
    const auto object = nlohmann::json::parse(json);
    Row row;
    for (const auto* list : {&spec.keys, &spec.values})
        for (const auto& c : *list) {
            const auto& v = object.at(c);
            if (v.is_null())
                row.emplace_back(std::monostate{});
            else if (v.is_number_integer())
                row.emplace_back(v.get<std::int64_t>());
            else if (v.is_number())
                row.emplace_back(v.get<double>());
            else
                row.emplace_back(v.get<std::string>());
        }
    return row;
}

Row key_from_text(const std::string& key_text) {
    Row key;
    for (const auto& v : nlohmann::json::parse(key_text)) {
        if (v.is_number_integer())
            key.emplace_back(v.get<std::int64_t>());
        else if (v.is_string())
            key.emplace_back(v.get<std::string>());
        else
            throw std::invalid_argument("entity key " + key_text + " holds a value that is not a text or integer");
    }
    return key;
}

std::vector<std::pair<std::string, std::string>> snapshot_all(SQLite::Database& db, const EntitySpec& spec) {
    SQLite::Statement st(db, "SELECT " + key_expression(spec) + ", " + json_expression(spec) + " FROM " + spec.table);
    std::vector<std::pair<std::string, std::string>> out;
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
}

void for_each_snapshot(SQLite::Database& db, const EntitySpec& spec,
                       const std::function<void(const std::string&, const std::string&)>& fn) {
    SQLite::Statement st(db, "SELECT " + key_expression(spec) + ", " + json_expression(spec) + " FROM " + spec.table);
    while (st.executeStep()) fn(st.getColumn(0).getString(), st.getColumn(1).getString());
}

}  // namespace core
