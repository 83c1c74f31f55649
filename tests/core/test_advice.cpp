// The advice contract (docs/model.md, "What the recommendation promises"): each promise held over
// thousands of random scenarios. Each of these was written before the model change that makes it
// hold, and failed on the model before it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/figure_ids.hpp"
#include "core/flip_points.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/workload.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::Priced;
using labcalc::test::RandomScenario;

namespace {

const OptionCost& Home(const Evaluation& e) { return e.cost[0]; }
const OptionCost& Cloud(const Evaluation& e) { return e.cost[1]; }
const OptionCost& Hybrid(const Evaluation& e) { return e.cost[2]; }

std::string Describe(const Scenario& s) { return ScenarioToJson(s).dump(); }

// Random scenarios, plus the corners the sweeps found faults in: on-premises-only data, no money,
// big jobs, steady heavy work, the person's own home-machine figures.
Scenario AdviceScenario(std::mt19937& rng, int i)
{
    Scenario s = RandomScenario(rng);
    std::uniform_real_distribution<double> u(0, 1);
    switch (i % 6) {
    case 0:
        s.privacy = Privacy::on_premises_only;
        if (u(rng) < 0.5)
            s.budget_usd = u(rng) * 2500;
        break;
    case 1:
        s.vram_gb = 100 + 300 * u(rng);
        s.burst_share_pct = 20 * u(rng);
        break;
    case 2:
        s.burst_share_pct = 5 * u(rng);
        s.hours_per_week = 100 + 68 * u(rng);
        s.monthly_budget_usd = 2000 + 1000 * u(rng);
        break;
    case 3:
        s.home.hardware_usd = 500 + 15000 * u(rng);
        if (u(rng) < 0.5)
            s.home.power_watts = 300 + 1500 * u(rng);
        if (u(rng) < 0.5)
            s.home.idle_watts = 20 + 100 * u(rng);
        if (u(rng) < 0.5)
            s.home.maintenance_usd_per_year = 500 * u(rng);
        if (u(rng) < 0.5)
            s.home.resale_pct = 60 * u(rng);
        break;
    default: break;
    }
    return s;
}

// Runs `check(scenario, evaluation)` over `count` advice scenarios from `seed`, each described on failure.
template <class Check>
void ForEachAdviceScenario(unsigned seed, int count, Check check)
{
    std::mt19937 rng(seed);
    for (int i = 0; i < count; ++i) {
        const Scenario typed = AdviceScenario(rng, i);
        const Evaluation e = Evaluate(typed, Cat());
        INFO(Describe(typed));
        // With tasks, the hours, memory and bursts the model ran on are the ones they work out to.
        const ModelInputs used(typed, Cat());
        check(used.scenario(), e);
    }
}

} // namespace

TEST_CASE("advice: the recommendation never breaks a hard limit", "[advice][property]")
{
    int nothing_fits = 0, data_must_stay = 0;
    ForEachAdviceScenario(12001, 3000, [&](const Scenario& s, const Evaluation& e) {
        const OptionCost& rec = e.cost[static_cast<std::size_t>(e.recommended)];
        // Data that may not leave the premises is never sent to a cloud, fitting or not.
        CHECK((rec.blockers & kDataMustStay) == 0);
        if (s.privacy == Privacy::on_premises_only && s.sensitive_work_pct > 0) {
            ++data_must_stay;
            CHECK(e.recommended != Option::cloud);
        }
        if (e.any_feasible) {
            CHECK(rec.Feasible());
        } else {
            ++nothing_fits;
            // The closest option is one whose only limits are ones the person can change (money, hours, VRAM
            // of the job), never the data's.
            CHECK((rec.blockers & kDataMustStay) == 0);
        }
    });
    CHECK(nothing_fits > 50);
    CHECK(data_must_stay > 400);
}

TEST_CASE("advice: with nothing fitting, the headline says so and names an option that keeps the data's limits",
          "[advice]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "budget_usd=0").error == "");
    REQUIRE(ApplySetting(s, "hours_per_week=1").error == "");
    REQUIRE(ApplySetting(s, "privacy=on_premises_only").error == "");
    REQUIRE(ApplySetting(s, "horizon_months=6").error == "");
    REQUIRE(ApplySetting(s, "vram_gb=8").error == "");
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
    CHECK_FALSE(r.any_feasible);
    CHECK(r.recommendation == Option::home);
    const std::string text = ReportToText(r);
    CHECK_THAT(text, Catch::StartsWith("Nothing fits yet"));
    CHECK_THAT(text, !Catch::Contains("Recommendation: Cloud"));
    REQUIRE_FALSE(r.reasons.empty());
    CHECK_THAT(r.reasons[0].text, Catch::Contains("budget"));
}

