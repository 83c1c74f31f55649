// Choosing the machine and the plan for each option, and pricing them with formulas.hpp.
// Sections (each opens with a "[SECTION]" line):
//   What may run where: the catalog in use, VRAM fit, where data may go
//   Cloud plans: the cheapest offer that fits and its monthly charges
//   Machines at home: building one and pricing its running
//   The three options: home, cloud, hybrid
//   Public API: prepared inputs, choices, budgets, Evaluate
#include "core/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <new>

#include "core/formulas.hpp"
#include "core/index.hpp"
#include "core/model.hpp"
#include "core/workload.hpp"

namespace labcalc::core {
namespace f = formulas;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// [SECTION] What may run where: the catalog in use, VRAM fit, where data may go -------------------------------------

const Catalog& PickCatalog(const Scenario& s, const Catalog& c, std::optional<Catalog>& owned)
{
    bool has_price_override = false;
    for (const auto& kv : s.assumptions)
        has_price_override = has_price_override || kv.first.rfind("gpu.", 0) == 0 || kv.first.rfind("offer.", 0) == 0;
    if (!has_price_override)
        return c;
    owned = ApplyPriceOverrides(s, c);
    return *owned;
}

int GpusForVram(double vram_gb, double gpu_vram_gb)
{
    return std::max(1, static_cast<int>(std::ceil(vram_gb / gpu_vram_gb - 1e-9)));
}

// Whether an offer may hold this scenario's data. Marketplace hosts are third parties' machines
// (course: "Shared infrastructure", "Need to trust cloud provider's security"): only public data
// goes there. Confidential data needs a hyperscaler's compliant setup.
bool OfferAllowed(const CloudOffer& o, const Scenario& s, Privacy data_class)
{
    if (s.cloud.provider != ProviderKind::any && o.kind != s.cloud.provider)
        return false;
    if (data_class >= Privacy::internal && o.kind == ProviderKind::marketplace)
        return false;
    if (data_class >= Privacy::confidential && o.kind != ProviderKind::hyperscaler)
        return false;
    return true;
}

// [SECTION] Cloud plans: the cheapest offer that fits and its monthly charges ---------------------------------------

struct CloudPlan {
    int offer = -1;
    int gpus = 0;
    double usd_per_gpu_hour = 0;
    bool spot = false;
    double speed = 1; // the offer's GPU against an RTX 4090 (or the person's own ratio to the home GPU)
    double gpu_hours_per_week = 0;
    double instance_hours_per_week = 0;
    double compute_usd = 0;
};

// The offer's own disk prices, else the catalog's (figures cloud.storage_usd_per_gb_month and
// cloud.stopped_volume_usd_per_gb_month).
double StorageRate(const Prepared& p, const CloudOffer& o)
{
    return o.storage_usd_per_gb_month ? o.storage_usd_per_gb_month->value : p.fig.storage_usd_per_gb_month;
}
double StoppedVolumeRate(const Prepared& p, const CloudOffer& o)
{
    return o.stopped_volume_usd_per_gb_month ? o.stopped_volume_usd_per_gb_month->value
                                             : p.fig.stopped_volume_usd_per_gb_month;
}

// Fills the cloud-side monthly costs for a plan: `data_gb` kept in the provider's storage and `egress_gb`
// downloaded per month.
void PriceCloudPart(const Prepared& p, const CloudPlan& plan, double data_gb, double egress_gb, bool confidential,
                    MonthlyBreakdown* m)
{
    const Scenario& s = p.scenario;
    const CloudOffer& o = At(p.catalog.offers, plan.offer);
    m->gpu_hours_usd = plan.compute_usd;
    m->storage_usd = s.cloud.storage_usd_per_month
        ? *s.cloud.storage_usd_per_month * (data_gb / std::max(s.data_gb, 1e-9))
        : f::StorageUsdPerMonth(data_gb, StorageRate(p, o));
    if (s.data_gb <= 0 && s.cloud.storage_usd_per_month)
        m->storage_usd = *s.cloud.storage_usd_per_month;
    m->egress_usd = s.cloud.egress_usd_per_month
        ? *s.cloud.egress_usd_per_month * (egress_gb / std::max(s.egress_gb_per_month, 1e-9))
        : f::EgressUsdPerMonth(egress_gb, p.fig.egress_free_gb_per_month, p.fig.egress_usd_per_gb);
    if (s.egress_gb_per_month <= 0 && s.cloud.egress_usd_per_month)
        m->egress_usd = *s.cloud.egress_usd_per_month;
    m->idle_usd = f::IdleUsdPerMonth(plan.compute_usd, p.fig.idle_overhead_pct, p.fig.working_volume_gb,
                                     StoppedVolumeRate(p, o), plan.instance_hours_per_week);
    m->compliance_usd = confidential ? f::ConfidentialUsdPerMonth(plan.compute_usd, p.fig.confidential_overhead_pct,
                                                                  p.fig.confidential_usd_per_month)
                                     : 0;
}

// What an option records of its cloud part besides its monthly charges: the offer and what it was billed for
// (workings.cpp shows it), its energy and emissions. After the local part, if any (the emissions add to it).
void RecordCloudPart(const Prepared& p, const CloudPlan& plan, double data_gb, double egress_gb, bool confidential,
                     OptionCost* c)
{
    c->offer_index = plan.offer;
    c->offer_gpus = plan.gpus;
    c->cloud_gpu_hours_per_week = plan.gpu_hours_per_week;
    c->cloud_usd_per_gpu_hour = plan.usd_per_gpu_hour;
    c->cloud_spot = plan.spot;
    c->cloud_data_gb = data_gb;
    c->cloud_egress_gb_per_month = egress_gb;
    c->cloud_instance_hours_per_week = plan.instance_hours_per_week;
    c->cloud_confidential = confidential;
    c->cloud_speed = plan.speed;
    // Energy and emissions of the cloud GPUs: the chip's board power, the data centre's PUE, its region's grid.
    const CloudOffer& o = At(p.catalog.offers, plan.offer);
    c->cloud_kwh_per_month =
        f::CloudKwhPerMonth<double>(plan.gpu_hours_per_week, At(p.offer_board_watts, plan.offer), p.fig.pue);
    c->cloud_grid_gco2_per_kwh =
        o.grid_gco2_per_kwh ? o.grid_gco2_per_kwh->value : p.fig.cloud_default_grid_gco2_per_kwh;
    c->co2e_kg_per_month = f::CarbonKg<double>(c->home_kwh_per_month, c->home_grid_gco2_per_kwh) +
        f::CarbonKg<double>(c->cloud_kwh_per_month, c->cloud_grid_gco2_per_kwh);
}

// The offer that fits the VRAM need and costs least per month for `work_hours` of work per week, with
// `data_gb` of data kept there: GPU-hours, storage, idle and stopped-volume charges and a compliant setup
// all count, so a light user is not sent to the cheapest GPU-hour with the dearest disks.
CloudPlan PlanCloud(const Prepared& p, double work_hours, Privacy data_class, double home_speed, double data_gb,
                    bool confidential)
{
    const Scenario& s = p.scenario;
    const bool spot = s.cloud.pricing == CloudPricing::spot;
    CloudPlan best;
    double best_usd = kInf;
    for (int i = 0; i < static_cast<int>(p.catalog.offers.size()); ++i) {
        const CloudOffer& o = At(p.catalog.offers, i);
        if (p.forced_offer >= 0 ? i != p.forced_offer : !OfferAllowed(o, s, data_class))
            continue;
        const int gpus = GpusForVram(s.vram_gb, o.vram_gb);
        if (gpus > o.max_gpus)
            continue;
        double rate = o.usd_per_gpu_hour.value;
        if (spot && o.spot_usd_per_gpu_hour)
            rate = o.spot_usd_per_gpu_hour->value;
        if (s.cloud.usd_per_gpu_hour)
            rate = *s.cloud.usd_per_gpu_hour;
        // cloud.speed_vs_home: a job takes 1/speed_vs_home of the hours it takes on the home machine's GPU.
        const double speed = s.cloud.speed_vs_home ? *s.cloud.speed_vs_home * home_speed : o.speed;
        CloudPlan plan;
        plan.offer = i;
        plan.gpus = gpus;
        plan.usd_per_gpu_hour = rate;
        plan.speed = speed;
        plan.instance_hours_per_week = work_hours / speed;
        plan.gpu_hours_per_week = f::CloudGpuHoursPerWeek<double>(work_hours, speed, gpus);
        plan.spot = spot && o.spot_usd_per_gpu_hour.has_value();
        plan.compute_usd =
            f::CloudComputeUsdPerMonth(plan.gpu_hours_per_week, rate, plan.spot, p.fig.spot_interruption_overhead_pct);
        MonthlyBreakdown m;
        PriceCloudPart(p, plan, data_gb, 0, confidential, &m);
        // Ties (no work at all) go to the cheapest rate, so the plan shown is still the sensible one.
        const double key = m.Total() + rate * 1e-6;
        if (key < best_usd) {
            best_usd = key;
            best = plan;
        }
    }
    return best;
}

// The cloud parts of one hybrid costing, by the hours sent out: every machine that sends the same share of the
// bursts gets the same plan and the same charges (the other inputs are the hybrid's own), so each is worked out
// once instead of once per machine.
struct PlanMemo {
    struct Entry {
        double work_hours = 0; // sent out, hours per week (the key)
        CloudPlan plan;
        double data_gb = 0, egress_gb = 0;
        MonthlyBreakdown monthly; // the cloud's charges (PriceCloudPart)
    };
    static constexpr int kMax = 4;
    std::array<Entry, kMax> entries;
    int size = 0, next = 0;
};

// [SECTION] Machines at home: building one and pricing its running --------------------------------------------------

struct LocalMachine {
    int gpu = -1;
    int gpu_count = 0;
    int parallel_jobs = 0;
    double gpu_hardware_usd = 0, hardware_usd = 0;
    double load_watts = 0, idle_watts = 0;
    double capacity = 0;   // work hours per week
    double resale_usd = 0; // at catalog prices, at the end of the horizon, before the selling fee
};

LocalMachine BuildMachine(const Prepared& p, int gpu_index, int gpu_count, int gpus_per_job)
{
    const GpuModel& g = At(p.catalog.gpus, gpu_index);
    LocalMachine m;
    m.gpu = gpu_index;
    m.gpu_count = gpu_count;
    m.parallel_jobs = gpu_count / gpus_per_job;
    m.load_watts = f::MachineWatts<double>(p.fig.base_load_watts, g.load_watts, gpu_count);
    m.idle_watts = f::MachineWatts<double>(p.fig.base_idle_watts, g.idle_watts, gpu_count);
    // Bought with the sales tax or VAT on every part (the catalog's prices are before tax).
    m.gpu_hardware_usd = f::WithSalesTaxUsd<double>(g.price_usd.value * gpu_count, p.fig.sales_tax_pct);
    m.hardware_usd = f::WithSalesTaxUsd<double>(
        f::HomeHardwareUsd<double>(p.fig.base_system_usd, g.price_usd.value, gpu_count, m.load_watts,
                                   p.fig.psu_ups_usd_per_kw, p.scenario.data_gb, p.fig.disk_usd_per_tb),
        p.fig.sales_tax_pct);
    m.capacity = f::CapacityWorkHoursPerWeek<double>(m.parallel_jobs, g.speed, p.fig.max_utilization_pct);
    const Prepared::ValueLeft& left = p.ValueLeftAtEnd();
    m.resale_usd = m.gpu_hardware_usd * left.gpu + (m.hardware_usd - m.gpu_hardware_usd) * left.other;
    return m;
}

// Whether the person described their own home machine (its price, draw, upkeep or resale). Those figures
// are a machine's, not a size: the home option keeps the machine chosen on catalog prices, and every
// machine at home, in the hybrid too, is that machine with those figures.
bool OwnMachineFigures(const Scenario& s)
{
    return s.home.hardware_usd || s.home.power_watts || s.home.idle_watts || s.home.maintenance_usd_per_year ||
        s.home.resale_pct;
}

// What running a machine at home costs, worked out before it is written into an option's cost: most machines
// the home option and the hybrid price are beaten by another one (Choices::HasAsCheap) and never are, so only
// what the front of choices judges is worked out for every one. The cost written from it (WriteLocalPart)
// carries these very numbers, so a choice kept and the figures it was judged by are one and the same.
struct LocalPrice {
    double local_work = 0; // RTX 4090-equivalent hours per week run at home
    double busy = 0, on_hours = 0;
    double load_w = 0, idle_w = 0;
    double power_usd = 0, maintenance_usd = 0; // a month
    double upfront_usd = 0, forgone_sale_usd = 0, resale_usd = 0;
    double financed_usd = 0, finance_usd_per_month = 0, finance_paid_usd = 0;
    int finance_months = 0;
};

// A machine the person already has: its price is sunk, so nothing is spent on it up front but the upgrade;
// keeping it forgoes what selling it now would bring (counted in the total, as the price of the alternative
// to selling), and it sells for what that value is worth at the end. Cf. the opportunity cost of an owned
// asset in any keep-or-sell decision: the cost of keeping is today's sale value less the value at the end.
void PriceOwnedMachine(const Prepared& p, double hardware_usd, LocalPrice* out)
{
    const Scenario& s = p.scenario;
    const double value_now =
        s.home.owned_value_usd ? *s.home.owned_value_usd : f::AfterSellingFee(hardware_usd, p.fig.resale_fee_pct);
    out->upfront_usd = s.home.upgrade_usd ? *s.home.upgrade_usd : 0.0;
    out->forgone_sale_usd = value_now;
    // At the end: the person's share of value left, else less the GPUs' yearly loss; upkeep is a share of what
    // the machine is worth now (unless the person gave theirs). Neither reads a price paid.
    out->resale_usd = s.home.resale_pct
        ? value_now * *s.home.resale_pct / 100.0
        : f::OwnedResaleUsd<double>(value_now, p.fig.gpu_depreciation_pct_per_year, s.horizon_months);
    if (!s.home.maintenance_usd_per_year)
        out->maintenance_usd = f::MaintenanceUsdPerMonth(value_now, p.fig.maintenance_pct_per_year);
}

// Hardware paid in instalments (home.finance_months): what was to be paid up front is borrowed; a payment
// falls due each month while the loan runs, and what it still owes at the horizon's end is paid off then.
// The budget then judges the payment with the running costs, a month at a time, not the price up front.
void FinanceHardware(const Prepared& p, LocalPrice* out)
{
    const Scenario& s = p.scenario;
    if (!s.home.finance_months || out->upfront_usd <= 0)
        return;
    const double months = *s.home.finance_months;
    out->financed_usd = out->upfront_usd;
    out->finance_months = *s.home.finance_months;
    out->finance_usd_per_month = f::LoanPaymentUsdPerMonth<double>(out->financed_usd, s.home.finance_apr_pct, months);
    out->finance_paid_usd = f::LoanPaidUsd<double>(out->financed_usd, s.home.finance_apr_pct, months, s.horizon_months);
    out->upfront_usd = 0;
}

// Prices a machine at home running `local_work` hours per week, with the person's home.* figures
// wherever they set one (the home option and the hybrid alike). `own_figures` false prices it on the
// catalog alone (to choose the machine their figures then describe).
LocalPrice PriceLocal(const Prepared& p, const LocalMachine& m, double local_work, bool own_figures = true)
{
    const Scenario& s = p.scenario;
    const GpuModel& g = At(p.catalog.gpus, m.gpu);
    static const HomeInputs none;
    const HomeInputs& own = own_figures ? s.home : none;
    LocalPrice out;
    const double hardware = own.hardware_usd ? *own.hardware_usd : m.hardware_usd;
    out.load_w = own.power_watts ? *own.power_watts : m.load_watts;
    out.idle_w = own.idle_watts ? std::min(*own.idle_watts, out.load_w) : m.idle_watts;
    out.local_work = local_work;
    out.busy = m.parallel_jobs > 0 ? f::BusyHoursPerWeek<double>(local_work, g.speed, m.parallel_jobs) : 0;
    out.on_hours = f::OnHoursPerWeek(out.busy, s.home.on_hours_per_week ? *s.home.on_hours_per_week : -1.0,
                                     p.fig.idle_on_pct_of_busy);
    out.upfront_usd = hardware;
    out.power_usd = f::ElectricityUsdPerMonth(out.load_w, out.idle_w, out.busy, out.on_hours,
                                              p.fig.electricity_usd_per_kwh, p.fig.cooling_overhead_pct);
    out.maintenance_usd = own.maintenance_usd_per_year
        ? *own.maintenance_usd_per_year / 12.0
        : f::MaintenanceUsdPerMonth(hardware, p.fig.maintenance_pct_per_year);
    // What a sale brings in: the person's resale share or the catalog's depreciation (an overridden price
    // keeps the catalog's proportions of GPUs to the rest, so its resale scales), less the selling fee.
    const double before_fee = own.resale_pct ? hardware * *own.resale_pct / 100.0
                                             : m.resale_usd * (m.hardware_usd > 0 ? hardware / m.hardware_usd : 0);
    out.resale_usd = f::AfterSellingFee(before_fee, p.fig.resale_fee_pct);
    if (s.home.owned)
        PriceOwnedMachine(p, hardware, &out);
    FinanceHardware(p, &out);
    return out;
}

// The monthly running costs of a machine at home, with `cloud`'s charges when part of the work goes out.
MonthlyBreakdown MonthlyOf(const LocalPrice& local, const MonthlyBreakdown& cloud = MonthlyBreakdown{})
{
    MonthlyBreakdown m = cloud;
    m.power_usd = local.power_usd;
    m.maintenance_usd = local.maintenance_usd;
    return m;
}

// The three figures the front of choices judges a cost by (Choices::HasAsCheap), from the same numbers and
// in the same order as Finish, so a cost written later is judged by exactly these.
struct FrontKey {
    double upfront_usd = 0, monthly_outlay_usd = 0, total_usd = 0;
};
FrontKey KeyOf(const Prepared& p, const LocalPrice& local, const MonthlyBreakdown& monthly)
{
    const double monthly_usd = monthly.Total();
    return {local.upfront_usd, monthly_usd + local.finance_usd_per_month,
            f::TotalUsd<double>(local.upfront_usd + local.forgone_sale_usd + local.finance_paid_usd, monthly_usd,
                                p.scenario.horizon_months, local.resale_usd)};
}
bool HasAsCheap(const Choices& front, const FrontKey& k)
{
    return front.HasAsCheap(k.upfront_usd, k.monthly_outlay_usd, k.total_usd);
}

// Writes machine `m`'s part, priced as `local`, into `out` (a fresh OptionCost), with its energy and emissions.
void WriteLocalPart(const Prepared& p, const LocalMachine& m, const LocalPrice& local, OptionCost* out)
{
    const Scenario& s = p.scenario;
    out->gpu_index = m.gpu;
    out->gpu_count = m.gpu_count;
    out->load_watts = local.load_w;
    out->idle_watts = local.idle_w;
    out->capacity_work_hours_per_week = m.capacity;
    out->local_work_hours_per_week = local.local_work;
    out->local_busy_hours_per_week = local.busy;
    out->local_parallel_jobs = m.parallel_jobs;
    out->local_on_hours_per_week = local.on_hours;
    out->upfront_usd = local.upfront_usd;
    out->forgone_sale_usd = local.forgone_sale_usd;
    out->resale_usd = local.resale_usd;
    out->monthly.power_usd = local.power_usd;
    out->monthly.maintenance_usd = local.maintenance_usd;
    out->financed_usd = local.financed_usd;
    out->finance_usd_per_month = local.finance_usd_per_month;
    out->finance_paid_usd = local.finance_paid_usd;
    out->finance_months = local.finance_months;
    out->home_kwh_per_month =
        f::HomeKwhPerMonth(local.load_w, local.idle_w, local.busy, local.on_hours, p.fig.cooling_overhead_pct);
    out->home_grid_gco2_per_kwh = p.fig.grid_gco2_per_kwh;
    out->co2e_kg_per_month = f::CarbonKg<double>(out->home_kwh_per_month, out->home_grid_gco2_per_kwh);
    out->embodied_co2e_kg = s.home.owned ? 0.0 : f::EmbodiedKg<double>(m.gpu_count, p.fig.embodied_kg_co2e_per_gpu);
}

void Finish(const Prepared& p, OptionCost* c)
{
    c->monthly_usd = c->monthly.Total();
    c->total_usd = f::TotalUsd<double>(c->upfront_usd + c->forgone_sale_usd + c->finance_paid_usd, c->monthly_usd,
                                       p.scenario.horizon_months, c->resale_usd);
}

// Machine `m` running all `local`'s work at home, as a finished cost.
OptionCost AtHome(const Prepared& p, const LocalMachine& m, const LocalPrice& local)
{
    OptionCost c;
    WriteLocalPart(p, m, local, &c);
    Finish(p, &c);
    return c;
}

// The most GPUs a machine at home has: the count the person gave; one for a machine they own and gave no
// count for; else the most one machine holds.
int MostGpus(const Prepared& p)
{
    const Scenario& s = p.scenario;
    return s.home.gpu_count ? *s.home.gpu_count : s.home.owned ? 1 : p.fig.max_gpus;
}

// GPUs per job of a catalog GPU for this scenario, or 0 when no home machine of that GPU holds the job.
int GpusPerJob(const Prepared& p, int gpu_index)
{
    const Scenario& s = p.scenario;
    const int per_job = GpusForVram(s.vram_gb, At(p.catalog.gpus, gpu_index).vram_gb);
    return per_job > MostGpus(p) ? 0 : per_job;
}

// The machines ForEachMachine built for the home option, kept for the hybrid's pass over the same machines,
// each with what it costs running all the work at home (the home option prices that, and a hybrid split that
// sends nothing out is priced alike). Up to kMax machines; any beyond are built and priced again. The slots
// are not filled in advance (the model's hot path; a slot is written before it is read).
class MachineCache {
public:
    static constexpr int kMax = 64;
    int size() const { return size_; }
    const LocalMachine& Machine(int k) const { return At(slots_, k).s.machine; }
    void Add(const LocalMachine& m)
    {
        Slot* slot = new (&At(slots_, size_++).s) Slot;
        slot->machine = m;
    }
    // Machine k's price for all the work at home with the person's figures, and the figures its cost is judged
    // by; null when the home option has not priced it (k is -1 for a machine not in the cache).
    const LocalPrice* AllAtHome(int k) const
    {
        return k >= 0 && k < size_ && At(slots_, k).s.priced ? &At(slots_, k).s.all_at_home : nullptr;
    }
    const FrontKey& AllAtHomeKey(int k) const { return At(slots_, k).s.key; }
    void SetAllAtHome(int k, const LocalPrice& local, const FrontKey& key)
    {
        if (k < 0 || k >= size_)
            return;
        Slot& slot = At(slots_, k).s;
        slot.all_at_home = local;
        slot.key = key;
        slot.priced = true;
    }

private:
    struct Slot {
        LocalMachine machine;
        LocalPrice all_at_home;
        FrontKey key;
        bool priced = false;
    };
    union RawSlot {
        RawSlot() { }
        Slot s;
    };
    std::array<RawSlot, kMax> slots_;
    int size_ = 0;
};

// Calls visit(machine, k) for every machine at home the scenario allows: each catalog GPU (or home.gpu)
// that holds the job, in every count up to the most one machine holds (or home.gpu_count). The order is
// the same on every call with the same `p`, so `cache` holds the first machines in that order; k is the
// machine's place there (-1 beyond it).
template <class Visit>
void ForEachMachine(const Prepared& p, MachineCache& cache, Visit visit)
{
    const Scenario& s = p.scenario;
    int k = 0;
    for (int gi = 0; gi < static_cast<int>(p.catalog.gpus.size()); ++gi) {
        if (p.forced_gpu != -1 && gi != p.forced_gpu) // -2: an unknown id matches no GPU
            continue;
        const int per_job = GpusPerJob(p, gi);
        if (per_job == 0)
            continue;
        const int max_gpus = MostGpus(p);
        // A machine given by its count, or owned, is that machine; else every size that holds the job.
        const int first = s.home.gpu_count || s.home.owned ? max_gpus : per_job;
        for (int n = first; n <= max_gpus; n += per_job, ++k) {
            if (k < cache.size()) {
                visit(cache.Machine(k), k);
                continue;
            }
            const LocalMachine m = BuildMachine(p, gi, n, per_job);
            if (k == cache.size() && k < MachineCache::kMax) {
                cache.Add(m);
                visit(m, k);
            } else {
                visit(m, -1);
            }
        }
    }
}

// [SECTION] The three options: home, cloud, hybrid ------------------------------------------------------------------

// Home: every machine that holds the largest job and runs the peak week, kept as the choices worth
// making at some budget. With the person's own machine figures, one machine: the cheapest over the
// horizon on catalog prices, priced with their figures.
void CostHome(const Prepared& p, double hours, double peak, MachineCache& machines, Choices& out)
{
    const bool own = OwnMachineFigures(p.scenario);
    double cheapest_catalog_usd = kInf;
    LocalMachine cheapest_machine, largest_machine;
    LocalPrice cheapest, largest;
    double largest_capacity = -1;
    bool any_fits_vram = false;
    ForEachMachine(p, machines, [&](const LocalMachine& m, int place) {
        any_fits_vram = true;
        const LocalPrice local = PriceLocal(p, m, hours);
        const FrontKey key = KeyOf(p, local, MonthlyOf(local));
        machines.SetAllAtHome(place, local, key);
        if (m.capacity > largest_capacity + 1e-9) {
            largest_capacity = m.capacity;
            largest = local;
            largest_machine = m;
        }
        if (m.capacity + 1e-9 < peak)
            return;
        if (!own) {
            if (!HasAsCheap(out, key))
                out.Keep(AtHome(p, m, local));
            return;
        }
        // Chosen on catalog prices: the person's figures say what their machine costs, not how big it is.
        const LocalPrice catalog = PriceLocal(p, m, hours, false);
        const double catalog_usd = KeyOf(p, catalog, MonthlyOf(catalog)).total_usd;
        if (catalog_usd < cheapest_catalog_usd) {
            cheapest_catalog_usd = catalog_usd;
            cheapest_machine = m;
            cheapest = local;
        }
    });
    if (own && std::isfinite(cheapest_catalog_usd))
        out.Set(AtHome(p, cheapest_machine, cheapest));
    if (out.size > 0)
        return;
    if (!any_fits_vram) {
        OptionCost c;
        c.blockers |= p.forced_gpu == -2 ? kUnknownGpu : kVramTooLarge;
        out.Set(c);
        return;
    }
    // No machine runs the peak week: the largest one does if the average fits, with bursts waiting.
    OptionCost c = AtHome(p, largest_machine, largest);
    if (c.capacity_work_hours_per_week + 1e-9 >= hours)
        c.bursts_queue = true;
    else
        c.blockers |= kOverCapacity;
    out.Set(c);
}

// Cloud: the cheapest offer that fits, for all the work, with all the data.
void CostCloud(const Prepared& p, double hours, double home_speed, Choices& out)
{
    const Scenario& s = p.scenario;
    OptionCost c;
    // Data that may not leave the premises rules the cloud out whether or not an offer fits the job, so the
    // cloud is never named as the option that comes closest.
    if (p.data_must_stay)
        c.blockers |= kDataMustStay;
    if (p.forced_offer == -2) {
        c.blockers |= kUnknownOffer;
        out.Set(c);
        return;
    }
    const bool confidential = s.privacy == Privacy::confidential && s.sensitive_work_pct > 0;
    const CloudPlan plan = PlanCloud(p, hours, s.privacy, home_speed, s.data_gb, confidential);
    if (plan.offer < 0) {
        c.blockers |= kNoCloudOffer;
        out.Set(c);
        return;
    }
    c.cloud_work_hours_per_week = hours;
    c.burst_share_to_cloud = 1;
    PriceCloudPart(p, plan, s.data_gb, s.egress_gb_per_month, confidential, &c.monthly);
    RecordCloudPart(p, plan, s.data_gb, s.egress_gb_per_month, confidential, &c);
    Finish(p, &c);
    out.Set(c);
}

// The hybrid's work, split: the steady part stays at home, a share of the bursts may go out.
struct HybridWork {
    double hours = 0;       // all work, hours per week
    double steady = 0;      // hours per week that are not bursts
    double bursts = 0;      // hours per week of bursts
    double burst_share = 0; // b: the share of the work that comes in bursts
    double local_only = 0;  // sigma: the share of the work on data that must stay local
    double peak_factor = 1; // a peak week's bursts, as a multiple of the mean
};

// The shares of the bursts sent out worth pricing for machine `m` (at most three; none when the machine
// cannot run the steady work or no share both fits the machine and respects the data that must stay).
int SplitShares(const Prepared& p, const LocalMachine& m, const HybridWork& w, double shares[3])
{
    // Shares this machine allows: at least what a peak week leaves over, at most what may leave (the work on
    // data that must stay is kept local).
    const double lo =
        w.bursts > 0 ? std::clamp(1.0 - (m.capacity - w.steady) / (w.bursts * w.peak_factor), 0.0, 1.0) : 0.0;
    const double hi = w.bursts > 0 ? std::clamp((1.0 - w.local_only) / w.burst_share, 0.0, 1.0) : 0.0;
    if (lo > hi + 1e-12)
        return 0;
    shares[0] = lo;
    shares[1] = hi;
    int n = lo < hi ? 2 : 1;
    if (p.scenario.home.on_hours_per_week && w.bursts > 0) {
        // Where the machine's busy hours reach the on-time the person set.
        const GpuModel& g = At(p.catalog.gpus, m.gpu);
        const double local_at_kink = *p.scenario.home.on_hours_per_week * g.speed * m.parallel_jobs;
        const double share = (w.hours - local_at_kink) / w.bursts;
        if (share > lo && share < hi)
            shares[n++] = share;
    }
    return n;
}

// The cloud part of a hybrid split sending `cloud_work` hours a week out (with the data they need, or the off-site
// copy the person asked for), from `memo` when another machine sent as much out.
const PlanMemo::Entry& CloudPartFor(const Prepared& p, const HybridWork& w, double cloud_work, double home_speed,
                                    PlanMemo& memo)
{
    for (int k = 0; k < memo.size; ++k)
        if (At(memo.entries, k).work_hours == cloud_work)
            return At(memo.entries, k);
    const Scenario& s = p.scenario;
    PlanMemo::Entry& e = At(memo.entries, memo.size < PlanMemo::kMax ? memo.size++ : memo.next++ % PlanMemo::kMax);
    // The data that goes to the cloud is below the strictest class when that class stays local.
    const Privacy cloud_class = w.local_only > 0 ? std::min(s.privacy, Privacy::internal) : s.privacy;
    e.work_hours = cloud_work;
    e.data_gb = s.data_gb * (1 - w.local_only);
    e.plan = PlanCloud(p, cloud_work, cloud_class, home_speed, e.data_gb, false);
    e.egress_gb = w.hours > 0 ? s.egress_gb_per_month * cloud_work / w.hours : 0;
    e.monthly = MonthlyBreakdown{};
    if (e.plan.offer >= 0)
        PriceCloudPart(p, e.plan, e.data_gb, e.egress_gb, false, &e.monthly);
    return e;
}

// One split, priced but not yet written into a cost: machine `m` at home, `share` of the bursts in the cloud.
struct SplitPrice {
    LocalPrice local;
    const PlanMemo::Entry* cloud = nullptr; // null: nothing goes out and no off-site copy
    double cloud_work = 0, share = 0;
    FrontKey key;
};

// Prices one split into `out`; false when no offer holds the cloud part. `out.cloud` points into `memo`: write the
// split (WriteSplit) before the next split is priced.
bool PriceSplit(const Prepared& p, const LocalMachine& m, const HybridWork& w, double share, double home_speed,
                PlanMemo& memo, SplitPrice& out)
{
    out.cloud_work = w.bursts * share;
    out.share = share;
    out.local = PriceLocal(p, m, w.hours - out.cloud_work);
    out.cloud = nullptr;
    if (out.cloud_work > 1e-9 || p.scenario.wants_redundancy) {
        const PlanMemo::Entry& cloud = CloudPartFor(p, w, out.cloud_work, home_speed, memo);
        if (cloud.plan.offer < 0)
            return false;
        out.cloud = &cloud;
    }
    out.key = KeyOf(p, out.local, out.cloud ? MonthlyOf(out.local, out.cloud->monthly) : MonthlyOf(out.local));
    return true;
}

OptionCost WriteSplit(const Prepared& p, const LocalMachine& m, const HybridWork& w, const SplitPrice& split)
{
    OptionCost c;
    WriteLocalPart(p, m, split.local, &c);
    if (split.cloud) {
        c.monthly = MonthlyOf(split.local, split.cloud->monthly);
        RecordCloudPart(p, split.cloud->plan, split.cloud->data_gb, split.cloud->egress_gb, false, &c);
    }
    c.cloud_work_hours_per_week = split.cloud_work;
    c.burst_share_to_cloud = w.burst_share > 0 ? split.share : 0;
    Finish(p, &c);
    return c;
}

// Hybrid: a machine at home for the steady work (and all work on data that must stay), the cloud for a
// share of the bursts. Course: "Development and prototyping: local hardware; training large models:
// cloud; keep sensitive data on-premises, use cloud for non-sensitive workloads".
// For each machine the share of bursts sent out runs over the whole range it allows (from what the
// machine cannot take in a peak week up to what may leave); the cost is piecewise linear in the share
// (concave pieces: the cheapest offer is a minimum of linear costs), so its minimum lies at an end of the
// range or where the machine's on-time stops being set by the person's figure: those shares are priced.
// A split that keeps all work at home is the home lab (a hybrid only with the off-site copy the person
// asked for: ApplyBudgets decides, since which split is best depends on the budget); one that runs no
// work at home is the cloud plus an idle machine, never offered. `real_mixes` gets the splits that send
// work out.
void CostHybrid(const Prepared& p, double hours, double home_speed, const Choices& home, MachineCache& machines,
                Choices& out, Choices* real_mixes)
{
    OptionCost blocked;
    if (p.forced_offer == -2) {
        blocked.blockers |= kUnknownOffer;
        out.Set(blocked);
        return;
    }
    if (p.forced_gpu == -2) {
        blocked.blockers |= kUnknownGpu;
        out.Set(blocked);
        return;
    }
    HybridWork w;
    w.hours = hours;
    w.burst_share = p.burst_share;
    w.local_only = p.local_only_share;
    w.peak_factor = p.fig.burst_peak_factor;
    w.steady = hours * (1 - w.burst_share);
    w.bursts = hours * w.burst_share;
    if (w.local_only >= 1) {
        blocked.blockers |= kNothingToSplit; // all work is on data that stays local: that is a home lab
        out.Set(blocked);
        return;
    }
    bool any_machine = false, any_runs_steady = false, any_offer = true;
    PlanMemo memo;

    auto try_machine = [&](const LocalMachine& m, int place) {
        any_machine = true;
        if (m.capacity + 1e-9 < w.steady)
            return; // the steady work alone is more than this machine runs
        any_runs_steady = true;
        double shares[3] = {};
        const int n = SplitShares(p, m, w, shares);
        for (int k = 0; k < n; ++k) {
            const double cloud_work = w.bursts * shares[k];
            if (hours - cloud_work <= 1e-9 && hours > 0)
                continue; // no work at home: that is the cloud, with an idle machine
            // Nothing sent out and no off-site copy: the split is the machine with all the work, as the home
            // option priced it.
            if (const LocalPrice* all_at_home =
                    cloud_work == 0 && !p.scenario.wants_redundancy ? machines.AllAtHome(place) : nullptr) {
                if (!HasAsCheap(out, machines.AllAtHomeKey(place)))
                    out.Keep(AtHome(p, m, *all_at_home));
                continue;
            }
            SplitPrice split;
            if (!PriceSplit(p, m, w, shares[k], home_speed, memo, split)) {
                any_offer = false;
                continue;
            }
            // Written only when one of the fronts keeps it (most machines' splits are beaten).
            const bool to_front = !HasAsCheap(out, split.key);
            const bool to_mixes = cloud_work > 1e-9 && !HasAsCheap(*real_mixes, split.key);
            if (to_front || to_mixes) {
                const OptionCost c = WriteSplit(p, m, w, split);
                if (to_front)
                    out.Keep(c);
                if (to_mixes)
                    real_mixes->Keep(c);
            }
        }
    };
    if (OwnMachineFigures(p.scenario)) {
        // The person's own machine, as in the home option.
        const OptionCost& h = home.items[0];
        if (home.size > 0 && h.gpu_index >= 0) {
            const int per_job = GpusPerJob(p, h.gpu_index);
            if (per_job > 0)
                try_machine(BuildMachine(p, h.gpu_index, h.gpu_count, per_job), -1);
        }
    } else {
        ForEachMachine(p, machines, try_machine);
    }
    if (out.size > 0)
        return;
    if (!any_machine)
        blocked.blockers |= kVramTooLarge;
    else if (!any_runs_steady)
        blocked.blockers |= kOverCapacity;
    else if (!any_offer)
        blocked.blockers |= kNoCloudOffer;
    else
        blocked.blockers |= kOverCapacity;
    out.Set(blocked);
}

} // namespace

