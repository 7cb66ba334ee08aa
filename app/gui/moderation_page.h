// Moderation (the moderator): per bid and question, the individual scores side by side coloured
// by spread, their justifications, the consensus choice with its required rationale, and a
// filter for divergent items only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"
#include "app/gui/page.h"

class wxButton;
class wxCheckBox;
class wxListBox;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class ModerationPage : public Page {
public:
    ModerationPage(wxWindow* parent, Session& session);

protected:
    void refresh() override;

private:
    void build_editor(wxSizer* sizer);
    void fill_list();
    void show_item();
    void on_select(wxListEvent& event);
    void record();
    void accept_in_tolerance();
    const core::ModerationItem* selected() const;
    const scoring::Scale* scale_of(const core::ModerationItem& item);

    std::unique_ptr<core::TenderState> state_;
    std::vector<core::ModerationItem> items_;
    std::vector<std::size_t> shown_;
    std::optional<std::pair<std::string, std::string>> current_;

    wxStaticText* progress_ = nullptr;
    wxCheckBox* divergent_only_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* question_ = nullptr;
    wxTextCtrl* individual_ = nullptr;
    wxListBox* points_ = nullptr;
    wxTextCtrl* rationale_ = nullptr;
    wxButton* record_ = nullptr;
};

}  // namespace gui
