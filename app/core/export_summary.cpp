// The Summary sheet: every lot's ranking with live marks, totals, award figures, a live rank and
// the margin to the next bid, the recorded tie-breaks and winner, and a stacked bar chart.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

#include "app/core/export_sheets.h"
#include "scoring/money.h"

namespace core::excel {

namespace {

using xlsx::Style;
using xlsx::cell;

constexpr std::uint32_t kHeader = 3;
constexpr std::uint16_t kLot = 0, kRank = 1, kLive = 2, kBid = 3, kBidder = 4, kSme = 5, kVcse = 6, kPrice = 7,
                        kPriceMarks = 8, kQuality = 9, kSocial = 10, kTotal = 11, kFigure = 12, kValue = 13,
                        kRounded = 14, kMargin = 15, kIn = 16, kFlags = 17;
constexpr std::size_t kChartBids = 20;

bool higher_is_better(scoring::AwardModel model) {
    return model == scoring::AwardModel::weighted_sum || model == scoring::AwardModel::vfm_ratio;
}

// The award figure (Z, price per point, comparison price) as the engine computes it, for any bid.
std::optional<double> award_figure(const scoring::Lot& lot, const scoring::BidResult& r, double deductions) {
    const double points = r.quality_marks + r.social_value_marks;
    switch (lot.award.model) {
        case scoring::AwardModel::weighted_sum: return std::nullopt;
        case scoring::AwardModel::vfm_ratio: return points * 100000.0 / static_cast<double>(r.price);
        case scoring::AwardModel::price_per_quality_point:
            if (points <= 0) return std::nullopt;
            return scoring::to_major(r.price) / points;
        case scoring::AwardModel::monetised_quality: return scoring::to_major(r.price) - deductions;
    }
    return std::nullopt;
}

struct LotRows {
    const scoring::Lot* lot;
    const scoring::LotResult* result;
    std::uint32_t first = 0;
    std::uint32_t last = 0;
};

class SummaryWriter {
public:
    SummaryWriter(Context& context, xlsx::Sheet& sheet) : context_(context), sheet_(sheet) {}

    void write() {
        sheet_.text(0, 0, "Summary: " + context_.data.package.tender + " (" + context_.data.package.reference + ")",
                    Style::title);
        sheet_.text(1, 0,
                    "Marks and totals are live formulas over the Quality, Price, Social value and Framework sheets. "
                    "'Rank' is the recorded result after the declared tie-breaks; 'Live rank' re-ranks on the "
                    "rounded ranking value and shares a rank on a tie.",
                    Style::note);
        sheet_.header(kHeader, {"Lot", "Rank", "Live rank", "Bid", "Bidder", "SME", "VCSE", "Price", "Price marks",
                                "Quality marks", "Social value marks", "Total", "Award figure", "Ranking value",
                                "Ranking value at precision", "Margin to next", "In contention", "Flags"},
                      5);
        sheet_.widths({6, 6, 6, 8, 30, 6, 6, 12, 9, 9, 9, 9, 11, 11, 11, 9, 11, 60});
        plan();
        for (const auto& lot : lots_) write_lot(lot);
        const std::uint32_t last = lots_.empty() ? kHeader : lots_.back().last;
        sheet_.autofilter(kHeader, last, kFlags);
        std::uint32_t row = last + 2;
        for (const auto& lot : lots_) row = write_outcome(lot, row);
        // Charts below the table, so the printed page is as wide as the table and no wider.
        for (std::size_t i = 0; i < lots_.size(); ++i) chart(lots_[i], row + 1 + static_cast<std::uint32_t>(i) * 22);
    }

private:
    void plan() {
        std::uint32_t row = kHeader + 1;
        for (const auto& lot : context_.data.package.framework.lots) {
            const auto* result = context_.result(lot.id);
            if (!result || result->bids.empty()) continue;
            LotRows rows{&lot, result, row, row + static_cast<std::uint32_t>(result->bids.size()) - 1};
            row = rows.last + 1;
            lots_.push_back(rows);
        }
    }

    std::string whole(std::uint16_t column) const {
        return xlsx::range(kHeader + 1, column, lots_.back().last, column);
    }

    void write_lot(const LotRows& rows) {
        const auto& lot = *rows.lot;
        auto& lot_cells = context_.cells.lots[lot.id];
        const int precision = lot.rules.precision;
        const bool higher = higher_is_better(lot.award.model);
        // Ranking values as the engine compares them, for the cached cells.
        std::vector<std::optional<double>> figures, values;
        double best_z = 0;
        for (const auto& r : rows.result->bids) {
            figures.push_back(award_figure(lot, r, lot_cells.bids.at(r.id).deductions_value));
            if (lot.award.model == scoring::AwardModel::vfm_ratio && r.in_contention) best_z = std::max(best_z, *figures.back());
        }
        for (std::size_t i = 0; i < rows.result->bids.size(); ++i) {
            const auto& r = rows.result->bids[i];
            if (lot.award.model == scoring::AwardModel::weighted_sum) values.push_back(r.total);
            else if (lot.award.model == scoring::AwardModel::vfm_ratio) values.push_back(best_z > 0 ? *figures[i] / best_z * 100.0 : 0.0);
            else values.push_back(figures[i]);
        }
        for (std::size_t i = 0; i < rows.result->bids.size(); ++i) {
            const auto row = rows.first + static_cast<std::uint32_t>(i);
            const auto& r = rows.result->bids[i];
            write_bid(lot, lot_cells, row, r, figures[i], values, i, precision, higher, rows);
        }
    }

