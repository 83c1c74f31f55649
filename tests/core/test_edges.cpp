// Numbers at the edges: zero hours, zero budget, one-month and ten-year horizons, free electricity,
// prices of zero, enormous workloads, and every input at its minimum and maximum. Each test says what
// "sensible" means for its case; all of them require a finite report (no NaN, no infinity, no null
// where the schema does not allow one).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::FirstNonFinite;
using labcalc::test::Priced;

namespace {

const OptionReport& Opt(const Report& r, const char* name)
{
    for (const OptionReport& o : r.options)
        if (OptionKey(o.option) == std::string(name))
            return o;
    FAIL("no option " << name);
    return r.options.front();
}

// The report, after checking it is finite everywhere (also in its JSON form).
Report FiniteReport(const Scenario& s, bool flip_points = false)
{
    ReportSettings settings;
    settings.flip_points = flip_points;
    Report r = BuildReport(s, Cat(), settings);
    const nlohmann::json j = nlohmann::json::parse(ReportToJson(r));
    INFO("scenario: " << ScenarioToJson(s).dump());
    CHECK(FirstNonFinite(j) == "");
    REQUIRE(r.options.size() == 3);
    CHECK(std::isfinite(r.margin));
    for (const OptionReport& o : r.options) {
        INFO(OptionKey(o.option));
        CHECK(std::isfinite(o.cost.total_usd));
        CHECK(std::isfinite(o.usd_per_work_hour));
        CHECK(o.cost.upfront_usd >= 0);
        CHECK(o.cost.monthly_usd >= 0);
        CHECK(o.cost.resale_usd >= 0);
        // Nothing is sold back for more than it cost (paid up front, or borrowed and paid in instalments).
        CHECK(o.cost.resale_usd <= o.cost.upfront_usd + o.cost.financed_usd + 1e-9);
        CHECK(o.cumulative_usd.size() == static_cast<std::size_t>(s.horizon_months) + 1);
        for (double v : o.cumulative_usd)
            CHECK(std::isfinite(v));
    }
    CHECK(
        (r.recommendation == Option::home || r.recommendation == Option::cloud || r.recommendation == Option::hybrid));
    CHECK_FALSE(r.reasons.empty());
    return r;
}

} // namespace

TEST_CASE("edges: zero hours of work", "[edges]")
{
    // Sensible: the cloud bills no GPU-hours and keeps no idle instance; home still pays idle power
    // while the machine is switched on, and nothing when it is off; cost per work hour is 0 (no division by 0).
    Scenario s;
    s.hours_per_week = 0;
    Report r = FiniteReport(s, true);
    const OptionReport& cloud = Opt(r, "cloud");
    CHECK(cloud.cost.cloud_gpu_hours_per_week == 0);
    CHECK(cloud.cost.monthly.gpu_hours_usd == 0);
    CHECK(cloud.cost.monthly.idle_usd == 0);
    CHECK(cloud.usd_per_work_hour == 0);
    const OptionReport& home = Opt(r, "home");
    CHECK(home.cost.monthly.power_usd == 0); // by default the machine is on only around the work
    CHECK(home.usd_per_work_hour == 0);

    s.home.on_hours_per_week = 168; // switched on all week: idle draw all week
    r = FiniteReport(s);
    CHECK(Opt(r, "home").cost.monthly.power_usd > 0);
}

TEST_CASE("edges: zero budget up front", "[edges]")
{
    // Sensible: anything that buys hardware is over budget; the cloud, which buys none, is recommended.
    Scenario s;
    s.budget_usd = 0;
    const Report r = FiniteReport(s, true);
    CHECK((Opt(r, "home").cost.blockers & kOverBudget) != 0);
    CHECK((Opt(r, "hybrid").cost.blockers & kOverBudget) != 0);
    CHECK(Opt(r, "cloud").cost.upfront_usd == 0);
    CHECK(Opt(r, "cloud").feasible);
    CHECK(r.recommendation == Option::cloud);
}

