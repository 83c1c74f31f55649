#include "core/figure_ids.hpp"

#include <algorithm>
#include <cmath>

#include "core/text_format.hpp"

namespace labcalc::core {

namespace {

constexpr FigureRule kRules[] = {
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
constexpr int kRuleCount = static_cast<int>(sizeof(kRules) / sizeof(kRules[0]));

// A rule's place in kRules. Used while compiling (Rule<...> below), where an id that names no rule reads
// kRules[-1] and does not build.
constexpr int RuleAt(std::string_view id)
{
    int found = -1;
    for (int i = 0; i < kRuleCount && found < 0; ++i)
        if (id == kRules[i].id)
            found = i;
    return kRules[found].id ? found : -1;
}

// The rules' ids in the order of the catalog's and the scenario's maps (std::string compares as
// std::string_view does), so a figure id is found by a binary search or a walk in step, with no string built.
struct SortedIds {
    std::string_view id[kRuleCount];
    int rule[kRuleCount];
};
const SortedIds& Sorted()
{
    static const SortedIds sorted = [] {
        SortedIds out{};
        int order[kRuleCount];
        for (int i = 0; i < kRuleCount; ++i)
            order[i] = i;
        std::sort(order, order + kRuleCount,
                  [](int a, int b) { return std::string_view(kRules[a].id) < std::string_view(kRules[b].id); });
        for (int i = 0; i < kRuleCount; ++i) {
            out.id[i] = kRules[order[i]].id;
            out.rule[i] = order[i];
        }
        return out;
    }();
    return sorted;
}

// Calls fn(rule, value) for each entry of `figures` (a map by figure id) that names a rule. The map and the rules'
// ids are both in order, so one walk of each finds them (a binary search per entry was a fifth of an
// evaluation's time).
template <class Map, class Fn>
void ForEachRuleIn(const Map& figures, Fn fn)
{
    const SortedIds& s = Sorted();
    int k = 0;
    for (const auto& [id, value] : figures) {
        while (k < kRuleCount && s.id[k] < std::string_view(id))
            ++k;
        if (k == kRuleCount)
            return;
        if (s.id[k] == std::string_view(id))
            fn(s.rule[k], value);
    }
}

int RuleIndex(std::string_view id)
{
    const SortedIds& s = Sorted();
    const std::string_view* at = std::lower_bound(s.id, s.id + kRuleCount, id);
    return at != s.id + kRuleCount && *at == id ? s.rule[at - s.id] : -1;
}

} // namespace

const std::vector<FigureRule>& FigureRules()
{
    static const std::vector<FigureRule> kList(std::begin(kRules), std::end(kRules));
    return kList;
}

const FigureRule* FindFigureRule(std::string_view id)
{
    const int i = RuleIndex(id);
    return i >= 0 ? &kRules[i] : nullptr;
}

const char* FieldForFigure(std::string_view figure_id)
{
    if (figure_id == "defaults.electricity_usd_per_kwh")
        return "electricity_usd_per_kwh";
    if (figure_id == "cloud.idle_overhead_pct")
        return "cloud.idle_overhead_pct";
    return nullptr;
}

namespace {

// Every rule's figure as the model uses it: the scenario's override, else the catalog's value, else the least
// the rule allows; overrides are checked against the same range as catalog values. One pass over each map,
// no string built (the model resolves its figures on every evaluation).
struct FigureValues {
    double value[kRuleCount];
    bool overridden[kRuleCount];