// [SECTION] Public API: prepared inputs, choices, budgets, Evaluate -------------------------------------------------

Prepared::Prepared(const Scenario& s, const Catalog& c)
    : scenario(s), catalog(PickCatalog(s, c, owned_)), fig(ResolveFigures(s, c))
{
    FindChosen();
}

Prepared::Prepared(const Scenario& s, const Catalog& priced, const ResolvedFigures& figures)
    : scenario(s), catalog(priced), fig(figures)
{
    FindChosen();
}

void Prepared::Refresh()
{
    const Scenario& s = scenario;
    burst_share = std::clamp(s.burst_share_pct / 100.0, 0.0, 1.0);
    const double sensitive = std::clamp(s.sensitive_work_pct / 100.0, 0.0, 1.0);
    data_must_stay = s.privacy == Privacy::on_premises_only && sensitive > 0;
    local_only_share = s.privacy >= Privacy::confidential ? sensitive : 0.0;
}

const Prepared::ValueLeft& Prepared::ValueLeftAtEnd() const
{
    const double gpu_pct = fig.gpu_depreciation_pct_per_year, other_pct = fig.system_depreciation_pct_per_year;
    const int months = scenario.horizon_months;
    ValueLeftFor& v = value_left_;
    if (!(v.gpu_pct == gpu_pct && v.other_pct == other_pct && v.months == months)) {
        // formulas::ResaleUsd is linear in the two amounts: its value for one dollar of each is the factor
        // every machine's resale takes (a machine's resale is then the formula's own products and sum).
        v.left.gpu = f::ResaleUsd<double>(1.0, 0.0, gpu_pct, other_pct, months);
        v.left.other = f::ResaleUsd<double>(0.0, 1.0, gpu_pct, other_pct, months);
        v.gpu_pct = gpu_pct;
        v.other_pct = other_pct;
        v.months = months;
    }
    return v.left;
}

