// Choosing the machine and the plan for each option, and pricing them with formulas.hpp.
#include "core/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/formulas.hpp"
#include "core/model.hpp"

namespace labcalc::core {
namespace f = formulas;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

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

struct CloudPlan {
    int offer = -1;
    int gpus = 0;
    double usd_per_gpu_hour = 0;
    double gpu_hours_per_week = 0;
    double instance_hours_per_week = 0;
    double compute_usd = 0;
};

// The cheapest offer that fits the VRAM need, for `work_hours` of work per week.
CloudPlan PlanCloud(const Prepared& p, double work_hours, Privacy data_class, double home_speed)
{
    const Scenario& s = p.scenario;
    const bool spot = s.cloud.pricing == CloudPricing::spot;
    CloudPlan best;
    double best_usd = kInf;
    for (int i = 0; i < static_cast<int>(p.catalog.offers.size()); ++i) {
        const CloudOffer& o = p.catalog.offers[static_cast<std::size_t>(i)];
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
        // cloud.speed_vs_home: a job takes 1/speed_vs_home of its home hours.
        const double speed = s.cloud.speed_vs_home ? *s.cloud.speed_vs_home * home_speed : o.speed;
        CloudPlan plan;
        plan.offer = i;
        plan.gpus = gpus;
        plan.usd_per_gpu_hour = rate;
        plan.instance_hours_per_week = work_hours / speed;
        plan.gpu_hours_per_week = f::CloudGpuHoursPerWeek(work_hours, speed, gpus);
        plan.compute_usd = f::CloudComputeUsdPerMonth(plan.gpu_hours_per_week, rate, spot && o.spot_usd_per_gpu_hour.has_value(),
                                                      p.fig.spot_interruption_overhead_pct);
        // Ties (no work at all) go to the cheapest rate, so the plan shown is still the sensible one.
        const double key = plan.compute_usd + rate * 1e-6;
        if (key < best_usd) {
            best_usd = key;
            best = plan;
        }
    }
    return best;
}

// Fills the cloud-side monthly costs for a plan.
void PriceCloudPart(const Prepared& p, const CloudPlan& plan, double data_gb, double egress_gb, bool confidential,
                    MonthlyBreakdown* m)
{
    const Scenario& s = p.scenario;
    m->gpu_hours_usd = plan.compute_usd;
    m->storage_usd = s.cloud.storage_usd_per_month ? *s.cloud.storage_usd_per_month * (data_gb / std::max(s.data_gb, 1e-9))
                                                   : f::StorageUsdPerMonth(data_gb, p.fig.storage_usd_per_gb_month);
    if (s.data_gb <= 0 && s.cloud.storage_usd_per_month)
        m->storage_usd = *s.cloud.storage_usd_per_month;
    m->egress_usd = s.cloud.egress_usd_per_month
                        ? *s.cloud.egress_usd_per_month * (egress_gb / std::max(s.egress_gb_per_month, 1e-9))
                        : f::EgressUsdPerMonth(egress_gb, p.fig.egress_free_gb_per_month, p.fig.egress_usd_per_gb);
    if (s.egress_gb_per_month <= 0 && s.cloud.egress_usd_per_month)
        m->egress_usd = *s.cloud.egress_usd_per_month;
    m->idle_usd = f::IdleUsdPerMonth(plan.compute_usd, p.fig.idle_overhead_pct, p.fig.working_volume_gb,
                                     p.fig.stopped_volume_usd_per_gb_month, plan.instance_hours_per_week);
    m->compliance_usd = confidential ? f::ConfidentialUsdPerMonth(plan.compute_usd, p.fig.confidential_overhead_pct,
                                                                  p.fig.confidential_usd_per_month)
                                     : 0;
}

struct LocalMachine {
    int gpu = -1;
    int gpu_count = 0;
    int parallel_jobs = 0;
    double gpu_hardware_usd = 0, hardware_usd = 0;
    double load_watts = 0, idle_watts = 0;
    double capacity = 0;          // work hours per week
    double resale_usd = 0;        // at catalog prices, at the end of the horizon
};

LocalMachine BuildMachine(const Prepared& p, int gpu_index, int gpu_count, int gpus_per_job)
{
    const GpuModel& g = p.catalog.gpus[static_cast<std::size_t>(gpu_index)];
    LocalMachine m;
    m.gpu = gpu_index;
    m.gpu_count = gpu_count;
    m.parallel_jobs = gpu_count / gpus_per_job;
    m.load_watts = f::MachineWatts(p.fig.base_load_watts, g.load_watts, gpu_count);
    m.idle_watts = f::MachineWatts(p.fig.base_idle_watts, g.idle_watts, gpu_count);
    m.gpu_hardware_usd = g.price_usd.value * gpu_count;
    m.hardware_usd = f::HomeHardwareUsd(p.fig.base_system_usd, g.price_usd.value, gpu_count, m.load_watts,
                                        p.fig.psu_ups_usd_per_kw, p.scenario.data_gb, p.fig.disk_usd_per_tb);
    m.capacity = f::CapacityWorkHoursPerWeek(m.parallel_jobs, g.speed, p.fig.max_utilization_pct);
    m.resale_usd = f::ResaleUsd(m.gpu_hardware_usd, m.hardware_usd - m.gpu_hardware_usd, p.fig.gpu_depreciation_pct_per_year,
                                p.fig.system_depreciation_pct_per_year, p.scenario.horizon_months);
    return m;
}

// Prices a local machine running `local_work` hours per week. `use_overrides`: the home.* overrides
// describe the user's own home machine, so they apply to the home option only.
void PriceLocalPart(const Prepared& p, const LocalMachine& m, double local_work, bool use_overrides, OptionCost* out)
{
    const Scenario& s = p.scenario;
    const GpuModel& g = p.catalog.gpus[static_cast<std::size_t>(m.gpu)];
    const double hardware = use_overrides && s.home.hardware_usd ? *s.home.hardware_usd : m.hardware_usd;
    const double load_w = use_overrides && s.home.power_watts ? *s.home.power_watts : m.load_watts;
    const double idle_w = use_overrides && s.home.idle_watts ? std::min(*s.home.idle_watts, load_w) : m.idle_watts;
    const double busy = m.parallel_jobs > 0 ? local_work / (g.speed * m.parallel_jobs) : 0;
    const double on = std::max(s.home.on_hours_per_week, busy);
    out->gpu_index = m.gpu;
    out->gpu_count = m.gpu_count;
    out->load_watts = load_w;
    out->idle_watts = idle_w;
    out->capacity_work_hours_per_week = m.capacity;
    out->local_work_hours_per_week = local_work;
    out->upfront_usd = hardware;
    out->monthly.power_usd = f::ElectricityUsdPerMonth(load_w, idle_w, busy, on, p.fig.electricity_usd_per_kwh,
                                                        p.fig.cooling_overhead_pct);
    out->monthly.maintenance_usd = use_overrides && s.home.maintenance_usd_per_year
                                       ? *s.home.maintenance_usd_per_year / 12.0
                                       : f::MaintenanceUsdPerMonth(hardware, p.fig.maintenance_pct_per_year);
    if (use_overrides && s.home.resale_pct) {
        out->resale_usd = hardware * *s.home.resale_pct / 100.0;
    } else {
        // An overridden price keeps the catalog's proportions of GPUs to the rest, so its resale scales.
        const double scale = m.hardware_usd > 0 ? hardware / m.hardware_usd : 0;
        out->resale_usd = m.resale_usd * scale;
    }
}

void Finish(const Prepared& p, OptionCost* c)
{
    c->monthly_usd = c->monthly.Total();
    c->total_usd = f::TotalUsd(c->upfront_usd, c->monthly_usd, p.scenario.horizon_months, c->resale_usd);
}

// Home: the cheapest machine over the horizon that holds the largest job and runs the peak week.
OptionCost CostHome(const Prepared& p, double hours, double peak)
{
    const Scenario& s = p.scenario;
    // The machine is chosen on catalog prices; the home.* overrides then price the chosen one (an
    // overridden price says what your machine costs, not how big it should be).
    OptionCost best;
    best.total_usd = kInf;
    LocalMachine best_machine, largest_machine;
    OptionCost largest; // the most capable machine, shown when none can run the peak week
    double largest_capacity = -1;
    bool any_fits_vram = false;
    for (int gi = 0; gi < static_cast<int>(p.catalog.gpus.size()); ++gi) {
        if (p.forced_gpu != -1 && gi != p.forced_gpu) // -2: an unknown id matches no GPU
            continue;
        const GpuModel& g = p.catalog.gpus[static_cast<std::size_t>(gi)];
        const int per_job = GpusForVram(s.vram_gb, g.vram_gb);
        const int max_gpus = s.home.gpu_count ? *s.home.gpu_count : p.fig.max_gpus;
        if (per_job > max_gpus)
            continue;
        any_fits_vram = true;
        const int first = s.home.gpu_count ? *s.home.gpu_count : per_job;
        for (int n = first; n <= max_gpus; n += per_job) {
            const LocalMachine m = BuildMachine(p, gi, n, per_job);
            OptionCost c;
            PriceLocalPart(p, m, hours, false, &c);
            Finish(p, &c);
            if (m.capacity > largest_capacity + 1e-9) {
                largest_capacity = m.capacity;
                largest = c;
                largest_machine = m;
            }
            if (m.capacity + 1e-9 >= peak && c.total_usd < best.total_usd) {
                best = c;
                best_machine = m;
            }
        }
    }
    auto with_overrides = [&](const LocalMachine& m, const OptionCost& chosen) {
        OptionCost c = chosen;
        c.monthly = MonthlyBreakdown{};
        PriceLocalPart(p, m, hours, true, &c);
        Finish(p, &c);
        return c;
    };
    if (std::isfinite(best.total_usd))
        return with_overrides(best_machine, best);
    if (!any_fits_vram) {
        OptionCost c;
        c.blockers |= p.forced_gpu == -2 ? kUnknownGpu : kVramTooLarge;
        return c;
    }
    // No machine runs the peak week: the largest one does if the average fits, with bursts waiting.
    largest = with_overrides(largest_machine, largest);
    if (largest.capacity_work_hours_per_week + 1e-9 >= hours)
        largest.bursts_queue = true;
    else
        largest.blockers |= kOverCapacity;
    return largest;
}

// Cloud: the cheapest offer that fits, for all the work, with all the data.
OptionCost CostCloud(const Prepared& p, double hours, double home_speed)
{
    const Scenario& s = p.scenario;
    OptionCost c;
    if (p.forced_offer == -2) {
        c.blockers |= kUnknownOffer;
        return c;
    }
    const CloudPlan plan = PlanCloud(p, hours, s.privacy, home_speed);
    if (plan.offer < 0) {
        c.blockers |= kNoCloudOffer;
        return c;
    }
    if (p.data_must_stay)
        c.blockers |= kDataMustStay;
    c.offer_index = plan.offer;
    c.offer_gpus = plan.gpus;
    c.cloud_work_hours_per_week = hours;
    c.cloud_gpu_hours_per_week = plan.gpu_hours_per_week;
    c.burst_share_to_cloud = 1;
    PriceCloudPart(p, plan, s.data_gb, s.egress_gb_per_month, s.privacy == Privacy::confidential && s.sensitive_work_pct > 0,
                   &c.monthly);
    Finish(p, &c);
    return c;
}

// Hybrid: a local machine for the steady work (and all work on data that must stay), the cloud for
// a share of the bursts. Searches the local machine and the share of bursts sent out for the
// lowest total cost. Course: "Development and prototyping: local hardware; training large models:
// cloud; keep sensitive data on-premises, use cloud for non-sensitive workloads".
OptionCost CostHybrid(const Prepared& p, double hours, double home_speed)
{
    const Scenario& s = p.scenario;
    OptionCost best;
    best.total_usd = kInf;
    if (p.forced_offer == -2) {
        OptionCost blocked;
        blocked.blockers |= kUnknownOffer;
        return blocked;
    }
    const double b = p.burst_share;
    const double sigma = p.local_only_share;
    if (sigma >= 1) {
        OptionCost blocked;
        blocked.blockers |= kNothingToSplit; // all work is on data that stays local: that is a home lab
        return blocked;
    }
    const double P = p.fig.burst_peak_factor;
    static constexpr double kShares[] = {0.25, 0.5, 0.75, 1.0};
    // The data that goes to the cloud is below the strictest class when that class stays local.
    const Privacy cloud_class = sigma > 0 ? std::min(s.privacy, Privacy::internal) : s.privacy;
    // The cloud plan depends only on the share of bursts sent out: price the four once.
    CloudPlan plans[4];
    for (int k = 0; k < 4; ++k)
        plans[k] = PlanCloud(p, hours * b * kShares[k], cloud_class, home_speed);
    bool any_local = false;
    for (int gi = 0; gi < static_cast<int>(p.catalog.gpus.size()); ++gi) {
        if (p.forced_gpu != -1 && gi != p.forced_gpu) // -2: an unknown id matches no GPU
            continue;
        const GpuModel& g = p.catalog.gpus[static_cast<std::size_t>(gi)];
        int per_job = GpusForVram(s.vram_gb, g.vram_gb);
        bool dev_box = false;
        if (per_job > p.fig.max_gpus) {
            // The largest job fits no home machine: the local machine is a one-GPU development box and
            // the large jobs (the bursts) all go to the cloud.
            per_job = 1;
            dev_box = true;
        }
        for (int n = per_job; n <= p.fig.max_gpus; n += per_job) {
            const LocalMachine m = BuildMachine(p, gi, n, per_job);
            for (int k = 0; k < 4; ++k) {
                const double share = kShares[k];
                if (dev_box && share < 1.0)
                    continue;
                if (b <= 0 && share < 1.0)
                    continue; // no bursts: every share is the same plan
                // Work kept local must include all work on data that may not leave.
                const double local_avg = hours * ((1 - b) + b * (1 - share));
                if (local_avg + 1e-9 < sigma * hours)
                    continue;
                const double local_peak = hours * (1 - b) + hours * b * (1 - share) * P;
                if (m.capacity + 1e-9 < local_peak)
                    continue;
                any_local = true;
                const double cloud_work = hours * b * share;
                OptionCost c;
                PriceLocalPart(p, m, local_avg, false, &c);
                const CloudPlan& plan = plans[k];
                if (plan.offer < 0)
                    continue;
                // In the cloud: the data the bursts need and a backup of what may leave.
                const double cloud_data = s.data_gb * (1 - sigma);
                const double egress = hours > 0 ? s.egress_gb_per_month * cloud_work / hours : 0;
                PriceCloudPart(p, plan, cloud_data, egress, false, &c.monthly);
                c.offer_index = plan.offer;
                c.offer_gpus = plan.gpus;
                c.cloud_work_hours_per_week = cloud_work;
                c.cloud_gpu_hours_per_week = plan.gpu_hours_per_week;
                c.burst_share_to_cloud = b > 0 ? share : 0;
                Finish(p, &c);
                if (c.total_usd < best.total_usd - 1e-9)
                    best = c;
            }
        }
    }
    if (std::isfinite(best.total_usd))
        return best;
    OptionCost c;
    if (p.forced_gpu == -2)
        c.blockers |= kUnknownGpu;
    else if (!any_local)
        c.blockers |= kOverCapacity;
    else
        c.blockers |= kNoCloudOffer;
    return c;
}

} // namespace

