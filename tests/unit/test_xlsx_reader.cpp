// The XLSX reader on workbooks written by libxlsxwriter and on hand-built parts: every cell
// type, dates in both date systems, prefixes, escapes, and the workbooks it must refuse.
#include <xlsxwriter.h>

#include "xlsx_test_files.h"

#include "app/core/xlsx_reader.h"

using core::TableCell;
using core::XlsxWorkbook;
using xlsx_test::Part;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

using Type = TableCell::Type;

// The message of the InputError `f` throws; "" when it throws none.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const core::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front().text();
    }
    return "";
}

std::string open_error(const std::string& bytes, const core::XlsxLimits& limits = {}) {
    return error_of([&] { XlsxWorkbook("bids.xlsx", bytes, limits); });
}

std::string sheet_error(const std::string& bytes, const core::XlsxLimits& limits = {}) {
    return error_of([&] { XlsxWorkbook("bids.xlsx", bytes, limits).sheet(); });
}

core::Table first_sheet(const std::string& bytes) { return XlsxWorkbook("bids.xlsx", bytes).sheet(); }

void check_cell(const core::TableRow& row, std::size_t column, Type type, const std::string& text) {
    INFO("row " << row.line << " column " << column);
    CHECK(row.at(column).type == type);
    CHECK(row.at(column).text == text);
}

// 32,767 characters of two bytes each: Excel's limit counts characters, not bytes.
const std::string longest_cell = [] {
    std::string s;
    for (int i = 0; i < 32767; ++i) s += "\xC3\xA9";
    return s;
}();

// A workbook as a program would write one: shared strings, numbers, booleans, dates, formulas
// with cached values, gaps in rows and columns, a hidden sheet and an empty one.
std::string written_workbook() {
    const auto path = xlsx_test::temp_folder() / "written.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* bids = workbook_add_worksheet(book, "Bids");
    lxw_worksheet* notes = workbook_add_worksheet(book, "Notes");
    workbook_add_worksheet(book, "Empty");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* date_time = workbook_add_format(book);
    format_set_num_format(date_time, "dd/mm/yyyy hh:mm");
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "\"£\"#,##0.00");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);

    const char* headers[] = {"Bidder", "Price", "Accepted", "Submitted", "Double", "Label", "Again"};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(bids, 0, c, headers[c], nullptr);
    worksheet_write_string(bids, 1, 0, "Acme Ltd", nullptr);
    worksheet_write_number(bids, 1, 1, 412500, money);
    worksheet_write_boolean(bids, 1, 2, 1, nullptr);
    lxw_datetime day{2026, 4, 20, 0, 0, 0};
    worksheet_write_datetime(bids, 1, 3, &day, date);
    worksheet_write_formula_num(bids, 1, 4, "=B2*2", nullptr, 825000);
    worksheet_write_formula_str(bids, 1, 5, "=\"x\"&A2", nullptr, "xAcme Ltd");
    worksheet_write_string(bids, 1, 6, "Acme Ltd", nullptr);
    worksheet_write_string(bids, 2, 0, "Beta, \"plc\"", nullptr);
    worksheet_write_number(bids, 2, 1, 0.1, nullptr);
    worksheet_write_boolean(bids, 2, 2, 0, nullptr);
    lxw_datetime noon{2026, 4, 20, 12, 30, 0};
    worksheet_write_datetime(bids, 2, 3, &noon, date_time);
    worksheet_write_string(bids, 4, 0, "Gap", nullptr);
    worksheet_write_number(bids, 4, 3, -3.25, nullptr);
    worksheet_write_string(bids, 5, 0, longest_cell.c_str(), nullptr);
    lxw_rich_string_tuple first{bold, const_cast<char*>("Acme ")}, second{nullptr, const_cast<char*>("Ltd")};
    lxw_rich_string_tuple* runs[] = {&first, &second, nullptr};
    worksheet_write_rich_string(bids, 6, 0, runs, nullptr);
    worksheet_write_string(notes, 0, 0, "secret", nullptr);
    worksheet_hide(notes);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    return xlsx_test::file_bytes(path);
}

}  // namespace

