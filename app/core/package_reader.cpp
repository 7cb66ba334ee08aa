#include <algorithm>
#include <charconv>
#include <set>

#include "app/core/framework_reader.h"
#include "app/core/package.h"
#include "app/core/xml_document.h"
#include "scoring/money.h"

namespace core {

std::string to_string(Role role) {
    switch (role) {
        case Role::officer: return "officer";
        case Role::evaluator: return "evaluator";
        case Role::moderator: return "moderator";
    }
    return "?";
}

namespace {

using namespace scoring;

class PackageParser {
public:
    PackageParser(Package& package, Diagnostics& d) : p_(package), d_(d) {}

    void bids(const XmlFile& file) {
        const auto root = file.root();
        if (!expect_root(file, "bids")) return;
        ElementReader r(file, root, d_, {"tender", "reference"}, {"bid"});
        p_.tender = r.text("tender");
        p_.reference = r.optional_text("reference").value_or("");
        std::set<std::string> ids;
        for (auto b = root.child("bid"); b; b = b.next_sibling("bid")) {
            ElementReader br(file, b, d_, {"id", "lot", "bidder", "price", "sme", "vcse"},
                             {"gate", "abnormally-low", "commitment", "exclusion", "price-line"});
            PackageBid bid;
            bid.where = br.where();
            bid.input.id = br.id("id");
            if (!ids.insert(bid.input.id).second) br.error("id", "bid id " + bid.input.id + " is used twice; every bid needs its own id");
            bid.input.bidder = br.text("bidder");
            for (auto l = b.child("price-line"); l; l = l.next_sibling("price-line")) price_line(file, l, bid);
            bid.input.price = bid_price(br, bid);
            bid.input.sme = br.boolean("sme", false);
            bid.input.vcse = br.boolean("vcse", false);
            bid.lot = lot_of(br);
            for (auto g = b.child("gate"); g; g = g.next_sibling("gate")) gate(file, g, bid);
            if (auto a = b.child("abnormally-low")) {
                ElementReader ar(file, a, d_, {"decision"}, {}, true);
                const auto decision = ar.choice("decision", {"accepted", "rejected"}, nullptr);
                bid.input.alt_decision = decision == "rejected" ? AltDecision::rejected : AltDecision::accepted;
                bid.input.alt_reason = ar.body(true);
            }
            for (auto c = b.child("commitment"); c; c = c.next_sibling("commitment")) commitment(file, c, bid);
            if (auto e = b.child("exclusion")) {
                ElementReader er(file, e, d_, {}, {}, true);
                bid.input.exclusion = er.body(true);
            }
            p_.bids.push_back(std::move(bid));
        }
        check_schedules(file);
    }

    void scores(const XmlFile& file) {
        const auto root = file.root();
        if (!expect_root(file, "scores")) return;
        ElementReader(file, root, d_, {}, {"evaluators", "lots-draw", "score"});
        if (auto ev = root.child("evaluators")) evaluators(file, ev);
        for (auto l = root.child("lots-draw"); l; l = l.next_sibling("lots-draw")) {
            ElementReader r(file, l, d_, {"lot", "seed"});
            const auto lot = r.text("lot");
            if (!lot.empty() && !p_.framework.lot(lot)) r.error("lot", "lot " + lot + " is not a lot of the framework");
            const auto seed_text = r.text("seed");
            std::uint64_t seed = 0;
            const auto [ptr, ec] = std::from_chars(seed_text.data(), seed_text.data() + seed_text.size(), seed);
            if (ec != std::errc() || ptr != seed_text.data() + seed_text.size())
                r.error("seed", "seed \"" + seed_text + "\" is not a whole number from 0 to 18446744073709551615");
            else if (!p_.lots_seeds.emplace(lot, seed).second)
                r.error("lot " + lot + " has two <lots-draw> seeds; keep the one actually drawn");
        }
        std::set<std::pair<std::string, std::string>> seen;
        for (auto s = root.child("score"); s; s = s.next_sibling("score")) score(file, s, seen);
    }

private:
    bool expect_root(const XmlFile& file, const char* name) {
        if (std::string(file.root().name()) == name) return true;
        const auto at = file.where(file.root());
        d_.add(file.name(), at.line, at.column,
               std::string("root element is <") + file.root().name() + ">, expected <" + name + ">");
        return false;
    }

