// The audit trail as the acting person may read it, filtered by actor, action, date and text,
// with each record's before and after values, and a check that the chain is intact (verify).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/gui/page.h"

class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class AuditList;

class AuditPage : public Page {
public:
    AuditPage(wxWindow* parent, Session& session);

    /// The records the filters let through, in trail order (tests compare them with the core).
    const std::vector<const core::AuditRecord*>& shown() const { return shown_; }
    /// Runs core::verify and shows its result in the page; returns whether the trail verifies.
    bool verify();

protected:
    void refresh() override;

private:
    void read_records();
    void fill_filters();
    void apply_filters();
    struct Filter {
        std::string actor, action;  // "" for any
        std::string from, to;       // UTC dates YYYY-MM-DD, "" for open-ended
        wxString text;              // lower case, "" for any
    };
    Filter filter() const;
    static bool passes(const core::AuditRecord& r, const Filter& f);
    void show_record();

    std::vector<core::AuditRecord> records_;
    std::vector<const core::AuditRecord*> shown_;
    std::string read_as_;     // the actor records_ were read for
    bool read_all_ = false;   // whether the actor read every record (officer, or from award on)

    AuditList* list_ = nullptr;
    wxChoice* actor_ = nullptr;
    wxChoice* action_ = nullptr;
    wxCheckBox* from_on_ = nullptr;
    wxDatePickerCtrl* from_ = nullptr;
    wxCheckBox* to_on_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxTextCtrl* detail_ = nullptr;
    wxTextCtrl* verify_result_ = nullptr;
};

}  // namespace gui
