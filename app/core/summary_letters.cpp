#include "app/core/summary_letters.h"

#include <cctype>
#include <system_error>

#include "app/core/assessment_summary.h"
#include "app/core/docx_writer.h"
#include "app/core/output_file.h"
#include "scoring/money.h"

namespace fs = std::filesystem;

namespace core {

namespace {

// A file name any system accepts: letters, digits, '-' and '_', at most 60 characters.
std::string file_part(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (out.size() >= 60) break;
        out += std::isalnum(c) || c == '-' ? static_cast<char>(c) : '_';
    }
    return out.empty() ? "_" : out;
}

DocxTable criteria_table(const AssessmentSummary& s) {
    DocxTable t{{{"Criterion", "Weight (most marks)", "How it was scored"}}, true, {30, 15, 55}};
    for (const auto& c : s.bidder.criteria)
        t.rows.push_back({c.id + " " + c.name, scoring::format_number(c.weight), c.how_scored});
    return t;
}

DocxTable scores_table(const BidAssessment& b, int precision) {
    DocxTable t{{{"Criterion", "Score", "Marks", "Explanation"}}, true, {24, 9, 13, 54}};
    for (const auto& c : b.criteria)
        t.rows.push_back({c.id + " " + c.name, c.score ? scoring::format_number(*c.score) : "",
                          scoring::format_fixed(c.marks, precision) + " of " + scoring::format_number(c.weight), c.explanation});
    t.rows.push_back({"Price marks", "", scoring::format_fixed(b.price_marks, precision), ""});
    t.rows.push_back({"Quality marks", "", scoring::format_fixed(b.quality_marks, precision), ""});
    t.rows.push_back({"Social value marks", "", scoring::format_fixed(b.social_value_marks, precision), ""});
    t.rows.push_back({"Total", "", scoring::format_fixed(b.total, precision) + " of 100", ""});
    return t;
}

DocxDocument letter(const ExportData& data, const AssessmentSummary& s) {
    const auto* lot = data.package.framework.lot(s.lot_id);
    const int precision = lot ? lot->rules.precision : 2;
    DocxDocument d;
    d.title = "Assessment summary: " + s.bidder.bidder + ", " + s.tender;
    d.author = data.officer.name;
    d.subject = s.reference;
    auto& b = d.blocks;
    b.push_back(paragraph("Assessment summary", DocxStyle::title));
    b.push_back(paragraph({{"Tender: ", true}, {s.tender + " (" + s.reference + ")"}}));
    b.push_back(paragraph({{"Lot: ", true}, {s.lot_id + " " + s.lot_name}}));
    b.push_back(paragraph({{"To: ", true}, {s.bidder.bidder + " (tender " + s.bidder.bid + ")"}}));
    b.push_back(paragraph({{"Date: ", true}, {data.exported_at.substr(0, 10)}}));
    b.push_back(paragraph("Outcome", DocxStyle::heading1));
    b.push_back(paragraph(s.outcome));
    b.push_back(paragraph("How tenders were assessed", DocxStyle::heading1));
    b.push_back(paragraph(s.award_method));
    b.push_back(criteria_table(s));
    b.push_back(paragraph("Your tender", DocxStyle::heading1));
    b.push_back(paragraph("Your scores on each criterion, with the panel's reasons by reference to your tender:"));
    b.push_back(scores_table(s.bidder, precision));
    if (!s.bidder.reasons.empty()) {
        b.push_back(paragraph("Why your tender was not considered further", DocxStyle::heading2));
        for (const auto& r : s.bidder.reasons) b.push_back(paragraph(r));
    }
    if (s.winner) {
        b.push_back(paragraph("The winning tender", DocxStyle::heading1));
        b.push_back(paragraph("The tender of " + s.winner->bidder + " scored as follows, with the panel's reasons:"));
        b.push_back(scores_table(*s.winner, precision));
    }
    b.push_back(paragraph(""));
    b.push_back(paragraph("This assessment summary is given under section 50 of the Procurement Act 2023 and "
                          "regulation 31 of the Procurement Regulations 2024. Please contact " +
                          data.officer.name + " with any question about it."));
    b.push_back(paragraph("Yours faithfully,"));
    b.push_back(paragraph(data.officer.name));
    return d;
}

}  // namespace

std::vector<fs::path> write_summary_letters(const ExportData& data, const fs::path& folder, Progress* progress) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        fs::create_directory(folder, error);
        if (error)
            throw OutputError("cannot create the folder " + folder.string() + ": " + error.message() +
                              "; check that its parent exists and is writable");
    }
    std::vector<fs::path> written;
    try {
        const auto summaries = assessment_summaries(data);
        for (const auto& s : summaries) {
            progress_step(progress, "writing the letter to " + s.bidder.bidder,
                          static_cast<double>(written.size()) / static_cast<double>(summaries.size()));
            const fs::path file =
                folder / (file_part(s.lot_id) + "-" + file_part(s.bidder.bid) + "-" + file_part(s.bidder.bidder) + ".docx");
            write_docx(letter(data, s), file);
            written.push_back(file);
        }
    } catch (...) {
        for (const auto& f : written) fs::remove(f, error);
        throw;
    }
    return written;
}

std::vector<fs::path> write_summary_letters(Workbook& wb, const std::string& actor, const fs::path& folder,
                                           Progress* progress) {
    ReadSnapshot snapshot(wb);
    return write_summary_letters(gather_export(wb, actor), folder, progress);
}

}  // namespace core
