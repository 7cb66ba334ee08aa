// The .tender workbook's SQLite schema, its version history and the migrations between versions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace core {

/// SQLite `application_id` of every .tender file: "TNDR" in ASCII.
inline constexpr std::int32_t workbook_application_id = 0x544E4452;

/// The schema version this build writes (`PRAGMA user_version`).
inline constexpr int workbook_schema_version = 3;

/// Brings an empty database (version 0) or an older workbook up to `target`, one transaction
/// per version step with `user_version` set inside it. Used by Workbook::create and ::open.
void migrate(SQLite::Database& db, int from, int target = workbook_schema_version);

/// The whole current schema in one transaction, for a new file: a program killed while creating
/// a workbook leaves either an empty database or a complete empty workbook, never half a schema.
void create_schema(SQLite::Database& db);

}  // namespace core