    std::string lot_of(ElementReader& r) {
        const auto lot = r.optional_text("lot");
        const auto& lots = p_.framework.lots;
        if (!lot) {
            if (lots.size() == 1) return lots.front().id;
            r.error("bid needs lot=\"...\": the framework has " + std::to_string(lots.size()) + " lots");
            return "";
        }
        if (!p_.framework.lot(*lot)) {
            std::string known;
            for (const auto& l : lots) known += (known.empty() ? "" : ", ") + l.id;
            r.error("lot", "lot \"" + *lot + "\" is not a lot of the framework (lots: " + known + ")");
        }
        return *lot;
    }

    void gate(const XmlFile& file, pugi::xml_node g, PackageBid& bid) {
        ElementReader r(file, g, d_, {"ref", "result"}, {}, true);
        GateResult result;
        result.gate = r.text("ref");
        result.passed = r.choice("result", {"pass", "fail"}, nullptr) == "pass";
        result.reason = r.body(!result.passed);
        if (const auto* lot = p_.framework.lot(bid.lot)) {
            const bool known = std::any_of(lot->gates.begin(), lot->gates.end(),
                                           [&](const Gate& gate) { return gate.id == result.gate; });
            if (!known) r.error("ref", "gate " + result.gate + " is not a gate of lot " + bid.lot);
        }
        for (const auto& other : bid.input.gates)
            if (other.gate == result.gate) r.error("ref", "gate " + result.gate + " has two results for this bid");
        bid.input.gates.push_back(std::move(result));
    }

    void price_line(const XmlFile& file, pugi::xml_node l, PackageBid& bid) {
        ElementReader r(file, l, d_, {"item", "description", "unit", "rate", "quantity"});
        PriceLine line;
        line.item = r.text("item");
        line.description = r.optional_text("description").value_or("");
        line.unit = r.optional_text("unit").value_or("");
        line.rate = r.money("rate", 0, true);
        if (line.rate < 0) r.error("rate", "a unit rate must not be negative (a nil rate is 0)");
        line.quantity = r.number("quantity", 0, true);
        if (!quantity_micro(line.quantity))
            r.error("quantity", "the evaluated quantity must be a number from 0 with at most 6 decimal places");
        bid.schedule.push_back(std::move(line));
        bid.schedule_where.push_back(r.where());
    }

    // The price attribute, the schedule's total, or both when they agree.
    Money bid_price(ElementReader& br, const PackageBid& bid) {
        if (bid.schedule.empty()) return br.money("price", 0, true);
        const auto total = schedule_total(bid.schedule);
        if (!total) {
            br.error("the price schedule's total is too large to hold; check the rates and quantities");
            return 0;
        }
        if (br.optional_text("price")) {
            const auto stated = br.money("price", 0, true);
            if (stated != *total)
                br.error("price", "price " + format_money(stated) + " differs from the price schedule's total " +
                                      format_money(*total) + "; correct the arithmetic (the tender's rules say "
                                      "whether the rates or the total prevail) or leave price out");
        }
        return *total;
    }

    // Within each lot, schedules price the same items at the same evaluated quantities.
    void check_schedules(const XmlFile& file) {
        std::vector<const PackageBid*> bids;
        for (const auto& b : p_.bids) bids.push_back(&b);
        for (const auto& problem : schedule_problems_by_lot(bids, p_.framework)) {
            const auto& b = *bids[problem.bid];
            const auto at = problem.line ? b.schedule_where[*problem.line] : b.where;
            d_.add(file.name(), at.line, at.column, problem.message);
        }
    }

