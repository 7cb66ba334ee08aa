// `import-sheet`: a filled-in score sheet back into the workbook. The whole sheet is checked first
// (stamp, tender, evaluator, framework, fixed-hash, phase), then every row; any problem imports
// nothing, otherwise the new and changed rows go in as one audited command (docs/score_sheets.md).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/core/command_rules.h"
#include "app/core/score_sheet.h"
#include "app/core/xlsx_reader.h"

namespace core {

namespace {

namespace ss = score_sheet;
using CellList = std::vector<std::pair<std::string, std::string>>;

// A cell's value as the hash takes it: numbers re-formatted from the double, so the text a
// spreadsheet program chose when it saved the file does not matter.
std::string cell_text(const TableCell& c) {
    if (c.type == TableCell::Type::number) return ss::number_text(c.number);
    return c.type == TableCell::Type::empty ? std::string() : c.text;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string shown(const std::string& text) {
    return "'" + (text.size() > 60 ? xlsx::utf8_prefix(text, 57) + "..." : text) + "'";
}

std::string where(const Table& t, const std::string& cell = "") {
    return t.file + ", sheet '" + t.sheet + "'" + (cell.empty() ? "" : ", cell " + cell);
}

// Rows by their sheet row number, in order, whatever order the file stored them in.
std::map<int, const TableRow*> by_line(const Table& t) {
    std::map<int, const TableRow*> rows;
    for (const auto& r : t.rows) rows.emplace(r.line, &r);
    return rows;
}

// Every non-empty cell row-major, leaving out the cells `skip` names (the inputs, or the
// stamp's own hash).
template <class Skip>
CellList fixed_cells(const Table& t, Skip skip) {
    CellList cells;
    for (const auto& [line, row] : by_line(t))
        for (std::size_t c = 0; c < row->cells.size(); ++c) {
            auto text = cell_text(row->cells[c]);
            if (text.empty() || skip(line, c)) continue;
            cells.emplace_back(column_letters(c) + std::to_string(line), std::move(text));
        }
    return cells;
}

const Table& need_sheet(const XlsxWorkbook& book, std::map<std::string, Table>& tables, const std::string& name,
                        const std::string& file) {
    if (!book.has_sheet(name))
        throw Refused(name == ss::stamp_sheet ? "sheet-stamp" : "sheet-altered",
                      file + " has no sheet '" + name + "'" +
                          (name == ss::stamp_sheet ? ": it is not a TenderBench score sheet (or its hidden stamp was "
                                                     "deleted); export one with 'tenderbench export-sheet'"
                                                   : ": the score sheet was altered; export a new one"));
    return tables.emplace(name, book.sheet(name)).first->second;
}

ss::Stamp read_stamp(const Table& t) {
    const auto rows = by_line(t);
    std::vector<std::string> values;
    for (std::size_t i = 0; i < ss::stamp_keys.size(); ++i) {
        const auto it = rows.find(static_cast<int>(i + 1));
        const std::string key = it == rows.end() ? "" : cell_text(it->second->at(0));
        const std::string cell = "A" + std::to_string(i + 1);
        if (key != ss::stamp_keys[i])
            throw Refused(i == 0 ? "sheet-stamp" : "sheet-altered",
                          where(t, cell) + ": " + (key.empty() ? std::string("empty") : "holds " + shown(key)) +
                              " where the stamp has '" + ss::stamp_keys[i] + "'" +
                              (i == 0 ? "; this is not a TenderBench score sheet stamp" : "; the stamp was altered"));
        values.push_back(it == rows.end() ? "" : cell_text(it->second->at(1)));
    }
    if (values[0] != ss::format)
        throw Refused("sheet-stamp", where(t, "B1") + ": format " + shown(values[0]) + " is not one this TenderBench " +
                                         "reads ('" + ss::format + "'); export a new sheet with this version");
    return {values[1], values[2], values[3], values[4], values[5],
            values[6], values[7], values[8], values[9], values[10]};
}

// A sheet's fixed cells must give the stamp's hash. To say which cell differs, `expected_now`
// lays the sheet out from the workbook (only on a mismatch; nullopt when it cannot): if that
// layout gives the stamp's hash, it is the sheet as exported and the cells can be compared.
template <class Expected>
void check_fixed(const Table& t, const CellList& cells, const std::string& hash, Expected expected_now) {
    if (ss::cells_hash(cells) == hash) return;
    std::string detail;
    const std::optional<std::vector<ss::Cell>> expected = expected_now();
    if (expected && ss::cells_hash(ss::named_cells(*expected)) == hash) {
        const std::map<std::string, std::string> now(cells.begin(), cells.end());
        std::map<std::string, std::string> was;
        for (const auto& [ref, text] : ss::named_cells(*expected)) was[ref] = text;
        int listed = 0;
        for (const auto& [ref, text] : was) {
            const auto found = now.find(ref);
            const std::string held = found == now.end() ? "" : found->second;
            if (held != text && listed++ < 5)
                detail +=
                    "; cell " + ref + " holds " + shown(held) + " where the sheet was exported with " + shown(text);
        }
        for (const auto& [ref, text] : now)
            if (!was.count(ref) && listed++ < 5)
                detail += "; cell " + ref + " holds " + shown(text) + " where the exported sheet had nothing";
    } else {
        detail = " (the workbook has changed since the export, so the altered cell cannot be named)";
    }
    throw Refused("sheet-altered", where(t) + ": fixed cells were altered and no longer match the stamp" + detail +
                                       "; nothing was imported: export a new sheet and enter the scores there");
}

struct Checked {
    ss::Stamp stamp;
    Evaluator evaluator;
    Evaluator importer;
    std::size_t rows = 0;
};

Evaluator check_people(TenderState& state, const Table& stamp_table, const ss::Stamp& stamp, const std::string& actor,
                       Evaluator& evaluator) {
    const auto whose = state.evaluator(stamp.evaluator);
    if (!whose)
        throw Refused("sheet-evaluator", where(stamp_table, "B4") + ": evaluator " + shown(stamp.evaluator) +
                                             " is not on this tender's panel");
    evaluator = *whose;
    const auto who = rules::actor(state, actor.empty() ? stamp.evaluator : actor);
    if (who.id != evaluator.id && who.role != Role::officer)
        throw Refused("sheet-evaluator", where(stamp_table, "B4") + ": this is the score sheet of " + evaluator.id +
                                             " (" + evaluator.name + "); " + who.id +
                                             " may import only their own sheet (or the officer on their behalf)");
    return who;
}

// The stamp belongs to this tender, evaluator and framework, and is as exported.
void check_stamp(TenderState& state, const Table& stamp_table, const std::string& actor, Checked& c) {
    const auto& s = c.stamp;
    const auto& tender = state.tender();
    if (s.tender != tender.name || s.reference != tender.reference)
        throw Refused("sheet-tender", where(stamp_table, "B2") + ": this sheet is for tender " + shown(s.tender) +
                                          " (reference " + shown(s.reference) + "), not " + shown(tender.name) +
                                          " (reference " + shown(tender.reference) +
                                          "); import it into the workbook it was exported from");
    c.importer = check_people(state, stamp_table, s, actor, c.evaluator);
    if (s.framework != ss::framework_hash(state))
        throw Refused("sheet-framework", where(stamp_table, "B7") + ": the framework changed on " +
                                             ss::framework_changed_at(state) + " since this sheet was exported on " +
                                             s.exported_at + "; export a new sheet and enter the scores there");
    const auto stamp_hash_row = static_cast<int>(ss::stamp_keys.size());
    if (ss::cells_hash(fixed_cells(stamp_table, [&](int line, std::size_t col) {
            return line == stamp_hash_row && col == 1;
        })) != s.fixed_hash)
        throw Refused("sheet-altered", where(stamp_table) +
                                           ": the stamp was altered (its fixed-hash does not match its contents); "
                                           "export a new sheet");
    const bool digits =
        !s.rows.empty() && s.rows.size() < 8 && s.rows.find_first_not_of("0123456789") == std::string::npos;
    c.rows = digits ? std::stoul(s.rows) : 0;
}

Checked check_sheet(TenderState& state, const XlsxWorkbook& book, const std::string& file, const std::string& actor) {
    std::map<std::string, Table> tables;
    const auto& stamp_table = need_sheet(book, tables, ss::stamp_sheet, file);
    Checked c{read_stamp(stamp_table), {}, {}, 0};
    check_stamp(state, stamp_table, actor, c);
    const auto& s = c.stamp;
    // To name an altered cell, if the workbook still lays the sheet out as it was exported.
    auto now = [&](bool scores) -> std::optional<std::vector<ss::Cell>> {
        try {
            auto content = ss::build_content(state, c.evaluator);
            return scores ? content.scores : content.scales_cells;
        } catch (const Refused&) {
            return std::nullopt;
        }
    };
    const auto first = static_cast<int>(ss::first_item_row) + 1;
    const auto last = first + static_cast<int>(c.rows) - 1;
    const auto& scores = need_sheet(book, tables, ss::scores_sheet, file);
    check_fixed(scores,
                fixed_cells(scores,
                            [&](int line, std::size_t col) {
                                return line >= first && line <= last && (col == ss::score || col == ss::justification);
                            }),
                s.scores_hash, [&] { return now(true); });
    const auto& scales = need_sheet(book, tables, ss::scales_sheet, file);
    check_fixed(scales, fixed_cells(scales, [](int, std::size_t) { return false; }), s.scales_hash,
                [&] { return now(false); });
    return c;
}

void check_phase(TenderState& state) {
    if (state.tender().phase != Phase::individual_evaluation && state.tender().individual_locked)
        throw Refused("locked",
                      "individual scores were locked when moderation started and are never overwritten; "
                      "a score sheet can no longer be imported (the moderator records any change as the "
                      "consensus)");
    rules::phase(state, {Phase::individual_evaluation}, "import a score sheet");
}

struct LastChange {
    std::string time, actor, action, reason;
};

// The latest change after the export to each of the evaluator's scores, by (bid, question).
std::map<std::pair<std::string, std::string>, LastChange> changed_since(TenderState& state,
                                                                        const std::string& evaluator,
                                                                        const std::string& exported_at) {
    std::map<std::pair<std::string, std::string>, LastChange> out;
    SQLite::Statement st(state.db(),
                         "SELECT entity, time, actor, action, reason FROM audit "
                         "WHERE kind = 'individual_score' AND time > ?1 ORDER BY seq");
    st.bind(1, exported_at);
    while (st.executeStep()) {
        Row key;
        try {
            key = key_from_text(st.getColumn(0).getString());
        } catch (const std::exception&) {
            continue;  // verify reports a damaged trail; it does not stop an import here
        }
        if (key.size() != 3 ||
            !std::all_of(key.begin(), key.end(),
                         [](const Value& v) { return std::holds_alternative<std::string>(v); }) ||
            std::get<std::string>(key[2]) != evaluator)
            continue;
        out[{std::get<std::string>(key[0]), std::get<std::string>(key[1])}] = {
            st.getColumn(1).getString(), st.getColumn(2).getString(), st.getColumn(3).getString(),
            st.getColumn(4).getString()};
    }
    return out;
}

using Since = std::map<std::pair<std::string, std::string>, LastChange>;

// Every row of Scores against the scale, the justification rule, what is recorded and the
// workflow rules; collects every problem with its cell, and the changes.
class RowPlanner {
public:
    RowPlanner(TenderState& state, const Table& table, const Checked& checked, ScoreSheetImport& report, Since since)
        : state_(state), table_(table), checked_(checked), report_(report), since_(std::move(since)) {}

    void plan() {
        const auto rows = by_line(table_);
        for (std::size_t i = 0; i < checked_.rows; ++i) {
            const auto it = rows.find(static_cast<int>(ss::first_item_row + 1 + i));
            if (it == rows.end())
                ++report_.empty;
            else
                row(*it->second);
        }
        if (d_.empty()) return;
        d_.add(table_.file, 0, 0,
               std::to_string(d_.list().size()) + " problem" + (d_.list().size() == 1 ? "" : "s") +
                   ": nothing was imported; correct the sheet and import it again");
        d_.throw_if_any();
    }

private:
    void problem(const TableRow& row, std::size_t column, const std::string& message) {
        d_.add(table_.problem(row, column, message));
    }

    // The Score cell: a number, or Abstain; nullopt value and false abstains when neither.
    void parse(const TableCell& cell, const std::string& entered, std::optional<double>& value, bool& abstains) {
        std::string lower = entered;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower == "abstain")
            abstains = true;
        else if (cell.type == TableCell::Type::number)
            value = cell.number;
        else if (cell.type == TableCell::Type::text) {
            double v = 0;
            const auto [end, error] = std::from_chars(entered.data(), entered.data() + entered.size(), v);
            if (error == std::errc() && end == entered.data() + entered.size()) value = v;
        }
    }

    // Problems with what the row says, before it is compared with the workbook.
    bool valid(const TableRow& row, const BidRecord& bid, const scoring::Scale& scale, const std::string& entered,
               const std::optional<double>& value, bool abstains, const std::string& justification) {
        const std::size_t before = d_.list().size();
        const bool may_abstain = state_.framework().lot(bid.lot)->rules.allow_abstention;
        const std::string expected = "; expected " + ss::allowed_text(scale, may_abstain) + " (scale " + scale.id + ")";
        if (!abstains && !value)
            problem(row, ss::score, shown(entered) + " is neither a score nor " + ss::abstain + expected);
        else if (value && (!std::isfinite(*value) || !scale.allows(*value)))
            problem(row, ss::score, shown(entered) + " is not on scale " + scale.id + expected);
        else if (abstains && !may_abstain)
            problem(row, ss::score,
                    shown(entered) + ": the framework does not allow abstention in lot " + bid.lot +
                        " (rule abstention); expected " + ss::allowed_text(scale, false) +
                        ", or declare a conflict of interest if there is one");
        if (trimmed(justification).empty())
            problem(row, ss::justification,
                    abstains ? std::string("empty: an abstention needs its reason here (rule justification)")
                             : "empty: the score " + entered +
                                   " needs a justification by reference to the bid "
                                   "(rule justification)");
        return d_.list().size() == before;
    }

    // A recorded score changed after the export by anything but this sheet: the sheet is stale.
    void check_not_stale(const TableRow& row, const IndividualScoreRow& recorded, const std::string& entered) {
        const auto it = since_.find({recorded.bid, recorded.criterion});
        if (it == since_.end()) return;
        const auto& last = it->second;
        if (last.action == "import-sheet" && last.reason.find(checked_.stamp.fixed_hash) != std::string::npos) return;
        problem(row, ss::score,
                "the recorded score for bid " + recorded.bid + ", question " + recorded.criterion + " (" +
                    (recorded.score ? ss::number_text(*recorded.score) : ss::abstain) + ") was changed at " +
                    last.time + " by " + last.actor + " (" + last.action + ") after this sheet was exported at " +
                    checked_.stamp.exported_at + "; the sheet says " + entered +
                    " (rule sheet-stale): export a new sheet, which starts from the recorded scores");
    }

    void row(const TableRow& row) {
        const auto bid_id = cell_text(row.at(ss::bid));
        const auto criterion = cell_text(row.at(ss::question));
        const auto& score_cell = row.at(ss::score);
        const auto entered = trimmed(cell_text(score_cell));
        const auto justification = cell_text(row.at(ss::justification));
        if (entered.empty()) {
            ++report_.empty;  // not scored yet
            return;
        }
        const auto bid = state_.bid(bid_id);
        const auto* q = bid ? state_.question(bid->lot, criterion) : nullptr;
        const auto* scale = q ? state_.framework().scale(q->scale_id) : nullptr;
        if (!scale)
            return problem(
                row, ss::bid,
                "bid " + shown(bid_id) + ", question " + shown(criterion) + " is not a scored question of this tender");
        std::optional<double> value;
        bool abstains = false;
        parse(score_cell, entered, value, abstains);
        if (!valid(row, *bid, *scale, entered, value, abstains, justification)) return;
        const auto& evaluator = checked_.evaluator;
        const auto recorded = state_.individual_score(bid_id, criterion, evaluator.id);
        if (recorded && recorded->score == value && recorded->justification == justification) {
            ++report_.unchanged;
            return;
        }
        try {
            rules::individual(state_, evaluator, *bid, criterion);
        } catch (const Refused& e) {
            return problem(row, ss::score, std::string("refused by rule ") + e.rule() + ": " + e.what());
        }
        if (recorded) check_not_stale(row, *recorded, entered);
        report_.changes.push_back({bid_id, criterion, column_letters(ss::score) + std::to_string(row.line), value,
                                   justification, recorded.has_value()});
        ++(abstains ? report_.abstentions : recorded ? report_.changed : report_.added);
    }

    TenderState& state_;
    const Table& table_;
    const Checked& checked_;
    ScoreSheetImport& report_;
    Since since_;
    Diagnostics d_;
};

}  // namespace

ScoreSheetImport import_score_sheet(Workbook& wb, const std::string& actor, const std::filesystem::path& sheet,
                                    bool dry_run, Progress* progress) {
    progress_step(progress, "reading the score sheet", 0.0);
    XlsxWorkbook book(sheet);
    const std::string file = sheet.string();
    TenderState state(wb.db());
    const auto checked = check_sheet(state, book, file, actor);
    check_phase(state);
    ScoreSheetImport report;
    report.file = sheet;
    report.evaluator = checked.evaluator.id;
    report.imported_by = checked.importer.id;
    report.fixed_hash = checked.stamp.fixed_hash;
    report.dry_run = dry_run;
    progress_step(progress, "checking every score", 0.4);
    const auto scores = book.sheet(ss::scores_sheet);
    RowPlanner(state, scores, checked, report, changed_since(state, checked.evaluator.id, checked.stamp.exported_at))
        .plan();
    if (dry_run || report.changes.empty()) return report;
    std::string reason = "score sheet " + sheet.filename().string() + " of " + checked.evaluator.id + ", exported at " +
                         checked.stamp.exported_at + ", fixed-hash " + checked.stamp.fixed_hash;
    if (checked.importer.id != checked.evaluator.id)
        reason += "; imported by " + checked.importer.id + " on " + checked.evaluator.id + "'s behalf";
    report.result = wb.run(checked.importer.id, "import-sheet", reason, [&](Command& c) {
        for (const auto& ch : report.changes)
            c.put(entity::individual_score,
                  {ch.bid, ch.criterion, checked.evaluator.id, nullable(ch.score), ch.justification});
        progress_step(progress, "saving the workbook", 0.9);
    });
    return report;
}

}  // namespace core
