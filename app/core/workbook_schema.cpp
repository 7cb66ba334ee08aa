#include "app/core/workbook_schema.h"

#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

namespace core {

namespace {

// Version 1: the tender, its framework and everything recorded about bids and scores, plus
// the append-only audit trail. Entity tables name their key columns first (see entities.cpp).
constexpr const char* version_1 = R"sql(
CREATE TABLE tender(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  reference TEXT NOT NULL,
  phase TEXT NOT NULL,
  two_envelope INTEGER NOT NULL,
  individual_locked INTEGER NOT NULL);
CREATE TABLE framework(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  xml TEXT NOT NULL,
  source TEXT NOT NULL,
  frozen INTEGER NOT NULL);
CREATE TABLE evaluator(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'evaluator', 'moderator')));
CREATE TABLE bid(
  id TEXT PRIMARY KEY,
  lot TEXT NOT NULL,
  bidder TEXT NOT NULL,
  sme INTEGER NOT NULL,
  vcse INTEGER NOT NULL,
  price INTEGER NOT NULL,
  exclusion TEXT);
CREATE TABLE gate_result(
  bid TEXT NOT NULL REFERENCES bid(id),
  gate TEXT NOT NULL,
  passed INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (bid, gate));
CREATE TABLE commitment(
  bid TEXT NOT NULL REFERENCES bid(id),
  measure TEXT NOT NULL,
  quantity REAL NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'reduce', 'reject')),
  accepted_quantity REAL,
  accepted_percent REAL,
  reason TEXT NOT NULL,
  PRIMARY KEY (bid, measure));
CREATE TABLE alt_decision(
  bid TEXT PRIMARY KEY REFERENCES bid(id),
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reason TEXT NOT NULL);
CREATE TABLE declaration(
  evaluator TEXT NOT NULL REFERENCES evaluator(id),
  bid TEXT NOT NULL,
  conflict INTEGER NOT NULL,
  detail TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('allowed', 'removed')),
  decided_by TEXT,
  decision_reason TEXT,
  PRIMARY KEY (evaluator, bid));
CREATE TABLE assignment(
  evaluator TEXT NOT NULL REFERENCES evaluator(id),
  criterion TEXT NOT NULL,
  bid TEXT NOT NULL,
  PRIMARY KEY (evaluator, criterion, bid));
CREATE TABLE individual_score(
  bid TEXT NOT NULL REFERENCES bid(id),
  criterion TEXT NOT NULL,
  evaluator TEXT NOT NULL REFERENCES evaluator(id),
  score REAL,
  justification TEXT NOT NULL,
  PRIMARY KEY (bid, criterion, evaluator)) WITHOUT ROWID;
CREATE TABLE consensus(
  bid TEXT NOT NULL REFERENCES bid(id),
  criterion TEXT NOT NULL,
  score REAL NOT NULL,
  moderator TEXT NOT NULL REFERENCES evaluator(id),
  rationale TEXT NOT NULL,
  spread REAL,
  divergent INTEGER NOT NULL,
  automatic INTEGER NOT NULL,
  PRIMARY KEY (bid, criterion)) WITHOUT ROWID;
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  command INTEGER NOT NULL,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  before TEXT,
  after TEXT,
  reason TEXT NOT NULL,
  refers INTEGER,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: records cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: records cannot be deleted'); END;
)sql";

// Version 2: recorded seeds for drawing lots, and an index for undo and the log by actor.
// Adds no column to an existing entity, so no audit record is needed for existing rows.
constexpr const char* version_2 = R"sql(
CREATE TABLE lots_seed(
  lot TEXT PRIMARY KEY,
  seed TEXT NOT NULL);
CREATE INDEX audit_by_actor ON audit(actor, command);
CREATE INDEX audit_by_command ON audit(command);
)sql";

// Version 3: price schedules (imported bids priced as unit rate x evaluated quantity). A new
// table only, so existing rows need no audit record.
constexpr const char* version_3 = R"sql(
CREATE TABLE price_line(
  bid TEXT NOT NULL REFERENCES bid(id),
  item TEXT NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  unit TEXT NOT NULL,
  rate INTEGER NOT NULL,
  quantity REAL NOT NULL,
  PRIMARY KEY (bid, item)) WITHOUT ROWID;
)sql";

const std::vector<const char*>& steps() {
    static const std::vector<const char*> all{version_1, version_2, version_3};
    return all;
}

}  // namespace

void migrate(SQLite::Database& db, int from, int target) {
    if (target > static_cast<int>(steps().size()))
        throw std::logic_error("no migration to schema version " + std::to_string(target));
    for (int version = from + 1; version <= target; ++version) {
        SQLite::Transaction step(db);
        db.exec(steps()[static_cast<std::size_t>(version - 1)]);
        if (version == 1) db.exec("PRAGMA application_id = " + std::to_string(workbook_application_id));
        db.exec("PRAGMA user_version = " + std::to_string(version));
        step.commit();
    }
}

void create_schema(SQLite::Database& db) {
    SQLite::Transaction all(db);
    for (const char* step : steps()) db.exec(step);
    db.exec("PRAGMA application_id = " + std::to_string(workbook_application_id));
    db.exec("PRAGMA user_version = " + std::to_string(workbook_schema_version));
    all.commit();
}

}  // namespace core