TEST_CASE("XLSX: a libxlsxwriter workbook reads back cell by cell", "[unit]") {
    const XlsxWorkbook book("bids.xlsx", written_workbook());
    REQUIRE(book.sheets().size() == 3);
    CHECK(book.sheets()[0].name == "Bids");
    CHECK_FALSE(book.sheets()[0].hidden);
    CHECK(book.sheets()[1].name == "Notes");
    CHECK(book.sheets()[1].hidden);
    CHECK(book.has_sheet("Notes"));
    CHECK(book.has_sheet("bids"));
    CHECK_FALSE(book.has_sheet("Prices"));

    const auto table = book.sheet();
    CHECK(table.file == "bids.xlsx");
    CHECK(table.sheet == "Bids");
    REQUIRE(table.rows.size() == 6);  // row 4 was never written
    std::vector<int> lines;
    for (const auto& row : table.rows) lines.push_back(row.line);
    CHECK(lines == std::vector<int>{1, 2, 3, 5, 6, 7});

    const auto& header = table.rows[0];
    REQUIRE(header.cells.size() == 7);
    check_cell(header, 0, Type::text, "Bidder");
    check_cell(header, 6, Type::text, "Again");

    const auto& acme = table.rows[1];
    check_cell(acme, 0, Type::text, "Acme Ltd");
    check_cell(acme, 1, Type::number, "412500");  // a currency format is not a date
    CHECK(acme.at(1).number == 412500);
    check_cell(acme, 2, Type::boolean, "TRUE");
    CHECK(acme.at(2).number == 1);
    // 2026-04-20 is serial 46132: 2024-01-01 is 45292 (Excel), plus 366 + 365 + 109 days.
    check_cell(acme, 3, Type::date, "2026-04-20");
    CHECK(acme.at(3).number == 46132);
    check_cell(acme, 4, Type::number, "825000");  // the cached value; formulas are not evaluated
    check_cell(acme, 5, Type::text, "xAcme Ltd");
    check_cell(acme, 6, Type::text, "Acme Ltd");

    const auto& beta = table.rows[2];
    check_cell(beta, 0, Type::text, "Beta, \"plc\"");
    check_cell(beta, 1, Type::number, "0.1");
    CHECK(beta.at(1).number == 0.1);
    check_cell(beta, 2, Type::boolean, "FALSE");
    check_cell(beta, 3, Type::date, "2026-04-20T12:30:00");
    CHECK(beta.at(3).number == Approx(46132 + 12.5 / 24));

    const auto& gap = table.rows[3];
    CHECK(gap.line == 5);
    REQUIRE(gap.cells.size() == 4);
    check_cell(gap, 0, Type::text, "Gap");
    check_cell(gap, 1, Type::empty, "");
    check_cell(gap, 2, Type::empty, "");
    check_cell(gap, 3, Type::number, "-3.25");

    check_cell(table.rows[4], 0, Type::text, longest_cell);
    check_cell(table.rows[5], 0, Type::text, "Acme Ltd");  // rich text, runs joined

    const auto notes = book.sheet("notes");  // case-insensitive after an exact miss
    CHECK(notes.sheet == "Notes");
    REQUIRE(notes.rows.size() == 1);
    check_cell(notes.rows[0], 0, Type::text, "secret");
    CHECK(book.sheet("Empty").rows.empty());
    CHECK(error_of([&] { book.sheet("Prices"); }) == "bids.xlsx: no sheet named 'Prices' (sheets: Bids, Notes, Empty)");

    core::XlsxLimits limits;
    limits.max_cell_chars = 32766;
    CHECK(error_of([&] { XlsxWorkbook("bids.xlsx", written_workbook(), limits).sheet(); }) ==
          "bids.xlsx, sheet 'Bids', cell A6: the cell holds 32767 characters, over the limit of 32766; shorten it");
}

