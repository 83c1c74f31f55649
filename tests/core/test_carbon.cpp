// Your place and its carbon: a country sets the household tariff and the grid's carbon intensity; each option's
// emissions are its energy (the home machine's, the cloud GPUs') times its grid's intensity.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/figure_ids.hpp"
#include "core/formulas.hpp"
#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "core/traced.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
namespace f = labcalc::core::formulas;

namespace {
Report Build(const Scenario& s) { return BuildReport(s, Cat(), ReportSettings{"2026-11-30", false}); }
} // namespace

TEST_CASE("carbon: emissions scale with the energy and with the grid's intensity", "[carbon][formulas]")
{
    CHECK(f::CarbonKg<double>(100, 400) == Approx(40));
    CHECK(f::CarbonKg<double>(200, 400) == Approx(2 * f::CarbonKg<double>(100, 400)));
    CHECK(f::CarbonKg<double>(100, 800) == Approx(2 * f::CarbonKg<double>(100, 400)));
    // 10 GPU-hours a week on a 700 W board in a 1.58 PUE building: 10 x 4.348 x 0.7 x 1.58 kWh a month.
    CHECK(f::CloudKwhPerMonth<double>(10, 700, 1.58) == Approx(10 * f::kWeeksPerMonth * 0.7 * 1.58));
    // The energy behind the bill: the bill over the tariff.
    CHECK(f::HomeKwhPerMonth<double>(500, 60, 20, 40, 15) * 0.2 ==
          Approx(f::ElectricityUsdPerMonth<double>(500, 60, 20, 40, 0.2, 15)));
}

TEST_CASE("carbon: a country sets the tariff and the grid, and a cleaner grid emits less for the same machine",
          "[carbon]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "home.gpu=rtx4090"));
    REQUIRE(ApplySetting(s, "country=FR"));
    const Report fr = Build(s);
    const Country* france = FindCountry(Cat(), "FR");
    REQUIRE(france);
    CHECK(fr.electricity_usd_per_kwh == Approx(france->electricity_usd_per_kwh.value));
    REQUIRE(ApplySetting(s, "country=PL"));
    const Report pl = Build(s);
    const Country* poland = FindCountry(Cat(), "PL");
    REQUIRE(poland);
    REQUIRE(poland->grid_gco2_per_kwh.value > france->grid_gco2_per_kwh.value);
    const OptionCost& home_fr = fr.options[0].cost;
    const OptionCost& home_pl = pl.options[0].cost;
    CHECK(home_fr.home_kwh_per_month == Approx(home_pl.home_kwh_per_month)); // the same machine and hours
    CHECK(home_pl.co2e_kg_per_month / home_fr.co2e_kg_per_month ==
          Approx(poland->grid_gco2_per_kwh.value / france->grid_gco2_per_kwh.value));
    // The person's own tariff wins over the country's; the country's grid stays.
    REQUIRE(ApplySetting(s, "electricity_usd_per_kwh=0.05"));
    const Report own = Build(s);
    CHECK(own.electricity_usd_per_kwh == 0.05);
    CHECK(own.options[0].cost.co2e_kg_per_month == Approx(home_pl.co2e_kg_per_month));
    // The report lists the country's figures among those it used, with their sources.
    bool listed = false;
    for (const AssumptionUsed& a : own.assumptions)
        listed = listed || (a.id == "country.PL.grid_gco2_per_kwh" && !a.source.empty() && !a.date.empty());
    CHECK(listed);
    // A country the catalog does not have is refused by name.
    Scenario unknown;
    REQUIRE(ApplySetting(unknown, "country=QQ"));
    CHECK(CheckAssumptionIds(unknown, Cat()).error.find("country: 'QQ' is not a country of the catalog") !=
          std::string::npos);
}

