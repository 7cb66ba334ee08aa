#include "bench/synthetic_tender.h"

#include <random>
#include <string>

namespace bench {

namespace {

scoring::Scale scale_0_5() {
    scoring::Scale s;
    s.id = "s0-5";
    s.name = "0-5";
    const char* labels[] = {"Unacceptable", "Serious reservations", "Minor reservations", "Acceptable", "Good", "Excellent"};
    for (int v = 0; v <= 5; ++v) s.points.push_back({static_cast<double>(v), labels[v], std::string("Descriptor for ") + labels[v]});
    return s;
}

scoring::Criterion question(const std::string& id, double weight) {
    scoring::Criterion q;
    q.id = id;
    q.name = "Question " + id;
    q.kind = scoring::CriterionKind::question;
    q.weight = weight;
    q.scale_id = "s0-5";
    return q;
}

}  // namespace

SyntheticTender make_tender(std::size_t bid_count, std::size_t questions, std::uint64_t seed) {
    SyntheticTender t;
    auto& fw = t.framework;
    fw.id = "synthetic";
    fw.name = "Synthetic tender";
    fw.version = "1";
    fw.scales.push_back(scale_0_5());
    fw.measures.push_back({"M1", "Local FTE", "FTE", 2900000, {}});
    fw.measures.push_back({"M2", "Apprenticeship weeks", "week", 25000, {}});

    scoring::Lot lot;
    lot.id = "1";
    lot.name = "Synthetic";
    scoring::Criterion price;
    price.id = "PRICE";
    price.name = "Price";
    price.type = scoring::GroupType::price;
    price.weight = 30;
    scoring::Criterion quality;
    quality.id = "QUAL";
    quality.name = "Quality";
    quality.type = scoring::GroupType::quality;
    quality.weight = 60;
    const std::size_t groups = 5;
    for (std::size_t g = 0; g < groups; ++g) {
        scoring::Criterion sub;
        sub.id = "G" + std::to_string(g + 1);
        sub.name = "Group " + sub.id;
        sub.weight = 100.0 / groups;
        const std::size_t in_group = questions / groups + (g < questions % groups ? 1 : 0);
        for (std::size_t q = 0; q < in_group; ++q) {
            auto leaf = question(sub.id + "." + std::to_string(q + 1), 100.0 / static_cast<double>(in_group));
            if (q == 0) {
                leaf.min_score = 1;
                leaf.on_fail = scoring::OnFail::exclude;
            }
            sub.children.push_back(leaf);
        }
        quality.children.push_back(sub);
    }
    scoring::Criterion sv;
    sv.id = "SV";
    sv.name = "Social value";
    sv.type = scoring::GroupType::social_value;
    sv.weight = 10;
    sv.children.push_back(question("SV1", 50));
    scoring::Criterion measures;
    measures.id = "SVM";
    measures.name = "Measures";
    measures.kind = scoring::CriterionKind::measures;
    measures.weight = 50;
    sv.children.push_back(measures);
    lot.criteria = {price, quality, sv};
    lot.price.declared = true;
    lot.abnormally_low.method = scoring::AltMethod::scottish;
    lot.rules.min_quality_percent = 30;
    lot.tie_breaks = {scoring::TieBreakRule::higher_quality, scoring::TieBreakRule::lower_price, scoring::TieBreakRule::lots};
    fw.lots.push_back(lot);

    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<long long> price_pence(80'000'000, 160'000'000);
    std::uniform_int_distribution<int> score(0, 5);
    std::uniform_int_distribution<int> fte(0, 12);
    const auto leaves = scoring::leaves_of(fw, fw.lots.front());
    t.scores = scoring::ScoreTable(bid_count, leaves.size());
    for (std::size_t b = 0; b < bid_count; ++b) {
        scoring::BidInput bid;
        bid.id = "B" + std::to_string(b + 1);
        bid.bidder = "Bidder " + std::to_string(b + 1) + " Ltd";
        bid.price = price_pence(rng);
        bid.commitments.push_back({"M1", static_cast<double>(fte(rng)), scoring::Deliverability::accept, {}, {}, ""});
        bid.commitments.push_back({"M2", static_cast<double>(fte(rng) * 10), scoring::Deliverability::accept, {}, {}, ""});
        t.bids.push_back(bid);
        for (std::size_t l = 0; l < leaves.size(); ++l)
            if (leaves[l].criterion->kind == scoring::CriterionKind::question)
                t.scores.set(b, l, static_cast<double>(std::max(1, score(rng))));
    }
    return t;
}

}  // namespace bench
