#include "app/gui/audit_page.h"

#include <map>
#include <set>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dateevt.h>
#include <wx/datectrl.h>
#include <wx/font.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"
#include "app/gui/errors.h"
#include "app/gui/list_rows.h"
#include "app/gui/verify_action.h"

namespace gui {

/// A virtual list over the page's filtered records: trails hold hundreds of thousands of
/// records, so rows are drawn on demand rather than inserted.
class AuditList : public wxListCtrl {
public:
    AuditList(wxWindow* parent, const std::vector<const core::AuditRecord*>& shown)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 300), wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          shown_(shown) {}

protected:
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= shown_.size()) return {};
        const auto& r = *shown_[static_cast<std::size_t>(item)];
        switch (column) {
            case 0: return wxString::Format("%lld", static_cast<long long>(r.seq));
            case 1: return wx(r.time);
            case 2: return wx(r.actor);
            case 3: return wx(r.action);
            case 4: return wx(r.kind);
            case 5: return wx(r.entity);
            case 6: return wx(r.reason);
        }
        return {};
    }

private:
    const std::vector<const core::AuditRecord*>& shown_;
};

namespace {

const wxString everyone = "everyone", every_action = "every action";

bool contains_nocase(const std::string& text, const wxString& needle) {
    return wx(text).Lower().Contains(needle);
}

wxString json_or_none(const std::optional<std::string>& json) { return json ? wx(*json) : wxString("(none)"); }

}  // namespace

