// Each figure's working, built by running the cost formulas again on Traced numbers (see workings.hpp).
// Sections (each opens with a "[SECTION]" line):
//   Where a value comes from
//   The workings of one option: the machine at home, the cloud part, the running cost and the totals
//   Public API: BuildWorkings, WorkingIds
#include "core/workings.hpp"

#include <set>

#include "core/formulas.hpp"
#include "core/index.hpp"
#include "core/money.hpp"

namespace labcalc::core {
namespace {
namespace f = formulas;

// [SECTION] Where a value comes from --------------------------------------------------------------------------------

// Where a value comes from, as the working's terms say it.
std::string Input(const char* key) { return std::string("input ") + key; }
std::string FigureId(const char* id) { return std::string("figure ") + id; }
const char* kDerived = "derived";
std::string SpecsOrigin(const GpuModel& g)
{
    return "catalog GPU " + g.id + " specs: " + g.specs_source + ", " + g.specs_date;
}

// The country the person chose, when the catalog has it.
const Country* Place(const Prepared& p)
{
    return p.scenario.country ? FindCountry(p.catalog, *p.scenario.country) : nullptr;
}

// A named value whose own working is `id` (a reader can follow it there).
Traced Linked(Traced t, const std::string& id)
{
    for (WorkingTerm& term : t.terms)
        term.working = id;
    return t;
}

// [SECTION] The workings of one option: the machine at home, the cloud part, the running cost and the totals --------

struct Builder {
    const Prepared& p;
    const Money& money; // the report's: every amount of money is put in, worked out and shown in it
    std::vector<Working> out;

    // A named value (core::Term); an amount of money ("USD", "USD per kWh", ...) in the report's currency, at
    // the catalog's dated rate. Every cost formula is a sum of amounts, each times or over quantities that are
    // not money, so a working of converted amounts gives the converted figure (tests/core/test_workings.cpp).
    Traced Term(double value, std::string symbol, std::string name, std::string unit, std::string origin) const
    {
        if (IsUsdUnit(unit)) {
            value = FromUsd(value, money);
            unit = UnitIn(unit, money);
        }
        return core::Term(value, std::move(symbol), std::move(name), std::move(unit), std::move(origin));
    }

    void Add(const std::string& option_key, const std::string& option_label, const char* figure, const char* what,
             const char* unit, const Traced& t)
    {
        Working w;
        w.id = option_key + "." + figure;
        w.title = option_label + ": " + what;
        w.symbols = t.symbols;
        w.numbers = t.numbers;
        w.result = t.value;
        w.unit = UnitIn(unit, money);
        w.terms = t.terms;
        out.push_back(std::move(w));
    }

    // The tariff, the home grid and the tax on hardware come from where ResolveFigures took them.
    Traced Tariff() const
    {
        const Country* place = Place(p);
        return Term(p.fig.electricity_usd_per_kwh, "price", "electricity price", "USD per kWh",
                    p.fig.electricity_from == FigureFrom::input         ? Input("electricity_usd_per_kwh")
                        : p.fig.electricity_from == FigureFrom::country ? "catalog country " + place->code + ": " +
                            place->electricity_usd_per_kwh.source + ", " + place->electricity_usd_per_kwh.date
                                                                        : FigureId("defaults.electricity_usd_per_kwh"));
    }
    Traced HomeGrid() const
    {
        const Country* place = Place(p);
        return Term(p.fig.grid_gco2_per_kwh, "g_home", "carbon intensity of your grid", "grams per kWh",
                    p.fig.grid_from == FigureFrom::country ? "catalog country " + place->code + ": " +
                            place->grid_gco2_per_kwh.source + ", " + place->grid_gco2_per_kwh.date
                                                           : FigureId("defaults.grid_gco2_per_kwh"));
    }

