// The tender at a glance: name, reference, phase, panel and bids counts, the audit chain head,
// who is acting, and what the current phase asks of them.
#pragma once

#include "app/gui/page.h"

class wxStaticText;

namespace gui {

class TenderPage : public Page {
public:
    TenderPage(wxWindow* parent, Session& session);

protected:
    void refresh() override;

private:
    wxStaticText* facts_ = nullptr;
    wxStaticText* next_ = nullptr;
};

}  // namespace gui
