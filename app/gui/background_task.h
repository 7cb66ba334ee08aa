// Long work (import, export) on a worker thread while a progress dialog with Cancel keeps the
// window alive; the work opens its own connection to the workbook, never the screens' one.
#pragma once

#include <filesystem>
#include <functional>

#include <wx/string.h>

#include "app/core/progress.h"
#include "app/core/workbook.h"

class wxWindow;

namespace gui {

/// Runs `work` on a worker thread, showing its progress in a modal dialog with Cancel (which
/// asks the work to stop at its next safe point: core::Cancelled). Returns when the work has
/// ended; an exception thrown by the work is rethrown here, on the UI thread.
void run_in_background(wxWindow* parent, const wxString& title, const std::function<void(core::Progress&)>& work);

/// The background work's own connection to the workbook at `file`, read-only: exports and verify
/// only read, so they never hold a write lock.
core::Workbook open_read_only(const std::filesystem::path& file);

}  // namespace gui
