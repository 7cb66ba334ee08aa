#include "scoring/validation.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "scoring/money.h"

namespace scoring {

std::string Issue::text() const {
    std::string out = subject.empty() ? message : subject + ": " + message;
    if (!fix.empty()) out += "; " + fix;
    return out;
}

bool has_errors(const std::vector<Issue>& issues) {
    return std::any_of(issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::error; });
}

namespace {

constexpr double weight_tolerance = 1e-9;

class Checker {
public:
    Checker(const Framework& framework, std::vector<Issue>& out) : fw_(framework), out_(out) {}

    void error(std::string subject, SourceLine where, std::string message, std::string fix) {
        out_.push_back({Severity::error, std::move(subject), where, std::move(message), std::move(fix)});
    }
    void warning(std::string subject, SourceLine where, std::string message, std::string fix) {
        out_.push_back({Severity::warning, std::move(subject), where, std::move(message), std::move(fix)});
    }

    void scales() {
        std::set<std::string> ids;
        for (const auto& s : fw_.scales) {
            const std::string subject = "scale " + s.id;
            if (!ids.insert(s.id).second) error(subject, s.where, "defined twice", "give each scale its own id");
            if (s.points.size() < 2) error(subject, s.where, "has fewer than two points", "add the scale's points");
            std::set<double> values;
            for (const auto& p : s.points) {
                if (!(p.value >= 0) || !std::isfinite(p.value))
                    error(subject, s.where, "point " + format_number(p.value) + " is below zero",
                          "scale points run from 0 upwards");
                if (!values.insert(p.value).second)
                    error(subject, s.where, "point " + format_number(p.value) + " appears twice", "remove one");
                if (p.label.empty() || p.descriptor.empty())
                    error(subject, s.where, "point " + format_number(p.value) + " has no label or descriptor",
                          "every point needs a label and a descriptor evaluators can score against");
            }
            if (s.points.size() >= 2 && s.maximum() <= 0)
                error(subject, s.where, "has a maximum of 0", "the highest point must be above 0");
        }
    }

    void measures() {
        std::set<std::string> codes;
        for (const auto& m : fw_.measures) {
            const std::string subject = "measure " + m.code;
            if (!codes.insert(m.code).second) error(subject, m.where, "defined twice", "give each measure its own code");
            if (m.proxy_per_unit <= 0)
                error(subject, m.where, "proxy value " + format_money(m.proxy_per_unit) + " is not above zero",
                      "give the money value of one unit");
        }
    }

    void lot(const Lot& lot) {
        prefix_ = fw_.lots.size() > 1 ? "lot " + lot.id + ", " : "";
        ids_.clear();
        top_level(lot);
        for (const auto& g : lot.criteria) node(lot, g, g.type.value_or(GroupType::quality), true);
        gates(lot);
        price(lot);
        award(lot);
        rules(lot);
    }

private:
    std::string subject(const Criterion& c) const { return prefix_ + "criterion " + c.id; }

    void top_level(const Lot& lot) {
        const std::string subject = prefix_.empty() ? "criteria" : prefix_ + "criteria";
        if (lot.criteria.empty()) {
            error(subject, lot.where, "no criteria", "add at least one top-level <group>");
            return;
        }
        std::set<GroupType> seen;
        double sum = 0;
        for (const auto& g : lot.criteria) {
            sum += g.weight;
            if (!g.type) {
                error(this->subject(g), g.where, "top-level group has no type",
                      "set type=\"price\", \"quality\" or \"social_value\"");
            } else if (!seen.insert(*g.type).second) {
                error(this->subject(g), g.where, "a second top-level group of type " + to_string(*g.type),
                      "merge them into one group with sub-groups");
            }
        }
        if (std::fabs(sum - 100.0) > weight_tolerance)
            error(subject, lot.where, "top-level weights sum to " + format_number(sum) + ", not 100",
                  "adjust the group weights so they sum to exactly 100 (they are never normalised silently)");
    }

