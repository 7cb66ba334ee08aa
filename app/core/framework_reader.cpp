#include "app/core/framework_reader.h"

#include <algorithm>

#include "app/core/tender_design.h"

namespace core {

namespace {

using namespace scoring;

// Elements a lot may carry, or inherit from <framework>.
constexpr std::initializer_list<const char*> lot_settings = {
    "criteria", "gates", "price", "award", "abnormally-low", "social-value", "evaluation", "moderation", "tie-break"};

class FrameworkParser {
public:
    FrameworkParser(const XmlFile& file, Diagnostics& diagnostics) : file_(file), d_(diagnostics) {}

    Framework parse() {
        const auto root = file_.root();
        Framework fw;
        if (std::string(root.name()) != "framework") {
            const auto at = file_.where(root);
            d_.add(file_.name(), at.line, at.column,
                   std::string("root element is <") + root.name() + ">, expected <framework>; is this a framework file?");
            return fw;
        }
        ElementReader r(file_, root, d_, {"id", "name", "version", "currency"},
                        {"description", "scales", "measures", "lot", "criteria", "gates", "price", "award",
                         "abnormally-low", "social-value", "evaluation", "moderation", "tie-break", "design"});
        fw.id = r.id("id");
        fw.name = r.text("name");
        fw.version = r.text("version");
        fw.currency = r.optional_text("currency").value_or("GBP");
        if (fw.currency.size() != 3) r.error("currency", "currency \"" + fw.currency + "\" is not a three-letter code such as GBP or EUR");
        if (auto d = root.child("description")) fw.description = description(d);
        if (auto s = root.child("scales")) scales(s, fw);
        if (auto m = root.child("measures")) measures(m, fw);
        check_single(root);
        bool any_lot = false;
        for (auto lot = root.child("lot"); lot; lot = lot.next_sibling("lot")) {
            any_lot = true;
            fw.lots.push_back(parse_lot(lot, root));
        }
        if (!any_lot) {
            Lot lot = parse_settings(root, root);
            lot.id = "1";
            lot.name = fw.name;
            lot.where = file_.where(root);
            fw.lots.push_back(std::move(lot));
        }
        // Last: the design's response limits name criteria of the lots read above.
        if (auto d = root.child("design")) fw.design = read_tender_design(file_, d, d_, fw);
        return fw;
    }

private:
    void check_single(pugi::xml_node parent) {
        for (const char* name : lot_settings) {
            auto first = parent.child(name);
            if (first && first.next_sibling(name)) {
                const auto at = file_.where(first.next_sibling(name));
                d_.add(file_.name(), at.line, at.column, std::string("<") + name + "> appears twice here; keep one");
            }
        }
        for (const char* name : {"description", "scales", "measures", "design"}) {
            auto first = parent.child(name);
            if (first && first.next_sibling(name)) {
                const auto at = file_.where(first.next_sibling(name));
                d_.add(file_.name(), at.line, at.column, std::string("<") + name + "> appears twice here; keep one");
            }
        }
    }

    std::string description(pugi::xml_node node) {
        ElementReader r(file_, node, d_, {}, {}, true);
        return r.body(false);
    }

    void scales(pugi::xml_node node, Framework& fw) {
        ElementReader(file_, node, d_, {}, {"scale"});
        for (auto s = node.child("scale"); s; s = s.next_sibling("scale")) {
            ElementReader r(file_, s, d_, {"id", "name", "intermediate"}, {"point"});
            Scale scale;
            scale.id = r.id("id");
            scale.name = r.text("name");
            scale.intermediate = r.boolean("intermediate", false);
            scale.where = r.where();
            for (auto p = s.child("point"); p; p = p.next_sibling("point")) {
                ElementReader pr(file_, p, d_, {"value", "label"}, {}, true);
                ScalePoint point;
                point.value = pr.number("value", 0, true);
                point.label = pr.text("label");
                point.descriptor = pr.body(true);
                scale.points.push_back(std::move(point));
            }
            std::sort(scale.points.begin(), scale.points.end(),
                      [](const ScalePoint& a, const ScalePoint& b) { return a.value < b.value; });
            fw.scales.push_back(std::move(scale));
        }
    }