TEST_CASE("advice: work runs only on hardware that holds the job", "[advice][property]")
{
    int checked = 0;
    ForEachAdviceScenario(12002, 3000, [&](const Scenario& s, const Evaluation& e) {
        for (int o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = e.cost[static_cast<std::size_t>(o)];
            INFO(OptionKey(static_cast<Option>(o)));
            if (c.gpu_index >= 0 && c.local_work_hours_per_week > 0) {
                const GpuModel& g = Cat().gpus[static_cast<std::size_t>(c.gpu_index)];
                CHECK(g.vram_gb * c.gpu_count + 1e-9 >= s.vram_gb);
                ++checked;
            }
            if (c.offer_index >= 0 && c.cloud_work_hours_per_week > 0) {
                const CloudOffer& off = Cat().offers[static_cast<std::size_t>(c.offer_index)];
                CHECK(off.vram_gb * c.offer_gpus + 1e-9 >= s.vram_gb);
            }
            // A feasible option has somewhere to run all of the work.
            if (c.Feasible())
                CHECK(c.local_work_hours_per_week + c.cloud_work_hours_per_week ==
                      Approx(std::clamp(s.hours_per_week, 0.0, 168.0)).margin(1e-6));
        }
    });
    CHECK(checked > 1000);
}

TEST_CASE("advice: the person's own home-machine figures price every machine at home", "[advice][property]")
{
    std::mt19937 rng(12003);
    int compared = 0;
    for (int i = 0; i < 2000; ++i) {
        Scenario s = AdviceScenario(rng, 3); // always with home.* figures set
        s.sensitive_work_pct = 50;
        const Evaluation e = Evaluate(s, Cat());
        INFO(Describe(s));
        const OptionCost& h = Home(e);
        const OptionCost& y = Hybrid(e);
        if (!Priced(h) || y.gpu_index < 0)
            continue;
        ++compared;
        // The hybrid's machine at home is the person's machine: the same price, draw, upkeep and resale rule.
        CHECK(y.upfront_usd == Approx(h.upfront_usd));
        CHECK(y.gpu_index == h.gpu_index);
        CHECK(y.gpu_count == h.gpu_count);
        CHECK(y.load_watts == Approx(h.load_watts));
        CHECK(y.idle_watts == Approx(h.idle_watts));
        CHECK(y.monthly.maintenance_usd == Approx(h.monthly.maintenance_usd));
        CHECK(y.resale_usd == Approx(h.resale_usd));
    }
    CHECK(compared > 300);
}

TEST_CASE("advice: money counts once, and the budget is a limit, not a preference", "[advice][property]")
{
    std::mt19937 rng(12004);
    int cost_only = 0, budget_pairs = 0;
    for (int i = 0; i < 3000; ++i) {
        Scenario s = AdviceScenario(rng, i);
        INFO(Describe(s));
        // Money only: weights on the two cost rows alike, none elsewhere, no course-rule bonus. The score is
        // then a function of the total cost of ownership alone, so the cheapest fitting option wins.
        Scenario money = s;
        money.weights.fill(0);
        money.weights[static_cast<std::size_t>(Factor::initial_cost)] = 3;
        money.weights[static_cast<std::size_t>(Factor::ongoing_cost)] = 3;
        money.assumptions["model.rule_bonus_points"] = 0;
        const Evaluation m = Evaluate(money, Cat());
        if (m.any_feasible) {
            double cheapest = 1e300;
            for (const OptionCost& c : m.cost)
                if (c.Feasible())
                    cheapest = std::min(cheapest, c.total_usd);
            ++cost_only;
            CHECK(m.cost[static_cast<std::size_t>(m.recommended)].total_usd <= cheapest * (1 + 1e-9) + 1e-6);
        }
        // More money up front changes nothing while the same options fit.
        const Evaluation e = Evaluate(s, Cat());
        Scenario richer = s;
        richer.budget_usd = s.budget_usd * 2 + 10000;
        const Evaluation er = Evaluate(richer, Cat());
        bool same_fit = e.any_feasible;
        for (int o = 0; o < kOptionCount; ++o)
            same_fit = same_fit &&
                e.cost[static_cast<std::size_t>(o)].Feasible() == er.cost[static_cast<std::size_t>(o)].Feasible() &&
                e.cost[static_cast<std::size_t>(o)].gpu_index == er.cost[static_cast<std::size_t>(o)].gpu_index &&
                e.cost[static_cast<std::size_t>(o)].gpu_count == er.cost[static_cast<std::size_t>(o)].gpu_count;
        if (same_fit) {
            ++budget_pairs;
            CHECK(e.recommended == er.recommended);
        }
    }
    CHECK(cost_only > 500);
    CHECK(budget_pairs > 500);
}

