// Saving a provider's answers (the GUI's Save answers): core::write_self_assessment writes a file
// that reads back to the same values, a draft stays a draft, and `tenderbench self-assess` names
// what a draft still lacks.
#include "cli_runner.h"

#include "app/core/output_file.h"
#include "app/core/self_assessment_input.h"

namespace fs = std::filesystem;

namespace {

using scoring::SelfAssessment;
using scoring::SelfAssessmentCheck;
using tbtest::quote;
using tbtest::slurp;
using tbtest::source_dir;
using tbtest::tenderbench;
using tbtest::TempDir;

const fs::path fixtures = source_dir / "tests" / "fixtures" / "self_assessment";

scoring::Framework framework_at(const fs::path& path) {
    std::vector<core::Diagnostic> warnings;
    return core::read_published_framework(path, &warnings);
}

// Every field of the input, so that a value lost or changed on the way shows.
void check_same(const SelfAssessment& a, const SelfAssessment& b) {
    CHECK(a.lot == b.lot);
    CHECK(a.price == b.price);
    REQUIRE(a.scores.size() == b.scores.size());
    for (std::size_t i = 0; i < a.scores.size(); ++i) {
        CHECK(a.scores[i].criterion == b.scores[i].criterion);
        CHECK(a.scores[i].score == b.scores[i].score);
        CHECK(a.scores[i].note == b.scores[i].note);
    }
    REQUIRE(a.commitments.size() == b.commitments.size());
    for (std::size_t i = 0; i < a.commitments.size(); ++i) {
        CHECK(a.commitments[i].measure == b.commitments[i].measure);
        CHECK(a.commitments[i].quantity == b.commitments[i].quantity);
    }
    const auto &p = a.competitors, &q = b.competitors;
    CHECK(p.count == q.count);
    CHECK(p.price_low == q.price_low);
    CHECK(p.price_high == q.price_high);
    CHECK(p.typical_score == q.typical_score);
    CHECK(p.typical_quality_percent == q.typical_quality_percent);
    CHECK(p.social_value == q.social_value);
    const auto &u = a.provider, &v = b.provider;
    CHECK(u.name == v.name);
    CHECK(u.turnover == v.turnover);
    CHECK(u.insurance == v.insurance);
    CHECK(u.accounts_years == v.accounts_years);
    CHECK(u.audited_accounts == v.audited_accounts);
}

}  // namespace

TEST_CASE("answers written by write_self_assessment read back the same and assess the same", "[integration]") {
    struct Case {
        fs::path framework;
        fs::path answers;
    };
    const Case cases[] = {
        {source_dir / "templates" / "uk_central_pa2023.xml", fixtures / "central_break_even.xml"},
        {fixtures / "day_services_framework.xml", fixtures / "at_risk.xml"},
        {source_dir / "templates" / "local_authority_care.xml", fixtures / "care_provider" / "self_assessment.xml"},
    };
    TempDir dir("sa_file");
    for (const auto& c : cases) {
        INFO(c.answers);
        const auto framework = framework_at(c.framework);
        auto original = core::read_self_assessment(c.answers, framework);
        original.scores.front().note = "Quotes \" & <angle brackets> and £ survive";
        const auto saved = dir.path() / c.answers.filename();
        core::write_self_assessment(framework, original, saved);
        const auto again = core::read_self_assessment(saved, framework);
        check_same(original, again);
        const auto before = scoring::assess(framework, original);
        const auto after = scoring::assess(framework, again);
        CHECK(before.projected.total == after.projected.total);
        CHECK(before.break_even.price == after.break_even.price);
        // And the command line reads it as it reads a file written by hand.
        const auto run = tenderbench("self-assess " + quote(c.framework.string()) + " --input " + quote(saved.string()));
        CHECK(run.exit_code == 0);
        CHECK(run.err.empty());
    }
}

TEST_CASE("a draft saved part-way stays a draft, and self-assess says what it still lacks", "[integration]") {
    const auto template_path = source_dir / "templates" / "uk_central_pa2023.xml";
    const auto framework = framework_at(template_path);
    SelfAssessment draft;
    draft.scores = {{"Q1", 3, "method statement half written"}, {"Q2", 2, ""}};
    draft.competitors.count = 4;
    draft.competitors.price_low = 9'500'000;
    draft.provider.name = "Fenwick Data Services Ltd";
    draft.provider.accounts_years = 2;
    TempDir dir("sa_draft");
    const auto saved = dir.path() / "draft.xml";
    REQUIRE(scoring::check_self_assessment(framework, draft, SelfAssessmentCheck::draft).empty());
    core::write_self_assessment(framework, draft, saved);
    const auto text = slurp(saved);
    CHECK(text.find("<price>") == std::string::npos);  // not stated, so not written as 0.00
    CHECK(text.find("price-high") == std::string::npos);

    const auto again = core::read_self_assessment(saved, framework, "", SelfAssessmentCheck::draft);
    check_same(draft, again);

    // Read for an assessment, every missing part is named with its place.
    CHECK_THROWS_AS(core::read_self_assessment(saved, framework), core::InputError);
    const auto run = tenderbench("self-assess " + quote(template_path.string()) + " --input " + quote(saved.string()));
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("draft.xml:2:1: <self-assessment> needs a <price> element") != std::string::npos);
    CHECK(run.err.find("<competitors> needs attribute price-high") != std::string::npos);
}

TEST_CASE("answers that cannot be written leave nothing behind and say why", "[integration]") {
    const auto framework = framework_at(source_dir / "templates" / "uk_central_pa2023.xml");
    const auto answers = core::read_self_assessment(fixtures / "central_break_even.xml", framework);
    TempDir dir("sa_unwritable");
    const auto missing = dir.path() / "no such folder" / "answers.xml";
    try {
        core::write_self_assessment(framework, answers, missing);
        FAIL("expected an OutputError");
    } catch (const core::OutputError& e) {
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(missing));
    CHECK(fs::is_empty(dir.path()));
}
