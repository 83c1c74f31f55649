#pragma once
// Touch and pen input for ImGui 1.86 in the browser. Emscripten 3.1.6's GLFW never updates the
// position for touches, so the page passes pointer events here and this overrides ImGui's mouse:
// the position arrives one frame before the press (ImGui needs a hovered item to press it). Nothing is
// pressed until the finger shows what it does (a dead zone of `slop_px`): a tap without movement presses
// and releases where it landed; a horizontal drag presses where it started and follows (a slider moves);
// a vertical swipe never presses and scrolls the panel under the finger, wherever it started, a slider
// or the decision map included (ImGui 1.86 has no touch scrolling).
namespace labcalc::platform::web {

class TouchInput {
public:
    enum Phase { kUp = 0, kDown = 1, kMove = 2 };
    // From the page's pointer events, in canvas (device) pixels.
    void OnPointer(float x, float y, int phase);
    bool Active() const { return state_ != State::idle; }
    bool Held() const { return state_ != State::idle && state_ != State::releasing && state_ != State::leaving; }
    // Between ImGui_ImplGlfw_NewFrame() and ImGui::NewFrame(): overrides io.MousePos/MouseDown and
    // applies swipe scrolling. `slop_px` is how far a finger may move before its gesture is decided.
    void Apply(float slop_px);

private:
    enum class State { idle, hover, undecided, tapped, dragging, scrolling, releasing, leaving };
    State state_ = State::idle;
    float x_ = 0, y_ = 0, start_x_ = 0, start_y_ = 0, scrolled_y_ = 0;
    bool up_requested_ = false;
};

} // namespace labcalc::platform::web
