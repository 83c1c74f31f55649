// How sure the answer is: the model over many likely futures (see uncertainty.hpp).
#include "core/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/figure_ids.hpp"
#include "core/index.hpp"
#include "core/model.hpp"
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

// The place in n sorted values of the nearest-rank percentile q.
std::size_t Rank(double q, std::size_t n)
{
    return static_cast<std::size_t>(std::floor(q * static_cast<double>(n - 1)));
}

// Nearest-rank percentiles of the n values at v (reordered here): the values a full sort would put at those
// ranks, found by selection.
Percentiles Of(double* v, std::size_t n)
{
    Percentiles p;
    if (n == 0)
        return p;
    const std::size_t k10 = Rank(0.1, n), k50 = Rank(0.5, n), k90 = Rank(0.9, n);
    // Each selection leaves the larger values after its rank, so the next searches only those.
    std::nth_element(v, v + k10, v + n);
    if (k50 > k10)
        std::nth_element(v + k10 + 1, v + k50, v + n);
    if (k90 > k50)
        std::nth_element(v + k50 + 1, v + k90, v + n);
    p.p10 = v[k10];
    p.p50 = v[k50];
    p.p90 = v[k90];
    return p;
}

// A yearly depreciation rate that leaves `factor` times the value it would leave after `months`.
// `yearly_factor` is DepreciationYearlyFactor(factor, months), the same for every rate of one sample.
double ScaledDepreciationPct(double pct, double yearly_factor)
{
    const double left = (1 - std::clamp(pct, 0.0, 100.0) / 100.0) * yearly_factor;
    return std::clamp((1 - left) * 100.0, 0.0, 100.0);
}
double DepreciationYearlyFactor(double factor, int months)
{
    const double years = std::max(months, 1) / 12.0;
    return std::pow(std::max(factor, 0.0), 1.0 / years);
}

// A figure's value as an assumption sets it: within the range its rule allows (ResolveFigures).
struct Range {
    double min = 0, max = 0;
    explicit Range(const char* figure_id)
    {
        const FigureRule* rule = FindFigureRule(figure_id);
        min = rule ? rule->min_value : -HUGE_VAL;
        max = rule ? rule->max_value : HUGE_VAL;
    }
    double operator()(double v) const { return std::clamp(v, min, max); }
};

// The model prepared once for every likely future, and one future at a time evaluated on it. What a sample
// changes is numbers only: the hours, the burst share, the tariff, the prices of the catalog's GPUs and
// offers and the person's own, the resale (the person's share, or the depreciation rates) and the hours on
// (the person's, or the idle share). They are written into the prepared scenario, catalog and figures and the
// model runs on them: no copy of the scenario or the catalog, no figure looked up by name, no allocation.
// Each figure is what evaluating the sample as a scenario of its own gives (the draws written into it, the
// depreciation rates and idle share as assumptions; tests/core/test_sampling_pinned.cpp checks it).
class Sampler {
public:
    Sampler(const Scenario& input, const Catalog& input_catalog)
        : base_(Base(input, input_catalog)), figures_(ResolveFigures(base_.scenario, base_.priced)),
          sample_(base_.scenario), prepared_(sample_, base_.priced, figures_),
          idle_on_range_("home.idle_on_pct_of_busy"), gpu_depreciation_range_("home.gpu_depreciation_pct_per_year"),
          system_depreciation_range_("home.system_depreciation_pct_per_year")
    {
        const Catalog& c = base_.priced;
        const Scenario& s = base_.scenario;
        auto overridden = [&s](const std::string& id) { return s.assumptions.count(id) > 0; };
        for (const GpuModel& g : c.gpus)
            gpus_.push_back({g.price_usd.value, 0, overridden("gpu." + g.id + ".price_usd"), false});
        for (const CloudOffer& o : c.offers)
            offers_.push_back({o.usd_per_gpu_hour.value, o.spot_usd_per_gpu_hour ? o.spot_usd_per_gpu_hour->value : 0.0,
                               overridden("offer." + o.id + ".usd_per_gpu_hour"),
                               !o.spot_usd_per_gpu_hour || overridden("offer." + o.id + ".spot_usd_per_gpu_hour")});
    }
    Sampler(const Sampler&) = delete;
    Sampler& operator=(const Sampler&) = delete;

    const Scenario& scenario() const { return base_.scenario; }

