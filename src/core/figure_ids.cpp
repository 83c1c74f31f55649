#include "core/figure_ids.hpp"

#include <algorithm>
#include <cmath>

#include "core/text_format.hpp"

namespace labcalc::core {

const std::vector<FigureRule>& FigureRules()
{
    static const std::vector<FigureRule> kRules = {
        {"defaults.electricity_usd_per_kwh", 0, 5},
        {"defaults.grid_gco2_per_kwh", 0, 2000},
        {"home.base_system_usd", 0, 1e6},
        {"home.base_load_watts", 0, 10000},
        {"home.base_idle_watts", 0, 10000},
        {"home.psu_ups_usd_per_kw", 0, 1e5},
        {"home.cooling_overhead_pct", 0, 200},
        {"home.maintenance_pct_per_year", 0, 100},
        {"home.gpu_depreciation_pct_per_year", 0, 100},
        {"home.system_depreciation_pct_per_year", 0, 100},
        {"home.resale_fee_pct", 0, 100},
        {"home.idle_on_pct_of_busy", 0, 1000},
        {"home.embodied_kg_co2e_per_gpu", 0, 100000},
        {"home.max_gpus", 1, 16},
        {"home.max_utilization_pct", 1, 100},
        {"home.disk_usd_per_tb", 0, 1e5},
        {"cloud.storage_usd_per_gb_month", 0, 100},
        {"cloud.egress_usd_per_gb", 0, 100},
        {"cloud.egress_free_gb_per_month", 0, 1e7},
        {"cloud.idle_overhead_pct", 0, 500},
        {"cloud.working_volume_gb", 0, 1e6},
        {"cloud.stopped_volume_usd_per_gb_month", 0, 100},
        {"cloud.spot_interruption_overhead_pct", 0, 500},
        {"cloud.confidential_overhead_pct", 0, 500},
        {"cloud.confidential_usd_per_month", 0, 1e6},
        {"cloud.pue", 1, 3},
        {"cloud.default_grid_gco2_per_kwh", 0, 2000},
        {"workload.burst_peak_factor", 1, 52},
        {"workload.memory_overhead_pct", 0, 200},
        {"workload.decode_bandwidth_use_pct", 1, 100},
        {"workload.train_peak_use_pct", 1, 100},
        {"workload.lora_trainable_pct", 0.001, 100},
        {"workload.image_seconds_rtx4090", 0.01, 3600},
        {"workload.image_reference_params_b", 0.01, 1000},
        {"model.rule_bonus_points", 0, 10},
    };
    return kRules;
}

const FigureRule* FindFigureRule(std::string_view id)
{
    for (const FigureRule& r : FigureRules())
        if (id == r.id)
            return &r;
    return nullptr;
}

namespace {

double Value(const Scenario& s, const Catalog& c, const char* id)
{
    const FigureRule* rule = FindFigureRule(id);
    double v = 0;
    if (auto o = s.assumptions.find(id); o != s.assumptions.end())
        v = o->second;
    else if (auto f = c.figures.find(id); f != c.figures.end())
        v = f->second.value;
    else
        v = rule ? rule->min_value : 0;
    // Overrides are checked against the same range as catalog values.
    return rule ? std::clamp(v, rule->min_value, rule->max_value) : v;
}

} // namespace

const char* FieldForFigure(std::string_view figure_id)
{
    if (figure_id == "defaults.electricity_usd_per_kwh")
        return "electricity_usd_per_kwh";
    if (figure_id == "cloud.idle_overhead_pct")
        return "cloud.idle_overhead_pct";
    return nullptr;
}

ResolvedFigures ResolveFigures(const Scenario& s, const Catalog& c)
{
    ResolvedFigures r;
    r.electricity_usd_per_kwh =
        s.electricity_usd_per_kwh ? *s.electricity_usd_per_kwh : Value(s, c, "defaults.electricity_usd_per_kwh");
    // Where the person lives: its tariff (unless they gave theirs) and its grid.
    const Country* place = s.country ? FindCountry(c, *s.country) : nullptr;
    if (!s.electricity_usd_per_kwh && place && !s.assumptions.count("defaults.electricity_usd_per_kwh"))
        r.electricity_usd_per_kwh = place->electricity_usd_per_kwh.value;
    r.grid_gco2_per_kwh = place && !s.assumptions.count("defaults.grid_gco2_per_kwh")
        ? place->grid_gco2_per_kwh.value
        : Value(s, c, "defaults.grid_gco2_per_kwh");
    r.pue = Value(s, c, "cloud.pue");
    r.sales_tax_pct = s.home.sales_tax_pct ? *s.home.sales_tax_pct
        : place && place->vat_pct          ? place->vat_pct->value
                                           : 0.0;
    r.embodied_kg_co2e_per_gpu = Value(s, c, "home.embodied_kg_co2e_per_gpu");
    r.cloud_default_grid_gco2_per_kwh = Value(s, c, "cloud.default_grid_gco2_per_kwh");
    r.base_system_usd = Value(s, c, "home.base_system_usd");
    r.base_load_watts = Value(s, c, "home.base_load_watts");
    r.base_idle_watts = Value(s, c, "home.base_idle_watts");
    r.psu_ups_usd_per_kw = Value(s, c, "home.psu_ups_usd_per_kw");
    r.cooling_overhead_pct = Value(s, c, "home.cooling_overhead_pct");
    r.maintenance_pct_per_year = Value(s, c, "home.maintenance_pct_per_year");
    r.gpu_depreciation_pct_per_year = Value(s, c, "home.gpu_depreciation_pct_per_year");
    r.system_depreciation_pct_per_year = Value(s, c, "home.system_depreciation_pct_per_year");
    r.resale_fee_pct = Value(s, c, "home.resale_fee_pct");
    r.idle_on_pct_of_busy = Value(s, c, "home.idle_on_pct_of_busy");
    r.max_gpus = static_cast<int>(std::floor(Value(s, c, "home.max_gpus")));
    r.max_utilization_pct = Value(s, c, "home.max_utilization_pct");
    r.disk_usd_per_tb = Value(s, c, "home.disk_usd_per_tb");
    r.storage_usd_per_gb_month = Value(s, c, "cloud.storage_usd_per_gb_month");
    r.egress_usd_per_gb = Value(s, c, "cloud.egress_usd_per_gb");
    r.egress_free_gb_per_month = Value(s, c, "cloud.egress_free_gb_per_month");
    r.idle_overhead_pct =
        s.cloud.idle_overhead_pct ? *s.cloud.idle_overhead_pct : Value(s, c, "cloud.idle_overhead_pct");
    r.working_volume_gb = Value(s, c, "cloud.working_volume_gb");
    r.stopped_volume_usd_per_gb_month = Value(s, c, "cloud.stopped_volume_usd_per_gb_month");
    r.spot_interruption_overhead_pct = Value(s, c, "cloud.spot_interruption_overhead_pct");
    r.confidential_overhead_pct = Value(s, c, "cloud.confidential_overhead_pct");
    r.confidential_usd_per_month = Value(s, c, "cloud.confidential_usd_per_month");
    r.burst_peak_factor = Value(s, c, "workload.burst_peak_factor");
    r.memory_overhead_pct = Value(s, c, "workload.memory_overhead_pct");
    r.decode_bandwidth_use_pct = Value(s, c, "workload.decode_bandwidth_use_pct");
    r.train_peak_use_pct = Value(s, c, "workload.train_peak_use_pct");
    r.lora_trainable_pct = Value(s, c, "workload.lora_trainable_pct");
    r.image_seconds_rtx4090 = Value(s, c, "workload.image_seconds_rtx4090");
    r.image_reference_params_b = Value(s, c, "workload.image_reference_params_b");
    r.rule_bonus_points = Value(s, c, "model.rule_bonus_points");
    return r;
}

Catalog ApplyPriceOverrides(const Scenario& s, const Catalog& c)
{
    Catalog out = c;
    if (s.assumptions.empty())
        return out;
    for (GpuModel& g : out.gpus)
        if (auto o = s.assumptions.find("gpu." + g.id + ".price_usd"); o != s.assumptions.end())
            g.price_usd.value = o->second;
    for (CloudOffer& o : out.offers) {
        if (auto v = s.assumptions.find("offer." + o.id + ".usd_per_gpu_hour"); v != s.assumptions.end())
            o.usd_per_gpu_hour.value = std::min(v->second, 1000.0);
        if (auto v = s.assumptions.find("offer." + o.id + ".spot_usd_per_gpu_hour"); v != s.assumptions.end()) {
            if (!o.spot_usd_per_gpu_hour)
                o.spot_usd_per_gpu_hour = Figure{0, "USD/GPU-h", o.name + ", spot", "", "", {}};
            o.spot_usd_per_gpu_hour->value = std::min(v->second, 1000.0);
        }
    }
    return out;
}

Status CheckAssumptionIds(const Scenario& s, const Catalog& c)
{
    if (s.country && !FindCountry(c, *s.country))
        return Status::Fail("country: '" + Printable(*s.country, 20) + "' is not a country of the catalog (" +
                            std::to_string(c.countries.size()) + " are, e.g. DE, IN, US)");
    if (s.currency && !FindCurrency(c, *s.currency))
        return Status::Fail("currency: '" + Printable(*s.currency, 20) + "' is not a currency of the catalog (" +
                            std::to_string(c.currencies.size()) + " are, e.g. EUR, INR, USD)");
    for (const auto& [id, value] : s.assumptions) {
        if (const FigureRule* rule = FindFigureRule(id)) {
            if (value < rule->min_value || value > rule->max_value)
                return Status::Fail("assumptions." + id + ": must be from " + FormatNumber(rule->min_value) + " to " +
                                    FormatNumber(rule->max_value) + " (got " + FormatNumber(value) + ")");
            continue;
        }
        bool known = false;
        for (const GpuModel& g : c.gpus)
            known = known || id == "gpu." + g.id + ".price_usd";
        for (const CloudOffer& o : c.offers)
            known = known || id == "offer." + o.id + ".usd_per_gpu_hour" ||
                id == "offer." + o.id + ".spot_usd_per_gpu_hour";
        if (!known)
            return Status::Fail("assumptions." + Printable(id, 80) +
                                ": unknown figure id (see the report's assumptions for the ids)");
    }
    return Status::Ok();
}

} // namespace labcalc::core
