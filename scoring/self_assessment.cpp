#include "scoring/self_assessment.h"

#include <algorithm>
#include <cmath>

#include "scoring/money.h"

namespace scoring {

namespace {

const char* const self_id = "YOU";

std::string points_of(const Scale& scale) {
    std::string text;
    for (const auto& p : scale.points) text += (text.empty() ? "" : ", ") + format_number(p.value);
    return text;
}

// The smallest gap between two points of the scale: what "one point lower" means on it.
double scale_step(const Scale& scale) {
    std::vector<double> values;
    for (const auto& p : scale.points) values.push_back(p.value);
    std::sort(values.begin(), values.end());
    double step = 0;
    for (std::size_t i = 1; i < values.size(); ++i) {
        const double gap = values[i] - values[i - 1];
        if (gap > 1e-9 && (step == 0 || gap < step)) step = gap;
    }
    return step > 0 ? step : 1.0;
}

bool is_question(const Leaf& leaf) { return leaf.criterion->kind == CriterionKind::question && leaf.scale; }

bool is_quality_question(const Leaf& leaf) { return is_question(leaf) && leaf.group == GroupType::quality; }

bool has_measures_leaf(const std::vector<Leaf>& leaves) {
    return std::any_of(leaves.begin(), leaves.end(),
                       [](const Leaf& l) { return l.criterion->kind == CriterionKind::measures; });
}

// The competitors' score on one question, from the profile.
double rival_score(const CompetitorProfile& profile, const Leaf& leaf) {
    if (profile.typical_score) return *profile.typical_score;
    return leaf.scale_maximum * profile.typical_quality_percent.value_or(0) / 100.0;
}

void check_scores(const Lot& lot, const std::vector<Leaf>& leaves, const SelfAssessment& input, bool draft,
                  std::vector<SelfAssessmentProblem>& out) {
    using P = SelfAssessmentPart;
    std::vector<bool> scored(leaves.size(), false);
    for (std::size_t i = 0; i < input.scores.size(); ++i) {
        const auto& s = input.scores[i];
        const auto it = std::find_if(leaves.begin(), leaves.end(),
                                     [&](const Leaf& l) { return is_question(l) && l.criterion->id == s.criterion; });
        if (it == leaves.end()) {
            const auto* c = find_criterion(lot, s.criterion);
            out.push_back({P::score, i,
                           c ? s.criterion + " is not a scored question (it is a group, the price or the measures); "
                               "score the questions under it"
                             : "criterion " + s.criterion + " is not in lot " + lot.id +
                                   "; use the id of a <question> of the framework"});
            continue;
        }
        const auto l = static_cast<std::size_t>(it - leaves.begin());
        if (scored[l]) out.push_back({P::score, i, "question " + s.criterion + " is scored twice; keep one score"});
        scored[l] = true;
        if (!it->scale->allows(s.score))
            out.push_back({P::score, i,
                           "score " + format_number(s.score) + " for question " + s.criterion + " is not on scale " +
                               it->scale->id + " (points: " + points_of(*it->scale) + "); use one of its points"});
    }
    for (std::size_t l = 0; l < leaves.size() && !draft; ++l)
        if (is_question(leaves[l]) && !scored[l])
            out.push_back({P::whole, 0,
                           "question " + leaves[l].criterion->id + " (" + leaves[l].criterion->name +
                               ") has no self-score; score every question of the lot"});
}

void check_commitments(const Framework& framework, const std::vector<Leaf>& leaves, const SelfAssessment& input,
                       std::vector<SelfAssessmentProblem>& out) {
    using P = SelfAssessmentPart;
    const bool measures = has_measures_leaf(leaves);
    for (std::size_t i = 0; i < input.commitments.size(); ++i) {
        const auto& c = input.commitments[i];
        if (!measures) {
            out.push_back({P::commitment, i, "this lot does not score committed social value (it has no measures); "
                                             "remove the commitment"});
            continue;
        }
        if (!framework.measure(c.measure))
            out.push_back({P::commitment, i, "measure " + c.measure + " is not in the framework's measures table"});
        if (!(c.quantity >= 0) || !std::isfinite(c.quantity))
            out.push_back({P::commitment, i, "quantity must be a number of zero or more"});
        for (std::size_t k = 0; k < i; ++k)
            if (input.commitments[k].measure == c.measure) {
                out.push_back({P::commitment, i, "measure " + c.measure + " is committed twice; give one total"});
                break;
            }
    }
}

void check_rival_scores(const Lot& lot, const std::vector<Leaf>& leaves, const CompetitorProfile& p,
                        std::vector<SelfAssessmentProblem>& out) {
    using P = SelfAssessmentPart;
    const bool monetised = lot.award.model == AwardModel::monetised_quality;
    for (const auto& leaf : leaves) {
        if (!is_question(leaf)) continue;
        const double s = rival_score(p, leaf);
        const auto& scale = *leaf.scale;
        if (s < scale.minimum() - 1e-9 || s > scale.maximum() + 1e-9)
            out.push_back({P::competitors, 0,
                           "the competitors' typical score (" + format_number(s) + " on question " + leaf.criterion->id +
                               ") is outside scale " + scale.id + " (" + format_number(scale.minimum()) + " to " +
                               format_number(scale.maximum()) + ")"});
        else if (monetised && !scale.point(s))
            out.push_back({P::competitors, 0,
                           "under monetised quality deductions are set per scale point, so the competitors' typical "
                           "score must be a point of scale " + scale.id + " (points: " + points_of(scale) + ")"});
    }
}

// In a draft, a price, typical score or social value not stated yet (zero or absent) is not a problem.
void check_competitors(const Lot& lot, const std::vector<Leaf>& leaves, const CompetitorProfile& p, bool draft,
                       std::vector<SelfAssessmentProblem>& out) {
    using P = SelfAssessmentPart;
    auto add = [&](std::string message) { out.push_back({P::competitors, 0, std::move(message)}); };
    if (p.count < 1 || p.count > 100) add("count must be a whole number from 1 to 100");
    if (p.price_low < 0 || (p.price_low == 0 && !draft)) add("price-low must be above zero");
    if (p.price_high < p.price_low && !(draft && p.price_high == 0)) add("price-high must be at least price-low");
    if (p.typical_score.has_value() == p.typical_quality_percent.has_value()) {
        if (!(draft && !p.typical_score))  // a draft may state neither yet, never both
            add("give either typical-score or typical-quality-percent, not both and not neither");
    } else if (p.typical_quality_percent && !(*p.typical_quality_percent >= 0 && *p.typical_quality_percent <= 100)) {
        add("typical-quality-percent must be from 0 to 100");
    } else {
        check_rival_scores(lot, leaves, p, out);
    }
    const bool measures = has_measures_leaf(leaves);
    if (measures && !p.social_value && !draft)
        add("this lot scores committed social value: say what a typical competitor commits with social-value "
            "(money; 0 if nothing)");
    if (!measures && p.social_value) add("this lot does not score committed social value; remove social-value");
    if (p.social_value && *p.social_value < 0) add("social-value must be zero or more");
}

}  // namespace

const Lot* self_assessment_lot(const Framework& framework, const SelfAssessment& input) {
    if (input.lot.empty()) return framework.lots.size() == 1 ? &framework.lots.front() : nullptr;
    return framework.lot(input.lot);
}

std::vector<SelfAssessmentProblem> check_self_assessment(const Framework& framework, const SelfAssessment& input,
                                                         SelfAssessmentCheck check) {
    const bool draft = check == SelfAssessmentCheck::draft;
    using P = SelfAssessmentPart;
    std::vector<SelfAssessmentProblem> out;
    const Lot* lot = self_assessment_lot(framework, input);
    if (!lot) {
        std::string ids;
        for (const auto& l : framework.lots) ids += (ids.empty() ? "" : ", ") + l.id;
        out.push_back({P::lot, 0,
                       (input.lot.empty() ? std::string("the framework has several lots")
                                          : "lot " + input.lot + " is not in the framework") +
                           "; name one of its lots: " + ids});
        return out;
    }
    const auto leaves = leaves_of(framework, *lot);
    if (input.price < 0 || (input.price == 0 && !draft))
        out.push_back({P::price, 0, "price " + format_money(input.price) +
                                        " is zero or negative; enter the total price you would tender"});
    check_scores(*lot, leaves, input, draft, out);
    check_commitments(framework, leaves, input, out);
    check_competitors(*lot, leaves, input.competitors, draft, out);
    const auto& p = input.provider;
    if (p.turnover && *p.turnover < 0) out.push_back({P::provider, 0, "turnover must be zero or more"});
    if (p.insurance && *p.insurance < 0) out.push_back({P::provider, 0, "insurance must be zero or more"});
    if (p.accounts_years && *p.accounts_years < 0) out.push_back({P::provider, 0, "accounts-years must be zero or more"});
    return out;
}

std::string to_string(ThresholdStatus status) {
    switch (status) {
        case ThresholdStatus::none: return "none";
        case ThresholdStatus::met: return "met";
        case ThresholdStatus::at_risk: return "at_risk";
        case ThresholdStatus::fails: return "fails";
    }
    return "";
}

std::string to_string(BreakEven::Outcome outcome) {
    switch (outcome) {
        case BreakEven::Outcome::found: return "found";
        case BreakEven::Outcome::wins_at_bound: return "wins_at_bound";
        case BreakEven::Outcome::cannot_win: return "cannot_win";
    }
    return "";
}

std::string to_string(QualityNeeded::Outcome outcome) {
    switch (outcome) {
        case QualityNeeded::Outcome::found: return "found";
        case QualityNeeded::Outcome::wins_at_any: return "wins_at_any";
        case QualityNeeded::Outcome::cannot_win: return "cannot_win";
        case QualityNeeded::Outcome::not_applicable: return "not_applicable";
    }
    return "";
}

std::string to_string(ConditionCheck::Status status) {
    switch (status) {
        case ConditionCheck::Status::met: return "met";
        case ConditionCheck::Status::not_met: return "not_met";
        case ConditionCheck::Status::unknown: return "unknown";
    }
    return "";
}

namespace {

// The provider's bid and the synthesised competitors, evaluated by evaluate_lot. Holds its own
/// copy of the framework with every scale open to intermediate scores: a competitor profile is
// an average ("typically 2.5"), not one panel's point. The provider's own scores were checked
// against the real scales before. Not copyable: `lot` points into the copy.
class Field {
public:
    Field(const Framework& framework, const SelfAssessment& input);
    Field(const Field&) = delete;
    Field& operator=(const Field&) = delete;

