#pragma once
// Display helpers shared by the panels: numbers as a learner reads them, option names and colours.
// Only formatting here; every figure comes from the core's report.
#include <string>
#include <string_view>

#include "core/report.hpp"

namespace labcalc::ui {

std::string Usd(double usd);                        // "$12,345", "$0.47" below $10, "-$1,200"
std::string UsdShort(double usd);                   // axis labels: "$12k", "$1.2M", "$800"
std::string Number(double v, int max_decimals = 2); // "12.5", "36" (trailing zeros dropped)

// An option's total as one sum that adds up in the whole dollars shown: "$1,795 up front + $999 to run
// ($28 a month) - $598 resale = $2,196" (the parts that are zero left out).
std::string CostSum(const core::OptionReport& option, int horizon_months);
double ShownTotal(const core::OptionReport& option, int horizon_months); // the total that sum ends in

// Index (0 home, 1 cloud, 2 hybrid) of an option, for the colour tables; its label ("Home lab").
int OptionIndex(core::Option option);
std::string OptionLabelOf(core::Option option);

// Option colours (Okabe-Ito palette: distinguishable with the common colour-vision deficiencies),
// as ImGui packed colours (ImU32). `alpha` 0..1.
unsigned int OptionColor(int option_index, float alpha = 1.0f);     // fills: chart, map, bars
unsigned int OptionTextColor(int option_index, float alpha = 1.0f); // text: 4.5:1 or more on the page

} // namespace labcalc::ui