    void measures(pugi::xml_node node, Framework& fw) {
        ElementReader(file_, node, d_, {}, {"measure"});
        for (auto m = node.child("measure"); m; m = m.next_sibling("measure")) {
            ElementReader r(file_, m, d_, {"code", "name", "unit", "proxy"});
            Measure measure;
            measure.code = r.id("code");
            measure.name = r.text("name");
            measure.unit = r.text("unit");
            measure.proxy_per_unit = r.money("proxy", 0, true);
            measure.where = r.where();
            fw.measures.push_back(std::move(measure));
        }
    }

    Lot parse_lot(pugi::xml_node node, pugi::xml_node root) {
        ElementReader r(file_, node, d_, {"id", "name"}, lot_settings);
        check_single(node);
        Lot lot = parse_settings(node, root);
        lot.id = r.id("id");
        lot.name = r.text("name");
        lot.where = r.where();
        return lot;
    }

    // The lot's own element if it has one, else the framework's.
    static pugi::xml_node setting(pugi::xml_node lot, pugi::xml_node root, const char* name) {
        if (auto own = lot.child(name)) return own;
        return root.child(name);
    }

    Lot parse_settings(pugi::xml_node lot_node, pugi::xml_node root) {
        Lot lot;
        if (auto c = setting(lot_node, root, "criteria"); c) {
            ElementReader(file_, c, d_, {}, {"group"});
            for (auto g = c.child("group"); g; g = g.next_sibling("group")) lot.criteria.push_back(criterion(g, true));
        } else {
            const auto at = file_.where(lot_node);
            d_.add(file_.name(), at.line, at.column, "no <criteria>; every lot needs its criteria tree");
        }
        if (auto g = setting(lot_node, root, "gates")) gates(g, lot);
        if (auto p = setting(lot_node, root, "price")) price(p, lot);
        if (auto a = setting(lot_node, root, "award")) award(a, lot);
        if (auto a = setting(lot_node, root, "abnormally-low")) abnormally_low(a, lot);
        if (auto s = setting(lot_node, root, "social-value")) {
            ElementReader r(file_, s, d_, {"basis"});
            lot.social_value = *social_value_basis_from(r.choice("basis", {"highest_total", "per_price"}, "highest_total"));
        }
        if (auto e = setting(lot_node, root, "evaluation")) evaluation(e, lot);
        if (auto m = setting(lot_node, root, "moderation")) {
            ElementReader r(file_, m, d_, {"divergence", "enhanced-consensus"});
            lot.moderation.divergence = r.number("divergence", 2);
            lot.moderation.enhanced_consensus = r.boolean("enhanced-consensus", false);
        }
        if (auto t = setting(lot_node, root, "tie-break")) tie_break(t, lot);
        return lot;
    }

