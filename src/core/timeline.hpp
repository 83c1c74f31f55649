#pragma once
// Cost over time: cumulative cost month by month and the break-even month of home against cloud.
#include <algorithm>
#include <optional>
#include <vector>

#include "core/evaluate.hpp"

namespace labcalc::core {

// What an option's cumulative cost is made of, month by month: month 0 is the money up front (and an owned
// machine's forgone sale); month m adds m months of running cost and the instalments paid by then; the last month
// pays off what a loan still owes and credits the resale, so it equals total_usd. Small enough to keep one per
// likely future ("How sure" keeps thousands) instead of the cost or its curve.
struct CostCurve {
    double start = 0, monthly = 0, resale = 0;
    double instalment = 0, loan_paid = 0; // a month's instalment; what the loan costs within the horizon
    int instalments = 0;                  // months the instalments run
    explicit CostCurve(const OptionCost& c)
        : start(c.upfront_usd + c.forgone_sale_usd), monthly(c.monthly_usd), resale(c.resale_usd),
          instalment(c.finance_usd_per_month), loan_paid(c.finance_paid_usd), instalments(c.finance_months)
    {
    }
    // The cumulative cost at month m of a horizon of `months`.
    double At(int m, int months) const
    {
        const double v =
            start + monthly * static_cast<double>(m) + instalment * static_cast<double>(std::min(m, instalments));
        if (m != months)
            return v;
        // A loan still running at the end is paid off then (loan_paid holds its payments and that balance).
        return v + (loan_paid - instalment * static_cast<double>(std::min(months, instalments))) - resale;
    }
};

// The curve month by month (0 ... horizon_months).
std::vector<double> CumulativeUsd(const OptionCost& c, int horizon_months);

// The same with each month's cost discounted to today (formulas::DiscountFactor) and the resale from the end:
// its last value is the option's present value (formulas::PresentValueUsd). At a rate of 0, CumulativeUsd.
std::vector<double> DiscountedCumulativeUsd(const OptionCost& c, int horizon_months, double discount_pct_per_year);

// First month (1..horizon) in which home's cumulative cost is at or below cloud's; nullopt if none.
std::optional<int> BreakEvenMonth(const std::vector<double>& home_cumulative,
                                  const std::vector<double>& cloud_cumulative);
// The same on two curves over a horizon of `months`.
std::optional<int> BreakEvenMonth(const CostCurve& home, const CostCurve& cloud, int months);

} // namespace labcalc::core
