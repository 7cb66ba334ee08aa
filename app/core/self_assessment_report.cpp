#include "app/core/self_assessment_report.h"

#include <algorithm>
#include <cctype>

#include "app/core/text_table.h"
#include "scoring/award_models.h"
#include "scoring/money.h"
#include "scoring/price_methods.h"

namespace core {

namespace {

using scoring::format_fixed;
using scoring::format_money;
using scoring::format_number;
using scoring::ThresholdStatus;

// Columns padded to their widest cell; `right[c]` right-aligns numbers.
std::string table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
    return text_table(rows, [&right](std::size_t c) { return right[c]; }, "  ");
}

std::string marks(double value) { return format_fixed(value, 2); }

std::string ordinal(int n) {
    const int tens = n % 100;
    const int units = n % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : units == 1                ? "st"
                         : units == 2                ? "nd"
                         : units == 3                ? "rd"
                                                     : "th";
    return std::to_string(n) + suffix;
}

std::string on_fail_words(scoring::OnFail on_fail) {
    return on_fail == scoring::OnFail::exclude ? "the tender is excluded"
           : on_fail == scoring::OnFail::flag  ? "the tender is flagged"
                                               : "the methodology does not say (ask the buyer)";
}

std::string group_words(scoring::GroupType group) {
    return group == scoring::GroupType::price ? "price" : group == scoring::GroupType::quality ? "quality" : "social value";
}

std::string award_words(scoring::AwardModel model) {
    switch (model) {
        case scoring::AwardModel::vfm_ratio: return "Z (points per 1,000)";
        case scoring::AwardModel::price_per_quality_point: return "price per point";
        case scoring::AwardModel::monetised_quality: return "comparison price";
        case scoring::AwardModel::weighted_sum: break;
    }
    return "award figure";
}

std::string capitalised(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// Z is a small ratio; the other figures are money.
std::string figure_text(scoring::AwardModel model, double value) {
    return format_fixed(value, model == scoring::AwardModel::vfm_ratio ? 4 : 2);
}

std::string flags_words(const std::vector<scoring::Flag>& flags) {
    std::string out;
    for (const auto& f : flags)
        if (f.code != "excluded" || flags.size() == 1) out += "    " + f.code + ": " + f.detail + "\n";
    return out;
}

void projected_section(const SelfAssessmentView& v, std::string& out) {
    const auto& r = v.report;
    out += "\n1. Projected marks against the competitor profile\n";
    std::vector<std::vector<std::string>> rows{{"Criterion", "Name", "Your score", "Marks", "Out of"}};
    for (const auto& c : r.projected.criteria) {
        std::string score = "-";
        for (const auto& q : r.questions)
            if (q.id == c.id) score = format_number(q.score) + " of " + format_number(q.scale_maximum);
        rows.push_back({c.id, cut_to_width(c.name, 44), score, marks(c.marks), marks(c.maximum)});
    }
    out += table(rows, {false, false, true, true, true});
    const auto& p = r.projected;
    const auto* lot = v.framework.lot(r.lot_id);
    const auto model = lot ? lot->award.model : scoring::AwardModel::weighted_sum;
    const bool weighted = model == scoring::AwardModel::weighted_sum;
    if (weighted)
        out += "  Price " + marks(p.price_marks) + ", quality " + marks(p.quality_marks) + ", social value " +
               marks(p.social_value_marks) + "; total " + marks(p.total) + " of 100\n";
    else
        out += "  Quality " + marks(p.quality_marks) + ", social value " + marks(p.social_value_marks) +
               "; quality points " + marks(p.total) + " of 100" +
               (p.award_value ? "; " + award_words(model) + " " + figure_text(model, *p.award_value) : "") + "\n";
    out += "  Standing: " + standing_words(p) + "\n";
    if (!p.flags.empty()) out += "  Flags on your bid:\n" + flags_words(p.flags);
    out += "\n  The field (you and the competitors the profile describes, in ranked order):\n";
    // Under the other award models price is not marked: the figure compared takes its column.
    std::vector<std::vector<std::string>> field{
        {"Rank", "Bid", "Price", weighted ? "Price mk" : capitalised(award_words(model)), "Quality", "Soc.val", "Total"}};
    for (const auto& b : p.field) {
        const std::string figure = !b.in_contention ? "-"
                                   : weighted       ? marks(b.price_marks)
                                   : b.award_value  ? figure_text(model, *b.award_value)
                                                    : "-";
        field.push_back({b.rank ? std::to_string(*b.rank) : "-", b.id, format_money(b.price), figure,
                         marks(b.quality_marks), marks(b.social_value_marks), b.in_contention ? marks(b.total) : "-"});
    }
    out += table(field, {true, false, true, true, true, true, true});
}

void thresholds_section(const SelfAssessmentView& v, std::string& out) {
    out += "\n2. Thresholds\n";
    std::vector<std::vector<std::string>> rows{{"Question", "Minimum", "Your score", "Status"}};
    for (const auto& q : v.report.questions)
        if (q.min_score)
            rows.push_back({q.id, format_number(*q.min_score), format_number(q.score), threshold_words(q)});
    if (rows.size() > 1) out += table(rows, {false, true, true, false});
    else out += "  No question has a minimum score.\n";
    if (v.report.quality_minimum) out += "  " + quality_minimum_words(*v.report.quality_minimum) + "\n";
    else out += "  No minimum total quality.\n";
}

void improvement_section(const SelfAssessmentView& v, std::string& out) {
    out += "\n3. Where to improve: marks per point = effective weight / scale maximum\n";
    std::vector<const scoring::QuestionAssessment*> order;
    for (const auto& q : v.report.questions) order.push_back(&q);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        return a->improvement_rank.value_or(1 << 30) < b->improvement_rank.value_or(1 << 30);
    });
    std::vector<std::vector<std::string>> rows{
        {"Rank", "Question", "Name", "Group", "Score", "Weight", "Marks/point", "Marks to the top"}};
    for (const auto* q : order)
        rows.push_back({q->improvement_rank ? std::to_string(*q->improvement_rank) : "top", q->id, cut_to_width(q->name, 36),
                        group_words(q->group), format_number(q->score) + " of " + format_number(q->scale_maximum),
                        marks(q->effective_weight), format_fixed(q->marks_per_point, 3), marks(q->marks_to_top)});
    out += table(rows, {true, false, false, false, true, true, true, true});
}

