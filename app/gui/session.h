// One open workbook in the GUI: the file, who is acting, which lot is in view, and the changes
// made through app/core's commands, announced to every screen so each shows the same state.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/core/package.h"
#include "app/core/workbook.h"
#include "app/core/workbook_reads.h"
#include "app/gui/page_id.h"

namespace gui {

class Session {
public:
    /// Opens the workbook (throws core::WorkbookError and the like, with the file named).
    explicit Session(const std::filesystem::path& file);

    const std::filesystem::path& path() const { return workbook_.path(); }
    core::Workbook& workbook() { return workbook_; }
    /// The backup written when an older workbook was upgraded on opening, if any.
    const std::optional<std::filesystem::path>& upgrade_backup() const { return workbook_.upgrade_backup(); }

    /// The person acting: an id of the tender's panel, chosen in the Who are you dialog.
    const std::string& actor() const { return actor_; }
    void set_actor(const std::string& id);
    /// The acting person's panel record (nullopt before one is chosen or if it was removed).
    std::optional<core::Evaluator> acting();

    /// The lot in view ("" for every lot).
    const std::string& lot() const { return lot_; }
    void set_lot(const std::string& lot);

    /// Runs one core command as the acting person and, when it changed something, tells every
    /// listener. Exceptions (core::Refused with its rule, input errors) reach the caller with
    /// nothing changed.
    core::CommandResult change(const std::function<core::CommandResult(core::Workbook&, const std::string&)>& command);
    /// Tells every listener the workbook changed outside change() (work done on another
    /// connection by a background task).
    void changed();

    using Listener = std::function<void()>;
    int subscribe(Listener listener);
    void unsubscribe(int token);

    /// Asks the window to show `page`, with `criterion` of `lot` selected where the page can
    /// (a finding's link to the criterion it concerns). The main window sets the handler.
    using Navigator = std::function<void(PageId page, const std::string& lot, const std::string& criterion)>;
    void set_navigator(Navigator navigator) { navigator_ = std::move(navigator); }
    void show(PageId page, const std::string& lot = "", const std::string& criterion = "") {
        if (navigator_) navigator_(page, lot, criterion);
    }

    /// The number of commands that changed the workbook since it was opened (tests, title).
    int changes() const { return changes_; }

private:
    core::Workbook workbook_;
    std::string actor_;
    std::string lot_;
    std::map<int, Listener> listeners_;
    Navigator navigator_;
    int next_token_ = 1;
    int changes_ = 0;
};

}  // namespace gui
