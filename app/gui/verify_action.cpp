#include "app/gui/verify_action.h"

#include "app/gui/background_task.h"
#include "app/gui/errors.h"

namespace gui {

std::optional<core::VerifyReport> verify_in_background(wxWindow* parent, const std::filesystem::path& file) {
    std::optional<core::VerifyReport> report;
    try {
        run_in_background(parent, "Verifying the audit trail", [&](core::Progress& progress) {
            auto wb = open_read_only(file);
            report = core::verify(wb, &progress);
        });
    } catch (const core::Cancelled&) {
        return std::nullopt;
    }
    return report;
}

wxString verify_text(const core::VerifyReport& r) {
    wxString text;
    if (r.ok)
        text.Printf("The audit trail verifies: %lld records and %lld entities checked.\nChain head: %s",
                    static_cast<long long>(r.records), static_cast<long long>(r.entities), wx(r.head_hash));
    else
        text.Printf("The audit trail does NOT verify (%lld records checked):", static_cast<long long>(r.records));
    for (const auto& p : r.problems) text += "\n" + wx(p);
    return text;
}

wxString verify_cancelled_text() {
    return "Verify was stopped before the end, so it concluded nothing either way. Run it again to check the whole "
           "trail.";
}

}  // namespace gui
