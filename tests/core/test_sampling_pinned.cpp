// "How sure" gives the same figures however the sampling is computed: a few figures pinned from the plain
// implementation (each likely future a Scenario run through Evaluate), and a copy of that implementation run
// against SampleOutcomes on random scenarios, figure for figure.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/figure_ids.hpp"
#include "core/presets.hpp"
#include "core/scenario_json.hpp"
#include "core/timeline.hpp"
#include "core/uncertainty.hpp"
#include "core/workload.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

namespace {

Scenario Preset(const char* name)
{
    auto loaded = LoadPreset(name);
    REQUIRE(loaded);
    return *loaded.value;
}

// A scenario with the person's own figures and overrides, so every branch of a sample's draws is taken.
Scenario OwnFigures()
{
    Scenario s;
    s.hours_per_week = 35;
    s.budget_usd = 6000;
    s.country = "DE";
    s.home.hardware_usd = 3200;
    s.home.resale_pct = 45;
    s.home.on_hours_per_week = 60;
    s.cloud.usd_per_gpu_hour = 0.9;
    s.assumptions["gpu.rtx4060ti-16.price_usd"] = 400;
    s.assumptions["home.maintenance_pct_per_year"] = 4;
    return s;
}

// The figures of a run, in a fixed order.
std::vector<double> FiguresOf(const Uncertainty& u)
{
    std::vector<double> v;
    for (double p : u.p_best)
        v.push_back(p);
    v.push_back(u.p_nothing_fits);
    for (const Percentiles& p : u.total_usd)
        v.insert(v.end(), {p.p10, p.p50, p.p90});
    if (u.break_even_month)
        v.insert(v.end(), {u.break_even_month->p10, u.break_even_month->p50, u.break_even_month->p90});
    else
        v.insert(v.end(), {-1, -1, -1});
    v.push_back(u.p_no_break_even);
    for (const std::vector<Percentiles>& curve : u.cumulative_usd) {
        v.push_back(static_cast<double>(curve.size()));
        if (!curve.empty()) {
            const Percentiles& mid = curve[curve.size() / 2];
            v.insert(v.end(), {mid.p10, mid.p50, mid.p90});
        }
    }
    v.push_back(static_cast<double>(u.sways.size()));
    for (const Uncertainty::Sway& s : u.sways)
        v.push_back(s.p_changes);
    return v;
}

// Figures from one 200-sample run each (seed kDefaultSeed), before the sampling had a lean path of its own.
struct Pinned {
    const char* name;
    std::vector<double> figures;
};

void CheckPinned(const Uncertainty& u, const std::vector<double>& expected)
{
    const std::vector<double> got = FiguresOf(u);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("figure " << i);
        // Relative 1e-12: the standard libraries' pow and sqrt may differ in the last bit between the native
        // build and WebAssembly; any change to the sampling itself moves these by far more.
        CHECK(got[i] == Approx(expected[i]).epsilon(1e-12).margin(1e-12));
    }
}

