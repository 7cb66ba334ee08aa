// import-bids: the sources read (CSV, XLSX, bids XML), the checks every format shares, and the
// one command that registers the bids (docs/import.md).
#include <algorithm>
#include <cctype>

#include "app/core/audit.h"
#include "app/core/bid_import.h"
#include "app/core/bid_import_tables.h"
#include "app/core/command_rules.h"
#include "app/core/csv_reader.h"
#include "app/core/xlsx_reader.h"
#include "app/core/xml_document.h"
#include "scoring/money.h"

namespace core {

namespace {

namespace fs = std::filesystem;

enum class Kind { csv, xlsx, xml };

Kind kind_of(const fs::path& path, bool schedule) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") return Kind::csv;
    if (ext == ".xlsx") return Kind::xlsx;
    if (ext == ".xml" && !schedule) return Kind::xml;
    std::string what = ext == ".xls" ? "an old Excel .xls file; open it in Excel or LibreOffice and save it as .xlsx"
                                     : "not a file type import-bids reads (\"" + ext + "\"); give a .csv (UTF-8)" +
                                           (schedule ? " or .xlsx price schedule" : ", .xlsx or .xml bids file");
    throw InputError({{path.string(), 0, 0, what}});
}

// Called after the file was read successfully, so the same limit holds.
std::string digest_of(const fs::path& path) {
    return sha256_hex(read_input_file(path, std::uint64_t{256} << 20, "split it into smaller files"));
}

std::string describe(const fs::path& path, const std::string& sheet) {
    return path.filename().string() + (sheet.empty() ? "" : " sheet '" + sheet + "'") + " (sha256 " +
           digest_of(path).substr(0, 16) + ")";
}

Diagnostic at(Diagnostic where, std::string message) {
    where.message = std::move(message);
    return where;
}

// Every format: ids unique and new, a price from the column or the schedule (agreeing when both
// are given) above zero, and each lot's schedules pricing the same items at the same quantities.
void check_bids(std::vector<ImportedBid>& bids, const scoring::Framework& framework,
                const std::set<std::string>& existing, Diagnostics& d) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < bids.size(); ++i) {
        auto& b = bids[i];
        const auto& id = b.bid.input.id;
        if (id.empty()) continue;
        if (const auto [it, added] = first.emplace(id, i); !added)
            d.add(at(b.at, "bid id " + id + " appears twice (first at " + bids[it->second].at.place() +
                               "); every bid needs its own id"));
        if (existing.count(id))
            d.add(at(b.at, "bid " + id + " is already in the workbook; import only new bids, or give this one "
                                         "another id"));
        const auto total = scoring::schedule_total(b.bid.schedule);
        if (!b.bid.schedule.empty() && !total) {
            d.add(at(b.at, "bid " + id + "'s price schedule totals more than can be held; check its rates and "
                                         "quantities"));
        } else if (!b.bid.schedule.empty()) {
            if (b.stated_price && *b.stated_price != *total)
                d.add(at(b.price_at, "price " + scoring::format_money(*b.stated_price) + " of bid " + id +
                                         " differs from its price schedule's total " + scoring::format_money(*total) +
                                         "; correct the arithmetic (the tender's rules say whether the rates or the "
                                         "total prevail), or leave the price empty to use the schedule"));
            b.bid.input.price = *total;
        } else if (b.stated_price) {
            b.bid.input.price = *b.stated_price;
        } else if (b.price_written) {
            continue;  // an unreadable price, reported where it was read
        } else {
            d.add(at(b.at, "bid " + id + " has no price: give it in the price column or as a price schedule"));
            continue;
        }
        if (b.bid.input.price <= 0)
            d.add(at(b.stated_price ? b.price_at : b.at,
                     "the price of bid " + id + " is " + scoring::format_money(b.bid.input.price) +
                         "; a price must be above zero"));
    }
    std::vector<const PackageBid*> all;
    for (const auto& b : bids) all.push_back(&b.bid);
    for (const auto& p : schedule_problems_by_lot(all, framework)) {
        const auto& b = bids[p.bid];
        d.add(at(p.line ? b.line_at[*p.line] : b.at, p.message));
    }
}

// A bids XML file: read_bids_xml checks values and schedules; what remains is that a received
// bid carries no evaluation decisions.
std::vector<ImportedBid> xml_bids(const fs::path& path, const scoring::Framework& framework, Diagnostics& d) {
    std::vector<ImportedBid> out;
    for (auto& b : read_bids_xml(path, framework, d)) {
        ImportedBid i;
        i.at = {path.string(), b.where.line, b.where.column, ""};
        i.price_at = i.at;
        i.stated_price = b.input.price;
        const bool decided = std::any_of(b.input.commitments.begin(), b.input.commitments.end(),
                                         [](const scoring::Commitment& c) {
                                             return c.decision != scoring::Deliverability::accept;
                                         });
        if (!b.input.gates.empty() || b.input.alt_decision != scoring::AltDecision::none || decided)
            d.add(at(i.at, "bid " + b.input.id + " carries compliance or evaluation decisions (<gate>, "
                                                 "<abnormally-low> or a commitment decision); import received bids "
                                                 "only and record decisions with 'tenderbench gate', 'alt-decision' "
                                                 "and 'sv-decision'"));
        for (const auto& w : b.schedule_where) i.line_at.push_back({path.string(), w.line, w.column, ""});
        i.bid = std::move(b);
        out.push_back(std::move(i));
    }
    return out;
}

