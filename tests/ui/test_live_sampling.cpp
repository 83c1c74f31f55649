// "How sure" while a slider moves: every change of the report draws the first of the likely futures again
// (without the per-guess sways, which wait for the release and come with all of them): 1,000 of them where the
// platform works them out away from the drawing thread (the page's Web Worker), 400 in place elsewhere.
#include <catch2/catch.hpp>

#include "core/sampling_job.hpp"
#include "core/uncertainty.hpp"
#include "harness.hpp"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"

using namespace labcalc;
using labcalc::test::Harness;

namespace {

// A slider held and moved to `hours` a week: the report is built again, and its futures asked for.
void Drag(Harness& h, double hours)
{
    h.state.scenario.hours_per_week = hours;
    h.state.results.dirty = true;
    ui::RecomputeIfDirty(h.state, /*interacting=*/true, /*defer_samples=*/true);
    ui::StartLiveSamples(h.state, h.services);
}

// What the platform's worker does with a job: reads it and its catalog back from the text and runs the core.
std::string Work(const test::FakeServices::SamplingJob& sent, const core::Catalog& catalog)
{
    const core::Expected<core::SamplingJob> job = core::ParseSamplingJob(sent.job_json);
    REQUIRE(job);
    return core::RunSamplingJob(*job.value, catalog);
}

// Opens the app on a platform with a worker: the first report's futures (with their sways) come from the
// worker's first job, which brings the catalog; answered here. Returns that catalog as the worker read it.
core::Catalog SettleWithWorker(Harness& h)
{
    h.services.sampling = true;
    h.Settle();
    REQUIRE(h.services.sampling_jobs.size() == 1);
    const auto first = h.services.sampling_jobs[0];
    CHECK(h.state.results.samples_pending); // nothing worked out in place
    const core::Expected<core::Catalog> catalog = core::ParseCatalog(first.catalog_json);
    REQUIRE(catalog);
    CHECK(core::ParseSamplingJob(first.job_json).value->sways);
    ui::ReceiveSamples(h.state, first.id, Work(first, *catalog.value));
    CHECK_FALSE(h.state.results.samples_pending);
    h.services.sampling_jobs.clear();
    h.Settle();
    return *catalog.value;
}

core::Uncertainty Live(const core::Scenario& s, const core::Catalog& c, int samples)
{
    core::SampleSettings settings;
    settings.sways = false;
    return core::SampleOutcomes(s, c, samples, core::kDefaultSeed, settings);
}

} // namespace

TEST_CASE("how sure follows a slider while it is held, and all the futures and their sways come on release")
{
    Harness h; // a platform without a worker: the live futures are worked out in place
    h.Settle();
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty settled = *h.state.results.report.uncertainty;
    CHECK(settled.samples == ui::kUiSamples);
    CHECK_FALSE(settled.sways.empty());

    // A drag: the work goes to 120 h/week while the slider is held.
    Drag(h, 120);
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty live = *h.state.results.report.uncertainty;
    CHECK(live.samples == ui::kUiLiveSamplesInPlace);
    // The futures of the new hours, not the old ones; the sways of the last release stay shown.
    const core::Uncertainty first =
        core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiLiveSamplesInPlace, core::kDefaultSeed);
    for (int o = 0; o < core::kOptionCount; ++o) {
        CHECK(live.p_best[static_cast<std::size_t>(o)] == first.p_best[static_cast<std::size_t>(o)]);
        CHECK(live.total_usd[static_cast<std::size_t>(o)].p50 == first.total_usd[static_cast<std::size_t>(o)].p50);
    }
    CHECK(live.p_best != settled.p_best);
    CHECK(live.sways.size() == settled.sways.size());
    const core::Uncertainty expected =
        core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiSamples, core::kDefaultSeed);
    // Released: the flip points first (the live figures stay shown meanwhile), then the same futures with the
    // sways of these hours, a frame later.
    ui::RecomputeIfDirty(h.state, /*interacting=*/false, /*defer_samples=*/true);
    REQUIRE(h.state.results.report.uncertainty);
    CHECK(h.state.results.report.uncertainty->samples == ui::kUiLiveSamplesInPlace);
    ui::RecomputeIfDirty(h.state, /*interacting=*/false, /*defer_samples=*/true);
    REQUIRE(h.state.results.report.uncertainty);
    const core::Uncertainty released = *h.state.results.report.uncertainty;
    CHECK(released.p_best == expected.p_best);
    REQUIRE(released.sways.size() == expected.sways.size());
    for (std::size_t i = 0; i < released.sways.size(); ++i)
        CHECK(released.sways[i].p_changes == expected.sways[i].p_changes);
}

