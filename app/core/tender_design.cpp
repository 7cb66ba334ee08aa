#include "app/core/tender_design.h"

#include <cmath>
#include <set>

namespace core {

namespace {

using namespace scoring;

class DesignParser {
public:
    DesignParser(const XmlFile& file, Diagnostics& diagnostics, const Framework& framework)
        : file_(file), d_(diagnostics), fw_(framework) {}

    TenderDesign parse(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {"regime", "threshold-consequence-stated"},
                        {"contract", "procedure", "lots", "turnover", "insurance", "accounts", "response", "panel"});
        TenderDesign design;
        if (const auto regime = r.optional_text("regime")) {
            design.regime = regime_from(*regime);
            if (!design.regime) r.error("regime", "regime \"" + *regime + "\" is not one of: central, local, scotland, wales");
        }
        design.threshold_consequence_stated = r.boolean("threshold-consequence-stated", false);
        for (const char* name : {"contract", "procedure", "lots", "turnover", "insurance", "accounts", "response", "panel"})
            if (auto first = node.child(name); first && first.next_sibling(name)) {
                const auto at = file_.where(first.next_sibling(name));
                d_.add(file_.name(), at.line, at.column, std::string("<") + name + "> appears twice in <design>; keep one");
            }
        if (auto c = node.child("contract"))
            contract(c, design);
        else
            r.error("<design> needs <contract value=\"...\" months=\"...\"/>: the estimated value of the whole tender "
                    "and its duration");
        if (auto p = node.child("procedure")) procedure(p, design);
        if (auto l = node.child("lots")) lots(l, design);
        if (auto t = node.child("turnover")) {
            ElementReader tr(file_, t, d_, {"minimum"}, {}, true);
            design.minimum_turnover = non_negative(tr, "minimum");
            design.turnover_justification = tr.body(false);
        }
        if (auto i = node.child("insurance")) {
            ElementReader ir(file_, i, d_, {"evidence", "cover"});
            design.insurance = insurance_evidence_from(ir.choice("evidence", {"tender", "award", "contract-start"}, nullptr));
            if (i.attribute("cover")) design.insurance_cover = non_negative(ir, "cover");
        }
        if (auto a = node.child("accounts")) accounts(a, design);
        if (auto resp = node.child("response")) response(resp, design);
        if (auto p = node.child("panel")) {
            ElementReader pr(file_, p, d_, {"evaluators", "expected-bids"});
            design.evaluators = whole(pr, "evaluators", 1, true);
            design.expected_bids = whole(pr, "expected-bids", 1, true);
        }
        return design;
    }

private:
    // A whole number of at least `least`; nullopt (with the problem reported) otherwise.
    std::optional<int> whole(ElementReader& r, const char* attribute, int least, bool required) {
        if (!r.node().attribute(attribute)) {
            if (required) r.error(std::string("<") + r.node().name() + "> needs attribute " + attribute);
            return std::nullopt;
        }
        const auto value = r.optional_number(attribute);
        if (!value) return std::nullopt;
        if (*value != std::floor(*value) || *value < least || *value > 1e6) {
            r.error(attribute, std::string(attribute) + " \"" + r.node().attribute(attribute).value() +
                                   "\" is not a whole number of at least " + std::to_string(least));
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

    Money non_negative(ElementReader& r, const char* attribute) {
        const Money m = r.money(attribute, 0, true);
        if (m < 0) r.error(attribute, std::string(attribute) + " is below zero; give an amount of 0 or more");
        return m;
    }

    void contract(pugi::xml_node node, TenderDesign& design) {
        ElementReader r(file_, node, d_, {"value", "months"});
        design.contract_value = r.money("value", 0, true);
        if (node.attribute("value") && design.contract_value <= 0)
            r.error("value", "the contract value must be above 0; state the estimated value of the whole tender "
                             "(all lots, whole term), without VAT");
        design.duration_months = r.number("months", 0, true);
        if (node.attribute("months") && !(design.duration_months > 0))
            r.error("months", "months must be above 0; state the contract term including any extensions");
    }

    void procedure(pugi::xml_node node, TenderDesign& design) {
        ElementReader r(file_, node, d_,
                        {"type", "tender-period-days", "electronic", "documents-with-notice", "reduction", "light-touch"});
        design.procedure_stated = true;
        design.procedure = procedure_from(r.choice("type",
                                                   {"open", "competitive-flexible", "restricted", "competitive-negotiation",
                                                    "competitive-dialogue", "innovation-partnership", "below-threshold"},
                                                   "open"))
                               .value_or(Procedure::open);
        if (!node.attribute("type")) r.error("<procedure> needs attribute type");
        design.tender_period_days = whole(r, "tender-period-days", 1, true).value_or(0);
        design.electronic_submission = r.boolean("electronic", true);
        design.documents_with_notice = r.boolean("documents-with-notice", true);
        design.reduction =
            period_reduction_from(r.choice("reduction", {"none", "planned-procurement-notice", "urgency"}, "none"))
                .value_or(PeriodReduction::none);
        design.light_touch = r.boolean("light-touch", false);
    }

    void lots(pugi::xml_node node, TenderDesign& design) {
        ElementReader r(file_, node, d_, {"count"}, {}, true);
        design.lots = whole(r, "count", 1, false);
        design.lots_reason = r.body(false);
        if (design.lots && *design.lots < static_cast<int>(fw_.lots.size()))
            r.error("count", "count " + std::to_string(*design.lots) + " but the framework has " +
                                 std::to_string(fw_.lots.size()) + " lots; give the number of lots in the whole tender");
    }

    void accounts(pugi::xml_node node, TenderDesign& design) {
        ElementReader r(file_, node, d_, {"demanded", "years", "alternatives"});
        design.accounts =
            accounts_demand_from(r.choice("demanded", {"none", "latest", "audited"}, nullptr)).value_or(AccountsDemand::none);
        design.accounts_years = whole(r, "years", 1, false).value_or(design.accounts == AccountsDemand::none ? 0 : 1);
        design.accounts_alternatives = r.boolean("alternatives", false);
    }

    void response(pugi::xml_node node, TenderDesign& design) {
        ElementReader r(file_, node, d_, {"words", "pages"}, {"limit", "evidence"});
        design.response_stated = true;
        design.default_words = whole(r, "words", 1, false);
        design.default_pages = whole(r, "pages", 1, false);
        if (node.attribute("words") && node.attribute("pages"))
            r.error("pages", "give a default of words or of pages, not both");
        std::set<std::string> seen;
        for (auto l = node.child("limit"); l; l = l.next_sibling("limit")) {
            ElementReader lr(file_, l, d_, {"criterion", "words", "pages"});
            ResponseLimit limit;
            limit.criterion = lr.id("criterion");
            limit.words = whole(lr, "words", 1, false);
            limit.pages = whole(lr, "pages", 1, false);
            if (static_cast<bool>(l.attribute("words")) == static_cast<bool>(l.attribute("pages")))
                lr.error("a <limit> gives words or pages: one of the two");
            if (!seen.insert(limit.criterion).second)
                lr.error("criterion", "criterion " + limit.criterion + " has a second <limit>; keep one");
            check_question(lr, limit.criterion);
            design.limits.push_back(limit);
        }
        for (auto e = node.child("evidence"); e; e = e.next_sibling("evidence")) {
            ElementReader er(file_, e, d_, {"count"}, {}, true);
            EvidenceItem item;
            item.count = whole(er, "count", 1, false).value_or(1);
            item.description = er.body(true);
            design.evidence.push_back(item);
        }
    }

    void check_question(ElementReader& r, const std::string& id) {
        if (id.empty()) return;
        for (const auto& lot : fw_.lots)
            if (const auto* c = find_criterion(lot, id)) {
                if (c->kind != CriterionKind::question)
                    r.error("criterion", "criterion " + id + " is not a question; word and page limits apply to questions");
                return;
            }
        r.error("criterion", "criterion " + id + " is not in the framework; use the id of one of its questions");
    }

    const XmlFile& file_;
    Diagnostics& d_;
    const Framework& fw_;
};

}  // namespace

scoring::TenderDesign read_tender_design(const XmlFile& file, pugi::xml_node node, Diagnostics& diagnostics,
                                         const scoring::Framework& framework) {
    return DesignParser(file, diagnostics, framework).parse(node);
}

}  // namespace core
