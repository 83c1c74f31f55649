// How sure the answer is: the model over likely futures drawn from the inputs' spreads. Deterministic per seed,
// the plain answer when nothing is uncertain, shares that add up to one.
#include <catch2/catch.hpp>

#include <random>

#include "core/report.hpp"
#include "core/scenario_json.hpp"
#include "core/uncertainty.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

namespace {
Scenario NoSpread(Scenario s)
{
    s.spreads = Spreads{0, 0, 0, 0, 0, 0, 0};
    return s;
}
} // namespace

TEST_CASE("uncertainty: the same scenario and seed give the same figures, another seed others", "[uncertainty]")
{
    const Scenario s;
    const Uncertainty a = SampleOutcomes(s, Cat(), 300, 7);
    const Uncertainty b = SampleOutcomes(s, Cat(), 300, 7);
    const Uncertainty c = SampleOutcomes(s, Cat(), 300, 8);
    for (int o = 0; o < kOptionCount; ++o) {
        CHECK(a.p_best[static_cast<std::size_t>(o)] == b.p_best[static_cast<std::size_t>(o)]);
        CHECK(a.total_usd[static_cast<std::size_t>(o)].p50 == b.total_usd[static_cast<std::size_t>(o)].p50);
    }
    bool differs = false;
    for (int o = 0; o < kOptionCount; ++o)
        differs =
            differs || a.total_usd[static_cast<std::size_t>(o)].p50 != c.total_usd[static_cast<std::size_t>(o)].p50;
    CHECK(differs);
}

TEST_CASE("uncertainty: with no spread every future is the plain one, and shares add up to one",
          "[uncertainty][property]")
{
    std::mt19937 rng(20261130);
    for (int i = 0; i < 120; ++i) {
        const Scenario s = labcalc::test::RandomScenario(rng);
        const Evaluation plain = Evaluate(s, Cat());
        const Uncertainty flat = SampleOutcomes(NoSpread(s), Cat(), 20, 1);
        INFO(ScenarioToJson(s).dump());
        CHECK(flat.p_best[static_cast<std::size_t>(plain.recommended)] == 1.0);
        for (int o = 0; o < kOptionCount; ++o) {
            const OptionCost& c = plain.cost[static_cast<std::size_t>(o)];
            if (c.gpu_index < 0 && c.offer_index < 0)
                continue;
            const Percentiles& p = flat.total_usd[static_cast<std::size_t>(o)];
            CHECK(p.p10 == Approx(c.total_usd).margin(1e-6));
            CHECK(p.p90 == Approx(c.total_usd).margin(1e-6));
        }
        const Uncertainty spread = SampleOutcomes(s, Cat(), 60, 2);
        double sum = 0;
        for (double p : spread.p_best)
            sum += p;
        CHECK(sum == Approx(1.0));
        for (const Percentiles& p : spread.total_usd) {
            CHECK(p.p10 <= p.p50);
            CHECK(p.p50 <= p.p90);
        }
    }
}

TEST_CASE("uncertainty: a wider spread of the hours widens the totals, and the report says how sure", "[uncertainty]")
{
    Scenario s = NoSpread(Scenario{});
    s.spreads.hours_pct = 10;
    const Uncertainty narrow = SampleOutcomes(s, Cat(), 400);
    s.spreads.hours_pct = 60;
    const Uncertainty wide = SampleOutcomes(s, Cat(), 400);
    const Percentiles& n = narrow.total_usd[1];
    const Percentiles& w = wide.total_usd[1];
    CHECK(w.p90 - w.p10 > n.p90 - n.p10);

    ReportSettings settings;
    settings.samples = 200;
    settings.flip_points = false;
    const Report r = BuildReport(Scenario{}, Cat(), settings);
    REQUIRE(r.uncertainty);
    CHECK(r.uncertainty->samples == 200);
    CHECK(ReportToText(r).find("How sure: ") != std::string::npos);
    CHECK(ReportToJson(r).find("\"p_best\"") != std::string::npos);
    CHECK_FALSE(BuildReport(Scenario{}, Cat()).uncertainty);
}

