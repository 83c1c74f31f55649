#include "core/timeline.hpp"

#include <algorithm>

#include "core/formulas.hpp"

namespace labcalc::core {

std::vector<double> CumulativeUsd(const OptionCost& c, int horizon_months)
{
    const int months = std::max(horizon_months, 0);
    const CostCurve curve(c);
    std::vector<double> out(static_cast<std::size_t>(months) + 1);
    for (int m = 0; m <= months; ++m)
        out[static_cast<std::size_t>(m)] = curve.At(m, months);
    return out;
}

std::vector<double> DiscountedCumulativeUsd(const OptionCost& c, int horizon_months, double discount_pct_per_year)
{
    if (discount_pct_per_year <= 0)
        return CumulativeUsd(c, horizon_months);
    std::vector<double> out(static_cast<std::size_t>(std::max(horizon_months, 0)) + 1);
    double sum = c.upfront_usd + c.forgone_sale_usd;
    out[0] = sum;
    for (std::size_t m = 1; m < out.size(); ++m) {
        const double paid =
            c.monthly_usd + (m <= static_cast<std::size_t>(c.finance_months) ? c.finance_usd_per_month : 0);
        sum += paid * formulas::DiscountFactor<double>(discount_pct_per_year, static_cast<double>(m));
        out[m] = sum;
    }
    const double end = formulas::DiscountFactor<double>(discount_pct_per_year, horizon_months);
    out.back() +=
        (c.finance_paid_usd -
         c.finance_usd_per_month * static_cast<double>(std::min<std::size_t>(out.size() - 1, c.finance_months))) *
        end;
    out.back() -= c.resale_usd * end;
    return out;
}

std::optional<int> BreakEvenMonth(const std::vector<double>& home, const std::vector<double>& cloud)
{
    const std::size_t n = std::min(home.size(), cloud.size());
    for (std::size_t m = 1; m < n; ++m)
        if (home[m] <= cloud[m] + 1e-9)
            return static_cast<int>(m);
    return std::nullopt;
}

std::optional<int> BreakEvenMonth(const CostCurve& home, const CostCurve& cloud, int months)
{
    for (int m = 1; m <= months; ++m)
        if (home.At(m, months) <= cloud.At(m, months) + 1e-9)
            return m;
    return std::nullopt;
}

} // namespace labcalc::core
