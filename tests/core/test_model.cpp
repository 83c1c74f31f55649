// Properties of the model over thousands of random valid scenarios, and worked checks of the options.
#include <catch2/catch.hpp>

#include <random>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/formulas.hpp"
#include "core/report.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::FirstNonFinite;
using labcalc::test::Priced;
using labcalc::test::RandomScenario;

TEST_CASE("the default scenario prices all three options", "[model]")
{
    const Evaluation e = Evaluate(Scenario{}, Cat());
    for (const OptionCost& c : e.cost) {
        CHECK(Priced(c));
        CHECK(c.total_usd > 0);
    }
    CHECK(e.cost[0].Feasible());
    CHECK(e.cost[1].Feasible());
    // The default week fits one machine at home, so the cheapest mix keeps all of it there: the hybrid
    // is priced (what a real mix would cost) but is the home lab, not an option of its own.
    CHECK(e.cost[2].blockers == kMixIsHomeLab);
    CHECK(e.cost[2].total_usd > e.cost[0].total_usd);
    // Home buys hardware; cloud buys none.
    CHECK(e.cost[0].upfront_usd > 0);
    CHECK(e.cost[1].upfront_usd == 0);
    CHECK(e.cost[1].monthly.gpu_hours_usd > 0);
    CHECK(e.cost[0].monthly.power_usd > 0);
}

TEST_CASE("home: the machine is the catalog sum, and the home.* overrides replace it", "[model]")
{
    Scenario s;
    s.home.gpu = "rtx4090";
    s.data_gb = 0;
    s.burst_share_pct = 0;
    const Evaluation e = Evaluate(s, Cat());
    const OptionCost& h = e.cost[0];
    REQUIRE(h.gpu_count == 1);
    // 1200 base + the GPU's catalog price + 250 USD/kW x (150 + 450 W)
    double gpu_price = 0;
    for (const GpuModel& g : Cat().gpus)
        if (g.id == "rtx4090")
            gpu_price = g.price_usd.value;
    CHECK(h.upfront_usd == Approx(1200 + gpu_price + 150.0));
    CHECK(h.load_watts == Approx(600.0));
    CHECK(h.idle_watts == Approx(75.0));
    // Electricity at the catalog tariff, the machine on for the 20 busy hours plus the catalog's idle share
    // of them (home.idle_on_pct_of_busy): (600 x 20 + 75 x 20 x idle share) / 1000 x 4.348 x 0.1598 x 1.15
    const double idle_share = Cat().figures.at("home.idle_on_pct_of_busy").value / 100.0;
    CHECK(h.monthly.power_usd ==
          Approx((600 * 20 + 75 * 20 * idle_share) / 1000.0 * formulas::kWeeksPerMonth * 0.1598 * 1.15));

    s.home.hardware_usd = 2200;
    s.home.power_watts = 500;
    s.home.idle_watts = 50;
    s.home.maintenance_usd_per_year = 120;
    s.home.resale_pct = 40;
    const OptionCost o = Evaluate(s, Cat()).cost[0];
    CHECK(o.upfront_usd == 2200);
    CHECK(o.monthly.maintenance_usd == Approx(10.0));
    // 40% of 2,200 when sold, less the marketplace's fee on the sale (home.resale_fee_pct).
    const double fee = Cat().figures.at("home.resale_fee_pct").value / 100.0;
    CHECK(o.resale_usd == Approx(880.0 * (1 - fee)));
    CHECK(o.monthly.power_usd ==
          Approx((500 * 20 + 50 * 20 * idle_share) / 1000.0 * formulas::kWeeksPerMonth * 0.1598 * 1.15));
    CHECK(o.total_usd == Approx(2200 + o.monthly_usd * 36 - 880 * (1 - fee)));
}

TEST_CASE("home: enough GPUs for the VRAM need, or blocked with the reason", "[model]")
{
    Scenario s;
    s.vram_gb = 70;
    const Evaluation e = Evaluate(s, Cat());
    REQUIRE(Priced(e.cost[0]));
    const GpuModel& g = Cat().gpus[static_cast<std::size_t>(e.cost[0].gpu_index)];
    CHECK(g.vram_gb * e.cost[0].gpu_count >= 70);

    s.vram_gb = 1000; // more than 4 x 80 GB
    const Evaluation big = Evaluate(s, Cat());
    CHECK((big.cost[0].blockers & kVramTooLarge) != 0);
    CHECK_FALSE(big.cost[0].Feasible());
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", false});
    REQUIRE_FALSE(r.options[0].blockers.empty());
    CHECK_THAT(r.options[0].blockers[0], Catch::Contains("1000 GB of VRAM"));
}

