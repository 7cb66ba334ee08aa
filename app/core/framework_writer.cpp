#include "app/core/framework_writer.h"

#include <optional>
#include <sstream>

#include <pugixml.hpp>

#include "app/core/xml_document.h"
#include "scoring/money.h"
#include "scoring/proportionality.h"

namespace core {

namespace {

using namespace scoring;

void set(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name).set_value(value.c_str());
}

void set(pugi::xml_node node, const char* name, bool value) { set(node, name, std::string(value ? "true" : "false")); }

pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text) {
    auto child = parent.append_child(name);
    if (!text.empty()) child.text().set(text.c_str());  // an empty text would write <x></x>
    return child;
}

void write_scales(pugi::xml_node root, const Framework& fw) {
    if (fw.scales.empty()) return;
    auto scales = root.append_child("scales");
    for (const auto& s : fw.scales) {
        auto scale = scales.append_child("scale");
        set(scale, "id", s.id);
        set(scale, "name", s.name);
        set(scale, "intermediate", s.intermediate);
        for (const auto& p : s.points) {
            auto point = text_child(scale, "point", p.descriptor);
            // Attributes before the text, in the order the templates use.
            point.prepend_attribute("label").set_value(p.label.c_str());
            point.prepend_attribute("value").set_value(xml_number(p.value).c_str());
        }
    }
}

void write_measures(pugi::xml_node root, const Framework& fw) {
    if (fw.measures.empty()) return;
    auto measures = root.append_child("measures");
    for (const auto& m : fw.measures) {
        auto measure = measures.append_child("measure");
        set(measure, "code", m.code);
        set(measure, "name", m.name);
        set(measure, "unit", m.unit);
        set(measure, "proxy", format_money(m.proxy_per_unit));
    }
}

const char* element_of(CriterionKind kind) {
    switch (kind) {
        case CriterionKind::group: return "group";
        case CriterionKind::question: return "question";
        case CriterionKind::measures: return "measures";
    }
    return "group";
}

void write_criterion(pugi::xml_node parent, const Criterion& c) {
    auto node = parent.append_child(element_of(c.kind));
    set(node, "id", c.id);
    set(node, "name", c.name);
    if (c.type) set(node, "type", to_string(*c.type));
    set(node, "weight", xml_number(c.weight));
    if (c.kind == CriterionKind::question) {
        set(node, "scale", c.scale_id);
        if (c.min_score) set(node, "min-score", xml_number(*c.min_score));
        if (c.on_fail != OnFail::unstated)
            set(node, "on-fail", std::string(c.on_fail == OnFail::exclude ? "exclude" : "flag"));
    }
    if (!c.description.empty()) text_child(node, "description", c.description);
    for (const auto& d : c.deductions) {
        auto deduction = node.append_child("deduction");
        set(deduction, "point", xml_number(d.point));
        set(deduction, "amount", format_money(d.amount));
    }
    for (const auto& child : c.children) write_criterion(node, child);
}

void write_price(pugi::xml_node parent, const PriceRule& p) {
    if (!p.declared) return;
    auto node = parent.append_child("price");
    set(node, "method", to_string(p.method));
    switch (p.method) {
        case PriceMethod::linear_from_lowest: set(node, "spread", xml_number(p.spread)); break;
        case PriceMethod::ceiling_pro_rata: set(node, "ceiling", format_money(p.ceiling)); break;
        case PriceMethod::power_ratio: set(node, "exponent", xml_number(p.exponent)); break;
        case PriceMethod::absolute_scale:
            set(node, "low", format_money(p.low));
            set(node, "high", format_money(p.high));
            break;
        case PriceMethod::lowest_ratio:
        case PriceMethod::linear_min_max: break;
    }
}

void write_award(pugi::xml_node parent, const AwardRule& a) {
    if (a.model == AwardModel::weighted_sum && !a.corridor_percent) return;
    auto node = parent.append_child("award");
    set(node, "model", to_string(a.model));
    if (a.corridor_percent) {
        set(node, "corridor", xml_number(*a.corridor_percent));
        set(node, "corridor-tie-break", to_string(a.corridor_tie_break));
    }
}

void write_abnormally_low(pugi::xml_node parent, const AltRule& a) {
    const AltRule defaults;
    if (a.method == defaults.method && a.median_percent == defaults.median_percent &&
        a.next_percent == defaults.next_percent && a.mean_percent == defaults.mean_percent &&
        a.rejected_in_pmin == defaults.rejected_in_pmin)
        return;
    auto node = parent.append_child("abnormally-low");
    set(node, "rule", to_string(a.method));
    set(node, "median-percent", xml_number(a.median_percent));
    set(node, "next-percent", xml_number(a.next_percent));
    set(node, "mean-percent", xml_number(a.mean_percent));
    set(node, "rejected-in-pmin", a.rejected_in_pmin);
}

