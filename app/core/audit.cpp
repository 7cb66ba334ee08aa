#include "app/core/audit.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace core {

const char* const audit_select =
    "SELECT seq, command, time, actor, action, kind, entity, before, after, reason, refers, prev_hash, hash "
    "FROM audit";

const std::string& genesis_hash() {
    static const std::string zeros(64, '0');
    return zeros;
}

std::string canonical_form(const AuditRecord& r) {
    using nlohmann::json;
    const json array = json::array({r.seq, r.command, r.time, r.actor, r.action, r.kind, r.entity,
                                    r.before ? json(*r.before) : json(nullptr),
                                    r.after ? json(*r.after) : json(nullptr), r.reason,
                                    r.refers ? json(*r.refers) : json(nullptr), r.prev_hash});
    // ensure_ascii: the canonical form is plain ASCII, whatever the platform does with UTF-8.
    return array.dump(-1, ' ', true);
}

std::string sha256_hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not compute SHA-256");
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];  // roomy: the compiler cannot bound tm's fields
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buffer;
}

std::pair<std::int64_t, std::string> audit_head(SQLite::Database& db) {
    SQLite::Statement st(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!st.executeStep()) return {0, genesis_hash()};
    return {st.getColumn(0).getInt64(), st.getColumn(1).getString()};
}

struct AuditWriter::State {
    SQLite::Statement insert;
    std::int64_t seq;
    std::string hash;
};

AuditWriter::AuditWriter(SQLite::Database& db) {
    const auto [seq, hash] = audit_head(db);
    state_ = new State{SQLite::Statement(db,
                                         "INSERT INTO audit(seq, command, time, actor, action, kind, entity, before, "
                                         "after, reason, refers, prev_hash, hash) VALUES "
                                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
                       seq, hash};
}

AuditWriter::~AuditWriter() { delete state_; }

void AuditWriter::append(AuditRecord& r) {
    r.seq = state_->seq + 1;
    r.prev_hash = state_->hash;
    r.hash = sha256_hex(canonical_form(r));
    auto& st = state_->insert;
    st.reset();
    st.bind(1, static_cast<std::int64_t>(r.seq));
    st.bind(2, static_cast<std::int64_t>(r.command));
    st.bind(3, r.time);
    st.bind(4, r.actor);
    st.bind(5, r.action);
    st.bind(6, r.kind);
    st.bind(7, r.entity);
    r.before ? st.bind(8, *r.before) : st.bind(8);
    r.after ? st.bind(9, *r.after) : st.bind(9);
    st.bind(10, r.reason);
    r.refers ? st.bind(11, static_cast<std::int64_t>(*r.refers)) : st.bind(11);
    st.bind(12, r.prev_hash);
    st.bind(13, r.hash);
    st.exec();
    state_->seq = r.seq;
    state_->hash = r.hash;
}

AuditRecord audit_record_from(SQLite::Statement& st) {
    AuditRecord r;
    r.seq = st.getColumn(0).getInt64();
    r.command = st.getColumn(1).getInt64();
    r.time = st.getColumn(2).getString();
    r.actor = st.getColumn(3).getString();
    r.action = st.getColumn(4).getString();
    r.kind = st.getColumn(5).getString();
    r.entity = st.getColumn(6).getString();
    if (!st.getColumn(7).isNull()) r.before = st.getColumn(7).getString();
    if (!st.getColumn(8).isNull()) r.after = st.getColumn(8).getString();
    r.reason = st.getColumn(9).getString();
    if (!st.getColumn(10).isNull()) r.refers = st.getColumn(10).getInt64();
    r.prev_hash = st.getColumn(11).getString();
    r.hash = st.getColumn(12).getString();
    return r;
}

std::vector<AuditRecord> read_audit(SQLite::Database& db, std::int64_t from_seq, std::size_t limit) {
    std::string sql = std::string(audit_select) + " WHERE seq >= ?1 ORDER BY seq";
    if (limit) sql += " LIMIT " + std::to_string(limit);
    SQLite::Statement st(db, sql);
    st.bind(1, static_cast<std::int64_t>(from_seq));
    std::vector<AuditRecord> out;
    while (st.executeStep()) out.push_back(audit_record_from(st));
    return out;
}

}  // namespace core