    // The machine at home: its price (from catalog parts), electricity and upkeep.
    void Local(const std::string& key, const std::string& label, const OptionCost& c)
    {
        const Scenario& s = p.scenario;
        const GpuModel& g = At(p.catalog.gpus, c.gpu_index);
        if (s.home.owned && !s.home.owned_value_usd)
            Add(key, label, "forgone_sale_usd", "what selling your machine now would bring", "USD",
                f::AfterSellingFee<Traced>(Term(HardwareBasis(c, g), "H", "your machine on catalog prices", "USD",
                                                s.home.hardware_usd ? Input("home.hardware_usd") : kDerived),
                                           Term(p.fig.resale_fee_pct, "fee", "marketplace selling fee", "%",
                                                FigureId("home.resale_fee_pct"))));
        if (!s.home.hardware_usd && !s.home.owned) {
            const Traced load_w =
                f::MachineWatts<Traced>(Term(p.fig.base_load_watts, "P_base", "draw of the rest of the machine", "W",
                                             FigureId("home.base_load_watts")),
                                        Term(g.load_watts, "P_gpu", g.name + " draw under load", "W", SpecsOrigin(g)),
                                        Term(c.gpu_count, "n_gpu", "GPUs in the machine", "GPUs", kDerived));
            const Traced parts = f::HomeHardwareUsd<Traced>(
                Term(p.fig.base_system_usd, "C_base", "the rest of the machine", "USD",
                     FigureId("home.base_system_usd")),
                Term(g.price_usd.value, "C_gpu", g.name + " price", "USD", "catalog GPU " + g.id),
                Term(c.gpu_count, "n_gpu", "GPUs in the machine", "GPUs", kDerived), load_w,
                Term(p.fig.psu_ups_usd_per_kw, "C_psu", "power supply and UPS per kW", "USD per kW",
                     FigureId("home.psu_ups_usd_per_kw")),
                Term(s.data_gb, "D", "data kept", "GB", Input("data_gb")),
                Term(p.fig.disk_usd_per_tb, "C_disk", "disks per TB (a copy and a backup)", "USD per TB",
                     FigureId("home.disk_usd_per_tb")));
            Add(key, label, "hardware_usd", "hardware up front", "USD",
                p.fig.sales_tax_pct > 0
                    ? f::WithSalesTaxUsd<Traced>(parts,
                                                 Term(p.fig.sales_tax_pct, "tax", "sales tax or VAT", "%", TaxOrigin()))
                    : parts);
        }
        Add(key, label, "resale_usd", "resale at the end", "USD", s.home.owned ? OwnedResale(key, c) : Resale(c, g));
        if (!s.home.power_watts)
            Add(key, label, "load_watts", "the machine's draw under load", "W",
                f::MachineWatts<Traced>(Term(p.fig.base_load_watts, "P_base", "draw of the rest of the machine", "W",
                                             FigureId("home.base_load_watts")),
                                        Term(g.load_watts, "P_gpu", g.name + " draw under load", "W", SpecsOrigin(g)),
                                        Term(c.gpu_count, "n_gpu", "GPUs in the machine", "GPUs", kDerived)));
        if (c.local_parallel_jobs > 0)
            Add(key, label, "busy_hours_per_week", "hours a week the GPUs are busy", "h",
                f::BusyHoursPerWeek<Traced>(
                    Term(c.local_work_hours_per_week, "W_home", "work run at home a week, in RTX 4090 hours", "h",
                         c.local_work_hours_per_week == s.hours_per_week ? WorkOrigin() : kDerived),
                    Term(g.speed, "v", g.name + " speed against an RTX 4090", "", SpecsOrigin(g)),
                    Term(c.local_parallel_jobs, "j", "copies of the job the machine runs at once", "", kDerived)));
        const Traced busy =
            Linked(Term(c.local_busy_hours_per_week, "h_busy", "hours a week the GPUs are busy", "h", kDerived),
                   key + ".busy_hours_per_week");
        Add(key, label, "on_hours_per_week", "hours a week the machine is on", "h",
            f::OnHoursPerWeek<Traced>(
                busy,
                s.home.on_hours_per_week ? Term(*s.home.on_hours_per_week, "h_set", "your hours on a week", "h",
                                                Input("home.on_hours_per_week"))
                                         : Traced(-1.0),
                Term(p.fig.idle_on_pct_of_busy, "idle_on", "hours on but idle, share of the busy hours", "%",
                     FigureId("home.idle_on_pct_of_busy"))));
        const Traced load = Linked(Term(c.load_watts, "P_load", "the machine's draw under load", "W",
                                        s.home.power_watts ? Input("home.power_watts") : kDerived),
                                   key + ".load_watts");
        const Traced idle = Term(c.idle_watts, "P_idle", "the machine's draw when idle", "W",
                                 s.home.idle_watts ? Input("home.idle_watts") : kDerived);
        const Traced on =
            Linked(Term(c.local_on_hours_per_week, "h_on", "hours a week the machine is switched on", "h", kDerived),
                   key + ".on_hours_per_week");
        Add(key, label, "electricity_usd_per_month", "electricity per month", "USD per month",
            f::ElectricityUsdPerMonth<Traced>(load, idle, busy, on, Tariff(),
                                              Term(p.fig.cooling_overhead_pct, "cooling", "cooling overhead", "%",
                                                   FigureId("home.cooling_overhead_pct"))));
        Add(key, label, "home_kwh_per_month", "energy at home a month", "kWh per month",
            f::HomeKwhPerMonth<Traced>(load, idle, busy, on,
                                       Term(p.fig.cooling_overhead_pct, "cooling", "cooling overhead", "%",
                                            FigureId("home.cooling_overhead_pct"))));
        if (s.home.maintenance_usd_per_year)
            Add(key, label, "maintenance_usd_per_month", "maintenance per month", "USD per month",
                Term(*s.home.maintenance_usd_per_year, "M_year", "your maintenance per year", "USD",
                     Input("home.maintenance_usd_per_year")) /
                    12.0);
        else
            Add(key, label, "maintenance_usd_per_month", "maintenance per month", "USD per month",
                f::MaintenanceUsdPerMonth<Traced>(
                    s.home.owned ? ValueNow(key, c)
                                 : Term(HardwareBasis(c, g), "H", "hardware price", "USD",
                                        s.home.hardware_usd ? Input("home.hardware_usd") : kDerived),
                    Term(p.fig.maintenance_pct_per_year, "m", "repairs and spares per year", "%",
                         FigureId("home.maintenance_pct_per_year"))));
    }