TEST_CASE("XLSX: constant-memory libxlsxwriter files use inline strings", "[unit]") {
    const auto path = xlsx_test::temp_folder() / "inline.xlsx";
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Scores");
    worksheet_write_string(sheet, 0, 0, "Evaluator", nullptr);
    worksheet_write_string(sheet, 0, 1, "Q1", nullptr);
    worksheet_write_string(sheet, 1, 0, "J. Smith", nullptr);
    worksheet_write_number(sheet, 1, 1, 4, nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    const auto bytes = xlsx_test::file_bytes(path);
    REQUIRE(bytes.find("sharedStrings") == std::string::npos);

    const core::XlsxWorkbook workbook(path);
    const auto table = workbook.sheet("Scores");
    CHECK(table.file == path.string());
    REQUIRE(table.rows.size() == 2);
    check_cell(table.rows[0], 1, Type::text, "Q1");
    check_cell(table.rows[1], 0, Type::text, "J. Smith");
    check_cell(table.rows[1], 1, Type::number, "4");

    core::XlsxLimits small;
    small.max_file_bytes = 100;
    CHECK(error_of([&] { core::XlsxWorkbook(path, small); }) ==
          path.string() + ": the file is " + std::to_string(fs::file_size(path)) +
              " bytes, over the limit of 100 bytes; split the workbook");
    CHECK_THAT(error_of([&] { core::XlsxWorkbook(xlsx_test::temp_folder() / "missing.xlsx"); }),
               StartsWith((xlsx_test::temp_folder() / "missing.xlsx").string() + ": file not found") &&
                   Contains("check the path"));
}

TEST_CASE("XLSX: inline strings, cells and rows without references, every cell type", "[unit]") {
    const auto table = first_sheet(xlsx_test::workbook_with(
        R"(<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c t="inlineStr"><is><r><t>Be</t></r><r><t>ta</t></r></is></c></row>)"
        R"(<row r="4"><c><v>1</v></c><c><v>2.5e3</v></c><c r="E4"><v>5</v></c><c><v>6</v></c></row>)"
        R"(<row><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>text result</v></c>)"
        R"(<c t="d"><v>2026-04-20T00:00:00</v></c><c t="d"><v>2026-04-20T06:00:00Z</v></c><c t="n"/><c t="s"/>)"
        R"(<c t="inlineStr"><is><t xml:space="preserve">  spaced  </t></is></c><c t="inlineStr"><is><t> </t></is></c></row>)"));
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].line == 2);
    check_cell(table.rows[0], 0, Type::text, "Acme");
    check_cell(table.rows[0], 1, Type::text, "Beta");
    const auto& four = table.rows[1];
    CHECK(four.line == 4);
    REQUIRE(four.cells.size() == 6);
    check_cell(four, 0, Type::number, "1");
    check_cell(four, 1, Type::number, "2500");
    check_cell(four, 2, Type::empty, "");
    check_cell(four, 4, Type::number, "5");
    check_cell(four, 5, Type::number, "6");
    const auto& five = table.rows[2];
    CHECK(five.line == 5);
    check_cell(five, 0, Type::boolean, "FALSE");
    check_cell(five, 1, Type::error, "#N/A");
    check_cell(five, 2, Type::text, "text result");
    check_cell(five, 3, Type::date, "2026-04-20");
    CHECK(five.at(3).number == 46132);
    check_cell(five, 4, Type::date, "2026-04-20T06:00:00");
    CHECK(five.at(4).number == 46132.25);
    check_cell(five, 5, Type::empty, "");
    check_cell(five, 6, Type::empty, "");
    check_cell(five, 7, Type::text, "  spaced  ");
    check_cell(five, 8, Type::text, " ");
}

TEST_CASE("XLSX: prefixed namespaces, rich text with phonetic runs, _xHHHH_ escapes", "[unit]") {
    const std::string x = "xmlns:x=\"" + xlsx_test::main_ns + "\"";
    const std::string prefixed_workbook = xlsx_test::declaration + "<x:workbook " + x + " xmlns:r=\"" +
                                          xlsx_test::rel_ns +
                                          R"("><x:sheets><x:sheet name="Bids" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>)";
    const std::string prefixed_sheet = xlsx_test::declaration + "<x:worksheet " + x +
                                       R"(><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>)"
                                       R"(<x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c>)"
                                       R"(<x:c r="D1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
    const std::string strings = xlsx_test::declaration + "<x:sst " + x + ">" +
                                R"(<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Acme </x:t></x:r><x:r><x:t xml:space="preserve">Ltd </x:t></x:r>)"
                                R"(<x:rPh sb="0" eb="4"><x:t>アクメ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>)"
                                R"(<x:si><x:t>line_x000D_