TEST_CASE("advice: the machine bought is the cheapest over the horizon the budgets cover, of every machine the "
          "catalog makes",
          "[advice][property]")
{
    // Promise 5's second half: each option buys the cheapest machine over the horizon (and the hybrid its cheapest
    // split) among those both budgets cover. Checked against every machine on its own (home.gpu and home.gpu_count
    // name it, so it is the only one priced): when that machine's home lab or hybrid fits, the option chosen
    // freely fits too and costs no more. It failed while an option kept at most eight choices: with more worth
    // keeping (a front over money up front, a month and in total), the one needing the most up front was dropped,
    // and with it, at some budgets, the cheapest machine they covered (about 1 scenario in 800; 3 times the
    // recommendation itself changed).
    std::mt19937 rng(12061);
    int compared = 0, scenarios = 0;
    for (int i = 0; i < 6000; ++i) {
        const Scenario s = RandomScenario(rng);
        // One machine already (owned, or named by the person) or the person's own machine figures: nothing to
        // choose. Tasks and a cloud speed given against the home GPU would change with the machine named.
        if (s.home.owned || s.home.gpu || s.home.gpu_count || !s.tasks.empty() || s.cloud.speed_vs_home)
            continue;
        INFO(Describe(s));
        const Evaluation free = Evaluate(s, Cat());
        const int most = ResolveFigures(s, Cat()).max_gpus;
        ++scenarios;
        for (const GpuModel& g : Cat().gpus) {
            const int per_job = std::max(1, static_cast<int>(std::ceil(s.vram_gb / g.vram_gb - 1e-9)));
            for (int n = per_job; n <= most; n += per_job) {
                Scenario one = s;
                REQUIRE(ApplySetting(one, "home.gpu=" + g.id).error == "");
                one.home.gpu_count = n;
                const Evaluation e = Evaluate(one, Cat());
                INFO(g.id << " x " << n);
                // (A machine that makes peak weeks' bursts wait is bought only when none runs them.)
                if (Home(e).Feasible() && !Home(e).bursts_queue) {
                    ++compared;
                    CHECK(Home(free).Feasible());
                    CHECK(Home(free).total_usd <= Home(e).total_usd * (1 + 1e-9) + 1e-6);
                }
                // The hybrid shown for a split that keeps all the work at home is its cheapest real mix (marked so).
                if (Hybrid(e).Feasible()) {
                    ++compared;
                    CHECK((Hybrid(free).blockers & ~static_cast<std::uint32_t>(kMixIsHomeLab)) == 0);
                    CHECK(Hybrid(free).total_usd <= Hybrid(e).total_usd * (1 + 1e-9) + 1e-6);
                }
            }
        }
    }
    CHECK(scenarios > 3000);
    CHECK(compared > 30000);
}

TEST_CASE("advice: a heavy steady user whose home lab fits and costs less is not sent to the cloud", "[advice]")
{
    Scenario s;
    for (const char* kv : {"burst_share_pct=0", "hours_per_week=168", "budget_usd=5000", "horizon_months=12",
                           "vram_gb=48", "privacy=public", "experience=advanced", "monthly_budget_usd=2000"})
        REQUIRE(ApplySetting(s, kv).error == "");
    const Evaluation e = Evaluate(s, Cat());
    REQUIRE(Home(e).Feasible());
    REQUIRE(Home(e).total_usd < 0.8 * Cloud(e).total_usd);
    CHECK(e.recommended != Option::cloud);
}

