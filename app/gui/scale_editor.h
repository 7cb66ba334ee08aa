// The Framework page's side panel for a question's scale: its points with label and descriptor,
// and the selected point's label and descriptor editable while the framework may be changed.
#pragma once

#include <functional>
#include <string>

#include <wx/panel.h>

#include "scoring/framework.h"

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class ScaleEditor : public wxPanel {
public:
    /// `edited` is called after every change the user makes to a point.
    ScaleEditor(wxWindow* parent, std::function<void()> edited);

    /// Shows scale `scale_id` of `framework` ("" or unknown: none), editing it in place when
    /// `editable`. `used_by` says how many questions share it (an edit changes them all).
    void show(scoring::Framework* framework, const std::string& scale_id, int used_by, bool editable);
    /// Selects point `index` (its label and descriptor go to the edit fields).
    void select_point(int index);

private:
    scoring::Scale* scale();
    void fill_list();
    void on_text();

    std::function<void()> edited_;
    scoring::Framework* framework_ = nullptr;
    std::string scale_id_;
    int point_ = -1;
    bool filling_ = false;
    wxStaticText* heading_ = nullptr;
    wxListCtrl* points_ = nullptr;
    wxTextCtrl* label_ = nullptr;
    wxTextCtrl* descriptor_ = nullptr;
};

}  // namespace gui
