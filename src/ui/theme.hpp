#pragma once
// The look: a light theme (course pages are light), rounded frames, generous touch targets.
namespace labcalc::ui {

// Resets the style and scales every size by `pixel_scale` (device pixels per CSS pixel). Called at
// start and whenever the pixel density changes (ScaleAllSizes is cumulative, so always from fresh).
void ApplyTheme(float pixel_scale);

} // namespace labcalc::ui
