// File > Self-assess a bid (and the start page's button): a provider's window of its own, with no
// workbook behind it, so it works whether or not a tender is open.
#include "app/gui/main_frame.h"
#include "app/gui/self_assess_frame.h"

namespace gui {

void MainFrame::on_self_assess(wxCommandEvent&) {
    // Non-modal and one per click: a provider may compare two frameworks or two lots side by side.
    auto* window = new SelfAssessFrame(this);
    window->Show();
    window->Raise();
}

}  // namespace gui
