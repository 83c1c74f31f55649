#pragma once
// The single per-frame entry of the UI, shared by the web page, the desktop app and headless tests.
// Call between ImGui::NewFrame() and ImGui::Render().
#include "ui/app_state.hpp"
#include "ui/platform_services.hpp"

namespace labcalc::ui {

// Rebuilds the report if inputs changed, draws every panel into the full viewport, and writes the
// link/storage once the learner lets go of a widget. Returns true when another frame is needed soon
// (results still pending), so idle platforms know not to stop drawing yet.
bool DrawApp(AppState& state, PlatformServices& services);

// Layout breakpoint: below this width (in font sizes) panels stack in one column.
constexpr float kWideLayoutEm = 56.0f;
// Likely futures the page and the desktop app work out for "How sure" (core::SampleOutcomes), once a slider is
// let go, with "which guess sways the answer".
constexpr int kUiSamples = 1000;
// While a slider is held, every change of the report draws the first of those futures again, without the
// sways (the same seed: the first ones the release draws). Where the platform works them out away from the
// drawing thread (the page's Web Worker), all 1,000; where they are worked out in place, 400: in the page
// each costs about 13 us of main-thread CPU, and bench-page put the drag frames' p95 at 6.6 ms with 400 in
// place and 14.4 ms with 1,000, against half a 60 Hz frame (8.3 ms). docs/performance.md has the figures.
constexpr int kUiLiveSamples = 1000;
constexpr int kUiLiveSamplesInPlace = 400;

} // namespace labcalc::ui