Prepared::Prepared(const Scenario& s, const Catalog& c)
    : scenario(s), catalog(PickCatalog(s, c, owned_)), fig(ResolveFigures(s, c))
{
    burst_share = std::clamp(s.burst_share_pct / 100.0, 0.0, 1.0);
    const double sensitive = std::clamp(s.sensitive_work_pct / 100.0, 0.0, 1.0);
    data_must_stay = s.privacy == Privacy::on_premises_only && sensitive > 0;
    local_only_share = s.privacy >= Privacy::confidential ? sensitive : 0.0;
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
        if (forced_offer >= 0 ? &o == &catalog.offers[static_cast<std::size_t>(forced_offer)] : OfferAllowed(o, s, s.privacy))
            max_offer_speed = std::max(max_offer_speed, o.speed);
}

std::array<OptionCost, kOptionCount> CostOptions(const Prepared& p, double hours_per_week)
{
    const double hours = std::clamp(hours_per_week, 0.0, f::kHoursPerWeek);
    const double peak = f::PeakWorkHoursPerWeek(hours, p.burst_share, p.fig.burst_peak_factor);
    std::array<OptionCost, kOptionCount> out;
    out[0] = CostHome(p, hours, peak);
    const double home_speed = out[0].gpu_index >= 0 ? p.catalog.gpus[static_cast<std::size_t>(out[0].gpu_index)].speed : 1.0;
    out[1] = CostCloud(p, hours, home_speed);
    out[2] = CostHybrid(p, hours, home_speed);
    return out;
}

void ApplyBudgets(std::array<OptionCost, kOptionCount>& costs, double budget_usd, double monthly_budget_usd)
{
    for (OptionCost& c : costs) {
        c.blockers &= ~(kOverBudget | kOverMonthlyBudget);
        if (c.upfront_usd > budget_usd + 1e-6)
            c.blockers |= kOverBudget;
        if (c.monthly_usd > monthly_budget_usd + 1e-6)
            c.blockers |= kOverMonthlyBudget;
    }
}

Evaluation Evaluate(const Scenario& s, const Catalog& c)
{
    const Prepared p(s, c);
    auto costs = CostOptions(p, s.hours_per_week);
    ApplyBudgets(costs, s.budget_usd, s.monthly_budget_usd);
    return Score(p, s, costs);
}

} // namespace labcalc::core