TEST_CASE(
    "advice: a hybrid that costs more than every fitting pure option and adds nothing asked for is not recommended",
    "[advice][property]")
{
    int hybrids = 0;
    ForEachAdviceScenario(12005, 3000, [&](const Scenario& s, const Evaluation& e) {
        const OptionCost& y = Hybrid(e);
        if (y.Feasible()) {
            // A feasible hybrid is a real mix: work in both places, or the home lab plus the off-site copy the
            // person asked for.
            CHECK((y.local_work_hours_per_week > 0 || s.hours_per_week <= 0));
            CHECK((y.cloud_work_hours_per_week > 0 || s.wants_redundancy));
        }
        if (e.recommended != Option::hybrid || !e.any_feasible)
            return;
        ++hybrids;
        // The pure options it is weighed against: priced and kept out by nothing but money.
        auto comparable = [](const OptionCost& c) {
            return Priced(c) && (c.blockers & ~(kOverBudget | kOverMonthlyBudget)) == 0;
        };
        const bool only_mix_gives = s.wants_redundancy || (Home(e).bursts_queue && !comparable(Cloud(e)));
        int compared = 0;
        bool cheaper_than_one = false;
        for (const OptionCost* pure : {&Home(e), &Cloud(e)})
            if (comparable(*pure)) {
                ++compared;
                cheaper_than_one = cheaper_than_one || y.total_usd <= pure->total_usd + 1e-6;
            }
        if (compared > 0 && !only_mix_gives && (Home(e).Feasible() || Cloud(e).Feasible()))
            CHECK(cheaper_than_one); // never dearer than both pure options for nothing asked for
    });
    CHECK(hybrids > 30);
}

TEST_CASE("advice: a mix dearer than both pure options is shown, not recommended", "[advice]")
{
    // Published as a fault: the hybrid recommended at $1,050 against home $919 and cloud $1,026.
    Scenario s;
    for (const char* kv :
         {"budget_usd=10000", "hours_per_week=120", "privacy=public", "horizon_months=6", "vram_gb=24"})
        REQUIRE(ApplySetting(s, kv).error == "");
    const Evaluation e = Evaluate(s, Cat());
    if (e.recommended == Option::hybrid)
        CHECK((Hybrid(e).total_usd <= Home(e).total_usd + 1e-6 || Hybrid(e).total_usd <= Cloud(e).total_usd + 1e-6));
    // A mix that would keep all the work at home is the home lab, not a hybrid.
    Scenario steady = s;
    steady.burst_share_pct = 0;
    steady.hours_per_week = 30;
    const Evaluation es = Evaluate(steady, Cat());
    CHECK((Hybrid(es).blockers & kMixIsHomeLab) != 0);
    steady.wants_redundancy = true;
    const Evaluation er = Evaluate(steady, Cat());
    CHECK(Hybrid(er).Feasible());
    CHECK(Hybrid(er).cloud_work_hours_per_week == 0);
    CHECK(Hybrid(er).monthly.storage_usd > 0); // the off-site copy
}

