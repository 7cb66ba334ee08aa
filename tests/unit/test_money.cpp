// Money in integer minor units (scoring/money.h, docs/formats.md "money" value type).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "scoring/money.h"

using scoring::Money;
using scoring::format_money;
using scoring::format_number;
using scoring::parse_money;

TEST_CASE("parse_money reads decimals into minor units exactly", "[unit][money]") {
    // Hand-computed: minor units = whole units x 100 + pence.
    CHECK(parse_money("125000") == std::optional<Money>(12500000));    // 125000 x 100
    CHECK(parse_money("125000.5") == std::optional<Money>(12500050));  // one decimal = 50 pence
    CHECK(parse_money("125000.50") == std::optional<Money>(12500050));
    CHECK(parse_money("125000.05") == std::optional<Money>(12500005));
    CHECK(parse_money("-3.25") == std::optional<Money>(-325));
    CHECK(parse_money("0") == std::optional<Money>(0));
    CHECK(parse_money("0.01") == std::optional<Money>(1));
    CHECK(parse_money("-0.01") == std::optional<Money>(-1));
    CHECK(parse_money("007.10") == std::optional<Money>(710));  // leading zeros are digits
    // 0.1 + 0.2 style amounts are exact: no floating point is involved.
    CHECK(parse_money("0.10") == std::optional<Money>(10));
    CHECK(parse_money("0.20") == std::optional<Money>(20));
    CHECK(*parse_money("0.10") + *parse_money("0.20") == *parse_money("0.30"));
}

TEST_CASE("parse_money rejects separators, exponents, extra decimals, signs and symbols", "[unit][money]") {
    // docs/formats.md: money is a decimal with at most 2 decimal places, no currency sign or separators.
    CHECK_FALSE(parse_money("1,000").has_value());
    CHECK_FALSE(parse_money("1e3").has_value());
    CHECK_FALSE(parse_money("12.345").has_value());
    CHECK_FALSE(parse_money("").has_value());
    CHECK_FALSE(parse_money("-").has_value());
    CHECK_FALSE(parse_money("£5").has_value());
    CHECK_FALSE(parse_money("$5").has_value());
    CHECK_FALSE(parse_money("5 ").has_value());
    CHECK_FALSE(parse_money(" 5").has_value());
    CHECK_FALSE(parse_money("+5").has_value());
    CHECK_FALSE(parse_money("5.").has_value());    // a point needs a decimal after it
    CHECK_FALSE(parse_money(".5").has_value());    // and a digit before it
    CHECK_FALSE(parse_money("-.5").has_value());
    CHECK_FALSE(parse_money("1.2.3").has_value());
    CHECK_FALSE(parse_money("--5").has_value());
    CHECK_FALSE(parse_money("12a").has_value());
    CHECK_FALSE(parse_money("nan").has_value());
    CHECK_FALSE(parse_money("inf").has_value());
    CHECK_FALSE(parse_money("99999999999999999999").has_value());  // 20 digits: far out of range
}

TEST_CASE("parse_money at the edge of the 64-bit range", "[unit][money]") {
    // INT64_MAX = 9223372036854775807 minor units = 92233720368547758.07 major units.
    constexpr Money max = std::numeric_limits<Money>::max();
    CHECK(parse_money("92233720368547758.07") == std::optional<Money>(max));
    CHECK(parse_money("-92233720368547758.07") == std::optional<Money>(-max));
    // One minor unit more (…758.08 = 9223372036854775808) and 92233720368547759.00
    // (= 9223372036854775900) do not fit in a Money: money.h promises nullopt "out of range".
    CHECK_FALSE(parse_money("92233720368547758.08").has_value());
    CHECK_FALSE(parse_money("92233720368547759").has_value());
    CHECK_FALSE(parse_money("92233720368547759.99").has_value());
}

TEST_CASE("format_money writes two decimals and a leading minus", "[unit][money]") {
    // Hand-computed: units = amount / 100, pence = amount % 100, always two digits.
    CHECK(format_money(12500050) == "125000.50");
    CHECK(format_money(12500000) == "125000.00");
    CHECK(format_money(-325) == "-3.25");
    CHECK(format_money(5) == "0.05");
    CHECK(format_money(-5) == "-0.05");
    CHECK(format_money(0) == "0.00");
    CHECK(format_money(100) == "1.00");
    CHECK(format_money(std::numeric_limits<Money>::max()) == "92233720368547758.07");
}

TEST_CASE("format_money of the most negative Money", "[unit][money]") {
    // INT64_MIN = -9223372036854775808 minor units = -92233720368547758.08.
    CHECK(format_money(std::numeric_limits<Money>::min()) == "-92233720368547758.08");
}

TEST_CASE("parse_money and format_money round-trip", "[unit][money]") {
    for (Money m : {Money{0}, Money{1}, Money{-1}, Money{9}, Money{10}, Money{99}, Money{100}, Money{101},
                    Money{-325}, Money{12500050}, Money{41250000}, Money{-99999999}, Money{123456789012345},
                    std::numeric_limits<Money>::max()}) {
        INFO("amount " << m);
        const auto text = format_money(m);
        CHECK(parse_money(text) == std::optional<Money>(m));
    }
    // Text in canonical form comes back unchanged; other spellings are normalised to 2 decimals.
    for (const char* text : {"0.00", "412500.00", "-3.25", "0.05", "530000.10"}) {
        INFO(text);
        CHECK(format_money(*parse_money(text)) == text);
    }
    CHECK(format_money(*parse_money("125000.5")) == "125000.50");
    CHECK(format_money(*parse_money("7")) == "7.00");
}

TEST_CASE("format_number drops trailing zeros", "[unit][money]") {
    CHECK(format_number(0.5) == "0.5");
    CHECK(format_number(2) == "2");
    CHECK(format_number(12.5) == "12.5");
    CHECK(format_number(-3) == "-3");
    CHECK(format_number(100) == "100");
}

TEST_CASE("to_major converts minor units to major units", "[unit][money]") {
    CHECK(scoring::to_major(12500050) == Approx(125000.5).margin(1e-9));
    CHECK(scoring::to_major(-325) == Approx(-3.25).margin(1e-12));
}
