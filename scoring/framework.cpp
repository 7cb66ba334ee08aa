#include "scoring/framework.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace scoring {

double Scale::maximum() const {
    double best = 0;
    for (const auto& p : points) best = std::max(best, p.value);
    return best;
}

double Scale::minimum() const {
    if (points.empty()) return 0;
    double least = points.front().value;
    for (const auto& p : points) least = std::min(least, p.value);
    return least;
}

const ScalePoint* Scale::point(double value) const {
    for (const auto& p : points)  // exact first: scores read from text match their point exactly
        if (p.value == value) return &p;
    for (const auto& p : points)
        if (std::fabs(p.value - value) < 1e-9) return &p;
    return nullptr;
}

bool Scale::allows_slow(double value) const {
    if (!std::isfinite(value)) return false;
    if (intermediate) return value >= minimum() - 1e-9 && value <= maximum() + 1e-9;
    return point(value) != nullptr;
}

const Scale* Framework::scale(const std::string& wanted) const {
    for (const auto& s : scales)
        if (s.id == wanted) return &s;
    return nullptr;
}

const Measure* Framework::measure(const std::string& code) const {
    for (const auto& m : measures)
        if (m.code == code) return &m;
    return nullptr;
}

const Lot* Framework::lot(const std::string& wanted) const {
    for (const auto& l : lots)
        if (l.id == wanted) return &l;
    return nullptr;
}

namespace {

void collect_leaves(const Framework& framework, const Criterion& node, GroupType group,
                    double parent_marks, std::vector<Leaf>& out) {
    const double marks = parent_marks * node.weight / 100.0;
    if (node.kind == CriterionKind::group && !node.children.empty()) {
        for (const auto& child : node.children) collect_leaves(framework, child, group, marks, out);
        return;
    }
    Leaf leaf;
    leaf.criterion = &node;
    leaf.group = group;
    leaf.effective_weight = marks;
    if (node.kind == CriterionKind::question) {
        leaf.scale = framework.scale(node.scale_id);
        if (leaf.scale) leaf.scale_maximum = leaf.scale->maximum();
    }
    out.push_back(leaf);
}

const Criterion* find_in(const std::vector<Criterion>& nodes, const std::string& id) {
    for (const auto& n : nodes) {
        if (n.id == id) return &n;
        if (const auto* hit = find_in(n.children, id)) return hit;
    }
    return nullptr;
}

// One table per enum keeps names and parsing in step.
template <typename E, std::size_t N>
std::string name_of(const std::array<std::pair<E, const char*>, N>& table, E value) {
    for (const auto& [e, name] : table)
        if (e == value) return name;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, const char*>, N>& table,
                          const std::string& text) {
    for (const auto& [e, name] : table)
        if (text == name) return e;
    return std::nullopt;
}

constexpr std::array<std::pair<GroupType, const char*>, 3> group_names{{
    {GroupType::price, "price"},
    {GroupType::quality, "quality"},
    {GroupType::social_value, "social_value"},
}};
constexpr std::array<std::pair<PriceMethod, const char*>, 6> price_names{{
    {PriceMethod::lowest_ratio, "lowest_ratio"},
    {PriceMethod::linear_from_lowest, "linear_from_lowest"},
    {PriceMethod::linear_min_max, "linear_min_max"},
    {PriceMethod::ceiling_pro_rata, "ceiling_pro_rata"},
    {PriceMethod::power_ratio, "power_ratio"},
    {PriceMethod::absolute_scale, "absolute_scale"},
}};
constexpr std::array<std::pair<AwardModel, const char*>, 4> award_names{{
    {AwardModel::weighted_sum, "weighted_sum"},
    {AwardModel::vfm_ratio, "vfm_ratio"},
    {AwardModel::price_per_quality_point, "price_per_quality_point"},
    {AwardModel::monetised_quality, "monetised_quality"},
}};
constexpr std::array<std::pair<AltMethod, const char*>, 3> alt_names{{
    {AltMethod::none, "none"},
    {AltMethod::scottish, "scottish"},
    {AltMethod::mean, "mean"},
}};
constexpr std::array<std::pair<SocialValueBasis, const char*>, 2> basis_names{{
    {SocialValueBasis::highest_total, "highest_total"},
    {SocialValueBasis::per_price, "per_price"},
}};
constexpr std::array<std::pair<TieBreakRule, const char*>, 4> tie_names{{
    {TieBreakRule::higher_quality, "higher_quality"},
    {TieBreakRule::higher_social_value, "higher_social_value"},
    {TieBreakRule::lower_price, "lower_price"},
    {TieBreakRule::lots, "lots"},
}};
constexpr std::array<std::pair<CorridorTieBreak, const char*>, 2> corridor_names{{
    {CorridorTieBreak::best_quality, "best_quality"},
    {CorridorTieBreak::lowest_price, "lowest_price"},
}};

}  // namespace

std::vector<Leaf> leaves_of(const Framework& framework, const Lot& lot) {
    std::vector<Leaf> out;
    for (const auto& group : lot.criteria) {
        if (!group.type) continue;
        collect_leaves(framework, group, *group.type, 100.0, out);
    }
    return out;
}

const Criterion* find_criterion(const Lot& lot, const std::string& id) {
    return find_in(lot.criteria, id);
}

double group_weight(const Lot& lot, GroupType type) {
    for (const auto& g : lot.criteria)
        if (g.type == type) return g.weight;
    return 0;
}

std::string to_string(GroupType v) { return name_of(group_names, v); }
std::string to_string(PriceMethod v) { return name_of(price_names, v); }
std::string to_string(AwardModel v) { return name_of(award_names, v); }
std::string to_string(AltMethod v) { return name_of(alt_names, v); }
std::string to_string(SocialValueBasis v) { return name_of(basis_names, v); }
std::string to_string(TieBreakRule v) { return name_of(tie_names, v); }
std::string to_string(CorridorTieBreak v) { return name_of(corridor_names, v); }
std::optional<GroupType> group_type_from(const std::string& t) { return value_of(group_names, t); }
std::optional<PriceMethod> price_method_from(const std::string& t) { return value_of(price_names, t); }
std::optional<AwardModel> award_model_from(const std::string& t) { return value_of(award_names, t); }
std::optional<AltMethod> alt_method_from(const std::string& t) { return value_of(alt_names, t); }
std::optional<SocialValueBasis> social_value_basis_from(const std::string& t) {
    return value_of(basis_names, t);
}
std::optional<TieBreakRule> tie_break_rule_from(const std::string& t) { return value_of(tie_names, t); }
std::optional<CorridorTieBreak> corridor_tie_break_from(const std::string& t) {
    return value_of(corridor_names, t);
}

}  // namespace scoring
