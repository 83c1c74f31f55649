#pragma once
// The model: from a scenario and a catalog to the cost of each option, its ten factor scores and
// the recommendation. Pure functions, no allocation in the hot path (the decision map calls this
// tens of thousands of times per change). The formulas live in formulas.hpp/.cpp.
#include <array>
#include <cstdint>

#include "core/catalog.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

enum class Option { home = 0, cloud = 1, hybrid = 2 };
constexpr int kOptionCount = 3;
const char* OptionKey(Option o);   // "home", "cloud", "hybrid"
const char* OptionLabel(Option o); // "Home lab", "Cloud", "Hybrid"

// Why an option cannot be chosen (bit flags).
enum Blocker : std::uint32_t {
    kOverBudget = 1u << 0,        // upfront cost above budget_usd
    kOverMonthlyBudget = 1u << 1, // running cost (and any instalment) above monthly_budget_usd
    kVramTooLarge = 1u << 2,      // no home machine in the catalog holds the largest job
    kDataMustStay = 1u << 3,      // privacy on_premises_only: data may not go to a cloud
    kNoCloudOffer = 1u << 4,      // no cloud offer fits the VRAM need and provider choice
    kOverCapacity = 1u << 5,      // more work than the largest home machine can run
    kNothingToSplit = 1u << 6,    // hybrid: every job must stay local, nothing can go to the cloud
    kUnknownGpu = 1u << 7,        // home.gpu names no catalog GPU (or a machine you own names none)
    kUnknownOffer = 1u << 8,      // cloud.offer names no catalog offer
    kMixIsHomeLab = 1u << 9,      // hybrid: the cheapest mix keeps all work at home, so it is the home lab
};
constexpr std::uint32_t kLastBlocker = kMixIsHomeLab;

// Monthly running costs by kind (steady state; USD per month).
struct MonthlyBreakdown {
    double power_usd = 0;       // electricity at load and at idle, with cooling overhead
    double maintenance_usd = 0; // repairs and spares, spread per month
    double gpu_hours_usd = 0;   // cloud GPU-hours (spot rework included)
    double storage_usd = 0;     // cloud storage of your data
    double egress_usd = 0;      // data downloaded out of the cloud
    double idle_usd = 0;        // forgotten instances and stopped-volume charges
    double compliance_usd = 0;  // a compliant cloud setup for confidential data
    double Total() const
    {
        return power_usd + maintenance_usd + gpu_hours_usd + storage_usd + egress_usd + idle_usd + compliance_usd;
    }
};

struct OptionCost {
    std::uint32_t blockers = 0;
    double upfront_usd = 0;      // money spent at month 0: hardware bought (or an owned machine's upgrade)
    double forgone_sale_usd = 0; // an owned machine kept: what selling it now would bring (a cost, not money spent)
    // Energy and emissions a month: the machine at home (on its grid) and the cloud GPUs (on their region's).
    double home_kwh_per_month = 0, cloud_kwh_per_month = 0;
    double home_grid_gco2_per_kwh = 0, cloud_grid_gco2_per_kwh = 0;
    double co2e_kg_per_month = 0;
    double embodied_co2e_kg = 0; // making the GPUs bought for it, once (0 for a machine already owned)
    double min_upfront_usd = 0;  // the least money up front any way of running this option needs
    // Hardware paid in instalments (home.finance_months): the price borrowed instead of paid up front, the
    // payment a month while the loan runs, and what the loan costs within the horizon (payments made and any
    // balance paid off at its end: the price plus interest). All 0 when paid up front.
    double financed_usd = 0, finance_usd_per_month = 0, finance_paid_usd = 0;
    int finance_months = 0;
    double monthly_usd = 0; // running cost per month (upfront excluded)
    double resale_usd = 0;  // value recovered at the end of the horizon
    double total_usd = 0;   // upfront + forgone sale + running - resale over the horizon
    MonthlyBreakdown monthly;
    // The machine or plan this cost is for.
    int gpu_index = -1; // catalog GPU bought (home, hybrid's local part); -1 none
    int gpu_count = 0;
    int offer_index = -1; // catalog cloud offer used (cloud, hybrid's cloud part); -1 none
    int offer_gpus = 0;   // GPUs per cloud instance
    double load_watts = 0, idle_watts = 0;
    double local_work_hours_per_week = 0;     // RTX 4090-equivalent hours run at home
    double local_busy_hours_per_week = 0;     // hours the machine at home is busy with them (its GPUs' speed)
    double local_on_hours_per_week = 0;       // hours it is switched on, busy or idle
    double cloud_work_hours_per_week = 0;     // RTX 4090-equivalent hours run in the cloud
    double cloud_gpu_hours_per_week = 0;      // billed cloud GPU-hours
    double cloud_usd_per_gpu_hour = 0;        // the rate billed (on demand, spot, or the person's own)
    bool cloud_spot = false;                  // billed at the offer's spot rate (with the rework overhead)
    double cloud_data_gb = 0;                 // data kept in the cloud's storage
    double cloud_egress_gb_per_month = 0;     // data downloaded out of the cloud
    double cloud_instance_hours_per_week = 0; // hours an instance runs (a stopped one keeps its disk)
    bool cloud_confidential = false;          // priced with a compliant setup for confidential data
    double cloud_speed = 0;                   // the cloud GPU against an RTX 4090
    int local_parallel_jobs = 0;              // copies of the job the machine at home runs at once
    double burst_share_to_cloud = 0;          // hybrid: share of the bursts sent to the cloud
    double capacity_work_hours_per_week = 0;  // what the local machine can run per week
    bool bursts_queue = false;                // home: peak weeks exceed capacity, work waits
    bool Feasible() const { return blockers == 0; }
    // The most money going out in a month: running costs, and an instalment while a loan runs (what a
    // monthly budget judges).
    double MonthlyOutlayUsd() const { return monthly_usd + finance_usd_per_month; }
};

struct Evaluation {
    std::array<OptionCost, kOptionCount> cost;
    std::array<FactorArray, kOptionCount> factors{}; // 0..10 each
    std::array<double, kOptionCount> factor_score{}; // weighted mean of the factors, 0..10
    std::array<int, kOptionCount> rules_matched{};   // course rules that point to the option
    std::array<double, kOptionCount> score{};        // factor_score + rule bonus
    Option recommended = Option::cloud;
    double margin = 0;               // recommended score minus the runner-up's
    Option runner_up = Option::home; // the next best among the same candidates (any other when it is alone)
    bool any_feasible = false;
    bool hybrid_dominated = false; // the hybrid fits but costs more than every option that fits, for nothing asked for
};

// What an evaluation recommends: the option, and whether it fits (false: nothing fits, it comes closest).
struct Outcome {
    Option option = Option::cloud;
    bool fits = true;
    bool operator==(const Outcome& o) const { return option == o.option && fits == o.fits; }
    bool operator!=(const Outcome& o) const { return !(*this == o); }
};
inline Outcome OutcomeOf(const Evaluation& e) { return Outcome{e.recommended, e.any_feasible}; }

// Everything the scenario and catalog fix before the per-hour search (resolved figures and overrides).
struct Prepared;

// One full evaluation.
Evaluation Evaluate(const Scenario& s, const Catalog& c);

} // namespace labcalc::core