    // Moves the person's hours and budget (the decision map's axes) and forgets the plain answer.
    void MoveTo(double hours_per_week, double budget_usd)
    {
        base_.scenario.hours_per_week = hours_per_week;
        base_.scenario.budget_usd = budget_usd;
        sample_.budget_usd = budget_usd;
        plain_.reset();
    }

    // The answer with every input at the person's figure: the prepared model put back to those figures, which
    // is what Evaluate would prepare from the scenario (the catalog with its overrides, its resolved figures).
    Option Plain()
    {
        if (!plain_) {
            sample_ = base_.scenario;
            for (std::size_t k = 0; k < offers_.size(); ++k) {
                if (!offers_[k].fixed)
                    Priced().offers[k].usd_per_gpu_hour.value = offers_[k].price;
                if (!offers_[k].spot_fixed)
                    Priced().offers[k].spot_usd_per_gpu_hour->value = offers_[k].spot;
            }
            for (std::size_t k = 0; k < gpus_.size(); ++k)
                if (!gpus_[k].fixed)
                    Priced().gpus[k].price_usd.value = gpus_[k].price;
            prepared_.fig = figures_;
            prepared_.Refresh();
            plain_ = EvaluatePrepared(prepared_).recommended;
        }
        return *plain_;
    }

    // One likely future: each guessed input drawn from its spread (all of them, in a fixed order, every time,
    // so a spread of 0 leaves the others' draws alone).
    Evaluation Sample(const Spreads& sp, std::mt19937& gen)
    {
        const Scenario& b = base_.scenario;
        Scenario& t = sample_;
        ResolvedFigures& fig = prepared_.fig;
        t.hours_per_week = std::clamp(b.hours_per_week * Draw(gen, sp.hours_pct), 0.0, 168.0);
        t.burst_share_pct = std::clamp(b.burst_share_pct * Draw(gen, sp.burst_share_pct), 0.0, 100.0);
        t.electricity_usd_per_kwh = figures_.electricity_usd_per_kwh * Draw(gen, sp.electricity_pct);
        fig.electricity_usd_per_kwh = *t.electricity_usd_per_kwh;
        const double cloud = Draw(gen, sp.cloud_price_pct);
        const double hardware = Draw(gen, sp.hardware_price_pct);
        const double resale = Draw(gen, sp.resale_pct);
        const double on = Draw(gen, sp.on_hours_pct);
        // Prices the scenario overrides stay at its figures, as ApplyPriceOverrides would set them again.
        for (std::size_t k = 0; k < offers_.size(); ++k) {
            CloudOffer& o = Priced().offers[k];
            if (!offers_[k].fixed)
                o.usd_per_gpu_hour.value = offers_[k].price * cloud;
            if (!offers_[k].spot_fixed)
                o.spot_usd_per_gpu_hour->value = offers_[k].spot * cloud;
        }
        for (std::size_t k = 0; k < gpus_.size(); ++k)
            if (!gpus_[k].fixed)
                Priced().gpus[k].price_usd.value = gpus_[k].price * hardware;
        if (t.home.hardware_usd)
            t.home.hardware_usd = *b.home.hardware_usd * hardware;
        if (t.cloud.usd_per_gpu_hour)
            t.cloud.usd_per_gpu_hour = *b.cloud.usd_per_gpu_hour * cloud;
        if (t.home.resale_pct) {
            t.home.resale_pct = std::clamp(*b.home.resale_pct * resale, 0.0, 100.0);
        } else {
            const double yearly = DepreciationYearlyFactor(resale, b.horizon_months);
            fig.gpu_depreciation_pct_per_year =
                gpu_depreciation_range_(ScaledDepreciationPct(figures_.gpu_depreciation_pct_per_year, yearly));
            fig.system_depreciation_pct_per_year =
                system_depreciation_range_(ScaledDepreciationPct(figures_.system_depreciation_pct_per_year, yearly));
        }
        if (t.home.on_hours_per_week)
            t.home.on_hours_per_week = std::clamp(*b.home.on_hours_per_week * on, 0.0, 168.0);
        else
            fig.idle_on_pct_of_busy = idle_on_range_(figures_.idle_on_pct_of_busy * on);
        prepared_.Refresh();
        return EvaluatePrepared(prepared_);
    }

private:
    // The scenario with its tasks worked out into hours, VRAM and burst share (and none left, since the
    // samples vary those), and the catalog with each GPU's and offer's speed for the tasks and the scenario's
    // price overrides, at the sample's prices.
    struct Inputs {
        Scenario scenario;
        Catalog priced;
    };
    static Inputs Base(const Scenario& input, const Catalog& input_catalog)
    {
        const ModelInputs in(input, input_catalog);
        Inputs b{in.scenario(), {}};
        b.scenario.tasks.clear();
        b.priced = ApplyPriceOverrides(b.scenario, in.catalog());
        b.priced.speeds_for_tasks = true;
        return b;
    }
    Catalog& Priced() { return base_.priced; }
    // A catalog price before the samples scale it; `fixed` when the scenario overrides it (or, for a spot
    // price, when the offer has none).
    struct Price {
        double price, spot;
        bool fixed, spot_fixed;
    };

