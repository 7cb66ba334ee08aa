// The Bids, Evaluators and Audit pages over a real workbook: sealed prices, the abnormally-low,
// gate and declaration dialogs running the core's commands, and the audit trail's filters.
#include <algorithm>
#include <cstdlib>

#include <wx/checkbox.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"
#include "app/gui/alt_decision_dialog.h"
#include "app/gui/assign_dialog.h"
#include "app/gui/audit_page.h"
#include "app/gui/bid_dialog.h"
#include "app/gui/bids_page.h"
#include "app/gui/commitment_dialog.h"
#include "app/gui/conflict_dialog.h"
#include "app/gui/evaluators_page.h"
#include "app/gui/gate_dialog.h"
#include "app/gui/ids.h"
#include "app/gui/interest_dialog.h"
#include "gui/gui_driver.h"

using namespace gui_test;
namespace fs = std::filesystem;

namespace {

void maybe_screenshot(wxWindow* window, const std::string& name) {
    const char* dir = std::getenv("TENDERBENCH_SCREENSHOTS");
    if (dir == nullptr) return;
    // A dialog built for a test is never shown modally: show it for the picture, then hide it.
    const bool hidden = !window->IsShown();
    if (hidden) {
        window->Show();
        settle();
        wxMilliSleep(300);
    }
    screenshot(window, fs::path(dir) / (name + ".png"));
    if (hidden) window->Hide();
    settle();
}

template <class P>
P* show(OpenTender& t, gui::PageId id) {
    auto* page = dynamic_cast<P*>(t.frame().show_page(id));
    REQUIRE(page != nullptr);
    settle();
    return page;
}

wxString cell(wxWindow* page, const std::string& list, const std::string& bid, int column) {
    const long row = find_row(page, list, 0, bid);
    INFO("row " << bid << " of " << list);
    REQUIRE(row >= 0);
    return find<wxListCtrl>(page, list)->GetItemText(row, column);
}

// Chooses a radio button as a click does: sets it and sends its event.
void set_radio(wxWindow* dialog, const std::string& name) {
    auto* radio = find<wxRadioButton>(dialog, name);
    radio->SetValue(true);
    wxCommandEvent event(wxEVT_RADIOBUTTON, radio->GetId());
    event.SetInt(1);
    event.SetEventObject(radio);
    radio->ProcessWindowEvent(event);
    settle();
}

const scoring::BidInput& bid_in(const core::Package& package, const std::string& id) {
    const auto it = std::find_if(package.bids.begin(), package.bids.end(),
                                 [&](const core::PackageBid& b) { return b.input.id == id; });
    REQUIRE(it != package.bids.end());
    return it->input;
}

std::int64_t audit_records(OpenTender& t) { return core::tender_summary(t.session().workbook(), "OF1").audit_records; }

}  // namespace

TEST_CASE("The Bids page seals prices from an evaluator before price evaluation and shows them to the officer",
          "[gui]") {
    OpenTender t;
    auto* page = show<gui::BidsPage>(t, gui::PageId::bids);
    auto* list = find<wxListCtrl>(page, "bids_list");
    CHECK(list->GetItemCount() == 6);
    CHECK(cell(page, "bids_list", "B01", 5) == "489,000.00");
    CHECK(cell(page, "bids_list", "B06", 7) == "2 pass, 1 fail");
    maybe_screenshot(&t.frame(), "bids_page_officer");

    t.session().set_actor("E1");  // not declared yet: the core refuses every bid and says why
    settle();
    CHECK(list->GetItemCount() == 0);
    CHECK(page->message_is_error());
    CHECK(page->message().Contains("conflict-declaration"));
    CHECK(page->message().Contains("Evaluators > Declare my interests"));  // where, in the window
    CHECK_FALSE(page->message().Contains("tenderbench declare"));
    t.declare_no_conflict("E1");
    settle();
    REQUIRE(list->GetItemCount() == 6);
    CHECK_FALSE(page->message_is_error());  // the earlier refusal no longer holds
    for (long i = 0; i < 6; ++i) CHECK(list->GetItemText(i, 5) == "sealed");
    CHECK_FALSE(find_window(page, "add_bid")->IsEnabled());
    CHECK(find<wxStaticText>(page, "bids_summary")->GetLabel().Contains("sealed"));
    maybe_screenshot(&t.frame(), "bids_page_evaluator");
}