    // The week's work: typed, or worked out from the tasks of "What do you want to run?".
    std::string WorkOrigin() const { return p.scenario.tasks.empty() ? Input("hours_per_week") : kDerived; }

    // The machine's price the model works from: the person's own figure, else its catalog parts (an owned
    // machine's too, though nothing is spent on it).
    double HardwareBasis(const OptionCost& c, const GpuModel& g) const
    {
        const Scenario& s = p.scenario;
        if (s.home.hardware_usd)
            return *s.home.hardware_usd;
        if (!s.home.owned)
            return c.upfront_usd + c.financed_usd; // paid up front or in instalments
        return CatalogParts(c, g);
    }

    // The machine on the catalog's prices, with the sales tax: what the model prices a machine at.
    double CatalogParts(const OptionCost& c, const GpuModel& g) const
    {
        const Scenario& s = p.scenario;
        return f::WithSalesTaxUsd<double>(
            f::HomeHardwareUsd<double>(p.fig.base_system_usd, g.price_usd.value, c.gpu_count,
                                       f::MachineWatts<double>(p.fig.base_load_watts, g.load_watts, c.gpu_count),
                                       p.fig.psu_ups_usd_per_kw, s.data_gb, p.fig.disk_usd_per_tb),
            p.fig.sales_tax_pct);
    }

    std::string TaxOrigin() const
    {
        const Country* place = Place(p);
        return p.fig.sales_tax_from == FigureFrom::input ? Input("home.sales_tax_pct")
            : p.fig.sales_tax_from == FigureFrom::country
            ? "catalog country " + place->code + ": " + place->vat_pct->source + ", " + place->vat_pct->date
            : "constant";
    }

