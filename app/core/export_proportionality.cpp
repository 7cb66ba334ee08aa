// The Proportionality sheet: the tender design, every finding with its basis and fix, and the
// burden estimate as live formulas over its inputs; in the tender record or in a workbook alone.
#include "app/core/export_sheets.h"
#include "app/core/output_file.h"
#include "app/core/proportionality_report.h"
#include "scoring/money.h"

namespace core {

namespace {

using xlsx::Style;

// Where the burden inputs were written, for the formulas below them.
struct Inputs {
    std::string minutes, per_question, per_1000_words, per_evidence, evaluators, bids;
};

std::uint32_t write_findings(xlsx::Sheet& sheet, std::uint32_t row, const scoring::ProportionalityReport& report) {
    sheet.text(row++, 0, "Findings", Style::label);
    const std::vector<std::string> titles{"Severity", "Rule", "Lot", "Criterion", "Title", "Numbers", "Basis", "Fix"};
    for (std::size_t c = 0; c < titles.size(); ++c) sheet.text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
    ++row;
    if (report.findings.empty()) sheet.text(row++, 0, "None: nothing in this design is out of proportion by these rules.");
    for (const auto& f : report.findings) {
        sheet.text(row, 0, scoring::to_string(f.severity));
        sheet.text(row, 1, f.rule);
        sheet.text(row, 2, f.lot);
        sheet.text(row, 3, f.criterion);
        sheet.text(row, 4, f.title, Style::wrap);
        sheet.text(row, 5, f.numbers, Style::wrap);
        sheet.text(row, 6, f.basis, Style::wrap);
        sheet.text(row, 7, f.fix, Style::wrap);
        ++row;
    }
    return row + 1;
}

std::uint32_t write_inputs(xlsx::Sheet& sheet, std::uint32_t row, const scoring::ProportionalitySettings& s,
                           const scoring::Burden& b, Inputs& in) {
    sheet.text(row++, 0, "Evaluation burden (the inputs in column F are live: change one and the hours follow)",
               Style::label);
    const auto input = [&](const std::string& label, double value, Style style = Style::plain) {
        sheet.text(row, 0, label);
        sheet.number(row, 5, value, style);
        return xlsx::cell(row++, 5, true, true);
    };
    in.minutes = input("Minutes per answer (one evaluator, one answer)", s.minutes_per_answer);
    in.per_question = input("Bidder hours per question", s.bidder_hours_per_question);
    in.per_1000_words = input("Bidder hours per 1,000 words", s.bidder_hours_per_1000_words);
    in.per_evidence = input("Bidder hours per evidence item", s.bidder_hours_per_evidence_item);
    if (b.panel_stated) {
        in.evaluators = input("Evaluators", b.evaluators, Style::integer);
        in.bids = input("Expected bids per lot", b.expected_bids, Style::integer);
    } else {
        sheet.text(row++, 0, "Evaluators and expected bids: not stated in the design, so the panel's hours are not estimated");
    }
    return row;
}

void write_burden(xlsx::Sheet& sheet, std::uint32_t row, const scoring::ProportionalitySettings& s,
                  const scoring::Burden& b) {
    Inputs in;
    row = write_inputs(sheet, row, s, b, in);
    const std::vector<std::string> titles{"Lot", "Answers", "Words", "Evidence items", "Lot value", "Bidder hours",
                                          "Bidder hours per 100,000", "Panel hours"};
    for (std::size_t c = 0; c < titles.size(); ++c) sheet.text(row, static_cast<std::uint16_t>(c), titles[c], Style::header);
    ++row;
    const std::uint32_t first = row;
    for (const auto& l : b.lots) {
        const auto at = [&](std::uint16_t column) { return xlsx::cell(row, column); };
        sheet.text(row, 0, l.lot);
        sheet.number(row, 1, l.answers, Style::integer);
        sheet.number(row, 2, l.words, Style::integer);
        sheet.number(row, 3, l.evidence_items, Style::integer);
        sheet.number(row, 4, excel::major(l.lot_value), Style::money);
        sheet.formula(row, 5,
                      "=" + at(1) + "*" + in.per_question + "+" + at(2) + "/1000*" + in.per_1000_words + "+" + at(3) +
                          "*" + in.per_evidence,
                      l.bidder_hours);
        sheet.formula(row, 6, "=" + at(5) + "/(" + at(4) + "/100000)", l.bidder_hours_per_100k);
        if (b.panel_stated)
            sheet.formula(row, 7, "=" + in.evaluators + "*" + in.bids + "*" + at(1) + "*" + in.minutes + "/60",
                          l.panel_hours);
        ++row;
    }
    if (!b.panel_stated || b.lots.empty()) return;
    const std::string total = xlsx::cell(row, 7);
    sheet.text(row, 0, "Panel hours in all", Style::label);
    sheet.formula(row, 7, "=SUM(" + xlsx::cell(first, 7) + ":" + xlsx::cell(row - 1, 7) + ")", b.panel_hours);
    ++row;
    sheet.text(row, 0, "Panel hours per evaluator", Style::label);
    sheet.formula(row, 7, "=" + total + "/" + in.evaluators, b.panel_hours_per_evaluator);
}

void write_sheet(xlsx::Sheet& sheet, const scoring::Framework& fw, const scoring::ProportionalitySettings& settings,
                 const scoring::ProportionalityReport& report) {
    sheet.widths({12, 22, 8, 10, 34, 60, 50, 50});
    sheet.text(0, 0, "Proportionality: " + fw.name + " (version " + fw.version + ")", Style::title);
    sheet.text(1, 0,
               "Checked under the rules for a " + settings.regime_name + ": " +
                   std::to_string(report.count(scoring::FindingSeverity::error)) + " error(s), " +
                   std::to_string(report.count(scoring::FindingSeverity::warning)) + " warning(s), " +
                   std::to_string(report.count(scoring::FindingSeverity::advice)) +
                   " advice. Rules, bases and settings: docs/proportionality.md.",
               Style::note);
    sheet.text(3, 0, "Summary", Style::label);
    sheet.text(3, 5, report.summary, Style::wrap);
    std::uint32_t row = 5;
    sheet.text(row++, 0, "Tender design", Style::label);
    for (const auto& [label, value] : design_lines(fw, settings, report)) {
        sheet.text(row, 0, label);
        sheet.text(row++, 5, value, Style::wrap);
    }
    row = write_findings(sheet, row + 1, report);
    write_burden(sheet, row, settings, report.burden);
}

}  // namespace

namespace excel {

void write_proportionality(Context& context, xlsx::Sheet& sheet) {
    const auto& fw = context.data.package.framework;
    const auto settings = proportionality_settings(proportionality_regime(*fw.design, ""));
    write_sheet(sheet, fw, settings, check_framework_design(fw, settings, "framework.xml (in the workbook)"));
}

}  // namespace excel

void write_proportionality_workbook(const std::filesystem::path& out, const scoring::Framework& framework,
                                    const scoring::ProportionalitySettings& settings,
                                    const scoring::ProportionalityReport& report) {
    AtomicOutput output(out);
    {
        xlsx::Book book(output.temporary(), "Proportionality: " + framework.name);
        auto& sheet = book.add_sheet("Proportionality");
        write_sheet(sheet, framework, settings, report);
        xlsx::Properties p;
        p.title = "Proportionality check: " + framework.name;
        p.subject = framework.id + " version " + framework.version;
        p.keywords = "tender design, proportionality";
        p.comments = report.summary;
        book.properties(p);
        book.close();
    }
    output.commit();
}

}  // namespace core
