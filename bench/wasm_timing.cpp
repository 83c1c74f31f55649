// A plain timing harness (no Google Benchmark) for the core's hot paths, built natively and with
// Emscripten so the WebAssembly figures can be checked against the 60 Hz frame (16.7 ms):
//   node --no-experimental-fetch build/web/labcalc_wasm_timing.js [runs]
// It times one evaluation, 1,000 likely futures ("How sure"), the report with and without flip points, and the
// 128 x 128 decision map, each as the median and 95th percentile of N runs (std::chrono::steady_clock), and
// prints a table.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/decision_map.hpp"
#include "core/evaluate.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"
#include "core/uncertainty.hpp"

namespace {

using namespace labcalc::core;
using Clock = std::chrono::steady_clock;

// Keeps results alive so the optimizer cannot drop the work.
volatile std::uint64_t g_sink = 0;

struct Stats {
    double median_ms = 0, p95_ms = 0, min_ms = 0;
};

Stats Summarize(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats st;
    const std::size_t n = ms.size();
    st.min_ms = ms.front();
    st.median_ms = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    // Nearest-rank 95th percentile.
    std::size_t rank = (95 * n + 99) / 100;
    st.p95_ms = ms[std::min(n, std::max<std::size_t>(rank, 1)) - 1];
    return st;
}

// Runs `fn` `runs` times after `warmup` untimed runs; each timed run may repeat `fn` `inner` times
// (for calls far below the clock's resolution) and reports the time per call.
template <class Fn>
Stats Time(int runs, int inner, Fn&& fn)
{
    for (int i = 0; i < std::max(1, runs / 10); ++i)
        fn();
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(runs));
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        for (int i = 0; i < inner; ++i)
            fn();
        const auto t1 = Clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count() / inner);
    }
    return Summarize(std::move(ms));
}

void Row(const char* what, const char* scenario, const Stats& st)
{
    std::printf("%-30s %-16s %12.4f %12.4f %12.4f\n", what, scenario, st.median_ms, st.p95_ms, st.min_ms);
}

Scenario ScenarioNamed(const char* preset)
{
    if (!preset || !*preset)
        return Scenario{};
    auto loaded = LoadPreset(preset);
    if (!loaded) {
        std::fprintf(stderr, "labcalc_wasm_timing: preset %s: %s\n", preset, loaded.error.c_str());
        std::exit(2);
    }
    return *loaded.value;
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 50;
    if (argc > 1)
        runs = std::max(5, std::atoi(argv[1]));
#ifdef __EMSCRIPTEN__
    const char* target = "WebAssembly (Emscripten)";
#else
    const char* target = "native";
#endif
    const Catalog c = LoadDefaultCatalog();
    const char* presets[] = {"", "beginner", "steady-24-7", "sensitive-data"};

    std::printf("labcalc core timings, %s, %d runs each (ms per call)\n", target, runs);
    std::printf("%-30s %-16s %12s %12s %12s\n", "what", "scenario", "median", "p95", "min");

    for (const char* name : presets) {
        const Scenario s = ScenarioNamed(name);
        Row("Evaluate", *name ? name : "default", Time(runs, 100, [&] {
                const Evaluation e = Evaluate(s, c);
                g_sink = g_sink + static_cast<std::uint64_t>(e.recommended);
            }));
    }
    for (const char* name : {"", "steady-24-7"}) {
        const Scenario s = ScenarioNamed(name);
        for (const bool sways : {true, false}) {
            SampleSettings settings;
            settings.sways = sways;
            Row(sways ? "SampleOutcomes 1000" : "SampleOutcomes 1000 no sways", *name ? name : "default",
                Time(runs, 1, [&] {
                    const Uncertainty u = SampleOutcomes(s, c, 1000, kDefaultSeed, settings);
                    g_sink = g_sink + static_cast<std::uint64_t>(u.p_best[0] * 1000);
                }));
        }
    }
    for (const char* name : {"", "steady-24-7"}) {
        const Scenario s = ScenarioNamed(name);
        ReportSettings with_flips, no_flips;
        no_flips.flip_points = false;
        Row("BuildReport (flip points)", *name ? name : "default", Time(runs, 1, [&] {
                const Report r = BuildReport(s, c, with_flips);
                g_sink = g_sink + r.flip_points.size();
            }));
        Row("BuildReport (no flips)", *name ? name : "default", Time(runs, 10, [&] {
                const Report r = BuildReport(s, c, no_flips);
                g_sink = g_sink + r.options.size();
            }));
    }
    double worst_map_median = 0;
    for (const char* name : {"", "steady-24-7"}) {
        const Scenario s = ScenarioNamed(name);
        const Stats st = Time(runs, 1, [&] {
            const DecisionMap m = ComputeDecisionMap(s, c, 128, 128, 168, 20000);
            g_sink = g_sink + m.cells[m.cells.size() / 2];
        });
        worst_map_median = std::max(worst_map_median, st.median_ms);
        Row("DecisionMap 128x128", *name ? name : "default", st);
    }
    const double frame_ms = 1000.0 / 60.0;
    std::printf("128x128 decision map: worst median %.3f ms = %.1f%% of a 60 Hz frame (%.1f ms): %s\n",
                worst_map_median, 100.0 * worst_map_median / frame_ms, frame_ms,
                worst_map_median < frame_ms ? "within budget" : "OVER BUDGET");
    return 0;
}
