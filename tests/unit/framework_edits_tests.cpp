// Adding and removing criteria on the model (the Framework page's Add question, Add sub-group and
// Remove): where they go, their ids and defaults, what validation then asks, and the XML round trip.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/core/framework_edits.h"
#include "app/core/framework_reader.h"
#include "app/core/framework_writer.h"
#include "app/core/xml_document.h"
#include "scoring/validation.h"

using namespace scoring;

namespace {

// The community meals sample: PRICE 40; QUAL 50 with Q1-Q5 (30/25/20/15/10, scale nhc0-5);
// SV 10 with SV1 and SV2 (50/50).
Framework meals() {
    return core::read_framework(std::filesystem::path(TENDERBENCH_SOURCE_DIR) / "sample_tenders" / "community_meals" /
                                "framework.xml");
}

std::vector<std::string> ids(const std::vector<Criterion>& nodes) {
    std::vector<std::string> out;
    for (const auto& c : nodes) out.push_back(c.id);
    return out;
}

const Criterion& group(const Framework& fw, const std::string& id) { return *find_criterion(fw.lots.front(), id); }

bool mentions(const std::vector<Issue>& issues, const std::string& part) {
    for (const auto& i : issues)
        if (i.text().find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a question added to a group goes last, after a question next to it, with the siblings' id style",
          "[unit]") {
    auto fw = meals();
    CHECK(core::add_question(fw, "1", "QUAL") == "Q6");
    CHECK(ids(group(fw, "QUAL").children) == std::vector<std::string>{"Q1", "Q2", "Q3", "Q4", "Q5", "Q6"});
    const auto& q6 = group(fw, "Q6");
    CHECK(q6.kind == CriterionKind::question);
    CHECK(q6.name == "New question");
    CHECK(q6.weight == 0);
    CHECK(q6.scale_id == "nhc0-5");
    CHECK_FALSE(q6.min_score);

    CHECK(core::add_question(fw, "1", "Q2") == "Q7");
    CHECK(ids(group(fw, "QUAL").children) == std::vector<std::string>{"Q1", "Q2", "Q7", "Q3", "Q4", "Q5", "Q6"});
    CHECK(core::add_question(fw, "1", "SV1") == "SV3");
    CHECK(ids(group(fw, "SV").children) == std::vector<std::string>{"SV1", "SV3", "SV2"});

    // Weight 0 until the officer shares the group's weights out again: validation says so.
    const auto issues = validate(fw);
    CHECK(mentions(issues, "criterion Q6: weight 0 is not above zero"));
}

TEST_CASE("a sub-group is added empty, and a question added to it takes a new id in the lot", "[unit]") {
    auto fw = meals();
    CHECK(core::add_group(fw, "1", "QUAL") == "G1");
    CHECK(mentions(validate(fw), "criterion G1: group has no questions"));
    CHECK(core::add_question(fw, "1", "G1") == "Q6");
    CHECK(ids(group(fw, "G1").children) == std::vector<std::string>{"Q6"});
    CHECK(group(fw, "Q6").scale_id == "nhc0-5");  // the lot's first question's scale
    CHECK(core::add_group(fw, "1", "G1") == "G2");  // a sub-group of a sub-group
    CHECK(ids(group(fw, "G1").children) == std::vector<std::string>{"Q6", "G2"});
}

TEST_CASE("nothing is added under the price group or a lot that does not exist", "[unit]") {
    auto fw = meals();
    const auto before = core::write_framework_xml(fw);
    CHECK_THROWS_WITH(core::add_question(fw, "1", "PRICE"), Catch::Contains("the price group takes no questions"));
    CHECK_THROWS_WITH(core::add_group(fw, "1", "PRICE"), Catch::Contains("the price group takes no sub-groups"));
    CHECK_THROWS_WITH(core::add_question(fw, "2", "QUAL"), Catch::Contains("there is no lot 2"));
    CHECK_THROWS_WITH(core::add_question(fw, "1", "Q9"), Catch::Contains("criterion Q9 is not in lot 1"));
    CHECK_THROWS_WITH(core::remove_criterion(fw, "1", "Q9"), Catch::Contains("criterion Q9 is not in lot 1"));
    CHECK(core::write_framework_xml(fw) == before);
}

TEST_CASE("removing a criterion takes what is under it, and validation asks for the weights again", "[unit]") {
    auto fw = meals();
    core::remove_criterion(fw, "1", "Q5");
    CHECK(ids(group(fw, "QUAL").children) == std::vector<std::string>{"Q1", "Q2", "Q3", "Q4"});
    CHECK(mentions(validate(fw), "criterion QUAL: weights of its 4 sub-criteria sum to 90, not 100"));
    core::remove_criterion(fw, "1", "SV");
    CHECK(ids(fw.lots.front().criteria) == std::vector<std::string>{"PRICE", "QUAL"});
    CHECK(find_criterion(fw.lots.front(), "SV1") == nullptr);
    CHECK(mentions(validate(fw), "top-level weights sum to 90, not 100"));
}

TEST_CASE("an edited tree with its weights shared out validates and survives the XML round trip", "[unit]") {
    auto fw = meals();
    const auto added = core::add_question(fw, "1", "QUAL");
    auto& qual = fw.lots.front().criteria[1];
    for (auto& q : qual.children) q.weight = q.id == added ? 10 : q.weight;
    qual.children[4].weight = 0;  // Q5 gives its 10 to the new question, then goes
    core::remove_criterion(fw, "1", "Q5");
    REQUIRE_FALSE(has_errors(validate(fw)));
    const auto xml = core::write_framework_xml(fw);
    const auto again = core::read_framework(core::XmlFile("edited.xml", xml));
    CHECK(ids(group(again, "QUAL").children) == std::vector<std::string>{"Q1", "Q2", "Q3", "Q4", "Q6"});
    CHECK(group(again, "Q6").weight == 10);
    CHECK(group(again, "Q6").scale_id == "nhc0-5");
    CHECK(leaves_of(again, again.lots.front()).size() == leaves_of(fw, fw.lots.front()).size());
}
