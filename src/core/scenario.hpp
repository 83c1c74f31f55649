#pragma once
// A person's situation: every input of the calculator, with its default.
// Units are in the names. Catalog figures (prices, watts, rates) are not here: they come from the
// catalog and can be overridden one by one through `assumptions` (id -> value) or the named
// home.* / cloud.* overrides below.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace labcalc::core {

enum class Privacy { public_data, internal, confidential, on_premises_only };
enum class Experience { beginner, intermediate, advanced };
enum class CloudPricing { on_demand, spot };
enum class ProviderKind { any, hyperscaler, neocloud, marketplace };

// The ten factors of the course's comparison matrix, in the course's order, then carbon: not a row of the
// course's matrix but of its "noise and power consumption", scored only when given a weight (0 by default).
enum class Factor {
    initial_cost,
    ongoing_cost,
    scalability,
    data_privacy,
    maintenance,
    hardware_access,
    internet_required,
    learning_curve,
    flexibility,
    latency,
    carbon
};
constexpr int kFactorCount = 11;
constexpr int kCourseFactorCount = 10; // the course's own rows (carbon is the labcalc's addition)
using FactorArray = std::array<double, kFactorCount>;

struct HomeInputs {
    std::optional<std::string> gpu;      // catalog GPU id; unset: the cheapest that fits
    std::optional<int> gpu_count;        // unset: as many as the VRAM need and the peak load ask
    std::optional<double> hardware_usd;  // the whole home machine, replacing the catalog sum
    std::optional<double> sales_tax_pct; // VAT or sales tax on hardware bought; unset: the country's VAT, else 0
    std::optional<double> power_watts;   // draw of the whole machine under load
    std::optional<double> idle_watts;    // draw of the whole machine when on but idle
    std::optional<double> maintenance_usd_per_year;
    std::optional<double> resale_pct;        // value left at the end of the horizon, % of price
    std::optional<double> on_hours_per_week; // hours the machine is switched on, busy or idle; unset: it
                                             // follows the work (busy hours plus home.idle_on_pct_of_busy)
    // A machine you already have (home.gpu x home.gpu_count, one GPU when the count is unset): its price is
    // sunk. What counts is its running cost, an upgrade, and what selling it now would bring (forgone by
    // keeping it).
    bool owned = false;
    std::optional<double> owned_value_usd; // what a sale now would bring after fees; unset: its catalog price
                                           // less the selling fee
    std::optional<double> upgrade_usd;     // money spent on it now (unset: none)
    // The hardware paid in monthly instalments instead of up front (a loan or a shop's plan): over
    // finance_months at finance_apr_pct a year. Unset months: paid up front.
    std::optional<int> finance_months;
    double finance_apr_pct = 0;
};

struct CloudInputs {
    std::optional<std::string> offer; // catalog offer id; unset: the cheapest that fits
    ProviderKind provider = ProviderKind::any;
    CloudPricing pricing = CloudPricing::on_demand;
    std::optional<double> usd_per_gpu_hour;
    std::optional<double> storage_usd_per_month;
    std::optional<double> egress_usd_per_month;
    std::optional<double> idle_overhead_pct;
    std::optional<double> speed_vs_home; // 1.0 = a job takes the same hours in both
};

// One thing the person wants to run (the workload builder, workload.hpp). When a scenario lists tasks, its
// hours_per_week, vram_gb and burst_share_pct follow from them and the typed values are not used.
enum class TaskKind { chat, fine_tune, train, image };
enum class FineTuneMethod { lora, qlora, full };
struct Task {
    TaskKind kind = TaskKind::chat;
    double params_b = 8;                          // the model's parameters, in billions
    int weight_bits = 4;                          // chat: weights stored at 16, 8 or 4 bits
    double tokens_per_day = 100000;               // chat: tokens generated a day
    double context_tokens = 8192;                 // chat: tokens of context the KV cache holds
    FineTuneMethod method = FineTuneMethod::lora; // fine_tune
    double tokens_millions = 20;                  // fine_tune, train: tokens one run reads, in millions
    double runs_per_month = 1;                    // fine_tune, train: runs a month
    double images_per_day = 200;                  // image
};

// How far the inputs a person guesses may be off: each sample draws the value from a triangular spread of
// likely x (1 - spread) ... likely ... likely x (1 + spread) (uncertainty.hpp). 0 everywhere: no spread.
struct Spreads {
    double hours_pct = 30;          // hours of work a week (people guess their hours)
    double burst_share_pct = 30;    // the share of the work in bursts
    double electricity_pct = 20;    // the tariff over the horizon
    double cloud_price_pct = 25;    // cloud prices over the horizon (they drift, both ways)
    double hardware_price_pct = 15; // what the hardware costs when bought
    double resale_pct = 50;         // what it sells for at the end
    double on_hours_pct = 30;       // the hours the machine is left on
};

struct Scenario {
    // The three headline inputs.
    double budget_usd = 4000;            // money available up front
    double hours_per_week = 20;          // hours per week the work keeps one RTX 4090-class GPU busy
    Privacy privacy = Privacy::internal; // the strictest class of data you work with
    // The rest of the situation.
    double monthly_budget_usd = 300; // what you can spend each month on running costs
    double sensitive_work_pct = 100; // share of the work that touches data of that class
    int horizon_months = 36;
    double discount_rate_pct = 0;                  // a year: what money later is worth against money now
    std::optional<std::string> country;            // ISO code of a catalog country: its tariff and grid; unset: US
    std::optional<std::string> currency;           // ISO code of a catalog currency money is shown in; unset: the
                                                   // country's, else US dollars (the model works in US dollars)
    std::optional<double> electricity_usd_per_kwh; // unset: the country's tariff, else the catalog's default
    double vram_gb = 24;                           // GPU memory the largest job needs
    double burst_share_pct = 30;                   // workload shape: 0 steady ... 100 all in bursts
    int remote_collaborators = 0;                  // people who work with you from elsewhere
    Experience experience = Experience::intermediate;
    bool learn_hardware = false;                          // you want hands-on hardware and sysadmin experience
    bool wants_redundancy = false;                        // you want a second place to run and keep backups
    double internet_uptime_pct = 99;                      // share of working hours your connection is good
    double data_gb = 200;                                 // data kept for the work
    double egress_gb_per_month = 50;                      // data downloaded out of the cloud each month
    FactorArray weights{2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0}; // importance of each factor, 0..10 (carbon: 0)
    HomeInputs home;
    CloudInputs cloud;
    std::map<std::string, double> assumptions; // catalog figure id -> your value
    std::vector<Task> tasks;                   // what you want to run; empty: hours and VRAM as typed
    Spreads spreads;                           // how sure the inputs are (the "how sure" of the answer)
};

const char* FactorKey(Factor f);   // "initial_cost", ...
const char* FactorLabel(Factor f); // "Initial cost", ...
const char* PrivacyKey(Privacy p);
const char* PrivacyLabel(Privacy p); // in words: "public", ..., "on premises only"
const char* ProviderKey(ProviderKind k);
const char* TaskKindKey(TaskKind k);             // "chat", "fine_tune", "train", "image"
const char* TaskKindLabel(TaskKind k);           // "Run a chat model", ...
const char* FineTuneMethodKey(FineTuneMethod m); // "lora", "qlora", "full"

} // namespace labcalc::core
