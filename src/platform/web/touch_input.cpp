// Touch state machine (see touch_input.hpp).
#include "touch_input.hpp"

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"

namespace labcalc::platform::web {
namespace {

// True when the last press landed on a widget (not on a window's empty background).
bool PressOnWidget()
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId == 0)
        return false;
    return !(g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId);
}

// Scrolls the innermost scrollable window under the finger by `dy` pixels.
void ScrollHovered(float dy)
{
    ImGuiWindow* w = ImGui::GetCurrentContext()->HoveredWindow;
    while (w && !(w->ScrollMax.y > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse))) {
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow))
            return;
        w = w->ParentWindow;
    }
    if (w)
        ImGui::SetScrollY(w, w->Scroll.y + dy);
}

} // namespace

void TouchInput::OnPointer(float x, float y, int phase)
{
    x_ = x;
    y_ = y;
    if (phase == kDown) {
        state_ = State::hover;
        start_y_ = scrolled_y_ = y;
        up_requested_ = false;
    } else if (phase == kUp && state_ != State::idle) {
        up_requested_ = true;
    }
}

void TouchInput::Apply(float slop_px)
{
    if (state_ == State::idle)
        return;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x_, y_);
    switch (state_) {
    case State::hover:          // position only; the press comes next frame
        io.MouseDown[0] = false;
        state_ = State::pressed;
        break;
    case State::pressed:
        if (std::fabs(y_ - start_y_) > slop_px && !PressOnWidget()) {
            state_ = State::scrolling;
            io.MouseDown[0] = false;
        } else {
            io.MouseDown[0] = true;
        }
        if (up_requested_)
            state_ = State::releasing;
        break;
    case State::scrolling:
        io.MouseDown[0] = false;
        ScrollHovered(scrolled_y_ - y_);
        scrolled_y_ = y_;
        if (up_requested_)
            state_ = State::releasing;
        break;
    case State::releasing:
        io.MouseDown[0] = false;
        state_ = State::leaving;
        break;
    case State::leaving:        // a finger does not hover: forget the position
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        state_ = State::idle;
        break;
    case State::idle:
        break;
    }
}

} // namespace labcalc::platform::web