    const Lot& lot() const { return *lot_; }
    const std::vector<Leaf>& leaves() const { return leaves_; }
    const std::vector<std::optional<double>>& own_scores() const { return own_; }

    // The lot evaluated with the provider at `price` with `scores` (one per leaf).
    LotResult evaluate(Money price, const std::vector<std::optional<double>>& scores) const;
    bool wins(Money price, const std::vector<std::optional<double>>& scores) const {
        return provider_wins(evaluate(price, scores));
    }
    static bool provider_wins(const LotResult& result);
    static const BidResult& provider(const LotResult& result);

private:
    Framework framework_;
    const Lot* lot_ = nullptr;
    std::vector<Leaf> leaves_;
    std::vector<std::optional<double>> own_;
    std::vector<std::optional<double>> rival_;
    std::vector<BidInput> bids_;  // [0] the provider (price set per evaluation), then competitors
};

Field::Field(const Framework& framework, const SelfAssessment& input) : framework_(framework) {
    for (auto& scale : framework_.scales) scale.intermediate = true;
    lot_ = self_assessment_lot(framework_, input);
    if (!lot_) throw EvaluationError({"no lot to assess; name one of the framework's lots"});
    leaves_ = leaves_of(framework_, *lot_);
    own_.assign(leaves_.size(), std::nullopt);
    rival_.assign(leaves_.size(), std::nullopt);
    const auto& profile = input.competitors;
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
        if (!is_question(leaves_[l])) continue;
        rival_[l] = rival_score(profile, leaves_[l]);
        for (const auto& s : input.scores)
            if (s.criterion == leaves_[l].criterion->id) own_[l] = s.score;
    }
    std::vector<GateResult> passed;
    for (const auto& gate : lot_->gates) passed.push_back({gate.id, true, ""});
    BidInput own;
    own.id = self_id;
    own.bidder = input.provider.name.empty() ? "You" : input.provider.name;
    own.gates = passed;
    own.commitments = input.commitments;
    bids_.push_back(own);
    // A typical competitor's social value, as a commitment to the first measure: the engine
    // values it at quantity x proxy, which gives back the amount entered.
    std::vector<Commitment> rival_commitments;
    if (profile.social_value && *profile.social_value > 0 && !framework_.measures.empty()) {
        const auto& m = framework_.measures.front();
        Commitment c;
        c.measure = m.code;
        c.quantity = static_cast<double>(*profile.social_value) / static_cast<double>(m.proxy_per_unit);
        rival_commitments.push_back(c);
    }
    const int n = std::max(1, profile.count);
    for (int k = 0; k < n; ++k) {
        BidInput rival;
        rival.id = "C" + std::to_string(k + 1);
        rival.bidder = "Competitor " + std::to_string(k + 1);
        // Evenly spread from the low to the high end, to the penny below; one competitor sits at
        // the low end, where it is hardest to beat.
        rival.price = n == 1 ? profile.price_low
                             : profile.price_low + (profile.price_high - profile.price_low) * k / (n - 1);
        rival.gates = passed;
        rival.commitments = rival_commitments;
        bids_.push_back(std::move(rival));
    }
}

LotResult Field::evaluate(Money price, const std::vector<std::optional<double>>& scores) const {
    auto bids = bids_;
    bids[0].price = price;
    ScoreTable table(bids.size(), leaves_.size());
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
        table.set(0, l, scores[l]);
        for (std::size_t b = 1; b < bids.size(); ++b) table.set(b, l, rival_[l]);
    }
    // Identical competitors tie with each other; a fixed seed settles them so the engine does not
    // stop for want of one. A tie of the provider's settled by lots does not count as a win.
    EvaluationOptions options;
    options.lots_seed = 1;
    return evaluate_lot(framework_, *lot_, bids, table, options);
}