TEST_CASE("uncertainty: the guesses that sway the answer are ranked, and a spread of 0 sways nothing", "[uncertainty]")
{
    Scenario s = NoSpread(Scenario{});
    s.spreads.hours_pct = 80; // the default scenario's answer turns on its hours
    const Uncertainty u = SampleOutcomes(s, Cat(), 400);
    REQUIRE(u.sways.size() == 1); // only the spread that is not 0
    CHECK(std::string(u.sways[0].key) == "spread.hours_pct");
    CHECK(u.sways[0].p_changes > 0);
    s.spreads.cloud_price_pct = 5;
    const Uncertainty two = SampleOutcomes(s, Cat(), 400);
    REQUIRE(two.sways.size() == 2);
    CHECK(two.sways[0].p_changes >= two.sways[1].p_changes);
}

TEST_CASE("uncertainty: a run without the sways gives every other figure as a run with them", "[uncertainty]")
{
    std::mt19937 rng(77);
    for (int i = 0; i < 30; ++i) {
        const Scenario s = labcalc::test::RandomScenario(rng);
        INFO(ScenarioToJson(s).dump());
        const Uncertainty with = SampleOutcomes(s, Cat(), 80, 5);
        SampleSettings live;
        live.sways = false;
        const Uncertainty without = SampleOutcomes(s, Cat(), 80, 5, live);
        CHECK(without.sways.empty());
        CHECK(without.samples == with.samples);
        CHECK(without.p_nothing_fits == with.p_nothing_fits);
        CHECK(without.p_no_break_even == with.p_no_break_even);
        CHECK(without.break_even_month.has_value() == with.break_even_month.has_value());
        if (with.break_even_month && without.break_even_month)
            CHECK(without.break_even_month->p50 == with.break_even_month->p50);
        for (std::size_t o = 0; o < kOptionCount; ++o) {
            CHECK(without.p_best[o] == with.p_best[o]);
            CHECK(without.total_usd[o].p10 == with.total_usd[o].p10);
            CHECK(without.total_usd[o].p50 == with.total_usd[o].p50);
            CHECK(without.total_usd[o].p90 == with.total_usd[o].p90);
            REQUIRE(without.cumulative_usd[o].size() == with.cumulative_usd[o].size());
            for (std::size_t m = 0; m < with.cumulative_usd[o].size(); ++m)
                CHECK(without.cumulative_usd[o][m].p50 == with.cumulative_usd[o][m].p50);
        }
    }
    // The default scenario's answer turns on its guesses, so a run with the sways has some.
    CHECK_FALSE(SampleOutcomes(Scenario{}, Cat(), 200).sways.empty());
}

TEST_CASE("uncertainty: the decision map's confidence is each cell's own share of likely futures", "[uncertainty]")
{
    Scenario s;
    s.hours_per_week = 30;
    s.budget_usd = 5000;
    // One cell whose centre is the person's own hours and budget: its share is the answer's share of the futures.
    const ConfidenceMap one = ComputeConfidenceMap(s, Cat(), 1, 1, 60, 10000, 300);
    const Uncertainty u = SampleOutcomes(s, Cat(), 300);
    const Option plain = Evaluate(s, Cat()).recommended;
    REQUIRE(one.share.size() == 1);
    CHECK(one.At(0, 0) == Approx(u.p_best[static_cast<std::size_t>(plain)]));

    // A grid: every share between 0 and 1, some cells unsure near where the answer changes.
    const ConfidenceMap grid = ComputeConfidenceMap(s, Cat(), 8, 6, 168, 20000, 60);
    REQUIRE(grid.share.size() == 48);
    float least = 1;
    for (float v : grid.share) {
        CHECK(v >= 0);
        CHECK(v <= 1);
        least = std::min(least, v);
    }
    CHECK(least < 0.9f);

    // With no spread every future is the person's: every cell is sure.
    Scenario sure = s;
    sure.spreads = Spreads{0, 0, 0, 0, 0, 0, 0};
    for (float v : ComputeConfidenceMap(sure, Cat(), 8, 6, 168, 20000, 20).share)
        CHECK(v == 1.0f);
}
