// The desktop app's entry: a GLFW window with an OpenGL 3 context, Dear ImGui, and a main loop that
// sleeps in glfwWaitEventsTimeout while nothing changes. The UI is the page's (src/ui) line for line;
// this file only supplies the window, the pixel scale, input wake-ups and the files named on the
// command line.
//
// Scaling: fonts are rasterised at the content scale (GLFW's DPI ratio, or --scale) so text is crisp;
// style sizes follow the scale. Where the framebuffer is larger than the window (macOS Retina), ImGui
// works in window units: the style is scaled by content/framebuffer scale and FontGlobalScale undoes
// the framebuffer part of the font size.
// Sections (each opens with a "[SECTION]" line):
//   The app and its GLFW callbacks
//   Scale, frame and screenshot
//   Start-up
//   The window, the loops (screenshot, interactive) and Run
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "desktop_args.hpp"
#include "desktop_services.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/common/frame_scheduler.hpp"
#include "platform/common/key_event_queue.hpp"
#include "platform/common/ui_frame.hpp"
#include "png_writer.hpp"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace labcalc::platform::desktop {
namespace {

constexpr const char* kWindowSizeKey = "labcalc.window.v1";
constexpr int kDefaultWidth = 1280, kDefaultHeight = 800; // before scaling
constexpr int kMinWidth = 360, kMinHeight = 480;
constexpr double kIdleWaitSeconds = 2.0;   // nothing to do: sleep until an event (or this long)
constexpr double kCaretBlinkSeconds = 0.5; // a text field has focus: redraw for the blinking caret

#if defined(__APPLE__)
constexpr bool kWindowUnitsArePixels = false;     // macOS: window sizes are in points
constexpr int kShortcutModifier = GLFW_MOD_SUPER; // Cmd+V
#else
constexpr bool kWindowUnitsArePixels = true;        // X11, Wayland via XWayland, Windows
constexpr int kShortcutModifier = GLFW_MOD_CONTROL; // Ctrl+V
#endif

// [SECTION] The app and its GLFW callbacks --------------------------------------------------------------------------

struct DesktopApp {
    explicit DesktopApp(std::string config_folder) : services(std::move(config_folder)) { }
    GLFWwindow* window = nullptr;
    ui::AppState state;
    DesktopServices services;
    // Idle means idle (frame_scheduler.hpp): no keep-alive, so once the frames after an input are drawn the
    // loop sleeps in glfwWaitEventsTimeout and no frame is drawn.
    FrameScheduler scheduler;
    float scale_override = 0;     // --scale
    float font_scale = 0;         // content scale the fonts are built for (0: not yet)
    float framebuffer_scale = 0;  // framebuffer pixels per window unit they are built for
    bool app_wants_frame = true;  // DrawApp asked for another frame
    bool paste_requested = false; // Ctrl+V while no text field has focus
    platform::KeyEventQueue keys; // every quick key press reaches ImGui (key_event_queue.hpp)
};

// SIGTERM / SIGINT: leave the loop like a window close, so the scenario and window size are saved.
// (Noticed after the current wait, within kIdleWaitSeconds.)
volatile std::sig_atomic_t g_stop_requested = 0;
void OnStopSignal(int) { g_stop_requested = 1; }

DesktopApp& From(GLFWwindow* window) { return *static_cast<DesktopApp*>(glfwGetWindowUserPointer(window)); }

double NowMs() { return glfwGetTime() * 1000.0; }

// Input callbacks installed before ImGui's (ImGui 1.86 chains to them), so every event wakes the loop.
void OnCursorPos(GLFWwindow* w, double, double) { From(w).scheduler.Wake(NowMs()); }
void OnMouseButton(GLFWwindow* w, int, int, int) { From(w).scheduler.Wake(NowMs()); }
void OnScroll(GLFWwindow* w, double, double) { From(w).scheduler.Wake(NowMs()); }
void OnChar(GLFWwindow* w, unsigned int) { From(w).scheduler.Wake(NowMs()); }
void OnCursorEnter(GLFWwindow* w, int) { From(w).scheduler.Wake(NowMs()); }
void OnFocus(GLFWwindow* w, int) { From(w).scheduler.Wake(NowMs()); }
void OnWindowEvent(GLFWwindow* w, int, int) { From(w).scheduler.Wake(NowMs()); }
void OnRefresh(GLFWwindow* w) { From(w).scheduler.Wake(NowMs()); }
void OnContentScale(GLFWwindow* w, float, float) { From(w).scheduler.Wake(NowMs()); }
void OnKey(GLFWwindow* w, int key, int, int action, int mods)
{
    DesktopApp& app = From(w);
    app.scheduler.Wake(NowMs());
    // A labcalc link or scenario JSON pasted onto the app (not into a field), as on the page.
    if (key == GLFW_KEY_V && action == GLFW_PRESS && (mods & kShortcutModifier) && !ImGui::GetIO().WantTextInput)
        app.paste_requested = true;
}

// In front of ImGui's key callback (which chains to OnKey above).
void OnQueuedKey(GLFWwindow* w, int key, int scancode, int action, int mods)
{
    From(w).keys.OnKey(w, key, scancode, action, mods);
}

void OnGlfwError(int code, const char* description)
{
    std::fprintf(stderr, "labcalc-desktop: GLFW error %d: %s\n", code, description);
}

// [SECTION] Scale, frame and screenshot -----------------------------------------------------------------------------

float ContentScale(const DesktopApp& app)
{
    if (app.scale_override > 0)
        return app.scale_override;
    float x = 1, y = 1;
    glfwGetWindowContentScale(app.window, &x, &y);
    const float s = std::max(x, y);
    return s >= 0.5f && s <= 8.0f ? s : 1.0f;
}

// Rebuilds fonts and style when the content scale or the framebuffer ratio changed (monitor moves,
// desktop scaling settings). Must run outside ImGui::NewFrame/Render (the atlas is locked in a frame).
void SyncScale(DesktopApp& app)
{
    int w = 0, h = 0, fw = 0, fh = 0;
    glfwGetWindowSize(app.window, &w, &h);
    glfwGetFramebufferSize(app.window, &fw, &fh);
    if (w <= 0 || fw <= 0)
        return; // minimised
    const float fb_scale = static_cast<float>(fw) / static_cast<float>(w);
    const float scale = ContentScale(app);
    if (scale == app.font_scale && fb_scale == app.framebuffer_scale)
        return;
    const bool first = app.font_scale == 0;
    app.font_scale = scale;
    app.framebuffer_scale = fb_scale;
    RebuildFontsAndStyle(app.state.fonts, scale, scale / fb_scale, 1.0f / fb_scale, first);
}

// Draws one frame into the back buffer (not yet shown).
void DrawFrame(DesktopApp& app)
{
    SyncScale(app);
    if (app.paste_requested) {
        app.paste_requested = false;
        const char* text = glfwGetClipboardString(app.window);
        ui::HandlePastedText(app.state, text ? text : "");
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(app.window, &fw, &fh);
    app.app_wants_frame = RunUiFrame(app.state, app.services, app.keys, app.window, fw, fh);
}

std::string SaveScreenshot(GLFWwindow* window, const std::string& path)
{
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    if (w <= 0 || h <= 0)
        return "the window has no pixels";
    const std::size_t row = static_cast<std::size_t>(w) * 3;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(h));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows go bottom-up; PNG's top-down.
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < h; ++y)
        std::copy_n(pixels.data() + row * static_cast<std::size_t>(h - 1 - y), row,
                    flipped.data() + row * static_cast<std::size_t>(y));
    return WritePng(path, flipped.data(), w, h);
}