void competitors_section(const SelfAssessmentView& v, std::string& out) {
    const auto& r = v.report;
    out += "\n4. Against competitors\n";
    out += "  Profile: " + profile_words(v.input.competitors) + "\n";
    out += "  Highest price that still wins: " + break_even_words(r.break_even) + "\n";
    out += "    Searched from " + format_money(r.break_even.search_low) + " (" + r.break_even.low_reason + ")\n";
    out += "    to " + format_money(r.break_even.search_high) + " (" + r.break_even.high_reason + ").\n";
    out += "    Totals are compared at the framework's declared precision; a tie there goes to its tie-break rules.\n";
    out += "  Quality needed at your price of " + format_money(r.quality_needed.price) + ": " +
           quality_needed_words(r.quality_needed) + "\n";
}

void conditions_section(const SelfAssessmentView& v, std::string& out) {
    const auto& r = v.report;
    out += "\n5. Conditions of participation\n";
    if (!r.design_stated)
        out += "  The framework does not state its conditions of participation (turnover, insurance, accounts);\n"
               "  check the tender documents.\n";
    else if (r.conditions.empty())
        out += "  The framework demands no minimum turnover, insurance evidence or accounts.\n";
    for (const auto& c : r.conditions) {
        out += "  " + c.name + ": " + condition_words(c.status) + "\n    demanded: " + c.demanded +
               "\n    yours: " + (c.yours.empty() ? "not stated (add it to <provider>)" : c.yours) + "\n";
        if (!c.detail.empty()) out += "    " + c.detail + "\n";
    }
    if (!r.gates.empty()) {
        out += "  Pass/fail gates (the projection assumes you pass them all; confirm each yourself):\n";
        for (const auto& g : r.gates) out += "    " + g.id + " " + g.name + ": " + g.requirement + "\n";
    }
}

}  // namespace

