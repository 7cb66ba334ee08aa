// The Audit trail sheet: every record with every field in full (long values continue on the
// rows below, so nothing is cut), the chain head and the result of verify.
#include <algorithm>

#include "app/core/audit.h"
#include "app/core/export_sheets.h"
#include "app/core/output_file.h"

namespace core::excel {

namespace {

using xlsx::Style;

// Room for the continuation marker inside Excel's limit.
constexpr std::size_t kPiece = 32000;
constexpr std::uint32_t kMaxRow = 1048575;

std::vector<std::string> pieces(const std::optional<std::string>& text) {
    std::vector<std::string> out;
    if (!text) return out;
    std::size_t at = 0;
    while (at < text->size()) {
        std::string piece = xlsx::utf8_prefix(text->substr(at), kPiece);
        if (piece.empty()) piece = text->substr(at, 1);  // a stray byte cannot stop the loop
        at += piece.size();
        out.push_back(std::move(piece));
    }
    return out;
}

std::uint32_t write_head(Context& context, xlsx::Sheet& sheet) {
    const auto& v = context.data.verify;
    sheet.text(0, 0, "Audit trail: every change, who made it, when, before and after, and why", Style::title);
    sheet.text(1, 0, "Chain head", Style::label);
    sheet.text(1, 2, v.head_hash, Style::mono);
    sheet.text(2, 0, "Records", Style::label);
    sheet.number(2, 2, static_cast<double>(v.records), Style::integer);
    sheet.text(3, 0, "Verify", Style::label);
    std::string result = v.ok ? "passed: " + std::to_string(v.records) + " records and " + std::to_string(v.entities) +
                                    " entities checked at " + context.data.exported_at
                              : "FAILED: " + std::to_string(v.problems.size()) + " problem(s)";
    if (v.first_bad_record) result += "; first bad record " + std::to_string(*v.first_bad_record);
    sheet.text(3, 2, result, Style::label);
    std::uint32_t row = 4;
    for (const auto& p : v.problems) sheet.text(row++, 2, p);
    sheet.text(row++, 0,
               "Each hash is SHA-256 over the record's canonical form (docs/workbook.md section 3) and chains to the "
               "previous one; 'tenderbench verify FILE.tender' recomputes them. Values longer than one cell continue "
               "on the rows below, marked 'continued'.",
               Style::note);
    return row + 1;
}

}  // namespace

void write_audit_trail(Context& context, xlsx::Sheet& sheet, Workbook& wb) {
    const std::uint32_t header = write_head(context, sheet);
    const std::vector<std::string> titles{"Seq", "Command", "Time (UTC)", "Actor", "Action", "Kind", "Entity", "Before",
                                          "After", "Reason", "Refers to command", "Previous hash", "Hash"};
    sheet.header(header, titles, 1);
    sheet.widths({8, 9, 24, 12, 12, 14, 24, 50, 50, 40, 10, 20, 20});
    std::uint32_t row = header + 1;
    for_each_audit(wb.db(), [&](const AuditRecord& r) {
        const auto before = pieces(r.before), after = pieces(r.after);
        const std::size_t rows = std::max<std::size_t>({1, before.size(), after.size()});
        if (row + rows - 1 > kMaxRow)
            throw OutputError("the audit trail has more rows than one Excel sheet holds (1,048,576); export the "
                              "trail with 'tenderbench log --json' instead");
        sheet.number(row, 0, static_cast<double>(r.seq), Style::integer);
        sheet.number(row, 1, static_cast<double>(r.command), Style::integer);
        sheet.text(row, 2, r.time);
        sheet.text(row, 3, r.actor);
        sheet.text(row, 4, r.action);
        sheet.text(row, 5, r.kind);
        sheet.text(row, 6, r.entity);
        if (!before.empty()) sheet.text(row, 7, before[0]);
        if (!after.empty()) sheet.text(row, 8, after[0]);
        sheet.text(row, 9, r.reason);
        if (r.refers) sheet.number(row, 10, static_cast<double>(*r.refers), Style::integer);
        sheet.text(row, 11, r.prev_hash, Style::mono);
        sheet.text(row, 12, r.hash, Style::mono);
        for (std::size_t k = 1; k < rows; ++k) {
            const auto at = row + static_cast<std::uint32_t>(k);
            sheet.number(at, 0, static_cast<double>(r.seq), Style::integer);
            sheet.text(at, 4, "continued");
            if (k < before.size()) sheet.text(at, 7, before[k]);
            if (k < after.size()) sheet.text(at, 8, after[k]);
        }
        row += static_cast<std::uint32_t>(rows);
    });
    sheet.autofilter(header, std::max(header, row - 1), static_cast<std::uint16_t>(titles.size() - 1));
}

}  // namespace core::excel
