// What both directions of the score sheet share: which rows an evaluator gets, the fixed cells
// of the Scores and Scales sheets, the stamp and the hashes (docs/score_sheets.md).
#include <algorithm>
#include <charconv>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/command_rules.h"
#include "app/core/score_sheet.h"

namespace core::score_sheet {

namespace {

using xlsx::Style;

// Cells are cut as the writer would cut them, so the hash covers exactly what is written.
std::string fit(const std::string& text) { return xlsx::utf8_prefix(text, xlsx::kMaxCellText); }

struct Cells {
    std::vector<Cell>& out;
    void text(std::uint32_t row, std::uint16_t column, const std::string& value, Style style = Style::plain) {
        if (!value.empty()) out.push_back({row, column, fit(value), std::nullopt, style});
    }
    void number(std::uint32_t row, std::uint16_t column, double value, Style style = Style::plain) {
        out.push_back({row, column, number_text(value), value, style});
    }
};

// Refuses, naming the rule, when the evaluator may not have a sheet at all.
void check_may_score(TenderState& state, const Evaluator& who) {
    rules::role(who, {Role::evaluator, Role::moderator}, "score bids, so they have no score sheet");
    if (!state.has_declared(who.id))
        throw Refused("conflict-declaration",
                      who.id +
                          " has not declared their interests; they declare any conflict of interest (or none) "
                          "with 'tenderbench declare' before they may see bids or have a score sheet");
    rules::phase(state, {Phase::individual_evaluation}, "make a score sheet (individual scores are entered)");
    if (!state.has_assignments(who.id))
        throw Refused("assignment", who.id +
                                        " has no questions assigned; the officer assigns them with "
                                        "'tenderbench assign' before a score sheet can be made");
}

std::vector<Item> items_for(TenderState& state, const Evaluator& who) {
    std::vector<Item> items;
    const auto& framework = state.framework();
    const bool locked = state.tender().individual_locked;
    for (const auto& bid : state.bids()) {
        if (state.blocking_conflict(who.id, bid.id) || !rules::compliance_exclusion(state, bid).empty()) continue;
        const auto* lot = framework.lot(bid.lot);
        if (!lot) continue;
        for (const auto& leaf : scoring::leaves_of(framework, *lot)) {
            const auto* q = leaf.criterion;
            if (q->kind != scoring::CriterionKind::question || !state.assigned(who.id, q->id, bid.id)) continue;
            auto recorded = state.individual_score(bid.id, q->id, who.id);
            if (locked && recorded) continue;  // locked for good once moderation started
            items.push_back({bid, q, leaf.scale, lot->rules.allow_abstention, std::move(recorded)});
        }
    }
    if (items.empty())
        throw Refused("nothing-to-score",
                      who.id +
                          " has nothing to score now: every bid with an assigned question is excluded at "
                          "compliance, kept from them by a declared conflict of interest, or already scored "
                          "and locked since moderation started");
    return items;
}

void lay_out_scores(Content& c) {
    Cells cells{c.scores};
    cells.text(0, 0, "Score sheet of " + c.evaluator.id + " (" + c.evaluator.name + ")", Style::title);
    cells.text(1, 0,
               "Enter a Score and a Justification in the yellow cells of each row; everything else is protected. "
               "See the Instructions sheet, and the Scales sheet for what each point means.",
               Style::note);
    const std::vector<std::string> titles{
        "Bid",   "Bidder",         "Lot",   "Question",     "Question title", "What the question asks",
        "Scale", "Allowed scores", "Score", "Justification"};
    for (std::size_t i = 0; i < titles.size(); ++i)
        cells.text(header_row, static_cast<std::uint16_t>(i), titles[i], Style::header);
    // Every cell of a row wrapped and top-aligned, so a row reads from the top like the long texts.
    std::uint32_t row = first_item_row;
    for (const auto& item : c.items) {
        cells.text(row, bid, item.bid.id, Style::wrap);
        cells.text(row, bidder, item.bid.bidder, Style::wrap);
        cells.text(row, lot, item.bid.lot, Style::wrap);
        cells.text(row, question, item.question->id, Style::wrap);
        cells.text(row, title, item.question->name, Style::wrap);
        cells.text(row, asks, item.question->description, Style::wrap);
        cells.text(row, scale, item.scale->id, Style::wrap);
        cells.text(row, allowed, allowed_text(*item.scale, item.abstention_allowed), Style::wrap);
        ++row;
    }
}

void lay_out_scales(Content& c) {
    Cells cells{c.scales_cells};
    cells.text(0, 0, "Scales and their descriptors", Style::title);
    cells.text(1, 0, "Score each answer against the descriptors of its question's scale (column G of Scores).",
               Style::note);
    const std::vector<std::string> titles{"Scale", "Scale name", "Point", "Label", "Descriptor"};
    for (std::size_t i = 0; i < titles.size(); ++i)
        cells.text(header_row, static_cast<std::uint16_t>(i), titles[i], Style::header);
    std::uint32_t row = first_item_row;
    for (const auto* s : c.scales) {
        c.scale_rows.emplace_back(row, row + static_cast<std::uint32_t>(s->points.size()) - 1);
        for (const auto& p : s->points) {
            cells.text(row, 0, s->id, Style::wrap);
            cells.text(row, 1, s->name, Style::wrap);
            cells.number(row, 2, p.value, Style::wrap);
            cells.text(row, 3, p.label, Style::wrap);
            cells.text(row, 4, p.descriptor, Style::wrap);
            ++row;
        }
    }
}

}  // namespace

std::vector<Item> scoring_items(TenderState& state, const Evaluator& evaluator) {
    check_may_score(state, evaluator);
    return items_for(state, evaluator);
}

Content build_content(TenderState& state, const Evaluator& evaluator) {
    Content c;
    c.evaluator = evaluator;
    c.items = scoring_items(state, evaluator);
    for (const auto& item : c.items)
        if (std::find(c.scales.begin(), c.scales.end(), item.scale) == c.scales.end()) c.scales.push_back(item.scale);
    lay_out_scores(c);
    lay_out_scales(c);
    return c;
}

std::string number_text(double value) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("?");
}