std::string profile_words(const scoring::CompetitorProfile& p) {
    std::string out = std::to_string(p.count) + (p.count == 1 ? " competitor" : " competitors");
    if (p.count == 1 || p.price_low == p.price_high)
        out += " priced at " + format_money(p.price_low);
    else
        out += " priced evenly from " + format_money(p.price_low) + " to " + format_money(p.price_high);
    out += p.typical_score ? ", each scoring " + format_number(*p.typical_score) + " on every question"
                           : ", each scoring " + format_number(p.typical_quality_percent.value_or(0)) +
                                 "% of the scale maximum on every question";
    if (p.social_value) out += " and committing social value of " + format_money(*p.social_value);
    return out;
}

std::string threshold_words(const scoring::QuestionAssessment& q) {
    if (!q.min_score) return "no minimum";
    const std::string consequence = on_fail_words(q.on_fail);
    switch (q.threshold) {
        case ThresholdStatus::fails:
            return "FAILS: below the minimum of " + format_number(*q.min_score) + "; " + consequence;
        case ThresholdStatus::at_risk:
            return "AT RISK: less than one scale step (" + format_number(q.step) + ") above the minimum of " +
                   format_number(*q.min_score) + "; one point lower and " + consequence;
        case ThresholdStatus::met:
            return "met, with a margin of " + format_number(q.score - *q.min_score) + " (if failed, " + consequence + ")";
        case ThresholdStatus::none: break;
    }
    return "no minimum";
}

std::string quality_minimum_words(const scoring::QualityMinimum& m) {
    std::string out = "Minimum total quality: " + format_number(m.percent) + "% = " + marks(m.needed) +
                      " marks; yours " + marks(m.marks) + ": ";
    switch (m.status) {
        case ThresholdStatus::fails: return out + "FAILS; the tender would be excluded before price is considered";
        case ThresholdStatus::at_risk:
            return out + "AT RISK: the margin of " + marks(m.marks - m.needed) + " is less than one point on " +
                   m.heaviest + " (" + marks(m.margin) + " marks)";
        default:
            return out + "met, with a margin of " + marks(m.marks - m.needed) + " (one point on " + m.heaviest +
                   " is " + marks(m.margin) + " marks)";
    }
}

std::string break_even_words(const scoring::BreakEven& b) {
    using O = scoring::BreakEven::Outcome;
    std::string out;
    switch (b.outcome) {
        case O::found: out = format_money(b.price) + "; one penny more and you no longer win"; break;
        case O::wins_at_bound: out = "you win at every price searched, up to " + format_money(b.price); break;
        case O::cannot_win: out = "you cannot win at any price, not even at " + format_money(b.price); break;
    }
    const bool out_of_contention =
        std::any_of(b.flags.begin(), b.flags.end(), [](const scoring::Flag& f) { return f.code == "excluded"; });
    if (out_of_contention) {
        std::string why;
        for (const auto& f : b.flags)
            if (f.code != "excluded") why += (why.empty() ? "" : "; ") + f.detail;
        out += ": your bid is out of contention (" + why + ")";
    }
    if (!b.monotone && b.contrary_price)
        out += ". CAUTION: at " + format_money(*b.contrary_price) +
               " the result did not follow 'wins below, loses above'; check prices near it by hand";
    for (const auto& f : b.flags)
        if (f.code.rfind("abnormally_low", 0) == 0)
            out += ". At that price your bid is flagged as abnormally low: " + f.detail;
    return out;
}

std::string quality_needed_words(const scoring::QualityNeeded& q) {
    using O = scoring::QualityNeeded::Outcome;
    std::string point;
    if (q.uniform_point)
        point = "; on scale " + q.scale + ", a " + format_number(*q.uniform_point) + " on every quality question";
    else if (!q.scale.empty()) point = "; no single point of scale " + q.scale + " on every quality question wins";
    switch (q.outcome) {
        case O::not_applicable: return "not computed: " + q.note;
        case O::wins_at_any: return "you win at this price whatever your quality scores (above any minimum)";
        case O::cannot_win:
            return "you cannot win at this price even with top marks on every quality question" +
                   (q.uniform_point || q.scale.empty() ? std::string() : point);
        case O::found: break;
    }
    return format_fixed(q.level_percent, 2) + "% of every quality question's scale maximum (" + marks(q.quality_marks) +
           " of " + marks(q.quality_maximum) + " quality marks)" + point;
}

