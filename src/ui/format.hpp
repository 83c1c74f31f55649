#pragma once
// Display helpers shared by the panels: numbers as a learner reads them, option names and colours.
// Only formatting here; every figure comes from the core's report.
#include <optional>
#include <string>
#include <string_view>

#include "core/report.hpp"
#include "core/scenario_fields.hpp"

namespace labcalc::ui {

// Money: the model's dollars shown in the report's currency (core::Money: its symbol and rate).
std::string Usd(double usd, const core::Money& m);       // "$12,345", "\u20ac0.47" below 10, "-$1,200"
std::string Amount(double amount, const core::Money& m); // an amount already in that currency, written alike
std::string UsdShort(double usd, const core::Money& m);  // axis labels: "$12k", "$1.2M", "$800"
std::string Number(double v, int max_decimals = 2);      // "12.5", "36" (trailing zeros dropped)

// Inputs in money (a unit that starts "USD": "USD", "USD/month", "USD/kWh") are shown and typed in the
// report's currency; the scenario keeps US dollars, as its field names say.
bool IsMoneyField(const core::FieldSpec& f);
std::string ShownUnit(const core::FieldSpec& f, const core::Money& m); // "EUR/kWh" (other units as they are)
double ToShown(const core::FieldSpec& f, double value, const core::Money& m);
double FromShown(const core::FieldSpec& f, double shown, const core::Money& m);
// A value in the shown unit as a box holds it: money to the cent below 100 and whole above (a converted
// amount's long tail of digits is no one's figure), anything else as it reads back exactly.
std::string ShownNumber(const core::FieldSpec& f, double shown);
// A number as typed in the shown unit ("\u20ac2,500", "0,28 EUR/kWh"), in the field's own unit (dollars).
std::optional<double> ParseShown(const core::FieldSpec& f, std::string_view typed, const core::Money& m);

// An option's total as one sum that adds up in the whole dollars shown: "$1,795 up front + $999 to run
// ($28 a month) - $598 resale = $2,196" (the parts that are zero left out).
std::string CostSum(const core::OptionReport& option, int horizon_months, const core::Money& m);
// The total that sum ends in, in the currency's units (each part rounded as it is shown).
double ShownTotal(const core::OptionReport& option, int horizon_months, const core::Money& m);

// Index (0 home, 1 cloud, 2 hybrid) of an option, for the colour tables; its label ("Home lab").
int OptionIndex(core::Option option);
std::string OptionLabelOf(core::Option option);

// Option colours (Okabe-Ito palette: distinguishable with the common colour-vision deficiencies),
// as ImGui packed colours (ImU32). `alpha` 0..1.
unsigned int OptionColor(int option_index, float alpha = 1.0f);     // fills: chart, map, bars
unsigned int OptionTextColor(int option_index, float alpha = 1.0f); // text: 4.5:1 or more on the page

} // namespace labcalc::ui
