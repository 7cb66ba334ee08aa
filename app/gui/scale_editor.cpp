#include "app/gui/scale_editor.h"

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"
#include "scoring/money.h"

namespace gui {

ScaleEditor::ScaleEditor(wxWindow* parent, std::function<void()> edited)
    : wxPanel(parent, wxID_ANY), edited_(std::move(edited)) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, "Scale of the selected question");
    auto* panel = box->GetStaticBox();
    heading_ = new wxStaticText(panel, wxID_ANY, "Select a question to see its scale.");
    heading_->SetName("scale_heading");
    heading_->SetMinSize(wxSize(200, -1));
    box->Add(heading_, 0, wxALL | wxEXPAND, 4);
    points_ = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxSize(300, 150), wxLC_REPORT | wxLC_SINGLE_SEL);
    points_->SetName("scale_view");
    points_->AppendColumn("Value", wxLIST_FORMAT_RIGHT, 50);
    points_->AppendColumn("Label", wxLIST_FORMAT_LEFT, 110);
    points_->AppendColumn("Descriptor", wxLIST_FORMAT_LEFT, 420);
    box->Add(points_, 1, wxEXPAND | wxALL, 4);

    auto* grid = new wxFlexGridSizer(2, 4, 6);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(panel, wxID_ANY, "Point &label:"), 0, wxALIGN_CENTER_VERTICAL);
    label_ = new wxTextCtrl(panel, wxID_ANY);
    label_->SetName("point_label");
    grid->Add(label_, 1, wxEXPAND);
    grid->Add(new wxStaticText(panel, wxID_ANY, "&Descriptor:"), 0, wxALIGN_TOP);
    descriptor_ = new wxTextCtrl(panel, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE);
    descriptor_->SetName("point_descriptor");
    grid->Add(descriptor_, 1, wxEXPAND);
    box->Add(grid, 0, wxEXPAND | wxALL, 4);
    SetSizer(box);

    points_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { select_point(static_cast<int>(e.GetIndex())); });
    label_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_text(); });
    descriptor_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_text(); });
}

scoring::Scale* ScaleEditor::scale() {
    if (!framework_) return nullptr;
    for (auto& s : framework_->scales)
        if (s.id == scale_id_) return &s;
    return nullptr;
}

void ScaleEditor::show(scoring::Framework* framework, const std::string& scale_id, int used_by, bool editable) {
    framework_ = framework;
    scale_id_ = scale_id;
    point_ = -1;
    const auto* s = scale();
    if (!s) {
        heading_->SetLabel(scale_id.empty() ? wxString("Select a question to see its scale.")
                                            : wx("Scale \"" + scale_id + "\" is not defined in the framework."));
    } else {
        std::string text = s->name + " (" + s->id + "): ";
        text += s->points.empty() ? std::string("no points")
                                  : "points " + scoring::format_number(s->minimum()) + " to " +
                                        scoring::format_number(s->maximum());
        text += s->intermediate ? ", scores between points allowed" : ", scores on the points only";
        if (used_by > 1)
            text += ".\nShared by " + std::to_string(used_by) + " questions: a change here changes them all.";
        heading_->SetLabel(wx(text));
    }
    // Wrapped to the side column: a long line would widen it past the window.
    heading_->Wrap(std::max(260, GetParent()->GetClientSize().x - 40));
    label_->SetEditable(editable);
    descriptor_->SetEditable(editable);
    fill_list();
    select_point(s && !s->points.empty() ? 0 : -1);
}

void ScaleEditor::fill_list() {
    points_->DeleteAllItems();
    const auto* s = scale();
    if (!s) return;
    for (std::size_t i = 0; i < s->points.size(); ++i) {
        const auto& p = s->points[i];
        const long row = points_->InsertItem(static_cast<long>(i), wx(scoring::format_number(p.value)));
        points_->SetItem(row, 1, wx(p.label));
        points_->SetItem(row, 2, wx(p.descriptor));
    }
}

void ScaleEditor::select_point(int index) {
    const auto* s = scale();
    point_ = s && index >= 0 && index < static_cast<int>(s->points.size()) ? index : -1;
    // Filling the fields is not an edit: ChangeValue sends no event, and the flag covers the rest.
    filling_ = true;
    label_->ChangeValue(point_ >= 0 ? wx(s->points[point_].label) : wxString());
    descriptor_->ChangeValue(point_ >= 0 ? wx(s->points[point_].descriptor) : wxString());
    filling_ = false;
    label_->Enable(point_ >= 0);
    descriptor_->Enable(point_ >= 0);
    if (point_ >= 0 && points_->GetItemState(point_, wxLIST_STATE_SELECTED) == 0)
        points_->SetItemState(point_, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void ScaleEditor::on_text() {
    auto* s = scale();
    if (filling_ || !s || point_ < 0 || !label_->IsEditable()) return;
    auto& p = s->points[point_];
    p.label = utf8(label_->GetValue());
    p.descriptor = utf8(descriptor_->GetValue());
    points_->SetItem(point_, 1, wx(p.label));
    points_->SetItem(point_, 2, wx(p.descriptor));
    if (edited_) edited_();
}

}  // namespace gui
