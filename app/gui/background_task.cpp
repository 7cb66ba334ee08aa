#include "app/gui/background_task.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include <wx/progdlg.h>
#include <wx/utils.h>

#include "app/gui/errors.h"

namespace gui {

namespace {

// Shared between the worker (report, cancelled) and the UI thread (read, cancel).
class ThreadProgress : public core::Progress {
public:
    void report(const std::string& stage, double fraction) override {
        std::lock_guard lock(mutex_);
        stage_ = stage;
        fraction_ = fraction;
    }
    bool cancelled() const override { return cancel_.load(); }
    void cancel() { cancel_.store(true); }
    std::pair<std::string, double> now() const {
        std::lock_guard lock(mutex_);
        return {stage_, fraction_};
    }

private:
    mutable std::mutex mutex_;
    std::string stage_ = "starting";
    double fraction_ = 0;
    std::atomic<bool> cancel_{false};
};

}  // namespace

void run_in_background(wxWindow* parent, const wxString& title, const std::function<void(core::Progress&)>& work) {
    ThreadProgress progress;
    std::atomic<bool> done{false};
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            work(progress);
        } catch (...) {
            failure = std::current_exception();
        }
        done.store(true);
    });
    {
        constexpr int steps = 1000;
        wxProgressDialog dialog(title, "Starting...", steps, parent,
                                wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_SMOOTH);
        dialog.SetName("progress_dialog");
        while (!done.load()) {
            const auto [stage, fraction] = progress.now();
            // Never reach the maximum before the work ends: that would close the dialog early.
            const int value = std::min(steps - 1, std::max(0, static_cast<int>(fraction * steps)));
            const wxString text = progress.cancelled() ? wxString("Cancelling...") : wx(stage) + "...";
            if (!dialog.Update(value, text)) progress.cancel();
            wxMilliSleep(20);
        }
    }
    worker.join();
    if (failure) std::rethrow_exception(failure);
}

core::Workbook open_read_only(const std::filesystem::path& file) {
    core::OpenOptions options;
    options.read_only = true;
    return core::Workbook::open(file, options);
}

}  // namespace gui