TEST_CASE("cloud: on_premises_only data blocks it, confidential adds a compliant setup", "[model]")
{
    Scenario s;
    s.privacy = Privacy::on_premises_only;
    CHECK((Evaluate(s, Cat()).cost[1].blockers & kDataMustStay) != 0);
    s.privacy = Privacy::confidential;
    const OptionCost conf = Evaluate(s, Cat()).cost[1];
    CHECK(conf.Feasible());
    CHECK(conf.monthly.compliance_usd > 0);
    CHECK(Cat().offers[static_cast<std::size_t>(conf.offer_index)].kind == ProviderKind::hyperscaler);
    s.privacy = Privacy::internal;
    CHECK(Evaluate(s, Cat()).cost[1].monthly.compliance_usd == 0);
}

TEST_CASE("cloud: spot is cheaper per hour but redoes interrupted work", "[model]")
{
    Scenario s;
    s.cloud.offer = "aws-g5-a10g";
    const OptionCost od = Evaluate(s, Cat()).cost[1];
    s.cloud.pricing = CloudPricing::spot;
    const OptionCost spot = Evaluate(s, Cat()).cost[1];
    // 20 h at speed 0.4 = 50 GPU-h/week; on demand 1.006, spot 0.30 x 1.2
    CHECK(od.monthly.gpu_hours_usd == Approx(50 * formulas::kWeeksPerMonth * 1.006));
    CHECK(spot.monthly.gpu_hours_usd == Approx(50 * formulas::kWeeksPerMonth * 0.30 * 1.2));
}

TEST_CASE("hybrid: sensitive work stays local, bursts go out, and it is the cheapest split", "[model]")
{
    Scenario s;
    s.privacy = Privacy::on_premises_only;
    s.sensitive_work_pct = 30;
    s.hours_per_week = 60;
    s.burst_share_pct = 60;
    s.home.gpu_count = 1; // one GPU at home cannot take a peak week: bursts must go out
    const Evaluation e = Evaluate(s, Cat());
    const OptionCost& h = e.cost[2];
    REQUIRE(h.Feasible());
    CHECK(h.local_work_hours_per_week >= 0.3 * 60 - 1e-9);
    CHECK(h.cloud_work_hours_per_week > 0);
    CHECK(h.local_work_hours_per_week + h.cloud_work_hours_per_week == Approx(60.0));
    // Every share of bursts on the same local machine costs at least as much (the search found the minimum).
    for (double share : {0.25, 0.5, 0.75, 1.0}) {
        if ((1 - 0.6 * share) < 0.3)
            continue;
        Scenario t = s;
        t.home.gpu = Cat().gpus[static_cast<std::size_t>(h.gpu_index)].id;
        const OptionCost alt = Evaluate(t, Cat()).cost[2];
        CHECK(alt.total_usd >= h.total_usd - 1e-6);
    }
    s.sensitive_work_pct = 100;
    CHECK((Evaluate(s, Cat()).cost[2].blockers & kNothingToSplit) != 0);
}

TEST_CASE("budgets block options", "[model]")
{
    Scenario s;
    s.budget_usd = 100;
    const Evaluation e = Evaluate(s, Cat());
    CHECK((e.cost[0].blockers & kOverBudget) != 0);
    CHECK(e.cost[1].Feasible());
    CHECK(e.recommended == Option::cloud);
    s.budget_usd = 100;
    s.monthly_budget_usd = 0;
    const Evaluation none = Evaluate(s, Cat());
    CHECK_FALSE(none.any_feasible);
}

