// Small helpers for the report-style lists of the Bids, Evaluators and Audit pages: columns,
// rows and money as people read it.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <wx/listbase.h>
#include <wx/string.h>

#include "scoring/framework.h"

class wxListCtrl;
class wxSizer;
class wxWindow;

namespace gui {

struct Column {
    const char* title;
    int width;
    wxListColumnFormat format = wxLIST_FORMAT_LEFT;
};

void add_columns(wxListCtrl* list, std::initializer_list<Column> columns);
/// A single-selection report list named `name` on the left (3/5 of the width) and an editor
/// column on the right (2/5), added to `into`: the Scoring and Moderation pages' layout.
/// Returns the list; the editor's controls go into `editor`.
wxListCtrl* add_list_and_editor(wxWindow* parent, wxSizer* into, const char* name,
                                std::initializer_list<Column> columns, wxSizer*& editor);
/// Sets row `row` (appending it when it is the next one) to `cells`, one per column.
void set_row(wxListCtrl* list, long row, const std::vector<wxString>& cells);
/// 489000.00 as "489,000.00": the figure in pounds with thousands separators.
std::string money_text(scoring::Money amount);

}  // namespace gui
