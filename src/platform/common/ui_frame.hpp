#pragma once
// The part of a frame that is the same on every platform (Dear ImGui's example mains repeat it per
// backend; here it is written once): ImGui's frame with the shared UI, the key queue, and the draw into
// the framebuffer. The platform calls its backends' NewFrame first and swaps buffers after.
#include "platform/common/key_event_queue.hpp"
#include "ui/app_state.hpp"
#include "ui/platform_services.hpp"

namespace labcalc::platform {

// Returns whether the UI (or a queued key) asks for another frame.
bool RunUiFrame(ui::AppState& state, ui::PlatformServices& services, KeyEventQueue& keys, GLFWwindow* window,
                int framebuffer_width, int framebuffer_height);

// Fonts and style for a scale (device pixels per UI unit) and a font scale applied by ImGui on top
// (the desktop's framebuffer ratio); the font texture is made again unless this is the first time.
// Must run outside a frame (ImGui locks the font atlas between NewFrame and Render).
void RebuildFontsAndStyle(ui::Fonts& fonts, float font_scale, float style_scale, float global_font_scale, bool first);

} // namespace labcalc::platform
