// "How sure" while a slider moves: every change of the report draws the first of the likely futures again
// (without the per-guess sways, which wait for the release and come with all of them).
#include <catch2/catch.hpp>

#include "core/uncertainty.hpp"
#include "harness.hpp"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"

using namespace labcalc;
using labcalc::test::Harness;

TEST_CASE("how sure follows a slider while it is held, and all the futures and their sways come on release")
{
    Harness h;
    h.Settle();
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty settled = *h.state.results.report.uncertainty;
    CHECK(settled.samples == ui::kUiSamples);
    CHECK_FALSE(settled.sways.empty());

    // A drag: the work goes to 120 h/week while the slider is held.
    h.state.scenario.hours_per_week = 120;
    h.state.results.dirty = true;
    ui::RecomputeIfDirty(h.state, /*interacting=*/true, /*defer_samples=*/true);
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty live = *h.state.results.report.uncertainty;
    CHECK(live.samples == ui::kUiLiveSamples);
    // The futures of the new hours, not the old ones.
    const core::Uncertainty first =
        core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiLiveSamples, core::kDefaultSeed);
    for (int o = 0; o < core::kOptionCount; ++o) {
        CHECK(live.p_best[static_cast<std::size_t>(o)] == first.p_best[static_cast<std::size_t>(o)]);
        CHECK(live.total_usd[static_cast<std::size_t>(o)].p50 == first.total_usd[static_cast<std::size_t>(o)].p50);
    }
    CHECK(live.p_best != settled.p_best);
    const core::Uncertainty expected =
        core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiSamples, core::kDefaultSeed);
    // Released: the flip points first (the live figures stay shown meanwhile), then the same futures with the
    // sways of these hours, a frame later.
    ui::RecomputeIfDirty(h.state, /*interacting=*/false, /*defer_samples=*/true);
    REQUIRE(h.state.results.report.uncertainty);
    CHECK(h.state.results.report.uncertainty->samples == ui::kUiLiveSamples);
    ui::RecomputeIfDirty(h.state, /*interacting=*/false, /*defer_samples=*/true);
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty released = *h.state.results.report.uncertainty;
    CHECK(released.p_best == expected.p_best);
    REQUIRE(released.sways.size() == expected.sways.size());
    for (std::size_t i = 0; i < released.sways.size(); ++i)
        CHECK(released.sways[i].p_changes == expected.sways[i].p_changes);
}