TEST_CASE("edges: zero budget per month", "[edges]")
{
    // Sensible: every option has some running cost (power, GPU-hours), so none is feasible; the report
    // still recommends one of the three and says why.
    Scenario s;
    s.monthly_budget_usd = 0;
    const Report r = FiniteReport(s);
    CHECK_FALSE(r.any_feasible);
    for (const OptionReport& o : r.options)
        CHECK((o.cost.blockers & kOverMonthlyBudget) != 0);
}

TEST_CASE("edges: a one-month horizon", "[edges]")
{
    // Sensible: two points on each curve (month 0 = upfront, month 1 = upfront + one month - resale);
    // the home lab keeps most of its resale value after one month; a break-even, if any, is month 0 or 1.
    Scenario s;
    s.horizon_months = 1;
    const Report r = FiniteReport(s, true);
    const OptionReport& home = Opt(r, "home");
    const OptionReport& cloud = Opt(r, "cloud");
    CHECK(home.cumulative_usd[0] == Approx(home.cost.upfront_usd));
    CHECK(cloud.cumulative_usd[0] == 0);
    CHECK(cloud.cumulative_usd[1] == Approx(cloud.cost.monthly_usd));
    CHECK(home.cost.total_usd == Approx(home.cost.upfront_usd + home.cost.monthly_usd - home.cost.resale_usd));
    CHECK(home.cost.resale_usd > 0.9 * 0.5 * home.cost.upfront_usd); // one month of depreciation, not years
    if (r.break_even_month)
        CHECK(*r.break_even_month <= 1);
}

TEST_CASE("edges: a ten-year horizon", "[edges]")
{
    // Sensible: 121 points; the cloud's curve never falls and ends at its total; home's resale after ten
    // years is small but not negative; the running cost dominates the cloud's total.
    Scenario s;
    s.horizon_months = 120;
    const Report r = FiniteReport(s, true);
    const OptionReport& cloud = Opt(r, "cloud");
    for (std::size_t m = 1; m < cloud.cumulative_usd.size(); ++m)
        CHECK(cloud.cumulative_usd[m] >= cloud.cumulative_usd[m - 1]);
    CHECK(cloud.cumulative_usd.back() == Approx(cloud.cost.total_usd));
    CHECK(cloud.cost.total_usd == Approx(120 * cloud.cost.monthly_usd));
    const OptionReport& home = Opt(r, "home");
    CHECK(home.cost.resale_usd < 0.5 * home.cost.upfront_usd);
    if (r.break_even_month)
        CHECK(*r.break_even_month <= 120);
}

TEST_CASE("edges: free electricity", "[edges]")
{
    // Sensible: home and hybrid pay nothing for power; the cloud's cost does not change; home gets no
    // more expensive than with the catalog tariff.
    Scenario s;
    const Report paid = FiniteReport(s);
    s.electricity_usd_per_kwh = 0;
    const Report r = FiniteReport(s, true);
    CHECK(r.electricity_usd_per_kwh == 0);
    CHECK(Opt(r, "home").cost.monthly.power_usd == 0);
    CHECK(Opt(r, "hybrid").cost.monthly.power_usd == 0);
    CHECK(Opt(r, "cloud").cost.total_usd == Approx(Opt(paid, "cloud").cost.total_usd));
    CHECK(Opt(r, "home").cost.total_usd <= Opt(paid, "home").cost.total_usd);
}

TEST_CASE("edges: a cloud price of zero", "[edges]")
{
    // Sensible: no GPU-hour cost and no idle-instance share of it; the cloud's total is what is left
    // (storage, egress, stopped volumes), never negative.
    Scenario s;
    s.cloud.usd_per_gpu_hour = 0;
    const Report r = FiniteReport(s, true);
    const OptionReport& cloud = Opt(r, "cloud");
    CHECK(cloud.cost.monthly.gpu_hours_usd == 0);
    CHECK(cloud.cost.monthly.compliance_usd >= 0);
    CHECK(cloud.cost.total_usd >= 0);
    CHECK(cloud.cost.total_usd == Approx(s.horizon_months * cloud.cost.monthly_usd));
}

