#include "app/core/verify.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include <openssl/evp.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/entities.h"

namespace core {

namespace {

constexpr std::size_t max_problems = 20;

// The SHA-256 of the trail's latest value for each entity, not the value: 32 bytes instead of
// the JSON, so verifying 300,000 records holds about 70 MB rather than 200 MB.
using Digest = std::array<unsigned char, 32>;
struct Replayed {
    bool present = false;
    bool seen = false;
    Digest digest{};
    std::int64_t seq = 0;
};

Digest digest_of(const std::string& text) {
    Digest d{};
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), d.data(), &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL could not compute SHA-256");
    return d;
}

bool same(const Replayed& slot, const std::optional<std::string>& value) {
    if (!value) return !slot.present;
    return slot.present && digest_of(*value) == slot.digest;
}

class Checker {
public:
    explicit Checker(VerifyReport& report) : report_(report) {}

    void fail(std::optional<std::int64_t> seq, std::string problem) {
        report_.ok = false;
        if (seq && (!report_.first_bad_record || *seq < *report_.first_bad_record)) report_.first_bad_record = seq;
        if (report_.problems.size() < max_problems) report_.problems.push_back(std::move(problem));
    }

    // Sequence, chain and hash of one record, then its "before" against the trail so far.
    void record(const AuditRecord& r) {
        const std::string at = "audit record " + std::to_string(r.seq);
        if (r.seq != expected_seq_)
            fail(r.seq, at + ": expected record " + std::to_string(expected_seq_) +
                            " here; records are missing or out of order");
        if (r.prev_hash != prev_hash_)
            fail(r.seq, at + ": its previous hash does not match the hash of the record before it");
        if (sha256_hex(canonical_form(r)) != r.hash)
            fail(r.seq, at + ": its hash does not match its contents; the record was altered");
        expected_seq_ = r.seq + 1;
        prev_hash_ = r.hash;
        auto& slot = state_[r.kind + '\x1f' + r.entity];
        if (!same(slot, r.before))
            fail(r.seq, at + " (" + r.action + " " + r.kind + " " + r.entity +
                            "): its value before does not match the trail's previous record for that entity");
        slot.present = r.after.has_value();
        if (r.after) slot.digest = digest_of(*r.after);
        slot.seq = r.seq;
        ++report_.records;
        report_.head_hash = r.hash;
    }

    // Every entity in the tables must be the trail's last "after" for it, and vice versa.
    void compare(SQLite::Database& db, Progress* progress) {
        const auto& specs = entity_specs();
        for (std::size_t t = 0; t < specs.size(); ++t) {
            const auto& spec = specs[t];
            progress_step(progress, "comparing the workbook's " + spec.table + " with the trail",
                          0.8 + 0.2 * static_cast<double>(t) / static_cast<double>(specs.size()));
            for_each_snapshot(db, spec, [&](const std::string& key, const std::string& json) {
                ++report_.entities;
                // Keys are compared as the trail wrote them (nlohmann's compact dump); SQLite's
                // json_array gives the same text for our ids, so re-dump only on a miss.
                auto id = spec.table + '\x1f' + key;
                auto it = state_.find(id);
                if (it == state_.end()) {
                    id = spec.table + '\x1f' + nlohmann::json::parse(key).dump();
                    it = state_.find(id);
                }
                if (it == state_.end() || !it->second.present) {
                    // Nothing in the trail accounts for it: either the trail's tail was cut off or
                    // the row was added outside TenderBench. Either way the record after the last
                    // one is the first that is missing.
                    fail(expected_seq_, spec.table + " " + key +
                                            " is in the workbook but no audit record put it there: it was added "
                                            "outside TenderBench, or records after " +
                                            std::to_string(expected_seq_ - 1) + " were removed");
                    return;
                }
                if (!same(it->second, json))
                    fail(it->second.seq, spec.table + " " + key + " differs from the trail's last record for it (" +
                                             std::to_string(it->second.seq) + "): changed outside TenderBench, or "
                                             "records after " + std::to_string(expected_seq_ - 1) +
                                             " are missing. The trail says " + trail_after(db, it->second.seq) +
                                             "; the workbook holds " + json);
                it->second.seen = true;
            });
        }
        for (const auto& [id, replayed] : state_)
            if (replayed.present && !replayed.seen) {
                const auto cut = id.find('\x1f');
                fail(replayed.seq, id.substr(0, cut) + " " + id.substr(cut + 1) + " recorded by audit record " +
                                       std::to_string(replayed.seq) + " is missing from the workbook");
            }
    }

private:
    VerifyReport& report_;
    std::int64_t expected_seq_ = 1;
    std::string prev_hash_ = genesis_hash();
    std::unordered_map<std::string, Replayed> state_;

    static std::string trail_after(SQLite::Database& db, std::int64_t seq) {
        SQLite::Statement q(db, "SELECT after FROM audit WHERE seq = ?1");
        q.bind(1, seq);
        return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString() : std::string("(nothing)");
    }
};

}  // namespace

VerifyReport verify(Workbook& wb, Progress* progress) {
    std::optional<ReadSnapshot> snapshot;
    if (!in_transaction(wb)) snapshot.emplace(wb);
    VerifyReport report;
    report.head_hash = genesis_hash();
    Checker checker(report);
    auto& db = wb.db();
    progress_step(progress, "checking the file's integrity", 0.0);
    const auto integrity = db.execAndGet("PRAGMA quick_check").getString();
    if (integrity != "ok") checker.fail(std::nullopt, "SQLite integrity check failed: " + integrity);
    const int triggers = db.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                       "('audit_no_update', 'audit_no_delete')")
                             .getInt();
    if (triggers != 2)
        checker.fail(std::nullopt, "the audit trail's append-only triggers have been removed; the file was altered "
                                   "outside TenderBench");
    const auto last = db.execAndGet("SELECT COALESCE(MAX(seq), 0) FROM audit").getInt64();
    for_each_audit(db, [&](const AuditRecord& r) {
        if (r.seq % 4096 == 0)
            progress_step(progress, "checking audit record " + std::to_string(r.seq) + " of " + std::to_string(last),
                          0.1 + 0.7 * static_cast<double>(r.seq) / static_cast<double>(std::max<std::int64_t>(last, 1)));
        checker.record(r);
    });
    checker.compare(db, progress);
    return report;
}

}  // namespace core