    // An owned machine's sale now, as a value in a working: the person's figure, or its own working.
    Traced ValueNow(const std::string& key, const OptionCost& c) const
    {
        if (p.scenario.home.owned_value_usd)
            return Term(c.forgone_sale_usd, "V_now", "what selling your machine now would bring", "USD",
                        Input("home.owned_value_usd"));
        return Linked(Term(c.forgone_sale_usd, "V_now", "what selling your machine now would bring", "USD", kDerived),
                      key + ".forgone_sale_usd");
    }

    // An owned machine at the end: today's sale value times the person's share of value left, else less the
    // GPUs' yearly loss of value over the horizon.
    Traced OwnedResale(const std::string& key, const OptionCost& c) const
    {
        const Scenario& s = p.scenario;
        if (s.home.resale_pct)
            return ValueNow(key, c) *
                Term(*s.home.resale_pct, "kept", "value left at the end", "%", Input("home.resale_pct")) / 100.0;
        return f::OwnedResaleUsd<Traced>(ValueNow(key, c),
                                         Term(p.fig.gpu_depreciation_pct_per_year, "d_gpu", "GPU value lost a year",
                                              "%", FigureId("home.gpu_depreciation_pct_per_year")),
                                         Term(s.horizon_months, "T", "horizon", "months", Input("horizon_months")));
    }

    // What a sale brings in: the person's resale share, or each part's value after the catalog's yearly
    // depreciation (scaled to the person's own hardware price, when they gave one), less the selling fee.
    Traced Resale(const OptionCost& c, const GpuModel& g)
    {
        const Scenario& s = p.scenario;
        Traced before_fee;
        if (s.home.resale_pct) {
            before_fee = Term(c.upfront_usd + c.financed_usd, "H", "hardware price", "USD",
                              s.home.hardware_usd ? Input("home.hardware_usd") : kDerived) *
                Term(*s.home.resale_pct, "kept", "value left at the end", "%", Input("home.resale_pct")) / 100.0;
        } else {
            const double gpus_usd = f::WithSalesTaxUsd<double>(g.price_usd.value * c.gpu_count, p.fig.sales_tax_pct);
            const double parts_usd = CatalogParts(c, g);
            before_fee = f::ResaleUsd<Traced>(
                Term(gpus_usd, "C_gpus", "the GPUs' price", "USD", kDerived),
                Term(parts_usd - gpus_usd, "C_rest", "the rest of the machine's price", "USD", kDerived),
                Term(p.fig.gpu_depreciation_pct_per_year, "d_gpu", "GPU value lost a year", "%",
                     FigureId("home.gpu_depreciation_pct_per_year")),
                Term(p.fig.system_depreciation_pct_per_year, "d_rest", "the rest's value lost a year", "%",
                     FigureId("home.system_depreciation_pct_per_year")),
                Term(s.horizon_months, "T", "horizon", "months", Input("horizon_months")));
            if (s.home.hardware_usd && parts_usd > 0)
                before_fee = before_fee *
                    Term(c.upfront_usd + c.financed_usd, "H", "your hardware price", "USD",
                         Input("home.hardware_usd")) /
                    Term(parts_usd, "H_parts", "the same machine on catalog prices", "USD", kDerived);
        }
        return f::AfterSellingFee<Traced>(
            before_fee,
            Term(p.fig.resale_fee_pct, "fee", "marketplace selling fee", "%", FigureId("home.resale_fee_pct")));
    }