TEST_CASE("An abnormally-low decision made in the Bids page's dialog is recorded with its audit record", "[gui]") {
    SampleOptions options;
    options.phase = core::Phase::price_evaluation;
    options.without_consensus = false;
    OpenTender t(options);
    auto* page = show<gui::BidsPage>(t, gui::PageId::bids);
    CHECK(cell(page, "bids_list", "B04", 8) == "flagged, rejected");  // as the sample decided
    CHECK(cell(page, "bids_list", "B01", 8) == "no");

    // A bid the engine does not flag: the core refuses, the dialog stays with what was typed.
    select_row(page, "bids_list", find_row(page, "bids_list", 0, "B01"));
    CHECK_FALSE(find_window(page, "alt_decision")->IsEnabled());
    auto refused = page->make_alt_dialog();
    REQUIRE(refused);
    type(refused.get(), "alt_reason", "Explanation received");
    const auto before = audit_records(t);
    CHECK_FALSE(refused->submit());
    CHECK(refused->error().Contains("not flagged as abnormally low"));
    CHECK(find<wxTextCtrl>(refused.get(), "alt_reason")->GetValue() == "Explanation received");
    CHECK(audit_records(t) == before);
    refused.reset();

    select_row(page, "bids_list", find_row(page, "bids_list", 0, "B04"));
    CHECK(find_window(page, "alt_decision")->IsEnabled());
    auto dialog = page->make_alt_dialog();
    REQUIRE(dialog);
    CHECK(find<wxStaticText>(dialog.get(), "alt_finding")->GetLabel().Contains("median"));
    set_radio(dialog.get(), "alt_accept");
    const std::string reason = "Revised cost breakdown of 2 June shows the Real Living Wage paid; price confirmed.";
    type(dialog.get(), "alt_reason", reason);
    maybe_screenshot(dialog.get(), "alt_decision_dialog");
    REQUIRE(dialog->submit());
    dialog.reset();

    core::TenderState state(t.session().workbook().db());
    const auto package = state.package(false);
    const auto& b04 = bid_in(package, "B04");
    CHECK(b04.alt_decision == scoring::AltDecision::accepted);
    CHECK(b04.alt_reason == reason);
    const auto trail = core::audit_log_for(t.session().workbook(), "OF1");
    REQUIRE(static_cast<std::int64_t>(trail.size()) == before + 1);
    CHECK(trail.back().action == "alt-decision");
    CHECK(trail.back().kind == "alt_decision");
    CHECK(trail.back().actor == "OF1");
    CHECK(trail.back().reason == reason);
    CHECK(cell(page, "bids_list", "B04", 8) == "flagged, accepted");
    CHECK(page->selected_bid() == "B04");
    CHECK_FALSE(page->message_is_error());
    maybe_screenshot(&t.frame(), "bids_page_alt");
}

TEST_CASE("A failed gate without a reason is refused with the core's message and nothing is recorded", "[gui]") {
    SampleOptions options;
    options.phase = core::Phase::compliance;
    OpenTender t(options);
    auto* page = show<gui::BidsPage>(t, gui::PageId::bids);
    select_row(page, "bids_list", find_row(page, "bids_list", 0, "B01"));
    CHECK(find<wxListCtrl>(page, "gates_list")->GetItemCount() == 3);
    select_row(page, "gates_list", 0);
    CHECK(find_window(page, "record_gate")->IsEnabled());
    auto dialog = page->make_gate_dialog();
    REQUIRE(dialog);
    CHECK(dialog->gate() == "G1");
    set_radio(dialog.get(), "gate_fail");
    const auto before = audit_records(t);
    CHECK_FALSE(dialog->submit());
    CHECK(dialog->error().Contains("Refused (reason)"));
    CHECK(dialog->error().Contains("the reason the bid failed is empty"));
    CHECK(page->message_is_error());
    CHECK(audit_records(t) == before);
    {
        core::TenderState state(t.session().workbook().db());
        CHECK(bid_in(state.package(false), "B01").gates.at(0).passed);
    }
    maybe_screenshot(dialog.get(), "gate_dialog_refused");

    // What was chosen survives the refusal; with the reason written, the result is recorded.
    CHECK_FALSE(dialog->passed());
    type(dialog.get(), "gate_reason", "Rating 2 at the inspection of 3 March 2026.");
    REQUIRE(dialog->submit());
    dialog.reset();
    core::TenderState state(t.session().workbook().db());
    const auto package = state.package(false);
    const auto& gate = bid_in(package, "B01").gates.at(0);
    CHECK_FALSE(gate.passed);
    CHECK(gate.reason == "Rating 2 at the inspection of 3 March 2026.");
    CHECK(audit_records(t) == before + 1);
    CHECK(cell(page, "gates_list", "G1", 2) == "fail");
}