const BidResult& Field::provider(const LotResult& result) {
    for (const auto& b : result.bids)
        if (b.id == self_id) return b;
    throw EvaluationError({"the provider's bid is missing from the evaluation"});
}

bool Field::provider_wins(const LotResult& result) {
    const auto& own = provider(result);
    if (!own.in_contention || own.rank != 1) return false;
    for (const auto& b : result.bids)
        if (b.id != self_id && b.rank == 1) return false;  // a shared first place is not a win
    for (const auto& t : result.tie_breaks)
        if (t.rule == "lots" && std::find(t.bids.begin(), t.bids.end(), self_id) != t.bids.end()) return false;
    return true;
}

Projection project(const Field& field, const LotResult& result) {
    Projection out;
    const auto& own = Field::provider(result);
    for (std::size_t l = 0; l < field.leaves().size(); ++l) {
        const auto& leaf = field.leaves()[l];
        out.criteria.push_back({leaf.criterion->id, leaf.criterion->name, leaf.group, own.leaf_marks[l],
                                leaf.effective_weight});
    }
    out.price_marks = own.price_marks;
    out.quality_marks = own.quality_marks;
    out.social_value_marks = own.social_value_marks;
    out.total = own.total;
    out.award_value = own.award_value;
    out.rank = own.rank;
    out.in_contention = own.in_contention;
    out.wins = Field::provider_wins(result);
    out.flags = own.flags;
    for (const auto& b : result.bids)
        out.field.push_back({b.id, b.price, b.rank, b.in_contention, b.price_marks, b.quality_marks,
                             b.social_value_marks, b.total, b.award_value});
    return out;
}

