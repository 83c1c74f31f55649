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

// A price with the sales tax or VAT on it (the catalog's hardware prices are before tax).
template <class N>
N WithSalesTaxUsd(N price_usd, N sales_tax_pct)
{
    return price_usd * (1.0 + sales_tax_pct / 100.0);
}

// Draw of the whole machine: the rest of the system plus each GPU (Dettmers: GPU W + CPU W).
template <class N>
N MachineWatts(N base_watts, N gpu_watts, N gpu_count)
{
    return base_watts + gpu_watts * gpu_count;
}

// Energy a home machine draws a month, kWh: load watts for the busy hours, idle watts for the rest of the
// hours it is on, plus cooling overhead. Dettmers: kWh/yr = (GPU W + CPU W) x utilization x 24 x 365;
// llm-d-planner #70: idle vs active draw, PUE.
template <class N>
N HomeKwhPerMonth(N load_watts, N idle_watts, N busy_hours_per_week, N on_hours_per_week, N cooling_overhead_pct)
{
    const N busy = Clamp(busy_hours_per_week, 0.0, kHoursPerWeek);
    const N idle = Clamp(on_hours_per_week, 0.0, kHoursPerWeek) - busy;
    const N kwh_per_week = (load_watts * busy + idle_watts * Max(idle, 0.0)) / 1000.0;
    return kwh_per_week * WeeksPerMonth<N>() * (1.0 + cooling_overhead_pct / 100.0);
}

