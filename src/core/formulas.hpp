#pragma once
// Every cost formula of labcalc, in one place. Each says where its rule comes from; the figures it
// is fed come from the catalog (assets/catalog.json, each with source and date) or the scenario.
// All money in USD, power in watts, time in hours; "work hours" are hours of an RTX 4090-class GPU.
//
// Each formula is a template over its number type: `double` computes the model; `Traced` (traced.hpp) runs
// the same code to write the working a learner is shown (workings.cpp). So write a formula with the
// operators and Min/Max/Clamp/Pow only, and branch on Value(x), which both types have.
#include "core/traced.hpp"

namespace labcalc::core::formulas {

constexpr double kHoursPerWeek = 168.0;
constexpr double kWeeksPerMonth = 365.25 / 12.0 / 7.0; // 4.348 weeks in an average month
constexpr double kHoursPerMonth = kHoursPerWeek * kWeeksPerMonth;

// Weeks in an average month, named in a working.
template <class N>
N WeeksPerMonth();
template <>
inline double WeeksPerMonth<double>()
{
    return kWeeksPerMonth;
}
template <>
inline Traced WeeksPerMonth<Traced>()
{
    return Term(kWeeksPerMonth, "weeks_per_month", "weeks in an average month (365.25 / 12 / 7)", "weeks", "constant");
}

// ---- Home -------------------------------------------------------------------------------------

// Price of the whole home machine: the rest of the system, the GPUs, a power supply and UPS sized to
// the load (RTX 5090 spec pages ask for a 1000 W PSU), and disks for the data (one copy plus a backup).
// Cf. randomcalculators.com AI Infra TCO: C_capex = N * C_hw * (1 + o).
template <class N>
N HomeHardwareUsd(N base_system_usd, N gpu_price_usd, N gpu_count, N load_watts, N psu_ups_usd_per_kw, N data_gb,
                  N disk_usd_per_tb)
{
    return base_system_usd + gpu_price_usd * gpu_count + psu_ups_usd_per_kw * load_watts / 1000.0 +
        disk_usd_per_tb * data_gb / 1000.0;
}

// Draw of the whole machine: the rest of the system plus each GPU (Dettmers: GPU W + CPU W).
template <class N>
N MachineWatts(N base_watts, N gpu_watts, N gpu_count)
{
    return base_watts + gpu_watts * gpu_count;
}

// Electricity per month: load watts for the busy hours, idle watts for the rest of the hours the
// machine is on, times the tariff, plus cooling overhead.
// Dettmers: kWh/yr = (GPU W + CPU W) x utilization x 24 x 365; llm-d-planner #70: idle vs active draw, PUE.
template <class N>
N ElectricityUsdPerMonth(N load_watts, N idle_watts, N busy_hours_per_week, N on_hours_per_week, N usd_per_kwh,
                         N cooling_overhead_pct)
{
    const N busy = Clamp(busy_hours_per_week, 0.0, kHoursPerWeek);
    const N idle = Clamp(on_hours_per_week, 0.0, kHoursPerWeek) - busy;
    const N kwh_per_week = (load_watts * busy + idle_watts * Max(idle, 0.0)) / 1000.0;
    return kwh_per_week * WeeksPerMonth<N>() * usd_per_kwh * (1.0 + cooling_overhead_pct / 100.0);
}

// Hours a week the machine is switched on: the person's figure (never less than the busy hours), or,
// unset, the busy hours plus an idle share of them: a machine switched on for the work, not around the
// clock (Dettmers: personal desktops are busy 5-15% of the time they exist, so "always on" would make
// idle draw most of a light user's bill). `set_on_hours` < 0 means unset.
template <class N>
N OnHoursPerWeek(N busy_hours_per_week, N set_on_hours, N idle_on_pct_of_busy)
{
    const N busy = Clamp(busy_hours_per_week, 0.0, kHoursPerWeek);
    if (Value(set_on_hours) >= 0)
        return Max(Min(set_on_hours, kHoursPerWeek), busy);
    return Min(kHoursPerWeek, busy * (1.0 + Max(idle_on_pct_of_busy, 0.0) / 100.0));
}

// What a sale brings in after the marketplace's fee on the sale price.
template <class N>
N AfterSellingFee(N sale_usd, N fee_pct)
{
    return sale_usd * (1.0 - Clamp(fee_pct, 0.0, 100.0) / 100.0);
}

// Repairs and spares as a share of the hardware price per year (nenadlazic: spares 5-10%).
template <class N>
N MaintenanceUsdPerMonth(N hardware_usd, N maintenance_pct_per_year)
{
    return hardware_usd * maintenance_pct_per_year / 100.0 / 12.0;
}

// Resale value after `months`: declining balance, since used GPUs lose a share of their value each
// year (Spheron: 15-20% a year); the rest of the machine at its own rate.
template <class N>
N ResaleUsd(N gpu_hardware_usd, N other_hardware_usd, N gpu_depreciation_pct_per_year,
            N other_depreciation_pct_per_year, N months)
{
    const N years = months / 12.0;
    const N gpu_left = Pow(1.0 - Clamp(gpu_depreciation_pct_per_year, 0.0, 100.0) / 100.0, years);
    const N other_left = Pow(1.0 - Clamp(other_depreciation_pct_per_year, 0.0, 100.0) / 100.0, years);
    return gpu_hardware_usd * gpu_left + other_hardware_usd * other_left;
}

// Work-hours per week a machine can run: parallel copies of the job x GPU speed x the hours it can
// really be kept busy (ai-infrastructure.net: delivered GPU-hours = GPUs x 8760 x utilization).
// Hours a week the machine at home is busy with `work_hours_per_week` of work (hours of an RTX 4090): a GPU of
// speed v does it in 1/v of the time, and a machine running `parallel_jobs` copies of the job at once in
// 1/parallel_jobs of that.
template <class N>
N BusyHoursPerWeek(N work_hours_per_week, N gpu_speed, N parallel_jobs)
{
    return work_hours_per_week / (gpu_speed * parallel_jobs);
}

template <class N>
N CapacityWorkHoursPerWeek(N parallel_jobs, N gpu_speed, N max_utilization_pct)
{
    return parallel_jobs * gpu_speed * kHoursPerWeek * max_utilization_pct / 100.0;
}

// ---- Cloud ------------------------------------------------------------------------------------

// Billed GPU-hours per week: the work at the offer's speed, on as many GPUs as the job needs.
template <class N>
N CloudGpuHoursPerWeek(N work_hours_per_week, N speed, N gpus_per_instance)
{
    return work_hours_per_week / speed * gpus_per_instance;
}

// GPU-hours x rate; spot work is redone after interruptions (Dettmers: V100 spot interruptions >20%).
template <class N>
N CloudComputeUsdPerMonth(N gpu_hours_per_week, N usd_per_gpu_hour, bool spot, N spot_interruption_overhead_pct)
{
    const N per_month = gpu_hours_per_week * WeeksPerMonth<N>() * usd_per_gpu_hour;
    return spot ? per_month * (1.0 + spot_interruption_overhead_pct / 100.0) : per_month;
}

// Object storage for the data kept (finout.io: S3 Standard 0.023 USD/GB-month).
template <class N>
N StorageUsdPerMonth(N data_gb, N usd_per_gb_month)
{
    return data_gb * usd_per_gb_month;
}

// Egress beyond the free allowance (AWS: 100 GB/month free, then 0.09 USD/GB).
template <class N>
N EgressUsdPerMonth(N egress_gb_per_month, N free_gb_per_month, N usd_per_gb)
{
    return Max(egress_gb_per_month - free_gb_per_month, 0.0) * usd_per_gb;
}

// Idle charges: instances left running (a share of the GPU-hours; the-full-stack #76) plus the
// instance disk billed while stopped (RunPod: 0.20 USD/GB-month for a stopped pod's volume).
template <class N>
N IdleUsdPerMonth(N compute_usd_per_month, N idle_overhead_pct, N working_volume_gb, N stopped_volume_usd_per_gb_month,
                  N instance_hours_per_week)
{
    if (Value(instance_hours_per_week) <= 0)
        return 0.0; // no instance, nothing left running and no disk kept
    const N stopped_share = 1.0 - Min(instance_hours_per_week / kHoursPerWeek, 1.0);
    return compute_usd_per_month * idle_overhead_pct / 100.0 +
        working_volume_gb * stopped_volume_usd_per_gb_month * stopped_share;
}

// Confidential data in the cloud: dedicated tenancy and private networking (a share of compute)
// plus keys, private endpoints and audit logs (a fixed monthly sum). Course: "Good (with proper setup)".
template <class N>
N ConfidentialUsdPerMonth(N compute_usd_per_month, N overhead_pct, N fixed_usd_per_month)
{
    return compute_usd_per_month * overhead_pct / 100.0 + fixed_usd_per_month;
}

// ---- Workload shape ---------------------------------------------------------------------------

// The week's work as a steady part every week plus bursts. Bursts come in one week of every
// `burst_peak_factor` weeks, with that many times the average burst work, so the average is kept and
// the peak week holds steady + factor x bursts.
template <class N>
N PeakWorkHoursPerWeek(N work_hours_per_week, N burst_share, N burst_peak_factor)
{
    const N steady = work_hours_per_week * (1.0 - burst_share);
    return steady + work_hours_per_week * burst_share * burst_peak_factor;
}

// ---- Over time --------------------------------------------------------------------------------

// Upfront + running costs - resale over the horizon (the total cost of ownership).
template <class N>
N TotalUsd(N upfront_usd, N monthly_usd, N horizon_months, N resale_usd)
{
    return upfront_usd + monthly_usd * horizon_months - resale_usd;
}

// What one hour of work costs: the total over the horizon over the hours of work done in it.
template <class N>
N UsdPerWorkHour(N total_usd, N work_hours_per_week, N horizon_months)
{
    const N work_hours = work_hours_per_week * WeeksPerMonth<N>() * horizon_months;
    return Value(work_hours) > 0 ? total_usd / work_hours : N(0.0);
}

} // namespace labcalc::core::formulas