TEST_CASE("how sure while a slider is held: 1,000 futures from the platform's worker, one job out at a time")
{
    Harness h;
    const core::Catalog worker_catalog = SettleWithWorker(h);
    const core::Uncertainty settled = *h.state.results.report.uncertainty;
    CHECK(settled.samples == ui::kUiSamples);
    CHECK(settled.p_best == core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiSamples).p_best);

    Drag(h, 120);
    REQUIRE(h.services.sampling_jobs.size() == 1);
    const auto first_job = h.services.sampling_jobs[0];
    CHECK(first_job.catalog_json.empty()); // the worker has it
    // Nothing worked out on the drawing thread: the last futures stay shown until the answer comes.
    CHECK(h.state.results.report.uncertainty->p_best == settled.p_best);

    // The slider moves on while the job is out: no second job yet.
    Drag(h, 130);
    CHECK(h.services.sampling_jobs.size() == 1);

    // The answer (the futures of 120 h) is shown, with the last release's sways; the report of 130 h is then
    // asked for, without the catalog again.
    const int version = h.state.results.report_version;
    const core::Expected<core::Catalog> catalog = core::Expected<core::Catalog>::Ok(worker_catalog);
    ui::ReceiveSamples(h.state, first_job.id, Work(first_job, *catalog.value));
    const core::Uncertainty shown = *h.state.results.report.uncertainty;
    core::Scenario at_120 = h.state.scenario;
    at_120.hours_per_week = 120;
    const core::Uncertainty expected_120 = Live(at_120, h.state.catalog, ui::kUiLiveSamples);
    CHECK(shown.samples == ui::kUiLiveSamples);
    CHECK(shown.p_best == expected_120.p_best);
    CHECK(shown.total_usd[1].p90 == expected_120.total_usd[1].p90);
    CHECK(shown.sways.size() == settled.sways.size());
    CHECK(h.state.results.report_version > version);
    ui::StartLiveSamples(h.state, h.services);
    REQUIRE(h.services.sampling_jobs.size() == 2);
    const auto second_job = h.services.sampling_jobs[1];
    CHECK(second_job.catalog_json.empty());
    CHECK(core::ParseSamplingJob(second_job.job_json).value->scenario.hours_per_week == 130);

    // An answer to no job out is dropped; a held slider that does not move asks for nothing more.
    ui::ReceiveSamples(h.state, first_job.id, Work(first_job, *catalog.value));
    CHECK(h.state.results.report.uncertainty->p_best == expected_120.p_best);
    ui::ReceiveSamples(h.state, second_job.id, Work(second_job, *catalog.value));
    CHECK(h.state.results.report.uncertainty->p_best ==
          Live(h.state.scenario, h.state.catalog, ui::kUiLiveSamples).p_best);
    ui::StartLiveSamples(h.state, h.services);
    CHECK(h.services.sampling_jobs.size() == 2);

    // Released while a live job is out: nothing is worked out in place; the live answer comes, then the release's
    // job (all the futures, with the sways), whose answer is the report's.
    Drag(h, 90);
    REQUIRE(h.services.sampling_jobs.size() == 3);
    ui::RecomputeIfDirty(h.state, false, true); // the flip points, as the release's first frame
    ui::StartReleaseSamples(h.state, h.services, false);
    ui::RecomputeIfDirty(h.state, false, true);
    CHECK(h.services.sampling_jobs.size() == 3); // the live job is still out
    CHECK(h.state.results.samples_pending);
    const auto live_job = h.services.sampling_jobs[2];
    ui::ReceiveSamples(h.state, live_job.id, Work(live_job, *catalog.value));
    ui::StartReleaseSamples(h.state, h.services, false);
    REQUIRE(h.services.sampling_jobs.size() == 4);
    const auto release_job = h.services.sampling_jobs[3];
    const core::SamplingJob asked = *core::ParseSamplingJob(release_job.job_json).value;
    CHECK(asked.samples == ui::kUiSamples);
    CHECK(asked.sways);
    ui::RecomputeIfDirty(h.state, false, true); // leaves them to the answer
    CHECK(h.state.results.samples_pending);
    ui::ReceiveSamples(h.state, release_job.id, Work(release_job, *catalog.value));
    CHECK_FALSE(h.state.results.samples_pending);
    const core::Uncertainty released = *h.state.results.report.uncertainty;
    const core::Uncertainty in_place = core::SampleOutcomes(h.state.scenario, h.state.catalog, ui::kUiSamples);
    CHECK(released.p_best == in_place.p_best);
    REQUIRE(released.sways.size() == in_place.sways.size());
    for (std::size_t i = 0; i < released.sways.size(); ++i)
        CHECK(released.sways[i].p_changes == in_place.sways[i].p_changes);

    // A release answer for a report that has moved on (a slider held again) is not the report's.
    Drag(h, 70);
    ui::ReceiveSamples(h.state, h.services.sampling_jobs.back().id,
                       Work(h.services.sampling_jobs.back(), *catalog.value));
    ui::RecomputeIfDirty(h.state, false, true);
    ui::StartReleaseSamples(h.state, h.services, false);
    const auto second_release = h.services.sampling_jobs.back();
    CHECK(core::ParseSamplingJob(second_release.job_json).value->sways);
    Drag(h, 50); // held again before the answer
    ui::ReceiveSamples(h.state, second_release.id, Work(second_release, *catalog.value));
    CHECK(h.state.results.samples_pending);
    core::Scenario at_70 = h.state.scenario;
    at_70.hours_per_week = 70;
    CHECK(h.state.results.report.uncertainty->p_best == Live(at_70, h.state.catalog, ui::kUiLiveSamples).p_best);
    ui::StartLiveSamples(h.state, h.services); // the held slider's report is asked for now
    CHECK(core::ParseSamplingJob(h.services.sampling_jobs.back().job_json).value->scenario.hours_per_week == 50);
}

TEST_CASE("how sure while a slider is held: when the worker fails, the futures are worked out in place from then on")
{
    Harness h;
    SettleWithWorker(h);
    Drag(h, 120);
    REQUIRE(h.services.sampling_jobs.size() == 1);
    ui::ReceiveSamples(h.state, h.services.sampling_jobs[0].id, ""); // the worker stopped
    ui::StartLiveSamples(h.state, h.services);
    CHECK(h.services.sampling_jobs.size() == 1);
    CHECK(h.state.results.report.uncertainty->samples == ui::kUiLiveSamplesInPlace);
    CHECK(h.state.results.report.uncertainty->p_best ==
          Live(h.state.scenario, h.state.catalog, ui::kUiLiveSamplesInPlace).p_best);
    Drag(h, 60);
    CHECK(h.services.sampling_jobs.size() == 1);
    CHECK(h.state.results.report.uncertainty->p_best ==
          Live(h.state.scenario, h.state.catalog, ui::kUiLiveSamplesInPlace).p_best);
}