TEST_CASE("edges: a home machine price of zero", "[edges]")
{
    // Sensible: nothing up front, no maintenance computed from a zero price, nothing to resell; power still costs.
    Scenario s;
    s.home.hardware_usd = 0;
    Report r = FiniteReport(s, true);
    const OptionReport& home = Opt(r, "home");
    CHECK(home.cost.upfront_usd == 0);
    CHECK(home.cost.monthly.maintenance_usd == 0);
    CHECK(home.cost.resale_usd == 0);
    CHECK(home.cost.monthly.power_usd > 0);
    CHECK(home.cost.total_usd == Approx(s.horizon_months * home.cost.monthly_usd));

    // A GPU given away (catalog price overridden to 0): the machine still costs its base system.
    Scenario g;
    g.home.gpu = "rtx4090";
    g.assumptions["gpu.rtx4090.price_usd"] = 0;
    r = FiniteReport(g);
    CHECK(Opt(r, "home").cost.upfront_usd > 0);
    CHECK(Opt(r, "home").cost.upfront_usd < FiniteReport(Scenario{}).options[0].cost.upfront_usd + 1e-9);
}

TEST_CASE("edges: a full week of work", "[edges]")
{
    // Sensible: 168 h/week of RTX 4090 work; the cloud bills at least 168 x 4.33 GPU-hours' worth per month
    // at a speed of at most a few 4090s; home runs busy all week, so idle power is nil.
    Scenario s;
    s.hours_per_week = 168;
    s.burst_share_pct = 0;
    const Report r = FiniteReport(s, true);
    const OptionReport& cloud = Opt(r, "cloud");
    CHECK(cloud.cost.cloud_work_hours_per_week == Approx(168));
    CHECK(cloud.cost.monthly.gpu_hours_usd > 0);
    const OptionReport& home = Opt(r, "home");
    if (home.feasible)
        CHECK(home.cost.capacity_work_hours_per_week >= 168 - 1e-6);
}

TEST_CASE("edges: 4096 GB of VRAM", "[edges]")
{
    // Sensible: no home machine (16 GPUs of 80 GB at most) and no cloud offer (8 x 80 GB) holds the job:
    // home and cloud are blocked for VRAM, nothing is feasible, and the report says so instead of pricing
    // an impossible machine.
    Scenario s;
    s.vram_gb = 4096;
    const Report r = FiniteReport(s, true);
    CHECK((Opt(r, "home").cost.blockers & kVramTooLarge) != 0);
    CHECK((Opt(r, "cloud").cost.blockers & kNoCloudOffer) != 0);
    CHECK_FALSE(r.any_feasible);
}

TEST_CASE("edges: 10 million GB of data", "[edges]")
{
    // Sensible: storage and egress grow to millions a month, still finite; the cloud is over the monthly
    // budget; home pays for the disks up front.
    Scenario s;
    s.data_gb = 1e7;
    s.egress_gb_per_month = 1e7;
    const Report r = FiniteReport(s, true);
    const OptionReport& cloud = Opt(r, "cloud");
    CHECK(cloud.cost.monthly.storage_usd > 1e5);
    CHECK(cloud.cost.monthly.egress_usd > 1e5);
    CHECK((cloud.cost.blockers & kOverMonthlyBudget) != 0);
    CHECK(Opt(r, "home").cost.upfront_usd > FiniteReport(Scenario{}).options[0].cost.upfront_usd);
}

TEST_CASE("edges: everything enormous at once", "[edges]")
{
    // Sensible: finite; nothing is feasible; the report still explains itself.
    Scenario s;
    s.hours_per_week = 168;
    s.vram_gb = 4096;
    s.data_gb = 1e7;
    s.egress_gb_per_month = 1e7;
    s.budget_usd = 1e7;
    s.monthly_budget_usd = 1e6;
    s.horizon_months = 120;
    s.remote_collaborators = 10000;
    s.electricity_usd_per_kwh = 5;
    const Report r = FiniteReport(s, true);
    CHECK_FALSE(r.any_feasible);
}

