// Touch state machine (see touch_input.hpp).
#include "touch_input.hpp"

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"

namespace labcalc::platform::web {
namespace {

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
        start_x_ = x;
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
    case State::hover: // position only: ImGui needs a hovered item before a press
        io.MouseDown[0] = false;
        state_ = State::undecided;
        break;
    case State::undecided: { // nothing pressed until the finger shows what it does
        const float dx = std::fabs(x_ - start_x_), dy = std::fabs(y_ - start_y_);
        io.MouseDown[0] = false;
        if (dy > slop_px && dy >= dx) {
            state_ = State::scrolling; // a vertical swipe scrolls, wherever it started
            ScrollHovered(scrolled_y_ - y_);
            scrolled_y_ = y_;
        } else if (dx > slop_px) {
            state_ = State::dragging; // a horizontal drag presses where the finger came down
            io.MousePos = ImVec2(start_x_, start_y_);
            io.MouseDown[0] = true;
        } else if (up_requested_) {
            state_ = State::tapped; // a tap: press where it landed, release next frame
            io.MousePos = ImVec2(start_x_, start_y_);
            io.MouseDown[0] = true;
        }
        if (up_requested_ && state_ == State::dragging)
            state_ = State::tapped; // the drag ended in the same event: release next frame
        break;
    }
    case State::tapped:
        io.MousePos = ImVec2(start_x_, start_y_);
        io.MouseDown[0] = false;
        state_ = State::leaving;
        break;
    case State::dragging:
        io.MouseDown[0] = true;
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
    case State::leaving: // a finger does not hover: forget the position
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        state_ = State::idle;
        break;
    case State::idle: break;
    }
}

} // namespace labcalc::platform::web
