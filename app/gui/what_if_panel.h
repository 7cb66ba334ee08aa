// The Results page's what-if controls: a yellow banner saying nothing is saved, one slider per
// top-level group weight kept summing to 100, and a reset to the tender's declared weights.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "scoring/framework.h"
#include "scoring/what_if.h"

class wxButton;
class wxChoice;
class wxSlider;
class wxStaticText;

namespace gui {

/// The rule the sliders follow: group `moved` is set to `value` (0-100) and the other groups
/// present in the lot (declared weight above 0) share the rest in proportion to their current
/// weights, or equally when those are all 0; groups absent from the lot stay at 0. With no
/// other group to take the rest, nothing changes.
scoring::GroupWeights rescale(const scoring::GroupWeights& now, scoring::GroupType moved, double value,
                              const scoring::GroupWeights& declared);

struct WhatIfLot {
    std::string id;
    std::string name;
    scoring::GroupWeights declared;
};

class WhatIfPanel : public wxPanel {
public:
    /// `changed` is called with the lot and its what-if weights after every move and reset.
    using Changed = std::function<void(const std::string& lot, const scoring::GroupWeights& weights)>;
    WhatIfPanel(wxWindow* parent, Changed changed);

    /// The lots whose weights may be tried (the first is chosen); keeps the current lot and its
    /// weights if it is among them.
    void set_lots(std::vector<WhatIfLot> lots);
    /// Back to the chosen lot's declared weights (calls `changed`).
    void reset();

    const std::string& lot() const { return lot_; }
    const scoring::GroupWeights& weights() const { return weights_; }

private:
    void choose_lot(int index);
    void on_slider(scoring::GroupType group);
    void show_weights();
    wxSlider* slider(scoring::GroupType group);

    Changed changed_;
    std::vector<WhatIfLot> lots_;
    std::string lot_;
    scoring::GroupWeights declared_;
    scoring::GroupWeights weights_;
    wxChoice* lot_choice_ = nullptr;
    wxStaticText* lot_label_ = nullptr;
    wxSlider* price_ = nullptr;
    wxSlider* quality_ = nullptr;
    wxSlider* social_ = nullptr;
    wxStaticText* price_value_ = nullptr;
    wxStaticText* quality_value_ = nullptr;
    wxStaticText* social_value_ = nullptr;
    wxButton* reset_ = nullptr;
};

}  // namespace gui
