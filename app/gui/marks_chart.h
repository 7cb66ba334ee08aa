// A stacked horizontal bar chart of one lot's marks: one bar per ranked bid, segments for price,
// quality and social value in a colour-blind-safe palette, a legend, and the total at the end.
#pragma once

#include <string>
#include <vector>

#include <wx/panel.h>

namespace gui {

struct MarksBar {
    std::string label;  // "1. B03 Ridgeway Surfacing Ltd"
    double price = 0;
    double quality = 0;
    double social_value = 0;
    double total = 0;
};

class MarksChart : public wxPanel {
public:
    explicit MarksChart(wxWindow* parent, wxWindowID id = wxID_ANY);

    /// Shows `bars` in the order given, totals at `precision` decimal places; `what_if` marks
    /// the chart as a what-if re-ranking, not the tender's result.
    void show(std::vector<MarksBar> bars, int precision, bool what_if);

    const std::vector<MarksBar>& bars() const { return bars_; }
    bool what_if() const { return what_if_; }

    /// A picture, not a control: Tab passes it by (the numbers are in the controls beside it).
    bool AcceptsFocus() const override { return false; }

private:
    void on_paint(wxPaintEvent&);

    std::vector<MarksBar> bars_;
    int precision_ = 2;
    bool what_if_ = false;
};

}  // namespace gui