// The plain way to sample, as SampleOutcomes did it before it had a lean path: each likely future a Scenario
// (its guessed figures drawn, the depreciation and idle share written as assumptions) run through Evaluate.
double Uniform(std::mt19937& g) { return static_cast<double>(g()) / 4294967296.0; }
double Draw(std::mt19937& g, double spread_pct)
{
    const double s = std::clamp(spread_pct, 0.0, 90.0) / 100.0;
    const double u = Uniform(g), lo = 1 - s, hi = 1 + s, mode = 1;
    if (!(hi > lo))
        return mode;
    const double f = (mode - lo) / (hi - lo);
    return u < f ? lo + std::sqrt(u * (hi - lo) * (mode - lo)) : hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
}
Percentiles Of(std::vector<double> v)
{
    Percentiles p;
    if (v.empty())
        return p;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<std::size_t>(std::floor(q * static_cast<double>(v.size() - 1)))]; };
    p.p10 = at(0.1);
    p.p50 = at(0.5);
    p.p90 = at(0.9);
    return p;
}
double ScaledDepreciationPct(double pct, double factor, int months)
{
    const double years = std::max(months, 1) / 12.0;
    const double left = (1 - std::clamp(pct, 0.0, 100.0) / 100.0) * std::pow(std::max(factor, 0.0), 1.0 / years);
    return std::clamp((1 - left) * 100.0, 0.0, 100.0);
}
struct Base {
    Scenario scenario;
    Catalog catalog;
    ResolvedFigures fig;
    std::vector<double> gpu_prices, offer_prices, spot_prices;
};
Base PlainPrepare(const Scenario& input, const Catalog& input_catalog)
{
    const ModelInputs in(input, input_catalog);
    Base b{in.scenario(), in.catalog(), {}, {}, {}, {}};
    b.scenario.tasks.clear();
    b.catalog.speeds_for_tasks = true;
    b.fig = ResolveFigures(b.scenario, b.catalog);
    for (const GpuModel& g : b.catalog.gpus)
        b.gpu_prices.push_back(g.price_usd.value);
    for (const CloudOffer& o : b.catalog.offers) {
        b.offer_prices.push_back(o.usd_per_gpu_hour.value);
        b.spot_prices.push_back(o.spot_usd_per_gpu_hour ? o.spot_usd_per_gpu_hour->value : 0.0);
    }
    return b;
}
Evaluation PlainSample(const Base& b, const Spreads& sp, std::mt19937& gen, Catalog& work)
{
    Scenario t = b.scenario;
    t.hours_per_week = std::clamp(b.scenario.hours_per_week * Draw(gen, sp.hours_pct), 0.0, 168.0);
    t.burst_share_pct = std::clamp(b.scenario.burst_share_pct * Draw(gen, sp.burst_share_pct), 0.0, 100.0);
    t.electricity_usd_per_kwh = b.fig.electricity_usd_per_kwh * Draw(gen, sp.electricity_pct);
    const double cloud = Draw(gen, sp.cloud_price_pct);
    const double hardware = Draw(gen, sp.hardware_price_pct);
    const double resale = Draw(gen, sp.resale_pct);
    const double on = Draw(gen, sp.on_hours_pct);
    for (std::size_t k = 0; k < work.offers.size(); ++k) {
        work.offers[k].usd_per_gpu_hour.value = b.offer_prices[k] * cloud;
        if (work.offers[k].spot_usd_per_gpu_hour)
            work.offers[k].spot_usd_per_gpu_hour->value = b.spot_prices[k] * cloud;
    }
    for (std::size_t k = 0; k < work.gpus.size(); ++k)
        work.gpus[k].price_usd.value = b.gpu_prices[k] * hardware;
    if (t.home.hardware_usd)
        t.home.hardware_usd = *b.scenario.home.hardware_usd * hardware;
    if (t.cloud.usd_per_gpu_hour)
        t.cloud.usd_per_gpu_hour = *b.scenario.cloud.usd_per_gpu_hour * cloud;
    if (t.home.resale_pct) {
        t.home.resale_pct = std::clamp(*b.scenario.home.resale_pct * resale, 0.0, 100.0);
    } else {
        t.assumptions["home.gpu_depreciation_pct_per_year"] =
            ScaledDepreciationPct(b.fig.gpu_depreciation_pct_per_year, resale, b.scenario.horizon_months);
        t.assumptions["home.system_depreciation_pct_per_year"] =
            ScaledDepreciationPct(b.fig.system_depreciation_pct_per_year, resale, b.scenario.horizon_months);
    }
    if (t.home.on_hours_per_week)
        t.home.on_hours_per_week = std::clamp(*b.scenario.home.on_hours_per_week * on, 0.0, 168.0);
    else
        t.assumptions["home.idle_on_pct_of_busy"] = b.fig.idle_on_pct_of_busy * on;
    return Evaluate(t, work);
}
Uncertainty PlainSampleOutcomes(const Scenario& input, const Catalog& input_catalog, int samples, std::uint32_t seed,
                                bool sways)
{
    Uncertainty u;
    u.samples = std::clamp(samples, 1, kMaxSamples);
    u.seed = seed;
    const Base b = PlainPrepare(input, input_catalog);
    Catalog work = b.catalog;
    std::mt19937 gen(seed);
    std::array<int, kOptionCount> best{};
    int nothing_fits = 0, no_break_even = 0;
    std::array<std::vector<double>, kOptionCount> totals;
    std::vector<double> break_even;
    const int months = std::max(b.scenario.horizon_months, 0);
    std::array<std::vector<std::vector<double>>, kOptionCount> curves;
    for (auto& per_option : curves)
        per_option.resize(static_cast<std::size_t>(months) + 1);
    for (int i = 0; i < u.samples; ++i) {
        const Evaluation e = PlainSample(b, b.scenario.spreads, gen, work);
        ++best[static_cast<std::size_t>(e.recommended)];
        nothing_fits += e.any_feasible ? 0 : 1;
        for (std::size_t o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = e.cost[o];
            if (c.gpu_index >= 0 || c.offer_index >= 0) {
                totals[o].push_back(c.total_usd);
                const std::vector<double> curve = CumulativeUsd(c, months);
                for (std::size_t m = 0; m < curve.size(); ++m)
                    curves[o][m].push_back(curve[m]);
            }
        }
        const OptionCost& home = e.cost[0];
        const OptionCost& cloud = e.cost[1];
        if (home.gpu_index >= 0 && cloud.offer_index >= 0) {
            const std::optional<int> month = BreakEvenMonth(CumulativeUsd(home, b.scenario.horizon_months),
                                                            CumulativeUsd(cloud, b.scenario.horizon_months));
            if (month)
                break_even.push_back(*month);
            else
                ++no_break_even;
        }
    }
    const double n = u.samples;
    for (std::size_t o = 0; o < kOptionCount; ++o) {
        u.p_best[o] = best[o] / n;
        u.total_usd[o] = Of(totals[o]);
        if (!totals[o].empty())
            for (std::vector<double>& month : curves[o])
                u.cumulative_usd[o].push_back(Of(std::move(month)));
    }
    u.p_nothing_fits = nothing_fits / n;
    if (!break_even.empty())
        u.break_even_month = Of(break_even);
    const double compared = static_cast<double>(break_even.size()) + no_break_even;
    u.p_no_break_even = compared > 0 ? no_break_even / compared : 0;
    if (!sways)
        return u;
    const Option plain = Evaluate(b.scenario, b.catalog).recommended;
    const int each = std::max(50, u.samples / 4);
    double Spreads::*const members[] = {
        &Spreads::hours_pct,          &Spreads::burst_share_pct, &Spreads::electricity_pct, &Spreads::cloud_price_pct,
        &Spreads::hardware_price_pct, &Spreads::resale_pct,      &Spreads::on_hours_pct};
    for (double Spreads::*member : members) {
        if (!(b.scenario.spreads.*member > 0))
            continue;
        Spreads alone{0, 0, 0, 0, 0, 0, 0};
        alone.*member = b.scenario.spreads.*member;
        std::mt19937 g(seed);
        int changed = 0;
        for (int i = 0; i < each; ++i)
            changed += PlainSample(b, alone, g, work).recommended != plain ? 1 : 0;
        u.sways.push_back({"", "", changed / static_cast<double>(each)});
    }
    std::stable_sort(u.sways.begin(), u.sways.end(),
                     [](const Uncertainty::Sway& a, const Uncertainty::Sway& c) { return a.p_changes > c.p_changes; });
    return u;
}

} // namespace

