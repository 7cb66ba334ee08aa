// The .tender workbook: one SQLite file per tender, changed only through audited commands.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/entities.h"
#include "app/core/workflow.h"

namespace SQLite {
class Database;
}

namespace core {

struct OpenOptions {
    int busy_timeout_ms = 5000;  // wait this long for another program's write to finish
    bool read_only = false;
};

/// The changes of one command inside its transaction. Every put/erase writes the entity and
/// its audit record (before, after) together; a change that alters nothing writes nothing.
class Command {
public:
    Command(SQLite::Database& db, std::int64_t id, std::string actor, std::string action, std::string reason,
            std::optional<std::int64_t> refers);
    ~Command();
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    std::int64_t id() const { return id_; }
    const std::string& actor() const { return actor_; }
    std::size_t records() const { return records_; }

    /// The entity as JSON, or nullopt.
    std::optional<std::string> current(const std::string& table, const Row& key);
    /// Inserts or updates the whole row (keys first, columns as in entity_specs()).
    void put(const std::string& table, const Row& row);
    /// Removes the entity if present.
    void erase(const std::string& table, const Row& key);
    /// Sets the entity to `json` (a snapshot), or removes it when nullopt. For undo and redo.
    void restore(const std::string& table, const std::string& key_text, const std::optional<std::string>& json);

private:
    EntityTable& table(const std::string& name);
    void record(const std::string& table, const std::string& key_text, std::optional<std::string> before,
                std::optional<std::string> after);

    SQLite::Database& db_;
    std::int64_t id_;
    std::string actor_;
    std::string action_;
    std::string reason_;
    std::optional<std::int64_t> refers_;
    std::string time_;
    AuditWriter audit_;
    std::map<std::string, std::unique_ptr<EntityTable>> tables_;
    std::size_t records_ = 0;
};

struct CommandResult {
    std::int64_t command = 0;  // 0 when nothing changed
    std::size_t records = 0;   // audit records written
    std::vector<std::string> warnings;
};

class Workbook {
public:
    /// Creates a new, empty workbook at `path`; refuses to overwrite an existing file.
    static Workbook create(const std::filesystem::path& path, const OpenOptions& options = {});
    /// Opens an existing workbook: checks it is one, refuses a newer schema, upgrades an older
    /// one after writing a backup copy next to it (NAME.tender.vN.bak).
    static Workbook open(const std::filesystem::path& path, const OpenOptions& options = {});

    Workbook(Workbook&&) noexcept;
    Workbook& operator=(Workbook&&) noexcept;
    ~Workbook();

    const std::filesystem::path& path() const { return path_; }
    SQLite::Database& db() { return *db_; }
    /// The backup written by open() before an upgrade, if any.
    const std::optional<std::filesystem::path>& upgrade_backup() const { return backup_; }

    /// Runs `apply` as one command in one IMMEDIATE transaction: everything it changes and
    /// every audit record commit together, or nothing does (on any exception).
    CommandResult run(const std::string& actor, const std::string& action, const std::string& reason,
                      const std::function<void(Command&)>& apply, std::optional<std::int64_t> refers = {});

private:
    Workbook(std::filesystem::path path, std::unique_ptr<SQLite::Database> db);

    std::filesystem::path path_;
    std::unique_ptr<SQLite::Database> db_;
    std::optional<std::filesystem::path> backup_;
};

/// A read transaction for the life of a reading (an export, verify): writers may go on, the
/// reading sees one moment of the file.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Workbook& wb);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Workbook& wb_;
};

/// Is a transaction open on this connection (a ReadSnapshot or a command)?
bool in_transaction(Workbook& wb);

/// Translates SQLite's "database is locked/busy" into the user's terms.
[[noreturn]] void rethrow_storage_error(const std::filesystem::path& path, const std::exception& e);

}  // namespace core
