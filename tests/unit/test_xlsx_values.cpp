// Cell values as .xlsx stores them: references, date serials both ways, date formats, numbers,
// escapes. Serial numbers from Excel's own: 1 is 1900-01-01, 60 the fictional 1900-02-29
// (Microsoft's note on the 1900 leap-year bug), 2958465 is 9999-12-31 (Excel's limits).
#include <catch2/catch.hpp>

#include "app/core/xlsx_values.h"

using namespace core::xlsx_read;

TEST_CASE("XLSX values: cell references within A1:XFD1048576", "[unit]") {
    const auto b7 = parse_cell_reference("B7");
    REQUIRE(b7);
    CHECK(b7->row == 7);
    CHECK(b7->column == 1);
    const auto last = parse_cell_reference("XFD1048576");
    REQUIRE(last);
    CHECK(last->column == 16383);
    CHECK(last->row == 1048576);
    CHECK(parse_cell_reference("aa10")->column == 26);
    for (const char* bad : {"", "A", "7", "A0", "A01", "XFE1", "A1048577", "AAAA1", "$A$1", "A1:B2", "A1 ", "A123456789"})
        CHECK_FALSE(parse_cell_reference(bad));
}

TEST_CASE("XLSX values: serials to ISO 8601 and back", "[unit]") {
    CHECK(serial_to_iso(1) == "1900-01-01");
    CHECK(serial_to_iso(59) == "1900-02-28");
    CHECK(serial_to_iso(60) == "1900-02-29");
    CHECK(serial_to_iso(61) == "1900-03-01");
    CHECK(serial_to_iso(46132) == "2026-04-20");
    CHECK(serial_to_iso(46132.5) == "2026-04-20T12:00:00");
    CHECK(serial_to_iso(46132.99999999) == "2026-04-21");  // rounded to the second
    CHECK(serial_to_iso(0.5) == "12:00:00");
    CHECK(serial_to_iso(0) == "00:00:00");
    CHECK(serial_to_iso(2958465) == "9999-12-31");
    CHECK_FALSE(serial_to_iso(2958466));
    CHECK_FALSE(serial_to_iso(-1));
    CHECK_FALSE(serial_to_iso(1e300));

    CHECK(iso_to_serial("1900-01-01") == 1);
    CHECK(iso_to_serial("1900-02-28") == 59);
    CHECK(iso_to_serial("1900-03-01") == 61);
    CHECK(iso_to_serial("2026-04-20") == 46132);
    CHECK(iso_to_serial("2026-04-20T18:00:00Z") == 46132.75);
    CHECK(iso_to_serial("2026-04-20 06:00") == 46132.25);
    CHECK(iso_to_serial("2026-04-20T00:00:00.5") == Approx(46132 + 0.5 / 86400));
    CHECK(iso_to_serial("9999-12-31") == 2958465);
    for (const char* bad : {"", "1900-02-29", "1899-12-31", "2026-02-30", "2026-13-01", "2026-04-20T24:00:00",
                            "2026-04-20T12", "2026-04-20T12:00:00.", "20/04/2026", "2026-4-20", "2026-04-20x"})
        CHECK_FALSE(iso_to_serial(bad));
}

TEST_CASE("XLSX values: which number formats are dates", "[unit]") {
    for (unsigned id : {14u, 15u, 18u, 22u, 45u, 47u}) CHECK(is_builtin_date_format(id));
    for (unsigned id : {0u, 2u, 10u, 13u, 23u, 44u, 48u, 49u}) CHECK_FALSE(is_builtin_date_format(id));
    for (const char* date : {"yyyy-mm-dd", "d-mmm-yy", "dd/mm/yyyy;@", "[h]:mm", "[mm]:ss", "hh:mm AM/PM",
                             "[$-F800]dddd, mmmm dd, yyyy", "[Blue]dd/mm/yy"})
        CHECK(is_date_format_code(date));
    for (const char* number : {"General", "0.00%", "#,##0_);[Red](#,##0)", "0.00E+00", "\"days\" 0", "0\\d",
                               "[$£-809]#,##0.00", "@", "#,##0 \"sqm\"", "[Red]#,##0"})
        CHECK_FALSE(is_date_format_code(number));
}

TEST_CASE("XLSX values: numbers, escapes and lengths", "[unit]") {
    CHECK(number_text(412500) == "412500");
    CHECK(number_text(0.1) == "0.1");
    CHECK(number_text(-0.0) == "0");
    CHECK(number_text(0.1 + 0.2) == "0.30000000000000004");
    CHECK(number_text(1e21) == "1e+21");
    CHECK(parse_number("1.5E+2") == 150);
    CHECK(parse_number("-0.001") == -0.001);
    for (const char* bad : {"", " 1", "1 ", "+1", "1,5", "inf", "nan", "0x10", "1e999"}) CHECK_FALSE(parse_number(bad));

    CHECK(decode_escapes("a_x000D__x000A_b") == "a\r\nb");
    CHECK(decode_escapes("_x005F_x0041_") == "_x0041_");
    CHECK(decode_escapes("_x00e9_") == "\xC3\xA9");
    CHECK(decode_escapes("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
    CHECK(decode_escapes("_xD83D_ _xDE00_") == "\xEF\xBF\xBD \xEF\xBF\xBD");  // halves alone are invalid
    CHECK(decode_escapes("_x12_ _X0041_ _x0041") == "_x12_ _X0041_ _x0041");

    CHECK(utf8_length("") == 0);
    CHECK(utf8_length("Caf\xC3\xA9 \xF0\x9F\x98\x80") == 6);
    CHECK(size_text(900) == "900 bytes");
    CHECK(size_text(512u << 20) == "512 MB");
}
