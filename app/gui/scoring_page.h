// Scoring (evaluators): the bids x assigned questions the acting evaluator may score now, an
// editor offering the scale's points with their descriptors, the justification beside it,
// abstain, and progress (scored of assigned).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/score_sheet.h"
#include "app/core/workbook_state.h"
#include "app/gui/page.h"

class wxButton;
class wxCheckBox;
class wxGauge;
class wxListBox;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class ScoringPage : public Page {
public:
    ScoringPage(wxWindow* parent, Session& session);

protected:
    void refresh() override;

private:
    void build_editor(wxSizer* sizer);
    void fill_list();
    void show_item();  // the selected item in the editor, with what is recorded
    void on_select(wxListEvent& event);
    void on_point(wxCommandEvent& event);
    void save();
    void abstain();
    void next_unscored();
    const core::score_sheet::Item* selected() const;

    std::unique_ptr<core::TenderState> state_;  // owns the framework the items point into
    std::vector<core::score_sheet::Item> items_;
    std::vector<std::size_t> shown_;            // list row -> index in items_
    std::optional<std::pair<std::string, std::string>> current_;  // (bid, criterion) in the editor

    wxStaticText* progress_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxCheckBox* unscored_only_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* question_ = nullptr;
    wxListBox* points_ = nullptr;
    wxStaticText* descriptor_ = nullptr;
    wxTextCtrl* value_ = nullptr;
    wxTextCtrl* justification_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* abstain_ = nullptr;
};

}  // namespace gui