TEST_CASE("sampling: pinned figures of four scenarios at 200 samples", "[uncertainty]")
{
    const std::vector<double> by_default = {0.90000000000000002,
                                            0.10000000000000001,
                                            0,
                                            0,
                                            1986.3572245115856,
                                            2177.4616811409905,
                                            2391.9828664036772,
                                            2089.9436003976034,
                                            2331.9861665648805,
                                            2561.3207047153028,
                                            3308.5541110955392,
                                            3530.7877887101049,
                                            3738.566190748174,
                                            36,
                                            36,
                                            36,
                                            0.26500000000000001,
                                            37,
                                            2230.1116379825562,
                                            2327.4916784463658,
                                            2512.6473196508186,
                                            37,
                                            1044.9718001988017,
                                            1165.9930832824402,
                                            1280.6603523576514,
                                            37,
                                            2889.166733278088,
                                            2955.8933192343629,
                                            3049.7802285562402,
                                            7,
                                            0.040000000000000001,
                                            0.040000000000000001,
                                            0,
                                            0,
                                            0,
                                            0,
                                            0};
    const std::vector<double> steady = {1,
                                        0,
                                        0,
                                        0,
                                        4827.8977570445986,
                                        5380.1895866608384,
                                        6374.7190872096626,
                                        8041.6052027832238,
                                        9735.9031659541633,
                                        11321.290818235182,
                                        6849.7526472013151,
                                        7415.5595336773331,
                                        7964.6443637370066,
                                        14,
                                        18,
                                        22,
                                        0,
                                        37,
                                        4326.6591633255657,
                                        4571.2797478522061,
                                        5570.6672067578374,
                                        37,
                                        4020.8026013916119,
                                        4867.9515829770817,
                                        5660.645409117591,
                                        37,
                                        5267.374800419344,
                                        5631.4317124625195,
                                        5985.2217392012462,
                                        7,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0};
    const std::vector<double> fine_tune = {0,
                                           1,
                                           0,
                                           0,
                                           397.30894867568509,
                                           652.9222645198538,
                                           913.85566953244506,
                                           336.79233352846359,
                                           376.3065279596525,
                                           387.13310124537281,
                                           711.31643087634666,
                                           950.98484446416865,
                                           1203.5017156032523,
                                           12,
                                           12,
                                           12,
                                           0.91500000000000004,
                                           13,
                                           1547.8861998414043,
                                           1565.4428947317001,
                                           1582.7309963395589,
                                           13,
                                           168.39616676423179,
                                           188.15326397982625,
                                           193.56655062268641,
                                           13,
                                           1688.4625233050492,
                                           1718.9316898330499,
                                           1749.0697119918279,
                                           7,
                                           0,
                                           0,
                                           0,
                                           0,
                                           0,
                                           0,
                                           0};
    // OwnFigures lives in Germany: its tariff is the catalog's DE figure (converted at the catalog's own euro rate
    // since 2026-12-06; these figures are the plain implementation's, above, on that catalog).
    const std::vector<double> own = {0,
                                     1,
                                     0,
                                     0,
                                     4209.6057636072583,
                                     4713.2400781469878,
                                     5368.0804444928799,
                                     2186.1296056135989,
                                     2634.8826890576411,
                                     3076.4397393086679,
                                     4665.7334863338929,
                                     5187.9291679001153,
                                     5774.1549816256947,
                                     -1,
                                     -1,
                                     -1,
                                     1,
                                     37,
                                     4287.7329870326976,
                                     4588.8926223726739,
                                     4901.4178349932563,
                                     37,
                                     1093.0648028067994,
                                     1317.4413445288205,
                                     1538.2198696543339,
                                     37,
                                     4519.3889613774127,
                                     4810.4377125545307,
                                     5120.0869174834752,
                                     7,
                                     0,
                                     0,
                                     0,
                                     0,
                                     0,
                                     0,
                                     0};
    CheckPinned(SampleOutcomes(Scenario{}, Cat(), 200), by_default);
    CheckPinned(SampleOutcomes(Preset("steady-24-7"), Cat(), 200), steady);
    CheckPinned(SampleOutcomes(Preset("fine-tune-7b"), Cat(), 200), fine_tune);
    CheckPinned(SampleOutcomes(OwnFigures(), Cat(), 200), own);
}