// [SECTION] Start-up ------------------------------------------------------------------------------------------------

// Remembered window size (before scaling), "WIDTHxHEIGHT".
bool ParseSize(const std::string& text, int* w, int* h)
{
    return std::sscanf(text.c_str(), "%dx%d", w, h) == 2 && *w >= kMinWidth && *h >= kMinHeight && *w <= 16384 &&
        *h <= 16384;
}

std::string CurrentFolder()
{
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    return ec ? std::string() : cwd.string();
}

void ApplyStartupInputs(DesktopApp& app, const Args& args, const core::LoadedInputs& in)
{
    ui::AppState& state = app.state;
    if (!args.catalog_path.empty())
        ui::ReplaceCatalog(state, in.catalog, in.catalog_name);
    // Named on the command line: already checked by the loader (the scenario file with the preset as its
    // base), so this only installs it. Otherwise the scenario InitAppState restored stays.
    if (!args.scenario_path.empty() || !args.preset.empty()) {
        ui::ReplaceScenario(state, in.scenario);
        state.preset_name = in.preset_name;
    }
    const std::string cwd = CurrentFolder();
    state.files.scenario =
        !args.scenario_path.empty() ? args.scenario_path : (cwd.empty() ? "" : cwd + "/") + "my-lab.json";
    state.files.catalog = args.catalog_path;
    state.files.export_folder = cwd;
}

