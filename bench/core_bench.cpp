// Google Benchmark figures for the core's hot paths: one evaluation, 1,000 likely futures, the report the UI rebuilds on
// every input change (with and without the flip-point search) and the 128 x 128 decision map.
// Run: build/native/bench/labcalc_bench   (scripts/bench builds and runs it with the wasm harness)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/catalog.hpp"
#include "core/decision_map.hpp"
#include "core/evaluate.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"
#include "core/uncertainty.hpp"

namespace {

using namespace labcalc::core;

const Catalog& TheCatalog()
{
    static const Catalog c = LoadDefaultCatalog();
    return c;
}

// The scenario a benchmark runs on: "" is the default scenario, else a preset name.
Scenario ScenarioNamed(const std::string& preset)
{
    if (preset.empty())
        return Scenario{};
    auto loaded = LoadPreset(preset);
    if (!loaded) {
        std::fprintf(stderr, "labcalc_bench: preset %s: %s\n", preset.c_str(), loaded.error.c_str());
        std::exit(2);
    }
    return *loaded.value;
}

void BM_Evaluate(benchmark::State& state, const std::string& preset)
{
    const Scenario s = ScenarioNamed(preset);
    const Catalog& c = TheCatalog();
    for (auto _ : state) {
        Evaluation e = Evaluate(s, c);
        benchmark::DoNotOptimize(e);
    }
}

// "How sure": 1,000 likely futures, the figure the page must fit in half a 60 Hz frame (8.3 ms). With the
// sways ("which guess sways the answer", 7 x 250 more evaluations) as the report has them, and without, as a
// live run while a slider is dragged.
void BM_SampleOutcomes(benchmark::State& state, const std::string& preset, bool sways)
{
    const Scenario s = ScenarioNamed(preset);
    const Catalog& c = TheCatalog();
    SampleSettings settings;
    settings.sways = sways;
    for (auto _ : state) {
        Uncertainty u = SampleOutcomes(s, c, 1000, kDefaultSeed, settings);
        benchmark::DoNotOptimize(u);
    }
}

void BM_BuildReport(benchmark::State& state, const std::string& preset, bool flips, bool workings = false)
{
    const Scenario s = ScenarioNamed(preset);
    const Catalog& c = TheCatalog();
    ReportSettings settings;
    settings.flip_points = flips;
    settings.workings = workings;
    for (auto _ : state) {
        Report r = BuildReport(s, c, settings);
        benchmark::DoNotOptimize(r);
    }
}

void BM_DecisionMap(benchmark::State& state, const std::string& preset)
{
    const Scenario s = ScenarioNamed(preset);
    const Catalog& c = TheCatalog();
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) {
        DecisionMap m = ComputeDecisionMap(s, c, n, n, 168, 20000);
        benchmark::DoNotOptimize(m.cells.data());
    }
    state.SetItemsProcessed(state.iterations() * n * n); // cells per second
}

BENCHMARK_CAPTURE(BM_Evaluate, default, std::string());
BENCHMARK_CAPTURE(BM_Evaluate, beginner, std::string("beginner"));
BENCHMARK_CAPTURE(BM_Evaluate, steady_24_7, std::string("steady-24-7"));
BENCHMARK_CAPTURE(BM_Evaluate, sensitive_data, std::string("sensitive-data"));
// With tasks: the workload is worked out and each GPU's speed set for the mix before the model runs.
BENCHMARK_CAPTURE(BM_Evaluate, fine_tune_7b_tasks, std::string("fine-tune-7b"));

BENCHMARK_CAPTURE(BM_SampleOutcomes, default_1000, std::string(), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SampleOutcomes, default_1000_no_sways, std::string(), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SampleOutcomes, steady_24_7_1000, std::string("steady-24-7"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SampleOutcomes, steady_24_7_1000_no_sways, std::string("steady-24-7"), false)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_BuildReport, default_with_flips, std::string(), true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildReport, default_no_flips, std::string(), false)->Unit(benchmark::kMicrosecond);
// What the page rebuilds on each frame of a drag: the report with its workings, without flip points.
BENCHMARK_CAPTURE(BM_BuildReport, default_no_flips_with_workings, std::string(), false, true)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BuildReport, steady_24_7_with_flips, std::string("steady-24-7"), true)
    ->Unit(benchmark::kMicrosecond);

BENCHMARK_CAPTURE(BM_DecisionMap, default, std::string())->Arg(128)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecisionMap, steady_24_7, std::string("steady-24-7"))->Arg(128)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecisionMap, fine_tune_7b_tasks, std::string("fine-tune-7b"))
    ->Arg(128)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