TEST_CASE("edges: every input at its minimum and at its maximum", "[edges]")
{
    // Sensible: whatever one input is set to within its documented range, the report is finite.
    for (const FieldSpec& f : ScenarioFields()) {
        if (f.kind == FieldKind::text || f.kind == FieldKind::boolean)
            continue;
        for (double v : {f.min_value, f.max_value}) {
            Scenario s;
            INFO(f.key << " = " << v);
            REQUIRE(SetFieldNumber(s, f, v).error == "");
            FiniteReport(s);
        }
    }
    // Each catalog figure overridden to its minimum and its maximum.
    for (const auto& [id, fig] : Cat().figures) {
        (void)fig;
        for (double v : {0.0, 1e9}) {
            Scenario s;
            s.assumptions[id] = v;
            INFO(id << " = " << v);
            FiniteReport(s);
        }
    }
}

TEST_CASE("edges: negative zero means zero", "[edges]")
{
    // Sensible: -0 read from a file is stored as 0, so reports never print "-0" or "-$0".
    auto s = ParseScenarioJson(R"({"budget_usd": -0, "hours_per_week": -0.0, "electricity_usd_per_kwh": -0})");
    REQUIRE(s);
    CHECK_FALSE(std::signbit(s.value->budget_usd));
    CHECK_FALSE(std::signbit(s.value->hours_per_week));
    CHECK_FALSE(std::signbit(*s.value->electricity_usd_per_kwh));
    const Report r = FiniteReport(*s.value);
    CHECK(ReportToText(r).find("-$0") == std::string::npos);
}

TEST_CASE(
    "edges: a per-GPU or per-offer price override evaluates (regression: Prepared::owned_ used before construction)",
    "[edges]")
{
    // Found by the sanitize preset: Prepared's initialiser list binds `catalog` through PickCatalog(s, c, owned_)
    // before the member owned_ (declared last in model.hpp) is constructed. UBSan: "load of value N, which is not
    // a valid value for type 'bool'" in std::optional<Catalog>::operator=; LeakSanitizer: the copied catalog leaks.
    // Sensible: the override is used (a cheaper GPU price lowers home's upfront cost by the difference) and
    // the report is finite.
    Scenario s;
    s.home.gpu = "rtx4090";
    const double base = FiniteReport(s).options[0].cost.upfront_usd;
    s.assumptions["gpu.rtx4090.price_usd"] = 1000;
    const Report r = FiniteReport(s);
    const GpuModel* g = nullptr;
    for (const GpuModel& m : Cat().gpus)
        if (m.id == "rtx4090")
            g = &m;
    REQUIRE(g);
    CHECK(Opt(r, "home").cost.upfront_usd ==
          Approx(base - (g->price_usd.value - 1000) * Opt(r, "home").cost.gpu_count));

    Scenario o;
    o.assumptions["offer.runpod-rtx4090.usd_per_gpu_hour"] = 0.01;
    FiniteReport(o);
}

TEST_CASE("edges: no home GPU fits, or home.gpu names none (regression: catalog.gpus[-1] in CostHome)", "[edges]")
{
    // Found by fuzz_set (clang UBSan) and by _GLIBCXX_ASSERTIONS in the sanitize preset: when no GPU holds
    // the job, CostHome prices `largest_machine` (gpu == -1) through PriceLocalPart, which reads
    // p.catalog.gpus[-1], before it checks any_fits_vram. Sensible: home is blocked for VRAM (or for an
    // unknown GPU), with nothing priced, and the report is finite.
    Scenario s;
    s.vram_gb = 4096;
    Report r = FiniteReport(s);
    CHECK((Opt(r, "home").cost.blockers & kVramTooLarge) != 0);
    CHECK(Opt(r, "home").cost.upfront_usd == 0);

    Scenario u;
    u.home.gpu = "no-such-gpu";
    r = FiniteReport(u);
    CHECK((Opt(r, "home").cost.blockers & kUnknownGpu) != 0);
}