QuestionAssessment question_of(const Leaf& leaf, const SelfScore& own) {
    QuestionAssessment q;
    const auto& c = *leaf.criterion;
    q.id = c.id;
    q.name = c.name;
    q.group = leaf.group;
    q.scale = leaf.scale->id;
    q.score = own.score;
    q.note = own.note;
    q.scale_maximum = leaf.scale_maximum;
    q.step = scale_step(*leaf.scale);
    q.effective_weight = leaf.effective_weight;
    q.marks = leaf.effective_weight * own.score / leaf.scale_maximum;  // domain.md section 3
    q.marks_per_point = leaf.effective_weight / leaf.scale_maximum;    // domain.md section 11
    q.marks_to_top = q.marks_per_point * std::max(0.0, leaf.scale_maximum - own.score);
    q.min_score = c.min_score;
    q.on_fail = c.on_fail;
    if (c.min_score) {
        // At risk: on the minimum or less than one scale step above it, so that one point lower
        // from the panel fails it.
        if (own.score < *c.min_score - 1e-9)
            q.threshold = ThresholdStatus::fails;
        else if (own.score < *c.min_score + q.step - 1e-9)
            q.threshold = ThresholdStatus::at_risk;
        else
            q.threshold = ThresholdStatus::met;
    }
    return q;
}