TEST_CASE("sampling: SampleOutcomes gives exactly what evaluating each likely future as a scenario gives",
          "[uncertainty][property]")
{
    std::mt19937 rng(4242);
    std::uniform_real_distribution<double> u(0, 1);
    const std::vector<GpuModel>& gpus = Cat().gpus;
    const std::vector<CloudOffer>& offers = Cat().offers;
    for (int i = 0; i < 40; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        // Some of the person's own figures and overrides, which the samples scale or keep.
        if (u(rng) < 0.3)
            s.home.on_hours_per_week.reset();
        if (u(rng) < 0.3)
            s.home.resale_pct = 100 * u(rng);
        if (u(rng) < 0.2)
            s.home.hardware_usd = 500 + 5000 * u(rng);
        if (u(rng) < 0.2)
            s.cloud.usd_per_gpu_hour = 0.2 + 3 * u(rng);
        if (u(rng) < 0.3)
            s.assumptions["gpu." + gpus[static_cast<std::size_t>(u(rng) * static_cast<double>(gpus.size()))].id +
                          ".price_usd"] = 100 + 3000 * u(rng);
        if (u(rng) < 0.3)
            s.assumptions["offer." + offers[static_cast<std::size_t>(u(rng) * static_cast<double>(offers.size()))].id +
                          ".spot_usd_per_gpu_hour"] = 0.1 + 2 * u(rng);
        if (u(rng) < 0.2)
            s.assumptions["home.idle_on_pct_of_busy"] = 900 * u(rng);
        if (u(rng) < 0.2)
            s.assumptions["home.gpu_depreciation_pct_per_year"] = 100 * u(rng);
        if (u(rng) < 0.2)
            s.country = "IN";
        INFO(ScenarioToJson(s).dump());
        const std::uint32_t seed = 100 + static_cast<std::uint32_t>(i);
        const std::vector<double> plain = FiguresOf(PlainSampleOutcomes(s, Cat(), 60, seed, true));
        const std::vector<double> lean = FiguresOf(SampleOutcomes(s, Cat(), 60, seed));
        REQUIRE(lean.size() == plain.size());
        for (std::size_t k = 0; k < lean.size(); ++k) {
            INFO("figure " << k);
            CHECK(lean[k] == plain[k]);
        }
    }
}
