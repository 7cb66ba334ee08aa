// import-bids, tabular part: CSV and XLSX tables mapped to fields, every value converted and
// checked with its cell named (docs/import.md sections 1-4).
#include "app/core/bid_import.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "app/core/bid_import_tables.h"
#include "app/core/xml_document.h"
#include "scoring/money.h"

namespace core {

namespace {

// "1,250,000" -> "1250000"; nullopt unless every comma separates a group of three digits.
std::optional<std::string> without_thousands(const std::string& whole) {
    if (whole.find(',') == std::string::npos) return whole;
    const std::size_t sign = !whole.empty() && whole[0] == '-' ? 1 : 0;
    std::string digits = whole.substr(0, sign);
    std::size_t group = 0;
    bool first_group = true;
    for (std::size_t i = sign; i < whole.size(); ++i) {
        if (whole[i] != ',') {
            digits += whole[i];
            ++group;
            continue;
        }
        if (group == 0 || group > 3 || (!first_group && group != 3)) return std::nullopt;
        first_group = false;
        group = 0;
    }
    if (group != 3) return std::nullopt;
    return digits;
}

}  // namespace

std::optional<scoring::Money> parse_money_loose(const std::string& raw) {
    std::string t = trim(raw);
    for (const std::string prefix : {"£", "GBP"})
        if (t.rfind(prefix, 0) == 0) t = trim(t.substr(prefix.size()));
    if (t.size() > 3 && t.compare(t.size() - 3, 3, "GBP") == 0) t = trim(t.substr(0, t.size() - 3));
    const auto point = t.find('.');
    const auto whole = without_thousands(t.substr(0, point));
    if (!whole) return std::nullopt;
    return scoring::parse_money(*whole + (point == std::string::npos ? "" : t.substr(point)));
}

std::optional<double> parse_number_loose(const TableCell& cell) {
    if (cell.type == TableCell::Type::number) return cell.number;
    if (cell.type != TableCell::Type::text) return std::nullopt;
    std::string t = trim(cell.text);
    const auto point = t.find('.');
    const auto whole = without_thousands(t.substr(0, point));  // "1,250"
    if (!whole) return std::nullopt;
    t = *whole + (point == std::string::npos ? "" : t.substr(point));
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value, std::chars_format::fixed);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

namespace {

std::string shown(const TableCell& cell) {
    std::string t = cell.text;
    if (t.size() > 60) t = t.substr(0, 57) + "...";
    return "\"" + t + "\"";
}

// Money from a text cell ("£412,500.00") or a number cell (412500.5), to the penny.
std::optional<scoring::Money> money_of(const TableCell& cell) {
    if (cell.type == TableCell::Type::text) return parse_money_loose(cell.text);
    if (cell.type != TableCell::Type::number || !std::isfinite(cell.number) || std::fabs(cell.number) > 9e13)
        return std::nullopt;
    const double pence = cell.number * 100.0;
    const double whole = std::round(pence);
    if (std::fabs(pence - whole) > 1e-6 * std::max(1.0, std::fabs(pence))) return std::nullopt;  // a third decimal
    return static_cast<scoring::Money>(whole);
}

std::optional<bool> flag_of(const TableCell& cell) {
    if (cell.type == TableCell::Type::empty) return false;
    if (cell.type == TableCell::Type::boolean || cell.type == TableCell::Type::number) {
        if (cell.number == 0 || cell.number == 1) return cell.number == 1;
        return std::nullopt;
    }
    std::string t = trim(cell.text);
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    if (t.empty() || t == "false" || t == "no" || t == "n" || t == "0") return false;
    if (t == "true" || t == "yes" || t == "y" || t == "1") return true;
    return std::nullopt;
}

class BidRows {
public:
    BidRows(const MappedTable& t, const scoring::Framework& fw, Diagnostics& d) : t_(t), fw_(fw), d_(d) {}

    void read(std::vector<ImportedBid>& out) {
        for (const auto* row : t_.data_rows()) {
            ImportedBid b;
            b.at = t_.table.problem(*row, t_.column("id").value_or(0), "");
            b.bid.where = {row->line, 0};
            auto& in = b.bid.input;
            in.id = text(*row, "id", true);
            if (!in.id.empty() && !is_valid_id(in.id))
                problem(*row, "id", "bid id " + shown(row->at(*t_.column("id"))) +
                                        " is not a valid id; use 1-64 letters, digits, '-', '_' or '.'");
            in.bidder = text(*row, "bidder", true);
            b.bid.lot = lot(*row);
            in.sme = flag(*row, "sme");
            in.vcse = flag(*row, "vcse");
            const auto exclusion = text(*row, "exclusion", false);
            if (!exclusion.empty()) in.exclusion = exclusion;
            price(*row, b);
            commitments(*row, b);
            out.push_back(std::move(b));
        }
    }

private:
    void problem(const TableRow& row, const std::string& field, std::string message) {
        d_.add(t_.table.problem(row, t_.column(field).value_or(0), std::move(message)));
    }

    std::string text(const TableRow& row, const std::string& field, bool required) {
        const auto column = t_.column(field);
        if (!column) return "";
        const auto value = trim(row.at(*column).text);
        if (required && value.empty()) problem(row, field, field + " is empty; every bid needs its " + field);
        return value;
    }