TEST_CASE("Adding a bid through the Bids page keeps what was typed when the core refuses it", "[gui]") {
    SampleOptions options;
    options.phase = core::Phase::compliance;
    OpenTender t(options);
    auto* page = show<gui::BidsPage>(t, gui::PageId::bids);
    REQUIRE(find_window(page, "add_bid")->IsEnabled());
    auto dialog = page->make_bid_dialog();
    type(dialog.get(), "bid_id", "B01");
    type(dialog.get(), "bid_bidder", "Harland Community Kitchen CIC");
    type(dialog.get(), "bid_price", "412,000.5");
    CHECK_FALSE(dialog->submit());
    CHECK(dialog->error().Contains("Refused (duplicate)"));
    CHECK(dialog->bid().bidder == "Harland Community Kitchen CIC");
    CHECK(dialog->bid().price == 41200050);
    type(dialog.get(), "bid_id", "B07");
    maybe_screenshot(dialog.get(), "bid_dialog");
    REQUIRE(dialog->submit());
    dialog.reset();
    CHECK(find<wxListCtrl>(page, "bids_list")->GetItemCount() == 7);
    CHECK(cell(page, "bids_list", "B07", 5) == "412,000.50");
    CHECK(cell(page, "bids_list", "B07", 7) == "3 to record");
}

TEST_CASE("A deliverability decision in the Bids page reduces a social-value commitment", "[gui]") {
    SampleOptions options;
    options.sample = "domiciliary_care";
    options.phase = core::Phase::price_evaluation;
    options.without_consensus = false;
    OpenTender t(options);
    auto* page = show<gui::BidsPage>(t, gui::PageId::bids);
    select_row(page, "bids_list", find_row(page, "bids_list", 0, "B01"));
    auto* commitments = find<wxListCtrl>(page, "commitments_list");
    REQUIRE(commitments->GetItemCount() == 6);
    CHECK_FALSE(find_window(page, "sv_decision")->IsEnabled());
    select_row(page, "commitments_list", 0);
    REQUIRE(find_window(page, "sv_decision")->IsEnabled());
    auto dialog = page->make_commitment_dialog();
    REQUIRE(dialog);
    set_radio(dialog.get(), "sv_reduce");
    type(dialog.get(), "sv_amount", "many");
    const auto before = audit_records(t);
    CHECK_FALSE(dialog->submit());  // not a number: said in the dialog before the core is asked
    CHECK(dialog->error().Contains("as a number"));
    type(dialog.get(), "sv_amount", "60");
    type(dialog.get(), "sv_reason", "Recruitment plan names four roles only.");
    CHECK_FALSE(dialog->submit());  // more than was committed: the core's rule
    CHECK(dialog->error().Contains("between 0 and the 6 committed"));
    CHECK(audit_records(t) == before);
    type(dialog.get(), "sv_amount", "4");
    maybe_screenshot(dialog.get(), "commitment_dialog");
    REQUIRE(dialog->submit());
    dialog.reset();
    CHECK(audit_records(t) == before + 1);
    REQUIRE(commitments->GetItemCount() == 6);
    CHECK(commitments->GetItemText(0, 2) == "reduce");
    CHECK(commitments->GetItemText(0, 3) == "4");
    CHECK(commitments->GetItemText(0, 4) == "Recruitment plan names four roles only.");
    maybe_screenshot(&t.frame(), "bids_page_commitments");
}