AuditPage::AuditPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::audit) {
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    const auto label = [&](const wxString& text) {
        filters->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    };
    label("&Actor:");
    actor_ = new wxChoice(this, wxID_ANY);
    actor_->SetName("audit_actor_filter");
    filters->Add(actor_, 0, wxRIGHT, 10);
    label("A&ction:");
    action_ = new wxChoice(this, wxID_ANY);
    action_->SetName("audit_action_filter");
    filters->Add(action_, 0, wxRIGHT, 10);
    from_on_ = new wxCheckBox(this, wxID_ANY, "&From");
    from_on_->SetName("audit_from_enabled");
    filters->Add(from_on_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    from_ = new wxDatePickerCtrl(this, wxID_ANY);
    from_->SetName("audit_from");
    filters->Add(from_, 0, wxRIGHT, 10);
    to_on_ = new wxCheckBox(this, wxID_ANY, "&To");
    to_on_->SetName("audit_to_enabled");
    filters->Add(to_on_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    to_ = new wxDatePickerCtrl(this, wxID_ANY);
    to_->SetName("audit_to");
    filters->Add(to_, 0, wxRIGHT, 4);
    filters->Add(new wxStaticText(this, wxID_ANY, "(UTC dates)"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    label("&Search:");
    search_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1));
    search_->SetName("audit_search");
    search_->SetHint("entity or reason");
    filters->Add(search_, 1);
    content()->Add(filters, 0, wxEXPAND | wxBOTTOM, 6);

    count_ = new wxStaticText(this, wxID_ANY, "");
    count_->SetName("audit_count");
    content()->Add(count_, 0, wxBOTTOM, 4);
    list_ = new AuditList(this, shown_);
    list_->SetName("audit_list");
    add_columns(list_, {{"Seq", 60, wxLIST_FORMAT_RIGHT},
                        {"Time (UTC)", 190},
                        {"Actor", 70},
                        {"Action", 100},
                        {"Kind", 120},
                        {"Entity", 200},
                        {"Reason", 320}});
    content()->Add(list_, 3, wxEXPAND);

    detail_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 130),
                             wxTE_MULTILINE | wxTE_READONLY);
    detail_->SetName("audit_detail");
    detail_->SetFont(wxFontInfo(9).Family(wxFONTFAMILY_TELETYPE));
    content()->Add(detail_, 2, wxEXPAND | wxTOP, 6);

    auto* verify_row = new wxBoxSizer(wxHORIZONTAL);
    auto* verify_button = new wxButton(this, wxID_ANY, "&Verify the trail");
    verify_button->SetName("audit_verify");
    verify_row->Add(verify_button, 0, wxALIGN_TOP | wxRIGHT, 8);
    verify_result_ = new wxTextCtrl(this, wxID_ANY, "Verify recomputes every record's hash and checks that the "
                                                    "tables match the trail.",
                                    wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE | wxTE_READONLY);
    verify_result_->SetName("audit_verify_result");
    verify_row->Add(verify_result_, 1, wxEXPAND);
    content()->Add(verify_row, 0, wxEXPAND | wxTOP, 6);

    for (auto* choice : {actor_, action_}) choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply_filters(); });
    for (auto* check : {from_on_, to_on_}) check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { apply_filters(); });
    for (auto* date : {from_, to_}) date->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { apply_filters(); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { apply_filters(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_record(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { detail_->SetFocus(); });
    verify_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { verify(); });
}

void AuditPage::refresh() {
    // A refusal left by an earlier read (e.g. bids before declaring) no longer holds once the
    // page is read again; a new one is shown if the read is still refused.
    if (message_is_error()) clear_message();
    read_records();
    fill_filters();
    apply_filters();
}

// The trail only grows (records are never changed or removed), so after the first read only the
// new records are fetched, unless what the actor may read has changed (another actor, or the
// award phase opening everyone's records to the panel).
void AuditPage::read_records() {
    auto& s = session();
    const auto me = s.acting();
    core::TenderState state(s.workbook().db());
    const bool all = (me && me->role == core::Role::officer) || state.tender().phase >= core::Phase::award;
    const bool incremental = s.actor() == read_as_ && all == read_all_ && !records_.empty();
    const std::int64_t from = incremental ? records_.back().seq + 1 : 1;
    if (!incremental) records_.clear();
    shown_.clear();  // pointers into records_, which may move
    read_as_ = s.actor();
    read_all_ = all;
    auto more = core::audit_log_for(s.workbook(), s.actor(), from);
    records_.insert(records_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// Keeps the chosen actor and action when the lists are refilled (new actors may appear).
void AuditPage::fill_filters() {
    const wxString actor = actor_->GetStringSelection(), action = action_->GetStringSelection();
    std::set<std::string> actors, actions;
    for (const auto& r : records_) {
        actors.insert(r.actor);
        actions.insert(r.action);
    }
    std::map<std::string, std::string> names;
    for (const auto& e : core::list_evaluators(session().workbook(), session().actor())) names[e.id] = e.name;
    actor_->Clear();
    actor_->Append(everyone);
    for (const auto& a : actors) actor_->Append(wx(names.count(a) ? a + " " + names[a] : a));
    action_->Clear();
    action_->Append(every_action);
    for (const auto& a : actions) action_->Append(wx(a));
    if (!actor_->SetStringSelection(actor)) actor_->SetSelection(0);
    if (!action_->SetStringSelection(action)) action_->SetSelection(0);
}

// The filters as chosen, read from the controls once per filtering rather than once per record.
AuditPage::Filter AuditPage::filter() const {
    Filter f;
    if (actor_->GetSelection() > 0) f.actor = utf8(actor_->GetStringSelection().BeforeFirst(' '));
    if (action_->GetSelection() > 0) f.action = utf8(action_->GetStringSelection());
    if (from_on_->GetValue()) f.from = utf8(from_->GetValue().FormatISODate());
    if (to_on_->GetValue()) f.to = utf8(to_->GetValue().FormatISODate());
    f.text = search_->GetValue().Strip(wxString::both).Lower();
    return f;
}

bool AuditPage::passes(const core::AuditRecord& r, const Filter& f) {
    if (!f.actor.empty() && r.actor != f.actor) return false;
    if (!f.action.empty() && r.action != f.action) return false;
    const std::string day = r.time.substr(0, 10);  // the UTC date, as recorded
    if (!f.from.empty() && day < f.from) return false;
    if (!f.to.empty() && day > f.to) return false;
    return f.text.empty() || contains_nocase(r.entity, f.text) || contains_nocase(r.reason, f.text);
}

void AuditPage::apply_filters() {
    const long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::int64_t keep = selected >= 0 && static_cast<std::size_t>(selected) < shown_.size()
                                  ? shown_[static_cast<std::size_t>(selected)]->seq
                                  : 0;
    shown_.clear();
    const auto f = filter();
    for (const auto& r : records_)
        if (passes(r, f)) shown_.push_back(&r);
    from_->Enable(from_on_->GetValue());
    to_->Enable(to_on_->GetValue());
    if (selected >= 0) list_->SetItemState(selected, 0, wxLIST_STATE_SELECTED);
    list_->SetItemCount(static_cast<long>(shown_.size()));
    list_->Refresh();
    for (std::size_t i = 0; keep != 0 && i < shown_.size(); ++i)
        if (shown_[i]->seq == keep) {
            list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(static_cast<long>(i));
        }
    wxString text = wxString::Format("Showing %zu of %zu records", shown_.size(), records_.size());
    if (!read_all_) text += " (you read your own records until the award phase; the officer reads all)";
    count_->SetLabel(text + ".");
    show_record();
}

void AuditPage::show_record() {
    const long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= shown_.size()) {
        detail_->ChangeValue("Select a record to see the values before and after it.");
        return;
    }
    const auto& r = *shown_[static_cast<std::size_t>(i)];
    wxString text;
    text << "Record " << static_cast<long long>(r.seq) << " of command " << static_cast<long long>(r.command) << ", "
         << wx(r.time) << ", by " << wx(r.actor) << ": " << wx(r.action) << " " << wx(r.kind) << " " << wx(r.entity);
    if (r.refers) text << " (refers to command " << static_cast<long long>(*r.refers) << ")";
    text << "\nReason: " << (r.reason.empty() ? wxString("(none)") : wx(r.reason));
    text << "\nBefore: " << json_or_none(r.before) << "\nAfter:  " << json_or_none(r.after);
    text << "\nHash:   " << wx(r.hash) << "\nPrevious hash: " << wx(r.prev_hash);
    detail_->ChangeValue(text);
}

bool AuditPage::verify() {
    const wxColour red(170, 20, 20);
    try {
        const auto r = verify_in_background(this, session().workbook().path());
        if (!r) {
            verify_result_->ChangeValue(verify_cancelled_text());
            verify_result_->SetForegroundColour(GetForegroundColour());
            return false;
        }
        verify_result_->ChangeValue(verify_text(*r));
        verify_result_->SetForegroundColour(r->ok ? wxColour(0, 110, 40) : red);
        return r->ok;
    } catch (...) {
        const auto e = describe(std::current_exception());
        verify_result_->ChangeValue(e.title + ": " + e.message);
        verify_result_->SetForegroundColour(red);
        return false;
    }
}

}  // namespace gui
