#include "app/gui/framework_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/treelist.h>

#include "app/core/framework_edits.h"
#include "app/core/framework_writer.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"
#include "app/core/workflow.h"
#include "app/gui/errors.h"
#include "app/gui/price_method_panel.h"
#include "app/gui/scale_editor.h"
#include "scoring/money.h"

namespace gui {

namespace {

enum Column { col_id, col_name, col_type, col_weight, col_effective, col_scale, col_min };

// Which node of the framework a tree row shows: a lot (criterion "") or one of its criteria.
struct NodeRef : wxClientData {
    NodeRef(std::string l, std::string c) : lot(std::move(l)), criterion(std::move(c)) {}
    std::string lot;
    std::string criterion;
};

scoring::Criterion* find_in(std::vector<scoring::Criterion>& nodes, const std::string& id) {
    for (auto& n : nodes) {
        if (n.id == id) return &n;
        if (auto* hit = find_in(n.children, id)) return hit;
    }
    return nullptr;
}

scoring::Lot* find_lot(scoring::Framework& fw, const std::string& id) {
    for (auto& l : fw.lots)
        if (l.id == id) return &l;
    return nullptr;
}

// Effective weight in marks out of 100: the scoring library's leaves, summed under a group.
using LeafMarks = std::map<const scoring::Criterion*, double>;
double effective_of(const scoring::Criterion& c, const LeafMarks& leaves) {
    if (const auto it = leaves.find(&c); it != leaves.end()) return it->second;
    double sum = 0;
    for (const auto& child : c.children) sum += effective_of(child, leaves);
    return sum;
}

LeafMarks leaf_marks(const scoring::Framework& fw, const scoring::Lot& lot) {
    LeafMarks out;
    for (const auto& leaf : scoring::leaves_of(fw, lot)) out[leaf.criterion] = leaf.effective_weight;
    return out;
}

wxString type_of(const scoring::Criterion& c) {
    if (c.type) return wx(to_string(*c.type) + " group");
    switch (c.kind) {
        case scoring::CriterionKind::group: return "sub-group";
        case scoring::CriterionKind::question: return "question";
        case scoring::CriterionKind::measures: return "measures";
    }
    return "";
}

wxString minimum_of(const scoring::Criterion& c) {
    if (!c.min_score) return "";
    const char* consequence = c.on_fail == scoring::OnFail::exclude ? " (excludes)"
                              : c.on_fail == scoring::OnFail::flag  ? " (flags)"
                                                                    : " (unstated)";
    return wx(scoring::format_number(*c.min_score) + consequence);
}

int questions_on(const std::vector<scoring::Criterion>& nodes, const std::string& scale) {
    int n = 0;
    for (const auto& c : nodes) n += (c.scale_id == scale ? 1 : 0) + questions_on(c.children, scale);
    return n;
}

}  // namespace

FrameworkPage::FrameworkPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::framework) {
    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("framework_status");
    content()->Add(status_, 0, wxALL | wxEXPAND, 4);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* tree_label = new wxStaticText(this, wxID_ANY, "&Criteria (weights in % of the parent; effective "
                                                        "weights in marks out of 100):");
    left->Add(tree_label, 0, wxBOTTOM, 2);
    // A modest minimum height: the tree and the checks below share what the criterion fields leave.
    tree_ = new wxTreeListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(420, 180), wxTL_SINGLE, "criteria_tree");
    tree_->AppendColumn("Criterion", 110);
    tree_->AppendColumn("Name", 190);
    tree_->AppendColumn("Type", 105);
    tree_->AppendColumn("Weight %", 75, wxALIGN_RIGHT);
    tree_->AppendColumn("Effective %", 90, wxALIGN_RIGHT);
    tree_->AppendColumn("Scale", 80);
    tree_->AppendColumn("Min score", 90);
    left->Add(tree_, 3, wxEXPAND);

    auto* weight_row = new wxBoxSizer(wxHORIZONTAL);
    weight_row->Add(new wxStaticText(this, wxID_ANY, "&Weight of the selected criterion (% of its parent):"), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    weight_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(90, -1));
    weight_->SetName("weight_edit");
    weight_->SetToolTip("Top-level weights must sum to 100, and so must the weights of the children of each group");
    weight_row->Add(weight_, 0);
    left->Add(weight_row, 0, wxTOP | wxBOTTOM, 6);
    left->Add(build_criterion_fields(), 0, wxEXPAND | wxBOTTOM, 6);

    left->Add(new wxStaticText(this, wxID_ANY, "Chec&ks on the framework as edited (errors block saving):"), 0,
              wxBOTTOM, 2);
    problems_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(300, 120), wxLC_REPORT | wxLC_SINGLE_SEL);
    problems_->SetName("validation_list");
    problems_->AppendColumn("Severity", wxLIST_FORMAT_LEFT, 70);
    problems_->AppendColumn("Problem and what to do", wxLIST_FORMAT_LEFT, 900);
    left->Add(problems_, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    save_ = new wxButton(this, wxID_ANY, "&Save framework");
    save_->SetName("save_framework");
    revert_ = new wxButton(this, wxID_ANY, "&Revert to the stored framework");
    revert_->SetName("revert_framework");
    buttons->Add(save_, 0, wxRIGHT, 6);
    buttons->Add(revert_, 0);
    left->Add(buttons, 0, wxTOP, 6);
    columns->Add(left, 3, wxEXPAND | wxRIGHT, 8);
    columns->Add(build_editors(this), 2, wxEXPAND);
    content()->Add(columns, 1, wxEXPAND);

    tree_->Bind(wxEVT_TREELIST_SELECTION_CHANGED, [this](wxTreeListEvent&) { on_selection(); });
    weight_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_weight_text(); });
    // Insert adds a question and Delete removes the selected criterion, as in a file manager.
    tree_->GetView()->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_INSERT && add_question_->IsEnabled())
            add_question();
        else if (e.GetKeyCode() == WXK_DELETE && remove_->IsEnabled())
            remove_selected();
        else
            e.Skip();
    });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_save(); });
    revert_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_revert(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        wrap_texts();
        e.Skip();
    });
}

