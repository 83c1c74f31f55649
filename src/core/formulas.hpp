#pragma once
// Every cost formula of labcalc, in one place. Each says where its rule comes from; the figures it
// is fed come from the catalog (assets/catalog.json, each with source and date) or the scenario.
// All money in USD, power in watts, time in hours; "work hours" are hours of an RTX 4090-class GPU.

namespace labcalc::core::formulas {

constexpr double kHoursPerWeek = 168.0;
constexpr double kWeeksPerMonth = 365.25 / 12.0 / 7.0; // 4.348 weeks in an average month
constexpr double kHoursPerMonth = kHoursPerWeek * kWeeksPerMonth;

// ---- Home -------------------------------------------------------------------------------------

// Price of the whole home machine: the rest of the system, the GPUs, a power supply and UPS sized to
// the load (RTX 5090 spec pages ask for a 1000 W PSU), and disks for the data (one copy plus a backup).
// Cf. randomcalculators.com AI Infra TCO: C_capex = N * C_hw * (1 + o).
double HomeHardwareUsd(double base_system_usd, double gpu_price_usd, int gpu_count, double load_watts,
                       double psu_ups_usd_per_kw, double data_gb, double disk_usd_per_tb);

// Draw of the whole machine: the rest of the system plus each GPU (Dettmers: GPU W + CPU W).
double MachineWatts(double base_watts, double gpu_watts, int gpu_count);

// Electricity per month: load watts for the busy hours, idle watts for the rest of the hours the
// machine is on, times the tariff, plus cooling overhead.
// Dettmers: kWh/yr = (GPU W + CPU W) x utilization x 24 x 365; llm-d-planner #70: idle vs active draw, PUE.
double ElectricityUsdPerMonth(double load_watts, double idle_watts, double busy_hours_per_week,
                              double on_hours_per_week, double usd_per_kwh, double cooling_overhead_pct);

// Hours a week the machine is switched on: the person's figure (never less than the busy hours), or,
// unset, the busy hours plus an idle share of them: a machine switched on for the work, not around the
// clock (Dettmers: personal desktops are busy 5-15% of the time they exist, so "always on" would make
// idle draw most of a light user's bill). `set_on_hours` < 0 means unset.
double OnHoursPerWeek(double busy_hours_per_week, double set_on_hours, double idle_on_pct_of_busy);

// What a sale brings in after the marketplace's fee on the sale price.
double AfterSellingFee(double sale_usd, double fee_pct);

// Repairs and spares as a share of the hardware price per year (nenadlazic: spares 5-10%).
double MaintenanceUsdPerMonth(double hardware_usd, double maintenance_pct_per_year);

// Resale value after `months`: declining balance, since used GPUs lose a share of their value each
// year (Spheron: 15-20% a year); the rest of the machine at its own rate.
double ResaleUsd(double gpu_hardware_usd, double other_hardware_usd, double gpu_depreciation_pct_per_year,
                 double other_depreciation_pct_per_year, double months);

// Work-hours per week a machine can run: parallel copies of the job x GPU speed x the hours it can
// really be kept busy (ai-infrastructure.net: delivered GPU-hours = GPUs x 8760 x utilization).
double CapacityWorkHoursPerWeek(int parallel_jobs, double gpu_speed, double max_utilization_pct);

// ---- Cloud ------------------------------------------------------------------------------------

// Billed GPU-hours per week: the work at the offer's speed, on as many GPUs as the job needs.
double CloudGpuHoursPerWeek(double work_hours_per_week, double speed, int gpus_per_instance);

// GPU-hours x rate; spot work is redone after interruptions (Dettmers: V100 spot interruptions >20%).
double CloudComputeUsdPerMonth(double gpu_hours_per_week, double usd_per_gpu_hour, bool spot,
                               double spot_interruption_overhead_pct);

// Object storage for the data kept (finout.io: S3 Standard 0.023 USD/GB-month).
double StorageUsdPerMonth(double data_gb, double usd_per_gb_month);

// Egress beyond the free allowance (AWS: 100 GB/month free, then 0.09 USD/GB).
double EgressUsdPerMonth(double egress_gb_per_month, double free_gb_per_month, double usd_per_gb);

// Idle charges: instances left running (a share of the GPU-hours; the-full-stack #76) plus the
// instance disk billed while stopped (RunPod: 0.20 USD/GB-month for a stopped pod's volume).
double IdleUsdPerMonth(double compute_usd_per_month, double idle_overhead_pct, double working_volume_gb,
                       double stopped_volume_usd_per_gb_month, double instance_hours_per_week);

// Confidential data in the cloud: dedicated tenancy and private networking (a share of compute)
// plus keys, private endpoints and audit logs (a fixed monthly sum). Course: "Good (with proper setup)".
double ConfidentialUsdPerMonth(double compute_usd_per_month, double overhead_pct, double fixed_usd_per_month);

// ---- Workload shape ---------------------------------------------------------------------------

// The week's work as a steady part every week plus bursts. Bursts come in one week of every
// `burst_peak_factor` weeks, with that many times the average burst work, so the average is kept and
// the peak week holds steady + factor x bursts.
double PeakWorkHoursPerWeek(double work_hours_per_week, double burst_share, double burst_peak_factor);

// ---- Over time --------------------------------------------------------------------------------

// Upfront + running costs - resale over the horizon (the total cost of ownership).
double TotalUsd(double upfront_usd, double monthly_usd, int horizon_months, double resale_usd);

} // namespace labcalc::core::formulas
