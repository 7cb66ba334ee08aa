// Writes a synthetic tender package folder (framework.xml, bids.xml, scores.xml) for benchmarks
// and load tests:   generate_tender OUT_DIR [BIDS] [QUESTIONS] [SEED] [EVALUATORS]
// With EVALUATORS > 0 every consensus score comes with that many individual scores (E1, E2 ...),
// each within one point of the consensus, as a panel's workbook would hold them.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "bench/synthetic_tender.h"
#include "scoring/money.h"

namespace {

void add_criterion(pugi::xml_node parent, const scoring::Criterion& c) {
    const char* element = c.kind == scoring::CriterionKind::question   ? "question"
                          : c.kind == scoring::CriterionKind::measures ? "measures"
                                                                       : "group";
    auto n = parent.append_child(element);
    n.append_attribute("id") = c.id.c_str();
    n.append_attribute("name") = c.name.c_str();
    if (c.type) n.append_attribute("type") = scoring::to_string(*c.type).c_str();
    n.append_attribute("weight") = scoring::format_number(c.weight).c_str();
    if (c.kind == scoring::CriterionKind::question) {
        n.append_attribute("scale") = c.scale_id.c_str();
        if (c.min_score) {
            n.append_attribute("min-score") = scoring::format_number(*c.min_score).c_str();
            n.append_attribute("on-fail") = "exclude";
        }
    }
    for (const auto& child : c.children) add_criterion(n, child);
}

bool write_framework(const bench::SyntheticTender& t, const std::filesystem::path& file) {
    pugi::xml_document doc;
    auto fw = doc.append_child("framework");
    fw.append_attribute("id") = t.framework.id.c_str();
    fw.append_attribute("name") = t.framework.name.c_str();
    fw.append_attribute("version") = t.framework.version.c_str();
    auto scales = fw.append_child("scales");
    for (const auto& s : t.framework.scales) {
        auto sn = scales.append_child("scale");
        sn.append_attribute("id") = s.id.c_str();
        sn.append_attribute("name") = s.name.c_str();
        for (const auto& p : s.points) {
            auto pn = sn.append_child("point");
            pn.append_attribute("value") = scoring::format_number(p.value).c_str();
            pn.append_attribute("label") = p.label.c_str();
            pn.text() = p.descriptor.c_str();
        }
    }
    auto measures = fw.append_child("measures");
    for (const auto& m : t.framework.measures) {
        auto mn = measures.append_child("measure");
        mn.append_attribute("code") = m.code.c_str();
        mn.append_attribute("name") = m.name.c_str();
        mn.append_attribute("unit") = m.unit.c_str();
        mn.append_attribute("proxy") = scoring::format_money(m.proxy_per_unit).c_str();
    }
    const auto& lot = t.framework.lots.front();
    auto criteria = fw.append_child("criteria");
    for (const auto& c : lot.criteria) add_criterion(criteria, c);
    fw.append_child("price").append_attribute("method") = "lowest_ratio";
    fw.append_child("abnormally-low").append_attribute("rule") = "scottish";
    fw.append_child("evaluation").append_attribute("min-quality-percent") = "30";
    auto ties = fw.append_child("tie-break");
    for (const char* rule : {"higher_quality", "lower_price", "lots"}) ties.append_child("rule").text() = rule;
    return doc.save_file(file.c_str());
}

bool write_bids(const bench::SyntheticTender& t, const std::filesystem::path& file) {
    pugi::xml_document doc;
    auto bids = doc.append_child("bids");
    bids.append_attribute("tender") = "Synthetic tender";
    for (const auto& b : t.bids) {
        auto bn = bids.append_child("bid");
        bn.append_attribute("id") = b.id.c_str();
        bn.append_attribute("bidder") = b.bidder.c_str();
        bn.append_attribute("price") = scoring::format_money(b.price).c_str();
        for (const auto& c : b.commitments) {
            auto cn = bn.append_child("commitment");
            cn.append_attribute("measure") = c.measure.c_str();
            cn.append_attribute("quantity") = scoring::format_number(c.quantity).c_str();
        }
    }
    return doc.save_file(file.c_str());
}

// A deterministic individual score within one point of the consensus, on the 0-5 scale.
double individual_score(double consensus, std::size_t bid, std::size_t leaf, std::size_t evaluator) {
    const std::uint64_t h = (bid * 1000003u + leaf * 7919u + evaluator * 104729u) % 4u;
    const double delta = h == 0 ? -1.0 : h == 3 ? 1.0 : 0.0;
    return std::clamp(consensus + delta, 0.0, 5.0);
}

bool write_scores(const bench::SyntheticTender& t, const std::filesystem::path& file, std::size_t panel) {
    pugi::xml_document doc;
    auto scores = doc.append_child("scores");
    auto evaluators = scores.append_child("evaluators");
    auto m = evaluators.append_child("evaluator");
    m.append_attribute("id") = "M1";
    m.append_attribute("name") = "Moderator";
    m.append_attribute("role") = "moderator";
    std::vector<std::string> ids;
    for (std::size_t e = 1; e <= panel; ++e) {
        ids.push_back("E" + std::to_string(e));
        auto ev = evaluators.append_child("evaluator");
        ev.append_attribute("id") = ids.back().c_str();
        ev.append_attribute("name") = ("Evaluator " + std::to_string(e)).c_str();
        ev.append_attribute("role") = "evaluator";
    }
    auto draw = scores.append_child("lots-draw");
    draw.append_attribute("lot") = "1";
    draw.append_attribute("seed") = "42";
    const auto leaves = scoring::leaves_of(t.framework, t.framework.lots.front());
    for (std::size_t b = 0; b < t.bids.size(); ++b)
        for (std::size_t l = 0; l < leaves.size(); ++l) {
            const auto cell = t.scores.get(b, l);
            if (!cell) continue;
            auto s = scores.append_child("score");
            s.append_attribute("bid") = t.bids[b].id.c_str();
            s.append_attribute("criterion") = leaves[l].criterion->id.c_str();
            for (std::size_t e = 0; e < ids.size(); ++e) {
                auto i = s.append_child("individual");
                i.append_attribute("evaluator") = ids[e].c_str();
                i.append_attribute("score") = scoring::format_number(individual_score(*cell, b, l, e)).c_str();
                i.text() = "Synthetic justification.";
            }
            auto c = s.append_child("consensus");
            c.append_attribute("score") = scoring::format_number(*cell).c_str();
            c.append_attribute("moderator") = "M1";
            c.text() = "Synthetic rationale.";
        }
    return doc.save_file(file.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: generate_tender OUT_DIR [BIDS=1000] [QUESTIONS=50] [SEED=1] [EVALUATORS=0]\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    const auto bids = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000;
    const auto questions = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 50;
    const auto seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    const auto panel = argc > 5 ? std::strtoul(argv[5], nullptr, 10) : 0;
    if (bids == 0 || questions < 5) {
        std::fprintf(stderr, "generate_tender: need at least 1 bid and 5 questions\n");
        return 2;
    }
    const auto t = bench::make_tender(bids, questions, seed);
    std::filesystem::create_directories(out);
    if (!write_framework(t, out / "framework.xml") || !write_bids(t, out / "bids.xml") || !write_scores(t, out / "scores.xml", panel)) {
        std::fprintf(stderr, "generate_tender: could not write to %s\n", out.c_str());
        return 1;
    }
    std::printf("wrote %s: %lu bids x %lu questions\n", out.c_str(), bids, questions);
    return 0;
}