    Criterion criterion(pugi::xml_node node, bool top) {
        const std::string kind = node.name();
        Criterion c;
        c.where = file_.where(node);
        if (kind == "group") {
            ElementReader r(file_, node, d_, {"id", "name", "weight", "type"}, {"description", "group", "question", "measures"});
            common(r, c);
            c.kind = CriterionKind::group;
            const auto type = r.optional_text("type");
            if (type) {
                c.type = group_type_from(*type);
                if (!c.type) r.error("type", "type \"" + *type + "\" is not one of: price, quality, social_value");
            } else if (top) {
                r.error("a top-level <group> needs type=\"price\", \"quality\" or \"social_value\"");
            }
            for (auto child = node.first_child(); child; child = child.next_sibling()) {
                const std::string n = child.name();
                if (n == "group" || n == "question" || n == "measures") c.children.push_back(criterion(child, false));
            }
        } else if (kind == "question") {
            ElementReader r(file_, node, d_, {"id", "name", "weight", "scale", "min-score", "on-fail"},
                            {"description", "deduction"});
            common(r, c);
            c.kind = CriterionKind::question;
            c.scale_id = r.text("scale");
            c.min_score = r.optional_number("min-score");
            const auto on_fail = r.optional_text("on-fail");
            if (on_fail) {
                if (*on_fail == "exclude") c.on_fail = OnFail::exclude;
                else if (*on_fail == "flag") c.on_fail = OnFail::flag;
                else r.error("on-fail", "on-fail \"" + *on_fail + "\" is not one of: exclude, flag");
                if (!c.min_score) r.error("on-fail", "on-fail without min-score; add the minimum score or remove on-fail");
            }
            for (auto d = node.child("deduction"); d; d = d.next_sibling("deduction")) {
                ElementReader dr(file_, d, d_, {"point", "amount"});
                c.deductions.push_back({dr.number("point", 0, true), dr.money("amount", 0, true)});
            }
        } else {  // measures
            ElementReader r(file_, node, d_, {"id", "name", "weight"}, {"description"});
            common(r, c);
            c.kind = CriterionKind::measures;
        }
        return c;
    }

    void common(ElementReader& r, Criterion& c) {
        c.id = r.id("id");
        c.name = r.text("name");
        c.weight = r.number("weight", 0, true);
        if (auto d = r.node().child("description")) c.description = description(d);
    }

    void gates(pugi::xml_node node, Lot& lot) {
        ElementReader(file_, node, d_, {}, {"gate"});
        for (auto g = node.child("gate"); g; g = g.next_sibling("gate")) {
            ElementReader r(file_, g, d_, {"id", "name"}, {}, true);
            lot.gates.push_back({r.id("id"), r.text("name"), r.body(true), r.where()});
        }
    }

    void price(pugi::xml_node node, Lot& lot) {
        ElementReader r(file_, node, d_, {"method", "spread", "ceiling", "exponent", "low", "high"});
        const auto method = r.choice("method", {"lowest_ratio", "linear_from_lowest", "linear_min_max", "ceiling_pro_rata",
                                                "power_ratio", "absolute_scale"},
                                     nullptr);
        auto& p = lot.price;
        p.declared = true;
        p.where = r.where();
        p.method = price_method_from(method).value_or(PriceMethod::lowest_ratio);
        const auto needs = [&](const char* attribute, bool wanted) {
            if (wanted && !node.attribute(attribute))
                r.error(std::string("method ") + method + " needs attribute " + attribute);
            if (!wanted && node.attribute(attribute))
                r.error(attribute, std::string(attribute) + " does not apply to method " + method + "; remove it");
        };
        needs("spread", p.method == PriceMethod::linear_from_lowest);
        needs("ceiling", p.method == PriceMethod::ceiling_pro_rata);
        needs("exponent", p.method == PriceMethod::power_ratio);
        needs("low", p.method == PriceMethod::absolute_scale);
        needs("high", p.method == PriceMethod::absolute_scale);
        p.spread = r.number("spread", 1);
        p.ceiling = r.money("ceiling", 0);
        p.exponent = r.number("exponent", 2);
        p.low = r.money("low", 0);
        p.high = r.money("high", 0);
    }

    void award(pugi::xml_node node, Lot& lot) {
        ElementReader r(file_, node, d_, {"model", "corridor", "corridor-tie-break"});
        auto& a = lot.award;
        a.where = r.where();
        a.model = *award_model_from(r.choice(
            "model", {"weighted_sum", "vfm_ratio", "price_per_quality_point", "monetised_quality"}, "weighted_sum"));
        a.corridor_percent = r.optional_number("corridor");
        const auto tie = r.optional_text("corridor-tie-break");
        if (a.corridor_percent && !tie)
            r.error("a corridor needs corridor-tie-break=\"best_quality\" or \"lowest_price\"");
        if (tie) {
            if (!a.corridor_percent) r.error("corridor-tie-break", "corridor-tie-break without a corridor; add corridor or remove it");
            a.corridor_tie_break = *corridor_tie_break_from(r.choice("corridor-tie-break", {"best_quality", "lowest_price"}, "best_quality"));
        }
    }

