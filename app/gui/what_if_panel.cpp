#include "app/gui/what_if_panel.h"

#include <algorithm>
#include <cmath>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/slider.h>
#include <wx/stattext.h>

#include "app/gui/errors.h"

namespace gui {

namespace {

using scoring::GroupType;
using scoring::GroupWeights;

constexpr GroupType groups[] = {GroupType::price, GroupType::quality, GroupType::social_value};

double& part(GroupWeights& w, GroupType g) {
    return g == GroupType::price ? w.price : g == GroupType::quality ? w.quality : w.social_value;
}
double part(const GroupWeights& w, GroupType g) {
    return g == GroupType::price ? w.price : g == GroupType::quality ? w.quality : w.social_value;
}

const char* const slider_tip =
    "What-if weight of this group, in marks out of 100. Moving it shares the rest among the other groups in "
    "proportion to their current weights (equally if they are all 0), so the three always sum to 100. A group "
    "the lot does not have stays at 0. Nothing is saved.";

}  // namespace

GroupWeights rescale(const GroupWeights& now, GroupType moved, double value, const GroupWeights& declared) {
    std::vector<GroupType> others;
    for (const auto g : groups)
        if (g != moved && part(declared, g) > 0) others.push_back(g);
    if (others.empty() || part(declared, moved) <= 0) return now;
    value = std::clamp(value, 0.0, 100.0);
    const double rest = 100.0 - value;
    double before = 0;
    for (const auto g : others) before += part(now, g);
    GroupWeights out;
    part(out, moved) = value;
    double given = 0;
    for (std::size_t i = 0; i < others.size(); ++i) {
        // The last group takes what is left, so the sum is 100 despite rounding.
        const double share = i + 1 == others.size() ? rest - given
                             : before > 0          ? rest * part(now, others[i]) / before
                                                   : rest / static_cast<double>(others.size());
        part(out, others[i]) = std::max(0.0, share);
        given += part(out, others[i]);
    }
    return out;
}

WhatIfPanel::WhatIfPanel(wxWindow* parent, Changed changed) : wxPanel(parent, wxID_ANY), changed_(std::move(changed)) {
    auto* outer = new wxBoxSizer(wxVERTICAL);
    // The banner: yellow, bold, impossible to mistake for the tender's result.
    auto* banner = new wxPanel(this, wxID_ANY);
    banner->SetName("what_if_banner");
    banner->SetBackgroundColour(wxColour(255, 236, 120));
    auto* banner_text = new wxStaticText(banner, wxID_ANY, "WHAT-IF: not the tender's result; nothing is saved");
    banner_text->SetName("what_if_banner_text");
    banner_text->SetForegroundColour(*wxBLACK);
    banner_text->SetFont(banner_text->GetFont().Bold().Larger());
    auto* banner_sizer = new wxBoxSizer(wxHORIZONTAL);
    banner_sizer->Add(banner_text, 1, wxALL, 8);
    banner->SetSizer(banner_sizer);
    outer->Add(banner, 0, wxEXPAND | wxBOTTOM, 6);

    auto* lot_row = new wxBoxSizer(wxHORIZONTAL);
    lot_label_ = new wxStaticText(this, wxID_ANY, "Tr&y weights on lot:");
    lot_row->Add(lot_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    lot_choice_ = new wxChoice(this, wxID_ANY);
    lot_choice_->SetName("what_if_lot");
    lot_row->Add(lot_choice_, 0);
    outer->Add(lot_row, 0, wxBOTTOM, 4);

    auto* grid = new wxFlexGridSizer(3, 4, 8);
    grid->AddGrowableCol(1);
    const auto add = [&](const wxString& label, const char* name, wxStaticText*& value) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* s = new wxSlider(this, wxID_ANY, 0, 0, 100, wxDefaultPosition, wxSize(320, -1));
        s->SetName(name);
        s->SetToolTip(slider_tip);
        grid->Add(s, 1, wxEXPAND);
        value = new wxStaticText(this, wxID_ANY, "0.0", wxDefaultPosition, wxSize(60, -1));
        value->SetName(wxString(name) + "_value");
        grid->Add(value, 0, wxALIGN_CENTER_VERTICAL);
        return s;
    };
    price_ = add("&Price weight:", "weight_price", price_value_);
    quality_ = add("&Quality weight:", "weight_quality", quality_value_);
    social_ = add("&Social value weight:", "weight_social_value", social_value_);
    outer->Add(grid, 0, wxEXPAND | wxBOTTOM, 4);
    reset_ = new wxButton(this, wxID_ANY, "&Reset to the tender's weights");
    reset_->SetName("reset_weights");
    outer->Add(reset_, 0);
    SetSizer(outer);

    for (const auto g : groups) slider(g)->Bind(wxEVT_SLIDER, [this, g](wxCommandEvent&) { on_slider(g); });
    lot_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choose_lot(lot_choice_->GetSelection()); });
    reset_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reset(); });
}

wxSlider* WhatIfPanel::slider(GroupType group) {
    return group == GroupType::price ? price_ : group == GroupType::quality ? quality_ : social_;
}

void WhatIfPanel::set_lots(std::vector<WhatIfLot> lots) {
    lots_ = std::move(lots);
    lot_choice_->Clear();
    int keep = -1;
    for (std::size_t i = 0; i < lots_.size(); ++i) {
        lot_choice_->Append(wx("Lot " + lots_[i].id + ": " + lots_[i].name));
        if (lots_[i].id == lot_) keep = static_cast<int>(i);
    }
    // One lot in view: nothing to choose, so the chooser is out of the way.
    lot_choice_->Show(lots_.size() > 1);
    lot_label_->Show(lots_.size() > 1);
    if (keep >= 0) {
        lot_choice_->SetSelection(keep);
        declared_ = lots_[keep].declared;
        show_weights();
    } else {
        lot_.clear();
        choose_lot(lots_.empty() ? -1 : 0);
    }
    Layout();
}

void WhatIfPanel::choose_lot(int index) {
    if (index < 0 || index >= static_cast<int>(lots_.size())) {
        lot_.clear();
        declared_ = weights_ = {};
        show_weights();
        return;
    }
    lot_choice_->SetSelection(index);
    lot_ = lots_[index].id;
    declared_ = lots_[index].declared;
    reset();
}

void WhatIfPanel::reset() {
    weights_ = declared_;
    show_weights();
    if (changed_ && !lot_.empty()) changed_(lot_, weights_);
}

void WhatIfPanel::on_slider(GroupType group) {
    weights_ = rescale(weights_, group, slider(group)->GetValue(), declared_);
    show_weights();
    if (changed_ && !lot_.empty()) changed_(lot_, weights_);
}

// Sliders hold whole marks; the figures beside them show the exact shares the re-ranking uses.
void WhatIfPanel::show_weights() {
    const std::pair<GroupType, wxStaticText*> rows[] = {
        {GroupType::price, price_value_},
        {GroupType::quality, quality_value_},
        {GroupType::social_value, social_value_}};
    for (const auto& [g, label] : rows) {
        slider(g)->SetValue(static_cast<int>(std::lround(part(weights_, g))));
        slider(g)->Enable(part(declared_, g) > 0);
        label->SetLabel(part(declared_, g) > 0 ? wxString::Format("%.1f", part(weights_, g)) : wxString("absent"));
    }
    reset_->Enable(!lot_.empty());
}

}  // namespace gui