std::string allowed_text(const scoring::Scale& scale, bool abstention_allowed) {
    std::string text;
    if (scale.intermediate) {
        text = "any value from " + number_text(scale.minimum()) + " to " + number_text(scale.maximum());
    } else if (scale.points.size() <= 12) {
        for (const auto& p : scale.points) text += (text.empty() ? "one of " : ", ") + number_text(p.value);
    } else {
        text = "a point of scale " + scale.id + " from " + number_text(scale.minimum()) + " to " +
               number_text(scale.maximum()) + " (see Scales)";
    }
    return abstention_allowed ? text + "; or " + abstain + " (the justification gives the reason)" : text;
}

std::string cells_hash(const std::vector<std::pair<std::string, std::string>>& cells) {
    auto array = nlohmann::json::array();
    for (const auto& [ref, text] : cells) array.push_back(nlohmann::json::array({ref, text}));
    // The audit trail's canonical form: compact, ASCII only; invalid UTF-8 cannot reach here
    // (the reader refuses it) but is replaced rather than thrown on, so nothing crashes.
    return sha256_hex(array.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
}

std::vector<std::pair<std::string, std::string>> named_cells(const std::vector<Cell>& cells) {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(cells.size());
    for (const auto& c : cells) out.emplace_back(xlsx::cell(c.row, c.column), c.text);
    return out;
}

std::vector<std::pair<std::string, std::string>> Stamp::fields() const {
    return {{stamp_keys[0], format},     {stamp_keys[1], tender},      {stamp_keys[2], reference},
            {stamp_keys[3], evaluator},  {stamp_keys[4], exported_by}, {stamp_keys[5], exported_at},
            {stamp_keys[6], framework},  {stamp_keys[7], rows},        {stamp_keys[8], scores_hash},
            {stamp_keys[9], scales_hash}};
}

std::string Stamp::compute_fixed_hash() const {
    std::vector<std::pair<std::string, std::string>> cells;
    std::uint32_t row = 0;
    for (const auto& [key, value] : fields()) {
        cells.emplace_back(xlsx::cell(row, 0), key);
        if (!value.empty()) cells.emplace_back(xlsx::cell(row, 1), fit(value));
        ++row;
    }
    cells.emplace_back(xlsx::cell(row, 0), stamp_keys.back());
    return cells_hash(cells);
}

std::string framework_hash(TenderState& state) { return sha256_hex(state.framework_xml()); }

std::string framework_changed_at(TenderState& state) {
    SQLite::Statement st(state.db(), "SELECT time FROM audit WHERE kind = 'framework' ORDER BY seq DESC LIMIT 1");
    return st.executeStep() ? st.getColumn(0).getString() : std::string();
}

}  // namespace core::score_sheet
