#include "app/core/workbook.h"

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/workbook_schema.h"

namespace core {

namespace fs = std::filesystem;

// ---- Command -------------------------------------------------------------------------------

Command::Command(SQLite::Database& db, std::int64_t id, std::string actor, std::string action, std::string reason,
                 std::optional<std::int64_t> refers)
    : db_(db),
      id_(id),
      actor_(std::move(actor)),
      action_(std::move(action)),
      reason_(std::move(reason)),
      refers_(refers),
      time_(utc_now()),
      audit_(db) {}

Command::~Command() = default;

EntityTable& Command::table(const std::string& name) {
    auto& slot = tables_[name];
    if (!slot) slot = std::make_unique<EntityTable>(db_, entity_spec(name));
    return *slot;
}

std::optional<std::string> Command::current(const std::string& name, const Row& key) {
    return table(name).snapshot(key);
}

void Command::record(const std::string& name, const std::string& key_text, std::optional<std::string> before,
                     std::optional<std::string> after) {
    if (before == after) return;  // nothing changed: nothing to record
    AuditRecord r;
    r.command = id_;
    r.time = time_;
    r.actor = actor_;
    r.action = action_;
    r.kind = name;
    r.entity = key_text;
    r.before = std::move(before);
    r.after = std::move(after);
    r.reason = reason_;
    r.refers = refers_;
    audit_.append(r);
    ++records_;
}

void Command::put(const std::string& name, const Row& row) {
    auto& t = table(name);
    const Row key(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(t.spec().keys.size()));
    auto before = t.snapshot(key);
    auto after = t.upsert(row);
    record(name, t.key_text(key), std::move(before), std::move(after));
}

void Command::erase(const std::string& name, const Row& key) {
    auto& t = table(name);
    auto before = t.snapshot(key);
    if (!before) return;
    t.erase(key);
    record(name, t.key_text(key), std::move(before), std::nullopt);
}

void Command::restore(const std::string& name, const std::string& key_text, const std::optional<std::string>& json) {
    if (json)
        put(name, row_from_json(entity_spec(name), *json));
    else
        erase(name, key_from_text(key_text));
}

// ---- Workbook ------------------------------------------------------------------------------

namespace {

void configure(SQLite::Database& db, bool read_only) {
    db.exec("PRAGMA foreign_keys = ON");
    if (!read_only) db.exec("PRAGMA synchronous = FULL");
}

int pragma_int(SQLite::Database& db, const char* name) {
    return db.execAndGet(std::string("PRAGMA ") + name).getInt();
}

fs::path backup_path(const fs::path& path, int version) {
    fs::path candidate = path.string() + ".v" + std::to_string(version) + ".bak";
    for (int n = 2; fs::exists(candidate); ++n)
        candidate = path.string() + ".v" + std::to_string(version) + "-" + std::to_string(n) + ".bak";
    return candidate;
}

std::string quoted_sql(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

}  // namespace

[[noreturn]] void rethrow_storage_error(const fs::path& path, const std::exception& e) {
    if (const auto* s = dynamic_cast<const SQLite::Exception*>(&e)) {
        const int code = s->getErrorCode() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw WorkbookError(path.string() +
                                ": the workbook is in use by another program that is writing to it; nothing was "
                                "changed. Try again when it has finished");
        if (code == SQLITE_NOTADB)
            throw WorkbookError(path.string() + ": not a TenderBench workbook (not an SQLite database file)");
        if (code == SQLITE_CORRUPT)
            throw WorkbookError(path.string() + ": the workbook file is damaged (" + s->what() +
                                "); restore it from a backup copy");
        if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
            throw WorkbookError(path.string() + ": cannot write to the workbook (" + s->what() +
                                "); check the file and folder permissions");
        throw WorkbookError(path.string() + ": " + s->what());
    }
    throw;
}

Workbook::Workbook(fs::path path, std::unique_ptr<SQLite::Database> db) : path_(std::move(path)), db_(std::move(db)) {}
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

Workbook Workbook::create(const fs::path& path, const OpenOptions& options) {
    if (fs::exists(path))
        throw WorkbookError(path.string() + ": a file of that name already exists; choose another name or delete it");
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                     options.busy_timeout_ms);
        db->exec("PRAGMA journal_mode = WAL");
        configure(*db, false);
        create_schema(*db);
        return Workbook(path, std::move(db));
    } catch (const std::exception& e) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix, ignored);
        rethrow_storage_error(path, e);
    }
}