next _x005F_x0041_ tab_x0009_end _xD83D__xDE00_ _xZZZZ_</x:t></x:si><x:si><x:t/></x:si></x:sst>)";
    const auto bytes = xlsx_test::zip({{"xl/workbook.xml", prefixed_workbook},
                                       {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()},
                                       {"xl/worksheets/sheet1.xml", prefixed_sheet},
                                       {"xl/sharedStrings.xml", strings}});
    const auto table = first_sheet(bytes);
    REQUIRE(table.rows.size() == 1);
    check_cell(table.rows[0], 0, Type::text, "Acme Ltd ");
    check_cell(table.rows[0], 1, Type::text, "line\r\nnext _x0041_ tab\tend \xF0\x9F\x98\x80 _xZZZZ_");
    check_cell(table.rows[0], 2, Type::empty, "");
    check_cell(table.rows[0], 3, Type::number, "7");
}

TEST_CASE("XLSX: date formats by built-in id and custom code, and the 1904 date system", "[unit]") {
    const std::string styles = xlsx_test::declaration + "<styleSheet xmlns=\"" + xlsx_test::main_ns + "\">" +
                               R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>)"
                               R"(<numFmt numFmtId="165" formatCode="#,##0.00&quot; m&quot;"/>)"
                               R"(<numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>)"
                               R"(<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>)"
                               R"(<xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs></styleSheet>)";
    const std::string rows = R"(<row r="1"><c s="1"><v>1</v></c><c s="1"><v>59</v></c><c s="1"><v>60</v></c>)"
                             R"(<c s="1"><v>61</v></c><c s="2"><v>46132</v></c><c s="3"><v>46132</v></c>)"
                             R"(<c s="4"><v>46132.75</v></c><c s="5"><v>0.5</v></c><c s="0"><v>3</v></c></row>)";
    const auto table = first_sheet(xlsx_test::workbook_with(rows, {{"xl/styles.xml", styles}}));
    const auto& row = table.rows.at(0);
    // Serials from Microsoft's note on the 1900 leap-year bug: 59 is 1900-02-28, 60 the
    // fictional 1900-02-29, 61 is 1900-03-01.
    check_cell(row, 0, Type::date, "1900-01-01");
    check_cell(row, 1, Type::date, "1900-02-28");
    check_cell(row, 2, Type::date, "1900-02-29");
    check_cell(row, 3, Type::date, "1900-03-01");
    check_cell(row, 4, Type::date, "2026-04-20");
    check_cell(row, 5, Type::number, "46132");  // the quoted " m" is text, not minutes
    check_cell(row, 6, Type::date, "2026-04-20T18:00:00");
    check_cell(row, 7, Type::date, "12:00:00");
    check_cell(row, 8, Type::number, "3");

    // In the 1904 system serial 0 is 1904-01-01, which is 1462 in the 1900 system.
    const auto book1904 = first_sheet(xlsx_test::workbook_with(R"(<row r="1"><c s="1"><v>1</v></c><c s="1"><v>44670</v></c><c s="5"><v>0.75</v></c></row>)",
                                                               {{"xl/styles.xml", styles}},
                                                               R"(<workbookPr date1904="1"/>)"));
    check_cell(book1904.rows.at(0), 0, Type::date, "1904-01-02");
    CHECK(book1904.rows.at(0).at(0).number == 1463);
    check_cell(book1904.rows.at(0), 1, Type::date, "2026-04-20");
    CHECK(book1904.rows.at(0).at(1).number == 46132);
    check_cell(book1904.rows.at(0), 2, Type::date, "18:00:00");  // a time alone, in either system
    CHECK(book1904.rows.at(0).at(2).number == 0.75);

    CHECK(sheet_error(xlsx_test::workbook_with(R"(<row r="3"><c r="B3" s="1"><v>-1</v></c></row>)",
                                               {{"xl/styles.xml", styles}})) ==
          "bids.xlsx, sheet 'Bids', cell B3: the cell is formatted as a date but holds -1, which is not a date from "
          "1900 to 9999; correct it, or format the cell as a number");
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="3"><c r="B3" s="9"><v>1</v></c></row>)",
                                                    {{"xl/styles.xml", styles}})),
               StartsWith("bids.xlsx, sheet 'Bids', cell B3: style 9 does not exist"));
}

