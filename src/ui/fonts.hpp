#pragma once
// The built-in font (DejaVu Sans from Debian's fonts-dejavu-core, compiled in), rasterised at the
// display's pixel density so text is crisp at any device pixel ratio or browser zoom.
#include "ui/app_state.hpp"

namespace labcalc::ui {

constexpr float kBodyFontPx = 16.0f; // CSS pixels, like a web page's body text
constexpr float kHeadlineFontPx = 30.0f;

// Clears the ImGui font atlas and adds the body and headline fonts at `pixel_scale` device pixels per
// CSS pixel. The platform must rebuild its font texture afterwards.
void LoadFonts(Fonts& fonts, float pixel_scale);

} // namespace labcalc::ui
