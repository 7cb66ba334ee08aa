// The CSV reader: RFC 4180 records with their physical line numbers, and every refusal located.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/core/csv_reader.h"

namespace fs = std::filesystem;
using core::TableCell;

namespace {

core::Table read(const std::string& text, const core::CsvLimits& limits = {}) {
    return core::read_csv_text("bids.csv", text, limits);
}

std::vector<std::string> texts(const core::TableRow& row) {
    std::vector<std::string> out;
    for (const auto& cell : row.cells) out.push_back(cell.text);
    return out;
}

std::vector<int> lines(const core::Table& table) {
    std::vector<int> out;
    for (const auto& row : table.rows) out.push_back(row.line);
    return out;
}

// The message of the InputError `text` raises, "file:line:column: message"; "" when none.
std::string error(const std::string& text, const core::CsvLimits& limits = {}) {
    try {
        read(text, limits);
    } catch (const core::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front().text();
    }
    return "";
}

using V = std::vector<std::string>;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

}  // namespace

TEST_CASE("CSV: plain records keep their line numbers and every cell is text", "[unit]") {
    const auto table = read("supplier,price\nAcme Ltd,412500\nBeta plc,0.1\n");
    CHECK(table.file == "bids.csv");
    CHECK(table.sheet.empty());
    REQUIRE(table.rows.size() == 3);
    CHECK(lines(table) == std::vector<int>{1, 2, 3});
    CHECK(texts(table.rows[0]) == V{"supplier", "price"});
    CHECK(texts(table.rows[1]) == V{"Acme Ltd", "412500"});
    CHECK(texts(table.rows[2]) == V{"Beta plc", "0.1"});
    CHECK(table.rows[1].cells[1].type == TableCell::Type::text);
}

TEST_CASE("CSV: quoted fields hold commas, doubled quotes and nothing else changes", "[unit]") {
    const auto table = read("\"Smith, Jones & Co\",\"The \"\"Best\"\" Builders\",\"\",plain\n");
    REQUIRE(table.rows.size() == 1);
    CHECK(texts(table.rows[0]) == V{"Smith, Jones & Co", "The \"Best\" Builders", "", "plain"});
    CHECK(table.rows[0].cells[2].type == TableCell::Type::empty);
}

