// The record: `log` (the audit trail as the actor may read it) and `verify` (the hash chain and
// the workbook's state against the trail).
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/workbook_cli.h"
#include "app/core/verify.h"
#include "app/core/workbook_reads.h"

namespace cli {

namespace {

struct LogArgs {
    WorkbookArgs wb;
    std::int64_t from = 1;
    std::size_t limit = 0;
    bool json = false;
};

nlohmann::ordered_json optional_text(const std::optional<std::string>& text) {
    return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

// Every field exactly as stored, so the chain can be recomputed from this output
// (docs/workbook.md: canonical form).
nlohmann::ordered_json record_json(const core::AuditRecord& r) {
    nlohmann::ordered_json j;
    j["seq"] = r.seq;
    j["command"] = r.command;
    j["time"] = r.time;
    j["actor"] = r.actor;
    j["action"] = r.action;
    j["kind"] = r.kind;
    j["entity"] = r.entity;
    j["before"] = optional_text(r.before);
    j["after"] = optional_text(r.after);
    j["reason"] = r.reason;
    j["refers"] = r.refers ? nlohmann::ordered_json(*r.refers) : nlohmann::ordered_json(nullptr);
    j["prev_hash"] = r.prev_hash;
    j["hash"] = r.hash;
    return j;
}

std::string record_line(const core::AuditRecord& r) {
    std::string line = std::to_string(r.seq) + "  " + r.time + "  " + r.actor + "  " + r.action;
    if (r.refers) line += " of command " + std::to_string(*r.refers);
    line += "  " + r.kind + " " + r.entity + "  " + (r.before ? shorten(*r.before, 60) : "-") + " -> " +
            (r.after ? shorten(*r.after, 60) : "-");
    if (!r.reason.empty()) line += "  reason: " + r.reason;
    return line;
}

int print_log(core::Workbook& wb, const LogArgs& a) {
    const auto records = core::audit_log_for(wb, a.wb.actor, a.from, a.limit);
    if (a.json) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& r : records) list.push_back(record_json(r));
        std::cout << list.dump(2) << "\n";
        return ok;
    }
    for (const auto& r : records) std::cout << record_line(r) << "\n";
    return ok;
}

void add_log(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<LogArgs>();
    auto* cmd = app.add_subcommand("log",
                                   "Show the audit trail: who changed what, when, before and after, and why "
                                   "(officers read every record; others their own until award)");
    add_workbook_args(*cmd, a->wb);
    cmd->add_option("--from", a->from, "Start at this record number (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--limit", a->limit, "Show at most this many records (default: all)");
    cmd->add_flag("--json", a->json, "One JSON array with every field in full, as stored (hashes included)");
    cmd->callback([a, &exit_code] {
        exit_code = with_workbook("log", a->wb, [a](core::Workbook& wb) { return print_log(wb, *a); });
    });
}

int print_verify(const std::string& file, const core::VerifyReport& report) {
    std::cout << "records checked:   " << report.records << "\n"
              << "entities compared: " << report.entities << "\n"
              << "head hash:         " << report.head_hash << "\n";
    if (report.ok && report.problems.empty()) {
        std::cout << "verified: the audit trail is complete and unaltered, and the workbook matches it\n";
        return ok;
    }
    if (report.first_bad_record)
        std::cout << "NOT VERIFIED: the first bad record is " << *report.first_bad_record << "\n";
    else
        std::cout << "NOT VERIFIED\n";
    for (const auto& p : report.problems) std::cout << "  " << p << "\n";
    std::cerr << "tenderbench verify: " << file << ": verification failed (" << report.problems.size() << " problem"
              << (report.problems.size() == 1 ? "" : "s")
              << (report.first_bad_record ? "; first bad record " + std::to_string(*report.first_bad_record) : "")
              << ")\n";
    return invalid_input;
}

void add_verify(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<WorkbookArgs>();
    auto* cmd = app.add_subcommand("verify",
                                   "Recompute the audit trail's hash chain and check that the workbook "
                                   "is exactly what the trail says; exit 1 naming the first bad record");
    add_workbook_args(*cmd, *a, false);
    cmd->callback([a, &exit_code] {
        // Read-only: verifying must never change (or upgrade) the file it checks.
        exit_code = with_workbook(
            "verify", *a, [a](core::Workbook& wb) { return print_verify(a->file, core::verify(wb)); }, true);
    });
}

}  // namespace

void add_workbook_record_commands(CLI::App& app, int& exit_code) {
    add_log(app, exit_code);
    add_verify(app, exit_code);
}

}  // namespace cli
