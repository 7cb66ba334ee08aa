// The Price schedule sheet: each bid's schedule of rates with live line totals and a live total
// that the Price sheet's price refers to, so a changed rate flows through to the ranking.
#include "app/core/export_sheets.h"

namespace core::excel {

namespace {
using xlsx::Style;
}

bool has_price_schedules(const ExportData& data) {
    for (const auto& b : data.package.bids)
        if (!b.schedule.empty()) return true;
    return false;
}

void write_price_schedule(Context& context, xlsx::Sheet& sheet) {
    const auto& data = context.data;
    sheet.text(0, 0, "Price schedule: each bid's unit rates x the tender's evaluated quantities", Style::title);
    sheet.text(1, 0, "Line total = ROUND(rate x quantity, 2); a bid's total is its evaluated price on the Price sheet.",
               Style::note);
    sheet.header(2, {"Lot", "Bid", "Bidder", "Item", "Description", "Unit", "Rate", "Evaluated quantity",
                     "Line total"},
                 4);
    sheet.widths({8, 10, 26, 10, 44, 8, 12, 12, 14});
    std::uint32_t row = 3;
    for (const auto& lot : data.package.framework.lots)
        for (const auto* bid : context.bids_of(lot.id)) {
            if (bid->schedule.empty()) continue;
            const std::uint32_t first = row;
            for (const auto& line : bid->schedule) {
                sheet.text(row, 0, lot.id);
                sheet.text(row, 1, bid->input.id);
                sheet.text(row, 2, bid->input.bidder);
                sheet.text(row, 3, line.item);
                sheet.text(row, 4, line.description);
                sheet.text(row, 5, line.unit);
                sheet.number(row, 6, major(line.rate), Style::money);
                sheet.number(row, 7, line.quantity, Style::plain);
                sheet.formula(row, 8, "=ROUND(" + xlsx::cell(row, 6) + "*" + xlsx::cell(row, 7) + ",2)",
                              major(scoring::line_total(line).value_or(0)), Style::money);
                ++row;
            }
            sheet.text(row, 1, bid->input.id, Style::label);
            sheet.text(row, 4, "Total: evaluated price", Style::label);
            sheet.formula(row, 8, "=SUM(" + xlsx::cell(first, 8) + ":" + xlsx::cell(row - 1, 8) + ")",
                          major(bid->input.price), Style::money);
            context.cells.lots[lot.id].bids[bid->input.id].schedule_total = sheet.ref(row, 8);
            row += 2;
        }
}

}  // namespace core::excel
