// The LibreOffice test harness (tests/support/office.h) on small hand-made workbooks: it must
// report a wrong cached formula value as well as pass a right one, or the export tests prove nothing.
#include <catch2/catch.hpp>
#include <stdlib.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "support/office.h"

namespace fs = std::filesystem;
using namespace testsupport;

namespace {

// A fresh folder per test, with a space and a quote in its path: soffice must get the paths
// as single arguments, never through a shell.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (fs::temp_directory_path() / "tenderbench-harness-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temp folder " + pattern + ": " + std::strerror(errno));
        }
        root_ = pattern;
        fs::create_directories(path());
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    fs::path path() const { return root_ / "tender's scores"; }

private:
    fs::path root_;
};

constexpr double a1 = 0.1234567890123456;  // more digits than Calc prints (15 significant)
const std::string awkward_text = "Lead, \"Acme\"\nsecond line ";

// Two sheets, one named with a space; a cross-sheet formula, an Excel 2010+ function and a
// formula returning text. b1_cached is what the file claims =A1/3 evaluates to.
void write_workbook(const fs::path& path, double b1_cached) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    REQUIRE(workbook != nullptr);
    lxw_worksheet* scores = workbook_add_worksheet(workbook, "Scores");
    lxw_worksheet* social = workbook_add_worksheet(workbook, "Social value");
    lxw_format* two_places = workbook_add_format(workbook);
    format_set_num_format(two_places, "0.00");

    worksheet_write_number(scores, 0, 0, a1, two_places);
    worksheet_write_number(scores, 1, 0, 0.5, nullptr);
    worksheet_write_number(scores, 2, 0, -1, nullptr);
    worksheet_write_formula_num(scores, 0, 1, "=A1/3", two_places, b1_cached);
    worksheet_write_formula_num(scores, 1, 1, "='Social value'!A1*2", nullptr, 14);
    worksheet_write_formula_num(scores, 2, 1, "=_xlfn.MINIFS(A1:A3,A1:A3,\">0\")", nullptr, a1);
    worksheet_write_formula_str(scores, 3, 1, "=HYPERLINK(\"x\")", nullptr, "x");
    worksheet_write_number(social, 0, 0, 7, nullptr);
    worksheet_write_string(social, 1, 0, awkward_text.c_str(), nullptr);
    REQUIRE(workbook_close(workbook) == LXW_NO_ERROR);
}

double number(const std::string& cell) {
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    INFO("cell text: " << cell);
    REQUIRE(error == std::errc());
    REQUIRE(end == cell.data() + cell.size());
    return value;
}

}  // namespace

TEST_CASE("cell_name counts columns like Excel", "[integration][office]") {
    CHECK(cell_name(0, 0) == "A1");
    CHECK(cell_name(0, 25) == "Z1");
    CHECK(cell_name(0, 26) == "AA1");
    CHECK(cell_name(9, 51) == "AZ10");
    CHECK(cell_name(0, 52) == "BA1");
    CHECK(cell_name(0, 701) == "ZZ1");
    CHECK(cell_name(0, 702) == "AAA1");
}

TEST_CASE("calc_sheets reads every sheet in order, recalculated or cached", "[integration][office]") {
    ScratchFolder folder;
    const fs::path xlsx = folder.path() / "wrong cache.xlsx";
    write_workbook(xlsx, 99);

    const auto recalculated = calc_sheets(xlsx, Recalc::always);
    REQUIRE(recalculated.size() == 2);
    CHECK(recalculated[0].name == "Scores");
    CHECK(recalculated[1].name == "Social value");
    const auto& scores = recalculated[0].rows;
    REQUIRE(scores.size() == 4);
    for (const auto& row : scores) CHECK(row.size() == 2);  // Calc writes the used area as a rectangle
    CHECK(scores[0][0] == "0.123456789012346");             // unformatted, 15 significant digits
    CHECK(number(scores[0][1]) == Approx(a1 / 3).epsilon(1e-12));
    CHECK(scores[1][1] == "14");
    CHECK(scores[2][1] == "0.123456789012346");
    CHECK(scores[3][1] == "x");
    const auto& social = recalculated[1].rows;
    REQUIRE(social.size() == 2);
    CHECK(social[0] == std::vector<std::string>{"7"});
    CHECK(social[1] == std::vector<std::string>{awkward_text});  // comma, quotes, newline, trailing space

    const auto cached = calc_sheets(xlsx, Recalc::never);
    REQUIRE(cached.size() == 2);
    CHECK(cached[0].rows.at(0).at(1) == "99");
}

TEST_CASE("recalculation_differences passes a workbook whose cached values are right", "[integration][office]") {
    ScratchFolder folder;
    const fs::path xlsx = folder.path() / "right cache.xlsx";
    write_workbook(xlsx, a1 / 3);

    const auto differences = recalculation_differences(xlsx);
    for (const auto& d : differences) {
        UNSCOPED_INFO(d.sheet << "!" << d.cell << ": cached " << d.cached << ", recalculated " << d.recalculated);
    }
    CHECK(differences.empty());
}

TEST_CASE("recalculation_differences reports a wrong cached value", "[integration][office]") {
    ScratchFolder folder;
    const fs::path xlsx = folder.path() / "wrong cache.xlsx";
    write_workbook(xlsx, 99);

    const auto differences = recalculation_differences(xlsx);
    REQUIRE(differences.size() == 1);
    CHECK(differences[0].sheet == "Scores");
    CHECK(differences[0].cell == "B1");
    CHECK(differences[0].cached == "99");
    CHECK(number(differences[0].recalculated) == Approx(a1 / 3).epsilon(1e-12));
}

TEST_CASE("calc_sheets and office_convert fail loudly on a file LibreOffice cannot read", "[integration][office]") {
    ScratchFolder folder;
    const fs::path bogus = folder.path() / "not a workbook.xlsx";
    std::ofstream(bogus) << "this is not a zip file\n";

    CHECK_THROWS_WITH(calc_sheets(bogus, Recalc::always), Catch::Contains("wrote no sheet"));
    CHECK_THROWS_WITH(calc_sheets(folder.path() / "missing.xlsx", Recalc::always), Catch::Contains("no such file"));
    CHECK_THROWS_WITH(office_convert(bogus, "csv", folder.path() / "out"), Catch::Contains("did not convert"));
}

TEST_CASE("office_convert writes the converted file", "[integration][office]") {
    ScratchFolder folder;
    const fs::path xlsx = folder.path() / "right cache.xlsx";
    write_workbook(xlsx, a1 / 3);

    const fs::path csv = office_convert(xlsx, "csv", folder.path() / "converted out");
    CHECK(csv == folder.path() / "converted out" / "right cache.csv");
    REQUIRE(fs::is_regular_file(csv));
    std::ifstream in(csv);
    std::string first_line;
    std::getline(in, first_line);
    CHECK(first_line.rfind("0.12", 0) == 0);  // the first sheet, Scores
}
