// Money over time: a discount rate gives each option's present value and a discounted break-even beside the
// plain ones. Formulas against textbook values; at 0% the plain totals; the curve ends at the present value.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/formulas.hpp"
#include "core/report.hpp"
#include "core/timeline.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
namespace f = labcalc::core::formulas;

TEST_CASE("discounting: the present-value formulas give the textbook values", "[discount][formulas]")
{
    // 1,000 dollars in five years at 5% a year is worth 783.53 today (1,000 / 1.05^5).
    CHECK(1000 * f::DiscountFactor<double>(5, 60) == Approx(783.53).margin(0.005));
    // An ordinary annuity of 100 a month for 12 months at 1% a month: 100 x (1 - 1.01^-12) / 0.01 = 1,125.51.
    // A yearly rate of 1.01^12 - 1 compounds to 1% a month.
    const double yearly_pct = (std::pow(1.01, 12) - 1) * 100;
    CHECK(f::PresentValueUsd<double>(0, 100, 12, 0, yearly_pct) == Approx(1125.51).margin(0.005));
    // Up front counts in full; a resale at the end is discounted from the end.
    CHECK(f::PresentValueUsd<double>(500, 0, 60, 1000, 5) == Approx(500 - 783.53).margin(0.005));
    // At 0% it is the plain total.
    CHECK(f::PresentValueUsd<double>(1500, 40, 36, 300, 0) == f::TotalUsd<double>(1500, 40, 36, 300));
}

TEST_CASE("discounting: at 0% the plain totals, above it the curve ends at the present value", "[discount][property]")
{
    std::mt19937 rng(20261130);
    for (int i = 0; i < 800; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        s.discount_rate_pct = i % 2 == 0 ? 0 : 0.5 + (i % 40);
        const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-30", false});
        for (const OptionReport& o : r.options) {
            if (o.cost.gpu_index < 0 && o.cost.offer_index < 0)
                continue;
            INFO(OptionKey(o.option) << " at " << s.discount_rate_pct << "%");
            if (s.discount_rate_pct == 0)
                CHECK(o.present_value_usd == Approx(o.cost.total_usd).margin(1e-6));
            const std::vector<double> curve = DiscountedCumulativeUsd(o.cost, s.horizon_months, s.discount_rate_pct);
            CHECK(curve.back() == Approx(o.present_value_usd).epsilon(1e-9).margin(1e-6));
            // Money later is worth less: running costs count at most in full and never below zero.
            const double loan_pv = o.cost.financed_usd > 0
                ? f::LoanPresentValueUsd<double>(o.cost.financed_usd, s.home.finance_apr_pct, o.cost.finance_months,
                                                 s.horizon_months, s.discount_rate_pct)
                : 0.0;
            const double running_pv = o.present_value_usd - o.cost.upfront_usd - o.cost.forgone_sale_usd - loan_pv +
                o.cost.resale_usd * f::DiscountFactor<double>(s.discount_rate_pct, s.horizon_months);
            CHECK(running_pv >= -1e-6);
            CHECK(running_pv <= o.cost.monthly_usd * s.horizon_months + 1e-6);
        }
        // The cloud has nothing up front and nothing to sell: a higher rate only ever lowers its present value.
        const OptionReport& cloud = r.options[1];
        if (cloud.cost.offer_index >= 0 && cloud.cost.monthly_usd > 0) {
            Scenario higher = s;
            higher.discount_rate_pct = s.discount_rate_pct + 5;
            const Report h = BuildReport(higher, Cat(), ReportSettings{"2026-11-30", false});
            CHECK(h.options[1].present_value_usd < cloud.present_value_usd);
        }
    }
}

TEST_CASE("discounting: without a rate the present values are the totals, with one they are less", "[discount]")
{
    Scenario s;
    const Report undiscounted = BuildReport(s, Cat(), ReportSettings{"2026-11-30", false});
    const nlohmann::json plain = nlohmann::json::parse(ReportToJson(undiscounted));
    for (const char* o : {"home", "cloud", "hybrid"})
        CHECK(plain["options"][o]["present_value_usd"] == plain["options"][o]["total_usd"]);
    CHECK(plain["break_even_month_discounted"] == plain["break_even_month"]);
    CHECK(ReportToText(undiscounted).find("Discounted at") == std::string::npos);
    s.discount_rate_pct = 7;
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-30", false});
    const std::string discounted = ReportToJson(r);
    CHECK(discounted.find("\"present_value_usd\"") != std::string::npos);
    CHECK(discounted.find("\"break_even_month_discounted\"") != std::string::npos);
    CHECK(r.options[1].present_value_usd < r.options[1].cost.total_usd); // the cloud pays later
    CHECK(ReportToText(r).find("Discounted at 7% a year") != std::string::npos);
    // A working per option, whose figure is the report's.
    ReportSettings with;
    with.workings = true;
    with.flip_points = false;
    const Report w = BuildReport(s, Cat(), with);
    const Working* pv = FindWorking(w.workings, "cloud.present_value_usd");
    REQUIRE(pv);
    CHECK(pv->result == Approx(w.options[1].present_value_usd));
}
