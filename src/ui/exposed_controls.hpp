#pragma once
// The controls a frame draws, described for the platform's own input and assistive machinery. A canvas
// is one opaque element to a screen reader, a phone keyboard and the Tab key; the web page puts a real
// element (a range input, a decimal text box, a button, a select) over each control listed here, in the
// order drawn (reading order). What a person does with those elements comes back through the functions
// below, into the same state changes a click on the canvas makes. The desktop app ignores the list
// (ImGui's own keyboard navigation serves it); the headless UI tests read it.
#include <string>
#include <string_view>
#include <vector>

#include "ui/app_state.hpp"

namespace labcalc::ui {

// The widget helpers: each draws its ImGui widget, then lists it.

// A button (or menu item, with `selectable`) that a platform element can press as well. Returns true
// when it was clicked or pressed from outside this frame.
// `name`: the accessible name when the visible label alone says too little ("Try it").
bool ExposedButton(AppState& state, const std::string& id, const char* label, bool small = false,
                   const std::string& name = "");
bool ExposedSelectable(AppState& state, const std::string& id, const char* label, bool selected);
// A collapsing section header; an outside press toggles it. Returns whether it is open.
bool ExposedSection(AppState& state, const std::string& id, const char* title, bool open_by_default);
// Takes a press recorded for control `id` (PressControl), if there is one: for widgets that are not
// ExposedButton (a button of a given size, say).
bool TakePress(AppState& state, const std::string& id);
// Lists the last drawn item (the rectangle ImGui just laid out) under `control`.
void ExposeLastItem(AppState& state, ExposedControl control);

// What the platform's elements do.

// Sets the input behind control `id` from typed text (a slider or a number box: ParseTypedNumber; a
// choice: its value). Returns "" or the error (also shown under the control); the last good value stays.
std::string SetControlText(AppState& state, std::string_view id, std::string_view text);
// Moves a slider `steps` steps (negative: down; +-10: a page); `to_end` -1 / +1 for Home / End.
void StepControl(AppState& state, std::string_view id, int steps, int to_end = 0);
// Presses a button, toggles a section or a checkbox; taken by the widget when it is next drawn.
void PressControl(AppState& state, std::string_view id);
// The platform's focus is on control `id` ("" none): the canvas draws a focus ring around it and
// scrolls it into view.
void FocusControl(AppState& state, std::string_view id);

// The list as JSON for the page, in CSS pixels (device pixels / `pixel_scale`).
std::string ControlsToJson(const AppState& state, float pixel_scale);

// A headline slider's value rounded to what a person would type: three significant digits of a budget,
// half hours; other keys as given. Drags, the page's range elements and the arrow keys all round so.
double RoundSliderValue(std::string_view key, double value);

} // namespace labcalc::ui
