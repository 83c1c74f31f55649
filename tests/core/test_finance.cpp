// Hardware paid in instalments (home.finance_months, home.finance_apr_pct): nothing up front, a payment a month
// while the loan runs, the price plus interest in the total; and the monthly budget, which now judges the
// payment with the running costs, is a limit the choice of machine respects.
#include <catch2/catch.hpp>

#include <random>

#include "core/figure_ids.hpp"
#include "core/formulas.hpp"
#include "core/report.hpp"
#include "core/report_json.hpp"
#include "core/scenario_fields.hpp"
#include "core/timeline.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::Priced;
namespace f = labcalc::core::formulas;

namespace {

OptionCost Home(const Evaluation& e) { return e.cost[static_cast<std::size_t>(Option::home)]; }

} // namespace

TEST_CASE("finance: the annuity formula against values worked by hand", "[finance]")
{
    // 10,000 over 60 months at 6% a year: i = 0.005, A = 10000 x 0.005 / (1 - 1.005^-60) = 193.328.
    CHECK(f::LoanPaymentUsdPerMonth<double>(10000, 6, 60) == Approx(193.328).epsilon(1e-5));
    // 2,400 over 12 months at 0%: 200 a month, no interest.
    CHECK(f::LoanPaymentUsdPerMonth<double>(2400, 0, 12) == Approx(200));
    CHECK(f::LoanPaidUsd<double>(2400, 0, 12, 36) == Approx(2400));
    // Paid in full: nothing owed after the last payment; the payments add up to price plus interest.
    const double a = f::LoanPaymentUsdPerMonth<double>(10000, 6, 60);
    CHECK(f::LoanBalanceUsd<double>(10000, 6, a, 60) == Approx(0).margin(1e-6));
    CHECK(f::LoanPaidUsd<double>(10000, 6, 60, 60) == Approx(a * 60));
    // After 12 of 60 payments at 6%: 10000 x 1.005^12 - A x (1.005^12 - 1) / 0.005 = 8,231.34.
    CHECK(f::LoanBalanceUsd<double>(10000, 6, a, 12) == Approx(8231.97).epsilon(1e-5));
    // A loan outliving the horizon costs its payments so far plus that balance: less than the full run.
    CHECK(f::LoanPaidUsd<double>(10000, 6, 60, 12) == Approx(a * 12 + 8231.97).epsilon(1e-5));
    CHECK(f::LoanPaidUsd<double>(10000, 6, 60, 12) < a * 60);
}

TEST_CASE("finance: a financed home lab needs nothing up front and costs its interest more", "[finance]")
{
    Scenario s;
    s.hours_per_week = 40;
    s.budget_usd = 20000;
    s.monthly_budget_usd = 5000;
    REQUIRE(ApplySetting(s, "home.gpu=rtx4090"));
    const OptionCost cash = Home(Evaluate(s, Cat()));
    REQUIRE(cash.gpu_index >= 0);
    REQUIRE(cash.upfront_usd > 0);

    REQUIRE(ApplySetting(s, "home.finance_months=24"));
    REQUIRE(ApplySetting(s, "home.finance_apr_pct=9.5"));
    const OptionCost loan = Home(Evaluate(s, Cat()));
    CHECK(loan.gpu_index == cash.gpu_index);
    CHECK(loan.upfront_usd == 0);
    CHECK(loan.financed_usd == Approx(cash.upfront_usd));
    CHECK(loan.finance_months == 24);
    CHECK(loan.finance_usd_per_month ==
          Approx(f::LoanPaymentUsdPerMonth<double>(cash.upfront_usd, 9.5, 24)).epsilon(1e-9));
    CHECK(loan.finance_paid_usd == Approx(loan.finance_usd_per_month * 24));
    CHECK(loan.total_usd == Approx(cash.total_usd + loan.finance_paid_usd - cash.upfront_usd));
    CHECK(loan.total_usd > cash.total_usd);
    CHECK(loan.MonthlyOutlayUsd() == Approx(loan.monthly_usd + loan.finance_usd_per_month));

    // The curve: payments for 24 months, then running costs alone; it ends at the total.
    const std::vector<double> curve = CumulativeUsd(loan, s.horizon_months);
    CHECK(curve[0] == 0);
    CHECK(curve[24] - curve[23] == Approx(loan.monthly_usd + loan.finance_usd_per_month));
    CHECK(curve[26] - curve[25] == Approx(loan.monthly_usd));
    CHECK(curve.back() == Approx(loan.total_usd));

    // The budget judges the payment a month: too small a monthly budget rules the financed machine out.
    s.monthly_budget_usd = loan.MonthlyOutlayUsd() - 1;
    s.budget_usd = 0;
    const OptionCost tight = Home(Evaluate(s, Cat()));
    CHECK((tight.blockers & kOverMonthlyBudget) != 0);
    CHECK((tight.blockers & kOverBudget) == 0);

    // The report says so, in the JSON and the present value.
    s.monthly_budget_usd = 5000;
    s.discount_rate_pct = 5;
    const Report r = BuildReport(s, Cat());
    const OptionReport& home = r.options[0];
    CHECK(home.present_value_usd < home.cost.total_usd);
    CHECK(home.present_value_usd == Approx(DiscountedCumulativeUsd(home.cost, s.horizon_months, 5).back()));
    const nlohmann::json j = ReportJson(r);
    CHECK(j["options"]["home"]["finance"]["months"] == 24);
    CHECK(j["options"]["home"]["finance"]["usd_per_month"].get<double>() == Approx(loan.finance_usd_per_month));
}

