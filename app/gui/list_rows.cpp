#include "app/gui/list_rows.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>

#include "scoring/money.h"

namespace gui {

void add_columns(wxListCtrl* list, std::initializer_list<Column> columns) {
    int i = 0;
    for (const auto& c : columns) list->InsertColumn(i++, c.title, c.format, list->FromDIP(c.width));
}

void set_row(wxListCtrl* list, long row, const std::vector<wxString>& cells) {
    if (row >= list->GetItemCount()) row = list->InsertItem(row, cells.empty() ? wxString() : cells[0]);
    for (std::size_t c = 0; c < cells.size(); ++c) list->SetItem(row, static_cast<int>(c), cells[c]);
}

std::string money_text(scoring::Money amount) {
    std::string plain = scoring::format_money(amount);  // "-1234567.89"
    const std::size_t sign = plain[0] == '-' ? 1 : 0;
    const std::size_t point = plain.find('.');
    std::size_t end = point == std::string::npos ? plain.size() : point;
    while (end > sign + 3) {
        end -= 3;
        plain.insert(end, ",");
    }
    return plain;
}

wxListCtrl* add_list_and_editor(wxWindow* parent, wxSizer* into, const char* name,
                                std::initializer_list<Column> columns, wxSizer*& editor) {
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(560, -1), wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName(name);
    add_columns(list, columns);
    body->Add(list, 3, wxEXPAND | wxRIGHT, 8);
    editor = new wxBoxSizer(wxVERTICAL);
    body->Add(editor, 2, wxEXPAND);
    into->Add(body, 1, wxEXPAND);
    return list;
}

}  // namespace gui
