// The light theme (see theme.hpp).
#include "ui/theme.hpp"

#include "imgui.h"

namespace labcalc::ui {

void ApplyTheme(float pixel_scale)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(6, 4);
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.PopupRounding = 4;
    style.ChildRounding = 6;
    style.GrabMinSize = 14;
    style.ScrollbarSize = 14;
    style.WindowBorderSize = 0;
    style.TouchExtraPadding = ImVec2(2, 2); // fingers are wider than a mouse pointer
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.10f, 0.12f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.40f, 1.0f); // readable grey (contrast > 4.5:1 on white)
    c[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
    // Light enough that the value drawn over a wide grab (the privacy slider) stays readable in black.
    c[ImGuiCol_SliderGrab] = ImVec4(0.47f, 0.64f, 0.90f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.36f, 0.54f, 0.84f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.85f, 0.93f, 1.0f);
    style.ScaleAllSizes(pixel_scale);
    ImGui::GetStyle() = style;
}

} // namespace labcalc::ui
