#pragma once
// Touch and pen input for ImGui 1.86 in the browser. Emscripten 3.1.6's GLFW never updates the
// position for touches, so the page passes pointer events here and this overrides ImGui's mouse:
// the position arrives one frame before the press (ImGui needs a hovered item to press it), a quick
// tap still gives a press frame and a release frame, and a vertical swipe that did not start on a
// widget scrolls the panel under the finger (ImGui 1.86 has no touch scrolling).
namespace labcalc::platform::web {

class TouchInput {
public:
    enum Phase { kUp = 0, kDown = 1, kMove = 2 };
    // From the page's pointer events, in canvas (device) pixels.
    void OnPointer(float x, float y, int phase);
    bool Active() const { return state_ != State::idle; }
    bool Held() const { return state_ == State::pressed || state_ == State::scrolling || state_ == State::hover; }
    // Between ImGui_ImplGlfw_NewFrame() and ImGui::NewFrame(): overrides io.MousePos/MouseDown and
    // applies swipe scrolling. `slop_px` is how far a finger may move before a press becomes a swipe.
    void Apply(float slop_px);

private:
    enum class State { idle, hover, pressed, scrolling, releasing, leaving };
    State state_ = State::idle;
    float x_ = 0, y_ = 0, start_y_ = 0, scrolled_y_ = 0;
    bool up_requested_ = false;
};

} // namespace labcalc::platform::web