TEST_CASE("advice: a flip value typed back as shown flips the answer", "[advice][property][flips]")
{
    std::mt19937 rng(12006);
    int checked = 0;
    for (int i = 0; i < 160; ++i) {
        const Scenario s = AdviceScenario(rng, i);
        const Evaluation e0 = Evaluate(s, Cat());
        const int start = static_cast<int>(e0.recommended) + (e0.any_feasible ? 0 : 4);
        for (const FlipPoint& f : FindFlipPoints(s, Cat())) {
            if (!f.value || f.input == "privacy")
                continue;
            INFO(Describe(s) << "\n" << FlipInWords(f));
            // The number as the person reads it (the text before the unit).
            const std::string shown = f.value_text.substr(0, f.value_text.find(' '));
            Scenario at = s;
            REQUIRE(ApplySetting(at, f.input + "=" + shown).error == "");
            const Evaluation e = Evaluate(at, Cat());
            CHECK(static_cast<int>(e.recommended) + (e.any_feasible ? 0 : 4) != start);
            ++checked;
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("advice: the home machine's on-time follows the work unless the person sets it", "[advice]")
{
    Scenario s;
    s.hours_per_week = 1;
    s.home.gpu = "rtx4090";
    s.burst_share_pct = 0;
    const OptionCost h = Evaluate(s, Cat()).cost[0];
    // At one hour of work a week, idle draw is not most of the electricity.
    const double load_kwh = h.load_watts * 1.0 / 1000.0;
    const double busy_share_usd = h.monthly.power_usd;
    CHECK(busy_share_usd > 0);
    s.home.on_hours_per_week = 168;
    const OptionCost always_on = Evaluate(s, Cat()).cost[0];
    CHECK(always_on.monthly.power_usd > 3 * h.monthly.power_usd);
    (void)load_kwh;
}

TEST_CASE("advice: each cloud offer bills its own provider's storage and stopped-volume prices", "[advice]")
{
    Scenario s;
    s.hours_per_week = 1;
    s.privacy = Privacy::public_data;
    REQUIRE(ApplySetting(s, "cloud.offer=runpod-rtx4090"));
    const OptionCost runpod = Evaluate(s, Cat()).cost[1];
    REQUIRE(ApplySetting(s, "cloud.offer=aws-g5-a10g"));
    const OptionCost aws = Evaluate(s, Cat()).cost[1];
    auto offer = [](const char* id) {
        for (const CloudOffer& o : Cat().offers)
            if (o.id == id)
                return &o;
        return static_cast<const CloudOffer*>(nullptr);
    };
    const CloudOffer* r = offer("runpod-rtx4090");
    const CloudOffer* a = offer("aws-g5-a10g");
    REQUIRE(r);
    REQUIRE(a);
    REQUIRE(r->stopped_volume_usd_per_gb_month);
    REQUIRE(a->stopped_volume_usd_per_gb_month);
    REQUIRE(r->storage_usd_per_gb_month);
    REQUIRE(a->storage_usd_per_gb_month);
    // Each is billed at its own provider's disk prices.
    CHECK(runpod.monthly.storage_usd == Approx(s.data_gb * r->storage_usd_per_gb_month->value));
    CHECK(aws.monthly.storage_usd == Approx(s.data_gb * a->storage_usd_per_gb_month->value));
    CHECK(runpod.monthly.idle_usd != Approx(aws.monthly.idle_usd));
    CHECK(aws.monthly.idle_usd < runpod.monthly.idle_usd); // EBS costs less than a stopped pod's volume
}

TEST_CASE("advice: resale is modest and selling costs a fee, break-even is given while owning and if sold", "[advice]")
{
    Scenario s;
    s.horizon_months = 6;
    // Through the setting (an assignment here trips GCC 12's false maybe-uninitialized warning at -O3).
    REQUIRE(ApplySetting(s, "home.gpu=rtx4090"));
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
    const OptionCost& h = r.options[0].cost;
    CHECK(h.resale_usd < 0.8 * h.upfront_usd);
    s.horizon_months = 36;
    const Report r36 = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
    CHECK(r36.options[0].cost.resale_usd < 0.5 * r36.options[0].cost.upfront_usd);
    // Both break-even months are reported; selling can only bring it earlier.
    if (r36.break_even_month_owning && r36.break_even_month)
        CHECK(*r36.break_even_month <= *r36.break_even_month_owning);
}

TEST_CASE("advice: the core's sentences name privacy levels in words, not file keys", "[advice]")
{
    std::mt19937 rng(12007);
    for (int i = 0; i < 200; ++i) {
        Scenario s = AdviceScenario(rng, i);
        const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-29", false});
        for (const Reason& reason : r.reasons)
            CHECK_THAT(reason.text, !Catch::Contains("on_premises_only") && !Catch::Contains("public_data"));
        for (const RuleCheck& rc : r.rules)
            CHECK_THAT(rc.why, !Catch::Contains("on_premises_only"));
        for (const OptionReport& o : r.options)
            for (const std::string& b : o.blockers)
                CHECK_THAT(b, !Catch::Contains("on_premises_only"));
    }
}

TEST_CASE("advice: cloud.speed_vs_home=1 means a job takes the same hours in the cloud as on the home machine",
          "[advice]")
{
    for (const char* gpu : {"rtx3090-used", "rtx4090", "h100-pcie"}) {
        Scenario s;
        s.home.gpu = gpu;
        s.hours_per_week = 40;
        s.burst_share_pct = 0;
        s.cloud.speed_vs_home = 1;
        s.cloud.offer = "runpod-rtx4090";
        const Evaluation e = Evaluate(s, Cat());
        INFO(gpu);
        REQUIRE(Priced(Home(e)));
        // Hours the home machine's GPUs are busy per week for the work, and the cloud's billed hours for it.
        const GpuModel* g = nullptr;
        for (const GpuModel& m : Cat().gpus)
            if (m.id == gpu)
                g = &m;
        REQUIRE(g);
        CHECK(Cloud(e).cloud_gpu_hours_per_week == Approx(s.hours_per_week / g->speed * Cloud(e).offer_gpus));
    }
}

TEST_CASE("advice: data that must stay keeps the cloud out even when no cloud offer holds the job", "[advice]")
{
    // A job larger than any cloud offer's GPUs: the cloud is unpriced, and must still not be named as the
    // option that comes closest, since the data may not leave the premises (a random task found this).
    Scenario s;
    REQUIRE(ApplySetting(s, "privacy=on_premises_only"));
    REQUIRE(ApplySetting(s, "vram_gb=4000"));
    REQUIRE(ApplySetting(s, "sensitive_work_pct=10"));
    const Evaluation e = Evaluate(s, Cat());
    CHECK_FALSE(e.any_feasible);
    CHECK(e.recommended != Option::cloud);
    CHECK((e.cost[1].blockers & kDataMustStay) != 0);
}