// Long texts wrap to the page: unwrapped, their one-line width would push the side column off.
void FrameworkPage::wrap_texts() {
    const int width = std::max(300, GetClientSize().x - 20);
    status_->SetLabel(wx(status_text()));
    status_->Wrap(width);
}

// The selected criterion's name, scale and minimum score, and the buttons that change the tree.
wxSizer* FrameworkPage::build_criterion_fields() {
    // Rows: who the criterion is (id, name), how a question is scored, and what it asks.
    auto* first = new wxBoxSizer(wxHORIZONTAL);
    auto* second = new wxBoxSizer(wxHORIZONTAL);
    const auto label = [this](wxBoxSizer* row, const wxString& text, bool first_in_row) {
        row->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | (first_in_row ? 0 : wxLEFT),
                 first_in_row ? 4 : 8);
    };
    label(first, "Id:", true);
    id_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(80, -1));
    id_->SetName("criterion_id");
    id_->SetToolTip("How scores, assignments and score sheets refer to the criterion: 1-64 letters, digits, '_', "
                    "'-' or '.'; once bids are opened an id with scores cannot change");
    first->Add(id_, 0);
    label(first, "&Name:", false);
    name_ = new wxTextCtrl(this, wxID_ANY);
    name_->SetName("criterion_name");
    name_->SetToolTip("The criterion's name as evaluators, bidders and the export show it");
    first->Add(name_, 1);
    label(second, "Sc&ale:", true);
    scale_choice_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(150, -1));
    scale_choice_->SetName("criterion_scale");
    scale_choice_->SetToolTip("The scale this question is scored on (its points are shown on the right)");
    second->Add(scale_choice_, 1);
    label(second, "Minim&um score:", false);
    min_score_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(50, -1));
    min_score_->SetName("criterion_min");
    min_score_->SetToolTip("A score below this fails the question; leave empty for no minimum");
    second->Add(min_score_, 0);
    label(second, "if failed:", false);
    on_fail_ = new wxChoice(this, wxID_ANY);
    on_fail_->SetName("criterion_on_fail");
    on_fail_->Append("not stated");
    on_fail_->Append("the bid is excluded");
    on_fail_->Append("the bid is flagged");
    on_fail_->SetToolTip("What a score below the minimum does; the Procurement Act 2023 s.23(3)(a) asks that "
                         "the tender documents say it");
    second->Add(on_fail_, 0);
    description_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 44), wxTE_MULTILINE);
    description_->SetName("criterion_description");
    description_->SetToolTip("What the criterion asks of bidders and what evaluators look for");
    auto* third = new wxBoxSizer(wxHORIZONTAL);
    label(third, "Description:", true);
    third->Add(description_, 1);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    add_question_ = new wxButton(this, wxID_ANY, "Add &question");
    add_question_->SetName("add_question");
    add_question_->SetToolTip("A new question in the selected group, or after the selected question (Insert); "
                              "its weight starts at 0, so share the group's weights out again");
    add_group_ = new wxButton(this, wxID_ANY, "Add su&b-group");
    add_group_->SetName("add_group");
    add_group_->SetToolTip("A new, empty sub-group in the selected group, or after the selected criterion");
    remove_ = new wxButton(this, wxID_ANY, "Remove criterion");
    remove_->SetName("remove_criterion");
    remove_->SetToolTip("Remove the selected criterion and everything under it (Delete); Revert brings it back "
                        "until you save");
    buttons->Add(add_question_, 0, wxRIGHT, 6);
    buttons->Add(add_group_, 0, wxRIGHT, 6);
    buttons->Add(remove_, 0);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(first, 0, wxEXPAND | wxBOTTOM, 4);
    column->Add(second, 0, wxEXPAND | wxBOTTOM, 4);
    column->Add(third, 0, wxEXPAND | wxBOTTOM, 4);
    column->Add(buttons, 0);
    for (auto* text : {id_, name_, min_score_, description_}) text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { on_criterion_field(); });
    for (auto* choice : {scale_choice_, on_fail_})
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_criterion_field(); });
    add_question_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_question(); });
    add_group_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_group(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
    return column;
}

