// The one date reader: --today, the page's date, the catalog's dates and the stale flags all use it.
#include <catch2/catch.hpp>

#include "core/catalog.hpp"
#include "core/iso_date.hpp"
#include "core/report.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;

TEST_CASE("dates: YYYY-MM-DD is read as days since 1970-01-01", "[dates]")
{
    CHECK(ParseIsoDate("1970-01-01") == 0L);
    CHECK(ParseIsoDate("1969-12-31") == -1L);
    CHECK(ParseIsoDate("2000-02-29") == 11016L);
    CHECK(ParseIsoDate("2026-11-28") == 20785L);
    CHECK(*ParseIsoDate("2027-01-01") - *ParseIsoDate("2026-01-01") == 365);
    CHECK(*ParseIsoDate("2025-01-01") - *ParseIsoDate("2024-01-01") == 366);
    CHECK(ParseIsoDate("2026-02-31") == ParseIsoDate("2026-03-03")); // a day past the month's end counts on
}

TEST_CASE("dates: anything but four, two and two digits with a month 1-12 and a day 1-31 is refused", "[dates]")
{
    for (const char* bad : {"", "yesterday", "2026", "2026-01", "20260101", "2026-1-1", "2026-01-1", "2026/01/01",
                            "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-1a-01", "+026-01-01",
                            " 2026-01-01", "2026-01-01 ", "2026-01-01T00:00", "20\xcd\xd2-01-01"})
        CHECK_FALSE(ParseIsoDate(bad));
    CHECK_FALSE(ParseIsoDate(std::string_view("2026-01-01\0", 11)));
}

TEST_CASE("dates: a source's date may name a year or a month, read as its middle", "[dates]")
{
    CHECK(ParseSourceDate("2026-11-28") == ParseIsoDate("2026-11-28"));
    CHECK(ParseSourceDate("2026-11") == ParseIsoDate("2026-11-15"));
    CHECK(ParseSourceDate("2026") == ParseIsoDate("2026-07-01"));
    // Catalogs have been read by their digits and dashes only: an out-of-range month or day is moved into range.
    CHECK(ParseSourceDate("2024-13") == ParseIsoDate("2024-12-15"));
    CHECK(ParseSourceDate("2024-00-00") == ParseIsoDate("2024-01-01"));
    for (const char* bad : {"", "24", "20245", "2024-1", "2024-01-1", "2024/01", "2024-1x", "abcd", "2024-01-01 "})
        CHECK_FALSE(ParseSourceDate(bad));
}

TEST_CASE("dates: the catalog reader and the stale flags use the same reading", "[dates]")
{
    Catalog c = labcalc::test::Cat();
    c.stale_after_days = 365;
    REQUIRE(!c.gpus.empty());
    c.gpus[0].price_usd.date = "2025"; // 1 July 2025
    const Expected<Catalog> read = ParseCatalog(CatalogToJson(c));
    REQUIRE(read);
    const std::string id = "gpu." + c.gpus[0].id + ".price_usd";
    auto stale_on = [&](const char* today) {
        ReportSettings settings;
        settings.today = today;
        settings.flip_points = false;
        for (const AssumptionUsed& a : BuildReport(Scenario{}, *read.value, settings).assumptions)
            if (a.id == id)
                return a.stale;
        FAIL("no assumption " << id);
        return false;
    };
    CHECK_FALSE(stale_on("2026-07-01")); // 365 days old: not older than the limit
    CHECK(stale_on("2026-07-02"));
    CHECK_FALSE(stale_on("not a date")); // no report date, no flags

    c.gpus[0].price_usd.date = "2025-1x";
    CHECK_THAT(ParseCatalog(CatalogToJson(c)).error,
               Catch::Contains(".price_usd.date: must be a date YYYY, YYYY-MM or YYYY-MM-DD"));
}
