#include "app/gui/tender_page.h"

#include <wx/font.h>
#include <wx/stattext.h>

#include "app/core/workbook_reads.h"
#include "app/core/workbook_state.h"
#include "app/gui/errors.h"

namespace gui {

namespace {

// What each phase asks of the panel (domain.md section 2), in a sentence.
const char* phase_guidance(core::Phase phase) {
    switch (phase) {
        case core::Phase::setup:
            return "Set up: the officer checks the framework, adds the panel, assigns questions and registers or "
                   "imports the bids (File > Import bids). The first bid freezes the framework.";
        case core::Phase::compliance:
            return "Compliance: the officer records pass/fail gates and exclusions on the Bids page; every panel "
                   "member declares their interests on the Evaluators page before seeing any bid.";
        case core::Phase::individual_evaluation:
            return "Individual evaluation: each evaluator scores their assigned questions on the Scoring page, "
                   "alone, with a justification for every score. Prices stay sealed.";
        case core::Phase::moderation:
            return "Moderation: individual scores are locked; the moderator agrees a consensus score with a "
                   "rationale for every item on the Moderation page, starting with the divergent ones.";
        case core::Phase::price_evaluation:
            return "Price evaluation: prices are open; check abnormally low prices and social-value commitments "
                   "on the Bids page, then read the ranking on the Results page.";
        case core::Phase::award:
            return "Award: record the seed for any drawing of lots, export the record to Excel and write the "
                   "assessment summaries (File menu).";
        case core::Phase::debrief:
            return "Debrief: the record is complete; export it and verify the audit trail for the file.";
    }
    return "";
}

}  // namespace

TenderPage::TenderPage(wxWindow* parent, Session& session) : Page(parent, session, PageId::tender) {
    facts_ = new wxStaticText(this, wxID_ANY, "");
    facts_->SetName("tender_facts");
    facts_->SetFont(wxFontInfo(11).Family(wxFONTFAMILY_TELETYPE));
    content()->Add(facts_, 0, wxALL, 8);
    auto* heading = new wxStaticText(this, wxID_ANY, "What this phase asks");
    heading->SetFont(heading->GetFont().Bold());
    content()->Add(heading, 0, wxLEFT | wxTOP, 8);
    next_ = new wxStaticText(this, wxID_ANY, "");
    next_->SetName("phase_guidance");
    content()->Add(next_, 0, wxALL | wxEXPAND, 8);
}

void TenderPage::refresh() {
    auto& s = session();
    const auto summary = core::tender_summary(s.workbook(), s.actor());
    core::TenderState state(s.workbook().db());
    std::string lots;
    for (const auto& lot : state.framework().lots) lots += "\n    " + lot.id + ": " + lot.name;
    const auto me = s.acting();
    const std::string text =
        "Tender            " + summary.tender.name + "\nReference         " + summary.tender.reference +
        "\nPhase             " + core::to_string(summary.tender.phase) + "\nPrices            " +
        (summary.tender.two_envelope ? "two envelopes: sealed from quality evaluators until price evaluation"
                                     : "visible to the panel") +
        "\nFramework         " + summary.framework_name + " (" + summary.framework_id + ")" +
        (summary.framework_frozen ? ", frozen since the bids were opened" : ", still editable") +
        "\nLots              " + std::to_string(state.framework().lots.size()) + lots + "\nBids              " +
        std::to_string(summary.bids) + "\nPanel             " + std::to_string(summary.evaluators) +
        "\nIndividual scores " + std::to_string(summary.individual_scores) + "\nConsensus scores  " +
        std::to_string(summary.consensus_scores) + "\nAudit records     " + std::to_string(summary.audit_records) +
        "\nChain head        " + summary.head_hash + "\nYou are           " +
        (me ? me->name + " (" + me->id + "), " + core::to_string(me->role) : s.actor());
    facts_->SetLabel(wx(text));
    next_->SetLabel(phase_guidance(summary.tender.phase));
    next_->Wrap(std::max(400, GetClientSize().GetWidth() - 40));
}

}  // namespace gui