void Prepared::FindChosen()
{
    Refresh();
    const Scenario& s = scenario;
    forced_gpu = -1;
    forced_offer = -1;
    max_offer_speed = 0;
    if (s.home.owned && !s.home.gpu)
        forced_gpu = -2; // a machine you own, with no GPU named: none to price
    if (s.home.gpu) {
        forced_gpu = -2;
        for (std::size_t i = 0; i < catalog.gpus.size(); ++i)
            if (catalog.gpus[i].id == *s.home.gpu)
                forced_gpu = static_cast<int>(i);
    }
    if (s.cloud.offer) {
        forced_offer = -2;
        for (std::size_t i = 0; i < catalog.offers.size(); ++i)
            if (catalog.offers[i].id == *s.cloud.offer)
                forced_offer = static_cast<int>(i);
    }
    for (const CloudOffer& o : catalog.offers)
        if (forced_offer >= 0 ? &o == &At(catalog.offers, forced_offer) : OfferAllowed(o, s, s.privacy))
            max_offer_speed = std::max(max_offer_speed, o.speed);
    offer_board_watts.clear();
    offer_board_watts.reserve(catalog.offers.size());
    for (const CloudOffer& o : catalog.offers) {
        const GpuChip* chip = o.chip.empty() ? nullptr : FindChip(catalog, o.chip);
        offer_board_watts.push_back(chip && chip->tdp_watts ? chip->tdp_watts->value : 0.0);
    }
}

