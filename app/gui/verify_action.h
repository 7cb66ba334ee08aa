// Verifying the audit trail (Tender > Verify, the Audit page's button): off the window's thread on
// a connection of its own, with progress and Cancel, since a trail of 300,000 records takes seconds.
#pragma once

#include <filesystem>
#include <optional>

#include <wx/string.h>

#include "app/core/verify.h"

class wxWindow;

namespace gui {

/// core::verify on the workbook at `file`, read-only, in the background. Nothing when the user
/// cancelled; throws what opening or verifying throws.
std::optional<core::VerifyReport> verify_in_background(wxWindow* parent, const std::filesystem::path& file);

/// The report in words: whether the trail verifies, what was checked, the chain head or every
/// problem found.
wxString verify_text(const core::VerifyReport& report);

/// Said when the user stopped verify before the end.
wxString verify_cancelled_text();

}  // namespace gui