TEST_CASE("XLSX: bad cells are refused naming the sheet and the cell", "[unit]") {
    const std::vector<Part> one_string = {{"xl/sharedStrings.xml", xlsx_test::shared_strings("<si><t>Acme</t></si>")}};
    CHECK(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="B2" t="s"><v>7</v></c></row>)", one_string)) ==
          "bids.xlsx, sheet 'Bids', cell B2: shared string 7 does not exist (the workbook has 1); the workbook is "
          "damaged: open it in Excel and save it again");
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="B2" t="s"><v>-1</v></c></row>)", one_string)),
               StartsWith("bids.xlsx, sheet 'Bids', cell B2: shared string -1 does not exist"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="C2"><v>12,5</v></c></row>)")),
               StartsWith("bids.xlsx, sheet 'Bids', cell C2: '12,5' is not a number"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="C2" t="b"><v>yes</v></c></row>)")),
               StartsWith("bids.xlsx, sheet 'Bids', cell C2: 'yes' is not a boolean"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="D2" t="d"><v>20/04/2026</v></c></row>)")),
               StartsWith("bids.xlsx, sheet 'Bids', cell D2: '20/04/2026' is not an ISO 8601 date"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="D2" t="q"><v>1</v></c></row>)")),
               StartsWith("bids.xlsx, sheet 'Bids', cell D2: unknown cell type 'q'"));
}

TEST_CASE("XLSX: bad references and rows out of order are refused with their place in the part", "[unit]") {
    // The rows start on line 2 of the part, after the XML declaration, at column 89: the
    // <worksheet xmlns="..."><sheetData> before them takes 88 characters.
    const std::string place = "bids.xlsx, sheet 'Bids': part xl/worksheets/sheet1.xml, line 2, column ";
    CHECK(sheet_error(xlsx_test::workbook_with(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")) ==
          place + "101: 'XFE1' is not a cell reference (columns A to XFD, rows 1 to 1048576); the workbook is "
                  "damaged: open it in Excel and save it again");
    for (const std::string bad : {"A0", "A1048577", "1A", "A", "A01", "$A$1", "AAAA1"}) {
        INFO(bad);
        CHECK_THAT(sheet_error(xlsx_test::workbook_with("<row><c r=\"" + bad + "\"><v>1</v></c></row>")),
                   StartsWith(place) && Contains("'" + bad + "' is not a cell reference"));
    }
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="1048577"><c><v>1</v></c></row>)")),
               StartsWith(place + "90: row number '1048577' is not a row from 1 to 1048576"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="2"><c r="A3"><v>1</v></c></row>)")),
               StartsWith(place) && Contains("cell A3 is inside row 2"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="5"/><row r="3"/>)")),
               StartsWith(place) && Contains("row 3 comes after row 5"));
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>)")),
               StartsWith(place) && Contains("cell B1 comes after column C"));
    // Excel's own limits apply; smaller ones can be set.
    CHECK(first_sheet(xlsx_test::workbook_with(R"(<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>)"))
              .rows.at(0)
              .cells.size() == 16384);
    core::XlsxLimits limits;
    limits.max_columns = 3;
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="1"><c r="D1"><v>1</v></c></row>)"), limits),
               StartsWith(place) && Contains("a cell beyond column C in row 1"));
    limits = {};
    limits.max_rows = 10;
    CHECK_THAT(sheet_error(xlsx_test::workbook_with(R"(<row r="11"/>)"), limits),
               StartsWith(place) && Contains("row number '11' is not a row from 1 to 10"));
}

