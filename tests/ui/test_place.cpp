// Where you live: one choice near the sliders, listed for the page as a select of the catalog's countries; it
// sets the tariff and the grid the report uses, and each option's emissions show in the cost table.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "ui/exposed_controls.hpp"

using namespace labcalc;
using labcalc::test::FindControl;
using labcalc::test::Harness;

TEST_CASE("the country is chosen near the sliders, from the catalog's countries, and sets the tariff")
{
    Harness h;
    h.Settle();
    const ui::ExposedControl* country = FindControl(h.state, "country");
    REQUIRE(country);
    CHECK(country->role == ui::ControlRole::choice);
    CHECK(country->options.size() == h.state.catalog.countries.size() + 1); // and "not set"
    const double us_tariff = h.state.results.report.electricity_usd_per_kwh;
    CHECK(ui::SetControlText(h.state, "country", "DE") == "");
    h.Settle();
    REQUIRE(h.state.scenario.country);
    CHECK(*h.state.scenario.country == "DE");
    CHECK(h.state.results.report.electricity_usd_per_kwh != us_tariff);
    // The emissions are in the cost table, each opening its working.
    CHECK(FindControl(h.state, "working.home.co2e_kg_per_month"));
    // Unset again: the US averages.
    CHECK(ui::SetControlText(h.state, "country", "") == "");
    h.Settle();
    CHECK_FALSE(h.state.scenario.country);
    CHECK(h.state.results.report.electricity_usd_per_kwh == us_tariff);
}