// Most marks per point first; then most marks still available; then document order. Questions
// already at the top of their scale get no rank.
void rank_improvements(std::vector<QuestionAssessment>& questions) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < questions.size(); ++i)
        if (questions[i].marks_to_top > 1e-12) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = questions[a];
        const auto& y = questions[b];
        if (std::fabs(x.marks_per_point - y.marks_per_point) > 1e-12) return x.marks_per_point > y.marks_per_point;
        return x.marks_to_top > y.marks_to_top + 1e-12;
    });
    for (std::size_t k = 0; k < order.size(); ++k) questions[order[k]].improvement_rank = static_cast<int>(k + 1);
}

std::optional<QualityMinimum> quality_minimum(const Lot& lot, const std::vector<QuestionAssessment>& questions) {
    if (!lot.rules.min_quality_percent) return std::nullopt;
    QualityMinimum m;
    m.percent = *lot.rules.min_quality_percent;
    m.needed = group_weight(lot, GroupType::quality) * m.percent / 100.0;
    for (const auto& q : questions) {
        if (q.group != GroupType::quality) continue;
        m.marks += q.marks;
        const double one_step = q.marks_per_point * q.step;
        if (one_step > m.margin) {
            m.margin = one_step;
            m.heaviest = q.id;
        }
    }
    // The same comparison as the engine: raw marks, not rounded (domain.md section 3).
    if (m.marks < m.needed - 1e-9)
        m.status = ThresholdStatus::fails;
    else if (m.marks - m.needed < m.margin - 1e-9)
        m.status = ThresholdStatus::at_risk;
    return m;
}

// The provider's scores with every quality question at `level` (0-1) of its scale maximum, but
// not below the scale's lowest point.
std::vector<std::optional<double>> at_level(const Field& field, double level) {
    auto scores = field.own_scores();
    for (std::size_t l = 0; l < field.leaves().size(); ++l) {
        const auto& leaf = field.leaves()[l];
        if (!is_quality_question(leaf)) continue;
        scores[l] = std::max(leaf.scale->minimum(), leaf.scale_maximum * level);
    }
    return scores;
}

// A common scale of every quality question, or nullptr.
const Scale* shared_quality_scale(const Field& field) {
    const Scale* shared = nullptr;
    for (const auto& leaf : field.leaves()) {
        if (!is_quality_question(leaf)) continue;
        if (shared && shared->id != leaf.scale->id) return nullptr;
        shared = leaf.scale;
    }
    return shared;
}

// The smallest point of `scale` that wins at `price` when given on every quality question.
std::optional<double> smallest_winning_point(const Field& field, Money price, const Scale& scale) {
    auto scores = field.own_scores();
    for (const auto& point : scale.points) {  // ascending after validation
        for (std::size_t l = 0; l < field.leaves().size(); ++l)
            if (is_quality_question(field.leaves()[l])) scores[l] = point.value;
        if (field.wins(price, scores)) return point.value;
    }
    return std::nullopt;
}

double quality_marks_of(const Field& field, const std::vector<std::optional<double>>& scores) {
    double marks = 0;
    for (std::size_t l = 0; l < field.leaves().size(); ++l) {
        const auto& leaf = field.leaves()[l];
        if (is_quality_question(leaf)) marks += leaf.effective_weight * scores[l].value_or(0) / leaf.scale_maximum;
    }
    return marks;
}

