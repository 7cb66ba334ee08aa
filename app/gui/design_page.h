// Design check (officers, before publishing): the proportionality findings of the tender's
// design with severity, basis, numbers and fix, a link to the criterion concerned, the panel's
// and a bidder's hours, a plain summary, and the report's export to Excel.
#pragma once

#include <optional>

#include "app/gui/page.h"
#include "scoring/framework.h"
#include "scoring/proportionality.h"

class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class DesignPage : public Page {
public:
    DesignPage(wxWindow* parent, Session& session);

    /// Writes the report (the Proportionality sheet) to `out`; false with the reason shown.
    bool export_report(const std::filesystem::path& out);
    /// Shows the selected finding's criterion on the Framework page.
    void show_criterion();

protected:
    void refresh() override;

private:
    void fill();
    void on_select(wxListEvent& event);
    const scoring::Finding* selected() const;

    std::optional<scoring::Framework> framework_;
    std::optional<scoring::ProportionalitySettings> settings_;
    std::optional<scoring::ProportionalityReport> report_;
    long selected_ = -1;

    wxChoice* regime_ = nullptr;
    wxStaticText* counts_ = nullptr;
    wxListCtrl* findings_ = nullptr;
    wxTextCtrl* detail_ = nullptr;
    wxTextCtrl* summary_ = nullptr;
    wxButton* go_ = nullptr;
    wxButton* export_ = nullptr;
};

}  // namespace gui