    Inputs base_;
    const ResolvedFigures figures_; // the figures at the person's values, which the samples scale
    Scenario sample_;               // the scenario of the sample being evaluated
    Prepared prepared_;             // on sample_ and base_.priced; its `fig` holds the sample's figures
    const Range idle_on_range_, gpu_depreciation_range_, system_depreciation_range_;
    std::vector<Price> gpus_, offers_;
    std::optional<Option> plain_;
};

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

// Whether two curves start and end alike (they may differ in their running cost a month).
bool SameEnds(const CostCurve& a, const CostCurve& b)
{
    return a.start == b.start && a.resale == b.resale && a.instalment == b.instalment && a.loan_paid == b.loan_paid &&
        a.instalments == b.instalments;
}

} // namespace

std::optional<Uncertainty::Sway> SwayFor(const std::string& key)
{
    for (const OneSpread& one : kOneSpread)
        if (key == one.key)
            return Uncertainty::Sway{one.key, one.label, 0};
    return std::nullopt;
}

Uncertainty SampleOutcomes(const Scenario& input, const Catalog& input_catalog, int samples, std::uint32_t seed)
{
    return SampleOutcomes(input, input_catalog, samples, seed, SampleSettings{});
}

Uncertainty SampleOutcomes(const Scenario& input, const Catalog& input_catalog, int samples, std::uint32_t seed,
                           const SampleSettings& settings)
{
    Uncertainty u;
    u.samples = std::clamp(samples, 1, kMaxSamples);
    u.seed = seed;
    Sampler sampler(input, input_catalog);
    const Scenario& base = sampler.scenario();
    const auto n_samples = static_cast<std::size_t>(u.samples);

    std::mt19937 gen(seed);
    std::array<int, kOptionCount> best{};
    int nothing_fits = 0, no_break_even = 0;
    const int months = std::max(base.horizon_months, 0);
    const auto points = static_cast<std::size_t>(months) + 1;
    // Room for every sample, set aside before the first: totals[o] holds option o's total for each sample where
    // it was priced (priced[o] of them), curves[o] what its cumulative cost curve is made of.
    std::array<std::vector<double>, kOptionCount> totals;
    std::array<std::vector<CostCurve>, kOptionCount> curves;
    std::array<std::size_t, kOptionCount> priced{};
    for (int o = 0; o < kOptionCount; ++o) {
        At(totals, o).resize(n_samples);
        At(curves, o).reserve(n_samples);
    }
    std::vector<double> break_even;
    break_even.reserve(n_samples);
    for (int i = 0; i < u.samples; ++i) {
        const Evaluation e = sampler.Sample(base.spreads, gen);
        ++At(best, static_cast<int>(e.recommended));
        nothing_fits += e.any_feasible ? 0 : 1;
        for (int o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = At(e.cost, o);
            if (c.gpu_index >= 0 || c.offer_index >= 0) {
                At(totals, o)[At(priced, o)++] = c.total_usd;
                At(curves, o).emplace_back(c);
            }
        }
        const OptionCost& home = At(e.cost, 0);
        const OptionCost& cloud = At(e.cost, 1);
        if (home.gpu_index >= 0 && cloud.offer_index >= 0) {
            const std::optional<int> month = BreakEvenMonth(CostCurve(home), CostCurve(cloud), months);
            if (month)
                break_even.push_back(*month);
            else
                ++no_break_even;
        }
    }
    const double n = u.samples;
    std::vector<double> month(n_samples);
    for (int o = 0; o < kOptionCount; ++o) {
        const std::size_t count = At(priced, o);
        At(u.p_best, o) = At(best, o) / n;
        At(u.total_usd, o) = Of(At(totals, o).data(), count);
        if (count == 0)
            continue;
        const std::vector<CostCurve>& curve = At(curves, o);
        std::vector<Percentiles>& bands = At(u.cumulative_usd, o);
        bands.reserve(points);
        // When every sample's curve starts at the same cost and credits the same resale (the cloud: nothing up
        // front, nothing to sell), a month's value rises with the monthly cost alone, in floating point too
        // (rounding keeps the order), so each month's percentiles are the curves of the monthly cost's.
        const bool same_ends =
            std::all_of(curve.begin(), curve.end(), [&curve](const CostCurve& c) { return SameEnds(c, curve[0]); });
        if (same_ends) {
            for (std::size_t i = 0; i < count; ++i)
                month[i] = curve[i].monthly;
            const Percentiles monthly = Of(month.data(), count);
            CostCurve p10 = curve[0], p50 = curve[0], p90 = curve[0];
            p10.monthly = monthly.p10;
            p50.monthly = monthly.p50;
            p90.monthly = monthly.p90;
            for (int m = 0; m <= months; ++m)
                bands.push_back({p10.At(m, months), p50.At(m, months), p90.At(m, months)});
            continue;
        }
        for (std::size_t m = 0; m < points; ++m) {
            for (std::size_t i = 0; i < count; ++i)
                month[i] = curve[i].At(static_cast<int>(m), months);
            bands.push_back(Of(month.data(), count));
        }
    }
    u.p_nothing_fits = nothing_fits / n;
    if (!break_even.empty())
        u.break_even_month = Of(break_even.data(), break_even.size());
    const double compared = static_cast<double>(break_even.size()) + no_break_even;
    u.p_no_break_even = compared > 0 ? no_break_even / compared : 0;
    if (!settings.sways)
        return u;

    // Which guess sways the answer: each spread alone, a quarter of the samples each (at least 50).
    const int each = std::max(50, u.samples / 4);
    for (const OneSpread& one : kOneSpread) {
        if (!(base.spreads.*(one.member) > 0))
            continue;
        Spreads alone{0, 0, 0, 0, 0, 0, 0};
        alone.*(one.member) = base.spreads.*(one.member);
        std::mt19937 g(seed);
        int changed = 0;
        for (int i = 0; i < each; ++i)
            changed += sampler.Sample(alone, g).recommended != sampler.Plain() ? 1 : 0;
        u.sways.push_back({one.key, one.label, changed / static_cast<double>(each)});
    }
    std::stable_sort(u.sways.begin(), u.sways.end(),
                     [](const Uncertainty::Sway& a, const Uncertainty::Sway& c) { return a.p_changes > c.p_changes; });
    return u;
}