    // The cloud part: GPU-hours, storage and egress (idle charges and a compliant setup are in the total).
    void Cloud(const std::string& key, const std::string& label, const OptionCost& c)
    {
        const Scenario& s = p.scenario;
        const CloudOffer& o = At(p.catalog.offers, c.offer_index);
        const std::string rate_origin = s.cloud.usd_per_gpu_hour ? Input("cloud.usd_per_gpu_hour")
            : c.cloud_spot                                       ? "catalog offer " + o.id + " (spot)"
                                                                 : "catalog offer " + o.id;
        Add(key, label, "gpu_hours_per_week", "GPU-hours billed a week", "h",
            f::CloudGpuHoursPerWeek<Traced>(
                Term(c.cloud_work_hours_per_week, "W_cloud", "work run in the cloud a week, in RTX 4090 hours", "h",
                     c.cloud_work_hours_per_week == s.hours_per_week ? WorkOrigin() : kDerived),
                Term(c.cloud_speed, "v_cloud", o.gpu + " speed against an RTX 4090", "",
                     s.cloud.speed_vs_home ? Input("cloud.speed_vs_home") : "catalog offer " + o.id),
                Term(c.offer_gpus, "n_inst", "GPUs per instance (the job's memory)", "GPUs", kDerived)));
        {
            const GpuChip* chip = o.chip.empty() ? nullptr : FindChip(p.catalog, o.chip);
            const double watts = chip && chip->tdp_watts ? chip->tdp_watts->value : 0.0;
            Add(key, label, "cloud_kwh_per_month", "energy of the cloud GPUs a month", "kWh per month",
                f::CloudKwhPerMonth<Traced>(
                    Linked(Term(c.cloud_gpu_hours_per_week, "g", "GPU-hours billed a week", "h", kDerived),
                           key + ".gpu_hours_per_week"),
                    Term(watts, "P_board", o.gpu + " board power", "W",
                         chip && chip->tdp_watts ? "catalog chip " + chip->id + ": " + chip->tdp_watts->source + ", " +
                                 chip->tdp_watts->date
                                                 : "constant"),
                    Term(p.fig.pue, "PUE", "data-centre energy over IT energy", "", FigureId("cloud.pue"))));
        }
        Add(key, label, "gpu_hours_usd_per_month", "GPU-hours per month", "USD per month",
            f::CloudComputeUsdPerMonth<Traced>(
                Linked(Term(c.cloud_gpu_hours_per_week, "g", "GPU-hours billed a week", "h", kDerived),
                       key + ".gpu_hours_per_week"),
                Term(c.cloud_usd_per_gpu_hour, "rate", o.name + " per GPU-hour", "USD per h", rate_origin),
                c.cloud_spot,
                Term(p.fig.spot_interruption_overhead_pct, "redo", "work redone after spot interruptions", "%",
                     FigureId("cloud.spot_interruption_overhead_pct"))));
        if (!s.cloud.storage_usd_per_month) {
            const bool own_rate = o.storage_usd_per_gb_month.has_value();
            Add(key, label, "storage_usd_per_month", "storage per month", "USD per month",
                f::StorageUsdPerMonth<Traced>(
                    Term(c.cloud_data_gb, "D_cloud", "data kept in the cloud", "GB",
                         c.cloud_data_gb == s.data_gb ? Input("data_gb") : kDerived),
                    Term(own_rate ? o.storage_usd_per_gb_month->value : p.fig.storage_usd_per_gb_month, "r_store",
                         "storage per GB a month", "USD per GB",
                         own_rate ? "catalog offer " + o.id + " storage: " + o.storage_usd_per_gb_month->source + ", " +
                                 o.storage_usd_per_gb_month->date
                                  : FigureId("cloud.storage_usd_per_gb_month"))));
        }
        if (!s.cloud.egress_usd_per_month)
            Add(key, label, "egress_usd_per_month", "egress per month", "USD per month",
                f::EgressUsdPerMonth<Traced>(Term(c.cloud_egress_gb_per_month, "E", "data downloaded a month", "GB",
                                                  c.cloud_egress_gb_per_month == s.egress_gb_per_month
                                                      ? Input("egress_gb_per_month")
                                                      : kDerived),
                                             Term(p.fig.egress_free_gb_per_month, "E_free", "free egress a month", "GB",
                                                  FigureId("cloud.egress_free_gb_per_month")),
                                             Term(p.fig.egress_usd_per_gb, "r_egress", "egress per GB", "USD per GB",
                                                  FigureId("cloud.egress_usd_per_gb"))));
    }