    void abnormally_low(pugi::xml_node node, Lot& lot) {
        ElementReader r(file_, node, d_, {"rule", "median-percent", "next-percent", "mean-percent", "rejected-in-pmin"});
        auto& a = lot.abnormally_low;
        a.where = r.where();
        a.method = *alt_method_from(r.choice("rule", {"none", "scottish", "mean"}, "none"));
        a.median_percent = r.number("median-percent", 15);
        a.next_percent = r.number("next-percent", 1);
        a.mean_percent = r.number("mean-percent", 20);
        a.rejected_in_pmin = r.boolean("rejected-in-pmin", false);
    }

    void evaluation(pugi::xml_node node, Lot& lot) {
        ElementReader r(file_, node, d_, {"precision", "min-quality-percent", "normalise-quality", "allow-abstention"});
        auto& e = lot.rules;
        e.where = r.where();
        const double precision = r.number("precision", 2);
        if (precision != static_cast<int>(precision)) r.error("precision", "precision must be a whole number of decimal places");
        e.precision = static_cast<int>(precision);
        e.min_quality_percent = r.optional_number("min-quality-percent");
        e.normalise_quality = r.boolean("normalise-quality", false);
        e.allow_abstention = r.boolean("allow-abstention", false);
    }

    void tie_break(pugi::xml_node node, Lot& lot) {
        ElementReader(file_, node, d_, {}, {"rule"});
        lot.tie_breaks.clear();
        for (auto rule = node.child("rule"); rule; rule = rule.next_sibling("rule")) {
            ElementReader r(file_, rule, d_, {}, {}, true);
            const auto text = r.body(true);
            const auto parsed = tie_break_rule_from(text);
            if (!parsed)
                r.error("tie-break rule \"" + text + "\" is not one of: higher_quality, higher_social_value, lower_price, lots");
            else
                lot.tie_breaks.push_back(*parsed);
        }
    }

    const XmlFile& file_;
    Diagnostics& d_;
};

}  // namespace

scoring::Framework read_framework(const XmlFile& file) {
    Diagnostics diagnostics;
    FrameworkParser parser(file, diagnostics);
    auto fw = parser.parse();
    diagnostics.throw_if_any();
    return fw;
}

scoring::Framework read_framework(const std::filesystem::path& path) { return read_framework(XmlFile(path)); }

std::vector<Diagnostic> to_diagnostics(const std::string& file_name, const std::vector<scoring::Issue>& issues,
                                       scoring::Severity severity) {
    std::vector<Diagnostic> out;
    for (const auto& issue : issues)
        if (issue.severity == severity)
            out.push_back({file_name, issue.where.line, issue.where.column,
                           (severity == scoring::Severity::warning ? "warning: " : "") + issue.text()});
    return out;
}

scoring::Framework read_valid_framework(const std::filesystem::path& path, std::vector<Diagnostic>* warnings) {
    return read_valid_framework(XmlFile(path), warnings);
}

scoring::Framework read_valid_framework(const XmlFile& file, std::vector<Diagnostic>* warnings) {
    auto fw = read_framework(file);
    const auto issues = scoring::validate(fw);
    if (warnings) {
        auto w = to_diagnostics(file.name(), issues, scoring::Severity::warning);
        warnings->insert(warnings->end(), w.begin(), w.end());
    }
    if (scoring::has_errors(issues)) throw InputError(to_diagnostics(file.name(), issues, scoring::Severity::error));
    return fw;
}

}  // namespace core
