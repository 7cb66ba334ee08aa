// `verify` reads one moment of the file, reports its progress and stops when asked.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/package.h"
#include "app/core/verify.h"
#include "app/core/workbook_commands.h"
#include "app/core/workbook_reads.h"
#include "tests/workbook/workbook_fixture.h"

using namespace core;
using test::TempFolder;

namespace {

Workbook import_sample(const TempFolder& tmp, const std::string& name) {
    const auto folder = test::source_dir / "sample_tenders" / name;
    auto wb = Workbook::create(tmp / (name + ".tender"));
    import_package(wb, read_package(folder), test::slurp(folder / "framework.xml"), "O1", "Test Officer");
    return wb;
}

// Records what verify reports; `during` runs once, at the first report of the given stage.
class Recorder : public Progress {
public:
    std::vector<std::pair<std::string, double>> seen;
    std::string stage_to_act_on;
    std::function<void()> during;
    bool stop = false;

    void report(const std::string& stage, double fraction) override {
        seen.emplace_back(stage, fraction);
        if (during && stage.find(stage_to_act_on) != std::string::npos) std::exchange(during, nullptr)();
    }
    bool cancelled() const override { return stop; }
};

}  // namespace

TEST_CASE("verify reports its stages in order and finishes with the same result as without progress",
          "[integration][workbook]") {
    TempFolder tmp;
    auto wb = import_sample(tmp, "domiciliary_care");
    Recorder progress;
    const auto with = verify(wb, &progress);
    const auto without = verify(wb);
    CHECK(with.ok);
    CHECK(with.records == without.records);
    CHECK(with.head_hash == without.head_hash);
    REQUIRE(progress.seen.size() >= 3);
    CHECK(progress.seen.front().first == "checking the file's integrity");
    CHECK(progress.seen.back().first.find("comparing the workbook's") == 0);
    for (std::size_t i = 1; i < progress.seen.size(); ++i) CHECK(progress.seen[i].second >= progress.seen[i - 1].second);
    CHECK(progress.seen.back().second < 1.0);
}

TEST_CASE("verify stops when asked, having changed nothing", "[integration][workbook]") {
    TempFolder tmp;
    auto wb = import_sample(tmp, "community_meals");
    Recorder progress;
    progress.stop = true;
    CHECK_THROWS_AS(verify(wb, &progress), Cancelled);
    CHECK(verify(wb).ok);
}

TEST_CASE("a command committed by another program while verify runs does not make the file look tampered",
          "[integration][workbook]") {
    TempFolder tmp;
    const auto path = tmp / "community_meals.tender";
    {
        auto created = import_sample(tmp, "community_meals");
    }
    auto wb = Workbook::open(path);
    auto other = Workbook::open(path);  // another program's connection to the same file
    const auto phase_before = tender_summary(wb, "O1").tender.phase;
    Recorder progress;
    // After the trail has been read, before the tables are compared: the moment a reader without
    // a snapshot of its own would see tables the trail it read does not account for.
    progress.stage_to_act_on = "comparing the workbook's";
    progress.during = [&] {
        set_phase(other, "O1", static_cast<Phase>(static_cast<int>(phase_before) + 1), "");
    };
    const auto report = verify(wb, &progress);
    INFO((report.problems.empty() ? "" : report.problems.front()));
    CHECK(report.ok);
    CHECK(progress.during == nullptr);  // the command did run during verify
    // The next verify sees the new moment, phase change and its record included.
    const auto after = verify(wb);
    CHECK(after.ok);
    CHECK(after.records > report.records);
    CHECK(tender_summary(wb, "O1").tender.phase != phase_before);
}
