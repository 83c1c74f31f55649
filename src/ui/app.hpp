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
// sways: 1,000 take about 7.7 ms in WebAssembly, which with the report and the frame's drawing is more than
// half a 60 Hz frame (docs/performance.md), so the drag draws half of them (the same seed: the first 500 of
// the 1,000 the release draws).
constexpr int kUiLiveSamples = 500;

} // namespace labcalc::ui
