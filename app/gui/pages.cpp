// The navigator's pages, one class per file.
#include "app/gui/audit_page.h"
#include "app/gui/bids_page.h"
#include "app/gui/design_page.h"
#include "app/gui/evaluators_page.h"
#include "app/gui/framework_page.h"
#include "app/gui/moderation_page.h"
#include "app/gui/results_page.h"
#include "app/gui/scoring_page.h"
#include "app/gui/tender_page.h"

namespace gui {

Page* make_page(PageId id, wxWindow* parent, Session& session) {
    switch (id) {
        case PageId::tender: return new TenderPage(parent, session);
        case PageId::framework: return new FrameworkPage(parent, session);
        case PageId::design: return new DesignPage(parent, session);
        case PageId::bids: return new BidsPage(parent, session);
        case PageId::evaluators: return new EvaluatorsPage(parent, session);
        case PageId::scoring: return new ScoringPage(parent, session);
        case PageId::moderation: return new ModerationPage(parent, session);
        case PageId::results: return new ResultsPage(parent, session);
        case PageId::audit: return new AuditPage(parent, session);
    }
    return nullptr;
}

}  // namespace gui