void Choices::Set(const OptionCost& c)
{
    items.Put(0, c);
    size = 1;
}

bool Choices::HasAsCheap(double upfront_usd, double monthly_outlay_usd, double total_usd) const
{
    for (int i = 0; i < size; ++i) {
        const OptionCost& o = At(items, i);
        if (o.upfront_usd <= upfront_usd + 1e-9 && o.total_usd <= total_usd + 1e-9 &&
            o.MonthlyOutlayUsd() <= monthly_outlay_usd + 1e-9)
            return true;
    }
    return false;
}

void Choices::Offer(const OptionCost& c)
{
    if (!HasAsCheap(c.upfront_usd, c.MonthlyOutlayUsd(), c.total_usd))
        Keep(c);
}

void Choices::Keep(const OptionCost& c)
{
    int kept = 0;
    for (int i = 0; i < size; ++i) {
        const OptionCost& o = At(items, i);
        if (c.upfront_usd <= o.upfront_usd + 1e-9 && c.total_usd <= o.total_usd + 1e-9 &&
            c.MonthlyOutlayUsd() <= o.MonthlyOutlayUsd() + 1e-9)
            continue; // c is as cheap up front, a month and over the horizon: o goes
        if (kept != i)
            items.Put(static_cast<std::size_t>(kept), o);
        ++kept;
    }
    size = kept;
    if (size == kMax) {
        // Full (never seen with the built-in catalog: see kMax): give up the one needing most money up front
        // unless c is cheaper over the horizon than everything kept.
        if (c.total_usd >= At(items, size - 1).total_usd)
            return;
        --size;
    }
    int at = size;
    while (at > 0 && At(items, at - 1).upfront_usd > c.upfront_usd) {
        items.Put(static_cast<std::size_t>(at), At(items, at - 1));
        --at;
    }
    items.Put(static_cast<std::size_t>(at), c);
    ++size;
}