TEST_CASE("XLSX: malformed XML and missing parts are refused naming the part", "[unit]") {
    CHECK(sheet_error(xlsx_test::workbook_with("<row r=\"1\">\n<c r=\"A1\"><v>1</v>\n</row>")) ==
          "bids.xlsx: part xl/worksheets/sheet1.xml, line 4, column 3: malformed XML (Start-end tags mismatch); the "
          "workbook is damaged: open it in Excel and save it again");
    CHECK_THAT(sheet_error(xlsx_test::workbook_with("<row><c><v>caf\xE9</v></c></row>")),
               StartsWith("bids.xlsx: part xl/worksheets/sheet1.xml, line 2, column ") && Contains("not UTF-8 text"));
    CHECK_THAT(open_error(xlsx_test::zip({{"xl/workbook.xml", "<workbook><sheets>"}})),
               StartsWith("bids.xlsx: part xl/workbook.xml, line 1, column ") && Contains("malformed XML"));
    CHECK(open_error(xlsx_test::zip({{"hello.txt", "hello"}})) ==
          "bids.xlsx: not an .xlsx workbook (the zip file has no xl/workbook.xml); save it from Excel as 'Excel "
          "Workbook (.xlsx)'");
    CHECK_THAT(open_error(xlsx_test::zip({{"word/document.xml", "<w:document/>"}})),
               StartsWith("bids.xlsx: a Word document, not an .xlsx workbook"));
    CHECK_THAT(open_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()}})),
               StartsWith("bids.xlsx: part xl/_rels/workbook.xml.rels is missing"));
    CHECK_THAT(open_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook("", R"(<sheet name="X" r:id="rId9"/>)")},
                                          {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()}})),
               StartsWith("bids.xlsx: part xl/workbook.xml, line 2, column ") &&
                   Contains("sheet 'X' refers to relationship 'rId9'"));
    CHECK(sheet_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                      {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()}})) ==
          "bids.xlsx: sheet 'Bids' should be in part xl/worksheets/sheet1.xml, which is missing; the workbook is "
          "damaged: open it in Excel and save it again");
    CHECK(sheet_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook("", "")},
                                      {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()}})) ==
          "bids.xlsx: the workbook has no sheets; the workbook is damaged: open it in Excel and save it again");
    const auto chart = xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                       {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()},
                                       {"xl/worksheets/sheet1.xml", "<chartsheet/>"}});
    CHECK_THAT(sheet_error(chart), StartsWith("bids.xlsx, sheet 'Bids': part xl/worksheets/sheet1.xml, line 1, "
                                              "column 2: this is a chartsheet, not a worksheet"));
}

TEST_CASE("XLSX: relationship targets, absolute or relative, find their parts", "[unit]") {
    const auto rels = [](const std::string& target) {
        return xlsx_test::declaration +
               R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
               R"(<Relationship Id="rId1" Type="x/worksheet" Target=")" + target + R"("/></Relationships>)";
    };
    for (const std::string target : {"/xl/worksheets/sheet1.xml", "worksheets/sheet1.xml", "./worksheets/../worksheets/sheet1.xml"}) {
        INFO(target);
        const auto table = first_sheet(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                                       {"xl/_rels/workbook.xml.rels", rels(target)},
                                                       {"xl/worksheets/sheet1.xml", xlsx_test::worksheet("<row><c><v>1</v></c></row>")}}));
        CHECK(table.rows.at(0).at(0).text == "1");
    }
    CHECK_THAT(open_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                          {"xl/_rels/workbook.xml.rels", rels("../../outside.xml")}})),
               StartsWith("bids.xlsx: part xl/workbook.xml, line 2, column ") &&
                   Contains("sheet 'Bids' has no part inside the workbook (its target is '../../outside.xml')"));
    for (const std::string target : {"", "/", "."}) {
        INFO(target);
        CHECK_THAT(open_error(xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                              {"xl/_rels/workbook.xml.rels", rels(target)}})),
                   Contains("sheet 'Bids' has no part inside the workbook (its target is '" + target + "')"));
    }
}

