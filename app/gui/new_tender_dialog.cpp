#include "app/gui/new_tender_dialog.h"

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/errors.h"

namespace gui {

NewTenderDialog::NewTenderDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, "New tender from a template"), templates_(core::list_templates()) {
    SetName("new_tender_dialog");
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    const auto row = [&](const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
    };
    template_ = new wxChoice(this, wxID_ANY);
    for (const auto& t : templates_) template_->Append(wx(t.title + " (" + t.name + ")"));
    if (!templates_.empty()) template_->SetSelection(0);
    row("&Framework template:", template_);
    name_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(360, -1));
    row("Tender &name:", name_);
    reference_ = new wxTextCtrl(this, wxID_ANY);
    row("&Reference:", reference_);
    officer_id_ = new wxTextCtrl(this, wxID_ANY);
    officer_id_->SetHint("e.g. jsmith");
    row("Your &id:", officer_id_);
    officer_name_ = new wxTextCtrl(this, wxID_ANY);
    row("Your full na&me:", officer_name_);
    file_ = new wxFilePickerCtrl(this, wxID_ANY, "", "Save the workbook as", "TenderBench workbooks (*.tender)|*.tender",
                                 wxDefaultPosition, wxDefaultSize, wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    row("&Save as:", file_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, 12);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);
    name_->SetFocus();
}

bool NewTenderDialog::TransferDataFromWindow() {
    wxString missing;
    if (template_->GetSelection() == wxNOT_FOUND) missing += "a framework template (none found: see README)\n";
    if (name_->GetValue().Trim().empty()) missing += "the tender's name\n";
    if (reference_->GetValue().Trim().empty()) missing += "its reference\n";
    if (officer_id_->GetValue().Trim().empty()) missing += "your id\n";
    if (officer_name_->GetValue().Trim().empty()) missing += "your full name\n";
    if (file_->GetPath().empty()) missing += "where to save the workbook\n";
    if (missing.empty()) return true;
    wxMessageBox("Please give:\n" + missing, "New tender", wxOK | wxICON_INFORMATION, this);
    return false;
}

NewTenderChoice NewTenderDialog::tender() const {
    NewTenderChoice t;
    std::string file = utf8(file_->GetPath());
    if (std::filesystem::path(file).extension() != ".tender") file += ".tender";
    t.file = file;
    const int i = template_->GetSelection();
    if (i != wxNOT_FOUND) t.template_path = templates_[static_cast<std::size_t>(i)].path.string();
    t.name = utf8(name_->GetValue().Trim());
    t.reference = utf8(reference_->GetValue().Trim());
    t.officer_id = utf8(officer_id_->GetValue().Trim());
    t.officer_name = utf8(officer_name_->GetValue().Trim());
    return t;
}

}  // namespace gui
