// The audit trail: one record per change, chained by SHA-256 (OpenSSL libcrypto) over a
// documented canonical form (docs/workbook.md), in an append-only table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace core {

struct AuditRecord {
    std::int64_t seq = 0;
    std::int64_t command = 0;
    std::string time;    // UTC, ISO 8601 with milliseconds
    std::string actor;   // evaluator id
    std::string action;  // the command's name: score, moderate, phase, undo ...
    std::string kind;    // entity table
    std::string entity;  // JSON array of the key values
    std::optional<std::string> before;  // JSON object, or absent
    std::optional<std::string> after;
    std::string reason;
    std::optional<std::int64_t> refers;  // undo/redo: the command undone or redone
    std::string prev_hash;
    std::string hash;
};

/// The hash of the record before the first: 64 zeros.
const std::string& genesis_hash();

/// The canonical form hashed for a record: a compact JSON array of every field but `hash`
/// (docs/workbook.md section 3).
std::string canonical_form(const AuditRecord& record);
/// Lower-case hexadecimal SHA-256 of `text`.
std::string sha256_hex(const std::string& text);

/// Current UTC time as 2026-11-23T17:41:05.123Z.
std::string utc_now();

/// Appends records to the trail inside the caller's transaction, chaining the hashes.
class AuditWriter {
public:
    explicit AuditWriter(SQLite::Database& db);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    /// Fills seq, prev_hash and hash, and inserts.
    void append(AuditRecord& record);

private:
    struct State;
    State* state_;
};

/// Records in sequence order from `from_seq`, at most `limit` (0 = all).
std::vector<AuditRecord> read_audit(SQLite::Database& db, std::int64_t from_seq = 1, std::size_t limit = 0);

/// Visits every record in order without holding them all (verify on large trails).
template <class Visit>
void for_each_audit(SQLite::Database& db, Visit&& visit);

/// The last record's sequence number and hash (0 and genesis when the trail is empty).
std::pair<std::int64_t, std::string> audit_head(SQLite::Database& db);

}  // namespace core

#include "app/core/audit_impl.h"
