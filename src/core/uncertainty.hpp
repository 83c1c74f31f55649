#pragma once
// How sure the answer is: the model run over many likely futures. Each sample draws the inputs a person
// guesses (hours, bursts, tariff, cloud and hardware prices, resale, hours on) from their spreads
// (Scenario::spreads, triangular around the person's own figure) and evaluates the same model; the answer's
// share of samples, each option's P10 / P50 / P90 total and the break-even month's spread come out.
// Seeded and deterministic: the same scenario and seed give the same figures natively and in WebAssembly
// (the generator is the standard's mt19937, whose output the standard fixes; the draws are this file's own
// arithmetic, not a library distribution, which may differ between standard libraries).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

constexpr int kMaxSamples = 20000;
constexpr std::uint32_t kDefaultSeed = 20261130;

struct Percentiles {
    double p10 = 0, p50 = 0, p90 = 0;
};

struct Uncertainty {
    int samples = 0; // 0: not worked out
    std::uint32_t seed = kDefaultSeed;
    // The share of samples in which each option is the recommendation (home, cloud, hybrid); they sum to 1.
    std::array<double, kOptionCount> p_best{};
    double p_nothing_fits = 0; // share of samples in which no option fits (the recommendation comes closest)
    // Each option's total over the horizon, over the samples where it was priced (zeros when never).
    std::array<Percentiles, kOptionCount> total_usd{};
    // The break-even month of home against cloud (if sold at the end), over the samples with one, and the
    // share of samples with none within the horizon.
    std::optional<Percentiles> break_even_month;
    // Each option's cumulative cost month by month (0 ... horizon), over the samples where it was priced: the
    // band the cost chart draws around each line (empty for an option never priced).
    std::array<std::vector<Percentiles>, kOptionCount> cumulative_usd;
    double p_no_break_even = 0;
    // Which guesses move the answer most: for each spread on its own (the others held at the person's
    // figures), the share of likely futures whose answer differs from the plain one; largest first.
    struct Sway {
        const char* key;   // "spread.hours_pct"
        const char* label; // "your hours of work"
        double p_changes = 0;
    };
    std::vector<Sway> sways;
};

// The sway of a guessed input by its key ("spread.hours_pct"), with its label and no share yet; nullopt for a
// key that names no spread.
std::optional<Uncertainty::Sway> SwayFor(const std::string& key);

// What a sampling run works out besides the answer's share and the spreads of the totals.
struct SampleSettings {
    // Which guess sways the answer (Uncertainty::sways): each spread on its own over a quarter of the samples
    // (at least 50), so up to 7 x samples / 4 more evaluations. Off for a cheaper run while a slider is dragged;
    // every other figure is the same either way.
    bool sways = true;
};

// Runs `samples` (1 ... kMaxSamples) evaluations. With every spread 0, each sample is the plain evaluation.
Uncertainty SampleOutcomes(const Scenario& s, const Catalog& c, int samples, std::uint32_t seed = kDefaultSeed);
Uncertainty SampleOutcomes(const Scenario& s, const Catalog& c, int samples, std::uint32_t seed,
                           const SampleSettings& settings);

// How sure each part of the decision map is: on a coarse grid over its axes (hours a week across, budget up),
// the share of likely futures in which each cell's own answer (the plain evaluation at the cell's centre) holds.
struct ConfidenceMap {
    int columns = 0, rows = 0;
    double hours_max = 0, budget_max_usd = 0;
    int samples_per_cell = 0;
    std::vector<float> share; // rows * columns, 0 ... 1
    double HoursAt(int column) const { return hours_max * (column + 0.5) / columns; }
    double BudgetAt(int row) const { return budget_max_usd * (row + 0.5) / rows; }
    float At(int column, int row) const { return share[static_cast<std::size_t>(row * columns + column)]; }
};
ConfidenceMap ComputeConfidenceMap(const Scenario& s, const Catalog& c, int columns, int rows, double hours_max,
                                   double budget_max_usd, int samples_per_cell, std::uint32_t seed = kDefaultSeed);

// "in about 8 of 10 likely futures": the recommended option's share in words a learner reads.
std::string SureInWords(const Uncertainty& u, Option recommended);

} // namespace labcalc::core