    // Idle charges and a compliant setup, from the GPU-hours' cost.
    void CloudExtras(const std::string& key, const std::string& label, const OptionCost& c)
    {
        const Scenario& s = p.scenario;
        const CloudOffer& o = At(p.catalog.offers, c.offer_index);
        const Traced compute = Term(c.monthly.gpu_hours_usd, "G", "GPU-hours a month", "USD", kDerived);
        const bool own_stopped = o.stopped_volume_usd_per_gb_month.has_value();
        if (c.cloud_instance_hours_per_week > 0) // no instance ever runs: nothing is left running or kept
            Add(key, label, "idle_usd_per_month", "idle instances per month", "USD per month",
                f::IdleUsdPerMonth<Traced>(
                    compute,
                    Term(p.fig.idle_overhead_pct, "idle", "instances left running, share of GPU-hours", "%",
                         s.cloud.idle_overhead_pct ? Input("cloud.idle_overhead_pct")
                                                   : FigureId("cloud.idle_overhead_pct")),
                    Term(p.fig.working_volume_gb, "V", "the instance's working disk", "GB",
                         FigureId("cloud.working_volume_gb")),
                    Term(own_stopped ? o.stopped_volume_usd_per_gb_month->value : p.fig.stopped_volume_usd_per_gb_month,
                         "r_stop", "a stopped instance's disk per GB a month", "USD per GB",
                         own_stopped
                             ? "catalog offer " + o.id + " stopped disk: " + o.stopped_volume_usd_per_gb_month->source +
                                 ", " + o.stopped_volume_usd_per_gb_month->date
                             : FigureId("cloud.stopped_volume_usd_per_gb_month")),
                    Term(c.cloud_instance_hours_per_week, "h_inst", "hours a week an instance runs", "h", kDerived)));
        if (c.cloud_confidential)
            Add(key, label, "compliance_usd_per_month", "compliant setup per month", "USD per month",
                f::ConfidentialUsdPerMonth<Traced>(
                    compute,
                    Term(p.fig.confidential_overhead_pct, "k", "dedicated tenancy and private networking", "%",
                         FigureId("cloud.confidential_overhead_pct")),
                    Term(p.fig.confidential_usd_per_month, "C_fixed", "keys, private endpoints and audit logs",
                         "USD per month", FigureId("cloud.confidential_usd_per_month"))));
    }

    // The running cost a month: the parts added.
    void Running(const std::string& key, const std::string& label, const OptionCost& c)
    {
        const MonthlyBreakdown& m = c.monthly;
        Add(key, label, "running_usd_per_month", "running cost per month", "USD per month",
            Linked(Term(m.power_usd, "E", "electricity", "USD", kDerived), key + ".electricity_usd_per_month") +
                Linked(Term(m.maintenance_usd, "M", "maintenance", "USD", kDerived),
                       key + ".maintenance_usd_per_month") +
                Linked(Term(m.gpu_hours_usd, "G", "GPU-hours", "USD", kDerived), key + ".gpu_hours_usd_per_month") +
                Linked(Term(m.storage_usd, "S_store", "storage", "USD", kDerived), key + ".storage_usd_per_month") +
                Linked(Term(m.egress_usd, "X", "egress", "USD", kDerived), key + ".egress_usd_per_month") +
                Linked(Term(m.idle_usd, "I", "idle charges", "USD", kDerived), key + ".idle_usd_per_month") +
                Linked(Term(m.compliance_usd, "C_comp", "compliant setup", "USD", kDerived),
                       key + ".compliance_usd_per_month"));
    }

