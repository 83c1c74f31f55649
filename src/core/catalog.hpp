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

struct Figure {
    double value = 0;
    std::string unit;   // "USD", "W", "%", "USD/kWh", ...
    std::string label;  // what the figure is, in a few words
    std::string source; // where it comes from (publication, page, or "labcalc assumption: why")
    std::string date;   // YYYY-MM or YYYY-MM-DD: when the source stated it
};

struct GpuModel {
    std::string id, name;
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
};

struct Catalog {
    int schema = 1;
    std::string as_of;          // date the catalog was last checked
    int stale_after_days = 365; // figures older than this are flagged
    std::vector<GpuModel> gpus;
    std::vector<CloudOffer> offers;
    std::map<std::string, Figure> figures; // scalar figures by id (see figure_ids.hpp)
};

Expected<Catalog> ParseCatalog(std::string_view json_text);
std::string CatalogToJson(const Catalog& c);
// The catalog compiled in from assets/catalog.json.
Catalog LoadDefaultCatalog();

} // namespace labcalc::core