ConfidenceMap ComputeConfidenceMap(const Scenario& s, const Catalog& c, int columns, int rows, double hours_max,
                                   double budget_max_usd, int samples_per_cell, std::uint32_t seed)
{
    ConfidenceMap map;
    map.columns = std::max(columns, 1);
    map.rows = std::max(rows, 1);
    map.hours_max = std::clamp(hours_max, 0.0, 168.0);
    map.budget_max_usd = std::max(budget_max_usd, 0.0);
    map.samples_per_cell = std::clamp(samples_per_cell, 1, kMaxSamples);
    map.share.assign(static_cast<std::size_t>(map.columns * map.rows), 1.0f);
    Sampler sampler(s, c);
    const Spreads& spreads = sampler.scenario().spreads;
    for (int row = 0; row < map.rows; ++row)
        for (int col = 0; col < map.columns; ++col) {
            sampler.MoveTo(map.HoursAt(col), map.BudgetAt(row));
            const Option plain = sampler.Plain();
            std::mt19937 gen(seed); // every cell the same futures: neighbours differ by their place alone
            int same = 0;
            for (int i = 0; i < map.samples_per_cell; ++i)
                same += sampler.Sample(spreads, gen).recommended == plain ? 1 : 0;
            At(map.share, row * map.columns + col) =
                static_cast<float>(same) / static_cast<float>(map.samples_per_cell);
        }
    return map;
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
