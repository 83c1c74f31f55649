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
// Likely futures the page and the desktop app work out for "How sure" (core::SampleOutcomes). While a slider
// is held, every change of the report draws them again without "which guess sways the answer" (about 8 ms in
// WebAssembly, docs/performance.md); once it is let go, the same futures again with the sways. The same seed
// and count, so the figures do not jump on release.
constexpr int kUiSamples = 1000;

} // namespace labcalc::ui