    // Emissions a month: the energy at home on the home grid, the cloud GPUs' on their region's grid.
    void Carbon(const std::string& key, const std::string& label, const OptionCost& c)
    {
        Traced kg;
        bool any = false;
        if (c.gpu_index >= 0) {
            kg = f::CarbonKg<Traced>(
                Linked(Term(c.home_kwh_per_month, "E_home", "energy at home a month", "kWh", kDerived),
                       key + ".home_kwh_per_month"),
                HomeGrid());
            any = true;
        }
        if (c.offer_index >= 0) {
            const CloudOffer& o = At(p.catalog.offers, c.offer_index);
            const Traced cloud = f::CarbonKg<Traced>(
                Linked(Term(c.cloud_kwh_per_month, "E_cloud", "energy of the cloud GPUs a month", "kWh", kDerived),
                       key + ".cloud_kwh_per_month"),
                Term(c.cloud_grid_gco2_per_kwh, "g_cloud", "carbon intensity of the offer's grid", "grams per kWh",
                     o.grid_gco2_per_kwh ? "catalog offer " + o.id + ": " + o.grid_gco2_per_kwh->source + ", " +
                             o.grid_gco2_per_kwh->date
                                         : FigureId("cloud.default_grid_gco2_per_kwh")));
            kg = any ? kg + cloud : cloud;
            any = true;
        }
        if (any)
            Add(key, label, "co2e_kg_per_month", "emissions a month", "kg CO2e per month", kg);
        if (c.gpu_index >= 0 && !p.scenario.home.owned)
            Add(key, label, "embodied_co2e_kg", "emissions of making its GPUs", "kg CO2e",
                f::EmbodiedKg<Traced>(Term(c.gpu_count, "n_gpu", "GPUs bought", "GPUs", kDerived),
                                      Term(p.fig.embodied_kg_co2e_per_gpu, "e_gpu", "emissions of making one GPU", "kg",
                                           FigureId("home.embodied_kg_co2e_per_gpu"))));
    }

    // Hardware paid in instalments: the payment a month, and what the loan costs within the horizon.
    void Finance(const std::string& key, const std::string& label, const OptionCost& c)
    {
        if (c.financed_usd <= 0)
            return;
        const Scenario& s = p.scenario;
        auto price = [&] {
            return s.home.owned
                ? Term(c.financed_usd, "P", "the upgrade, paid in instalments", "USD", Input("home.upgrade_usd"))
                : Linked(Term(c.financed_usd, "P", "the hardware, paid in instalments", "USD", kDerived),
                         key + ".hardware_usd");
        };
        auto apr = [&] {
            return Term(s.home.finance_apr_pct, "APR", "interest a year", "%", Input("home.finance_apr_pct"));
        };
        auto months = [&] {
            return Term(c.finance_months, "n", "months of instalments", "months", Input("home.finance_months"));
        };
        Add(key, label, "finance_usd_per_month", "instalment a month", "USD per month",
            f::LoanPaymentUsdPerMonth<Traced>(price(), apr(), months()));
        Add(key, label, "finance_paid_usd", "instalments within the horizon (a balance left is paid off at its end)",
            "USD",
            f::LoanPaidUsd<Traced>(price(), apr(), months(),
                                   Term(s.horizon_months, "T", "horizon", "months", Input("horizon_months"))));
    }

