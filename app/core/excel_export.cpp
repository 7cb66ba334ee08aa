#include "app/core/excel_export.h"

#include <future>

#include "app/core/assessment_summary.h"
#include "app/core/audit.h"
#include "app/core/export_sheets.h"
#include "app/core/output_file.h"
#include "scoring/money.h"

namespace core {

namespace excel {

std::string Context::lot_sheet_name(const std::string& base, const scoring::Lot& lot) const {
    return single_lot ? base : base + " - " + lot.id;
}

const scoring::LotResult* Context::result(const std::string& lot) const {
    for (const auto& r : data.result.lots)
        if (r.lot_id == lot) return &r;
    return nullptr;
}

std::vector<const PackageBid*> Context::bids_of(const std::string& lot) const {
    std::vector<const PackageBid*> out;
    for (const auto& b : data.package.bids)
        if (b.lot == lot) out.push_back(&b);
    return out;
}

std::unordered_map<std::string, const scoring::BidResult*> results_by_bid(const scoring::LotResult& result) {
    std::unordered_map<std::string, const scoring::BidResult*> out;
    for (const auto& b : result.bids) out.emplace(b.id, &b);
    return out;
}

std::string recorded_exclusion(const PackageBid& bid, const scoring::BidResult& result) {
    std::string text;
    for (const auto& reason : exclusion_reasons(bid, result))
        if (reason.code != "below_quality_minimum") text += (text.empty() ? "" : "; ") + reason.detail;
    return text;
}

std::string flags_text(const scoring::BidResult& result) {
    std::string text;
    for (const auto& f : result.flags) text += (text.empty() ? "" : "; ") + f.code + ": " + f.detail;
    return text;
}

std::string sum_of(const std::vector<std::string>& refs) {
    if (refs.empty()) return "0";
    // Excel takes at most 255 arguments per function; nest in groups of 200.
    std::vector<std::string> groups;
    for (std::size_t i = 0; i < refs.size(); i += 200) {
        std::string g;
        for (std::size_t k = i; k < std::min(refs.size(), i + 200); ++k) g += (g.empty() ? "" : ",") + refs[k];
        groups.push_back("SUM(" + g + ")");
    }
    if (groups.size() == 1) return groups.front();
    std::string all;
    for (const auto& g : groups) all += (all.empty() ? "" : ",") + g;
    return "SUM(" + all + ")";
}

double major(scoring::Money minor) { return scoring::to_major(minor); }

}  // namespace excel

namespace {

xlsx::Properties properties(const ExportData& data) {
    xlsx::Properties p;
    p.title = "Tender evaluation: " + data.package.tender;
    p.subject = data.package.reference;
    p.author = data.officer.name;
    p.keywords = "tender evaluation, assessment summary, audit trail";
    p.comments = "Exported by TenderBench from " + data.file.filename().string() + " at " + data.exported_at +
                 "; audit chain head " + data.verify.head_hash;
    p.custom = {{"Tender reference", data.package.reference},
                {"Phase", to_string(data.tender.phase)},
                {"Audit records", std::to_string(data.verify.records)},
                {"Audit chain head", data.verify.head_hash},
                {"Verified", data.verify.ok ? "yes" : "NO"},
                {"Exported at (UTC)", data.exported_at},
                {"Exported by", data.officer.id}};
    return p;
}

}  // namespace

ExportReport export_excel(Workbook& wb, const std::string& actor, const std::filesystem::path& out,
                          Progress* progress) {
    AtomicOutput output(out);
    progress_step(progress, "reading the tender", 0.0);
    ReadSnapshot snapshot(wb);
    // Verify (a third of the work on a large trail) runs on its own connection, on the other core,
    // while the sheets are written; only the Audit trail sheet and the properties wait for it.
    const auto [head_seq, head_hash] = audit_head(wb.db());
    auto verifying = std::async(std::launch::async, [path = wb.path()] {
        OpenOptions options;
        options.read_only = true;
        auto second = Workbook::open(path, options);
        ReadSnapshot moment(second);
        return verify(second);
    });
    ExportData data = gather_export(wb, actor);
    progress_step(progress, "writing the framework", 0.15);
    ExportReport report;
    report.file = out;
    {
        xlsx::Book book(output.temporary(), data.package.tender + " (" + data.package.reference + ")");
        excel::Context context{data, book, {}, data.package.framework.lots.size() == 1};
        const auto& lots = data.package.framework.lots;
        // Tab order first; each sheet is then filled in the order its formulas need.
        auto& summary = book.add_sheet("Summary");
        auto& framework = book.add_sheet("Framework");
        // The tender design's check, when the framework carries one (docs/proportionality.md).
        xlsx::Sheet* proportionality = data.package.framework.design ? &book.add_sheet("Proportionality") : nullptr;
        std::vector<xlsx::Sheet*> price, quality, social;
        for (const auto& lot : lots) price.push_back(&book.add_sheet(context.lot_sheet_name("Price", lot)));
        for (const auto& lot : lots) quality.push_back(&book.add_sheet(context.lot_sheet_name("Quality", lot)));
        for (const auto& lot : lots) social.push_back(&book.add_sheet(context.lot_sheet_name("Social value", lot)));
        xlsx::Sheet* schedule = excel::has_price_schedules(data) ? &book.add_sheet("Price schedule") : nullptr;
        auto& individual = book.add_sheet("Individual scores");
        auto& moderation = book.add_sheet("Moderation");
        auto& evaluators = book.add_sheet("Evaluators");
        auto& summaries = book.add_sheet("Assessment summaries");
        auto& audit = book.add_sheet("Audit trail");
        excel::write_framework(context, framework);
        if (proportionality) excel::write_proportionality(context, *proportionality);
        if (schedule) excel::write_price_schedule(context, *schedule);
        for (std::size_t i = 0; i < lots.size(); ++i) {
            progress_step(progress, "writing the marks of lot " + lots[i].id,
                          0.2 + 0.3 * static_cast<double>(i) / static_cast<double>(lots.size()));
            if (!context.result(lots[i].id)) continue;
            excel::write_quality(context, *quality[i], lots[i]);
            excel::write_price(context, *price[i], lots[i]);
            excel::write_social_value(context, *social[i], lots[i]);
        }
        progress_step(progress, "writing the summary and the panel's scores", 0.5);
        excel::write_summary(context, summary);
        excel::write_individual_scores(context, individual);
        excel::write_moderation(context, moderation);
        excel::write_evaluators(context, evaluators);
        excel::write_assessment_summaries(context, summaries);
        progress_step(progress, "verifying the audit trail", 0.65);
        data.verify = verifying.get();
        // A command committed between this snapshot and the second connection's: verify what is exported.
        if (data.verify.records != head_seq || data.verify.head_hash != head_hash) data.verify = verify(wb);
        book.properties(properties(data));
        progress_step(progress, "writing the audit trail", 0.75);
        excel::write_audit_trail(context, audit, wb);
        for (const auto* s : {&summary, &framework}) report.sheets.push_back(s->name());
        if (proportionality) report.sheets.push_back(proportionality->name());
        for (const auto& group : {price, quality, social})
            for (const auto* s : group) report.sheets.push_back(s->name());
        if (schedule) report.sheets.push_back(schedule->name());
        for (const auto* s : {&individual, &moderation, &evaluators, &summaries, &audit})
            report.sheets.push_back(s->name());
        progress_step(progress, "saving the Excel file", 0.9);
        book.close();
    }
    progress_step(progress, "saving the Excel file", 1.0);
    output.commit();
    report.audit_records = data.verify.records;
    report.verified = data.verify.ok;
    report.head_hash = data.verify.head_hash;
    return report;
}

}  // namespace core