    void node(const Lot& lot, const Criterion& c, GroupType group, bool top) {
        if (!ids_.insert(c.id).second)
            error(subject(c), c.where, "id used twice in this lot", "give every criterion its own id");
        if (!(c.weight > 0) || !std::isfinite(c.weight))
            error(subject(c), c.where, "weight " + format_number(c.weight) + " is not above zero",
                  "give every criterion a weight above 0, or remove it");
        if (!top && c.type)
            error(subject(c), c.where, "only top-level groups have a type", "remove the type attribute");
        switch (c.kind) {
            case CriterionKind::group: group_node(lot, c, group); break;
            case CriterionKind::question: question(lot, c, group); break;
            case CriterionKind::measures:
                if (group != GroupType::social_value)
                    error(subject(c), c.where, "a <measures> leaf outside the social_value group",
                          "move it into the social_value group");
                if (fw_.measures.empty())
                    error(subject(c), c.where, "the framework defines no measures",
                          "add a <measures> table with each measure's unit and proxy value");
                break;
        }
    }

    void group_node(const Lot& lot, const Criterion& c, GroupType group) {
        if (group == GroupType::price) {
            if (!c.children.empty())
                error(subject(c), c.where, "the price group has sub-criteria",
                      "a bid has one evaluated price: remove the children of the price group");
            return;
        }
        if (c.children.empty()) {
            error(subject(c), c.where, "group has no questions", "add questions to it or remove it");
            return;
        }
        double sum = 0;
        int measures = 0;
        for (const auto& child : c.children) {
            sum += child.weight;
            if (child.kind == CriterionKind::measures) ++measures;
            node(lot, child, group, false);
        }
        if (measures > 1)
            error(subject(c), c.where, "more than one <measures> leaf", "use a single <measures> leaf");
        if (std::fabs(sum - 100.0) > weight_tolerance)
            error(subject(c), c.where,
                  "weights of its " + std::to_string(c.children.size()) + " sub-criteria sum to " +
                      format_number(sum) + ", not 100",
                  "sub-criteria weights are percentages of their group and must sum to 100");
    }

    void question(const Lot& lot, const Criterion& c, GroupType group) {
        if (group == GroupType::price) {
            error(subject(c), c.where, "a question inside the price group", "move it to a quality group");
            return;
        }
        const Scale* scale = fw_.scale(c.scale_id);
        if (!scale) {
            error(subject(c), c.where, "scale \"" + c.scale_id + "\" is not defined",
                  "define it under <scales> or use an existing scale id");
            return;
        }
        if (c.min_score) {
            if (*c.min_score < scale->minimum() || *c.min_score > scale->maximum())
                error(subject(c), c.where,
                      "minimum score " + format_number(*c.min_score) + " is outside scale " + scale->id + " (" +
                          format_number(scale->minimum()) + "-" + format_number(scale->maximum()) + ")",
                      "choose a minimum on the scale");
            else if (!scale->allows(*c.min_score))
                error(subject(c), c.where, "minimum score " + format_number(*c.min_score) + " is not a point of scale " + scale->id,
                      "choose one of the scale's points");
            if (c.on_fail == OnFail::unstated)
                warning(subject(c), c.where, "minimum score given but the methodology does not say whether failing it disqualifies",
                        "add on-fail=\"exclude\" or on-fail=\"flag\" (Procurement Act 2023 s.23(3)(a))");
        }
        if (lot.award.model == AwardModel::monetised_quality) {
            for (const auto& p : scale->points)
                if (std::none_of(c.deductions.begin(), c.deductions.end(),
                                 [&](const Deduction& d) { return std::fabs(d.point - p.value) < 1e-9; }))
                    error(subject(c), c.where, "no deduction for scale point " + format_number(p.value),
                          "monetised quality needs a <deduction> for every point of the scale");
            if (scale->intermediate)
                error(subject(c), c.where, "scale " + scale->id + " allows intermediate scores",
                      "monetised quality needs scores on the scale's points");
        } else if (!c.deductions.empty()) {
            warning(subject(c), c.where, "has deductions but the award model is " + to_string(lot.award.model),
                    "deductions are used only by monetised_quality; remove them");
        }
        for (const auto& d : c.deductions)
            if (!scale->point(d.point))
                error(subject(c), c.where, "deduction for " + format_number(d.point) + ", which is not a point of scale " + scale->id,
                      "deductions are given per scale point");
    }

    void gates(const Lot& lot) {
        std::set<std::string> ids;
        for (const auto& g : lot.gates)
            if (!ids.insert(g.id).second)
                error(prefix_ + "gate " + g.id, g.where, "defined twice", "give each gate its own id");
    }

