#include "app/core/report_json.h"

#include <cmath>

#include "scoring/money.h"

namespace core {

namespace {

using nlohmann::ordered_json;

// Money to two decimals as a JSON number (exact for display: pence / 100).
double money(scoring::Money m) { return scoring::to_major(m); }

const PackageBid* find_bid(const Package& package, const std::string& id) {
    for (const auto& b : package.bids)
        if (b.input.id == id) return &b;
    return nullptr;
}

ordered_json bid_json(const Package& package, const scoring::LotResult& lot, const scoring::BidResult& r) {
    ordered_json j;
    const auto* source = find_bid(package, r.id);
    j["id"] = r.id;
    j["bidder"] = r.bidder;
    j["sme"] = source ? source->input.sme : false;
    j["vcse"] = source ? source->input.vcse : false;
    j["price"] = money(r.price);
    j["rank"] = r.rank ? ordered_json(*r.rank) : ordered_json(nullptr);
    // A bid out of contention has no total and no price marks: printing partial sums invites misreading.
    j["total"] = r.in_contention ? ordered_json(r.total) : ordered_json(nullptr);
    j["marks"] = {{"price", r.in_contention ? ordered_json(r.price_marks) : ordered_json(nullptr)},
                  {"quality", r.quality_marks},
                  {"social_value", r.social_value_marks}};
    ordered_json criteria = ordered_json::object();
    for (std::size_t l = 0; l < lot.leaves.size(); ++l) criteria[lot.leaves[l].criterion->id] = r.leaf_marks[l];
    j["criteria"] = criteria;
    j["social_value_committed"] = std::round(r.social_value_committed) / 100.0;
    j["award_value"] = r.award_value ? ordered_json(*r.award_value) : ordered_json(nullptr);
    ordered_json flags = ordered_json::array();
    for (const auto& f : r.flags) flags.push_back({{"code", f.code}, {"detail", f.detail}});
    j["flags"] = flags;
    return j;
}

}  // namespace

nlohmann::ordered_json evaluation_json(const Package& package, const PackageResult& result) {
    ordered_json out;
    out["tender"] = package.tender;
    out["reference"] = package.reference;
    out["framework"] = {{"id", package.framework.id},
                        {"name", package.framework.name},
                        {"version", package.framework.version}};
    out["currency"] = package.framework.currency;
    ordered_json lots = ordered_json::array();
    for (const auto& lot : result.lots) {
        const auto* spec = package.framework.lot(lot.lot_id);
        ordered_json l;
        l["id"] = lot.lot_id;
        l["name"] = lot.lot_name;
        l["award_model"] = scoring::to_string(spec->award.model);
        l["price_method"] = scoring::to_string(spec->price.method);
        l["precision"] = spec->rules.precision;
        l["pmin"] = lot.has_price_field ? ordered_json(money(lot.field.pmin)) : ordered_json(nullptr);
        l["pmax"] = lot.has_price_field ? ordered_json(money(lot.field.pmax)) : ordered_json(nullptr);
        ordered_json bids = ordered_json::array();
        for (const auto& b : lot.bids) bids.push_back(bid_json(package, lot, b));
        l["bids"] = bids;
        ordered_json ties = ordered_json::array();
        for (const auto& t : lot.tie_breaks) {
            ordered_json tj = {{"bids", t.bids}, {"rule", t.rule}, {"order", t.order}};
            tj["seed"] = t.seed ? ordered_json(std::to_string(*t.seed)) : ordered_json(nullptr);
            ties.push_back(tj);
        }
        l["tie_breaks"] = ties;
        lots.push_back(l);
    }
    out["lots"] = lots;
    return out;
}

}  // namespace core
