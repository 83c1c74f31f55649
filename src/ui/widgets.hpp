#pragma once
// Small widgets shared by the panels. Sizes are in multiples of the font size (Em), so the layout
// follows the DPR scaling the platform applies to fonts and style.
#include <string>

#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "imgui.h"
#include "ui/app_state.hpp"

namespace labcalc::ui {

float Em(float n); // n times the current font size, in pixels
// Records the last item's rectangle under `id` in state.test_hooks.item_rects.
void RememberItem(AppState& state, const char* id);
void HelpMarker(const char* text);         // "(?)" with a wrapped tooltip
void WrappedText(const std::string& text); // wraps at spaces only (never inside "$2,418")
void TextWrappedColored(unsigned int color, const std::string& text);
void TextWrappedDisabled(const std::string& text);
void Bullet(const std::string& text); // wrapped bullet line
// Opens the window that fills the viewport (the app's one window); end it with ImGui::End().
void BeginRootWindow(const char* name, int extra_flags);
// A reason, and under it (dimmed) the part of the course it comes from; `section_only` (small frames)
// names just the course section there and the whole part on hover.
void ReasonBullet(const core::Reason& reason, bool section_only = false);
std::string ReasonCourseLine(const core::Reason& reason, bool section_only); // that dimmed line

// Label "Budget up front (USD)" from a field: label plus unit.
std::string FieldLabel(const core::FieldSpec& f, const core::Money& money);
// Editor for one scenario input from its FieldSpec: slider/number/checkbox/choice/catalog pick, unit,
// tooltip with the help text, "Default" for optional fields, and the validation message under it.
// Returns true when the scenario changed.
bool FieldEditor(AppState& state, const core::FieldSpec& f, float label_width);

} // namespace labcalc::ui