// Deductions exist only for scale points, so under monetised quality a level between points means
// nothing: only the points of a scale every quality question shares are tried.
void monetised_quality_needed(const Scale* shared, QualityNeeded& out) {
    if (!shared) {
        out.note = "under monetised quality deductions are set per scale point, and the quality questions use "
                   "different scales, so no uniform level can be searched";
        return;
    }
    out.note = "monetised quality: only whole points of scale " + shared->id + " are searched";
    out.outcome = out.uniform_point ? QualityNeeded::Outcome::found : QualityNeeded::Outcome::cannot_win;
    if (out.uniform_point) {
        out.level_percent = 100.0 * *out.uniform_point / shared->maximum();
        out.quality_marks = out.quality_maximum * out.level_percent / 100.0;
    }
}

QualityNeeded quality_needed_in(const Field& field, Money price) {
    QualityNeeded out;
    out.price = price;
    out.quality_maximum = group_weight(field.lot(), GroupType::quality);
    if (out.quality_maximum <= 0) {
        out.note = "the lot has no quality group";
        return out;
    }
    const Scale* shared = shared_quality_scale(field);
    if (shared) {
        out.scale = shared->id;
        out.uniform_point = smallest_winning_point(field, price, *shared);
    }
    if (field.lot().award.model == AwardModel::monetised_quality) {
        monetised_quality_needed(shared, out);
        return out;
    }
    // Smallest level in hundredths of a percent (0..10000) that wins; winning is assumed to grow
    // with quality, as it does under every award model (more quality, more marks or points).
    auto wins = [&](int k) { return field.wins(price, at_level(field, k / 10000.0)); };
    out.note = "uniform level searched from 0% to 100% of every quality question's scale maximum in steps of 0.01%";
    if (wins(0)) {
        out.outcome = QualityNeeded::Outcome::wins_at_any;
        return out;
    }
    int lo = 0, hi = 10000;  // wins(lo) false; wins(hi) to be seen
    out.outcome = wins(hi) ? QualityNeeded::Outcome::found : QualityNeeded::Outcome::cannot_win;
    while (out.outcome == QualityNeeded::Outcome::found && hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (wins(mid) ? hi : lo) = mid;
    }
    out.level_percent = hi / 100.0;
    out.quality_marks = quality_marks_of(field, at_level(field, hi / 10000.0));
    return out;
}

// The search bounds for the break-even price, with the reason for each.
void search_bounds(const Lot& lot, const SelfAssessment& input, BreakEven& out) {
    const auto& profile = input.competitors;
    out.search_low = (profile.price_low + 1) / 2;
    out.low_reason = "half the competitors' lowest price: further below the field a price would be flagged as "
                     "abnormally low by any usual rule and is not a sensible bid";
    if (input.price < out.search_low) {
        out.search_low = input.price;
        out.low_reason = "your own price, which is below half the competitors' lowest";
    }
    out.search_low = std::max<Money>(out.search_low, 1);
    constexpr Money cap = Money{1} << 52;  // far beyond any contract; keeps 10 x price exact
    if (lot.award.model == AwardModel::weighted_sum && lot.price.method == PriceMethod::ceiling_pro_rata) {
        out.search_high = lot.price.ceiling;
        out.high_reason = "the price ceiling: at or above it a bid scores no price marks and exceeds the published limit";
    } else {
        out.search_high = std::min(cap, 10 * std::max(profile.price_high, input.price));
        out.high_reason = "ten times the higher of your price and the competitors' highest";
    }
    out.search_high = std::max(out.search_high, out.search_low);
}

// Searches whole pence for the highest price that still wins, assuming that raising only the
// provider's price never helps it (true of every price method and award model: its own marks or
// points fall, or its comparison price rises). The assumption is then checked on sampled prices.
BreakEven break_even_in(const Field& field, const SelfAssessment& input) {
    BreakEven out;
    search_bounds(field.lot(), input, out);
    const auto& own = field.own_scores();
    auto wins = [&](Money p) { return field.wins(p, own); };
    if (!wins(out.search_low)) {
        out.outcome = BreakEven::Outcome::cannot_win;
        out.price = out.search_low;
    } else if (wins(out.search_high)) {
        out.outcome = BreakEven::Outcome::wins_at_bound;
        out.price = out.search_high;
    } else {
        Money lo = out.search_low, hi = out.search_high;  // wins(lo), !wins(hi)
        while (hi - lo > 1) {
            const Money mid = lo + (hi - lo) / 2;
            (wins(mid) ? lo : hi) = mid;
        }
        out.outcome = BreakEven::Outcome::found;
        out.price = lo;
        for (int k = 1; k < 8 && out.monotone; ++k) {
            const Money below = out.search_low + (out.price - out.search_low) * k / 8;
            const Money above = out.price + 1 + (out.search_high - out.price - 1) * k / 8;
            if (!wins(below)) out.contrary_price = below;
            else if (wins(above)) out.contrary_price = above;
            out.monotone = !out.contrary_price;
        }
    }
    out.flags = Field::provider(field.evaluate(out.price, own)).flags;
    return out;
}

