#pragma once
// The catalog: every price, power figure and rule the model uses, each with its source and date.
// assets/catalog.json is compiled in as the default; a user can load their own.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// The largest catalog the reader accepts (documented in docs/report-schema.md).
constexpr std::size_t kMaxCatalogBytes = 4u << 20; // 4 MiB
// The most dated values an offer price keeps: enough for a year of monthly changes, short enough that a
// catalog stays readable and its diffs small.
constexpr std::size_t kMaxPriceHistory = 12;

// One value a price had, and the date its source gave for it.
struct PricePoint {
    std::string date; // YYYY, YYYY-MM or YYYY-MM-DD
    double value = 0;
};

struct Figure {
    double value = 0;
    std::string unit;   // "USD", "W", "%", "USD/kWh", ...
    std::string label;  // what the figure is, in a few words
    std::string source; // where it comes from (publication, page, or "labcalc assumption: why")
    std::string date;   // YYYY-MM or YYYY-MM-DD: when the source stated it
    // Offer prices only: earlier values, oldest first, one per date, none dated after `date`, at most
    // kMaxPriceHistory (the price import keeps it; docs/prices.md). Empty for every other figure.
    std::vector<PricePoint> history;
};

// How far a price has moved since the oldest value its history keeps.
struct PriceMove {
    std::string since; // the oldest history entry's date
    double from = 0;   // its value
    double pct = 0;    // (value - from) / from x 100
};
// nullopt when the figure keeps no history, or its oldest value is 0.
[[nodiscard]] std::optional<PriceMove> PriceMoveSinceOldest(const Figure& f);
// One sentence for a report when the price moved by at least `min_pct` percent since the oldest value its
// history keeps ("This price rose 12% since 2026-06 (from 1.006 to 1.127 USD/GPU-h)."); "" otherwise.
std::string PriceMoveNote(const Figure& f, double min_pct = 10);

// One GPU chip's published figures, shared by the home GPUs and cloud offers built on it. The workload
// builder (workload.hpp) turns a task into hours on each GPU from them.
struct GpuChip {
    std::string id, name;
    // Each figure may be missing (no source found): a task then falls back to the next figure, then to the
    // GPU's catalog `speed` (workload.hpp, ChipSpeed).
    std::optional<Figure> bandwidth_gb_per_s; // peak memory bandwidth
    std::optional<Figure> bf16_tflops;        // peak dense 16-bit tensor throughput (FP32 accumulate)
    std::optional<Figure> llm_tokens_per_s;   // measured: llama.cpp token generation, Llama 3 8B Q4_K_M, one GPU
    std::optional<Figure> train_vs_rtx4090;   // measured: PyTorch training throughput against an RTX 4090
    std::optional<Figure> tdp_watts;          // board power: a cloud GPU's energy, for its carbon
};

// A currency money can be shown in (scenario `currency`): its rate is the source's own quote, units per euro
// (the European Central Bank publishes its reference rates so); a dollar is per_eur / USD's per_eur.
struct Currency {
    std::string code, name; // ISO 4217: "EUR", "euro"
    std::string symbol;     // written before the amount: "$", "\u20ac" (UTF-8), "CHF " (a code and a space)
    Figure per_eur;         // units of this currency one euro buys, with the rate's source and date
};

// A country's household electricity price and its grid's carbon intensity (scenario `country`).
struct Country {
    std::string code, name;         // ISO 3166-1 alpha-2
    std::string currency;           // its money, a catalog currency code ("" none listed: prices in USD)
    Figure electricity_usd_per_kwh; // in USD (a source's own currency converted, as its source text says)
    Figure grid_gco2_per_kwh;       // carbon intensity of the electricity generated
    std::optional<Figure> vat_pct;  // standard VAT or sales tax on goods: the default tax on home hardware
};
// The chip hours of work are counted in ("hours of an RTX 4090-class GPU"); the workload builder needs its
// bandwidth and 16-bit throughput.
constexpr const char* kReferenceChipId = "rtx4090";

struct GpuModel {
    std::string id, name;
    std::string chip; // a catalog chip id ("" none: its `speed` serves every task)
    std::string tier; // consumer | workstation | datacenter
    double vram_gb = 0;
    double speed = 1;      // throughput relative to an RTX 4090 (1.0)
    double load_watts = 0; // board power under load
    double idle_watts = 0; // board power when idle
    Figure price_usd;
    std::string specs_source, specs_date;
};

struct CloudOffer {
    std::string id, name, gpu;
    std::string chip; // a catalog chip id ("" none: its `speed` serves every task)
    ProviderKind kind = ProviderKind::hyperscaler;
    double vram_gb = 0; // per GPU
    double speed = 1;   // relative to an RTX 4090
    int max_gpus = 8;   // most GPUs of this kind one instance offers
    Figure usd_per_gpu_hour;
    std::optional<Figure> spot_usd_per_gpu_hour;
    // The provider's own disk prices; unset: the catalog's cloud.storage_usd_per_gb_month and
    // cloud.stopped_volume_usd_per_gb_month figures.
    std::optional<Figure> storage_usd_per_gb_month;        // keeping your data between runs
    std::optional<Figure> stopped_volume_usd_per_gb_month; // the instance's disk while it is stopped
    std::optional<Figure> grid_gco2_per_kwh;               // its region's grid; unset: cloud.default_grid_gco2_per_kwh
};

struct Catalog {
    int schema = 1;
    std::string as_of;                // date the catalog was last checked
    int stale_after_days = 365;       // figures older than this are flagged
    std::string about_json;           // the `about` note as compact JSON ("" when absent): not read, written back
    std::vector<GpuChip> chips;       // optional: without them the workload builder cannot work out hours
    std::vector<Currency> currencies; // optional: without them money is shown in US dollars only
    std::vector<Country> countries;   // optional: without them every place has the catalog's defaults
    std::vector<GpuModel> gpus;
    std::vector<CloudOffer> offers;
    std::map<std::string, Figure> figures; // scalar figures by id (see figure_ids.hpp)
    // Not in the file: true in the copy the workload builder made, whose GPU and offer speeds are already for
    // the scenario's tasks (workload.hpp), so they are not worked out again from speeds that are no longer the
    // catalog's.
    bool speeds_for_tasks = false;
};

Expected<Catalog> ParseCatalog(std::string_view json_text);
// The chip with id `id`, or null.
const GpuChip* FindChip(const Catalog& c, std::string_view id);
// The country with ISO code `code`, or null.
const Country* FindCountry(const Catalog& c, std::string_view code);
// The currency with ISO code `code`, or null.
const Currency* FindCurrency(const Catalog& c, std::string_view code);
// The catalog as a file, in the layout of assets/catalog.json: the top-level keys, then one line per figure,
// GPU and offer, each with its keys in the order docs/report-schema.md lists them, numbers in their shortest
// form (16, not 16.0), ending with a newline. ParseCatalog reads it back to the same catalog, so a program
// that changes a few prices (the price import) changes only those lines.
std::string CatalogToJson(const Catalog& c);
// The catalog compiled in from assets/catalog.json.
Catalog LoadDefaultCatalog();

} // namespace labcalc::core