std::string standing_words(const scoring::Projection& p) {
    if (!p.in_contention) return "out of contention, so you cannot win as scored (see the flags)";
    const int rank = p.rank.value_or(0);
    int shared = 0;
    std::string leader;
    for (const auto& b : p.field)
        if (b.rank == 1) {
            ++shared;
            if (b.id != "YOU") leader = b.id;
        }
    const std::string place = ordinal(rank) + " of " + std::to_string(p.field.size());
    if (p.wins) return place + ": you would win";
    if (rank == 1 && shared > 1) return place + ", tied with " + leader + " after every tie-break: no clear win";
    if (rank == 1) return place + ", but only by drawing lots: no clear win";
    return place + ": " + leader + " would win";
}

std::string condition_words(scoring::ConditionCheck::Status status) {
    switch (status) {
        case scoring::ConditionCheck::Status::met: return "met";
        case scoring::ConditionCheck::Status::not_met: return "NOT MET";
        case scoring::ConditionCheck::Status::unknown: return "cannot tell";
    }
    return "";
}

std::string self_assessment_text(const SelfAssessmentView& v) {
    const auto& r = v.report;
    const auto& fw = v.framework;
    const auto* lot = fw.lot(r.lot_id);
    std::string out = "Self-assessment" + (v.input.provider.name.empty() ? "" : ": " + v.input.provider.name) + "\n";
    out += "Framework: " + fw.name + ", version " + fw.version + "; lot " + r.lot_id + ": " + r.lot_name + "\n";
    if (lot) {
        out += "Award: " + scoring::describe(lot->award) + "\n";
        if (lot->award.model == scoring::AwardModel::weighted_sum)
            out += "Price: " + scoring::to_string(lot->price.method) + " = " + scoring::formula(lot->price) + "\n";
    }
    out += "Your price: " + format_money(r.price) + " " + fw.currency + "\n";
    projected_section(v, out);
    thresholds_section(v, out);
    improvement_section(v, out);
    competitors_section(v, out);
    conditions_section(v, out);
    out += "\nNothing was written to any tender. Marks are projections from your own scores, not a panel's.\n";
    return out;
}