// Shows the selected criterion's fields; only a question has a scale and a minimum score.
void FrameworkPage::fill_criterion_fields(const scoring::Criterion* c) {
    const bool question = c && c->kind == scoring::CriterionKind::question;
    id_->ChangeValue(c ? wx(c->id) : wxString());
    name_->ChangeValue(c ? wx(c->name) : wxString());
    description_->ChangeValue(c ? wx(c->description) : wxString());
    scale_choice_->Clear();
    if (question) {
        for (const auto& scale : edited_.scales) scale_choice_->Append(wx(scale.id + " - " + scale.name));
        for (std::size_t i = 0; i < edited_.scales.size(); ++i)
            if (edited_.scales[i].id == c->scale_id) scale_choice_->SetSelection(static_cast<int>(i));
    }
    min_score_->ChangeValue(question && c->min_score ? wx(scoring::format_number(*c->min_score)) : wxString());
    on_fail_->SetSelection(question ? static_cast<int>(c->on_fail) : wxNOT_FOUND);
    for (wxWindow* w : std::initializer_list<wxWindow*>{id_, name_}) w->Enable(c && may_edit_);
    description_->Enable(c != nullptr);
    description_->SetEditable(c && may_edit_);
    for (wxWindow* w : std::initializer_list<wxWindow*>{scale_choice_, min_score_, on_fail_})
        w->Enable(question && may_edit_);
    // Adding needs a place in a quality or social-value part of a lot; removing, a criterion.
    for (auto* button : {add_question_, add_group_, remove_}) button->Enable(!lot_.empty() && c && may_edit_);
}

