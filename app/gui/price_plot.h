// A small plot of price marks against price for one lot's price method, over the bids' prices
// when the viewer may see them (bids drawn as dots) or over an example range otherwise.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <wx/panel.h>

#include "scoring/framework.h"

namespace gui {

class PricePlot : public wxPanel {
public:
    PricePlot(wxWindow* parent, wxWindowID id = wxID_ANY);

    /// Plots `rule` with `max_marks` (S). With `bids` (prices in minor units, the lot's bids in
    /// contention) the field and range come from them and each bid is a dot; with none, an
    /// example field of 80,000 to 160,000 is used and the plot says so.
    void show(const scoring::PriceRule& rule, double max_marks, std::vector<scoring::Money> bids,
              const std::string& currency);

    /// What the plot shows (tests and the caption): the curve's points as (price in minor
    /// units, marks), the bids' dots, whether the range is an example, and why nothing is drawn.
    const std::vector<std::pair<double, double>>& curve() const { return curve_; }
    const std::vector<std::pair<double, double>>& dots() const { return dots_; }
    bool example() const { return example_; }
    const std::string& problem() const { return problem_; }

    /// A picture, not a control: Tab passes it by (the numbers are in the controls beside it).
    bool AcceptsFocus() const override { return false; }

private:
    void on_paint(wxPaintEvent&);
    void compute();

    scoring::PriceRule rule_;
    double max_marks_ = 0;
    std::vector<scoring::Money> bids_;
    std::string currency_;
    std::vector<std::pair<double, double>> curve_;
    std::vector<std::pair<double, double>> dots_;
    double x_low_ = 0, x_high_ = 1;
    bool example_ = true;
    std::string problem_;
};

}  // namespace gui
