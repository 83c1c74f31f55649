// Workings: every figure's working, read back with the values it shows, gives the result it shows, and
// that result is the figure the report states. Over the presets and random scenarios.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

#include "core/money.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/report_json.hpp"
#include "core/scenario_json.hpp"
#include "core/traced.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

namespace {

// The report's own figure a working explains, found by the working's id ("cloud.storage_usd_per_month").
double ReportFigure(const Report& r, const std::string& id)
{
    if (id.rfind("tasks.", 0) == 0) {
        // "tasks.<i>.<figure>": the task's memory and hours are the report's; the steps between them are
        // checked through the links of the working that uses them.
        const std::size_t dot = id.find('.', 6);
        const std::size_t i = std::stoul(id.substr(6, dot - 6));
        const std::string figure = id.substr(dot + 1);
        if (i >= r.workload.tasks.size())
            return NAN;
        if (figure == "vram_gb")
            return r.workload.tasks[i].vram_gb;
        if (figure == "hours_per_week")
            return r.workload.tasks[i].hours_per_week;
        for (const Working& w : r.workings)
            if (w.id == id)
                return w.result;
        return NAN;
    }
    const std::string option = id.substr(0, id.find('.'));
    const std::string figure = id.substr(id.find('.') + 1);
    for (const OptionReport& o : r.options) {
        if (OptionKey(o.option) != option)
            continue;
        const OptionCost& c = o.cost;
        const std::map<std::string, double> figures = {
            {"hardware_usd", c.upfront_usd + c.financed_usd},
            {"finance_usd_per_month", c.finance_usd_per_month},
            {"finance_paid_usd", c.finance_paid_usd},
            {"forgone_sale_usd", c.forgone_sale_usd},
            {"electricity_usd_per_month", c.monthly.power_usd},
            {"maintenance_usd_per_month", c.monthly.maintenance_usd},
            {"gpu_hours_usd_per_month", c.monthly.gpu_hours_usd},
            {"storage_usd_per_month", c.monthly.storage_usd},
            {"egress_usd_per_month", c.monthly.egress_usd},
            {"idle_usd_per_month", c.monthly.idle_usd},
            {"compliance_usd_per_month", c.monthly.compliance_usd},
            {"running_usd_per_month", c.monthly_usd},
            {"resale_usd", c.resale_usd},
            {"load_watts", c.load_watts},
            {"busy_hours_per_week", c.local_busy_hours_per_week},
            {"on_hours_per_week", c.local_on_hours_per_week},
            {"gpu_hours_per_week", c.cloud_gpu_hours_per_week},
            {"usd_per_work_hour", o.usd_per_work_hour},
            {"present_value_usd", o.present_value_usd},
            {"home_kwh_per_month", c.home_kwh_per_month},
            {"cloud_kwh_per_month", c.cloud_kwh_per_month},
            {"co2e_kg_per_month", c.co2e_kg_per_month},
            {"embodied_co2e_kg", c.embodied_co2e_kg},
            {"total_usd", c.total_usd},
        };
        const auto it = figures.find(figure);
        return it == figures.end() ? NAN : it->second;
    }
    return NAN;
}

// The shown numbers carry five significant figures, so reading them back lands within a small share of
// the terms' size; the bound scales with the largest term, since a difference of two large terms may be small.
void CheckWorking(const Working& w, const Report& r, const std::string& scenario)
{
    INFO(scenario);
    INFO(w.id << ": " << w.numbers << " = " << w.result);
    double read_back = 0;
    REQUIRE(EvaluateNumbersLine(w.numbers, &read_back));
    double largest = std::fabs(w.result);
    for (const WorkingTerm& t : w.terms)
        largest = std::max(largest, std::fabs(t.value));
    CHECK(std::fabs(read_back - w.result) <= 2e-4 * largest * static_cast<double>(w.terms.size() + 1) + 0.005);
    // Money is worked in the report's currency (the figure is in dollars): no amount is left in dollars.
    const bool money = w.unit.rfind(r.money.code, 0) == 0;
    if (r.money.code != "USD") {
        CHECK_FALSE(IsUsdUnit(w.unit));
        for (const WorkingTerm& t : w.terms)
            CHECK_FALSE(IsUsdUnit(t.unit));
    }
    const double stated = ReportFigure(r, w.id);
    REQUIRE(std::isfinite(stated));
    CHECK(w.result == Approx(money ? FromUsd(stated, r.money) : stated).epsilon(1e-9).margin(1e-9));
    CHECK_FALSE(w.terms.empty());
    for (const WorkingTerm& t : w.terms) {
        CHECK(w.symbols.find(t.symbol) != std::string::npos); // every value shown is named in the formula
        if (t.working.empty())
            continue;
        // A value that links to its own working is that working's result.
        const Working* own = nullptr;
        for (const Working& other : r.workings)
            if (other.id == t.working)
                own = &other;
        REQUIRE(own);
        CHECK(own->result == Approx(t.value).epsilon(1e-12).margin(1e-12));
    }
}

} // namespace

