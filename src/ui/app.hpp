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
// sways. 1,000 take 8.5 ms in WebAssembly at -O3 but about three times that in the page's size-optimised
// build: 500 put the page's drag frames at 17.3 ms and 200 at 9.3 ms (p95, bench-page), over half a 60 Hz
// frame; so the drag draws 100 (the same seed: the first 100 of the 1,000 the release draws).
// docs/performance.md has the figures.
constexpr int kUiLiveSamples = 100;

} // namespace labcalc::ui
