#include "app/gui/marks_chart.h"

#include <algorithm>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

namespace {

constexpr int legend_height = 26;
constexpr int bar_height = 18;
constexpr int bar_gap = 6;

// Okabe-Ito colours: told apart with every common colour-vision deficiency.
const wxColour price_colour(230, 159, 0);      // orange
const wxColour quality_colour(0, 114, 178);    // blue
const wxColour social_colour(0, 158, 115);     // bluish green
const wxColour what_if_colour(255, 236, 120);  // the what-if banner's yellow

}  // namespace

MarksChart::MarksChart(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);  // every pixel is painted: buffered without flicker
    SetMinSize(wxSize(480, legend_height + bar_height + 12));
    Bind(wxEVT_PAINT, &MarksChart::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void MarksChart::show(std::vector<MarksBar> bars, int precision, bool what_if) {
    bars_ = std::move(bars);
    precision_ = precision;
    what_if_ = what_if;
    const int rows = std::max<int>(1, static_cast<int>(bars_.size()));
    SetMinSize(wxSize(480, legend_height + rows * (bar_height + bar_gap) + 10));
    InvalidateBestSize();
    Refresh();
}

void MarksChart::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    gc->SetFont(GetFont(), ink);
    const wxSize size = GetClientSize();

    // Legend, with WHAT-IF on yellow first when the chart is not the tender's result.
    double x = 4, w = 0, h = 0;
    if (what_if_) {
        gc->SetFont(GetFont().Bold(), *wxBLACK);
        gc->GetTextExtent("WHAT-IF", &w, &h);
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(what_if_colour));
        gc->DrawRectangle(x - 2, 3, w + 8, h + 4);
        gc->DrawText("WHAT-IF", x + 2, 5);
        gc->SetFont(GetFont(), ink);
        x += w + 20;
    }
    for (const auto& [colour, name] : {std::pair{price_colour, "Price"}, std::pair{quality_colour, "Quality"},
                                       std::pair{social_colour, "Social value"}}) {
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(colour));
        gc->DrawRectangle(x, 7, 12, 12);
        gc->GetTextExtent(name, &w, &h);
        gc->DrawText(name, x + 16, 5);
        x += 16 + w + 18;
    }
    if (bars_.empty()) {
        gc->DrawText("No bid is ranked in this lot.", 4, legend_height + 2);
        return;
    }

    // Bid labels in a column as wide as the longest (within reason), then bars to a common scale.
    double label_width = 0;
    for (const auto& b : bars_) {
        gc->GetTextExtent(wx(b.label), &w, &h);
        label_width = std::max(label_width, w);
    }
    label_width = std::min(label_width, size.x * 0.4);
    double total_width = 0;
    gc->GetTextExtent("100.00", &total_width, &h);
    const double left = label_width + 10;
    const double right = size.x - total_width - 12;
    double scale_max = 100;
    for (const auto& b : bars_) scale_max = std::max(scale_max, b.total);
    const double per_mark = right > left ? (right - left) / scale_max : 0;

    double y = legend_height;
    for (const auto& b : bars_) {
        gc->Clip(0, y, label_width + 4, bar_height + bar_gap);
        gc->DrawText(wx(b.label), 4, y + 1);
        gc->ResetClip();
        double at = left;
        for (const auto& [value, colour] : {std::pair{b.price, price_colour}, std::pair{b.quality, quality_colour},
                                            std::pair{b.social_value, social_colour}}) {
            if (value <= 0) continue;
            gc->SetPen(wxPen(*wxWHITE, 1));  // a thin edge keeps adjacent segments apart in greyscale
            gc->SetBrush(wxBrush(colour));
            gc->DrawRectangle(at, y, value * per_mark, bar_height);
            at += value * per_mark;
        }
        gc->DrawText(wx(scoring::format_fixed(b.total, precision_)), at + 6, y + 1);
        y += bar_height + bar_gap;
    }
}

}  // namespace gui