TEST_CASE("The Evaluators page declares interests for the acting member and the officer decides a conflict",
          "[gui]") {
    SampleOptions options;
    options.open_as = "E1";
    OpenTender t(options);
    auto* page = show<gui::EvaluatorsPage>(t, gui::PageId::evaluators);
    CHECK(find<wxListCtrl>(page, "panel_list")->GetItemCount() == 5);
    CHECK(cell(page, "panel_list", "E1", 3) == "not declared");
    CHECK_FALSE(find_window(page, "add_member")->IsEnabled());
    REQUIRE(find_window(page, "declare_interests")->IsEnabled());
    auto declare = page->make_interest_dialog();
    REQUIRE(declare);
    CHECK(find<wxRadioButton>(declare.get(), "interest_none")->GetValue());
    REQUIRE(declare->submit());
    declare.reset();
    {
        core::TenderState state(t.session().workbook().db());
        const auto declared = state.declarations("E1");
        REQUIRE(declared.size() == 1);
        CHECK_FALSE(declared[0].conflict);
        CHECK(declared[0].bid == "*");
    }
    CHECK(cell(page, "panel_list", "E1", 3) == "no conflict");

    // E2 declares a conflict: without a description the core refuses; the bid typed stays.
    t.session().set_actor("E2");
    settle();
    auto conflict = page->make_interest_dialog();
    set_radio(conflict.get(), "interest_conflict");
    find<wxComboBox>(conflict.get(), "interest_bid")->SetValue("B03");
    CHECK_FALSE(conflict->submit());
    CHECK(conflict->error().Contains("description is empty"));
    CHECK(conflict->bid() == "B03");
    type(conflict.get(), "interest_detail", "My sister is a trustee of Age Well Harland.");
    REQUIRE(conflict->submit());
    conflict.reset();

    t.session().set_actor("OF1");
    settle();
    REQUIRE(page->select_member("E2"));
    CHECK(cell(page, "panel_list", "E2", 3) == "1 conflict (1 awaiting a decision)");
    REQUIRE(find_window(page, "decide_conflict")->IsEnabled());
    auto decide = page->make_conflict_dialog();
    REQUIRE(decide);
    set_radio(decide.get(), "conflict_remove");
    type(decide.get(), "conflict_reason", "Close family interest; E3 scores B03 instead.");
    REQUIRE(decide->submit());
    decide.reset();
    core::TenderState state(t.session().workbook().db());
    const auto declared = state.declarations("E2");
    REQUIRE(declared.size() == 1);
    CHECK(declared[0].decision == std::optional<std::string>("removed"));

    // The officer covers the removed member: Q1 of bid B03 for the moderator.
    REQUIRE(page->select_member("M1"));
    REQUIRE(find_window(page, "assign_question")->IsEnabled());
    auto assign = page->make_assign_dialog();
    CHECK(assign->evaluator() == "M1");
    choose(assign.get(), "assign_criterion", "Q1");
    choose(assign.get(), "assign_bid", "B03");
    REQUIRE(assign->submit());
    assign.reset();
    CHECK(state.assigned("M1", "Q1", "B03"));
    CHECK(find_row(page, "assignments_list", 1, "bid B03") >= 0);
    maybe_screenshot(&t.frame(), "evaluators_page");
}

TEST_CASE("The Audit page filters the trail by actor, action and date, and Verify reports it intact", "[gui]") {
    OpenTender t;
    t.declare_no_conflict("E1");
    t.declare_no_conflict("E2");
    auto* page = show<gui::AuditPage>(t, gui::PageId::audit);
    auto& wb = t.session().workbook();
    const auto trail = core::audit_log_for(wb, "OF1");
    const auto count = [&](auto&& keep) { return static_cast<std::size_t>(std::count_if(trail.begin(), trail.end(), keep)); };
    auto* list = find<wxListCtrl>(page, "audit_list");
    CHECK(page->shown().size() == trail.size());
    CHECK(static_cast<std::size_t>(list->GetItemCount()) == trail.size());

    choose(page, "audit_actor_filter", "E1");
    CHECK(page->shown().size() == count([](const core::AuditRecord& r) { return r.actor == "E1"; }));
    CHECK(page->shown().size() == 1);
    choose(page, "audit_actor_filter", "everyone");
    choose(page, "audit_action_filter", "import");
    CHECK(page->shown().size() == count([](const core::AuditRecord& r) { return r.action == "import"; }));
    choose(page, "audit_action_filter", "declare");
    CHECK(page->shown().size() == 2);
    CHECK(static_cast<std::size_t>(list->GetItemCount()) == 2);
    type(page, "audit_search", "E2");
    CHECK(page->shown().size() == 1);
    type(page, "audit_search", "");
    choose(page, "audit_action_filter", "every action");

    find<wxDatePickerCtrl>(page, "audit_to")->SetValue(wxDateTime(1, wxDateTime::Jan, 2000));
    click(page, "audit_to_enabled");
    CHECK(page->shown().empty());
    click(page, "audit_to_enabled");
    CHECK(page->shown().size() == trail.size());

    select_row(page, "audit_list", 0);
    CHECK(find<wxTextCtrl>(page, "audit_detail")->GetValue().Contains("After:"));
    click(page, "audit_verify");
    const auto result = find<wxTextCtrl>(page, "audit_verify_result")->GetValue();
    CHECK(result.Contains("The audit trail verifies"));
    CHECK(result.Contains(wxString::FromUTF8(trail.back().hash)));
    maybe_screenshot(&t.frame(), "audit_page");

    // Tender > Verify (Ctrl+Shift+V) runs the same check in the background and says so in a box.
    dialogs_shown();
    menu(&t.frame(), gui::id::verify);
    const auto shown = dialogs_shown();
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].find("Verify audit trail: The audit trail verifies: " + std::to_string(trail.size()) +
                        " records") == 0);
    CHECK(shown[0].find(trail.back().hash) != std::string::npos);
}