TEST_CASE("a numbers line reads back as arithmetic, with units and thousands separators skipped", "[workings]")
{
    double v = 0;
    REQUIRE(EvaluateNumbersLine("(490 W x 50 h + 70 W x max(62.5 h - 50 h, 0)) / 1,000 x 2", &v));
    CHECK(v == Approx((490.0 * 50 + 70 * 12.5) / 1000 * 2));
    REQUIRE(EvaluateNumbersLine("1,794.5 USD + 27.754 USD per month x 36 months - 598.12 USD", &v));
    CHECK(v == Approx(1794.5 + 27.754 * 36 - 598.12));
    REQUIRE(EvaluateNumbersLine("pow(1 - 20 % / 100, 3)", &v));
    CHECK(v == Approx(std::pow(0.8, 3)));
    REQUIRE(EvaluateNumbersLine("min(10 h, 168) - 2 x 3", &v));
    CHECK(v == Approx(4));
    CHECK_FALSE(EvaluateNumbersLine("2 x", &v));
    CHECK_FALSE(EvaluateNumbersLine("(2 + 3", &v));
    CHECK_FALSE(EvaluateNumbersLine("two", &v));
}

TEST_CASE("a traced formula computes the same value as the plain one and writes both lines", "[workings]")
{
    const Traced a = Term(490, "P_load", "load", "W", "derived");
    const Traced b = Term(50, "h", "hours", "h", "derived");
    const Traced t = (a * b + 1000.0) / (b - 10.0);
    CHECK(t.value == Approx((490.0 * 50 + 1000) / 40));
    CHECK(t.symbols == "(P_load x h + 1000) / (h - 10)");
    CHECK(t.numbers == "(490 W x 50 h + 1,000) / (50 h - 10)");
    CHECK(t.terms.size() == 2);                        // h once, though used twice
    CHECK(Clamp(b, 0, 168).numbers == "50 h");         // a clamp that does not bite leaves no trace
    CHECK(Clamp(b, 0, 20).numbers == "min(50 h, 20)"); // one that bites is shown
    CHECK(ShownValue(1794.5) == "1,794.5");
    CHECK(ShownValue(0.15984) == "0.15984");
    CHECK(ShownValue(22.222222) == "22.222");
}

TEST_CASE("every working of every preset reads back to its result, which is the report's figure", "[workings]")
{
    ReportSettings settings;
    settings.workings = true;
    settings.flip_points = false;
    for (const PresetInfo& info : ListPresets()) {
        const Scenario s = *LoadPreset(info.name).value;
        const Report r = BuildReport(s, Cat(), settings);
        REQUIRE_FALSE(r.workings.empty());
        for (const Working& w : r.workings)
            CheckWorking(w, r, info.name);
    }
}

TEST_CASE("every working of random scenarios reads back to its result, which is the report's figure", "[workings]")
{
    ReportSettings settings;
    settings.workings = true;
    settings.flip_points = false;
    std::mt19937 rng(20261129);
    int checked = 0;
    for (int i = 0; i < 1500; ++i) {
        const Scenario s = labcalc::test::RandomScenario(rng);
        const Report r = BuildReport(s, Cat(), settings);
        for (const Working& w : r.workings) {
            CheckWorking(w, r, ScenarioToJson(s).dump());
            ++checked;
        }
    }
    CHECK(checked > 5000);
}

TEST_CASE("workings in another currency: every amount and result is the dollar working's at the catalog's rate",
          "[workings]")
{
    ReportSettings settings;
    settings.workings = true;
    settings.flip_points = false;
    Scenario s = *LoadPreset("sensitive-data").value; // a hybrid: the home machine and the cloud part
    s.horizon_months = 24;
    const Report usd = BuildReport(s, Cat(), settings);
    for (const char* code : {"EUR", "JPY", "INR"}) {
        s.currency = code;
        const Report other = BuildReport(s, Cat(), settings);
        REQUIRE(other.money.code == code);
        REQUIRE(other.workings.size() == usd.workings.size());
        int money = 0;
        for (std::size_t i = 0; i < usd.workings.size(); ++i) {
            const Working& a = usd.workings[i];
            const Working& b = other.workings[i];
            INFO(code << " " << b.id << ": " << b.numbers);
            REQUIRE(a.id == b.id);
            CHECK(a.symbols == b.symbols);
            if (!IsUsdUnit(a.unit)) {
                CHECK(b.result == a.result);
                CHECK(b.unit == a.unit);
                continue;
            }
            ++money;
            CHECK(b.unit == UnitIn(a.unit, other.money));
            CHECK(b.result == Approx(a.result * other.money.per_usd).epsilon(1e-12).margin(1e-9));
            CHECK(b.numbers.find(code) != std::string::npos);
            CHECK(b.numbers.find("USD") == std::string::npos);
            REQUIRE(a.terms.size() == b.terms.size());
            for (std::size_t k = 0; k < a.terms.size(); ++k)
                CHECK(b.terms[k].value ==
                      Approx(IsUsdUnit(a.terms[k].unit) ? a.terms[k].value * other.money.per_usd : a.terms[k].value)
                          .epsilon(1e-12));
        }
        CHECK(money > 10);
    }
}

TEST_CASE("workings are only built when asked for: the plain report's list is empty", "[workings]")
{
    const Report plain = BuildReport(Scenario{}, Cat());
    CHECK(plain.workings.empty());
    CHECK(ReportJson(plain)["workings"] == nlohmann::json::array());
    ReportSettings settings;
    settings.workings = true;
    const Report worked = BuildReport(Scenario{}, Cat(), settings);
    CHECK_FALSE(ReportJson(worked)["workings"].empty());
    CHECK(ReportToMarkdown(worked).find("## Worked solution") != std::string::npos);
}