    void write_bid(const scoring::Lot& lot, LotCells& lot_cells, std::uint32_t row, const scoring::BidResult& r,
                   std::optional<double> figure, const std::vector<std::optional<double>>& values, std::size_t i,
                   int precision, bool higher, const LotRows& rows) {
        auto& cells = lot_cells.bids.at(r.id);
        const auto* bid = context_.data.bid(r.id);
        sheet_.text(row, kLot, lot.id);
        if (r.rank) sheet_.number(row, kRank, *r.rank, Style::integer);
        const std::string in = cell(row, kIn) + "=1";
        // Live rank: bids of the lot in contention with a strictly better rounded value, plus one.
        if (r.in_contention && values[i]) {
            const auto mine = scoring::at_precision(*values[i], precision);
            int better = 0;
            for (std::size_t j = 0; j < rows.result->bids.size(); ++j) {
                const auto& other = rows.result->bids[j];
                if (!other.in_contention || !values[j]) continue;
                const auto theirs = scoring::at_precision(*values[j], precision);
                if (higher ? theirs > mine : theirs < mine) ++better;
            }
            sheet_.formula(row, kLive,
                           "=IF(" + in + ",COUNTIFS(" + whole(kLot) + "," + cell(row, kLot) + "," + whole(kIn) + ",1," +
                               whole(kRounded) + ",\"" + (higher ? ">" : "<") + "\"&" + cell(row, kRounded) + ")+1,\"\")",
                           better + 1, Style::integer);
        } else {
            sheet_.formula_text(row, kLive,
                                "=IF(" + in + ",COUNTIFS(" + whole(kLot) + "," + cell(row, kLot) + "," + whole(kIn) +
                                    ",1," + whole(kRounded) + ",\"" + (higher ? ">" : "<") + "\"&" + cell(row, kRounded) +
                                    ")+1,\"\")",
                                "");
        }
        sheet_.text(row, kBid, r.id);
        sheet_.text(row, kBidder, r.bidder);
        sheet_.text(row, kSme, bid && bid->input.sme ? "Yes" : "No");
        sheet_.text(row, kVcse, bid && bid->input.vcse ? "Yes" : "No");
        sheet_.formula(row, kPrice, "=" + cells.price, scoring::to_major(r.price), Style::money);
        sheet_.formula(row, kPriceMarks, "=" + cells.price_marks, r.price_marks, Style::decimal);
        sheet_.formula(row, kQuality, "=" + cells.quality_marks, r.quality_marks, Style::decimal);
        sheet_.formula(row, kSocial, "=" + cells.social_value_marks, r.social_value_marks, Style::decimal);
        sheet_.formula(row, kTotal, "=" + cell(row, kPriceMarks) + "+" + cell(row, kQuality) + "+" + cell(row, kSocial),
                       r.total, Style::decimal);
        write_figures(lot, lot_cells, row, r.id, figure, values[i]);
        write_margin(row, values, i, higher, rows);
        sheet_.formula(row, kIn, "=" + cells.contention, r.in_contention ? 1 : 0, Style::yes_no);
        sheet_.text(row, kFlags, flags_text(r), Style::wrap);
        cells.total = sheet_.ref(row, kTotal);
        cells.ranking_value = sheet_.ref(row, kValue);
    }

    void write_figures(const scoring::Lot& lot, const LotCells& lot_cells, std::uint32_t row, const std::string& id,
                       std::optional<double> figure, std::optional<double> value) {
        const std::string points = "(" + cell(row, kQuality) + "+" + cell(row, kSocial) + ")";
        const std::string price = cell(row, kPrice);
        const std::string f = cell(row, kFigure);
        const std::string v = cell(row, kValue);
        const auto put = [&](std::uint16_t column, const std::string& formula, std::optional<double> cached,
                             Style style) {
            if (cached) sheet_.formula(row, column, formula, *cached, style);
            else sheet_.formula_text(row, column, formula, "");
        };
        switch (lot.award.model) {
            case scoring::AwardModel::weighted_sum:
                sheet_.formula(row, kValue, "=" + cell(row, kTotal), value.value_or(0), Style::decimal);
                break;
            case scoring::AwardModel::vfm_ratio: {
                put(kFigure, "=IF(" + price + ">0," + points + "*1000/" + price + ",0)", figure, Style::decimal);
                const std::string best = "_xlfn.MAXIFS(" + whole(kFigure) + "," + whole(kLot) + "," + cell(row, kLot) + "," +
                                         whole(kIn) + ",1)";
                put(kValue, "=IF(" + best + ">0," + f + "/" + best + "*100,0)", value, Style::percent);
                break;
            }
            case scoring::AwardModel::price_per_quality_point:
                put(kFigure, "=IF(" + points + ">0," + price + "/" + points + ",\"\")", figure, Style::money);
                put(kValue, "=" + f, value, Style::money);
                break;
            case scoring::AwardModel::monetised_quality:
                put(kFigure, "=" + price + "-" + lot_cells.bids.at(id).deductions,
                    figure, Style::money);
                put(kValue, "=" + f, value, Style::money);
                break;
        }
        const std::string rounded = "=IF(ISNUMBER(" + v + "),ROUND(" + v + "," + lot_cells.precision + "),\"\")";
        if (value) {
            const double scale = std::pow(10.0, std::clamp(lot.rules.precision, 0, 9));
            sheet_.formula(row, kRounded, rounded, scoring::at_precision(*value, lot.rules.precision) / scale,
                           Style::decimal);
        } else {
            sheet_.formula_text(row, kRounded, rounded, "");
        }
    }