    void Total(const std::string& key, const std::string& label, const OptionCost& c)
    {
        // Up front: the hardware bought, or for a machine the person owns the upgrade, with the sale it forgoes.
        const bool owned = p.scenario.home.owned && c.gpu_index >= 0;
        const bool financed = c.financed_usd > 0;
        Traced up = owned
            ? Term(c.upfront_usd, "U", "upgrade up front", "USD",
                   p.scenario.home.upgrade_usd ? Input("home.upgrade_usd") : "constant")
            : Linked(Term(c.upfront_usd, "U", "hardware up front", "USD", kDerived), key + ".hardware_usd");
        if (financed) // nothing up front: the price is in the instalments
            up = Linked(Term(c.finance_paid_usd, "L", "instalments within the horizon", "USD", kDerived),
                        key + ".finance_paid_usd");
        if (owned)
            up = up + ValueNow(key, c);
        Add(key, label, "total_usd", "total over the horizon", "USD",
            f::TotalUsd<Traced>(
                up,
                Linked(Term(c.monthly_usd, "R", "running cost a month (the monthly parts added)", "USD per month",
                            kDerived),
                       key + ".running_usd_per_month"),
                Term(p.scenario.horizon_months, "T", "horizon", "months", Input("horizon_months")),
                Linked(Term(c.resale_usd, "S", "resale at the end, after the selling fee", "USD", kDerived),
                       key + ".resale_usd")));
        if (p.scenario.discount_rate_pct > 0) {
            // Financed: the start is the sale an owned machine forgoes (else nothing); the instalments are
            // discounted month by month (LoanPresentValueUsd) instead of counted at their sum.
            Traced pv = f::PresentValueUsd<Traced>(
                financed ? (owned ? ValueNow(key, c) : Traced(0.0)) : up,
                Linked(Term(c.monthly_usd, "R", "running cost a month", "USD per month", kDerived),
                       key + ".running_usd_per_month"),
                Term(p.scenario.horizon_months, "T", "horizon", "months", Input("horizon_months")),
                Linked(Term(c.resale_usd, "S", "resale at the end, after the selling fee", "USD", kDerived),
                       key + ".resale_usd"),
                Term(p.scenario.discount_rate_pct, "r", "discount rate a year", "%", Input("discount_rate_pct")));
            if (financed)
                pv = pv +
                    f::LoanPresentValueUsd<Traced>(
                         Term(c.financed_usd, "P", "the price paid in instalments", "USD", kDerived),
                         Term(p.scenario.home.finance_apr_pct, "APR", "interest a year", "%",
                              Input("home.finance_apr_pct")),
                         Term(c.finance_months, "n", "months of instalments", "months", Input("home.finance_months")),
                         Term(p.scenario.horizon_months, "T", "horizon", "months", Input("horizon_months")),
                         Term(p.scenario.discount_rate_pct, "r", "discount rate a year", "%",
                              Input("discount_rate_pct")));
            Add(key, label, "present_value_usd", "present value at your discount rate", "USD", pv);
        }
        if (p.scenario.hours_per_week > 0) // no work, no hour of it to price
            Add(key, label, "usd_per_work_hour", "cost of an hour of work", "USD per hour",
                f::UsdPerWorkHour<Traced>(
                    Linked(Term(c.total_usd, "TCO", "total over the horizon", "USD", kDerived), key + ".total_usd"),
                    Term(p.scenario.hours_per_week, "W", "work a week, in RTX 4090 hours", "h", WorkOrigin()),
                    Term(p.scenario.horizon_months, "T", "horizon", "months", Input("horizon_months"))));
    }
};

} // namespace

// [SECTION] Public API: BuildWorkings, WorkingIds -------------------------------------------------------------------

std::vector<Working> BuildWorkings(const Prepared& p, const OptionCosts& costs, const Money& money)
{
    Builder b{p, money, {}};
    for (int i = 0; i < kOptionCount; ++i) {
        const Option option = static_cast<Option>(i);
        const OptionCost& c = At(costs, i);
        if (c.gpu_index < 0 && c.offer_index < 0)
            continue; // ruled out before it was priced
        const std::string key = OptionKey(option);
        const std::string label = OptionLabel(option);
        if (c.gpu_index >= 0)
            b.Local(key, label, c);
        if (c.offer_index >= 0) {
            b.Cloud(key, label, c);
            b.CloudExtras(key, label, c);
        }
        b.Running(key, label, c);
        b.Finance(key, label, c);
        b.Total(key, label, c);
        b.Carbon(key, label, c);
    }
    // A link only to a working that is there (no hardware working when the price is the person's own, say).
    std::set<std::string> ids;
    for (const Working& w : b.out)
        ids.insert(w.id);
    for (Working& w : b.out)
        for (WorkingTerm& t : w.terms)
            if (!t.working.empty() && !ids.count(t.working))
                t.working.clear();
    return std::move(b.out);
}

const Working* FindWorking(const std::vector<Working>& workings, std::string_view id)
{
    for (const Working& w : workings)
        if (w.id == id)
            return &w;
    return nullptr;
}

std::vector<std::string> WorkingIds(const std::vector<Working>& workings)
{
    std::vector<std::string> ids;
    for (const Working& w : workings)
        ids.push_back(w.id);
    return ids;
}

} // namespace labcalc::core
