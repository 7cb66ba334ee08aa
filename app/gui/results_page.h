// The Results screen: per lot, the ranking with price, quality and social-value marks, totals
// and flags, the tie-break record and a stacked bar chart of the marks; and a what-if mode that
// re-ranks live under other top-level weights without changing the tender.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/core/package.h"
#include "app/core/package_evaluation.h"
#include "app/gui/page.h"
#include "scoring/what_if.h"

class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;
class wxToggleButton;

namespace gui {

class MarksChart;
class WhatIfPanel;

class ResultsPage : public Page {
public:
    ResultsPage(wxWindow* parent, Session& session);

    /// Enters or leaves what-if mode, as the What-if button does. Leaving shows the real result.
    void set_what_if(bool on);
    bool what_if() const { return what_if_; }

    /// The tender's result as evaluated by the core, and what each lot's section shows now
    /// (the what-if re-ranking for the what-if lot while in what-if mode).
    const core::PackageResult& result() const { return result_; }
    const scoring::LotResult* shown(const std::string& lot) const;

protected:
    void refresh() override;

private:
    // One lot's part of the page.
    struct Section {
        std::string lot;
        wxStaticText* heading = nullptr;
        wxListCtrl* list = nullptr;
        wxStaticText* ties = nullptr;
        MarksChart* chart = nullptr;
        scoring::LotResult shown;
    };

    void clear();
    void add_section(const scoring::LotResult& result);
    void fill(Section& section, const scoring::LotResult& result, bool what_if);
    void try_weights(const std::string& lot, const scoring::GroupWeights& weights);
    void show_real();

    core::Package package_;
    core::PackageResult result_;
    std::vector<Section> sections_;
    bool what_if_ = false;

    wxToggleButton* toggle_ = nullptr;
    wxStaticText* hint_ = nullptr;
    WhatIfPanel* what_if_panel_ = nullptr;
    wxScrolledWindow* lots_ = nullptr;
};

}  // namespace gui
