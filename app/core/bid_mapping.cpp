// The mapping file of import-bids (docs/import.md section 3) and the field names it may use.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "app/core/bid_import.h"
#include "app/core/bid_import_tables.h"
#include "app/core/xml_document.h"

namespace core {

const std::vector<std::string>& bid_fields() {
    static const std::vector<std::string> fields{"id", "lot", "bidder", "sme", "vcse", "price", "exclusion"};
    return fields;
}

const std::vector<std::string>& schedule_fields() {
    static const std::vector<std::string> fields{"bid", "item", "description", "unit", "rate", "quantity"};
    return fields;
}

namespace {

std::string list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

void read_table(const XmlFile& file, pugi::xml_node node, Diagnostics& d, ColumnMapping& out,
                const std::vector<std::string>& fields, bool commitments) {
    ElementReader r(file, node, d, {"sheet", "header-row"}, {"column"});
    out.sheet = r.optional_text("sheet").value_or("");
    const double row = r.number("header-row", 1);
    if (row < 1 || row > 1048576 || std::floor(row) != row)
        r.error("header-row", "header-row must be a whole number from 1 (the line or row holding the headers)");
    else
        out.header_row = static_cast<int>(row);
    std::set<std::string> headers;
    for (auto c = node.child("column"); c; c = c.next_sibling("column")) {
        ElementReader cr(file, c, d, {"field", "header"});
        const auto field = cr.text("field");
        const auto header = cr.text("header");
        const bool known = std::find(fields.begin(), fields.end(), field) != fields.end() ||
                           (commitments && field.rfind("commitment:", 0) == 0 && field.size() > 11);
        if (!field.empty() && !known)
            cr.error("field", "unknown field \"" + field + "\"; the fields are " + list(fields) +
                                  (commitments ? ", and commitment:CODE for a social-value measure" : ""));
        else if (!field.empty() && !out.headers.emplace(field, header).second)
            cr.error("field", "field " + field + " is mapped twice; map each field to one column");
        if (!header.empty() && !headers.insert(header).second)
            cr.error("header", "column \"" + header + "\" is mapped to two fields; a column holds one field");
    }
}

}  // namespace

BidMapping read_bid_mapping(const std::filesystem::path& path) {
    XmlFile file(path);
    Diagnostics d;
    BidMapping mapping;
    mapping.file = path.string();
    const auto root = file.root();
    if (std::string(root.name()) != "bid-mapping") {
        const auto at = file.where(root);
        d.add(file.name(), at.line, at.column,
              std::string("root element is <") + root.name() + ">, expected <bid-mapping> (docs/import.md)");
        d.throw_if_any();
    }
    ElementReader(file, root, d, {}, {"bids", "schedule"});
    if (auto b = root.child("bids")) read_table(file, b, d, mapping.bids, bid_fields(), true);
    if (auto s = root.child("schedule")) read_table(file, s, d, mapping.schedule, schedule_fields(), false);
    d.throw_if_any();
    return mapping;
}

std::optional<std::size_t> MappedTable::column(const std::string& field) const {
    const auto it = columns.find(field);
    return it == columns.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::vector<const TableRow*> MappedTable::data_rows() const {
    std::vector<const TableRow*> rows;
    for (const auto& row : table.rows) {
        if (row.line <= header_row) continue;
        const bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const TableCell& c) {
            return c.type == TableCell::Type::empty || trim(c.text).empty();
        });
        if (!blank) rows.push_back(&row);
    }
    return rows;
}

namespace {

// Headers compare ignoring case, surrounding spaces and repeated inner spaces.
std::string normal(const std::string& header) {
    std::string out;
    for (const char c : trim(header)) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(u));
        }
    }
    return out;
}

const TableRow* header_row_of(const Table& table, int line) {
    for (const auto& row : table.rows)
        if (row.line == line) return &row;
    return nullptr;
}

}  // namespace

MappedTable map_columns(Table table, const ColumnMapping& mapping, const std::vector<std::string>& fields,
                        const std::vector<std::string>& required, const scoring::Framework* framework,
                        Diagnostics& d) {
    MappedTable m;
    m.table = std::move(table);
    m.header_row = mapping.header_row;
    const auto* header = header_row_of(m.table, m.header_row);
    const std::string where = m.table.file + (m.table.sheet.empty() ? "" : ", sheet '" + m.table.sheet + "'");
    if (!header || header->cells.empty()) {
        d.add(where, m.table.sheet.empty() ? m.header_row : 0, 0, "no column headers in " + std::string(m.table.sheet.empty() ? "line " : "row ") +
                                            std::to_string(m.header_row) + "; the headers must be there (or set "
                                            "header-row in a mapping file)");
        return m;
    }
    std::map<std::string, std::string> wanted;  // normalised header -> field
    for (const auto& field : fields) {
        const auto it = mapping.headers.find(field);
        wanted[normal(it == mapping.headers.end() ? field : it->second)] = field;
    }
    for (const auto& [field, text] : mapping.headers)
        if (field.rfind("commitment:", 0) == 0) wanted[normal(text)] = field;
    for (std::size_t c = 0; c < header->cells.size(); ++c) {
        const auto text = header->cells[c].text;
        const auto key = normal(text);
        if (key.empty()) continue;
        std::string field;
        if (const auto it = wanted.find(key); it != wanted.end()) field = it->second;
        else if (framework && key.rfind("commitment:", 0) == 0) field = "commitment:" + trim(trim(text).substr(11));
        if (field.empty()) {
            m.ignored.push_back(text);
            continue;
        }
        if (field.rfind("commitment:", 0) == 0) {
            const auto code = field.substr(11);
            if (!framework || !framework->measure(code)) {
                d.add(m.table.problem(*header, c, "column \"" + text + "\": " + code +
                                                      " is not a measure code of the framework's <measures>"));
                continue;
            }
            m.commitments.emplace_back(code, c);
            if (!m.columns.emplace(field, c).second)
                d.add(m.table.problem(*header, c, "a second column for commitment " + code + "; keep one"));
            continue;
        }
        if (!m.columns.emplace(field, c).second)
            d.add(m.table.problem(*header, c, "a second column for " + field + " (\"" + text + "\"); keep one, or map "
                                              "the right one in a mapping file"));
    }
    for (const auto& field : required)
        if (!m.columns.count(field)) {
            const auto it = mapping.headers.find(field);
            std::string found;
            for (const auto& cell : header->cells)
                if (!trim(cell.text).empty()) found += (found.empty() ? "\"" : ", \"") + cell.text + "\"";
            d.add(m.table.problem(*header, 0, "no column for " + field + " (looked for a header \"" +
                                                  (it == mapping.headers.end() ? field : it->second) +
                                                  "\"; headers found: " + found +
                                                  "); rename the column or map it in a mapping file (--mapping)"));
        }
    return m;
}

}  // namespace core