    void write_margin(std::uint32_t row, const std::vector<std::optional<double>>& values, std::size_t i, bool higher,
                      const LotRows& rows) {
        const auto& bids = rows.result->bids;
        if (!bids[i].in_contention || i + 1 >= bids.size() || !bids[i + 1].in_contention) return;
        if (!values[i] || !values[i + 1]) return;
        const std::string me = cell(row, kValue), next = cell(row + 1, kValue);
        const double cached = higher ? *values[i] - *values[i + 1] : *values[i + 1] - *values[i];
        sheet_.formula(row, kMargin, "=" + (higher ? me + "-" + next : next + "-" + me), cached, Style::decimal);
    }

    std::uint32_t write_outcome(const LotRows& rows, std::uint32_t row) {
        const auto& lot = *rows.lot;
        const auto& bids = rows.result->bids;
        std::string winner = "no bid in contention";
        if (!bids.empty() && bids.front().in_contention && bids.front().rank == 1) {
            const bool shared = bids.size() > 1 && bids[1].rank == 1;
            winner = bids.front().id + " (" + bids.front().bidder + ")" +
                     (shared ? " - tie unresolved: record a seed and draw lots" : "");
        }
        sheet_.text(row, 0, lot.id, Style::label);
        sheet_.text(row, 1, "Winner", Style::label);
        sheet_.text(row, 3, winner, Style::label);
        ++row;
        for (const auto& t : rows.result->tie_breaks) {
            std::string text = "tied: ";
            for (std::size_t k = 0; k < t.bids.size(); ++k) text += (k ? ", " : "") + t.bids[k];
            text += "; decided by " + t.rule + "; order: ";
            for (std::size_t k = 0; k < t.order.size(); ++k) text += (k ? ", " : "") + t.order[k];
            if (t.seed) text += "; lots drawn with seed " + std::to_string(*t.seed);
            sheet_.text(row, 0, lot.id);
            sheet_.text(row, 1, "Tie-break", Style::label);
            sheet_.text(row, 3, text);
            ++row;
        }
        return row + 1;
    }

    void chart(const LotRows& rows, std::uint32_t at_row) {
        std::size_t shown = 0;
        while (shown < rows.result->bids.size() && shown < kChartBids && rows.result->bids[shown].in_contention) ++shown;
        if (shown == 0) return;
        lxw_chart* chart = context_.book.chart(LXW_CHART_BAR_STACKED);
        const std::uint32_t last = rows.first + static_cast<std::uint32_t>(shown) - 1;
        const std::string categories = "=" + sheet_.prefix() + xlsx::range(rows.first, kBidder, last, kBidder);
        const std::pair<std::uint16_t, const char*> series[] = {
            {kPriceMarks, "Price"}, {kQuality, "Quality"}, {kSocial, "Social value"}};
        for (const auto& [column, name] : series) {
            const std::string values = "=" + sheet_.prefix() + xlsx::range(rows.first, column, last, column);
            lxw_chart_series* s = chart_add_series(chart, categories.c_str(), values.c_str());
            chart_series_set_name(s, name);
        }
        const std::string title = "Marks by group, lot " + rows.lot->id +
                                  (shown < rows.result->bids.size() ? " (top " + std::to_string(shown) + ")" : "");
        chart_title_set_name(chart, title.c_str());
        chart_axis_set_reverse(chart->y_axis);  // best bid at the top
        lxw_chart_options options{};
        options.x_scale = 1.6;
        options.y_scale = 1.2;
        worksheet_insert_chart_opt(sheet_.raw(), at_row, kBidder, chart, &options);
    }

    Context& context_;
    xlsx::Sheet& sheet_;
    std::vector<LotRows> lots_;
};

}  // namespace

void write_summary(Context& context, xlsx::Sheet& sheet) { SummaryWriter(context, sheet).write(); }

}  // namespace core::excel