TEST_CASE("XLSX: zip bombs are refused before and while inflating", "[unit]") {
    const std::string zeros(8u << 20, '0');
    core::XlsxLimits limits;
    limits.max_part_bytes = 1u << 20;
    // A part nobody asks for is never inflated.
    CHECK(sheet_error(xlsx_test::workbook_with("<row/>", {{"xl/worksheets/sheet2.xml", zeros}}), limits) == "");
    // Declared 8 MB against a 1 MB limit: refused before inflating.
    auto bomb = xlsx_test::zip({{"xl/workbook.xml", xlsx_test::workbook()},
                                {"xl/_rels/workbook.xml.rels", xlsx_test::relationships()},
                                {"xl/worksheets/sheet1.xml", xlsx_test::worksheet("") + zeros}},
                               9);
    CHECK(sheet_error(bomb, limits) ==
          "bids.xlsx: part xl/worksheets/sheet1.xml expands to more than 1 MB; this is not a workbook we should open "
          "(it may be a zip bomb): remove unused rows and columns, or split the workbook");
    // Within the size limit, but 8 MB from a few KB is no spreadsheet.
    CHECK_THAT(sheet_error(bomb), StartsWith("bids.xlsx: part xl/worksheets/sheet1.xml expands ") &&
                                      Contains("times, more than the 200 a real workbook does"));
    // Shared strings are read on opening, so a bomb there stops the workbook opening.
    CHECK_THAT(open_error(xlsx_test::workbook_with("", {{"xl/sharedStrings.xml", zeros}}), limits),
               StartsWith("bids.xlsx: part xl/sharedStrings.xml expands to more than 1 MB"));
    // The total over every part read.
    limits = {};
    limits.max_expanded_bytes = 1000;
    CHECK(open_error(xlsx_test::workbook_with("", {{"xl/sharedStrings.xml", xlsx_test::shared_strings(std::string(900, ' '))}}),
                     limits) ==
          "bids.xlsx: part xl/sharedStrings.xml takes the parts read past 1000 bytes expanded; this is not a workbook "
          "we should open (it may be a zip bomb): split it");

    // A zip that declares 1000 bytes for 8 MB: minizip stops at the declared size and the checksum
    // then fails, so the lie is caught without inflating the rest.
    xlsx_test::declare_size(bomb, "xl/worksheets/sheet1.xml", 1000);
    CHECK(sheet_error(bomb) ==
          "bids.xlsx: part xl/worksheets/sheet1.xml is damaged (its checksum does not match); open the workbook in "
          "Excel and save it again");
}

TEST_CASE("XLSX: what is not an .xlsx workbook is refused with what to do", "[unit]") {
    const auto real = written_workbook();
    CHECK(open_error(real.substr(0, real.size() / 2)) ==
          "bids.xlsx: not an .xlsx workbook (a damaged or truncated zip file); save it from Excel as 'Excel Workbook "
          "(.xlsx)'");
    CHECK(open_error("supplier,price\nAcme,1\n") ==
          "bids.xlsx: not an .xlsx workbook (not a zip file, or truncated); save it from Excel as 'Excel Workbook "
          "(.xlsx)'");
    CHECK(open_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") + std::string(504, '\0')) ==
          "bids.xlsx: the workbook is password-protected, or is an old Excel 97-2003 (.xls) workbook; open it in "
          "Excel, remove any password (File > Info > Protect Workbook) and save it as 'Excel Workbook (.xlsx)'");
    CHECK_THAT(open_error(""), StartsWith("bids.xlsx: the file is empty"));
}

TEST_CASE("XLSX: cell and text budgets stop shared strings multiplying", "[unit]") {
    std::string rows;
    for (int r = 1; r <= 20; ++r) rows += "<row><c t=\"s\"><v>0</v></c><c r=\"J" + std::to_string(r) + "\" t=\"s\"><v>0</v></c></row>";
    const auto bytes = xlsx_test::workbook_with(
        rows, {{"xl/sharedStrings.xml", xlsx_test::shared_strings("<si><t>" + std::string(1000, 'x') + "</t></si>")}});
    CHECK(first_sheet(bytes).rows.size() == 20);
    core::XlsxLimits limits;
    limits.max_text_bytes = 30000;
    CHECK_THAT(sheet_error(bytes, limits),
               StartsWith("bids.xlsx, sheet 'Bids', cell A16: the sheet's text adds up to more than 30000 bytes"));
    limits = {};
    limits.max_cells = 100;  // ten per row: A and the gap up to J
    CHECK_THAT(sheet_error(bytes, limits), StartsWith("bids.xlsx, sheet 'Bids', cell A11: the sheet holds more than 100 cells"));
}

TEST_CASE("XLSX: every fuzzing regression input gives a table or an InputError", "[unit]") {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(TENDERBENCH_SOURCE_DIR "/tests/fixtures/fuzz/xlsx")) {
        INFO(entry.path().string());
        try {
            const XlsxWorkbook book(entry.path());
            for (const auto& sheet : book.sheets()) book.sheet(sheet.name);
        } catch (const core::InputError& e) {
            CHECK(!e.diagnostics().empty());
        }
        ++files;
    }
    CHECK(files > 0);
}
