// The browser page's entry: a GLFW window on the canvas (Emscripten's GLFW 3 + WebGL 2), Dear ImGui,
// and the main loop. Canvas sizing follows the "physical-pixel" model: the backing store is the CSS
// size times the device pixel ratio, ImGui works in device pixels, and fonts and style are scaled by
// the DPR (rebuilt when it changes: monitor moves, browser zoom).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <string>

#include "core/embed_api.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "platform/common/ui_frame.hpp"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"
#include "ui/embed_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "web_app.hpp"
#include "web_js.hpp"

namespace labcalc::platform::web {

WebApp& App()
{
    static WebApp app;
    return app;
}

void WakeUp()
{
    WebApp& app = App();
    app.scheduler.Wake(emscripten_get_now());
    if (app.paused && app.scheduler.Visible()) {
        app.paused = false;
        emscripten_resume_main_loop();
    }
}

namespace {

// Matches the backing store to the canvas's CSS size x DPR; rebuilds fonts and style on a DPR change.
// Must run outside ImGui::NewFrame/Render (the font atlas is locked during a frame).
void SyncCanvasSize(WebApp& app)
{
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    int w = static_cast<int>(std::lround(std::max(1.0, css_w) * dpr));
    int h = static_cast<int>(std::lround(std::max(1.0, css_h) * dpr));
    // GLFW's setWindowSize goes fullscreen when the size equals the screen's (in CSS pixels).
    if (w == labcalc_js_screen_width() && h == labcalc_js_screen_height())
        w -= 1;
    if (w != app.width_px || h != app.height_px) {
        glfwSetWindowSize(app.window, w, h);
        app.width_px = w;
        app.height_px = h;
    }
    const float scale = static_cast<float>(dpr);
    if (scale != app.pixel_scale) {
        const bool first = app.pixel_scale == 0;
        app.pixel_scale = scale;
        RebuildFontsAndStyle(app.state.fonts, scale, scale, 1.0f, first);
    }
}

const char* CssCursor(ImGuiMouseCursor cursor)
{
    switch (cursor) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
    }
}

// Tells the page what ImGui wants, so its capturing listeners pass Tab and the wheel to the page
// when ImGui has no use for them.
void PublishWants(WebApp& app)
{
    const ImGuiIO& io = ImGui::GetIO();
    bool wheel = false;
    for (ImGuiWindow* w = ImGui::GetCurrentContext()->HoveredWindow; w; w = w->ParentWindow) {
        if (w->ScrollMax.y > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) {
            wheel = true;
            break;
        }
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow))
            break;
    }
    const int wants = (io.WantCaptureKeyboard ? 1 : 0) | (io.WantTextInput ? 2 : 0) | (wheel ? 4 : 0);
    if (wants != app.last_wants) {
        app.last_wants = wants;
        labcalc_js_set_wants(io.WantCaptureKeyboard, io.WantTextInput, wheel);
    }
    const int cursor = ImGui::GetMouseCursor();
    if (cursor != app.last_cursor) {
        app.last_cursor = cursor;
        labcalc_js_set_cursor(CssCursor(cursor));
    }
}

} // namespace

// "labcalc:ready" / "labcalc:changed" to the embedding page, once the report has settled. Called after
// each drawn frame, at start and after each host message: a frame scrolled out of view draws nothing
// but still tells its host page what changed.
void PostEmbedEvent(WebApp& app)
{
    if (!app.in_frame)
        return;
    const std::string event = ui::TakeEmbedEvent(app.state, ImGui::IsAnyItemActive());
    if (event.empty())
        return;
    std::string targets;
    for (const std::string& origin :
         core::EventTargetOrigins(app.state.embedding.page, app.state.embedding.self_origin))
        targets += (targets.empty() ? "" : "\n") + origin;
    if (!targets.empty())
        labcalc_js_post_event(event.c_str(), targets.c_str());
}