TEST_CASE("carbon: over random scenarios each option's emissions are its energy on its grid", "[carbon][property]")
{
    std::mt19937 rng(20261130);
    for (int i = 0; i < 1000; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        if (i % 3 == 0)
            s.country = Cat().countries[static_cast<std::size_t>(i) % Cat().countries.size()].code;
        const Report r = Build(s);
        for (const OptionReport& o : r.options) {
            const OptionCost& c = o.cost;
            if (c.gpu_index < 0 && c.offer_index < 0)
                continue;
            INFO(OptionKey(o.option));
            CHECK(c.co2e_kg_per_month ==
                  Approx(f::CarbonKg<double>(c.home_kwh_per_month, c.home_grid_gco2_per_kwh) +
                         f::CarbonKg<double>(c.cloud_kwh_per_month, c.cloud_grid_gco2_per_kwh))
                      .margin(1e-9));
            CHECK(c.co2e_kg_per_month >= 0);
            // The home energy is the electricity bill over the tariff.
            if (c.gpu_index >= 0 && r.electricity_usd_per_kwh > 0)
                CHECK(c.home_kwh_per_month * r.electricity_usd_per_kwh == Approx(c.monthly.power_usd).margin(1e-9));
            if (c.offer_index < 0)
                CHECK(c.cloud_kwh_per_month == 0);
        }
    }
}

TEST_CASE("carbon: making the GPUs counts once for a machine bought, never for one already owned", "[carbon]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "home.gpu=rtx4090"));
    REQUIRE(ApplySetting(s, "home.gpu_count=2"));
    const double per_gpu = Cat().figures.at("home.embodied_kg_co2e_per_gpu").value;
    const Report bought = Build(s);
    CHECK(bought.options[0].cost.embodied_co2e_kg == Approx(2 * per_gpu));
    REQUIRE(ApplySetting(s, "home.owned=true"));
    const Report owned = Build(s);
    CHECK(owned.options[0].cost.embodied_co2e_kg == 0);
    CHECK(owned.options[1].cost.embodied_co2e_kg == 0); // the cloud's share of its servers is not counted yet
}

TEST_CASE("place: the country's VAT is the default tax on the hardware bought, your own figure wins", "[carbon][tax]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "home.gpu=rtx4090"));
    REQUIRE(ApplySetting(s, "home.gpu_count=1"));
    const double untaxed = Build(s).options[0].cost.upfront_usd;
    REQUIRE(ApplySetting(s, "country=DE"));
    const Country* de = FindCountry(Cat(), "DE");
    REQUIRE(de);
    REQUIRE(de->vat_pct);
    CHECK(Build(s).options[0].cost.upfront_usd == Approx(untaxed * (1 + de->vat_pct->value / 100)));
    REQUIRE(ApplySetting(s, "home.sales_tax_pct=0"));
    CHECK(Build(s).options[0].cost.upfront_usd == Approx(untaxed));
    REQUIRE(ApplySetting(s, "home.sales_tax_pct=10"));
    CHECK(Build(s).options[0].cost.upfront_usd == Approx(untaxed * 1.1));
}

TEST_CASE("carbon: a reason gives each option's emissions over the horizon, from the course's power line", "[carbon]")
{
    const Report r = Build(Scenario{});
    bool found = false;
    for (const Reason& reason : r.reasons)
        if (reason.text.rfind("Emissions over 36 months", 0) == 0) {
            found = true;
            CHECK(reason.course.find("Noise and power consumption") != std::string::npos);
            const OptionCost& home = r.options[0].cost;
            // Thousands separated, as every other figure of the reasons.
            const std::string kg = ShownValue(std::round(home.co2e_kg_per_month * 36 + home.embodied_co2e_kg));
            CHECK(reason.text.find("Home lab " + kg + " kg CO2e") != std::string::npos);
        }
    CHECK(found);

    // A lab that emits tonnes: the figure is thousands separated ("8,812 kg"), as the money beside it.
    Scenario india;
    india.country = "IN";
    india.hours_per_week = 60;
    const Report heavy = Build(india);
    const OptionCost& home = heavy.options[0].cost;
    const std::string kg = ShownValue(std::round(home.co2e_kg_per_month * 36 + home.embodied_co2e_kg));
    REQUIRE(kg.find(',') != std::string::npos);
    bool said = false;
    for (const Reason& reason : heavy.reasons)
        said = said || reason.text.find("Home lab " + kg + " kg CO2e") != std::string::npos;
    CHECK(said);
}