void FrameworkPage::on_criterion_field() {
    auto* c = selected_criterion();
    if (!c || !may_edit_) return;
    const wxString name = name_->GetValue().Strip(wxString::both);
    if (name.empty()) {
        field_problems_["name"] = "name of " + c->id + ": empty; give the criterion a name bidders will recognise";
    } else {
        field_problems_.erase("name");
        c->name = utf8(name);
    }
    c->description = utf8(description_->GetValue().Strip(wxString::both));
    const std::string id = utf8(id_->GetValue().Strip(wxString::both));
    // A repeated id is not applied: two criteria with one id could no longer be told apart here.
    if (const auto problem = core::criterion_id_problem(id); !problem.empty()) {
        field_problems_["id"] = "id of " + c->id + ": " + problem;
    } else if (id != c->id && find_in(find_lot(edited_, lot_)->criteria, id) != nullptr) {
        field_problems_["id"] = "id of " + c->id + ": " + id + " is already used in lot " + lot_ +
                                "; give the criterion an id of its own";
    } else {
        field_problems_.erase("id");
        if (id != c->id) rename_selected(id);
    }
    const std::string scale_before = c->scale_id;
    if (c->kind == scoring::CriterionKind::question) {
        const int scale = scale_choice_->GetSelection();
        if (scale >= 0 && static_cast<std::size_t>(scale) < edited_.scales.size())
            c->scale_id = edited_.scales[static_cast<std::size_t>(scale)].id;
        const wxString minimum = min_score_->GetValue().Strip(wxString::both);
        double value = 0;
        field_problems_.erase("minimum");
        if (minimum.empty())
            c->min_score.reset();
        else if (minimum.ToCDouble(&value))
            c->min_score = value;
        else
            field_problems_["minimum"] = "minimum score of " + c->id + ": \"" + utf8(minimum) +
                                         "\" is not a number; type a point of the scale, or leave it empty";
        if (on_fail_->GetSelection() >= 0) c->on_fail = static_cast<scoring::OnFail>(on_fail_->GetSelection());
    }
    edited();
    if (c->scale_id != scale_before) show_scale_of(c);
}

// The scale editor shows the selected question's scale (nothing for other criteria), with how
// many questions share it.
void FrameworkPage::show_scale_of(const scoring::Criterion* c) {
    const std::string scale = c && c->kind == scoring::CriterionKind::question ? c->scale_id : "";
    int used = 0;
    for (const auto& l : edited_.lots) used += questions_on(l.criteria, scale);
    scale_->show(&edited_, scale, used, may_edit_);
}

// The selected criterion takes id `id` (checked new in its lot): the model, the tree row and the
// selection follow it.
void FrameworkPage::rename_selected(const std::string& id) {
    auto* c = selected_criterion();
    const auto item = tree_->GetSelection();
    if (!c || !item.IsOk()) return;
    c->id = id;
    criterion_ = id;
    static_cast<NodeRef*>(tree_->GetItemData(item))->criterion = id;
    tree_->SetItemText(item, col_id, wx(id));
}

bool FrameworkPage::add_question() {
    const std::string at = criterion_;
    return change_tree([&](scoring::Framework& fw) { return core::add_question(fw, lot_, at); },
                       "Added question %s with weight 0: name it, choose its scale and share its group's weights "
                       "out again (they must sum to 100). Nothing is stored until you save.");
}

bool FrameworkPage::add_group() {
    const std::string at = criterion_;
    return change_tree([&](scoring::Framework& fw) { return core::add_group(fw, lot_, at); },
                       "Added sub-group %s with weight 0: name it, add its questions and share the weights out "
                       "again. Nothing is stored until you save.");
}

