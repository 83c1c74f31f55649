// The benchmark's reference page: the smallest Dear ImGui program on the web, one window with
// one slider, drawn every animation frame like the stock ImGui examples. It is built with the same
// Emscripten GLFW + WebGL 2 + imgui targets (cmake/ImGui.cmake) and the same size and safety flags
// (cmake/WebFlags.cmake) as the labcalc page, so scripts/bench-page can compare the two side by side.
// Nothing of labcalc is linked in. It exposes, for the benchmark only:
//   window.barePage.frameCount()  frames drawn since start
//   window.barePage.sliderRect()  the slider's rectangle in CSS pixels relative to the canvas
// and sets data-labcalc-ready="1" on <html> after the first drawn frame (the same signal as labcalc).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

// clang-format off (JavaScript inside)
EM_JS(void, bare_js_mark_ready, (), { document.documentElement.setAttribute('data-labcalc-ready', '1'); });
// clang-format on

namespace {

GLFWwindow* g_window = nullptr;
unsigned g_frames = 0;
float g_value = 0.5f;
float g_rect[4] = {0, 0, 0, 0};
double g_dpr = 1;

void Frame()
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.0f)
        io.DeltaTime = 1e-5f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_Once);
    ImGui::SetNextWindowSize(ImVec2(420, 120), ImGuiCond_Once);
    ImGui::Begin("Bare Dear ImGui page");
    ImGui::SliderFloat("value", &g_value, 0.0f, 1.0f);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    g_rect[0] = static_cast<float>(a.x / g_dpr);
    g_rect[1] = static_cast<float>(a.y / g_dpr);
    g_rect[2] = static_cast<float>((b.x - a.x) / g_dpr);
    g_rect[3] = static_cast<float>((b.y - a.y) / g_dpr);
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.45f, 0.55f, 0.60f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (g_frames++ == 0)
        bare_js_mark_ready();
}

} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE unsigned bare_frame_count() { return g_frames; }
EMSCRIPTEN_KEEPALIVE float bare_slider_rect(int i) { return g_rect[std::clamp(i, 0, 3)]; }
}

int main()
{
    if (!glfwInit())
        return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    g_dpr = emscripten_get_device_pixel_ratio();
    g_window = glfwCreateWindow(static_cast<int>(std::max(1.0, css_w * g_dpr)),
                                static_cast<int>(std::max(1.0, css_h * g_dpr)), "bare", nullptr, nullptr);
    if (!g_window)
        return 1;
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(Frame, 0, 1);
    return 0;
}
