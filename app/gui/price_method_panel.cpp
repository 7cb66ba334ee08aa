#include "app/gui/price_method_panel.h"

#include <optional>

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "app/gui/price_plot.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"

namespace gui {

namespace {

// Every method the scoring library knows, in its enum order. The enum has no list of its own;
// to_string() names each one and answers "?" past the last, so a new method shows up here too.
std::vector<scoring::PriceMethod> price_methods() {
    std::vector<scoring::PriceMethod> out;
    for (int i = 0; to_string(static_cast<scoring::PriceMethod>(i)) != "?"; ++i)
        out.push_back(static_cast<scoring::PriceMethod>(i));
    return out;
}

wxTextCtrl* parameter(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const char* name,
                      const wxString& tip) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* text = new wxTextCtrl(parent, wxID_ANY);
    text->SetName(name);
    text->SetToolTip(tip);
    grid->Add(text, 1, wxEXPAND);
    return text;
}

std::optional<double> read_number(const wxString& text) {
    double value = 0;
    if (!text.Strip(wxString::both).ToCDouble(&value)) return std::nullopt;
    return value;
}

}  // namespace

PriceMethodPanel::PriceMethodPanel(wxWindow* parent, std::function<void()> edited)
    : wxPanel(parent, wxID_ANY), edited_(std::move(edited)) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, "Price method");
    auto* panel = box->GetStaticBox();
    heading_ = new wxStaticText(panel, wxID_ANY, "");
    box->Add(heading_, 0, wxALL, 4);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(panel, wxID_ANY, "&Method:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    method_ = new wxChoice(panel, wxID_ANY);
    method_->SetName("price_method_choice");
    for (const auto m : price_methods()) method_->Append(wx(to_string(m)));
    row->Add(method_, 1);
    box->Add(row, 0, wxEXPAND | wxALL, 4);

    parameters_ = new wxFlexGridSizer(2, 4, 6);
    parameters_->AddGrowableCol(1);
    spread_ = parameter(panel, parameters_, "S&pread d:", "price_spread",
                        "Zero marks at a price (1 + d) times the lowest; d = 1: zero at twice the lowest");
    ceiling_ = parameter(panel, parameters_, "Ce&iling C:", "price_ceiling",
                         "The declared ceiling price, e.g. 125000.00: zero marks at or above it");
    exponent_ = parameter(panel, parameters_, "E&xponent n:", "price_exponent",
                          "The power of the ratio to the lowest price; 2 is the Swiss 'prix au carre'");
    low_ = parameter(panel, parameters_, "L&ow price:", "price_low",
                     "Full marks at or below this price, declared before bids are opened, e.g. 90000.00");
    high_ = parameter(panel, parameters_, "Hi&gh price:", "price_high",
                      "Zero marks at or above this price, declared before bids are opened");
    box->Add(parameters_, 0, wxEXPAND | wxALL, 4);

    formula_ = new wxStaticText(panel, wxID_ANY, "");
    formula_->SetName("price_formula");
    formula_->SetFont(formula_->GetFont().Bold());
    box->Add(formula_, 0, wxALL, 4);
    description_ = new wxStaticText(panel, wxID_ANY, "");
    description_->SetName("price_description");
    box->Add(description_, 0, wxALL | wxEXPAND, 4);
    plot_ = new PricePlot(panel);
    plot_->SetName("price_plot");
    box->Add(plot_, 1, wxEXPAND | wxALL, 4);
    SetSizer(box);

    method_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_method(); });
    for (auto* text : {spread_, ceiling_, exponent_, low_, high_})
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_parameter(); });
}

scoring::Lot* PriceMethodPanel::lot() {
    if (!framework_) return nullptr;
    for (auto& l : framework_->lots)
        if (l.id == lot_) return &l;
    return nullptr;
}

void PriceMethodPanel::show(scoring::Framework* framework, const std::string& lot_id,
                            std::vector<scoring::Money> bids, bool editable) {
    framework_ = framework;
    lot_ = lot_id;
    bids_ = std::move(bids);
    problems_.clear();
    const auto* l = lot();
    heading_->SetLabel(l ? wx("Lot " + l->id + ": " + l->name) : wxString("No lot"));
    method_->Enable(editable && l);
    for (auto* text : {spread_, ceiling_, exponent_, low_, high_}) text->SetEditable(editable);
    fill_parameters();
    update_view();
}