bool FrameworkPage::remove_selected() {
    const std::string id = criterion_;
    return change_tree(
        [&](scoring::Framework& fw) {
            core::remove_criterion(fw, lot_, id);
            return std::string();
        },
        wx("Removed " + id + " and everything under it; share the weights out again. Revert brings it back until "
           "you save."));
}

// One change to the tree's shape: the model, then the tree rebuilt, the new criterion (or the
// removed one's parent's lot) selected, and the checks run again. `done` may hold %s for the
// new criterion's id.
bool FrameworkPage::change_tree(const std::function<std::string(scoring::Framework&)>& change, const wxString& done) {
    if (!may_edit_ || lot_.empty()) return false;
    std::string added;
    try {
        added = change(edited_);
    } catch (const core::FrameworkEditError& e) {
        show_message(wx(std::string("Not changed: ") + e.what()));
        return false;
    }
    const std::string lot = lot_;
    field_problems_.clear();
    build_tree();
    if (added.empty() || !select(lot, added)) select(lot, "");
    edited();
    show_message(done.Contains("%s") ? wxString::Format(done, wx(added)) : done);
    return true;
}

// The side column (scale and price method) scrolls on its own: together they are taller
// than a laptop screen.
wxWindow* FrameworkPage::build_editors(wxWindow* parent) {
    auto* side = new wxScrolledWindow(parent, wxID_ANY);
    side->SetName("framework_side");
    side->SetScrollRate(0, 12);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    scale_ = new ScaleEditor(side, [this] { edited(); });
    sizer->Add(scale_, 0, wxEXPAND | wxBOTTOM, 6);
    price_ = new PriceMethodPanel(side, [this] { edited(); });
    sizer->Add(price_, 1, wxEXPAND);
    side->SetSizer(sizer);
    return side;
}

void FrameworkPage::refresh() {
    auto& s = session();
    core::TenderState state(s.workbook().db());
    const auto xml = state.framework_xml();
    // Unsaved edits survive a reload caused by someone else's change, unless the stored
    // framework itself changed underneath them.
    if (!dirty_ || xml != saved_xml_) {
        saved_ = state.framework();
        edited_ = saved_;
        saved_xml_ = xml;
        dirty_ = false;
        field_problems_.clear();
    }
    frozen_ = state.framework_frozen();
    const auto me = s.acting();
    may_edit_ = me && me->role == core::Role::officer;
    read_bid_prices();
    const std::string lot = lot_, criterion = criterion_;
    lot_.clear();  // the model was re-read: the side panels are filled afresh
    build_tree();
    if (!select(lot, criterion) && !edited_.lots.empty())
        select(s.lot().empty() ? edited_.lots.front().id : s.lot(), "");
    wrap_texts();
    revalidate();
}

std::string FrameworkPage::status_text() const {
    std::string text =
        edited_.name + " (" + edited_.id + ", version " + edited_.version + ", " + edited_.currency + "). ";
    if (!may_edit_) return text + "Only the tender's officer may change the framework; you can read it here.";
    if (frozen_)
        text += "Frozen since the bids were opened: a change needs a reason, recorded in the audit trail, and must "
                "still fit every recorded bid, score and assignment.";
    else
        text += "Editable until the bids are opened.";
    if (dirty_) text += " You have unsaved changes.";
    return text;
}

// The prices the acting person may see, per lot, for the plot; none when sealed or not yet
// declared (the plot then shows an example range).
void FrameworkPage::read_bid_prices() {
    prices_.clear();
    try {
        for (const auto& view : core::bids_for(session().workbook(), session().actor())) {
            if (view.price_sealed) {
                prices_.clear();
                return;
            }
            if (!view.bid.exclusion && view.bid.price > 0) prices_[view.bid.lot].push_back(view.bid.price);
        }
    } catch (const core::Refused&) {
        prices_.clear();  // not allowed to see bids yet: the example range is the honest plot
    }
}