    void commitment(const XmlFile& file, pugi::xml_node c, PackageBid& bid) {
        ElementReader r(file, c, d_, {"measure", "quantity", "decision", "accepted", "accepted-percent"}, {}, true);
        Commitment commitment;
        commitment.measure = r.text("measure");
        if (!commitment.measure.empty() && !p_.framework.measure(commitment.measure))
            r.error("measure", "measure " + commitment.measure + " is not in the framework's <measures>");
        commitment.quantity = r.number("quantity", 0, true);
        if (commitment.quantity < 0) r.error("quantity", "quantity must not be negative");
        const auto decision = r.choice("decision", {"accept", "reduce", "reject"}, "accept");
        commitment.decision = decision == "reduce"   ? Deliverability::reduce
                              : decision == "reject" ? Deliverability::reject
                                                     : Deliverability::accept;
        commitment.accepted_quantity = r.optional_number("accepted");
        commitment.accepted_percent = r.optional_number("accepted-percent");
        const bool reduce = commitment.decision == Deliverability::reduce;
        if (reduce && !commitment.accepted_quantity && !commitment.accepted_percent)
            r.error("decision=\"reduce\" needs accepted=\"QUANTITY\" or accepted-percent=\"PERCENT\"");
        if (commitment.accepted_quantity && commitment.accepted_percent)
            r.error("give accepted or accepted-percent, not both");
        if (!reduce && (commitment.accepted_quantity || commitment.accepted_percent))
            r.error("accepted quantities apply only to decision=\"reduce\"");
        if (commitment.accepted_quantity &&
            (*commitment.accepted_quantity < 0 || *commitment.accepted_quantity > commitment.quantity))
            r.error("accepted", "accepted quantity must lie between 0 and the committed quantity");
        if (commitment.accepted_percent && (*commitment.accepted_percent < 0 || *commitment.accepted_percent > 100))
            r.error("accepted-percent", "accepted-percent must lie between 0 and 100");
        commitment.reason = r.body(commitment.decision != Deliverability::accept);
        bid.input.commitments.push_back(std::move(commitment));
    }

    void evaluators(const XmlFile& file, pugi::xml_node node) {
        ElementReader(file, node, d_, {}, {"evaluator"});
        std::set<std::string> ids;
        for (auto e = node.child("evaluator"); e; e = e.next_sibling("evaluator")) {
            ElementReader r(file, e, d_, {"id", "name", "role"});
            Evaluator ev;
            ev.id = r.id("id");
            ev.name = r.text("name");
            const auto role = r.choice("role", {"officer", "evaluator", "moderator"}, nullptr);
            ev.role = role == "officer" ? Role::officer : role == "moderator" ? Role::moderator : Role::evaluator;
            if (!ids.insert(ev.id).second) r.error("id", "evaluator " + ev.id + " is listed twice");
            p_.evaluators.push_back(std::move(ev));
        }
    }

    const Evaluator* evaluator(const std::string& id) const {
        for (const auto& e : p_.evaluators)
            if (e.id == id) return &e;
        return nullptr;
    }

    const PackageBid* bid(const std::string& id) const {
        for (const auto& b : p_.bids)
            if (b.input.id == id) return &b;
        return nullptr;
    }

    // The scale of `criterion` in the bid's lot, or nullptr after reporting why.
    const Scale* scale_for(ElementReader& r, const PackageBid& b, const std::string& criterion, const Lot** lot_out) {
        const Lot* lot = p_.framework.lot(b.lot);
        if (!lot) return nullptr;
        *lot_out = lot;
        const Criterion* c = find_criterion(*lot, criterion);
        if (!c) {
            r.error("criterion", "criterion " + criterion + " is not in lot " + lot->id + "'s framework");
            return nullptr;
        }
        if (c->kind != CriterionKind::question) {
            r.error("criterion", "criterion " + criterion + " is not a scored question (price, measures and groups get no scores)");
            return nullptr;
        }
        return p_.framework.scale(c->scale_id);
    }