void write_rules(pugi::xml_node parent, const Lot& lot) {
    if (lot.social_value != SocialValueBasis::highest_total)
        set(parent.append_child("social-value"), "basis", to_string(lot.social_value));
    const auto& e = lot.rules;
    const EvaluationRules no_rules;
    if (e.precision != no_rules.precision || e.min_quality_percent || e.normalise_quality || e.allow_abstention) {
        auto node = parent.append_child("evaluation");
        set(node, "precision", std::to_string(e.precision));
        if (e.min_quality_percent) set(node, "min-quality-percent", xml_number(*e.min_quality_percent));
        if (e.normalise_quality) set(node, "normalise-quality", true);
        if (e.allow_abstention) set(node, "allow-abstention", true);
    }
    const ModerationRules no_moderation;
    if (lot.moderation.divergence != no_moderation.divergence || lot.moderation.enhanced_consensus) {
        auto node = parent.append_child("moderation");
        set(node, "divergence", xml_number(lot.moderation.divergence));
        if (lot.moderation.enhanced_consensus) set(node, "enhanced-consensus", true);
    }
    if (lot.tie_breaks != Lot{}.tie_breaks) {
        auto node = parent.append_child("tie-break");
        for (const auto rule : lot.tie_breaks) text_child(node, "rule", to_string(rule));
    }
}

void whole(pugi::xml_node node, const char* name, const std::optional<int>& value) {
    if (value) set(node, name, std::to_string(*value));
}

void write_response(pugi::xml_node parent, const TenderDesign& d) {
    if (!d.response_stated) return;
    auto node = parent.append_child("response");
    whole(node, "words", d.default_words);
    whole(node, "pages", d.default_pages);
    for (const auto& l : d.limits) {
        auto limit = node.append_child("limit");
        set(limit, "criterion", l.criterion);
        whole(limit, "words", l.words);
        whole(limit, "pages", l.pages);
    }
    for (const auto& e : d.evidence) {
        auto item = text_child(node, "evidence", e.description);
        item.prepend_attribute("count").set_value(std::to_string(e.count).c_str());
    }
}

// The tender design (docs/formats.md section 5): each element only when the reader would find
// something in it, so that leaving it out reads back as the same "not stated".
void write_design(pugi::xml_node root, const TenderDesign& d) {
    auto node = root.append_child("design");
    if (d.regime) set(node, "regime", to_string(*d.regime));
    if (d.threshold_consequence_stated) set(node, "threshold-consequence-stated", true);
    auto contract = node.append_child("contract");
    set(contract, "value", format_money(d.contract_value));
    set(contract, "months", xml_number(d.duration_months));
    if (d.procedure_stated) {
        auto p = node.append_child("procedure");
        set(p, "type", to_string(d.procedure));
        set(p, "tender-period-days", std::to_string(d.tender_period_days));
        set(p, "electronic", d.electronic_submission);
        set(p, "documents-with-notice", d.documents_with_notice);
        if (d.reduction != PeriodReduction::none) set(p, "reduction", to_string(d.reduction));
        if (d.light_touch) set(p, "light-touch", true);
    }
    if (d.lots || !d.lots_reason.empty()) whole(text_child(node, "lots", d.lots_reason), "count", d.lots);
    if (d.minimum_turnover)
        set(text_child(node, "turnover", d.turnover_justification), "minimum", format_money(*d.minimum_turnover));
    if (d.insurance) {
        auto i = node.append_child("insurance");
        set(i, "evidence", to_string(*d.insurance));
        if (d.insurance_cover) set(i, "cover", format_money(*d.insurance_cover));
    }
    if (d.accounts != AccountsDemand::none || d.accounts_years > 0 || d.accounts_alternatives) {
        auto a = node.append_child("accounts");
        set(a, "demanded", to_string(d.accounts));
        if (d.accounts_years > 0) set(a, "years", std::to_string(d.accounts_years));
        if (d.accounts_alternatives) set(a, "alternatives", true);
    }
    write_response(node, d);
    if (d.evaluators || d.expected_bids) {
        auto p = node.append_child("panel");
        whole(p, "evaluators", d.evaluators);
        whole(p, "expected-bids", d.expected_bids);
    }
}

// The lot's evaluation method, in the element order of docs/formats.md section 1.
void write_settings(pugi::xml_node parent, const Lot& lot) {
    auto criteria = parent.append_child("criteria");
    for (const auto& c : lot.criteria) write_criterion(criteria, c);
    if (!lot.gates.empty()) {
        auto gates = parent.append_child("gates");
        for (const auto& g : lot.gates) {
            auto gate = text_child(gates, "gate", g.requirement);
            gate.prepend_attribute("name").set_value(g.name.c_str());
            gate.prepend_attribute("id").set_value(g.id.c_str());
        }
    }
    write_price(parent, lot.price);
    write_award(parent, lot.award);
    write_abnormally_low(parent, lot.abnormally_low);
    write_rules(parent, lot);
}

}  // namespace

std::string write_framework_xml(const Framework& fw) {
    pugi::xml_document doc;
    auto root = start_document(doc, "framework");
    set(root, "id", fw.id);
    set(root, "name", fw.name);
    set(root, "version", fw.version);
    set(root, "currency", fw.currency);
    if (!fw.description.empty()) text_child(root, "description", fw.description);
    write_scales(root, fw);
    write_measures(root, fw);
    // The reader names a framework without <lot> elements "1" after the framework: keep that shape.
    const bool implicit_lot = fw.lots.size() == 1 && fw.lots[0].id == "1" && fw.lots[0].name == fw.name;
    if (implicit_lot) {
        write_settings(root, fw.lots[0]);
    } else {
        for (const auto& lot : fw.lots) {
            auto node = root.append_child("lot");
            set(node, "id", lot.id);
            set(node, "name", lot.name);
            write_settings(node, lot);
        }
    }
    if (fw.design) write_design(root, *fw.design);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace core