namespace {

using nlohmann::ordered_json;

double money(scoring::Money m) { return scoring::to_major(m); }

ordered_json optional_number(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json flags_json(const std::vector<scoring::Flag>& flags) {
    ordered_json out = ordered_json::array();
    for (const auto& f : flags) out.push_back({{"code", f.code}, {"detail", f.detail}});
    return out;
}

ordered_json projected_json(const scoring::Projection& p) {
    ordered_json criteria = ordered_json::array();
    for (const auto& c : p.criteria)
        criteria.push_back({{"id", c.id}, {"name", c.name}, {"group", scoring::to_string(c.group)},
                            {"marks", c.marks}, {"maximum", c.maximum}});
    ordered_json field = ordered_json::array();
    for (const auto& b : p.field)
        field.push_back({{"id", b.id}, {"price", money(b.price)}, {"rank", b.rank ? ordered_json(*b.rank) : nullptr},
                         {"in_contention", b.in_contention}, {"total", b.in_contention ? ordered_json(b.total) : nullptr},
                         {"marks", {{"price", b.price_marks}, {"quality", b.quality_marks},
                                    {"social_value", b.social_value_marks}}},
                         {"award_value", optional_number(b.award_value)}});
    return {{"rank", p.rank ? ordered_json(*p.rank) : nullptr}, {"of", p.field.size()}, {"wins", p.wins},
            {"in_contention", p.in_contention}, {"total", p.total},
            {"marks", {{"price", p.price_marks}, {"quality", p.quality_marks}, {"social_value", p.social_value_marks}}},
            {"award_value", optional_number(p.award_value)}, {"criteria", criteria}, {"flags", flags_json(p.flags)},
            {"field", field}};
}

ordered_json question_json(const scoring::QuestionAssessment& q) {
    ordered_json threshold = nullptr;
    if (q.min_score)
        threshold = {{"min_score", *q.min_score},
                     {"on_fail", q.on_fail == scoring::OnFail::exclude ? "exclude"
                                 : q.on_fail == scoring::OnFail::flag  ? "flag" : "unstated"},
                     {"status", scoring::to_string(q.threshold)}, {"margin", q.score - *q.min_score}};
    return {{"id", q.id}, {"name", q.name}, {"group", scoring::to_string(q.group)}, {"scale", q.scale},
            {"score", q.score}, {"scale_maximum", q.scale_maximum}, {"note", q.note},
            {"effective_weight", q.effective_weight}, {"marks", q.marks}, {"marks_per_point", q.marks_per_point},
            {"marks_to_top", q.marks_to_top},
            {"improvement_rank", q.improvement_rank ? ordered_json(*q.improvement_rank) : nullptr},
            {"threshold", threshold}};
}

ordered_json competitors_json(const SelfAssessmentView& v) {
    const auto& p = v.input.competitors;
    const auto& b = v.report.break_even;
    const auto& q = v.report.quality_needed;
    return {{"profile",
             {{"count", p.count}, {"price_low", money(p.price_low)}, {"price_high", money(p.price_high)},
              {"typical_score", optional_number(p.typical_score)},
              {"typical_quality_percent", optional_number(p.typical_quality_percent)},
              {"social_value", p.social_value ? ordered_json(money(*p.social_value)) : nullptr}}},
            {"break_even",
             {{"outcome", scoring::to_string(b.outcome)}, {"price", money(b.price)},
              {"search_low", money(b.search_low)}, {"search_high", money(b.search_high)},
              {"monotone", b.monotone},
              {"contrary_price", b.contrary_price ? ordered_json(money(*b.contrary_price)) : nullptr},
              {"flags", flags_json(b.flags)}}},
            {"quality_needed",
             {{"outcome", scoring::to_string(q.outcome)}, {"price", money(q.price)},
              {"level_percent", q.level_percent}, {"quality_marks", q.quality_marks},
              {"quality_maximum", q.quality_maximum}, {"uniform_point", optional_number(q.uniform_point)},
              {"scale", q.scale}, {"note", q.note}}}};
}

}  // namespace

nlohmann::ordered_json self_assessment_json(const SelfAssessmentView& v) {
    const auto& r = v.report;
    ordered_json out;
    out["provider"] = v.input.provider.name;
    out["framework"] = {{"id", v.framework.id}, {"name", v.framework.name}, {"version", v.framework.version}};
    out["lot"] = {{"id", r.lot_id}, {"name", r.lot_name}};
    out["currency"] = v.framework.currency;
    out["price"] = money(r.price);
    out["projected"] = projected_json(r.projected);
    ordered_json questions = ordered_json::array();
    for (const auto& q : r.questions) questions.push_back(question_json(q));
    out["questions"] = questions;
    const auto& m = r.quality_minimum;
    out["quality_minimum"] = m ? ordered_json{{"percent", m->percent}, {"needed", m->needed}, {"marks", m->marks},
                                              {"margin", m->margin}, {"heaviest", m->heaviest},
                                              {"status", scoring::to_string(m->status)}}
                               : ordered_json(nullptr);
    out["competitors"] = competitors_json(v);
    ordered_json conditions = ordered_json::array();
    for (const auto& c : r.conditions)
        conditions.push_back({{"id", c.id}, {"name", c.name}, {"demanded", c.demanded}, {"yours", c.yours},
                              {"status", scoring::to_string(c.status)}, {"detail", c.detail}});
    out["conditions_stated"] = r.design_stated;
    out["conditions"] = conditions;
    ordered_json gates = ordered_json::array();
    for (const auto& g : r.gates) gates.push_back({{"id", g.id}, {"name", g.name}, {"requirement", g.requirement}});
    out["gates"] = gates;
    return out;
}

}  // namespace core
