#pragma once
// Price import: public GPU price tables brought into a catalog, offline, by pure functions the command line,
// the page and the desktop app can all call (the caller reads the files and passes their text and names).
// docs/prices.md describes the three formats, the GPU alias table, how rows become offers and the history.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/expected.hpp"

namespace labcalc::core {

// The largest price table a face reads: SkyPilot's AWS table alone is over 3 MB and grows.
constexpr std::size_t kMaxPriceFileBytes = 64u << 20; // 64 MiB

enum class PriceFormat {
    skypilot,     // SkyPilot's catalog tables, catalogs/<version>/<cloud>/vms.csv
    fsdl,         // the Full Stack Deep Learning cloud GPU table, cloud-gpus.csv
    per_gpu_hour, // a per-GPU-hour table with a provenance column per row (provider, gpu_type, provisioning, ...)
};
const char* PriceFormatKey(PriceFormat f);   // "skypilot", "fsdl", "per-gpu-hour" (the command line's --format)
const char* PriceFormatTitle(PriceFormat f); // "a SkyPilot catalog table (vms.csv)", ...
std::optional<PriceFormat> PriceFormatFromKey(std::string_view key);
// The format whose columns the table's header row names (in any order, any letter case); nullopt when the
// text has no header row or it names none of them.
std::optional<PriceFormat> DetectPriceFormat(std::string_view text);

struct PriceFile {
    std::string name; // as the user gave it (a path): errors name it; sources and notes use its last part
    std::string text;
    // SkyPilot tables only: the cloud the table is for ("aws"), which is no column of it. "": the name of the
    // file's folder (catalogs/v8/aws/vms.csv is aws).
    std::string provider;
};

struct ImportOptions {
    PriceFormat format = PriceFormat::skypilot;
    std::string as_of;      // the date of the files' prices where a row states none (YYYY, YYYY-MM or YYYY-MM-DD)
    bool add_offers = true; // false: only update the offers the catalog has
};

enum class PriceKind { on_demand, spot };
const char* PriceKindKey(PriceKind k); // "on-demand", "spot"

// One price of an offer that both catalogs hold, whose value or date differs.
struct PriceChange {
    std::string offer_id;
    PriceKind kind = PriceKind::on_demand;
    std::optional<double> before, after; // USD/GPU-h; nullopt: no such price (a spot price can come or go)
    std::string before_date, after_date;
};

struct CatalogDiff {
    std::vector<std::string> added, removed; // offer ids
    std::vector<PriceChange> changes;        // in the order of the offers
    bool Empty() const { return added.empty() && removed.empty() && changes.empty(); }
};
// What differs between two catalogs' offers: offers added and removed (by id), and for offers in both, each
// on-demand or spot price whose value or date differs.
CatalogDiff DiffCatalogs(const Catalog& before, const Catalog& after);

struct ImportResult {
    Catalog catalog;                // the base with the imported prices: what a reader of its JSON would get
    CatalogDiff diff;               // base -> catalog
    std::vector<std::string> notes; // rows left out and values filled in, and why: one sentence each
};

// Reads every file in `options.format` and brings its prices into `base` (docs/prices.md, "How rows become
// offers"). All or nothing: the first problem is the error, naming the file, and the line and column where
// the text breaks a rule ("vms.csv: line 12, column 40 (Price): 'abc' is not a price"); a file in another
// format names the one it looks like. A catalog that already holds the files' prices comes back unchanged.
[[nodiscard]] Expected<ImportResult> ImportPrices(const Catalog& base, const std::vector<PriceFile>& files,
                                                  const ImportOptions& options);

// The import for a person: one line per offer added or removed and per price changed
// ("aws-g5-a10g on-demand 1.006 -> 1.100 USD/GPU-h (+9.3%)"), then the notes. Ends with a newline.
std::string ImportSummary(const ImportResult& r);

// The GPU alias table: names the price tables use, and the catalog GPU names they may mean. A name with more
// than one candidate (A100) is told apart by its memory; a name not listed is reported, never guessed.
struct GpuAlias {
    const char* name;                      // compared in upper case, letters and digits only ("H100 SXM" = H100SXM)
    std::vector<const char*> catalog_gpus; // the catalog offers' `gpu` names it can mean
};
const std::vector<GpuAlias>& GpuAliases();

} // namespace labcalc::core
