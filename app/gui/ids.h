// Command ids of the menus, toolbar and shortcuts (standard actions use wx's own ids).
#pragma once

#include <wx/defs.h>

namespace gui::id {

enum : int {
    navigator = wxID_HIGHEST + 1,
    import_package,
    import_bids,
    import_sheet,
    export_sheet,
    export_excel,
    summaries,
    next_phase,
    earlier_phase,
    identity,
    verify,
    lot_choice,
    refresh,
    focus_navigator,
    self_assess,
    go_first,  // go_first + i: page i of all_pages (Ctrl+1 ... Ctrl+9)
    go_last = go_first + 8,
};

}  // namespace gui::id
