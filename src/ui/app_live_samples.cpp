// "How sure" asked of the platform (see app_actions.hpp): the page's Web Worker works the report's likely futures
// out while a slider is held (1,000, at no cost to the drawing thread) and once it is let go (the 1,000 with their
// sways); a platform without one has them worked out in place.
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

// Asks the platform for the report's futures (`samples` of them, with the sways or not); false when it cannot.
bool Send(AppState& state, PlatformServices& services, int samples, bool sways)
{
    if (state.live.in_place)
        return false;
    core::SamplingJob job;
    job.scenario = state.scenario;
    job.samples = samples;
    job.sways = sways;
    const bool send_catalog = state.live.catalog_version_sent != state.catalog_version;
    const int id = state.live.next_id++;
    if (!services.StartSampling(id, core::SamplingJobToJson(job),
                                send_catalog ? core::CatalogToJson(state.catalog) : std::string())) {
        state.live.in_place = true;
        return false;
    }
    state.live.in_flight = id;
    state.live.catalog_version_sent = state.catalog_version;
    return true;
}

} // namespace

void StartLiveSamples(AppState& state, PlatformServices& services)
{
    // Owed only while the report still waits for the release's own futures; one job out at a time (its
    // answer asks for the report as it is then).
    if (!state.live.wanted || !state.results.samples_pending || state.live.in_flight != 0)
        return;
    state.live.wanted = false;
    if (Send(state, services, kUiLiveSamples, false))
        return;
    core::SampleSettings live;
    live.sways = false;
    Show(state, core::SampleOutcomes(state.scenario, state.catalog, kUiLiveSamplesInPlace, core::kDefaultSeed, live));
}

void StartReleaseSamples(AppState& state, PlatformServices& services, bool interacting)
{
    const Results& r = state.results;
    // A report that stands (no slider held, nothing to rebuild, its flip points in) and waits for its futures.
    if (interacting || !r.samples_pending || r.dirty || r.flips_pending || state.live.in_flight != 0)
        return;
    if (!Send(state, services, kUiSamples, true))
        return; // RecomputeIfDirty works them out in place
    state.live.release_out = true;
    state.live.release_version = r.report_version;
}

void ReceiveSamples(AppState& state, int request_id, std::string_view uncertainty_json)
{
    if (request_id == 0 || request_id != state.live.in_flight)
        return;
    state.live.in_flight = 0;
    const bool release = std::exchange(state.live.release_out, false);
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
    ++state.live.answers;
    if (release) {
        // All the futures of the report as it stands, with their sways: unless it has moved on since (a slider
        // was held again; its own futures are asked for).
        if (state.live.release_version != state.results.report_version)
            return;
        state.results.report.uncertainty = std::move(*u.value);
        state.results.samples_pending = false;
        ++state.results.report_version;
        return;
    }
    Show(state, std::move(*u.value));
    // A report built while the job was out left `wanted` set: the next frame asks for its futures.
}

} // namespace labcalc::ui
