// `export-sheet`: one evaluator's score sheet as a protected Excel workbook with a dropdown of
// scale points, the scales' descriptors and a hidden stamp (docs/score_sheets.md).
#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include "app/core/audit.h"
#include "app/core/command_rules.h"
#include "app/core/export_data.h"
#include "app/core/output_file.h"
#include "app/core/score_sheet.h"

namespace core {

namespace {

using xlsx::Style;
namespace ss = score_sheet;

void check(lxw_error error, const std::string& what) {
    if (error != LXW_NO_ERROR) throw OutputError("cannot write the score sheet's " + what + ": " + lxw_strerror(error));
}

// Protection stops slips (typing over a bid id); the fixed-hash catches deliberate changes.
// Resizing rows and columns stays allowed so long texts can be read.
void protect(xlsx::Sheet& sheet) {
    lxw_protection options{};
    options.format_columns = 1;
    options.format_rows = 1;
    worksheet_protect(sheet.raw(), nullptr, &options);
}

void write_cell(xlsx::Sheet& sheet, const ss::Cell& c) {
    if (c.number)
        sheet.number(c.row, c.column, *c.number, c.style);
    else
        sheet.text(c.row, c.column, c.text, c.style);
}

// Neither Excel nor Calc grows a row to fit wrapped text when it opens a file, so estimate the
// lines: about one character per unit of column width.
double wrapped_height(const std::string& text, double width) {
    std::size_t lines = 0, count = 0;
    const auto per_line = static_cast<std::size_t>(std::max(1.0, width - 1));
    auto paragraph = [&] {
        lines += std::max<std::size_t>(1, (count + per_line - 1) / per_line);
        count = 0;
    };
    for (unsigned char c : text) {
        if (c == '\n')
            paragraph();
        else if ((c & 0xC0) != 0x80)
            ++count;  // count characters, not UTF-8 bytes
    }
    paragraph();
    return std::min(409.0, 15.0 * static_cast<double>(lines));  // Excel's tallest row
}

using Heights = std::map<std::uint32_t, double>;

void grow(Heights& heights, std::uint32_t row, const std::string& text, double width) {
    auto& h = heights[row];
    h = std::max(h, wrapped_height(text, width));
}

Heights heights_of(const std::vector<ss::Cell>& cells, const std::vector<double>& widths) {
    Heights heights;
    for (const auto& c : cells)
        if (c.style == Style::wrap && c.column < widths.size()) grow(heights, c.row, c.text, widths[c.column]);
    return heights;
}

// Fixed cells row by row (constant-memory mode writes strictly in row order), calling
// `row_done` after each row so the inputs of that row go in before the next one starts.
template <class RowDone>
void write_rows(xlsx::Sheet& sheet, const std::vector<ss::Cell>& cells, std::uint32_t last_row, const Heights& heights,
                RowDone row_done) {
    std::size_t next = 0;
    for (std::uint32_t row = 0; row <= last_row; ++row) {
        if (row == ss::header_row)
            worksheet_set_row(sheet.raw(), row, 45, nullptr);
        else if (const auto h = heights.find(row); h != heights.end() && h->second > 15)
            worksheet_set_row(sheet.raw(), row, h->second, nullptr);
        for (; next < cells.size() && cells[next].row == row; ++next) write_cell(sheet, cells[next]);
        row_done(row);
    }
}

// The dropdown of one run of rows sharing a scale and abstention rule. A list longer than
// Excel's 255 characters, or a scale allowing any value, becomes a formula check instead.
void validate(xlsx::Sheet& sheet, const ss::Content& content, std::size_t scale_index, const ss::Item& item,
              std::uint32_t first, std::uint32_t last) {
    const auto& scale = *item.scale;
    std::vector<std::string> choices;
    std::size_t length = 0;
    for (const auto& p : scale.points) choices.push_back(ss::number_text(p.value));
    if (item.abstention_allowed) choices.push_back(ss::abstain);
    for (const auto& c : choices) length += c.size() + 1;
    const std::string cell = xlsx::cell(first, ss::score);
    const std::string abstain_test = item.abstention_allowed ? "OR(" + cell + "=\"" + ss::abstain + "\"," : "AND(TRUE,";
    std::vector<char*> list;
    std::string formula;
    lxw_data_validation v{};
    if (!scale.intermediate && length <= 255) {
        for (auto& c : choices) list.push_back(c.data());
        list.push_back(nullptr);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list.data();
    } else if (!scale.intermediate) {
        const auto [top, bottom] = content.scale_rows.at(scale_index);
        formula = "=" + abstain_test + "ISNUMBER(MATCH(" + cell + ",'" + ss::scales_sheet + "'!" +
                  xlsx::range(top, 2, bottom, 2) + ",0)))";
    } else if (!item.abstention_allowed) {
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = scale.minimum();
        v.maximum_number = scale.maximum();
    } else {
        formula = "=" + abstain_test + "AND(ISNUMBER(" + cell + ")," + cell + ">=" + ss::number_text(scale.minimum()) +
                  "," + cell + "<=" + ss::number_text(scale.maximum()) + "))";
    }
    if (!formula.empty()) {
        v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
        v.value_formula = formula.data();
    }
    std::string title = "Score",
                message = xlsx::utf8_prefix("Choose " + ss::allowed_text(scale, item.abstention_allowed), 250);
    v.error_title = title.data();
    v.error_message = message.data();
    v.input_title = title.data();
    v.input_message = message.data();
    check(worksheet_data_validation_range(sheet.raw(), first, ss::score, last, ss::score, &v), "score dropdown");
}

const std::vector<double> scores_widths{8, 24, 6, 9, 26, 60, 10, 20, 9, 70};

void write_scores(xlsx::Sheet& sheet, const ss::Content& content) {
    const auto last = ss::first_item_row + static_cast<std::uint32_t>(content.items.size()) - 1;
    auto heights = heights_of(content.scores, scores_widths);
    for (std::size_t i = 0; i < content.items.size(); ++i)
        if (const auto& r = content.items[i].recorded)
            grow(heights, ss::first_item_row + static_cast<std::uint32_t>(i), r->justification,
                 scores_widths[ss::justification]);
    write_rows(sheet, content.scores, last, heights, [&](std::uint32_t row) {
        if (row < ss::first_item_row) return;
        const auto& item = content.items[row - ss::first_item_row];
        if (!item.recorded) {
            sheet.blank(row, ss::score, Style::input);
            sheet.blank(row, ss::justification, Style::input_wrap);
            return;
        }
        if (item.recorded->score)
            sheet.number(row, ss::score, *item.recorded->score, Style::input);
        else
            sheet.text(row, ss::score, ss::abstain, Style::input);
        if (item.recorded->justification.empty())
            sheet.blank(row, ss::justification, Style::input_wrap);
        else
            sheet.text(row, ss::justification, item.recorded->justification, Style::input_wrap);
    });
    // One validation per run of rows with the same choices keeps the sheet's XML small.
    std::size_t start = 0;
    for (std::size_t i = 1; i <= content.items.size(); ++i) {
        const auto& a = content.items[start];
        if (i < content.items.size() && content.items[i].scale == a.scale &&
            content.items[i].abstention_allowed == a.abstention_allowed)
            continue;
        const auto index = static_cast<std::size_t>(std::find(content.scales.begin(), content.scales.end(), a.scale) -
                                                    content.scales.begin());
        validate(sheet, content, index, a, ss::first_item_row + static_cast<std::uint32_t>(start),
                 ss::first_item_row + static_cast<std::uint32_t>(i) - 1);
        start = i;
    }
    sheet.widths(scores_widths);
    worksheet_freeze_panes(sheet.raw(), ss::first_item_row, 1);
    worksheet_repeat_rows(sheet.raw(), ss::header_row, ss::header_row);
    protect(sheet);
}

void write_scales(xlsx::Sheet& sheet, const ss::Content& content) {
    const auto last = content.scales_cells.empty() ? 0 : content.scales_cells.back().row;
    const std::vector<double> widths{12, 26, 7, 16, 90};
    write_rows(sheet, content.scales_cells, last, heights_of(content.scales_cells, widths), [](std::uint32_t) {});
    sheet.widths(widths);
    worksheet_freeze_panes(sheet.raw(), ss::first_item_row, 0);
    worksheet_repeat_rows(sheet.raw(), ss::header_row, ss::header_row);
    protect(sheet);
}

void write_instructions(xlsx::Sheet& sheet, TenderState& state, const Evaluator& who, const ss::Content& content,
                        const ss::Stamp& stamp) {
    const auto& framework = state.framework();
    const std::vector<std::pair<std::string, std::string>> facts{
        {"Tender", stamp.tender},
        {"Reference", stamp.reference},
        {"Evaluator", content.evaluator.id + " (" + content.evaluator.name + ")"},
        {"Exported at (UTC)", stamp.exported_at},
        {"Exported by", who.id + " (" + who.name + ")"},
        {"Framework", framework.id + " \"" + framework.name + "\" version " + framework.version},
        {"Rows to score", stamp.rows}};
    const std::vector<std::string> steps{
        "1. Go to the Scores sheet. Each row is one bid and one question assigned to you: read that bid's answer.",
        "2. In Score (column I) choose a point from the list. The Scales sheet gives each point's label and "
        "descriptor. Where a row allows it, choose Abstain to abstain.",
        "3. In Justification (column J) explain the score by reference to the bid (page, section). Every score "
        "needs one; an abstention needs its reason there.",
        "4. Leave a row blank if you have not scored it yet: blank rows are skipped on import, and the same sheet "
        "can be imported again later. Scores already recorded are filled in; changing one changes it on import.",
        "5. Save the file as .xlsx and return it to the procurement officer, or import it yourself with "
        "'tenderbench import-sheet TENDER.tender THIS-FILE.xlsx'.",
        "Only the yellow cells can be edited: the sheets are protected (no password) to prevent slips. A hidden "
        "Stamp sheet names the tender, you and the framework, and holds a hash of every fixed cell of Scores and "
        "Scales. If the stamp or any fixed cell is changed, or the framework changes after this export, the sheet "
        "is refused and nothing is imported. Do not unprotect the sheets, insert or move rows, or rename sheets.",
        "This sheet is yours alone: it holds no prices and no other evaluator's scores. Score independently."};
    sheet.text(0, 0, "Offline score sheet", Style::title);
    std::uint32_t row = 2;
    for (const auto& [label, value] : facts) {
        sheet.text(row, 0, label, Style::label);
        sheet.text(row++, 1, value, Style::wrap);
    }
    const std::vector<double> widths{20, 110};
    sheet.text(++row, 0, "How to fill it in", Style::label);
    for (const auto& step : steps) {
        worksheet_set_row(sheet.raw(), row, wrapped_height(step, widths[1]) + 3, nullptr);
        sheet.text(row++, 1, step, Style::wrap);
    }
    sheet.widths(widths);
    protect(sheet);
}

void write_stamp(xlsx::Sheet& sheet, const ss::Stamp& stamp) {
    std::uint32_t row = 0;
    for (const auto& [key, value] : stamp.fields()) {
        sheet.text(row, 0, key);
        sheet.text(row++, 1, value);
    }
    sheet.text(row, 0, ss::stamp_keys.back());
    sheet.text(row, 1, stamp.fixed_hash, Style::mono);
    sheet.widths({14, 70});
    protect(sheet);
    worksheet_hide(sheet.raw());
}

Evaluator check_exporter(TenderState& state, const std::string& actor, const std::string& evaluator) {
    const auto who = rules::actor(state, actor);
    const auto whose = rules::actor(state, evaluator);
    if (who.id != whose.id && who.role != Role::officer)
        throw Refused("role", who.id + " may not export the score sheet of " + whose.id + "; only " + whose.id +
                                  " or the officer (on their behalf) may");
    return who;
}

}  // namespace

ScoreSheetExport export_score_sheet(Workbook& wb, const std::string& actor, const std::string& evaluator,
                                    const std::filesystem::path& out) {
    ReadSnapshot snapshot(wb);
    TenderState state(wb.db());
    const auto who = check_exporter(state, actor, evaluator);
    const auto content = ss::build_content(state, *state.evaluator(evaluator));
    ss::Stamp stamp{state.tender().name,
                    state.tender().reference,
                    content.evaluator.id,
                    who.id,
                    utc_now(),
                    ss::framework_hash(state),
                    std::to_string(content.items.size()),
                    ss::cells_hash(ss::named_cells(content.scores)),
                    ss::cells_hash(ss::named_cells(content.scales_cells)),
                    ""};
    stamp.fixed_hash = stamp.compute_fixed_hash();
    AtomicOutput output(out);
    {
        xlsx::Book book(output.temporary(), "Score sheet: " + stamp.tender + " (" + stamp.reference + ")");
        // The first sheet is the active one and cannot be hidden: the stamp goes last.
        auto& instructions = book.add_sheet(ss::instructions_sheet);
        auto& scores = book.add_sheet(ss::scores_sheet);
        auto& scales = book.add_sheet(ss::scales_sheet);
        auto& stamp_sheet = book.add_sheet(ss::stamp_sheet);
        write_instructions(instructions, state, who, content, stamp);
        write_scores(scores, content);
        write_scales(scales, content);
        write_stamp(stamp_sheet, stamp);
        book.properties({"Score sheet of " + content.evaluator.id,
                         stamp.tender + " (" + stamp.reference + ")",
                         who.name,
                         "",
                         "tender evaluation, score sheet",
                         "Exported by TenderBench at " + stamp.exported_at + "; fixed-hash " + stamp.fixed_hash,
                         {}});
        book.close();
    }
    output.commit();
    ScoreSheetExport report{out, content.evaluator.id, content.items.size(), 0,
                            {},  stamp.exported_at,    stamp.fixed_hash};
    for (const auto& item : content.items) report.prefilled += item.recorded ? 1 : 0;
    for (const auto* s : content.scales) report.scales.push_back(s->id);
    return report;
}

}  // namespace core