TEST_CASE("carbon: a weight like any factor's, and weighted alone the option that fits and emits least wins",
          "[carbon][advice][property]")
{
    // Unweighted by default: the course's ten rows decide, as before.
    CHECK(Scenario{}.weights[static_cast<std::size_t>(Factor::carbon)] == 0);
    std::mt19937 rng(3107);
    int decided = 0;
    for (int i = 0; i < 1500; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        s.weights.fill(0);
        s.weights[static_cast<std::size_t>(Factor::carbon)] = 5;
        s.assumptions["model.rule_bonus_points"] = 0;
        const Evaluation e = Evaluate(s, Cat());
        auto kg = [&](const OptionCost& c) { return c.co2e_kg_per_month * s.horizon_months + c.embodied_co2e_kg; };
        double worst = 0, least = 1e300;
        for (const OptionCost& c : e.cost)
            if (c.Feasible()) {
                worst = std::max(worst, kg(c));
                least = std::min(least, kg(c));
            }
        if (!e.any_feasible)
            continue;
        ++decided;
        INFO("scenario " << i);
        const OptionCost& chosen = e.cost[static_cast<std::size_t>(e.recommended)];
        // (A hybrid that emits less than a pure option is never set aside as dearer for nothing asked.)
        CHECK(kg(chosen) <= least + 1e-6 + 1e-9 * worst);
        // The row: 10 for none, 0 for the most among those that fit.
        for (std::size_t o = 0; o < 3; ++o)
            if (e.cost[o].Feasible() && worst > 0)
                CHECK(e.factors[o][static_cast<std::size_t>(Factor::carbon)] ==
                      Approx(10 * (1 - kg(e.cost[o]) / worst)).margin(1e-9));
    }
    CHECK(decided > 500);
}

TEST_CASE("carbon: a country's figure the person overrode is neither used nor named as a source, and the working "
          "names what was",
          "[carbon][place]")
{
    ReportSettings settings{"2026-11-30", false};
    settings.workings = true;
    auto listed = [](const Report& r, const std::string& id) {
        for (const AssumptionUsed& a : r.assumptions)
            if (a.id == id)
                return true;
        return false;
    };
    auto origin = [](const Report& r, const std::string& working, const std::string& symbol) {
        for (const Working& w : r.workings)
            if (w.id == working)
                for (const WorkingTerm& t : w.terms)
                    if (t.symbol == symbol)
                        return t.origin;
        return std::string("(none)");
    };
    Scenario s;
    s.country = "DE";
    const Report de = Build(s);
    const Report de_workings = BuildReport(s, Cat(), settings);
    CHECK(listed(de, "country.DE.electricity_usd_per_kwh"));
    CHECK(listed(de, "country.DE.grid_gco2_per_kwh"));
    CHECK(listed(de, "country.DE.vat_pct"));
    CHECK(origin(de_workings, "home.electricity_usd_per_month", "price").rfind("catalog country DE: ", 0) == 0);

    // The catalog's tariff and grid overridden, a tax of the person's own: the country's are not used.
    s.assumptions["defaults.electricity_usd_per_kwh"] = 0.21;
    s.assumptions["defaults.grid_gco2_per_kwh"] = 100;
    s.home.sales_tax_pct = 5;
    const Report own = BuildReport(s, Cat(), settings);
    CHECK(own.options[0].cost.co2e_kg_per_month ==
          Approx(own.options[0].cost.home_kwh_per_month * 100 / 1000).epsilon(1e-12));
    CHECK_FALSE(listed(own, "country.DE.electricity_usd_per_kwh"));
    CHECK_FALSE(listed(own, "country.DE.grid_gco2_per_kwh"));
    CHECK_FALSE(listed(own, "country.DE.vat_pct"));
    CHECK(origin(own, "home.electricity_usd_per_month", "price") == "figure defaults.electricity_usd_per_kwh");
    CHECK(origin(own, "home.co2e_kg_per_month", "g_home") == "figure defaults.grid_gco2_per_kwh");
    CHECK(origin(own, "home.hardware_usd", "tax") == "input home.sales_tax_pct");
}
