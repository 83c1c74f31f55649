// The shared frame body (see ui_frame.hpp).
#include "platform/common/ui_frame.hpp"

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace labcalc::platform {

bool RunUiFrame(ui::AppState& state, ui::PlatformServices& services, KeyEventQueue& keys, GLFWwindow* window,
                int framebuffer_width, int framebuffer_height)
{
    ImGuiIO& io = ImGui::GetIO();
    // 1.86 asserts DeltaTime > 0; two frames in one clock tick (or a coarse clock) would trip it.
    if (io.DeltaTime <= 0.0f)
        io.DeltaTime = 1e-5f;
    ImGui::NewFrame();
    keys.AfterNewFrame(window);
    const bool wants_more = ui::DrawApp(state, services) || keys.Pending();
    ImGui::Render();
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return wants_more;
}

void RebuildFontsAndStyle(ui::Fonts& fonts, float font_scale, float style_scale, float global_font_scale, bool first)
{
    ui::LoadFonts(fonts, font_scale);
    ui::ApplyTheme(style_scale);
    ImGui::GetIO().FontGlobalScale = global_font_scale;
    if (!first) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

} // namespace labcalc::platform
