// A scratch .tender workbook driven through the real tenderbench binary, plus raw views of the
// file for checking that refused commands change nothing and for tampering behind its back.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <regex>
#include <string>

#include "cli_runner.h"

namespace tbtest {

/// "refused (rule RULE)" on stderr and exit code 1.
inline void check_refused(const Run& run, const std::string& rule) {
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("refused (rule " + rule + "):") != std::string::npos);
    CHECK(run.out.find("command ") == std::string::npos);
}

inline void check_ok(const Run& run) {
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    CHECK(run.exit_code == 0);
}

class ScratchWorkbook {
public:
    explicit ScratchWorkbook(const std::string& tag) : dir_(tag), file_(dir_.path() / (tag + ".tender")) {}

    const fs::path& file() const { return file_; }
    const TempDir& dir() const { return dir_; }

    /// `tenderbench SUBCOMMAND FILE REST`.
    Run run(const std::string& subcommand, const std::string& rest) const {
        return tenderbench(subcommand + " " + quote(file_.string()) + " " + rest);
    }
    /// The same, requiring success.
    Run ok(const std::string& subcommand, const std::string& rest) const {
        auto r = run(subcommand, rest);
        INFO(subcommand << " " << rest << "\nstdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return r;
    }

    /// Every row of every table (entities and audit) as text: equal dumps, equal contents.
    std::string dump() const {
        SQLite::Database db(file_.string(), SQLite::OPEN_READONLY);
        std::string out;
        SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        while (tables.executeStep()) {
            const std::string table = tables.getColumn(0).getString();
            out += "## " + table + "\n";
            SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
            while (rows.executeStep()) {
                for (int c = 0; c < rows.getColumnCount(); ++c)
                    out += (rows.getColumn(c).isNull() ? std::string("NULL") : rows.getColumn(c).getString()) + "|";
                out += "\n";
            }
        }
        return out;
    }

    /// Raw SQL behind the program's back.
    void sql(const std::string& statements) const {
        SQLite::Database db(file_.string(), SQLite::OPEN_READWRITE);
        db.exec(statements);
    }
    std::int64_t count(const std::string& select) const {
        SQLite::Database db(file_.string(), SQLite::OPEN_READONLY);
        return db.execAndGet(select).getInt64();
    }

private:
    TempDir dir_;
    fs::path file_;
};

/// The "head hash:" line of `status` or `verify`.
inline std::string head_hash(const Run& run) {
    std::smatch m;
    if (std::regex_search(run.out, m, std::regex("head hash: +([0-9a-f]{64})"))) return m[1].str();
    return {};
}

}  // namespace tbtest