    void price(const Lot& lot) {
        const auto& p = lot.price;
        const std::string subject = prefix_ + "price method " + to_string(p.method);
        switch (p.method) {
            case PriceMethod::linear_from_lowest:
                if (!(p.spread > 0)) error(subject, p.where, "spread must be above 0", "e.g. spread=\"1\" or \"0.5\"");
                break;
            case PriceMethod::ceiling_pro_rata:
                if (p.ceiling <= 0) error(subject, p.where, "ceiling must be above 0", "declare the ceiling price");
                break;
            case PriceMethod::power_ratio:
                if (!(p.exponent > 0)) error(subject, p.where, "exponent must be above 0", "e.g. exponent=\"2\"");
                break;
            case PriceMethod::absolute_scale:
                if (p.low < 0 || p.high <= p.low)
                    error(subject, p.where, "needs 0 <= low < high", "declare the price range before bids are opened");
                break;
            case PriceMethod::lowest_ratio:
            case PriceMethod::linear_min_max: break;
        }
    }

    void award(const Lot& lot) {
        const auto& a = lot.award;
        const std::string subject = prefix_ + "award model " + to_string(a.model);
        const bool has_price = std::any_of(lot.criteria.begin(), lot.criteria.end(),
                                           [](const Criterion& c) { return c.type == GroupType::price; });
        if (a.model != AwardModel::weighted_sum && has_price)
            error(subject, a.where, "the criteria have a price group",
                  "with this model price enters the formula directly: remove the price group and let the other "
                  "top-level weights sum to 100");
        if (a.model == AwardModel::weighted_sum && has_price && !lot.price.declared)
            error(subject, a.where, "the criteria have a price group but no price method is declared",
                  "add <price method=\"...\"/> (e.g. lowest_ratio)");
        if (a.corridor_percent && a.model != AwardModel::vfm_ratio)
            error(subject, a.where, "a corridor is only for vfm_ratio", "remove the corridor attribute");
        if (a.corridor_percent && (*a.corridor_percent < 1 || *a.corridor_percent > 10))
            error(subject, a.where, "corridor " + format_number(*a.corridor_percent) + "% is outside 1-10%",
                  "declare a corridor between 1 and 10 percent");
    }

    void rules(const Lot& lot) {
        const auto& r = lot.rules;
        const std::string subject = prefix_ + "evaluation rules";
        if (r.precision < 0 || r.precision > 6)
            error(subject, r.where, "precision " + std::to_string(r.precision) + " is outside 0-6", "use 2 unless the methodology says otherwise");
        if (r.min_quality_percent && (*r.min_quality_percent < 0 || *r.min_quality_percent > 100))
            error(subject, r.where, "minimum quality " + format_number(*r.min_quality_percent) + "% is outside 0-100", "give a percentage");
        if ((r.min_quality_percent || r.normalise_quality) && group_weight(lot, GroupType::quality) <= 0)
            error(subject, r.where, "quality minimum or normalisation without a quality group", "add a quality group or remove the setting");
        const auto& alt = lot.abnormally_low;
        for (double pct : {alt.median_percent, alt.next_percent, alt.mean_percent})
            if (pct < 0 || pct > 100)
                error(prefix_ + "abnormally-low rule", alt.where, "percentage " + format_number(pct) + " outside 0-100",
                      "give percentages between 0 and 100");
        std::set<TieBreakRule> seen;
        for (std::size_t i = 0; i < lot.tie_breaks.size(); ++i) {
            const auto rule = lot.tie_breaks[i];
            if (!seen.insert(rule).second)
                error(prefix_ + "tie-break", lot.where, "rule " + to_string(rule) + " listed twice", "list each rule once");
            if (rule == TieBreakRule::lots && i + 1 != lot.tie_breaks.size())
                error(prefix_ + "tie-break", lot.where, "lots is not the last rule", "drawing lots can only come last");
        }
        if (lot.moderation.divergence <= 0)
            error(prefix_ + "moderation", lot.where, "divergence threshold must be above 0", "e.g. divergence=\"2\"");
    }

    const Framework& fw_;
    std::vector<Issue>& out_;
    std::string prefix_;
    std::set<std::string> ids_;
};

}  // namespace

std::vector<Issue> validate(const Framework& framework) {
    std::vector<Issue> out;
    Checker check(framework, out);
    if (framework.lots.empty())
        check.error("framework " + framework.id, {}, "has no lots", "add criteria to the framework or a <lot>");
    check.scales();
    check.measures();
    std::set<std::string> lot_ids;
    for (const auto& lot : framework.lots) {
        if (!lot_ids.insert(lot.id).second)
            check.error("lot " + lot.id, lot.where, "defined twice", "give each lot its own id");
        check.lot(lot);
    }
    return out;
}

}  // namespace scoring
