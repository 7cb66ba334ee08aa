// New tender from a template: the framework, the tender's name and reference, the officer and
// where to save the workbook.
#pragma once

#include <string>
#include <vector>

#include <wx/dialog.h>

#include "app/core/templates.h"

class wxChoice;
class wxTextCtrl;
class wxFilePickerCtrl;

namespace gui {

struct NewTenderChoice {
    std::string file;
    std::string template_path;
    std::string name;
    std::string reference;
    std::string officer_id;
    std::string officer_name;
};

class NewTenderDialog : public wxDialog {
public:
    explicit NewTenderDialog(wxWindow* parent);
    NewTenderChoice tender() const;

private:
    bool TransferDataFromWindow() override;  // refuses empty fields, saying which

    std::vector<core::TemplateInfo> templates_;
    wxChoice* template_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* reference_ = nullptr;
    wxTextCtrl* officer_id_ = nullptr;
    wxTextCtrl* officer_name_ = nullptr;
    wxFilePickerCtrl* file_ = nullptr;
};

}  // namespace gui
