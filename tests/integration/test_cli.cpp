// The real tenderbench binary on every template and sample tender, and on broken input.
#include "cli_runner.h"

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

using tbtest::quote;
using tbtest::Run;
using tbtest::slurp;
using tbtest::source_dir;
using tbtest::tenderbench;

// A scratch copy of a sample package that a test may damage.
fs::path scratch_copy(const std::string& sample, const std::string& tag) {
    const auto dir = fs::temp_directory_path() / ("tb_" + tag + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(source_dir / "sample_tenders" / sample, dir, fs::copy_options::recursive);
    return dir;
}

// A scratch copy of community_meals with the first match of `pattern` in `file` replaced.
struct Tampered {
    fs::path dir;
    Tampered(const std::string& file, const std::string& pattern, const std::string& replacement) {
        dir = scratch_copy("community_meals", "tamper");
        const auto text = slurp(dir / file);
        std::ofstream(dir / file, std::ios::binary | std::ios::trunc)
            << std::regex_replace(text, std::regex(pattern), replacement, std::regex_constants::format_first_only);
    }
    ~Tampered() { fs::remove_all(dir); }
};

// Equal JSON, with numbers equal to 1e-9.
void require_same_json(const nlohmann::json& actual, const nlohmann::json& expected, const std::string& path) {
    INFO("at " << path);
    if (expected.is_number() && actual.is_number()) {
        REQUIRE(actual.get<double>() == Approx(expected.get<double>()).margin(1e-9));
        return;
    }
    REQUIRE(actual.type() == expected.type());
    if (expected.is_object()) {
        REQUIRE(actual.size() == expected.size());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            REQUIRE(actual.contains(it.key()));
            require_same_json(actual.at(it.key()), it.value(), path + "." + it.key());
        }
    } else if (expected.is_array()) {
        REQUIRE(actual.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            require_same_json(actual.at(i), expected.at(i), path + "[" + std::to_string(i) + "]");
    } else {
        REQUIRE(actual == expected);
    }
}

std::vector<std::string> samples() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(source_dir / "sample_tenders"))
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("every template validates", "[integration]") {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(source_dir / "templates")) {
        if (entry.path().extension() != ".xml") continue;
        ++count;
        const auto run = tenderbench("validate " + quote(entry.path().string()));
        INFO(entry.path() << "\n" << run.out << run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.out.find("valid framework") != std::string::npos);
    }
    CHECK(count >= 5);
}

TEST_CASE("every sample tender validates and evaluates to its reviewed expected output", "[integration]") {
    const auto names = samples();
    REQUIRE(names.size() >= 3);
    for (const auto& name : names) {
        const auto folder = source_dir / "sample_tenders" / name;
        const auto validated = tenderbench("validate " + quote(folder.string()));
        INFO(name << "\n" << validated.out << validated.err);
        CHECK(validated.exit_code == 0);

        const auto run = tenderbench("evaluate --json " + quote(folder.string()));
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto actual = nlohmann::json::parse(run.out);
        const auto expected_file = source_dir / "tests" / "integration" / "expected" / (name + ".json");
        REQUIRE(fs::exists(expected_file));
        require_same_json(actual, nlohmann::json::parse(slurp(expected_file)), name);

        const auto text = tenderbench("evaluate " + quote(folder.string()));
        CHECK(text.exit_code == 0);
        CHECK(text.out.find("Rank") != std::string::npos);
    }
}

TEST_CASE("evaluate --lot picks one lot and refuses an unknown one", "[integration]") {
    const auto folder = source_dir / "sample_tenders" / "community_meals";
    const auto json = nlohmann::json::parse(tenderbench("evaluate --json --lot 1 " + quote(folder.string())).out);
    CHECK(json["lots"].size() == 1);
    const auto bad = tenderbench("evaluate --lot NOPE " + quote(folder.string()));
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("no lot \"NOPE\"") != std::string::npos);
}

TEST_CASE("help, version and usage errors", "[integration]") {
    CHECK(tenderbench("--help").exit_code == 0);
    CHECK(tenderbench("evaluate --help").exit_code == 0);
    CHECK(tenderbench("validate --help").exit_code == 0);
    CHECK(tenderbench("--version").out.find("tenderbench") != std::string::npos);
    CHECK(tenderbench("").exit_code == 2);
    CHECK(tenderbench("evaluate").exit_code == 2);
    CHECK(tenderbench("frobnicate x").exit_code == 2);
    CHECK(tenderbench("evaluate --seed notanumber x").exit_code == 2);
}

TEST_CASE("bad input names the file, line and column and exits 1", "[integration]") {
    SECTION("a path that does not exist") {
        const auto run = tenderbench("evaluate /nonexistent/package");
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("/nonexistent/package") != std::string::npos);
    }
    SECTION("truncated XML") {
        const auto dir = scratch_copy("community_meals", "trunc");
        const auto text = slurp(dir / "bids.xml");
        std::ofstream(dir / "bids.xml", std::ios::trunc) << text.substr(0, text.size() / 2);
        const auto run = tenderbench("evaluate " + quote(dir.string()));
        CHECK(run.exit_code == 1);
        CHECK(std::regex_search(run.err, std::regex("bids\\.xml:[0-9]+:[0-9]+: malformed XML")));
        CHECK(run.out.empty());
        fs::remove_all(dir);
    }
    SECTION("a price that is not money") {
        Tampered t("bids.xml", "price=\"[0-9.]+\"", "price=\"£1,000\"");
        const auto run = tenderbench("validate " + quote(t.dir.string()));
        CHECK(run.exit_code == 1);
        CHECK(std::regex_search(run.err, std::regex("bids\\.xml:[0-9]+:[0-9]+: price \"£1,000\" is not an amount of money")));
    }
    SECTION("a consensus off the scale") {
        Tampered t("scores.xml", "<consensus score=\"[0-9]+\"", "<consensus score=\"77\"");
        const auto run = tenderbench("evaluate " + quote(t.dir.string()));
        CHECK(run.exit_code == 1);
        CHECK(std::regex_search(run.err, std::regex("scores\\.xml:[0-9]+:[0-9]+: score 77 is not on scale")));
    }
    SECTION("a missing consensus score") {
        Tampered t("scores.xml", "<consensus [^>]*>[^<]*</consensus>", "");
        const auto run = tenderbench("evaluate " + quote(t.dir.string()));
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("no consensus score") != std::string::npos);
        CHECK(tenderbench("validate " + quote(t.dir.string())).exit_code == 1);
    }
    SECTION("weights not summing to 100") {
        Tampered t("framework.xml", "(type=\"quality\" weight=\")([0-9]+)", "$01999");
        const auto run = tenderbench("evaluate " + quote(t.dir.string()));
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("top-level weights sum to") != std::string::npos);
    }
}