TEST_CASE("properties over random scenarios", "[model][property]")
{
    std::mt19937 rng(20261128);
    const int kRuns = 1500;
    for (int i = 0; i < kRuns; ++i) {
        const Scenario s = RandomScenario(rng);
        INFO("scenario " << i);
        const Evaluation e = Evaluate(s, Cat());

        // Cloud cost never falls when hours rise.
        Scenario more = s;
        more.hours_per_week = std::min(168.0, s.hours_per_week + 1 + 20 * (i % 3));
        const Evaluation em = Evaluate(more, Cat());
        if (Priced(e.cost[1]) && Priced(em.cost[1]))
            CHECK(em.cost[1].total_usd >= e.cost[1].total_usd - 1e-6);

        // Home cost never falls when electricity gets dearer.
        Scenario dearer = s;
        dearer.electricity_usd_per_kwh = (s.electricity_usd_per_kwh ? *s.electricity_usd_per_kwh : 0.1598) + 0.05;
        const Evaluation ed = Evaluate(dearer, Cat());
        if (Priced(e.cost[0]) && Priced(ed.cost[0]))
            CHECK(ed.cost[0].total_usd >= e.cost[0].total_usd - 1e-6);

        // A stricter privacy need never raises the cloud's privacy score.
        if (s.privacy != Privacy::on_premises_only) {
            Scenario stricter = s;
            stricter.privacy = static_cast<Privacy>(static_cast<int>(s.privacy) + 1);
            const Evaluation es = Evaluate(stricter, Cat());
            CHECK(es.factors[1][static_cast<std::size_t>(Factor::data_privacy)] <=
                  e.factors[1][static_cast<std::size_t>(Factor::data_privacy)] + 1e-9);
        }

        // Scores stay in range, every total is finite.
        for (int o = 0; o < kOptionCount; ++o) {
            CHECK(std::isfinite(e.cost[static_cast<std::size_t>(o)].total_usd));
            for (double f : e.factors[static_cast<std::size_t>(o)]) {
                CHECK(f >= 0);
                CHECK(f <= 10);
            }
        }
        // The recommendation is feasible whenever something is.
        if (e.any_feasible)
            CHECK(e.cost[static_cast<std::size_t>(e.recommended)].Feasible());
        CHECK(e.margin >= 0);
    }
}

TEST_CASE("reports of random scenarios: finite numbers, totals match the curves", "[model][property][report]")
{
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        const Scenario s = RandomScenario(rng);
        INFO("scenario " << i);
        const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", i % 10 == 0});
        const auto j = nlohmann::json::parse(ReportToJson(r));
        CHECK(FirstNonFinite(j) == "");
        for (const OptionReport& o : r.options) {
            REQUIRE(o.cumulative_usd.size() == static_cast<std::size_t>(s.horizon_months) + 1);
            CHECK(o.cumulative_usd.back() == Approx(o.cost.total_usd).margin(1e-6));
            CHECK(o.cumulative_usd.front() == Approx(o.cost.upfront_usd + o.cost.forgone_sale_usd));
        }
        // The break-even month is where the curves cross.
        if (r.break_even_month) {
            const int m = *r.break_even_month;
            CHECK(r.options[0].cumulative_usd[static_cast<std::size_t>(m)] <=
                  r.options[1].cumulative_usd[static_cast<std::size_t>(m)] + 1e-9);
            if (m > 1)
                CHECK(r.options[0].cumulative_usd[static_cast<std::size_t>(m - 1)] >
                      r.options[1].cumulative_usd[static_cast<std::size_t>(m - 1)]);
        }
        CHECK_FALSE(r.reasons.empty());
    }
}

TEST_CASE("reasons do not contradict each other: no break-even for a home lab that is ruled out", "[model][report]")
{
    Scenario s;
    s.budget_usd = 0; // the home lab is over budget, the cloud fits
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
    REQUIRE_FALSE(r.options[0].feasible);
    REQUIRE(r.recommendation == Option::cloud);
    for (const Reason& reason : r.reasons)
        CHECK_THAT(reason.text,
                   !Catch::Contains("pays for itself") && !Catch::Contains("comes out cheaper than the cloud"));
    // The hidden default behind "nothing to split" is named, with what to change.
    s.privacy = Privacy::on_premises_only;
    s.budget_usd = 4000;
    const Report strict = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
    REQUIRE_FALSE(strict.options[2].blockers.empty());
    CHECK_THAT(strict.options[2].blockers[0],
               Catch::Contains("work on that data: 100%") && Catch::Contains("lower that share"));
}