namespace {

void Frame()
{
    WebApp& app = App();
    const bool held = app.touch.Held() || glfwGetMouseButton(app.window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    if (!app.scheduler.ShouldDraw(emscripten_get_now(), held || app.touch.Active(), app.app_wants_frame)) {
        // Idle: stop the loop entirely until the page reports input (WakeUp).
        app.paused = true;
        emscripten_pause_main_loop();
        return;
    }
    SyncCanvasSize(app);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    app.touch.Apply(10.0f * app.pixel_scale);
    app.app_wants_frame = RunUiFrame(app.state, app.services, app.keys, app.window, app.width_px, app.height_px);
    ++app.frame_count;
    PublishWants(app);
    // The page's elements follow the controls (positions change as panels scroll): sent when changed.
    std::string controls = ui::ControlsToJson(app.state, app.pixel_scale);
    if (controls != app.last_controls) {
        app.last_controls = std::move(controls);
        labcalc_js_sync_controls(app.last_controls.c_str());
    }
    PostEmbedEvent(app);
    if (!app.ready_sent) {
        app.ready_sent = true;
        labcalc_js_mark_ready();
    }
}

// In front of ImGui's key callback (see key_event_queue.hpp).
void OnQueuedKey(GLFWwindow* window, int key, int scancode, int action, int mods)
{
    App().keys.OnKey(window, key, scancode, action, mods);
}

// GLFW errors go to the console as warnings (the page shows its own message if the window fails).
void OnGlfwError(int code, const char* description)
{
    emscripten_log(EM_LOG_WARN, "GLFW error %d: %s", code, description);
}

} // namespace
} // namespace labcalc::platform::web

int main()
{
    using namespace labcalc::platform::web;
    WebApp& app = App();
    glfwSetErrorCallback(OnGlfwError);
    if (!glfwInit()) {
        labcalc_js_fatal("The calculator could not start its window system.");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Opaque canvas: nothing behind it needs to show through, and compositing is cheaper. No depth or
    // stencil buffer: ImGui draws in order and clips with scissors.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    app.window = glfwCreateWindow(static_cast<int>(std::max(1.0, css_w * dpr)),
                                  static_cast<int>(std::max(1.0, css_h * dpr)), "labcalc", nullptr, nullptr);
    if (!app.window) {
        labcalc_js_fatal("This calculator needs WebGL 2, which this browser or device does not offer. "
                         "Try a current Chrome, Firefox, Edge or Safari, or turn on hardware acceleration.");
        return 1;
    }
    glfwMakeContextCurrent(app.window);
    // A new opaque WebGL canvas shows black until it is drawn; the page colour instead, so the page
    // does not flash black before the first frame (labcalc.css: the loading line has no background).
    glClearColor(0.98f, 0.98f, 0.969f, 1.0f); // #fafaf7, labcalc.css
    glClear(GL_COLOR_BUFFER_BIT);
    // The backing store already has this size: the first frame must not set it again (assigning a
    // canvas's width, even the same value, reallocates its drawing buffer).
    glfwGetFramebufferSize(app.window, &app.width_px, &app.height_px);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no filesystem; state lives in the URL and localStorage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Cursor shapes are mapped to CSS by PublishWants; GLFW's cursor calls are no-ops on the web and
    // 1.86 would call glfwSetInputMode every frame otherwise.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigMacOSXBehaviors = labcalc_js_is_apple() != 0;
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    app.keys.SetForward(glfwSetKeyCallback(app.window, OnQueuedKey));
    ImGui_ImplOpenGL3_Init("#version 300 es"); // WebGL 2 = OpenGL ES 3.0 shaders
    // Clipboard: GLFW's is a no-op. Copies go to the system clipboard through the page; pastes arrive
    // as DOM paste events (labcalc_on_paste), so ImGui's own paste gets nothing.
    io.SetClipboardTextFn = [](void*, const char* text) { labcalc_js_copy_text(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };

    // The GPU's first work (shader compile and link, the font atlas upload) is issued before the CPU's
    // (the catalog, the first report, the first frame's layout), so that on software rendering the two
    // overlap instead of the first frame waiting for both in turn (a faster first frame).
    SyncCanvasSize(app);
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    glFlush();

    labcalc::ui::InitAppState(app.state, app.services, CurrentFragment(), SelfOrigin());
    app.in_frame = labcalc_js_in_frame() != 0;
    if (app.in_frame) {
        // "labcalc:ready" means "ready for messages", also for a frame that starts off-screen and so
        // draws nothing yet.
        labcalc::ui::RecomputeIfDirty(app.state, false);
        PostEmbedEvent(app);
    }
    labcalc_js_started();
    emscripten_set_main_loop(Frame, 0, 1);
    return 0;
}
