#include "app/core/framework_edits.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include "app/core/xml_document.h"

namespace core {

namespace {

using scoring::Criterion;
using scoring::CriterionKind;

// Where criterion `id` sits: its parent's children (or the lot's top level) and its position.
struct Place {
    std::vector<Criterion>* siblings = nullptr;
    std::size_t index = 0;
};

bool locate(std::vector<Criterion>& nodes, const std::string& id, Place& out) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id) {
            out = {&nodes, i};
            return true;
        }
        if (locate(nodes[i].children, id, out)) return true;
    }
    return false;
}

scoring::Lot& lot_of(scoring::Framework& fw, const std::string& lot) {
    for (auto& l : fw.lots)
        if (l.id == lot) return l;
    throw FrameworkEditError("there is no lot " + lot + " in the framework");
}

void visit(const std::vector<Criterion>& nodes, const std::function<void(const Criterion&)>& f) {
    for (const auto& c : nodes) {
        f(c);
        visit(c.children, f);
    }
}

// The top-level group a criterion belongs to (its own group type decides what may go under it).
std::optional<scoring::GroupType> group_type_of(const scoring::Lot& lot, const std::string& id) {
    for (const auto& top : lot.criteria) {
        bool inside = top.id == id;
        visit(top.children, [&](const Criterion& c) { inside = inside || c.id == id; });
        if (inside) return top.type;
    }
    return std::nullopt;
}

// `prefix` followed by the smallest whole number above every number already following it in
// the lot, e.g. Q6 when Q1 to Q5 exist (Q3.1 counts as 3).
std::string next_id(const scoring::Lot& lot, const std::string& prefix) {
    long highest = 0;
    visit(lot.criteria, [&](const Criterion& c) {
        if (c.id.size() <= prefix.size() || c.id.compare(0, prefix.size(), prefix) != 0) return;
        long n = 0;
        std::size_t i = prefix.size();
        for (; i < c.id.size() && std::isdigit(static_cast<unsigned char>(c.id[i])) && n < 100000; ++i)
            n = n * 10 + (c.id[i] - '0');
        if (i > prefix.size()) highest = std::max(highest, n);
    });
    return prefix + std::to_string(highest + 1);
}

// The letters before the first digit of an id: "SV" of "SV2", "Q" of "Q3.1".
std::string prefix_of(const std::string& id) {
    std::size_t i = 0;
    while (i < id.size() && !std::isdigit(static_cast<unsigned char>(id[i]))) ++i;
    return id.substr(0, i);
}

// Where a new criterion goes for `at`: under a group, or after a question or sub-group.
Place insertion_point(scoring::Lot& lot, const std::string& at, const char* what) {
    Place place;
    if (!locate(lot.criteria, at, place))
        throw FrameworkEditError("criterion " + at + " is not in lot " + lot.id + "; select a group or a question");
    const auto type = group_type_of(lot, at);
    if (type == scoring::GroupType::price)
        throw FrameworkEditError(std::string("the price group takes no ") + what +
                                 ": a bid has one evaluated price; select a quality or social-value group");
    auto& node = (*place.siblings)[place.index];
    if (node.kind == CriterionKind::measures)
        throw FrameworkEditError(std::string("a measures leaf takes no ") + what +
                                 "; select its social-value group or a question");
    if (node.kind == CriterionKind::group) return {&node.children, node.children.size()};
    return {place.siblings, place.index + 1};
}

std::string scale_for(const scoring::Framework& fw, const scoring::Lot& lot, const Place& place) {
    for (std::size_t i = place.index; i-- > 0;)
        if ((*place.siblings)[i].kind == CriterionKind::question) return (*place.siblings)[i].scale_id;
    std::string first;
    visit(lot.criteria, [&](const Criterion& c) {
        if (first.empty() && c.kind == CriterionKind::question) first = c.scale_id;
    });
    if (!first.empty()) return first;
    return fw.scales.empty() ? std::string() : fw.scales.front().id;
}

}  // namespace

std::string add_question(scoring::Framework& fw, const std::string& lot_id, const std::string& at) {
    auto& lot = lot_of(fw, lot_id);
    const auto place = insertion_point(lot, at, "questions");
    std::string prefix = "Q";
    for (const auto& sibling : *place.siblings)
        if (sibling.kind == CriterionKind::question && !prefix_of(sibling.id).empty()) prefix = prefix_of(sibling.id);
    Criterion q;
    q.id = next_id(lot, prefix);
    q.name = "New question";
    q.kind = CriterionKind::question;
    q.weight = 0;
    q.scale_id = scale_for(fw, lot, place);
    place.siblings->insert(place.siblings->begin() + static_cast<std::ptrdiff_t>(place.index), q);
    return q.id;
}

std::string add_group(scoring::Framework& fw, const std::string& lot_id, const std::string& at) {
    auto& lot = lot_of(fw, lot_id);
    const auto place = insertion_point(lot, at, "sub-groups");
    Criterion g;
    g.id = next_id(lot, "G");
    g.name = "New group";
    g.kind = CriterionKind::group;
    g.weight = 0;
    place.siblings->insert(place.siblings->begin() + static_cast<std::ptrdiff_t>(place.index), g);
    return g.id;
}

std::string criterion_id_problem(const std::string& id) {
    if (is_valid_id(id)) return "";
    return "\"" + id + "\" is not a valid id; use 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit";
}

void remove_criterion(scoring::Framework& fw, const std::string& lot_id, const std::string& id) {
    auto& lot = lot_of(fw, lot_id);
    Place place;
    if (!locate(lot.criteria, id, place))
        throw FrameworkEditError("criterion " + id + " is not in lot " + lot.id + "; select the one to remove");
    place.siblings->erase(place.siblings->begin() + static_cast<std::ptrdiff_t>(place.index));
}

}  // namespace core