    bool flag(const TableRow& row, const std::string& field) {
        const auto column = t_.column(field);
        if (!column) return false;
        const auto v = flag_of(row.at(*column));
        if (!v)
            problem(row, field, field + " " + shown(row.at(*column)) + " is not yes or no; write yes/no, true/false, "
                                                                       "y/n or 1/0 (empty means no)");
        return v.value_or(false);
    }

    std::string lot(const TableRow& row) {
        const auto value = text(row, "lot", false);
        if (value.empty()) {
            if (fw_.lots.size() == 1) return fw_.lots.front().id;
            problem(row, "lot", "the framework has " + std::to_string(fw_.lots.size()) +
                                    " lots; give each bid's lot in a lot column");
            return "";
        }
        if (!fw_.lot(value)) {
            std::string known;
            for (const auto& l : fw_.lots) known += (known.empty() ? "" : ", ") + l.id;
            problem(row, "lot", "lot \"" + value + "\" is not a lot of the framework (lots: " + known + ")");
        }
        return value;
    }

    void price(const TableRow& row, ImportedBid& b) {
        const auto column = t_.column("price");
        if (!column || row.at(*column).type == TableCell::Type::empty) return;  // from the schedule, or missing
        const auto& cell = row.at(*column);
        b.price_written = true;
        const auto money = money_of(cell);
        if (!money)
            problem(row, "price", "price " + shown(cell) +
                                      " is not an amount of money; expected e.g. 412500.00 or £412,500.00 "
                                      "(at most two decimals)");
        else
            b.stated_price = *money;
        b.price_at = t_.table.problem(row, *column, "");
    }

    void commitments(const TableRow& row, ImportedBid& b) {
        for (const auto& [code, column] : t_.commitments) {
            const auto& cell = row.at(column);
            if (cell.type == TableCell::Type::empty || trim(cell.text).empty()) continue;
            const auto q = parse_number_loose(cell);
            if (!q || *q < 0) {
                d_.add(t_.table.problem(row, column, "commitment " + code + " quantity " + shown(cell) +
                                                         " is not a number from 0; leave it empty for none"));
                continue;
            }
            scoring::Commitment c;
            c.measure = code;
            c.quantity = *q;
            b.bid.input.commitments.push_back(std::move(c));
        }
    }

    const MappedTable& t_;
    const scoring::Framework& fw_;
    Diagnostics& d_;
};

class ScheduleRows {
public:
    ScheduleRows(const MappedTable& t, Diagnostics& d) : t_(t), d_(d) {}

    void read(std::vector<ImportedBid>& bids) {
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < bids.size(); ++i) index.emplace(bids[i].bid.input.id, i);
        for (const auto* row : t_.data_rows()) {
            const auto bid = value(*row, "bid");
            const auto it = index.find(bid);
            if (it == index.end()) {
                if (!bid.empty()) problem(*row, "bid", "bid " + bid + " is not in the bids file; a schedule line "
                                                                       "belongs to a bid being imported");
                else problem(*row, "bid", "bid is empty; every schedule line names its bid");
                continue;
            }
            scoring::PriceLine line;
            line.item = value(*row, "item");
            if (line.item.empty()) problem(*row, "item", "item is empty; every line names the tender's item code");
            line.description = value(*row, "description");
            line.unit = value(*row, "unit");
            const auto& rate = row->at(*t_.column("rate"));
            const auto money = money_of(rate);
            if (!money || *money < 0)
                problem(*row, "rate", "rate " + shown(rate) +
                                          " is not a unit rate; expected an amount from 0 with at most two decimals");
            line.rate = money.value_or(0);
            const auto& quantity = row->at(*t_.column("quantity"));
            const auto q = parse_number_loose(quantity);
            if (!q || !scoring::quantity_micro(*q))
                problem(*row, "quantity", "quantity " + shown(quantity) +
                                              " is not an evaluated quantity; expected a number from 0 with at most "
                                              "6 decimals");
            line.quantity = q.value_or(0);
            auto& b = bids[it->second];
            b.bid.schedule.push_back(std::move(line));
            b.bid.schedule_where.push_back({row->line, 0});
            b.line_at.push_back(t_.table.problem(*row, *t_.column("item"), ""));
        }
    }

private:
    std::string value(const TableRow& row, const std::string& field) {
        const auto column = t_.column(field);
        return column ? trim(row.at(*column).text) : std::string();
    }
    void problem(const TableRow& row, const std::string& field, std::string message) {
        d_.add(t_.table.problem(row, t_.column(field).value_or(0), std::move(message)));
    }

    const MappedTable& t_;
    Diagnostics& d_;
};

}  // namespace

std::vector<ImportedBid> read_bid_rows(const MappedTable& bids, const MappedTable* schedule,
                                       const scoring::Framework& framework, Diagnostics& d) {
    std::vector<ImportedBid> out;
    BidRows(bids, framework, d).read(out);
    if (schedule) ScheduleRows(*schedule, d).read(out);
    return out;
}

}  // namespace core
