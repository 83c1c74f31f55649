#pragma once
// The scalar figures the model reads from the catalog, with the range each must lie in, and their
// values after the scenario's overrides. Overrides use the same ids ("assumptions": {"home.base_system_usd": 900})
// plus "gpu.<id>.price_usd", "offer.<id>.usd_per_gpu_hour" and "offer.<id>.spot_usd_per_gpu_hour".
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

struct FigureRule {
    const char* id;
    double min_value, max_value;
};
const std::vector<FigureRule>& FigureRules();
const FigureRule* FindFigureRule(std::string_view id);
// The scenario input that also sets a figure, and wins over its "assumptions" override ("electricity_usd_per_kwh"
// for "defaults.electricity_usd_per_kwh"); nullptr when the figure has no input of its own. A face that
// lets a person edit the figure edits that input, so one value never hides behind another.
const char* FieldForFigure(std::string_view figure_id);

// Where a figure a place can set came from: the person's own input, their country's, or the catalog (its default,
// or the person's override of it; for the sales tax, no figure: 0). Worked out once, in ResolveFigures; the
// report's sources and the workings say what these say.
enum class FigureFrom : unsigned char { input, country, catalog };

// Figures as the model uses them: catalog values with the scenario's overrides applied.
struct ResolvedFigures {
    double electricity_usd_per_kwh = 0;
    double base_system_usd = 0, base_load_watts = 0, base_idle_watts = 0;
    double psu_ups_usd_per_kw = 0, cooling_overhead_pct = 0, maintenance_pct_per_year = 0;
    double gpu_depreciation_pct_per_year = 0, system_depreciation_pct_per_year = 0, resale_fee_pct = 0;
    double idle_on_pct_of_busy = 0;
    int max_gpus = 1;
    double max_utilization_pct = 90, disk_usd_per_tb = 0;
    double storage_usd_per_gb_month = 0, egress_usd_per_gb = 0, egress_free_gb_per_month = 0;
    double idle_overhead_pct = 0, working_volume_gb = 0, stopped_volume_usd_per_gb_month = 0;
    double spot_interruption_overhead_pct = 0, confidential_overhead_pct = 0, confidential_usd_per_month = 0;
    double burst_peak_factor = 1, rule_bonus_points = 0;
    // The workload builder (workload.hpp).
    double memory_overhead_pct = 20, decode_bandwidth_use_pct = 60, train_peak_use_pct = 40, lora_trainable_pct = 0.2;
    double image_seconds_rtx4090 = 5, image_reference_params_b = 3.5;
    // Carbon: the home grid (the country's, else the default), the cloud's PUE and its grid without a region.
    double grid_gco2_per_kwh = 0, pue = 1, cloud_default_grid_gco2_per_kwh = 0, embodied_kg_co2e_per_gpu = 0;
    double sales_tax_pct = 0; // on home hardware: the person's, else the country's VAT, else 0
    FigureFrom electricity_from = FigureFrom::catalog, grid_from = FigureFrom::catalog,
               sales_tax_from = FigureFrom::catalog;
};
ResolvedFigures ResolveFigures(const Scenario& s, const Catalog& c);

// A catalog with the scenario's per-GPU and per-offer price overrides applied.
Catalog ApplyPriceOverrides(const Scenario& s, const Catalog& c);

// Ok when every id in s.assumptions names a catalog figure, GPU price or offer price; else the first that does not.
Status CheckAssumptionIds(const Scenario& s, const Catalog& c);

} // namespace labcalc::core
