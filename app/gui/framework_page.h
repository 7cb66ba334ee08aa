// The Framework screen: the criteria tree with weights and effective weights, the selected
// question's scale, the price method with its formula and plot, live validation of the edits,
// and saving them through core::change_framework (a recorded reason once the bids are opened).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/gui/page.h"
#include "scoring/framework.h"
#include "scoring/validation.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;
class wxTreeListCtrl;
class wxTreeListItem;

namespace gui {

class PriceMethodPanel;
class ScaleEditor;

class FrameworkPage : public Page {
public:
    FrameworkPage(wxWindow* parent, Session& session);

    /// Stores the framework as edited, through core::change_framework; `reason` is required by
    /// the core once the framework is frozen. The core's refusal goes to the message bar and the
    /// edits stay on screen. Returns whether the core accepted the change.
    bool save(const wxString& reason);
    /// Selects criterion `criterion` of lot `lot` in the tree, as a click would.
    bool select(const std::string& lot, const std::string& criterion);
    /// Add question, Add sub-group and Remove for the selected criterion (buttons, Insert and
    /// Delete in the tree). Each changes the model on screen only; the message bar says what was
    /// done or why it cannot be. Return whether the tree changed.
    bool add_question();
    bool add_group();
    bool remove_selected();

    /// The framework as edited on screen, its problems, and whether it differs from the stored one.
    const scoring::Framework& edited() const { return edited_; }
    const std::vector<scoring::Issue>& issues() const { return issues_; }
    bool dirty() const { return dirty_; }

protected:
    void refresh() override;

private:
    wxWindow* build_editors(wxWindow* parent);
    wxSizer* build_criterion_fields();
    void fill_criterion_fields(const scoring::Criterion* c);
    void on_criterion_field();
    void rename_selected(const std::string& id);
    void show_scale_of(const scoring::Criterion* c);
    bool change_tree(const std::function<std::string(scoring::Framework&)>& change, const wxString& done);
    void read_bid_prices();
    void build_tree();
    void update_columns();
    void on_selection();
    void on_weight_text();
    void on_save();
    void on_revert();
    void edited();
    void revalidate();
    scoring::Criterion* selected_criterion();
    std::string status_text() const;
    void wrap_texts();

    scoring::Framework saved_;
    scoring::Framework edited_;
    std::string saved_xml_;
    bool dirty_ = false;
    bool frozen_ = false;
    bool may_edit_ = false;
    std::string lot_;        // the selected node's lot
    std::string criterion_;  // the selected node's criterion ("" for a lot node)
    std::map<std::string, std::string> field_problems_;  // typed text that cannot be read, by field
    std::vector<scoring::Issue> issues_;
    std::map<std::string, std::vector<scoring::Money>> prices_;  // lot -> visible prices in contention

    wxStaticText* status_ = nullptr;
    wxTreeListCtrl* tree_ = nullptr;
    wxTextCtrl* weight_ = nullptr;
    wxTextCtrl* id_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxChoice* scale_choice_ = nullptr;
    wxTextCtrl* min_score_ = nullptr;
    wxChoice* on_fail_ = nullptr;
    wxButton* add_question_ = nullptr;
    wxButton* add_group_ = nullptr;
    wxButton* remove_ = nullptr;
    wxTextCtrl* description_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* revert_ = nullptr;
    ScaleEditor* scale_ = nullptr;
    PriceMethodPanel* price_ = nullptr;
};

}  // namespace gui
