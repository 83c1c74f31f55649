// "How sure" while a slider is held (see app_actions.hpp): the report's likely futures asked of the platform
// (the page's Web Worker, where 1,000 of them cost the drawing thread nothing) or worked out in place.
#include <utility>

#include "core/sampling_job.hpp"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"

namespace labcalc::ui {
namespace {

// Shows `u` as the report's futures, with the sways of the last release (a live run has none of its own).
void Show(AppState& state, core::Uncertainty u)
{
    std::optional<core::Uncertainty>& shown = state.results.report.uncertainty;
    if (shown)
        u.sways = std::move(shown->sways);
    shown = std::move(u);
    ++state.results.report_version;
}

} // namespace

void StartLiveSamples(AppState& state, PlatformServices& services)
{
    // Owed only while the report still waits for the release's own futures; one job out at a time (its
    // answer asks for the report as it is then).
    if (!state.live.wanted || !state.results.samples_pending || state.live.in_flight != 0)
        return;
    state.live.wanted = false;
    if (!state.live.in_place) {
        core::SamplingJob job;
        job.scenario = state.scenario;
        job.samples = kUiLiveSamples;
        job.sways = false;
        const bool send_catalog = state.live.catalog_version_sent != state.catalog_version;
        const int id = state.live.next_id++;
        if (services.StartSampling(id, core::SamplingJobToJson(job),
                                   send_catalog ? core::CatalogToJson(state.catalog) : std::string())) {
            state.live.in_flight = id;
            state.live.catalog_version_sent = state.catalog_version;
            return;
        }
        state.live.in_place = true;
    }
    core::SampleSettings live;
    live.sways = false;
    Show(state, core::SampleOutcomes(state.scenario, state.catalog, kUiLiveSamplesInPlace, core::kDefaultSeed, live));
}

void ReceiveSamples(AppState& state, int request_id, std::string_view uncertainty_json)
{
    if (request_id == 0 || request_id != state.live.in_flight)
        return;
    state.live.in_flight = 0;
    core::Expected<core::Uncertainty> u = core::ParseUncertaintyJson(uncertainty_json);
    if (!u) {
        // The platform could not work them out (the worker stopped, or answered what the reader refuses):
        // from now on they are worked out here, starting with the report as it is.
        state.live.in_place = true;
        state.live.catalog_version_sent = -1;
        state.live.wanted = state.results.samples_pending;
        return;
    }
    // The release's own futures are in (or coming from the next frame): those are the report's.
    if (!state.results.samples_pending)
        return;
    Show(state, std::move(*u.value));
    ++state.live.answers;
    // A report built while the job was out left `wanted` set: the next frame asks for its futures.
}

} // namespace labcalc::ui