// [SECTION] The window, the loops (screenshot, interactive) and Run -------------------------------------------------

// The window's size in window units: --size, else the size stored at the last exit, else the default.
void StartSize(DesktopApp& app, const Args& args, int* width, int* height)
{
    *width = kDefaultWidth;
    *height = kDefaultHeight;
    if (args.width > 0) {
        *width = args.width;
        *height = args.height;
    } else if (std::optional<std::string> stored = app.services.LoadValue(kWindowSizeKey)) {
        if (!ParseSize(*stored, width, height)) {
            *width = kDefaultWidth;
            *height = kDefaultHeight;
        }
    }
}

// The pixel scale at start: --scale, else the primary monitor's content scale.
float StartScale(const Args& args)
{
    if (args.scale > 0)
        return args.scale;
    float x = 1, y = 1;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
        glfwGetMonitorContentScale(monitor, &x, &y);
    return std::clamp(std::max(x, y), 0.5f, 8.0f);
}

// Opens the OpenGL 3 window with its callbacks. Returns the GLSL version for the renderer, or null (and
// says why on stderr) when no window can be made.
const char* OpenWindow(DesktopApp& app, const Args& args, bool screenshot)
{
    int width = 0, height = 0;
    StartSize(app, args, &width, &height);
    const float units_per_size = kWindowUnitsArePixels ? StartScale(args) : 1.0f;

#if defined(__APPLE__)
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    const char* glsl_version = "#version 150";
#else
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const char* glsl_version = "#version 130";
#endif
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
    if (screenshot)
        glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    auto in_pixels = [units_per_size](int units) {
        return static_cast<int>(std::lround(static_cast<float>(units) * units_per_size));
    };
    app.window = glfwCreateWindow(in_pixels(width), in_pixels(height), "labcalc", nullptr, nullptr);
    if (!app.window) {
        std::fprintf(stderr,
                     "labcalc-desktop: cannot create an OpenGL 3 window (is a graphics driver installed? "
                     "Debian: libgl1-mesa-dri)\n");
        return nullptr;
    }
    glfwSetWindowSizeLimits(app.window, in_pixels(kMinWidth), in_pixels(kMinHeight), GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(app.window);
    glfwSwapInterval(1);
    app.services.SetWindow(app.window);
    glfwSetWindowUserPointer(app.window, &app);
    glfwSetCursorPosCallback(app.window, OnCursorPos);
    glfwSetMouseButtonCallback(app.window, OnMouseButton);
    glfwSetScrollCallback(app.window, OnScroll);
    glfwSetKeyCallback(app.window, OnKey);
    glfwSetCharCallback(app.window, OnChar);
    glfwSetCursorEnterCallback(app.window, OnCursorEnter);
    glfwSetWindowFocusCallback(app.window, OnFocus);
    glfwSetWindowSizeCallback(app.window, OnWindowEvent);
    glfwSetFramebufferSizeCallback(app.window, OnWindowEvent);
    glfwSetWindowRefreshCallback(app.window, OnRefresh);
    glfwSetWindowContentScaleCallback(app.window, OnContentScale);
    return glsl_version;
}

void InitImGui(DesktopApp& app, const char* glsl_version)
{
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // state lives in the config folder, written by the platform services
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(app.window, true); // chains to the callbacks above
    app.keys.SetForward(glfwSetKeyCallback(app.window, OnQueuedKey));
    ImGui_ImplOpenGL3_Init(glsl_version);
}

// --screenshot: draws --frames frames and writes the last one. Returns the exit status.
int RunScreenshot(DesktopApp& app, const Args& args)
{
    int status = 0;
    for (int frame = 1; frame <= args.frames; ++frame) {
        glfwPollEvents();
        DrawFrame(app);
        if (frame == args.frames) {
            const std::string error = SaveScreenshot(app.window, args.screenshot_path);
            if (!error.empty()) {
                std::fprintf(stderr, "labcalc-desktop: --screenshot %s: %s\n", args.screenshot_path.c_str(),
                             error.c_str());
                status = 1;
            }
        }
        glfwSwapBuffers(app.window);
    }
    return status;
}

// The interactive loop: draws only while something changes (FrameScheduler), sleeps in
// glfwWaitEventsTimeout otherwise; at the end keeps the scenario and the window's size.
void RunInteractive(DesktopApp& app)
{
    std::signal(SIGTERM, OnStopSignal);
    std::signal(SIGINT, OnStopSignal);
    while (!glfwWindowShouldClose(app.window) && !g_stop_requested) {
        const bool held = ImGui::IsAnyMouseDown();
        if (app.scheduler.Busy(NowMs(), held, app.app_wants_frame)) {
            glfwPollEvents();
        } else if (ImGui::GetIO().WantTextInput) {
            glfwWaitEventsTimeout(kCaretBlinkSeconds);
            app.scheduler.WakeOnce();
        } else {
            glfwWaitEventsTimeout(kIdleWaitSeconds);
        }
        if (glfwGetWindowAttrib(app.window, GLFW_ICONIFIED))
            continue;
        if (!app.scheduler.ShouldDraw(NowMs(), ImGui::IsAnyMouseDown(), app.app_wants_frame))
            continue;
        DrawFrame(app);
        glfwSwapBuffers(app.window);
    }
    ui::PersistIfPending(app.state, app.services, false);
    int w = 0, h = 0;
    glfwGetWindowSize(app.window, &w, &h);
    const double units = kWindowUnitsArePixels ? ContentScale(app) : 1.0;
    if (w > 0 && h > 0 && !glfwGetWindowAttrib(app.window, GLFW_MAXIMIZED))
        app.services.StoreValue(kWindowSizeKey,
                                std::to_string(std::lround(w / units)) + "x" + std::to_string(std::lround(h / units)));
}

int Run(const Args& args, const core::LoadedInputs& inputs)
{
    const bool screenshot = !args.screenshot_path.empty();
    // Screenshots read and write no settings, so the same command gives the same picture anywhere.
    DesktopApp app(screenshot ? std::string() : ConfigFolder());
    app.scale_override = args.scale;

    glfwSetErrorCallback(OnGlfwError);
    if (!glfwInit()) {
        std::fprintf(stderr,
                     "labcalc-desktop: cannot open a window (no display? under SSH use X forwarding or xvfb-run)\n");
        return 1;
    }
    const char* glsl_version = OpenWindow(app, args, screenshot);
    if (!glsl_version) {
        glfwTerminate();
        return 1;
    }
    InitImGui(app, glsl_version);
    ui::InitAppState(app.state, app.services, "");
    ApplyStartupInputs(app, args, inputs);

    int status = 0;
    if (screenshot)
        status = RunScreenshot(app, args);
    else
        RunInteractive(app);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(app.window);
    glfwTerminate();
    return status;
}

} // namespace
} // namespace labcalc::platform::desktop

int main(int argc, char** argv)
{
    using namespace labcalc::platform::desktop;
    const std::vector<std::string> argv_list(argv + 1, argv + argc);
    labcalc::core::Expected<Args> args = ParseArgs(argv_list);
    if (!args) {
        std::fprintf(stderr, "labcalc-desktop: %s\n", args.error.c_str());
        return 2;
    }
    if (args.value->help) {
        std::fputs(HelpText().c_str(), stdout);
        return 0;
    }
    // Bad files stop here, before any window opens: same message and status as the command line.
    labcalc::core::Expected<labcalc::core::LoadedInputs> inputs = LoadStartupInputs(*args.value);
    if (!inputs) {
        std::fprintf(stderr, "labcalc-desktop: %s\n", inputs.error.c_str());
        return 2;
    }
    return Run(*args.value, *inputs.value);
}
