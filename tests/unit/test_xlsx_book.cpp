// The Excel writer's small rules: cell names, valid sheet names, UTF-8-safe cuts, and the
// temporary-then-rename output file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include "app/core/output_file.h"
#include "app/core/xlsx_book.h"

namespace fs = std::filesystem;
using namespace core::xlsx;

TEST_CASE("cell names follow Excel's A1 notation", "[unit][xlsx]") {
    CHECK(column_name(0) == "A");
    CHECK(column_name(25) == "Z");
    CHECK(column_name(26) == "AA");
    CHECK(column_name(51) == "AZ");
    CHECK(column_name(52) == "BA");
    CHECK(column_name(16383) == "XFD");  // Excel's last column
    CHECK(cell(0, 0) == "A1");
    CHECK(cell(4, 2, true, false) == "C$5");
    CHECK(cell(4, 2, false, true) == "$C5");
    CHECK(range(4, 1, 9, 3) == "$B$5:$D$10");
}

TEST_CASE("sheet names are made valid for Excel: 31 characters, no []:*?/\\, unique", "[unit][xlsx]") {
    std::set<std::string> taken;
    CHECK(valid_sheet_name("Quality - Lot 1", taken) == "Quality - Lot 1");
    CHECK(valid_sheet_name("Price [lot 2/3]: a*b?c\\d", taken) == "Price -lot 2-3-- a-b-c-d");
    const auto long_name = valid_sheet_name("Social value - Highways maintenance north and south", taken);
    CHECK(long_name.size() == 31);
    CHECK(valid_sheet_name("'quoted'", taken) == "quoted");
    CHECK(valid_sheet_name("   ", taken) == "Sheet");
    // Unique, compared without case as Excel does; the suffix still fits in 31 characters.
    taken.insert("summary");
    CHECK(valid_sheet_name("Summary", taken) == "Summary (2)");
    taken.insert("summary (2)");
    CHECK(valid_sheet_name("SUMMARY", taken) == "SUMMARY (3)");
    taken.insert("social value - highways mainten");
    const auto second = valid_sheet_name("Social value - Highways maintenance west", taken);
    CHECK(second.size() <= 31);
    CHECK(second.substr(second.size() - 4) == " (2)");
}

TEST_CASE("texts are cut on a UTF-8 character boundary", "[unit][xlsx]") {
    const std::string cafe = "Caf\xC3\xA9";  // "Café": the é is two bytes
    CHECK(utf8_prefix(cafe, 5) == cafe);
    CHECK(utf8_prefix(cafe, 4) == "Caf");  // not half an é
    CHECK(utf8_prefix("\xE2\x80\x93x", 2).empty());  // an en dash is three bytes
    CHECK(utf8_prefix("abc", 10) == "abc");
}

TEST_CASE("an output file appears only on commit; otherwise nothing is left", "[unit][xlsx]") {
    const fs::path folder = fs::temp_directory_path() / ("tb_atomic_" + std::to_string(::getpid()));
    fs::create_directories(folder);
    const auto target = folder / "out.xlsx";
    {
        core::AtomicOutput output(target);
        std::ofstream(output.temporary()) << "half";
        CHECK(fs::exists(output.temporary()));
        CHECK_FALSE(fs::exists(target));
    }  // no commit: an error happened
    CHECK(fs::is_empty(folder));
    {
        core::AtomicOutput output(target);
        std::ofstream(output.temporary()) << "whole";
        output.commit();
    }
    CHECK(fs::exists(target));
    CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
    CHECK_THROWS_AS(core::AtomicOutput(folder / "missing" / "x.xlsx"), core::OutputError);
    CHECK_THROWS_AS(core::AtomicOutput(folder), core::OutputError);  // a folder, not a file
    fs::remove_all(folder);
}
