// Driving the real windows in GUI tests: find controls by name, send them the events a user's
// click or keystroke sends, answer modal dialogs, take screenshots, and open a sample tender.
#pragma once

#include <catch2/catch.hpp>

#include <array>
#include <deque>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <wx/window.h>

#include "app/core/package.h"
#include "app/core/workflow.h"
#include "app/gui/main_frame.h"

namespace gui_test {

/// A wx assert, turned into an exception so the test that caused it fails.
class AssertFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---- Modal dialogs -------------------------------------------------------------------------

void install_modal_hook();
void remove_modal_hook();
/// The answer the next modal dialog gets (wxID_OK, wxID_YES, wxID_CANCEL ...), in order; a
/// dialog with no answer queued gets wxID_OK for message boxes and wxID_CANCEL otherwise.
void answer_next_dialog(int id);
/// Each modal dialog shown since the last call: its title and, for message boxes, its message.
std::vector<std::string> dialogs_shown();

// ---- Finding and using controls -------------------------------------------------------------

/// Lets pending events run (layout, CallAfter, repaint).
void settle();

wxWindow* find_window(wxWindow* root, const std::string& name);
template <class T>
T* find(wxWindow* root, const std::string& name) {
    auto* w = find_window(root, name);
    INFO("control \"" << name << "\"");
    REQUIRE(w != nullptr);
    auto* typed = dynamic_cast<T*>(w);
    REQUIRE(typed != nullptr);
    return typed;
}

/// Clicks a button (wxButton, wxToggleButton, wxCheckBox toggles it) as a user would.
void click(wxWindow* root, const std::string& name);
/// Chooses the item whose text starts with `text` in a wxChoice, wxComboBox or wxListBox.
void choose(wxWindow* root, const std::string& name, const std::string& text);
/// Replaces the text of a wxTextCtrl, sending wxEVT_TEXT as typing does.
void type(wxWindow* root, const std::string& name, const std::string& text);
/// Selects row `row` of a wxListCtrl (report view), sending the selection events.
void select_row(wxWindow* root, const std::string& name, long row);
/// The row of a wxListCtrl whose column `column` reads `text`, or -1.
long find_row(wxWindow* root, const std::string& name, int column, const std::string& text);
/// The first row whose columns read each (column, text), or -1.
long find_row(wxWindow* root, const std::string& name, const std::vector<std::pair<int, std::string>>& cells);
/// Sends a menu command to the frame, as its menu item or shortcut does.
void menu(wxWindow* frame, int id);

/// Writes the window as it is on screen to a PNG file.
void screenshot(wxWindow* window, const std::filesystem::path& png);

// ---- A sample tender in a temporary workbook -------------------------------------------------

struct SampleOptions {
    std::string sample = "community_meals";
    core::Phase phase = core::Phase::individual_evaluation;
    bool without_consensus = false;  // every consensus removed: moderation left to do
    /// Consensus scores removed before import (bid, criterion), to be moderated in the test.
    std::vector<std::array<std::string, 2>> unmoderated;
    /// Individual scores removed before import (bid, criterion, evaluator), to be scored in the test.
    std::vector<std::array<std::string, 3>> unscored;
    std::string actor = "OF1";  // the officer imports; the frame opens as them unless `open_as`
    std::string open_as;
};

/// Imports a sample package into a fresh workbook in a temporary folder (the new officer OF1
/// imports it) and opens it in a real MainFrame; removes both at the end.
class OpenTender {
public:
    explicit OpenTender(const SampleOptions& options = {});
    ~OpenTender();
    OpenTender(const OpenTender&) = delete;
    OpenTender& operator=(const OpenTender&) = delete;

    gui::MainFrame& frame() { return *frame_; }
    gui::Session& session() { return *frame_->session(); }
    const std::filesystem::path& file() const { return file_; }
    const std::filesystem::path& folder() const { return folder_; }
    /// Records a declaration of no conflict for `evaluator` through the core (a test's set-up).
    void declare_no_conflict(const std::string& evaluator);

private:
    std::filesystem::path folder_;
    std::filesystem::path file_;
    gui::MainFrame* frame_ = nullptr;
};

}  // namespace gui_test
