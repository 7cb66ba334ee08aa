// The Framework page's price method chooser for one lot: the method and its parameters, its
// formula and description in words, and a plot of the marks it gives against price.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "scoring/framework.h"

class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class PricePlot;

class PriceMethodPanel : public wxPanel {
public:
    /// `edited` is called after every change the user makes to the lot's price rule.
    PriceMethodPanel(wxWindow* parent, std::function<void()> edited);

    /// Shows the price rule of lot `lot` of `framework`, which the panel edits in place when
    /// `editable`. `bids` are the lot's bid prices in contention if the viewer may see them
    /// (empty: the plot uses an example range).
    void show(scoring::Framework* framework, const std::string& lot, std::vector<scoring::Money> bids,
              bool editable);
    /// Re-reads the rule and the price weight (after an edit elsewhere) for the formula and plot.
    void update_view();

    /// Parameters typed that are not numbers or amounts, one line each (empty when all read).
    const std::vector<std::string>& input_problems() const { return problems_; }
    PricePlot* plot() { return plot_; }

private:
    scoring::Lot* lot();
    void fill_parameters();
    void on_method();
    void on_parameter();

    std::function<void()> edited_;
    scoring::Framework* framework_ = nullptr;
    std::string lot_;
    std::vector<scoring::Money> bids_;
    std::vector<std::string> problems_;
    wxStaticText* heading_ = nullptr;
    wxChoice* method_ = nullptr;
    wxFlexGridSizer* parameters_ = nullptr;
    wxTextCtrl* spread_ = nullptr;
    wxTextCtrl* ceiling_ = nullptr;
    wxTextCtrl* exponent_ = nullptr;
    wxTextCtrl* low_ = nullptr;
    wxTextCtrl* high_ = nullptr;
    wxStaticText* formula_ = nullptr;
    wxStaticText* description_ = nullptr;
    PricePlot* plot_ = nullptr;
};

}  // namespace gui