struct Tables {
    MappedTable bids;
    std::optional<MappedTable> schedule;
    std::string description;
};

Tables tabular(const BidImportSource& source, const BidMapping& mapping, const scoring::Framework& framework,
               Diagnostics& d) {
    Tables t;
    std::optional<Table> schedule;
    const std::string bids_sheet = source.sheet.empty() ? mapping.bids.sheet : source.sheet;
    Table bids;
    if (kind_of(source.bids, false) == Kind::csv) {
        bids = read_csv(source.bids);
    } else {
        XlsxWorkbook book(source.bids);
        bids = book.sheet(bids_sheet);
        if (!source.schedule) {
            const std::string name = mapping.schedule.sheet.empty() ? "Price schedule" : mapping.schedule.sheet;
            if (!mapping.schedule.sheet.empty() || book.has_sheet(name)) schedule = book.sheet(name);
        }
    }
    t.description = describe(source.bids, bids.sheet);
    if (source.schedule) {
        if (kind_of(*source.schedule, true) == Kind::csv) schedule = read_csv(*source.schedule);
        else schedule = XlsxWorkbook(*source.schedule).sheet(mapping.schedule.sheet);
        t.description += " and " + describe(*source.schedule, schedule->sheet);
    } else if (schedule) {
        t.description += " with its sheet '" + schedule->sheet + "'";
    }
    t.bids = map_columns(std::move(bids), mapping.bids, bid_fields(), {"id", "bidder"}, &framework, d);
    if (schedule)
        t.schedule = map_columns(std::move(*schedule), mapping.schedule, schedule_fields(),
                                 {"bid", "item", "rate", "quantity"}, nullptr, d);
    return t;
}

}  // namespace

BidImport read_bid_import(const BidImportSource& source, const scoring::Framework& framework,
                          const std::set<std::string>& existing) {
    const BidMapping mapping = source.mapping ? read_bid_mapping(*source.mapping) : BidMapping{};
    Diagnostics d;
    BidImport out;
    std::vector<ImportedBid> bids;
    if (kind_of(source.bids, false) == Kind::xml) {
        if (source.schedule)
            throw InputError({{source.schedule->string(), 0, 0,
                               "a bids XML file carries each bid's schedule as <price-line> elements; --schedule is "
                               "for CSV and XLSX bids"}});
        bids = xml_bids(source.bids, framework, d);
        out.description = describe(source.bids, "");
    } else {
        auto tables = tabular(source, mapping, framework, d);
        d.throw_if_any();  // without the right columns every row would repeat the same problem
        out.description = tables.description;
        out.ignored = tables.bids.ignored;
        bids = read_bid_rows(tables.bids, tables.schedule ? &*tables.schedule : nullptr, framework, d);
        if (bids.empty())
            d.add(source.bids.string(), 0, 0,
                  "no bids below the header row; check the file (or header-row in the mapping file)");
    }
    check_bids(bids, framework, existing, d);
    d.throw_if_any();
    for (auto& b : bids) out.bids.push_back(std::move(b.bid));
    return out;
}

BidImport prepare_bid_import(Workbook& wb, const std::string& actor, const BidImportSource& source) {
    TenderState state(wb.db());
    rules::role(rules::actor(state, actor), {Role::officer}, "import bids");
    rules::phase(state, {Phase::setup, Phase::compliance}, "import bids");
    std::set<std::string> existing;
    for (const auto& b : state.bids()) existing.insert(b.id);
    return read_bid_import(source, state.framework(), existing);
}

CommandResult import_bids(Workbook& wb, const std::string& actor, const BidImport& import, Progress* progress) {
    {
        TenderState state(wb.db());
        rules::role(rules::actor(state, actor), {Role::officer}, "import bids");
        rules::phase(state, {Phase::setup, Phase::compliance}, "import bids");
    }
    if (import.bids.empty()) throw Refused("nothing-to-import", "there are no bids to import");
    const auto reason = "imported " + std::to_string(import.bids.size()) + " bid" +
                        (import.bids.size() == 1 ? "" : "s") + " from " + import.description;
    return wb.run(actor, "import-bids", reason, [&](Command& c) {
        TenderState state(wb.db());
        std::size_t done = 0;
        for (const auto& b : import.bids) {
            if (++done % 50 == 1)
                progress_step(progress, "recording the bids",
                              0.5 + 0.45 * static_cast<double>(done) / static_cast<double>(import.bids.size()));
            const auto& in = b.input;
            // The workbook may have changed since the file was checked (another program).
            if (state.bid(in.id)) throw Refused("duplicate", "there is already a bid " + in.id + "; nothing imported");
            c.put(entity::bid, {in.id, b.lot, in.bidder, flag(in.sme), flag(in.vcse), in.price, nullable(in.exclusion)});
            for (const auto& m : in.commitments)
                c.put(entity::commitment, {in.id, m.measure, m.quantity, std::string("accept"), std::monostate{},
                                           std::monostate{}, std::string()});
            rules::put_price_lines(c, b);
        }
        rules::freeze_framework(c, state);
        progress_step(progress, "saving the workbook", 0.95);
    });
}

}  // namespace core