// Puts the rule's values in the fields (ChangeValue: no edit events) and shows only the
// parameters the method takes, as the framework file allows no others.
void PriceMethodPanel::fill_parameters() {
    const auto* l = lot();
    if (!l) return;
    const auto& p = l->price;
    method_->SetSelection(static_cast<int>(p.method));
    spread_->ChangeValue(wx(scoring::format_number(p.spread)));
    ceiling_->ChangeValue(wx(scoring::format_money(p.ceiling)));
    exponent_->ChangeValue(wx(scoring::format_number(p.exponent)));
    low_->ChangeValue(wx(scoring::format_money(p.low)));
    high_->ChangeValue(wx(scoring::format_money(p.high)));
    using M = scoring::PriceMethod;
    const std::pair<wxTextCtrl*, bool> shown[] = {{spread_, p.method == M::linear_from_lowest},
                                                  {ceiling_, p.method == M::ceiling_pro_rata},
                                                  {exponent_, p.method == M::power_ratio},
                                                  {low_, p.method == M::absolute_scale},
                                                  {high_, p.method == M::absolute_scale}};
    for (const auto& [text, show] : shown) {
        parameters_->Show(text, show);
        // The label is the item just before its field in the grid.
        for (std::size_t i = 1; i < parameters_->GetItemCount(); ++i)
            if (parameters_->GetItem(i)->GetWindow() == text) parameters_->GetItem(i - 1)->Show(show);
    }
    Layout();
}

void PriceMethodPanel::update_view() {
    const auto* l = lot();
    if (!l) {
        formula_->SetLabel("");
        description_->SetLabel("");
        plot_->show({}, 0, {}, "");
        return;
    }
    wxString formula = "marks = " + wx(scoring::formula(l->price));
    formula.Replace("*", wxString::FromUTF8("\xC3\x97"));  // the multiplication sign of domain.md
    formula_->SetLabel(formula);
    description_->SetLabel(wx(scoring::describe(l->price)) +
                           (l->price.declared ? wxString() : wxString("\n(No price method is declared yet.)")));
    description_->Wrap(380);  // the side column's usual width; the panel may not be sized yet
    plot_->show(l->price, scoring::group_weight(*l, scoring::GroupType::price), bids_,
                framework_ ? framework_->currency : std::string());
    Layout();
}

void PriceMethodPanel::on_method() {
    auto* l = lot();
    if (!l || method_->GetSelection() < 0) return;
    l->price.method = static_cast<scoring::PriceMethod>(method_->GetSelection());
    l->price.declared = true;
    problems_.clear();
    fill_parameters();
    update_view();
    if (edited_) edited_();
}

void PriceMethodPanel::on_parameter() {
    auto* l = lot();
    if (!l) return;
    problems_.clear();
    auto& p = l->price;
    const auto number = [&](wxTextCtrl* text, double& into, const char* what) {
        if (!text->IsShown()) return;
        if (const auto v = read_number(text->GetValue())) into = *v;
        else
            problems_.push_back("lot " + lot_ + ": " + what + " \"" + utf8(text->GetValue()) +
                                "\" is not a number; e.g. 0.5");
    };
    const auto money = [&](wxTextCtrl* text, scoring::Money& into, const char* what) {
        if (!text->IsShown()) return;
        if (const auto v = scoring::parse_money(utf8(text->GetValue().Strip(wxString::both)))) into = *v;
        else
            problems_.push_back("lot " + lot_ + ": " + what + " \"" + utf8(text->GetValue()) +
                                "\" is not an amount; digits with at most 2 decimals, e.g. 125000.00");
    };
    number(spread_, p.spread, "the spread d");
    money(ceiling_, p.ceiling, "the ceiling C");
    number(exponent_, p.exponent, "the exponent n");
    money(low_, p.low, "the low price");
    money(high_, p.high, "the high price");
    p.declared = true;
    update_view();
    if (edited_) edited_();
}

}  // namespace gui
