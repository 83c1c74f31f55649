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

namespace {

// The model's inputs once (the tasks' hours and speeds worked out), and the prices the samples scale.
struct Base {
    Scenario scenario;
    Catalog catalog;
    ResolvedFigures fig;
    std::vector<double> gpu_prices, offer_prices, spot_prices;
};

Base Prepare(const Scenario& input, const Catalog& input_catalog)
{
    const ModelInputs in(input, input_catalog);
    Base b{in.scenario(), in.catalog(), {}, {}, {}, {}};
    b.scenario.tasks.clear(); // the samples vary the hours the tasks came to
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

// One likely future: each guessed input drawn from its spread (all of them, in a fixed order, every time, so a
// spread of 0 leaves the others' draws alone); `work` is the catalog the prices are scaled in.
Evaluation SampleOnce(const Base& b, const Spreads& sp, std::mt19937& gen, Catalog& work)
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

// The spreads one at a time, in the order the report lists them when they sway the answer alike.
struct OneSpread {
    const char* key;
    const char* label;
    double Spreads::*member;
};
constexpr OneSpread kOneSpread[] = {
    {"spread.hours_pct", "your hours of work", &Spreads::hours_pct},
    {"spread.burst_share_pct", "the share of work in bursts", &Spreads::burst_share_pct},
    {"spread.electricity_pct", "the electricity price", &Spreads::electricity_pct},
    {"spread.cloud_price_pct", "cloud prices", &Spreads::cloud_price_pct},
    {"spread.hardware_price_pct", "hardware prices", &Spreads::hardware_price_pct},
    {"spread.resale_pct", "the resale value", &Spreads::resale_pct},
    {"spread.on_hours_pct", "the hours the machine is on", &Spreads::on_hours_pct},
};

} // namespace

Uncertainty SampleOutcomes(const Scenario& input, const Catalog& input_catalog, int samples, std::uint32_t seed)
{
    Uncertainty u;
    u.samples = std::clamp(samples, 1, kMaxSamples);
    u.seed = seed;
    const Base b = Prepare(input, input_catalog);
    Catalog work = b.catalog;

    std::mt19937 gen(seed);
    std::array<int, kOptionCount> best{};
    int nothing_fits = 0, no_break_even = 0;
    std::array<std::vector<double>, kOptionCount> totals;
    std::vector<double> break_even;
    const int months = std::max(b.scenario.horizon_months, 0);
    // curves[o][m]: option o's cumulative cost at month m, one value per sample where it was priced.
    std::array<std::vector<std::vector<double>>, kOptionCount> curves;
    for (auto& per_option : curves)
        per_option.resize(static_cast<std::size_t>(months) + 1);
    for (int i = 0; i < u.samples; ++i) {
        const Evaluation e = SampleOnce(b, b.scenario.spreads, gen, work);
        ++At(best, static_cast<int>(e.recommended));
        nothing_fits += e.any_feasible ? 0 : 1;
        for (int o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = At(e.cost, o);
            if (c.gpu_index >= 0 || c.offer_index >= 0) {
                At(totals, o).push_back(c.total_usd);
                const std::vector<double> curve = CumulativeUsd(c, months);
                for (std::size_t m = 0; m < curve.size(); ++m)
                    At(curves, o)[m].push_back(curve[m]);
            }
        }
        const OptionCost& home = At(e.cost, 0);
        const OptionCost& cloud = At(e.cost, 1);
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
    for (int o = 0; o < kOptionCount; ++o) {
        At(u.p_best, o) = At(best, o) / n;
        At(u.total_usd, o) = Of(At(totals, o));
        if (!At(totals, o).empty())
            for (std::vector<double>& month : At(curves, o))
                At(u.cumulative_usd, o).push_back(Of(std::move(month)));
    }
    u.p_nothing_fits = nothing_fits / n;
    if (!break_even.empty())
        u.break_even_month = Of(break_even);
    const double compared = static_cast<double>(break_even.size()) + no_break_even;
    u.p_no_break_even = compared > 0 ? no_break_even / compared : 0;

    // Which guess sways the answer: each spread alone, a quarter of the samples each (at least 50).
    const Option plain = Evaluate(b.scenario, b.catalog).recommended;
    const int each = std::max(50, u.samples / 4);
    for (const OneSpread& one : kOneSpread) {
        if (!(b.scenario.spreads.*(one.member) > 0))
            continue;
        Spreads alone{0, 0, 0, 0, 0, 0, 0};
        alone.*(one.member) = b.scenario.spreads.*(one.member);
        std::mt19937 g(seed);
        int changed = 0;
        for (int i = 0; i < each; ++i)
            changed += SampleOnce(b, alone, g, work).recommended != plain ? 1 : 0;
        u.sways.push_back({one.key, one.label, changed / static_cast<double>(each)});
    }
    std::stable_sort(u.sways.begin(), u.sways.end(),
                     [](const Uncertainty::Sway& a, const Uncertainty::Sway& c) { return a.p_changes > c.p_changes; });
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
