// File > Self-assess a bid (and the start page's button): a provider's window of its own, with no
// workbook behind it, so it works whether or not a tender is open.
#include "app/gui/main_frame.h"

#include <vector>

#include "app/gui/self_assess_frame.h"

namespace gui {

void MainFrame::on_self_assess(wxCommandEvent&) {
    // Non-modal and one per click: a provider may compare two frameworks or two lots side by side.
    auto* window = new SelfAssessFrame(this);
    window->Show();
    window->Raise();
}

// Quitting closes the self-assessment windows with answers not saved first, each asking about them;
// one that stays open (the provider cancelled, or the save failed) keeps the application open.
void MainFrame::on_close_window(wxCloseEvent& event) {
    if (event.CanVeto()) {
        std::vector<SelfAssessFrame*> windows;
        for (auto* child : GetChildren())
            if (auto* w = dynamic_cast<SelfAssessFrame*>(child); w != nullptr && w->unsaved()) windows.push_back(w);
        for (auto* w : windows) {
            w->Raise();
            if (!w->Close()) {
                event.Veto();
                return;
            }
        }
    }
    event.Skip();  // the default: the window is destroyed
}

}  // namespace gui
