#pragma once
// Cost over time: cumulative cost month by month and the break-even month of home against cloud.
#include <optional>
#include <vector>

#include "core/evaluate.hpp"

namespace labcalc::core {

// Month 0 = upfront; month m = upfront + m x monthly; the resale value is credited in the last month,
// so the last value equals total_usd.
std::vector<double> CumulativeUsd(const OptionCost& c, int horizon_months);

// The same with each month's cost discounted to today (formulas::DiscountFactor) and the resale from the end:
// its last value is the option's present value (formulas::PresentValueUsd). At a rate of 0, CumulativeUsd.
std::vector<double> DiscountedCumulativeUsd(const OptionCost& c, int horizon_months, double discount_pct_per_year);

// First month (1..horizon) in which home's cumulative cost is at or below cloud's; nullopt if none.
std::optional<int> BreakEvenMonth(const std::vector<double>& home_cumulative,
                                  const std::vector<double>& cloud_cumulative);

} // namespace labcalc::core