const OptionCost& Choices::Pick(double budget_usd, double monthly_budget_usd) const
{
    // Items run from least money up front to least money over the horizon.
    int within_both = -1, within_budget = -1;
    for (int i = 0; i < size; ++i) {
        const OptionCost& o = At(items, i);
        if (o.upfront_usd > budget_usd + 1e-6)
            break;
        within_budget = i;
        if (o.MonthlyOutlayUsd() <= monthly_budget_usd + 1e-6 &&
            (within_both < 0 || o.total_usd < At(items, within_both).total_usd))
            within_both = i;
    }
    if (within_both >= 0)
        return At(items, within_both);
    if (within_budget >= 0)
        return At(items, within_budget);
    return items[0];
}

OptionChoices CostOptions(const Prepared& p, double hours_per_week)
{
    const double hours = std::clamp(hours_per_week, 0.0, f::kHoursPerWeek);
    const double peak = f::PeakWorkHoursPerWeek(hours, p.burst_share, p.fig.burst_peak_factor);
    OptionChoices out;
    MachineCache machines;
    CostHome(p, hours, peak, machines, out.by_option[0]);
    // The cloud's speed relative to home (cloud.speed_vs_home) is against the home option's GPU.
    const OptionCost& home = out.by_option[0].items[0];
    const double home_speed = home.gpu_index >= 0 ? At(p.catalog.gpus, home.gpu_index).speed : 1.0;
    CostCloud(p, hours, home_speed, out.by_option[1]);
    CostHybrid(p, hours, home_speed, out.by_option[0], machines, out.by_option[2], &out.real_mixes);
    out.home_plus_copy_is_a_mix = p.scenario.wants_redundancy;
    return out;
}

