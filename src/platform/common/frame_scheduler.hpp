#pragma once
// Idle means idle, on every platform: decides whether to draw a frame. After any input it draws a few
// frames (ImGui needs 1-2 extra frames for popups and late widget updates), then keeps drawing for a
// keep-alive period if the platform asks for one (the page: its animation frames are cheap to skip, and
// tests expect silence 2 s after input); while a button is held, or the app asks, it keeps drawing;
// otherwise nothing, and nothing at all while the window is hidden (the page's tab, or its canvas
// scrolled out of view). Pure logic: the platform passes the time in milliseconds.
namespace labcalc::platform {

class FrameScheduler {
public:
    static constexpr int kFramesAfterInput = 3;

    explicit FrameScheduler(double keep_alive_ms = 0) : keep_alive_ms_(keep_alive_ms) { }

    // Input, resize, or new data: draw soon.
    void Wake(double now_ms)
    {
        pending_frames_ = kFramesAfterInput;
        keep_alive_until_ms_ = now_ms + keep_alive_ms_;
    }
    // One more frame (a text caret's blink), without the keep-alive.
    void WakeOnce()
    {
        if (pending_frames_ < 1)
            pending_frames_ = 1;
    }
    void SetVisible(bool visible) { visible_ = visible; }
    bool Visible() const { return visible_; }

    // Whether a frame is due, without taking it (the desktop polls instead of waiting then).
    bool Busy(double now_ms, bool button_held, bool app_wants_frame) const
    {
        return visible_ && (pending_frames_ > 0 || button_held || app_wants_frame || now_ms < keep_alive_until_ms_);
    }

    // Called once per chance to draw; true means draw this one.
    bool ShouldDraw(double now_ms, bool button_held, bool app_wants_frame)
    {
        if (!visible_)
            return false;
        if (app_wants_frame || button_held)
            pending_frames_ = kFramesAfterInput;
        if (pending_frames_ > 0) {
            --pending_frames_;
            return true;
        }
        return now_ms < keep_alive_until_ms_;
    }

private:
    double keep_alive_ms_;
    int pending_frames_ = kFramesAfterInput; // draw the first frames at start
    double keep_alive_until_ms_ = 0;
    bool visible_ = true;
};

} // namespace labcalc::platform