    FigureValues(const Scenario& s, const Catalog& c)
    {
        for (int i = 0; i < kRuleCount; ++i) {
            value[i] = kRules[i].min_value;
            overridden[i] = false;
        }
        ForEachRuleIn(c.figures, [this](int i, const Figure& figure) { value[i] = figure.value; });
        ForEachRuleIn(s.assumptions, [this](int i, double v) {
            value[i] = v;
            overridden[i] = true;
        });
        for (int i = 0; i < kRuleCount; ++i)
            value[i] = std::clamp(value[i], kRules[i].min_value, kRules[i].max_value);
    }
};

// The index of a rule named by a literal id, as a constant.
template <int Index>
constexpr int kRule = Index;

} // namespace

// The rule an id names, worked out while compiling.
#define LABCALC_RULE(id) kRule<RuleAt(id)>

ResolvedFigures ResolveFigures(const Scenario& s, const Catalog& c)
{
    const FigureValues f(s, c);
    auto v = [&f](int rule) { return f.value[rule]; };
    ResolvedFigures r;
    // Where the person lives sets its tariff (unless they gave theirs, or overrode the catalog's), its grid (unless
    // overridden) and the tax on hardware (unless they gave theirs).
    const Country* place = s.country ? FindCountry(c, *s.country) : nullptr;
    r.electricity_from = s.electricity_usd_per_kwh                                 ? FigureFrom::input
        : place && !f.overridden[LABCALC_RULE("defaults.electricity_usd_per_kwh")] ? FigureFrom::country
                                                                                   : FigureFrom::catalog;
    r.electricity_usd_per_kwh = r.electricity_from == FigureFrom::input ? *s.electricity_usd_per_kwh
        : r.electricity_from == FigureFrom::country                     ? place->electricity_usd_per_kwh.value
                                                    : v(LABCALC_RULE("defaults.electricity_usd_per_kwh"));
    r.grid_from =
        place && !f.overridden[LABCALC_RULE("defaults.grid_gco2_per_kwh")] ? FigureFrom::country : FigureFrom::catalog;
    r.grid_gco2_per_kwh = r.grid_from == FigureFrom::country ? place->grid_gco2_per_kwh.value
                                                             : v(LABCALC_RULE("defaults.grid_gco2_per_kwh"));
    r.pue = v(LABCALC_RULE("cloud.pue"));
    r.sales_tax_from = s.home.sales_tax_pct ? FigureFrom::input
        : place && place->vat_pct           ? FigureFrom::country
                                            : FigureFrom::catalog;
    r.sales_tax_pct = r.sales_tax_from == FigureFrom::input ? *s.home.sales_tax_pct
        : r.sales_tax_from == FigureFrom::country           ? place->vat_pct->value
                                                            : 0.0;
    r.embodied_kg_co2e_per_gpu = v(LABCALC_RULE("home.embodied_kg_co2e_per_gpu"));
    r.cloud_default_grid_gco2_per_kwh = v(LABCALC_RULE("cloud.default_grid_gco2_per_kwh"));
    r.base_system_usd = v(LABCALC_RULE("home.base_system_usd"));
    r.base_load_watts = v(LABCALC_RULE("home.base_load_watts"));
    r.base_idle_watts = v(LABCALC_RULE("home.base_idle_watts"));
    r.psu_ups_usd_per_kw = v(LABCALC_RULE("home.psu_ups_usd_per_kw"));
    r.cooling_overhead_pct = v(LABCALC_RULE("home.cooling_overhead_pct"));
    r.maintenance_pct_per_year = v(LABCALC_RULE("home.maintenance_pct_per_year"));
    r.gpu_depreciation_pct_per_year = v(LABCALC_RULE("home.gpu_depreciation_pct_per_year"));
    r.system_depreciation_pct_per_year = v(LABCALC_RULE("home.system_depreciation_pct_per_year"));
    r.resale_fee_pct = v(LABCALC_RULE("home.resale_fee_pct"));
    r.idle_on_pct_of_busy = v(LABCALC_RULE("home.idle_on_pct_of_busy"));
    r.max_gpus = static_cast<int>(std::floor(v(LABCALC_RULE("home.max_gpus"))));
    r.max_utilization_pct = v(LABCALC_RULE("home.max_utilization_pct"));
    r.disk_usd_per_tb = v(LABCALC_RULE("home.disk_usd_per_tb"));
    r.storage_usd_per_gb_month = v(LABCALC_RULE("cloud.storage_usd_per_gb_month"));
    r.egress_usd_per_gb = v(LABCALC_RULE("cloud.egress_usd_per_gb"));
    r.egress_free_gb_per_month = v(LABCALC_RULE("cloud.egress_free_gb_per_month"));
    r.idle_overhead_pct =
        s.cloud.idle_overhead_pct ? *s.cloud.idle_overhead_pct : v(LABCALC_RULE("cloud.idle_overhead_pct"));
    r.working_volume_gb = v(LABCALC_RULE("cloud.working_volume_gb"));
    r.stopped_volume_usd_per_gb_month = v(LABCALC_RULE("cloud.stopped_volume_usd_per_gb_month"));
    r.spot_interruption_overhead_pct = v(LABCALC_RULE("cloud.spot_interruption_overhead_pct"));
    r.confidential_overhead_pct = v(LABCALC_RULE("cloud.confidential_overhead_pct"));
    r.confidential_usd_per_month = v(LABCALC_RULE("cloud.confidential_usd_per_month"));
    r.burst_peak_factor = v(LABCALC_RULE("workload.burst_peak_factor"));
    r.memory_overhead_pct = v(LABCALC_RULE("workload.memory_overhead_pct"));
    r.decode_bandwidth_use_pct = v(LABCALC_RULE("workload.decode_bandwidth_use_pct"));
    r.train_peak_use_pct = v(LABCALC_RULE("workload.train_peak_use_pct"));
    r.lora_trainable_pct = v(LABCALC_RULE("workload.lora_trainable_pct"));
    r.image_seconds_rtx4090 = v(LABCALC_RULE("workload.image_seconds_rtx4090"));
    r.image_reference_params_b = v(LABCALC_RULE("workload.image_reference_params_b"));
    r.rule_bonus_points = v(LABCALC_RULE("model.rule_bonus_points"));
    return r;
}

#undef LABCALC_RULE

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