OptionCosts ApplyBudgets(const OptionChoices& choices, double budget_usd, double monthly_budget_usd)
{
    OptionCosts costs;
    for (int o = 0; o < kOptionCount; ++o) {
        OptionCost& c = At(costs, o);
        const Choices& options = At(choices.by_option, o);
        c = options.Pick(budget_usd, monthly_budget_usd);
        c.min_upfront_usd = options.items[0].upfront_usd;
        if (o == static_cast<int>(Option::hybrid) && c.gpu_index >= 0 && c.cloud_work_hours_per_week <= 1e-9 &&
            !choices.home_plus_copy_is_a_mix) {
            // The best split for this budget keeps all the work at home: that is the home lab. Show what the
            // best real mix would cost, marked as such, never as an option of its own.
            if (choices.real_mixes.size > 0) {
                c = choices.real_mixes.Pick(budget_usd, monthly_budget_usd);
                c.min_upfront_usd = choices.real_mixes.items[0].upfront_usd;
            } else {
                c = OptionCost{};
            }
            c.blockers |= kMixIsHomeLab;
        }
        c.blockers &= ~(kOverBudget | kOverMonthlyBudget);
        if (c.upfront_usd > budget_usd + 1e-6)
            c.blockers |= kOverBudget;
        if (c.MonthlyOutlayUsd() > monthly_budget_usd + 1e-6)
            c.blockers |= kOverMonthlyBudget;
    }
    return costs;
}

Evaluation EvaluatePrepared(const Prepared& p)
{
    const Scenario& s = p.scenario;
    return Score(p, s, ApplyBudgets(CostOptions(p, s.hours_per_week), s.budget_usd, s.monthly_budget_usd));
}

Evaluation Evaluate(const Scenario& input, const Catalog& input_catalog)
{
    const ModelInputs in(input, input_catalog);
    return EvaluatePrepared(Prepared(in.scenario(), in.catalog()));
}

} // namespace labcalc::core
