#pragma once
// The look: a light theme (course pages are light), rounded frames, generous touch targets.
namespace labcalc::ui {

// Resets the style and scales every size by `pixel_scale` (device pixels per CSS pixel). Called at
// start and whenever the pixel density changes (ScaleAllSizes is cumulative, so always from fresh).
void ApplyTheme(float pixel_scale);

// The page's message and marking colours, one place for each (ImGui packed colours, ImU32). Text colours
// have 4.5:1 or more against the page and the cards (WCAG 2.2 AA); the option colours are in format.hpp.
namespace colors {
constexpr unsigned int kError = 0xFF1919BEu;      // red text: a refused value, link or file (190, 25, 25)
constexpr unsigned int kSuccess = 0xFF327814u;    // green text: "Link copied" (20, 120, 50)
constexpr unsigned int kStale = 0xFF005AB4u;      // amber text: a figure older than the catalog allows (180, 90, 0)
constexpr unsigned int kFocus = 0xFFB45F1Au;      // the keyboard focus ring, 3:1 or more (26, 95, 180)
constexpr unsigned int kLink = 0xFFAA5A14u;       // a figure that opens its working, 4.5:1 on the panel (20, 90, 170)
constexpr unsigned int kMarker = 0xFF141414u;     // the decision map's "you" ring and label (20, 20, 20)
constexpr unsigned int kMarkerHalo = 0xFFFFFFFFu; // its white halo
} // namespace colors

} // namespace labcalc::ui