TEST_CASE("CSV: empty fields are empty cells, and spaces are kept", "[unit]") {
    const auto table = read(",a,,\n  padded  ,\t tab\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(texts(table.rows[0]) == V{"", "a", "", ""});
    CHECK(table.rows[0].cells[0].type == TableCell::Type::empty);
    CHECK(table.rows[0].cells[3].type == TableCell::Type::empty);
    CHECK(texts(table.rows[1]) == V{"  padded  ", "\t tab"});
}

TEST_CASE("CSV: CRLF, LF and lone CR line endings, and a last line without one", "[unit]") {
    const auto crlf = read("a,b\r\nc,d\r\n");
    CHECK(lines(crlf) == std::vector<int>{1, 2});
    CHECK(texts(crlf.rows[1]) == V{"c", "d"});
    const auto mixed = read("a\rb\nc\r\nd");
    CHECK(lines(mixed) == std::vector<int>{1, 2, 3, 4});
    CHECK(texts(mixed.rows[3]) == V{"d"});
    const auto no_newline = read("x,y\n\"last\",\"quoted\"");
    REQUIRE(no_newline.rows.size() == 2);
    CHECK(texts(no_newline.rows[1]) == V{"last", "quoted"});
    CHECK(read("a,").rows[0].cells.size() == 2);
}

TEST_CASE("CSV: a quoted newline makes a record span lines; the next record's line is physical", "[unit]") {
    const auto table = read("id,notes\n1,\"line one\nline two\r\nline three\"\n2,after\n");
    REQUIRE(table.rows.size() == 3);
    CHECK(lines(table) == std::vector<int>{1, 2, 5});
    CHECK(texts(table.rows[1]) == V{"1", "line one\nline two\r\nline three"});
    CHECK(texts(table.rows[2]) == V{"2", "after"});
    // A blank line inside quotes is part of the cell, not a blank record.
    const auto blank_inside = read("\"a\n\nb\",c\nd\n");
    CHECK(lines(blank_inside) == std::vector<int>{1, 4});
    CHECK(texts(blank_inside.rows[0]) == V{"a\n\nb", "c"});
}

TEST_CASE("CSV: blank lines are kept as rows with no cells", "[unit]") {
    const auto table = read("a\n\nb\r\n\r\n\nc");
    CHECK(lines(table) == std::vector<int>{1, 2, 3, 4, 5, 6});
    CHECK(table.rows[1].cells.empty());
    CHECK(table.rows[3].cells.empty());
    CHECK(table.rows[4].cells.empty());
    CHECK(texts(table.rows[5]) == V{"c"});
    CHECK(read("").rows.empty());
    CHECK(read("\n").rows.size() == 1);
}

TEST_CASE("CSV: a UTF-8 byte-order mark is removed; UTF-8 text is kept as is", "[unit]") {
    const auto table = read("\xEF\xBB\xBFsupplier,price\n\xC2\xA3 Caf\xC3\xA9 \xE2\x80\x99s,\xF0\x9F\x98\x80\n");
    CHECK(texts(table.rows[0]) == V{"supplier", "price"});
    CHECK(texts(table.rows[1]) == V{"£ Café ’s", "😀"});
    CHECK(read("\xEF\xBB\xBF").rows.empty());
}

TEST_CASE("CSV: UTF-16 and UTF-32 are refused at line 1 with what to save as", "[unit]") {
    CHECK(error("\xFF\xFEn\0a\0") == "bids.csv:1:1: the file is UTF-16; save it as 'CSV UTF-8 (comma delimited)'");
    CHECK(error(std::string("\xFE\xFF\0n", 4)) ==
          "bids.csv:1:1: the file is UTF-16; save it as 'CSV UTF-8 (comma delimited)'");
    CHECK(error(std::string("\xFF\xFE\0\0n\0\0\0", 8)) ==
          "bids.csv:1:1: the file is UTF-32; save it as 'CSV UTF-8 (comma delimited)'");
    // No byte-order mark: the NUL bytes give it away, at the line and field where the first is.
    const std::string utf16("a\0,\0b\0", 6);
    CHECK_THAT(error(utf16), StartsWith("bids.csv:1:1: the file contains NUL bytes, so it is UTF-16") &&
                                 Contains("CSV UTF-8 (comma delimited)"));
    CHECK_THAT(error(std::string("ok,fine\nx,y\0", 12)), StartsWith("bids.csv:2:2: ") && Contains("UTF-16"));
}

TEST_CASE("CSV: invalid UTF-8 names the byte, its line and field, and hints at Windows-1252", "[unit]") {
    CHECK(error("supplier,price\nAcme,\xA3" "100\n") ==
          "bids.csv:2:2: byte 0xA3 is not valid UTF-8; the file looks like Windows-1252 (where 0xA3 is '£'): "
          "save it as 'CSV UTF-8 (comma delimited)'");
    CHECK(error("a\nb\n\"Smith\x92s, Ltd\",1\n") ==
          "bids.csv:3:1: byte 0x92 is not valid UTF-8; the file looks like Windows-1252 (where 0x92 is '’'): "
          "save it as 'CSV UTF-8 (comma delimited)'");
    CHECK_THAT(error("x,y,Caf\xE9\n"), StartsWith("bids.csv:1:3: byte 0xE9") && Contains("'é'"));
    // 0x81 means nothing in Windows-1252: no hint, still what to do.
    CHECK(error("\x81") == "bids.csv:1:1: byte 0x81 is not valid UTF-8; save it as 'CSV UTF-8 (comma delimited)'");
    // Inside a multi-line quoted field the line is the physical one.
    CHECK_THAT(error("id,notes\n1,\"first\nsecond \xA3\"\n"), StartsWith("bids.csv:3:2: byte 0xA3"));
}

TEST_CASE("CSV: an unclosed quote names the line and field where it opened", "[unit]") {
    CHECK(error("supplier,price\nAcme,\"412500\nBeta,100\n") ==
          "bids.csv:2:2: this quoted field is never closed (the file ends at line 3 inside it); add the closing "
          "double quote");
    // The record starts on line 1, but the open quote is the one on line 2, third field.
    CHECK_THAT(error("a,\"x\ny\",\"open\nmore\nmore"), StartsWith("bids.csv:2:3: this quoted field is never closed"));
    CHECK_THAT(error("\"never"), StartsWith("bids.csv:1:1: this quoted field is never closed"));
}

TEST_CASE("CSV: malformed quoting is refused where it is", "[unit]") {
    CHECK(error("a,b\"c\n") ==
          "bids.csv:1:2: a double quote inside a field that does not start with one; put the whole field in "
          "double quotes and double every quote inside it (\"Smith \"\"The Builder\"\" Ltd\")");
    CHECK_THAT(error("ok\n\"abc\"x,1\n"), StartsWith("bids.csv:2:1: text after the closing quote of a quoted field"));
    CHECK_THAT(error("\"abc\" ,1\n"), StartsWith("bids.csv:1:1: text after the closing quote"));
    CHECK_THAT(error(" \"abc\"\n"), StartsWith("bids.csv:1:1: a double quote inside a field"));
    CHECK_THAT(error("1,\"x\ny\"z\n"), StartsWith("bids.csv:2:2: text after the closing quote"));
}

TEST_CASE("CSV: limits on cell size, columns, cells and file size", "[unit]") {
    core::CsvLimits limits;
    limits.max_cell_bytes = 5;
    CHECK(read("abcde\n", limits).rows.size() == 1);
    CHECK_THAT(error("x\nabc,abcdef\n", limits),
               StartsWith("bids.csv:2:2: a cell of 6 bytes, over the limit of 5 bytes"));
    limits = {};
    limits.max_columns = 3;
    CHECK_THAT(error("a,b,c\n1,2,3,4\n", limits), StartsWith("bids.csv:2:4: more than 3 columns in this record"));
    limits = {};
    limits.max_cells = 3;
    CHECK_THAT(error("a,b\nc,d\n", limits), StartsWith("bids.csv:2:2: more than 3 cells in the file"));
    limits = {};
    limits.max_file_bytes = 10;
    CHECK(read("0123456789", limits).rows.size() == 1);
    CHECK(error("0123456789\n", limits) ==
          "bids.csv: the file is 11 bytes, over the limit of 10 bytes; split it into smaller files");
}

TEST_CASE("CSV: read_csv reads a file by path, checks its size first, and names a missing one", "[unit]") {
    const fs::path dir = fs::temp_directory_path() / ("tb_csv_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto path = dir / "bids.csv";
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBFsupplier,price\r\n\"Acme, Ltd\",412500\r\n";
    const auto table = core::read_csv(path);
    CHECK(table.file == path.string());
    REQUIRE(table.rows.size() == 2);
    CHECK(texts(table.rows[1]) == V{"Acme, Ltd", "412500"});

    core::CsvLimits small;
    small.max_file_bytes = 8;
    CHECK_THROWS_WITH(core::read_csv(path, small), StartsWith(path.string() + ": the file is " + std::to_string(fs::file_size(path)) + " bytes"));
    CHECK_THROWS_WITH(core::read_csv(dir / "missing.csv"),
                      StartsWith((dir / "missing.csv").string() + ": file not found") &&
                          Contains("check the path"));
    fs::remove_all(dir);
}

TEST_CASE("CSV: every fuzzing regression input gives a table or an InputError", "[unit]") {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(TENDERBENCH_SOURCE_DIR "/tests/fixtures/fuzz/csv")) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        INFO(entry.path().string());
        try {
            core::read_csv_text(entry.path().filename().string(), bytes);
        } catch (const core::InputError& e) {
            CHECK(!e.diagnostics().empty());
        }
        ++files;
    }
    CHECK(files > 0);
}
