#include "app/gui/price_plot.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include "app/gui/errors.h"
#include "scoring/price_methods.h"

namespace gui {

namespace {

// The example field when no prices may be shown: 80% to 160% of a nominal 100,000.00.
constexpr scoring::Money example_low = 8000000;
constexpr scoring::Money example_high = 16000000;
constexpr int samples = 160;

// Axis labels in major units, thousands shortened ("120k"): the plot is small.
wxString axis_money(double minor) {
    const double major = minor / 100.0;
    if (std::fabs(major) >= 10000) return wxString::Format("%.0fk", major / 1000.0);
    return wxString::Format("%.0f", major);
}

}  // namespace

PricePlot::PricePlot(wxWindow* parent, wxWindowID id) : wxPanel(parent, id) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);  // every pixel is painted: buffered without flicker
    SetMinSize(wxSize(340, 210));
    Bind(wxEVT_PAINT, &PricePlot::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void PricePlot::show(const scoring::PriceRule& rule, double max_marks, std::vector<scoring::Money> bids,
                     const std::string& currency) {
    rule_ = rule;
    max_marks_ = max_marks;
    bids_ = std::move(bids);
    currency_ = currency;
    compute();
    Refresh();
}

void PricePlot::compute() {
    curve_.clear();
    dots_.clear();
    problem_.clear();
    example_ = bids_.empty();
    scoring::PriceField field;
    if (example_) {
        field = {example_low, example_high};
    } else {
        const auto [lo, hi] = std::minmax_element(bids_.begin(), bids_.end());
        field = {*lo, *hi};
    }
    double lo = static_cast<double>(field.pmin);
    double hi = static_cast<double>(field.pmax);
    // Declared prices belong on the plot too: the ceiling and the absolute scale's ends.
    if (rule_.method == scoring::PriceMethod::ceiling_pro_rata && rule_.ceiling > 0)
        hi = std::max(hi, static_cast<double>(rule_.ceiling));
    if (rule_.method == scoring::PriceMethod::absolute_scale && rule_.high > rule_.low && rule_.low > 0) {
        lo = std::min(lo, static_cast<double>(rule_.low));
        hi = std::max(hi, static_cast<double>(rule_.high));
    }
    const double span = hi > lo ? hi - lo : 0.2 * lo;
    x_low_ = std::max(1.0, lo - 0.05 * span);
    x_high_ = hi + 0.1 * span;
    if (max_marks_ <= 0) {
        problem_ = "The lot has no price group, so no price marks to plot.";
        return;
    }
    // The curve comes from the scoring library's own price function: the plot cannot disagree
    // with the evaluation.
    try {
        for (int i = 0; i <= samples; ++i) {
            const double x = x_low_ + (x_high_ - x_low_) * i / samples;
            curve_.emplace_back(x, scoring::price_marks(rule_, std::llround(x), field, max_marks_));
        }
        for (const auto price : bids_)
            dots_.emplace_back(static_cast<double>(price), scoring::price_marks(rule_, price, field, max_marks_));
    } catch (const std::invalid_argument& e) {
        curve_.clear();
        dots_.clear();
        problem_ = std::string("Cannot plot: ") + e.what();
    }
}

void PricePlot::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxColour ink = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxFont font = GetFont();
    gc->SetFont(font, ink);
    const wxSize size = GetClientSize();
    const double left = 52, right = size.x - 12, top = 24, bottom = size.y - 30;
    const wxString caption =
        example_ ? wxString("Marks against price: an example, 80k to 160k")
                 : wxString::Format("Marks against price: %zu bids (%s)", bids_.size(), wx(currency_));
    gc->DrawText(caption, 6, 4);
    if (!problem_.empty() || right <= left || bottom <= top) {
        gc->DrawText(wx(problem_), left, top + 10);
        return;
    }
    double y_high = max_marks_;
    for (const auto& [x, y] : curve_) y_high = std::max(y_high, std::min(y, 1.25 * max_marks_));
    const auto px = [&](double x) { return left + (x - x_low_) / (x_high_ - x_low_) * (right - left); };
    const auto py = [&](double y) { return bottom - std::min(y, y_high) / y_high * (bottom - top); };

    // Axes and ticks: marks 0, S/2, S; five prices across the range.
    gc->SetPen(wxPen(ink, 1));
    gc->StrokeLine(left, top, left, bottom);
    gc->StrokeLine(left, bottom, right, bottom);
    gc->SetPen(wxPen(wxColour(200, 200, 200), 1, wxPENSTYLE_DOT));
    for (const double y : {0.0, max_marks_ / 2, max_marks_}) {
        gc->StrokeLine(left, py(y), right, py(y));
        double w = 0, h = 0;
        const wxString label = wxString::Format("%g", std::round(y * 10) / 10);
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, left - w - 4, py(y) - h / 2);
    }
    for (int i = 0; i <= 4; ++i) {
        const double x = x_low_ + (x_high_ - x_low_) * i / 4;
        double w = 0, h = 0;
        const wxString label = axis_money(x);
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, std::clamp(px(x) - w / 2, 0.0, size.x - w), bottom + 4);
    }

    // The curve (Okabe-Ito blue), then the bids as orange dots with a dark edge.
    wxGraphicsPath path = gc->CreatePath();
    for (std::size_t i = 0; i < curve_.size(); ++i) {
        const double x = px(curve_[i].first), y = py(curve_[i].second);
        if (i == 0) path.MoveToPoint(x, y);
        else path.AddLineToPoint(x, y);
    }
    gc->SetPen(wxPen(wxColour(0, 114, 178), 2));
    gc->StrokePath(path);
    gc->SetPen(wxPen(wxColour(60, 60, 60), 1));
    gc->SetBrush(wxBrush(wxColour(230, 159, 0)));
    for (const auto& [x, y] : dots_) gc->DrawEllipse(px(x) - 4, py(y) - 4, 8, 8);
}

}  // namespace gui
