#include "app/gui/identity_dialog.h"

#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/gui/errors.h"

namespace gui {

IdentityDialog::IdentityDialog(wxWindow* parent, std::vector<core::Evaluator> panel, const std::string& current)
    : wxDialog(parent, wxID_ANY, "Who are you?"), panel_(std::move(panel)) {
    SetName("identity_dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(
        this, wxID_ANY,
        "Choose yourself from the tender's panel. What you can see and do follows your role: evaluators see "
        "only their own scores until moderation and no prices before price opening; the moderator records "
        "consensus; the officer runs the tender. Everything you do is recorded under your name.");
    text->Wrap(460);
    sizer->Add(text, 0, wxALL, 10);
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(460, 200));
    list_->SetName("panel_list");
    int selected = panel_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < panel_.size(); ++i) {
        const auto& e = panel_[i];
        list_->Append(wx(e.name + " (" + e.id + "), " + core::to_string(e.role)));
        if (e.id == current) selected = static_cast<int>(i);
    }
    if (selected != wxNOT_FOUND) list_->SetSelection(selected);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(sizer);
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { EndModal(wxID_OK); });
    FindWindow(wxID_OK)->Enable(!panel_.empty());
    list_->SetFocus();
}

std::string IdentityDialog::chosen() const {
    const int i = list_->GetSelection();
    return i == wxNOT_FOUND ? std::string() : panel_[static_cast<std::size_t>(i)].id;
}

}  // namespace gui