    void score(const XmlFile& file, pugi::xml_node s, std::set<std::pair<std::string, std::string>>& seen) {
        ElementReader r(file, s, d_, {"bid", "criterion"}, {"individual", "consensus"});
        ScoreRecord record;
        record.where = r.where();
        record.bid = r.text("bid");
        record.criterion = r.text("criterion");
        if (!seen.insert({record.bid, record.criterion}).second)
            r.error("bid " + record.bid + ", criterion " + record.criterion + " is scored twice; merge the two <score> elements");
        const PackageBid* b = bid(record.bid);
        if (!b && !record.bid.empty()) r.error("bid", "bid " + record.bid + " is not in bids.xml");
        const Scale* scale = nullptr;
        const Lot* lot = nullptr;
        if (b) scale = scale_for(r, *b, record.criterion, &lot);
        std::set<std::string> evaluators_seen;
        for (auto i = s.child("individual"); i; i = i.next_sibling("individual")) {
            ElementReader ir(file, i, d_, {"evaluator", "score", "abstain"}, {}, true);
            IndividualScore one;
            one.where = ir.where();
            one.evaluator = ir.text("evaluator");
            if (!evaluator(one.evaluator)) ir.error("evaluator", "evaluator " + one.evaluator + " is not listed in <evaluators>");
            if (!evaluators_seen.insert(one.evaluator).second) ir.error("evaluator", "evaluator " + one.evaluator + " scored this twice");
            const bool abstain = ir.boolean("abstain", false);
            if (abstain) {
                if (i.attribute("score")) ir.error("score", "an abstention has no score; remove score or abstain");
                if (lot && !lot->rules.allow_abstention)
                    ir.error("abstain", "the framework does not allow abstention (<evaluation allow-abstention=\"true\"/>)");
            } else {
                one.score = ir.optional_number("score");
                if (!i.attribute("score")) ir.error("<individual> needs score=\"...\" or abstain=\"true\"");
                check_on_scale(ir, scale, one.score);
            }
            one.justification = ir.body(true);
            record.individual.push_back(std::move(one));
        }
        if (auto c = s.child("consensus")) {
            if (c.next_sibling("consensus")) r.error("two <consensus> elements; keep the agreed one");
            ElementReader cr(file, c, d_, {"score", "moderator"}, {}, true);
            ConsensusScore consensus;
            consensus.where = cr.where();
            consensus.score = cr.number("score", 0, true);
            check_on_scale(cr, scale, consensus.score);
            consensus.moderator = cr.text("moderator");
            if (const auto* m = evaluator(consensus.moderator); !m && !consensus.moderator.empty())
                cr.error("moderator", "moderator " + consensus.moderator + " is not listed in <evaluators>");
            else if (m && m->role == Role::evaluator)
                cr.error("moderator", consensus.moderator + " is an evaluator; a consensus is recorded by a moderator or officer");
            consensus.rationale = cr.body(true);
            record.consensus = std::move(consensus);
        }
        p_.scores.push_back(std::move(record));
    }

    static void check_on_scale(ElementReader& r, const Scale* scale, std::optional<double> value) {
        if (!scale || !value) return;
        if (!scale->allows(*value)) {
            std::string points;
            for (const auto& p : scale->points) points += (points.empty() ? "" : ", ") + format_number(p.value);
            r.error("score", "score " + format_number(*value) + " is not on scale " + scale->id +
                                 (scale->intermediate ? " (range " + format_number(scale->minimum()) + "-" +
                                                            format_number(scale->maximum()) + ")"
                                                      : " (points: " + points + ")"));
        }
    }

    Package& p_;
    Diagnostics& d_;
};

}  // namespace

Package read_package(const std::filesystem::path& folder, std::vector<Diagnostic>* warnings) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw InputError({{folder.string(), 0, 0, "not a folder; a tender package is a folder holding framework.xml, bids.xml and scores.xml"}});
    Package package;
    package.folder = folder;
    package.framework = read_valid_framework(folder / "framework.xml", warnings);
    Diagnostics d;
    PackageParser parser(package, d);
    // Each file is parsed even when an earlier one has problems, so every problem is reported.
    for (const char* name : {"bids.xml", "scores.xml"}) {
        try {
            XmlFile file(folder / name);
            if (std::string(name) == "bids.xml") parser.bids(file);
            else parser.scores(file);
        } catch (const InputError& e) {
            for (const auto& diagnostic : e.diagnostics()) d.add(diagnostic);
        }
    }
    d.throw_if_any();
    return package;
}

std::vector<scoring::ScheduleProblem> schedule_problems_by_lot(const std::vector<const PackageBid*>& bids,
                                                               const scoring::Framework& framework) {
    std::vector<scoring::ScheduleProblem> out;
    for (const auto& lot : framework.lots) {
        std::vector<std::size_t> index;
        std::vector<scoring::BidSchedule> schedules;
        for (std::size_t i = 0; i < bids.size(); ++i)
            if (bids[i]->lot == lot.id) {
                index.push_back(i);
                schedules.push_back({bids[i]->input.id, &bids[i]->schedule, bids[i]->input.exclusion.has_value()});
            }
        for (auto problem : scoring::schedule_problems(schedules)) {
            problem.bid = index[problem.bid];
            out.push_back(std::move(problem));
        }
    }
    return out;
}

std::vector<PackageBid> read_bids_xml(const std::filesystem::path& path, const scoring::Framework& framework,
                                      Diagnostics& d, std::string* tender) {
    return read_bids_xml(XmlFile(path), framework, d, tender);
}

std::vector<PackageBid> read_bids_xml(const XmlFile& file, const scoring::Framework& framework, Diagnostics& d,
                                      std::string* tender) {
    Package package;
    package.framework = framework;
    PackageParser(package, d).bids(file);
    if (tender) *tender = package.tender;
    return std::move(package.bids);
}

}  // namespace core
