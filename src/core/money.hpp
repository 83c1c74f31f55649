#pragma once
// Money as a person reads it. The model works in US dollars, the currency of the catalog's prices; a report
// shows them in the person's currency at the catalog's dated, sourced exchange rate (`currencies`, quoted per
// euro by the European Central Bank, so a dollar's worth is the currency's rate over the dollar's).
#include <string>
#include <string_view>

#include "core/catalog.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

struct Money {
    std::string code = "USD";
    std::string symbol = "$";           // before the amount: "$", "\u20ac", "CHF "
    double per_usd = 1;                 // units of this currency one US dollar buys
    std::string chosen_by = "default";  // "you" (scenario `currency`), "country" (the country's money), "default"
    std::string rate_source, rate_date; // where the rate comes from and its date ("" for US dollars)
};

// The money a scenario is shown in: its `currency`, else its country's, else US dollars. A code the catalog
// lacks gives US dollars (CheckAssumptionIds refuses it before a report is made).
Money ResolveMoney(const Scenario& s, const Catalog& c);
// The money of a catalog currency code (US dollars when the catalog has no such currency).
Money MoneyOf(const Catalog& c, std::string_view code);

// Whether a unit is money ("USD", "USD/kWh", "USD/month": the scenario's money fields): shown in the currency.
inline bool IsUsdUnit(std::string_view unit) { return unit.rfind("USD", 0) == 0; }
// A unit in the money shown: "USD/kWh" in euros is "EUR/kWh"; a unit that is not money stays as it is.
inline std::string UnitIn(std::string_view unit, const Money& m)
{
    return IsUsdUnit(unit) ? m.code + std::string(unit.substr(3)) : std::string(unit);
}

inline double FromUsd(double usd, const Money& m) { return usd * m.per_usd; }
inline double ToUsd(double amount, const Money& m) { return m.per_usd > 0 ? amount / m.per_usd : amount; }

// A dollar amount in that money, as FormatUsd writes dollars: "\u20ac1,234", "\u20ac0.47" below 10, "-CHF 12".
std::string FormatMoney(double usd, const Money& m);

} // namespace labcalc::core
