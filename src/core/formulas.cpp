#include "core/formulas.hpp"

#include <algorithm>
#include <cmath>

namespace labcalc::core::formulas {

double HomeHardwareUsd(double base_system_usd, double gpu_price_usd, int gpu_count, double load_watts,
                       double psu_ups_usd_per_kw, double data_gb, double disk_usd_per_tb)
{
    return base_system_usd + gpu_price_usd * gpu_count + psu_ups_usd_per_kw * load_watts / 1000.0 +
        disk_usd_per_tb * data_gb / 1000.0;
}

double MachineWatts(double base_watts, double gpu_watts, int gpu_count) { return base_watts + gpu_watts * gpu_count; }

double ElectricityUsdPerMonth(double load_watts, double idle_watts, double busy_hours_per_week,
                              double on_hours_per_week, double usd_per_kwh, double cooling_overhead_pct)
{
    const double busy = std::clamp(busy_hours_per_week, 0.0, kHoursPerWeek);
    const double idle = std::max(0.0, std::min(on_hours_per_week, kHoursPerWeek) - busy);
    const double kwh_per_week = (load_watts * busy + idle_watts * idle) / 1000.0;
    return kwh_per_week * kWeeksPerMonth * usd_per_kwh * (1.0 + cooling_overhead_pct / 100.0);
}

double OnHoursPerWeek(double busy_hours_per_week, double set_on_hours, double idle_on_pct_of_busy)
{
    const double busy = std::clamp(busy_hours_per_week, 0.0, kHoursPerWeek);
    if (set_on_hours >= 0)
        return std::max(std::min(set_on_hours, kHoursPerWeek), busy);
    return std::min(kHoursPerWeek, busy * (1.0 + std::max(0.0, idle_on_pct_of_busy) / 100.0));
}

double AfterSellingFee(double sale_usd, double fee_pct)
{
    return sale_usd * (1.0 - std::clamp(fee_pct, 0.0, 100.0) / 100.0);
}

double MaintenanceUsdPerMonth(double hardware_usd, double maintenance_pct_per_year)
{
    return hardware_usd * maintenance_pct_per_year / 100.0 / 12.0;
}

double ResaleUsd(double gpu_hardware_usd, double other_hardware_usd, double gpu_depreciation_pct_per_year,
                 double other_depreciation_pct_per_year, double months)
{
    const double years = months / 12.0;
    const double gpu_left = std::pow(1.0 - std::clamp(gpu_depreciation_pct_per_year, 0.0, 100.0) / 100.0, years);
    const double other_left = std::pow(1.0 - std::clamp(other_depreciation_pct_per_year, 0.0, 100.0) / 100.0, years);
    return gpu_hardware_usd * gpu_left + other_hardware_usd * other_left;
}

double CapacityWorkHoursPerWeek(int parallel_jobs, double gpu_speed, double max_utilization_pct)
{
    return parallel_jobs * gpu_speed * kHoursPerWeek * max_utilization_pct / 100.0;
}

double CloudGpuHoursPerWeek(double work_hours_per_week, double speed, int gpus_per_instance)
{
    return work_hours_per_week / speed * gpus_per_instance;
}

double CloudComputeUsdPerMonth(double gpu_hours_per_week, double usd_per_gpu_hour, bool spot,
                               double spot_interruption_overhead_pct)
{
    const double redo = spot ? 1.0 + spot_interruption_overhead_pct / 100.0 : 1.0;
    return gpu_hours_per_week * kWeeksPerMonth * usd_per_gpu_hour * redo;
}

double StorageUsdPerMonth(double data_gb, double usd_per_gb_month) { return data_gb * usd_per_gb_month; }

double EgressUsdPerMonth(double egress_gb_per_month, double free_gb_per_month, double usd_per_gb)
{
    return std::max(0.0, egress_gb_per_month - free_gb_per_month) * usd_per_gb;
}

double IdleUsdPerMonth(double compute_usd_per_month, double idle_overhead_pct, double working_volume_gb,
                       double stopped_volume_usd_per_gb_month, double instance_hours_per_week)
{
    if (instance_hours_per_week <= 0)
        return 0; // no instance, nothing left running and no disk kept
    const double stopped_share = 1.0 - std::min(1.0, instance_hours_per_week / kHoursPerWeek);
    return compute_usd_per_month * idle_overhead_pct / 100.0 +
        working_volume_gb * stopped_volume_usd_per_gb_month * stopped_share;
}

double ConfidentialUsdPerMonth(double compute_usd_per_month, double overhead_pct, double fixed_usd_per_month)
{
    return compute_usd_per_month * overhead_pct / 100.0 + fixed_usd_per_month;
}

double PeakWorkHoursPerWeek(double work_hours_per_week, double burst_share, double burst_peak_factor)
{
    const double steady = work_hours_per_week * (1.0 - burst_share);
    return steady + work_hours_per_week * burst_share * burst_peak_factor;
}

double TotalUsd(double upfront_usd, double monthly_usd, int horizon_months, double resale_usd)
{
    return upfront_usd + monthly_usd * horizon_months - resale_usd;
}

} // namespace labcalc::core::formulas