// Electricity per month: that energy at the tariff.
template <class N>
N ElectricityUsdPerMonth(N load_watts, N idle_watts, N busy_hours_per_week, N on_hours_per_week, N usd_per_kwh,
                         N cooling_overhead_pct)
{
    return HomeKwhPerMonth<N>(load_watts, idle_watts, busy_hours_per_week, on_hours_per_week, cooling_overhead_pct) *
        usd_per_kwh;
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

// A machine you already own, at the end: what a sale now would bring, less the GPUs' yearly loss of value over
// the horizon (its GPUs hold most of an AI machine's resale value; the catalog price of its parts plays no
// part, since that money is sunk). Both sales pay the same fee, so the fee is already out of both.
template <class N>
N OwnedResaleUsd(N value_now_usd, N gpu_depreciation_pct_per_year, N months)
{
    return value_now_usd * Pow(1.0 - Clamp(gpu_depreciation_pct_per_year, 0.0, 100.0) / 100.0, months / 12.0);
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

// ---- Energy and carbon ------------------------------------------------------------------------

// Energy a cloud GPU part draws a month: its GPU-hours at the chip's board power, times the data centre's
// power usage effectiveness (PUE: the building's energy over the IT energy; Uptime Institute survey). The
// rest of the server is not counted, the board power is its most.
template <class N>
N CloudKwhPerMonth(N gpu_hours_per_week, N board_watts, N pue)
{
    return gpu_hours_per_week * WeeksPerMonth<N>() * board_watts / 1000.0 * pue;
}

// Emissions of that energy: kWh x the grid's carbon intensity (gCO2e per kWh) / 1000, in kg CO2e (the
// location-based method of the GHG Protocol's Scope 2 guidance; CodeCarbon estimates the same way).
template <class N>
N CarbonKg(N kwh, N grid_gco2_per_kwh)
{
    return kwh * grid_gco2_per_kwh / 1000.0;
}

// The emissions of making the GPUs a person buys (embodied carbon), counted once: GPUs x kg each. A machine
// already owned has none to add: it was made whether or not it is kept.
template <class N>
N EmbodiedKg(N gpus_bought, N kg_per_gpu)
{
    return gpus_bought * kg_per_gpu;
}

// ---- What you want to run: a task's memory and hours (workload.cpp) ---------------------------

// Bits a weight takes in llama.cpp's files, from its quantisation table (tools/quantize/quantize.cpp: Llama 3
// 8B, 8.03 B parameters, is 7.96 GiB at Q8_0 and 4.58 GiB at Q4_K_M): 16-bit 16, 8-bit 8.5, 4-bit 4.9. The
// block scales are why a "4-bit" model is larger than half a byte a weight.
inline double LlamaCppBitsPerWeight(int weight_bits) { return weight_bits >= 16 ? 16.0 : weight_bits >= 8 ? 8.5 : 4.9; }
// QLoRA's frozen weights: 4-bit NormalFloat plus 0.127 bits of double-quantised scales (Dettmers et al. 2023).
constexpr double kQloraBitsPerWeight = 4.127;
// Mixed-precision Adam keeps 16 bytes a parameter: 16-bit weights and gradients (2 + 2) and 32-bit master
// weights, momentum and variance (4 + 4 + 4) (Rajbhandari et al., ZeRO, 2020, section 3.1).
constexpr double kAdamBytesPerParam = 16.0;
// Training compute per parameter and token: 2 FLOPs forward, 4 backward (Kaplan et al. 2020, C = 6 N D). A
// LoRA or QLoRA run skips the frozen weights' gradients (2 of the 4 backward), so 4.
constexpr double kTrainFlopsPerParamToken = 6.0;
constexpr double kAdapterFlopsPerParamToken = 4.0;

// The model's weights in GB: parameters (billions) x bits a weight / 8.
template <class N>
N WeightsGb(N params_b, N bits_per_weight)
{
    return params_b * bits_per_weight / 8.0;
}

// What a job keeps in memory for its parameters: parameters (billions) x bytes a parameter, in GB.
template <class N>
N HeldGb(N params_b, N bytes_per_param)
{
    return params_b * bytes_per_param;
}

// Memory a job needs: what it keeps per parameter, plus the margin for activations, buffers and the runtime
// (EleutherAI, Transformer Math 101), plus the KV cache of a chat model (0 for the others).
template <class N>
N JobVramGb(N held_gb, N overhead_pct, N kv_cache_gb)
{
    return held_gb * (1.0 + overhead_pct / 100.0) + kv_cache_gb;
}

// The KV cache: keys and values of every layer for each token of context, 16-bit:
// 2 x layers x KV heads x head size x 2 bytes a token (the model's config.json).
template <class N>
N KvCacheGb(N kv_bytes_per_token, N context_tokens)
{
    return kv_bytes_per_token * context_tokens / 1e9;
}

// Bytes a parameter of an adapter fine-tune holds: the frozen weights, plus the trained share with its own
// Adam state.
template <class N>
N AdapterBytesPerParam(N frozen_bits_per_weight, N trainable_pct)
{
    return frozen_bits_per_weight / 8.0 + trainable_pct / 100.0 * kAdamBytesPerParam;
}

// Generating one token reads every weight once, so a chat model's speed is bounded by the memory bandwidth
// (the roofline llama.cpp's speed follows at batch 1): tokens/s = bandwidth x share achieved / weights.
template <class N>
N DecodeTokensPerSecond(N bandwidth_gb_per_s, N bandwidth_use_pct, N weights_gb)
{
    return bandwidth_gb_per_s * bandwidth_use_pct / 100.0 / weights_gb;
}

// Hours a week a chat model generates: tokens a day x 7 / tokens a second / 3600.
template <class N>
N ChatHoursPerWeek(N tokens_per_day, N tokens_per_second)
{
    return tokens_per_day * 7.0 / tokens_per_second / 3600.0;
}

// Hours one training run takes: FLOPs per parameter-token x parameters x tokens over the throughput achieved.
// With parameters in billions, tokens in millions and throughput in TFLOPS, the powers of ten leave 1000:
// k x N x 1e9 x D x 1e6 / (T x 1e12 x use) seconds = k x N x D x 1000 / (T x use) / 3600 hours.
template <class N>
N TrainingHoursPerRun(N flops_per_param_token, N params_b, N tokens_millions, N peak_tflops, N peak_use_pct)
{
    return flops_per_param_token * params_b * tokens_millions * 1000.0 / (peak_tflops * peak_use_pct / 100.0) / 3600.0;
}

// Hours a week of runs that come some times a month.
template <class N>
N RunHoursPerWeek(N hours_per_run, N runs_per_month)
{
    return hours_per_run * runs_per_month / WeeksPerMonth<N>();
}

// Hours a week of image generation: a diffusion model's time grows with its size, so the measured seconds of
// the reference model scale by parameters.
template <class N>
N ImageHoursPerWeek(N images_per_day, N reference_seconds, N params_b, N reference_params_b)
{
    return images_per_day * 7.0 * reference_seconds * (params_b / reference_params_b) / 3600.0;
}

// ---- Over time --------------------------------------------------------------------------------

// What a dollar `months` from now is worth today at a yearly discount rate: 1 / (1 + r)^(months / 12), the
// present-value factor of any finance text (a yearly rate compounded by its 12th root each month).
template <class N>
N DiscountFactor(N discount_pct_per_year, N months)
{
    return 1.0 / Pow(1.0 + discount_pct_per_year / 100.0, months / 12.0);
}

// Net present cost: the money up front, each month's running cost discounted to today (paid at the end of
// the month: sum over m = 1..T of R x d^m = R x d x (1 - d^T) / (1 - d), d the one-month factor), less the
// resale discounted from the end. At a rate of 0 it is the plain total.
template <class N>
N PresentValueUsd(N upfront_usd, N monthly_usd, N months, N resale_usd, N discount_pct_per_year)
{
    if (Value(discount_pct_per_year) <= 0)
        return upfront_usd + monthly_usd * months - resale_usd;
    const N d = DiscountFactor<N>(discount_pct_per_year, N(1.0));
    return upfront_usd + monthly_usd * d * (1.0 - Pow(d, months)) / (1.0 - d) -
        resale_usd * DiscountFactor<N>(discount_pct_per_year, months);
}

// The level monthly payment of a loan of `principal_usd` over `months` at a yearly rate (APR, compounded
// monthly): P x i / (1 - (1 + i)^-n) with i = APR / 12, the annuity formula of any loan table; P / n at 0%.
template <class N>
N LoanPaymentUsdPerMonth(N principal_usd, N apr_pct, N months)
{
    const N i = apr_pct / 1200.0;
    if (Value(months) <= 0)
        return principal_usd;
    if (Value(i) <= 0)
        return principal_usd / months;
    return principal_usd * i / (1.0 - 1.0 / Pow(1.0 + i, months));
}

// What is still owed after `paid_months` payments: P x (1 + i)^k - A x ((1 + i)^k - 1) / i (P - A k at 0%).
template <class N>
N LoanBalanceUsd(N principal_usd, N apr_pct, N payment_usd, N paid_months)
{
    const N i = apr_pct / 1200.0;
    if (Value(i) <= 0)
        return Max(principal_usd - payment_usd * paid_months, N(0.0));
    const N grown = Pow(1.0 + i, paid_months);
    return Max(principal_usd * grown - payment_usd * (grown - 1.0) / i, N(0.0));
}

// What the loan costs within the horizon: the payments made in it, and whatever is still owed at its end
// (paid off then, as when the machine is sold). Principal plus the interest of the months it ran.
template <class N>
N LoanPaidUsd(N principal_usd, N apr_pct, N months, N horizon_months)
{
    const N payment = LoanPaymentUsdPerMonth<N>(principal_usd, apr_pct, months);
    const N paid_months = Min(months, horizon_months);
    return payment * paid_months + LoanBalanceUsd<N>(principal_usd, apr_pct, payment, paid_months);
}

// The loan's cost within the horizon in today's money: each payment discounted from its month, the balance
// paid off at the horizon's end from there (PresentValueUsd with the balance as a negative resale).
template <class N>
N LoanPresentValueUsd(N principal_usd, N apr_pct, N months, N horizon_months, N discount_pct_per_year)
{
    const N payment = LoanPaymentUsdPerMonth<N>(principal_usd, apr_pct, months);
    const N paid_months = Min(months, horizon_months);
    return PresentValueUsd<N>(N(0.0), payment, paid_months,
                              0.0 - LoanBalanceUsd<N>(principal_usd, apr_pct, payment, paid_months),
                              discount_pct_per_year);
}

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
