// The workbook's entity tables described as data, so that every change, the audit trail's
// before/after values and `verify` all use one serialisation (SQLite's json_object).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace SQLite {
class Database;
}

namespace core {

/// One column value: NULL, integer, real or text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using Row = std::vector<Value>;

/// Column values for the commands: 0/1 for a flag, NULL for an absent number or text.
inline std::int64_t flag(bool b) { return b ? 1 : 0; }
inline Value nullable(const std::optional<double>& v) { return v ? Value(*v) : Value(std::monostate{}); }
inline Value nullable(const std::optional<std::string>& v) { return v ? Value(*v) : Value(std::monostate{}); }

/// An entity table: key columns first, then value columns.
struct EntitySpec {
    std::string table;
    std::vector<std::string> keys;
    std::vector<std::string> values;

    std::size_t width() const { return keys.size() + values.size(); }
};

/// Every entity table, in dependency order (parents before children).
const std::vector<EntitySpec>& entity_specs();
const EntitySpec& entity_spec(const std::string& table);  // throws std::logic_error if unknown

namespace entity {
// Names of the entity tables, for commands.
inline const std::string tender = "tender";
inline const std::string framework = "framework";
inline const std::string evaluator = "evaluator";
inline const std::string bid = "bid";
inline const std::string gate_result = "gate_result";
inline const std::string commitment = "commitment";
inline const std::string alt_decision = "alt_decision";
inline const std::string declaration = "declaration";
inline const std::string assignment = "assignment";
inline const std::string individual_score = "individual_score";
inline const std::string consensus = "consensus";
inline const std::string lots_seed = "lots_seed";
inline const std::string price_line = "price_line";
}  // namespace entity

/// Prepared statements on one entity table, reused across a command.
class EntityTable {
public:
    EntityTable(SQLite::Database& db, const EntitySpec& spec);
    ~EntityTable();
    EntityTable(const EntityTable&) = delete;
    EntityTable& operator=(const EntityTable&) = delete;

    const EntitySpec& spec() const { return spec_; }
    /// The entity key as text: a JSON array of the key values, e.g. ["B01","Q1","E1"].
    std::string key_text(const Row& key) const;
    /// The entity as a JSON object of all its columns, or nullopt if absent.
    std::optional<std::string> snapshot(const Row& key);
    /// Inserts or updates the row (all columns, keys first); returns the JSON after.
    std::string upsert(const Row& row);
    /// Deletes the row if present.
    void erase(const Row& key);

private:
    struct Statements;
    const EntitySpec& spec_;
    SQLite::Database& db_;
    Statements* statements_;
};

/// A JSON object as written by snapshot() turned back into a row in column order (for undo).
Row row_from_json(const EntitySpec& spec, const std::string& json);
/// The key part of a JSON entity key text (["B01","Q1"]) as values.
Row key_from_text(const std::string& key_text);

/// Every entity of one table: key text -> JSON, via the same json_object expression.
std::vector<std::pair<std::string, std::string>> snapshot_all(SQLite::Database& db, const EntitySpec& spec);
/// The same rows, one at a time (key, json), without holding the table in memory (verify).
void for_each_snapshot(SQLite::Database& db, const EntitySpec& spec,
                       const std::function<void(const std::string&, const std::string&)>& fn);

}  // namespace core
