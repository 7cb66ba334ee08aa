#include "gui/gui_driver.h"

#include <unistd.h>

#include <gtk/gtk.h>

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>
#include <wx/utils.h>

#include "app/core/new_workbook.h"
#include "app/core/workbook_commands.h"

namespace gui_test {

namespace fs = std::filesystem;

namespace {

class ModalAnswers : public wxModalDialogHook {
public:
    std::deque<int> answers;
    std::vector<std::string> shown;

protected:
    int Enter(wxDialog* dialog) override {
        std::string what(dialog->GetTitle().utf8_str());
        const auto* message = dynamic_cast<wxMessageDialogBase*>(dialog);
        if (message != nullptr) what += ": " + std::string(message->GetMessage().utf8_str());
        shown.push_back(what);
        if (!answers.empty()) {
            const int id = answers.front();
            answers.pop_front();
            return id;
        }
        return message != nullptr ? wxID_OK : wxID_CANCEL;
    }
    void Exit(wxDialog*) override {}
};

ModalAnswers* hook = nullptr;

}  // namespace

void install_modal_hook() {
    hook = new ModalAnswers;
    hook->Register();
}

void remove_modal_hook() {
    hook->Unregister();
    delete hook;
    hook = nullptr;
}

void answer_next_dialog(int id) { hook->answers.push_back(id); }

std::vector<std::string> dialogs_shown() {
    auto out = std::move(hook->shown);
    hook->shown.clear();
    return out;
}

void settle() {
    for (int i = 0; i < 3; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
    }
}

wxWindow* find_window(wxWindow* root, const std::string& name) {
    return wxWindow::FindWindowByName(wxString::FromUTF8(name), root);
}

void click(wxWindow* root, const std::string& name) {
    auto* w = find_window(root, name);
    INFO("control \"" << name << "\"");
    REQUIRE(w != nullptr);
    REQUIRE(w->IsEnabled());
    if (auto* toggle = dynamic_cast<wxToggleButton*>(w)) {
        toggle->SetValue(!toggle->GetValue());
        wxCommandEvent event(wxEVT_TOGGLEBUTTON, toggle->GetId());
        event.SetInt(toggle->GetValue() ? 1 : 0);
        event.SetEventObject(toggle);
        toggle->ProcessWindowEvent(event);
    } else if (auto* check = dynamic_cast<wxCheckBox*>(w)) {
        check->SetValue(!check->GetValue());
        wxCommandEvent event(wxEVT_CHECKBOX, check->GetId());
        event.SetInt(check->GetValue() ? 1 : 0);
        event.SetEventObject(check);
        check->ProcessWindowEvent(event);
    } else {
        wxCommandEvent event(wxEVT_BUTTON, w->GetId());
        event.SetEventObject(w);
        w->ProcessWindowEvent(event);
    }
    settle();
}

void choose(wxWindow* root, const std::string& name, const std::string& text) {
    auto* w = find_window(root, name);
    INFO("control \"" << name << "\" item \"" << text << "\"");
    REQUIRE(w != nullptr);
    auto* items = dynamic_cast<wxItemContainer*>(w);
    REQUIRE(items != nullptr);
    int found = wxNOT_FOUND;
    const auto wanted = wxString::FromUTF8(text);
    for (unsigned i = 0; i < items->GetCount() && found == wxNOT_FOUND; ++i)
        if (items->GetString(i).StartsWith(wanted)) found = static_cast<int>(i);
    REQUIRE(found != wxNOT_FOUND);
    items->SetSelection(found);
    const wxEventType type = dynamic_cast<wxListBox*>(w)   ? wxEVT_LISTBOX
                             : dynamic_cast<wxComboBox*>(w) ? wxEVT_COMBOBOX
                                                            : wxEVT_CHOICE;
    wxCommandEvent event(type, w->GetId());
    event.SetInt(found);
    event.SetString(items->GetString(static_cast<unsigned>(found)));
    event.SetEventObject(w);
    w->ProcessWindowEvent(event);
    settle();
}

void type(wxWindow* root, const std::string& name, const std::string& text) {
    auto* box = find<wxTextCtrl>(root, name);
    box->SetFocus();
    box->SetValue(wxString::FromUTF8(text));  // sends wxEVT_TEXT
    settle();
}

void select_row(wxWindow* root, const std::string& name, long row) {
    auto* list = find<wxListCtrl>(root, name);
    REQUIRE(row >= 0);
    REQUIRE(row < list->GetItemCount());
    // The generic list control (GTK) sends wxEVT_LIST_ITEM_SELECTED itself when a row is selected.
    for (long i = 0; i < list->GetItemCount(); ++i)
        if (i != row) list->SetItemState(i, 0, wxLIST_STATE_SELECTED);
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(row);
    settle();
}

long find_row(wxWindow* root, const std::string& name, int column, const std::string& text) {
    auto* list = find<wxListCtrl>(root, name);
    for (long i = 0; i < list->GetItemCount(); ++i)
        if (list->GetItemText(i, column) == wxString::FromUTF8(text)) return i;
    return -1;
}

long find_row(wxWindow* root, const std::string& name, const std::vector<std::pair<int, std::string>>& cells) {
    auto* list = find<wxListCtrl>(root, name);
    for (long i = 0; i < list->GetItemCount(); ++i) {
        bool all = true;
        for (const auto& [column, text] : cells) all = all && list->GetItemText(i, column) == wxString::FromUTF8(text);
        if (all) return i;
    }
    return -1;
}

void menu(wxWindow* frame, int id) {
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(event);
    settle();
}

// GTK draws the window into an image surface, whatever is on top of it on the screen (Xvfb has
// no window manager to keep stacking order, and wxScreenDC reads back stale pixels on GTK3).
void screenshot(wxWindow* window, const fs::path& png) {
    if (!window->IsShown()) window->Show();  // a dialog built but never shown has no allocation yet
    window->Layout();
    window->Refresh();
    window->Update();
    settle();
    // Let GTK finish any pending size allocation (a message bar sliding away) before drawing.
    for (int i = 0; i < 100 && gtk_events_pending(); ++i) gtk_main_iteration_do(FALSE);
    auto* widget = static_cast<GtkWidget*>(window->GetHandle());
    REQUIRE(widget != nullptr);
    const int width = gtk_widget_get_allocated_width(widget);
    const int height = gtk_widget_get_allocated_height(widget);
    REQUIRE(width > 0);
    REQUIRE(height > 0);
    fs::create_directories(png.parent_path());
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    gtk_widget_draw(widget, cr);
    cairo_destroy(cr);
    const auto status = cairo_surface_write_to_png(surface, png.c_str());
    cairo_surface_destroy(surface);
    REQUIRE(status == CAIRO_STATUS_SUCCESS);
}

OpenTender::OpenTender(const SampleOptions& options) {
    folder_ = fs::temp_directory_path() / ("tenderbench-gui-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    file_ = folder_ / (options.sample + ".tender");
    const auto source = fs::path(TENDERBENCH_SOURCE_DIR) / "sample_tenders" / options.sample;
    auto package = core::read_package(source);
    for (auto& record : package.scores) {
        if (options.without_consensus) record.consensus.reset();
        for (const auto& [bid, criterion] : options.unmoderated)
            if (record.bid == bid && record.criterion == criterion) record.consensus.reset();
        for (const auto& [bid, criterion, evaluator] : options.unscored)
            if (record.bid == bid && record.criterion == criterion)
                std::erase_if(record.individual, [&](const auto& s) { return s.evaluator == evaluator; });
    }
    std::erase_if(package.scores, [](const auto& r) { return r.individual.empty() && !r.consensus; });
    const auto framework_xml = core::read_input_file(source / "framework.xml", 64u << 20, "too big");
    core::create_workbook_file(file_, {}, [&](core::Workbook& wb) {
        return core::import_package(wb, package, framework_xml, options.actor, "Olive Officer", options.phase);
    });
    frame_ = new gui::MainFrame;
    frame_->Show();
    REQUIRE(frame_->open_file(file_, options.open_as.empty() ? options.actor : options.open_as));
    settle();
}

OpenTender::~OpenTender() {
    frame_->close_file();
    frame_->Hide();  // off the screen now: the next test's screenshots must not see it
    frame_->Destroy();
    settle();
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void OpenTender::declare_no_conflict(const std::string& evaluator) {
    core::declare_interest(session().workbook(), evaluator, "*", false, "no conflict with any bidder");
    session().changed();
}

}  // namespace gui_test