// The conditions of participation the framework's design states, against the provider's own
// figures. Only what the provider can check against a number is compared; the rest is listed.
ConditionCheck turnover_condition(const Framework& fw, const TenderDesign& d, const ProviderStanding& p) {
    ConditionCheck c;
    c.id = "turnover";
    c.name = "Minimum annual turnover";
    c.demanded = "at least " + format_money(*d.minimum_turnover);
    if (p.turnover) {
        c.yours = format_money(*p.turnover);
        c.status = *p.turnover >= *d.minimum_turnover ? ConditionCheck::Status::met : ConditionCheck::Status::not_met;
        if (c.status == ConditionCheck::Status::not_met)
            c.detail = "Short by " + format_money(*d.minimum_turnover - *p.turnover) + ".";
    }
    // The usual ceiling is a multiple of one lot's value (domain.md section 10); above it without a
    // stated reason the provider may ask the buyer to justify or lower it.
    const int lots = d.lots.value_or(static_cast<int>(std::max<std::size_t>(1, fw.lots.size())));
    const double lot_value = static_cast<double>(d.contract_value) / std::max(1, lots);
    const auto settings = settings_for(d.regime.value_or(Regime::central));
    const double multiple = lot_value > 0 ? static_cast<double>(*d.minimum_turnover) / lot_value : 0;
    if (multiple <= settings.turnover_max_multiple + 1e-9) return c;
    const std::string reason = d.turnover_justification.empty()
                                   ? " with no stated reason: you may ask them to justify or lower it"
                                   : " (their reason: " + d.turnover_justification + ")";
    c.detail += std::string(c.detail.empty() ? "" : " ") + "The buyer asks " + format_fixed(multiple, 2) +
                " times the value of a lot (" + format_money(static_cast<Money>(std::llround(lot_value))) +
                "), above the usual " + format_number(settings.turnover_max_multiple) + " times" + reason + " (" +
                settings.turnover_basis + ").";
    return c;
}

ConditionCheck insurance_condition(const TenderDesign& d, const ProviderStanding& p) {
    ConditionCheck c;
    c.id = "insurance";
    c.name = "Insurance cover";
    c.demanded = d.insurance_cover ? "cover of at least " + format_money(*d.insurance_cover) : "insurance cover";
    if (d.insurance)
        c.demanded += *d.insurance == InsuranceEvidence::tender  ? ", evidenced with the tender"
                      : *d.insurance == InsuranceEvidence::award ? ", evidenced before award"
                                                                 : ", in place from the contract start";
    if (p.insurance) c.yours = format_money(*p.insurance);
    if (!d.insurance_cover) {
        c.detail = "No amount is stated in the framework; check the tender documents.";
    } else if (p.insurance) {
        const bool enough = *p.insurance >= *d.insurance_cover;
        c.status = enough ? ConditionCheck::Status::met : ConditionCheck::Status::not_met;
        if (!enough)
            c.detail = d.insurance == InsuranceEvidence::contract_start
                           ? "Short by " + format_money(*d.insurance_cover - *p.insurance) +
                                 "; it is needed only from the contract start, so you can arrange it after award: "
                                 "price the premium in."
                           : "Short by " + format_money(*d.insurance_cover - *p.insurance) +
                                 "; you would need the cover (or a broker's letter) before you could be awarded.";
    }
    return c;
}