void FrameworkPage::build_tree() {
    tree_->DeleteAllItems();
    const auto add = [this](auto& self, wxTreeListItem parent, const std::string& lot,
                            const scoring::Criterion& c) -> void {
        const auto item = tree_->AppendItem(parent, wx(c.id), -1, -1, new NodeRef(lot, c.id));
        for (const auto& child : c.children) self(self, item, lot, child);
        tree_->Expand(item);
    };
    for (const auto& lot : edited_.lots) {
        if (!session().lot().empty() && lot.id != session().lot()) continue;
        auto parent = tree_->GetRootItem();
        // Every lot in view: each lot is a node of its own (they have separate frameworks).
        if (session().lot().empty()) {
            parent = tree_->AppendItem(parent, wx("Lot " + lot.id), -1, -1, new NodeRef(lot.id, ""));
        }
        for (const auto& c : lot.criteria) add(add, parent, lot.id, c);
        if (parent != tree_->GetRootItem()) tree_->Expand(parent);
    }
    update_columns();
}

// Fills every column from the edited model; called after each edit so weights stay live.
void FrameworkPage::update_columns() {
    std::map<std::string, LeafMarks> marks;
    for (const auto& lot : edited_.lots) marks[lot.id] = leaf_marks(edited_, lot);
    for (auto item = tree_->GetFirstItem(); item.IsOk(); item = tree_->GetNextItem(item)) {
        const auto* ref = static_cast<NodeRef*>(tree_->GetItemData(item));
        auto* lot = find_lot(edited_, ref->lot);
        if (!lot) continue;
        if (ref->criterion.empty()) {
            double weights = 0, effective = 0;
            for (const auto& c : lot->criteria) {
                weights += c.weight;
                effective += effective_of(c, marks[lot->id]);
            }
            tree_->SetItemText(item, col_name, wx(lot->name));
            tree_->SetItemText(item, col_type, "lot");
            tree_->SetItemText(item, col_weight, wx(scoring::format_fixed(weights, 2)));
            tree_->SetItemText(item, col_effective, wx(scoring::format_fixed(effective, 2)));
            continue;
        }
        const auto* c = find_in(lot->criteria, ref->criterion);
        if (!c) continue;
        tree_->SetItemText(item, col_name, wx(c->name));
        tree_->SetItemText(item, col_type, type_of(*c));
        tree_->SetItemText(item, col_weight, wx(scoring::format_number(c->weight)));
        tree_->SetItemText(item, col_effective, wx(scoring::format_fixed(effective_of(*c, marks[lot->id]), 2)));
        tree_->SetItemText(item, col_scale, wx(c->scale_id));
        tree_->SetItemText(item, col_min, minimum_of(*c));
    }
}

bool FrameworkPage::select(const std::string& lot, const std::string& criterion) {
    wxTreeListItem found;
    for (auto item = tree_->GetFirstItem(); item.IsOk(); item = tree_->GetNextItem(item)) {
        const auto* ref = static_cast<NodeRef*>(tree_->GetItemData(item));
        if (ref->lot != lot) continue;
        if (ref->criterion == criterion) {
            found = item;
            break;
        }
        // A lot shown without a node of its own (it is the lot in view): its first criterion.
        if (criterion.empty() && !found.IsOk()) found = item;
    }
    if (!found.IsOk()) return false;
    tree_->Select(found);
    tree_->EnsureVisible(found);
    on_selection();  // Select() sends no event
    return true;
}

scoring::Criterion* FrameworkPage::selected_criterion() {
    auto* lot = find_lot(edited_, lot_);
    return lot && !criterion_.empty() ? find_in(lot->criteria, criterion_) : nullptr;
}