Workbook Workbook::open(const fs::path& path, const OpenOptions& options) {
    if (!fs::exists(path))
        throw WorkbookError(path.string() +
                            ": no such workbook; create one with 'tenderbench new' or 'tenderbench import'");
    try {
        const int flags = options.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
        auto db = std::make_unique<SQLite::Database>(path.string(), flags, options.busy_timeout_ms);
        configure(*db, options.read_only);
        if (pragma_int(*db, "application_id") == 0 && pragma_int(*db, "user_version") == 0 &&
            db->execAndGet("SELECT COUNT(*) FROM sqlite_master").getInt() == 0)
            throw WorkbookError(path.string() +
                                ": an empty database, left by a workbook creation that was interrupted; delete it "
                                "and create or import the tender again");
        if (pragma_int(*db, "application_id") != workbook_application_id)
            throw WorkbookError(path.string() +
                                ": not a TenderBench workbook (an SQLite file made by another program)");
        const int version = pragma_int(*db, "user_version");
        if (version > workbook_schema_version)
            throw WorkbookError(path.string() + ": made by a newer TenderBench (workbook schema " +
                                std::to_string(version) + "; this program reads up to " +
                                std::to_string(workbook_schema_version) + "); open it with a newer version");
        Workbook wb(path, std::move(db));
        if (version < workbook_schema_version) {
            if (options.read_only)
                throw WorkbookError(path.string() + ": workbook schema " + std::to_string(version) +
                                    " needs upgrading; open it once for writing to upgrade it");
            const auto backup = backup_path(path, version);
            wb.db_->exec("VACUUM INTO " + quoted_sql(backup.string()));
            migrate(*wb.db_, version);
            wb.backup_ = backup;
        }
        return wb;
    } catch (const WorkbookError&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_storage_error(path, e);
    }
}

CommandResult Workbook::run(const std::string& actor, const std::string& action, const std::string& reason,
                            const std::function<void(Command&)>& apply, std::optional<std::int64_t> refers) {
    try {
        db_->exec("BEGIN IMMEDIATE");
    } catch (const std::exception& e) {
        rethrow_storage_error(path_, e);
    }
    try {
        const auto id = db_->execAndGet("SELECT COALESCE(MAX(command), 0) + 1 FROM audit").getInt64();
        CommandResult result;
        {
            Command command(*db_, id, actor, action, reason, refers);
            apply(command);
            result.records = command.records();
        }
        if (result.records == 0) {
            db_->exec("ROLLBACK");
            return result;
        }
        db_->exec("COMMIT");
        result.command = id;
        return result;
    } catch (const std::exception& e) {
        try {
            db_->exec("ROLLBACK");
        } catch (...) {  // the transaction may already be gone; the original error matters
        }
        if (dynamic_cast<const SQLite::Exception*>(&e)) rethrow_storage_error(path_, e);
        throw;
    }
}

ReadSnapshot::ReadSnapshot(Workbook& wb) : wb_(wb) { wb_.db().exec("BEGIN"); }

ReadSnapshot::~ReadSnapshot() {
    try {
        wb_.db().exec("ROLLBACK");  // nothing was written; ending the read is all
    } catch (...) {
    }
}

bool in_transaction(Workbook& wb) { return sqlite3_get_autocommit(wb.db().getHandle()) == 0; }

}  // namespace core