TEST_CASE("finance: over random scenarios the loan adds only its interest, and 0% adds nothing", "[finance]")
{
    std::mt19937 rng(4242);
    int financed = 0;
    for (int i = 0; i < 1500; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        const Evaluation cash = Evaluate(s, Cat());
        std::uniform_real_distribution<double> u(0, 1);
        s.home.finance_months = 1 + static_cast<int>(u(rng) * 119.99);
        s.home.finance_apr_pct = u(rng) < 0.3 ? 0 : u(rng) * 30;
        // The same machine, so the two are comparable: force what the plain evaluation chose.
        const OptionCost& h = Home(cash);
        if (h.gpu_index < 0 || h.upfront_usd <= 0)
            continue;
        s.home.gpu = Cat().gpus[static_cast<std::size_t>(h.gpu_index)].id;
        s.home.gpu_count = h.gpu_count;
        Scenario plain = s;
        plain.home.finance_months.reset();
        const OptionCost a = Home(Evaluate(plain, Cat()));
        const OptionCost b = Home(Evaluate(s, Cat()));
        INFO("scenario " << i << ": " << *s.home.finance_months << " months at " << s.home.finance_apr_pct << "%");
        REQUIRE(a.gpu_index == b.gpu_index);
        REQUIRE(a.gpu_count == b.gpu_count);
        ++financed;
        CHECK(b.upfront_usd == 0);
        CHECK(b.financed_usd == Approx(a.upfront_usd));
        CHECK(b.finance_paid_usd >= b.financed_usd - 1e-6); // interest is never negative
        CHECK(b.total_usd == Approx(a.total_usd - a.upfront_usd + b.finance_paid_usd));
        if (s.home.finance_apr_pct == 0)
            CHECK(b.total_usd == Approx(a.total_usd));
        CHECK(CumulativeUsd(b, s.horizon_months).back() == Approx(b.total_usd));
        CHECK(DiscountedCumulativeUsd(b, s.horizon_months, 0).back() == Approx(b.total_usd));
    }
    CHECK(financed > 300);
}

// The monthly budget is a limit: when the home lab is ruled out by it alone, no machine the scenario allows
// (each catalog GPU in each count, carrying the peak weeks) would have fitted both budgets. Checked by trying
// every machine.
TEST_CASE("finance: a home lab over the monthly budget has no machine that fits both budgets", "[finance][advice]")
{
    std::mt19937 rng(777);
    int checked = 0;
    for (int i = 0; i < 400; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        if (s.home.owned || s.home.gpu || s.home.gpu_count || !s.tasks.empty())
            continue;
        std::uniform_real_distribution<double> u(0, 1);
        if (u(rng) < 0.6) {
            s.home.finance_months = 6 + static_cast<int>(u(rng) * 54);
            s.home.finance_apr_pct = u(rng) * 20;
        }
        s.monthly_budget_usd = u(rng) * 400;
        const OptionCost h = Home(Evaluate(s, Cat()));
        if (!Priced(h) || h.blockers != kOverMonthlyBudget)
            continue;
        ++checked;
        const int most = ResolveFigures(s, Cat()).max_gpus;
        for (const GpuModel& g : Cat().gpus)
            for (int n = 1; n <= most; ++n) {
                Scenario t = s;
                t.home.gpu = g.id;
                t.home.gpu_count = n;
                const OptionCost forced = Home(Evaluate(t, Cat()));
                INFO("scenario " << i << ": " << g.id << " x " << n);
                // A machine that would make peak weeks queue is not one the search offers while a bigger one
                // carries them; the search falls back to the largest machine only when none does.
                CHECK_FALSE((Priced(forced) && forced.Feasible() && !forced.bursts_queue));
            }
    }
    CHECK(checked > 10);
}
