#pragma once
// Idle means idle: decides whether a browser animation frame should draw. After any input it draws a
// few frames (ImGui needs 1-2 extra frames for popups and late widget updates) and keeps drawing
// for a short keep-alive period; while a button is held it keeps drawing; otherwise nothing, and
// nothing at all while the page is hidden or the canvas is off-screen. Pure logic, no browser calls.
namespace labcalc::platform::web {

class FrameScheduler {
public:
    static constexpr int kFramesAfterInput = 3;
    static constexpr double kKeepAliveMs = 1000.0;  // well under the 2 s after which tests expect silence

    // Input, resize, or new data: draw soon.
    void Wake(double now_ms)
    {
        pending_frames_ = kFramesAfterInput;
        keep_alive_until_ms_ = now_ms + kKeepAliveMs;
    }
    void SetVisible(bool visible) { visible_ = visible; }
    bool Visible() const { return visible_; }

    // Called once per animation frame; true means draw this one.
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
    int pending_frames_ = kFramesAfterInput;   // draw the first frames at start
    double keep_alive_until_ms_ = 0;
    bool visible_ = true;
};

} // namespace labcalc::platform::web
