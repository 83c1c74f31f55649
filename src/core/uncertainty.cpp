// How sure the answer is: the model over many likely futures (see uncertainty.hpp).
#include "core/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/figure_ids.hpp"
#include "core/index.hpp"
#include "core/timeline.hpp"
#include "core/workload.hpp"

namespace labcalc::core {
namespace {

// A uniform draw in [0, 1) from the generator's 32 bits: the same on every standard library.
double Uniform(std::mt19937& g) { return static_cast<double>(g()) / 4294967296.0; }

// A triangular draw between lo and hi with its peak at `mode`, by the inverse of its distribution function.
double Triangular(double u, double lo, double mode, double hi)
{
    if (!(hi > lo))
        return mode;
    const double f = (mode - lo) / (hi - lo);
    return u < f ? lo + std::sqrt(u * (hi - lo) * (mode - lo)) : hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
}

// A factor around 1: 1 - spread ... 1 ... 1 + spread.
double Draw(std::mt19937& g, double spread_pct)
{
    const double s = std::clamp(spread_pct, 0.0, 90.0) / 100.0;
    return Triangular(Uniform(g), 1 - s, 1, 1 + s);
}

// Nearest-rank percentiles of the values (sorted here).
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

// A yearly depreciation rate that leaves `factor` times the value it would leave after `months`.
double ScaledDepreciationPct(double pct, double factor, int months)
{
    const double years = std::max(months, 1) / 12.0;
    const double left = (1 - std::clamp(pct, 0.0, 100.0) / 100.0) * std::pow(std::max(factor, 0.0), 1.0 / years);
    return std::clamp((1 - left) * 100.0, 0.0, 100.0);
}

} // namespace

Uncertainty SampleOutcomes(const Scenario& input, const Catalog& input_catalog, int samples, std::uint32_t seed)
{
    Uncertainty u;
    u.samples = std::clamp(samples, 1, kMaxSamples);
    u.seed = seed;
    // The tasks' hours and speeds once; the samples then vary the hours they came to.
    const ModelInputs in(input, input_catalog);
    Scenario base = in.scenario();
    base.tasks.clear();
    Catalog work = in.catalog();
    work.speeds_for_tasks = true;
    const ResolvedFigures fig = ResolveFigures(base, work);
    std::vector<double> gpu_prices, offer_prices, spot_prices;
    for (const GpuModel& g : work.gpus)
        gpu_prices.push_back(g.price_usd.value);
    for (const CloudOffer& o : work.offers) {
        offer_prices.push_back(o.usd_per_gpu_hour.value);
        spot_prices.push_back(o.spot_usd_per_gpu_hour ? o.spot_usd_per_gpu_hour->value : 0.0);
    }

    std::mt19937 gen(seed);
    std::array<int, kOptionCount> best{};
    int nothing_fits = 0, no_break_even = 0;
    std::array<std::vector<double>, kOptionCount> totals;
    std::vector<double> break_even;
    const Spreads& sp = base.spreads;
    for (int i = 0; i < u.samples; ++i) {
        Scenario t = base;
        // Drawn in a fixed order, every one every time, so a spread of 0 leaves the others' draws alone.
        t.hours_per_week = std::clamp(base.hours_per_week * Draw(gen, sp.hours_pct), 0.0, 168.0);
        t.burst_share_pct = std::clamp(base.burst_share_pct * Draw(gen, sp.burst_share_pct), 0.0, 100.0);
        t.electricity_usd_per_kwh = fig.electricity_usd_per_kwh * Draw(gen, sp.electricity_pct);
        const double cloud = Draw(gen, sp.cloud_price_pct);
        const double hardware = Draw(gen, sp.hardware_price_pct);
        const double resale = Draw(gen, sp.resale_pct);
        const double on = Draw(gen, sp.on_hours_pct);
        for (std::size_t k = 0; k < work.offers.size(); ++k) {
            work.offers[k].usd_per_gpu_hour.value = offer_prices[k] * cloud;
            if (work.offers[k].spot_usd_per_gpu_hour)
                work.offers[k].spot_usd_per_gpu_hour->value = spot_prices[k] * cloud;
        }
        for (std::size_t k = 0; k < work.gpus.size(); ++k)
            work.gpus[k].price_usd.value = gpu_prices[k] * hardware;
        if (t.home.hardware_usd)
            t.home.hardware_usd = *base.home.hardware_usd * hardware;
        if (t.cloud.usd_per_gpu_hour)
            t.cloud.usd_per_gpu_hour = *base.cloud.usd_per_gpu_hour * cloud;
        if (t.home.resale_pct) {
            t.home.resale_pct = std::clamp(*base.home.resale_pct * resale, 0.0, 100.0);
        } else {
            t.assumptions["home.gpu_depreciation_pct_per_year"] =
                ScaledDepreciationPct(fig.gpu_depreciation_pct_per_year, resale, base.horizon_months);
            t.assumptions["home.system_depreciation_pct_per_year"] =
                ScaledDepreciationPct(fig.system_depreciation_pct_per_year, resale, base.horizon_months);
        }
        if (t.home.on_hours_per_week)
            t.home.on_hours_per_week = std::clamp(*base.home.on_hours_per_week * on, 0.0, 168.0);
        else
            t.assumptions["home.idle_on_pct_of_busy"] = fig.idle_on_pct_of_busy * on;

        const Evaluation e = Evaluate(t, work);
        ++At(best, static_cast<int>(e.recommended));
        nothing_fits += e.any_feasible ? 0 : 1;
        for (int o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = At(e.cost, o);
            if (c.gpu_index >= 0 || c.offer_index >= 0)
                At(totals, o).push_back(c.total_usd);
        }
        const OptionCost& home = At(e.cost, 0);
        const OptionCost& cloud_cost = At(e.cost, 1);
        if (home.gpu_index >= 0 && cloud_cost.offer_index >= 0) {
            const std::optional<int> month =
                BreakEvenMonth(CumulativeUsd(home, t.horizon_months), CumulativeUsd(cloud_cost, t.horizon_months));
            if (month)
                break_even.push_back(*month);
            else
                ++no_break_even;
        }
    }
    const double n = u.samples;
    for (int o = 0; o < kOptionCount; ++o) {
        At(u.p_best, o) = At(best, o) / n;
        At(u.total_usd, o) = Of(At(totals, o));
    }
    u.p_nothing_fits = nothing_fits / n;
    if (!break_even.empty())
        u.break_even_month = Of(break_even);
    const double compared = static_cast<double>(break_even.size()) + no_break_even;
    u.p_no_break_even = compared > 0 ? no_break_even / compared : 0;
    return u;
}

std::string SureInWords(const Uncertainty& u, Option recommended)
{
    const double share = At(u.p_best, static_cast<int>(recommended));
    const long tenths = std::lround(share * 10);
    if (tenths >= 10)
        return share >= 0.995 ? "in every likely future we tried" : "in nearly every likely future";
    if (tenths <= 0)
        return "in fewer than 1 of 10 likely futures";
    return "in about " + std::to_string(tenths) + " of 10 likely futures";
}

} // namespace labcalc::core
