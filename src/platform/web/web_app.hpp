#pragma once
// The one running instance of the page: window, UI state, services, frame scheduling, touch.
// main_web.cpp owns it; web_bridge.cpp (the functions JavaScript calls) reaches it through App().
#include "platform/common/frame_scheduler.hpp"
#include "platform/common/key_event_queue.hpp"
#include "touch_input.hpp"
#include "ui/app_state.hpp"
#include "web_services.hpp"

struct GLFWwindow;

namespace labcalc::platform::web {

struct WebApp {
    GLFWwindow* window = nullptr;
    ui::AppState state;
    WebServices services;
    platform::FrameScheduler scheduler{1000.0}; // keep-alive: well under the 2 s after which tests expect silence
    TouchInput touch;
    float pixel_scale = 0;           // device pixels per CSS pixel the fonts and style are built for
    int width_px = 0, height_px = 0; // canvas backing store
    bool app_wants_frame = true;     // DrawApp asked for another frame
    bool paused = false;             // main loop paused while idle
    unsigned frame_count = 0;        // frames drawn (window.labcalc.frameCount)
    bool ready_sent = false;
    bool in_frame = false; // inside another page's frame: events go to the parent
    int last_cursor = -2;
    platform::KeyEventQueue keys; // every quick key press reaches ImGui (key_event_queue.hpp)
    std::string last_controls;    // the controls last sent to the page (ui::ControlsToJson)
    int last_wants = -1;
};

WebApp& App();
// Something happened (input, resize, new data): make sure frames are drawn.
void WakeUp();
// Tells the embedding page (if any) that the frame is ready or its report changed (main_web.cpp).
void PostEmbedEvent(WebApp& app);

} // namespace labcalc::platform::web
