// The Assessment summaries sheet: for every bidder, each award criterion with its weight, the
// bidder's score, marks and explanation beside the winning tender's, then the subtotals and total.
#include "app/core/assessment_summary.h"
#include "app/core/export_sheets.h"
#include "scoring/money.h"

namespace core::excel {

namespace {

using xlsx::Style;

constexpr std::uint16_t kLot = 0, kBid = 1, kBidder = 2, kOutcome = 3, kCriterion = 4, kName = 5, kHow = 6, kWeight = 7,
                        kScore = 8, kMarks = 9, kExplanation = 10, kWinner = 11, kWinnerScore = 12, kWinnerMarks = 13,
                        kWinnerExplanation = 14;

// The live cell holding exactly this criterion's marks for the bid, or "" when the marks shown
// here differ from any one cell (normalised quality, several price or measures leaves).
std::string live_marks(const scoring::Lot& framework_lot, const BidCells& bid,
                       const CriterionAssessment& c, std::size_t price_leaves) {
    if (c.group == scoring::GroupType::price) return price_leaves == 1 ? bid.price_marks : "";
    if (c.group == scoring::GroupType::quality && framework_lot.rules.normalise_quality) return "";
    const auto it = bid.marks.find(c.id);
    return it == bid.marks.end() ? "" : it->second;
}

class AssessmentWriter {
public:
    AssessmentWriter(Context& context, xlsx::Sheet& sheet) : context_(context), sheet_(sheet) {}

    void write() {
        sheet_.text(0, 0, "Assessment summaries (Procurement Act 2023 s.50; Procurement Regulations 2024 reg 31)",
                    Style::title);
        sheet_.text(1, 0,
                    "For each bidder: every award criterion, its weight, the bidder's score and marks with the "
                    "explanation by reference to its tender, and the same for the winning tender. Marks refer to "
                    "the live cells of the Price, Quality and Social value sheets.",
                    Style::note);
        const std::vector<std::string> titles{
            "Lot",   "Bid",   "Bidder",      "Outcome",     "Criterion",     "Criterion name",       "How scored",
            "Weight (most marks)", "Score", "Marks", "Explanation", "Winning bid", "Winning score", "Winning marks",
            "Winning explanation"};
        sheet_.header(3, titles, 3);
        sheet_.widths({8, 10, 26, 50, 10, 30, 40, 10, 8, 10, 70, 10, 8, 10, 70});
        row_ = 4;
        for (const auto& s : assessment_summaries(context_.data)) write_summary(s);
        sheet_.autofilter(3, row_ - 1, kWinnerExplanation);
    }

private:
    void write_summary(const AssessmentSummary& s) {
        const auto& lot_cells = context_.cells.lots.at(s.lot_id);
        const auto* lot = context_.data.package.framework.lot(s.lot_id);
        std::size_t price_leaves = 0;
        for (const auto& c : s.bidder.criteria) price_leaves += c.group == scoring::GroupType::price ? 1 : 0;
        const auto& mine = lot_cells.bids.at(s.bidder.bid);
        const BidCells* theirs = s.winner ? &lot_cells.bids.at(s.winner->bid) : nullptr;
        for (std::size_t k = 0; k < s.bidder.criteria.size(); ++k) {
            const auto& c = s.bidder.criteria[k];
            start_row(s, k == 0);
            sheet_.text(row_, kCriterion, c.id);
            sheet_.text(row_, kName, c.name);
            sheet_.text(row_, kHow, c.how_scored, Style::wrap);
            sheet_.formula(row_, kWeight, "=" + lot_cells.weight.at(c.id), c.weight, Style::decimal);
            if (c.score) sheet_.number(row_, kScore, *c.score, Style::plain);
            put_marks(kMarks, live_marks(*lot, mine, c, price_leaves), c.marks);
            sheet_.text(row_, kExplanation, c.explanation, Style::wrap);
            if (s.winner) {
                const auto& w = s.winner->criteria[k];
                sheet_.text(row_, kWinner, s.winner->bid);
                if (w.score) sheet_.number(row_, kWinnerScore, *w.score, Style::plain);
                put_marks(kWinnerMarks, live_marks(*lot, *theirs, w, price_leaves), w.marks);
                sheet_.text(row_, kWinnerExplanation, w.explanation, Style::wrap);
            }
            ++row_;
        }
        subtotal(s, "Price marks", mine.price_marks, s.bidder.price_marks, theirs ? theirs->price_marks : "",
                 s.winner ? s.winner->price_marks : 0);
        subtotal(s, "Quality marks", mine.quality_marks, s.bidder.quality_marks, theirs ? theirs->quality_marks : "",
                 s.winner ? s.winner->quality_marks : 0);
        subtotal(s, "Social value marks", mine.social_value_marks, s.bidder.social_value_marks,
                 theirs ? theirs->social_value_marks : "", s.winner ? s.winner->social_value_marks : 0);
        subtotal(s, "Total", mine.total, s.bidder.total, theirs ? theirs->total : "", s.winner ? s.winner->total : 0);
    }

    void start_row(const AssessmentSummary& s, bool first) {
        sheet_.text(row_, kLot, s.lot_id);
        sheet_.text(row_, kBid, s.bidder.bid);
        sheet_.text(row_, kBidder, s.bidder.bidder);
        if (first) sheet_.text(row_, kOutcome, s.outcome, Style::wrap);
    }

    void put_marks(std::uint16_t column, const std::string& live, double value) {
        if (live.empty()) sheet_.number(row_, column, value, Style::decimal);
        else sheet_.formula(row_, column, "=" + live, value, Style::decimal);
    }

    void subtotal(const AssessmentSummary& s, const std::string& label, const std::string& mine, double mine_value,
                  const std::string& theirs, double theirs_value) {
        start_row(s, false);
        sheet_.text(row_, kCriterion, label, Style::label);
        put_marks(kMarks, mine, mine_value);
        if (s.winner) {
            sheet_.text(row_, kWinner, s.winner->bid);
            put_marks(kWinnerMarks, theirs, theirs_value);
        }
        ++row_;
    }

    Context& context_;
    xlsx::Sheet& sheet_;
    std::uint32_t row_ = 4;
};

}  // namespace

void write_assessment_summaries(Context& context, xlsx::Sheet& sheet) { AssessmentWriter(context, sheet).write(); }

}  // namespace core::excel