ConditionCheck accounts_condition(const TenderDesign& d, const ProviderStanding& p) {
    ConditionCheck c;
    c.id = "accounts";
    c.name = "Accounts";
    const bool audited = d.accounts == AccountsDemand::audited;
    const int years = std::max(1, d.accounts_years);
    c.demanded = (audited ? std::to_string(years) + " year(s) of audited accounts"
                          : "the latest " + std::to_string(years) + " year(s) of accounts") +
                 (d.accounts_alternatives ? " (other evidence accepted from suppliers without them)" : "");
    if (p.accounts_years)
        c.yours = std::to_string(*p.accounts_years) + " year(s)" +
                  (p.audited_accounts ? (*p.audited_accounts ? ", audited" : ", not audited") : "");
    if (!p.accounts_years) return c;
    const bool short_years = *p.accounts_years < years;
    const bool not_audited = audited && p.audited_accounts == false;
    if (!short_years && !not_audited) {
        c.status = audited && !p.audited_accounts ? ConditionCheck::Status::unknown : ConditionCheck::Status::met;
        if (c.status == ConditionCheck::Status::unknown) c.detail = "Say whether your accounts are audited.";
        return c;
    }
    std::string gap = short_years ? "you have " + std::to_string(*p.accounts_years) + " of " + std::to_string(years) +
                                        " year(s)"
                                  : "";
    if (not_audited) gap += std::string(gap.empty() ? "" : " and ") + "your accounts are not audited";
    // Where the buyer accepts other evidence the provider may still qualify: say so rather than "not met".
    c.status = d.accounts_alternatives ? ConditionCheck::Status::unknown : ConditionCheck::Status::not_met;
    c.detail = d.accounts_alternatives ? "Other evidence is accepted (" + gap + "): offer it, e.g. management accounts "
                                         "or a bank reference."
                                       : "Not met: " + gap + ". Small suppliers not required to have audited accounts "
                                         "may ask the buyer to accept other evidence (Procurement Act 2023 s.22).";
    return c;
}

std::vector<ConditionCheck> conditions_of(const Framework& fw, const ProviderStanding& p) {
    std::vector<ConditionCheck> out;
    const auto& d = *fw.design;
    if (d.minimum_turnover && *d.minimum_turnover > 0) out.push_back(turnover_condition(fw, d, p));
    if (d.insurance || d.insurance_cover) out.push_back(insurance_condition(d, p));
    if (d.accounts != AccountsDemand::none) out.push_back(accounts_condition(d, p));
    return out;
}

void throw_if_problems(const Framework& framework, const SelfAssessment& input) {
    const auto problems = check_self_assessment(framework, input);
    if (problems.empty()) return;
    std::vector<std::string> messages;
    for (const auto& p : problems) messages.push_back(p.message);
    throw EvaluationError(std::move(messages));
}

}  // namespace

SelfAssessmentReport assess(const Framework& framework, const SelfAssessment& input) {
    throw_if_problems(framework, input);
    const Field field(framework, input);
    SelfAssessmentReport report;
    report.lot_id = field.lot().id;
    report.lot_name = field.lot().name;
    report.price = input.price;
    for (const auto& leaf : field.leaves()) {
        if (!is_question(leaf)) continue;
        for (const auto& s : input.scores)
            if (s.criterion == leaf.criterion->id) report.questions.push_back(question_of(leaf, s));
    }
    rank_improvements(report.questions);
    report.quality_minimum = quality_minimum(field.lot(), report.questions);
    report.projected = project(field, field.evaluate(input.price, field.own_scores()));
    report.break_even = break_even_in(field, input);
    report.quality_needed = quality_needed_in(field, input.price);
    report.gates = field.lot().gates;
    report.design_stated = framework.design.has_value();
    if (framework.design) report.conditions = conditions_of(framework, input.provider);
    return report;
}

QualityNeeded quality_needed(const Framework& framework, const SelfAssessment& input, Money price) {
    throw_if_problems(framework, input);
    if (price <= 0) throw EvaluationError({"price " + format_money(price) + " is zero or negative"});
    const Field field(framework, input);
    return quality_needed_in(field, price);
}

BreakEven break_even_price(const Framework& framework, const SelfAssessment& input) {
    throw_if_problems(framework, input);
    const Field field(framework, input);
    return break_even_in(field, input);
}

}  // namespace scoring