void FrameworkPage::on_selection() {
    const auto item = tree_->GetSelection();
    const auto* ref = item.IsOk() ? static_cast<NodeRef*>(tree_->GetItemData(item)) : nullptr;
    const std::string previous_lot = lot_;
    lot_ = ref ? ref->lot : std::string();
    criterion_ = ref ? ref->criterion : std::string();
    const auto* c = selected_criterion();
    weight_->ChangeValue(c ? wx(scoring::format_number(c->weight)) : wxString());
    weight_->Enable(c && may_edit_);
    field_problems_.clear();
    fill_criterion_fields(c);
    wrap_texts();
    show_scale_of(c);
    // The price fields are filled afresh only for another lot: refilling them would undo typing.
    if (lot_ != previous_lot) price_->show(&edited_, lot_, prices_[lot_], may_edit_);
    Layout();
}

void FrameworkPage::on_weight_text() {
    auto* c = selected_criterion();
    if (!c || !may_edit_) return;
    double value = 0;
    if (weight_->GetValue().Strip(wxString::both).ToCDouble(&value)) {
        field_problems_.erase("weight");
        c->weight = value;
    } else {
        field_problems_["weight"] = "weight of " + c->id + ": \"" + utf8(weight_->GetValue()) +
                                    "\" is not a number; type a percentage such as 40 or 12.5";
    }
    edited();
}

// After any edit on screen: the model is the truth; columns, checks and plot follow it.
void FrameworkPage::edited() {
    dirty_ = true;
    update_columns();
    price_->update_view();
    wrap_texts();
    revalidate();
}

void FrameworkPage::revalidate() {
    issues_ = scoring::validate(edited_);
    std::vector<std::string> typed = price_->input_problems();
    for (const auto& [field, problem] : field_problems_) typed.push_back(problem);
    problems_->DeleteAllItems();
    long row = 0;
    const auto add = [&](bool error, const std::string& text) {
        problems_->InsertItem(row, error ? "Error" : "Warning");
        problems_->SetItem(row, 1, wx(text));
        // Red and a dark orange, both readable on white; the first column says it in words too.
        problems_->SetItemTextColour(row, error ? wxColour(190, 0, 0) : wxColour(190, 95, 0));
        ++row;
    };
    for (const auto& t : typed) add(true, t);
    for (const auto& issue : issues_)
        if (issue.severity == scoring::Severity::error) add(true, issue.text());
    for (const auto& issue : issues_)
        if (issue.severity == scoring::Severity::warning) add(false, issue.text());
    if (row == 0) {
        problems_->InsertItem(0, "OK");
        problems_->SetItem(0, 1, "No problems found.");
    }
    const bool errors = scoring::has_errors(issues_) || !typed.empty();
    save_->Enable(may_edit_ && dirty_ && !errors);
    revert_->Enable(dirty_);
}

bool FrameworkPage::save(const wxString& reason) {
    if (!may_edit_ || !save_->IsEnabled()) return false;
    const std::string xml = core::write_framework_xml(edited_);
    const std::string why = utf8(reason);
    return perform(
        [&](core::Workbook& wb, const std::string& actor) {
            return core::change_framework(wb, actor, xml, "edited on the Framework page of tenderbench-gui", why);
        },
        "Framework saved; the change is recorded in the audit trail.");
}

void FrameworkPage::on_save() {
    wxString reason;
    if (frozen_) {
        wxTextEntryDialog ask(this,
                              "The bids have been opened. Say why the framework must change; the reason is recorded "
                              "in the audit trail with the change.",
                              "Reason for changing the framework", "", wxOK | wxCANCEL | wxTE_MULTILINE);
        if (ask.ShowModal() != wxID_OK) return;
        reason = ask.GetValue();
    }
    save(reason);
}

void FrameworkPage::on_revert() {
    edited_ = saved_;
    dirty_ = false;
    field_problems_.clear();
    const std::string lot = lot_, criterion = criterion_;
    lot_.clear();
    build_tree();
    select(lot, criterion);
    revalidate();
}

}  // namespace gui
