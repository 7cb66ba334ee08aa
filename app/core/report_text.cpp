#include "app/core/report_text.h"

#include <algorithm>
#include <cstdio>

#include "app/core/text_table.h"
#include "scoring/award_models.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"

namespace core {

namespace {

std::string fixed(double value, int precision) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", precision, value);
    return buffer;
}

std::string award_column(scoring::AwardModel model) {
    switch (model) {
        case scoring::AwardModel::vfm_ratio: return "Z";
        case scoring::AwardModel::price_per_quality_point: return "Price/pt";
        case scoring::AwardModel::monetised_quality: return "Comparison";
        case scoring::AwardModel::weighted_sum: return "";
    }
    return "";
}

void table(std::string& out, const scoring::Lot& spec, const scoring::LotResult& lot) {
    const int precision = spec.rules.precision;
    const std::string extra = award_column(spec.award.model);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"Rank", "Bid", "Bidder", "Price", "Price mk", "Quality", "Soc.val", "Total"});
    if (!extra.empty()) rows.back().push_back(extra);
    rows.back().push_back("Flags");
    for (const auto& b : lot.bids) {
        std::vector<std::string> row{b.rank ? std::to_string(*b.rank) : "-", b.id, cut_to_width(b.bidder, 28),
                                     scoring::format_money(b.price),
                                     b.in_contention ? fixed(b.price_marks, precision) : "-",
                                     fixed(b.quality_marks, precision), fixed(b.social_value_marks, precision),
                                     b.in_contention ? fixed(b.total, precision) : "-"};
        if (!extra.empty()) row.push_back(b.award_value ? fixed(*b.award_value, spec.award.model == scoring::AwardModel::vfm_ratio ? 4 : 2) : "-");
        std::string flags;
        for (const auto& f : b.flags)
            if (flags.find(f.code) == std::string::npos) flags += (flags.empty() ? "" : ",") + f.code;
        row.push_back(flags);
        rows.push_back(std::move(row));
    }
    const auto columns = rows.front().size();
    out += text_table(rows, [columns](std::size_t c) { return c == 0 || (c >= 3 && c + 1 < columns); });
}

}  // namespace

std::string evaluation_text(const Package& package, const PackageResult& result) {
    std::string out = package.tender + (package.reference.empty() ? "" : " (" + package.reference + ")") + "\n";
    out += "Framework: " + package.framework.name + ", version " + package.framework.version + "\n";
    for (const auto& lot : result.lots) {
        const auto& spec = *package.framework.lot(lot.lot_id);
        out += "\nLot " + lot.lot_id + ": " + lot.lot_name + "\n";
        out += "Award: " + scoring::describe(spec.award) + "\n";
        if (spec.award.model == scoring::AwardModel::weighted_sum && scoring::group_weight(spec, scoring::GroupType::price) > 0)
            out += "Price: " + scoring::to_string(spec.price.method) + " = " + scoring::formula(spec.price) + "\n";
        if (lot.has_price_field)
            out += "Lowest price in contention " + scoring::format_money(lot.field.pmin) + ", highest " +
                   scoring::format_money(lot.field.pmax) + " (" + package.framework.currency + ")\n";
        out += "\n";
        table(out, spec, lot);
        bool any = false;
        for (const auto& b : lot.bids)
            for (const auto& f : b.flags) {
                if (f.code == "excluded" && b.flags.size() > 1) continue;  // the specific flag says why
                if (!any) out += "\nFlags:\n";
                any = true;
                out += "  " + b.id + " " + f.code + ": " + f.detail + "\n";
            }
        for (const auto& t : lot.tie_breaks) {
            std::string bids, order;
            for (const auto& id : t.bids) bids += (bids.empty() ? "" : ", ") + id;
            for (const auto& id : t.order) order += (order.empty() ? "" : ", ") + id;
            out += "\nTie between " + bids + ": " +
                   (t.rule == "unresolved" ? "unresolved after every tie-break rule; rank shared"
                                           : "decided by " + t.rule + ", order " + order) +
                   (t.seed ? " (lots drawn with seed " + std::to_string(*t.seed) + ")" : "") + "\n";
        }
        const auto winner = std::find_if(lot.bids.begin(), lot.bids.end(), [](const scoring::BidResult& b) { return b.rank == 1; });
        const auto shared = std::count_if(lot.bids.begin(), lot.bids.end(), [](const scoring::BidResult& b) { return b.rank == 1; });
        if (winner == lot.bids.end()) out += "\nNo bid in contention.\n";
        else if (shared > 1) out += "\nNo single winner: " + std::to_string(shared) + " bids share rank 1.\n";
        else out += "\nHighest ranked: " + winner->id + " " + winner->bidder + "\n";
    }
    return out;
}

}  // namespace core
