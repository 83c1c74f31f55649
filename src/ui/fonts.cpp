// Font loading (see fonts.hpp). The atlas does not own the embedded bytes (FontDataOwnedByAtlas=false):
// they are static data and must not be freed.
#include "ui/fonts.hpp"

#include <cstddef>

#include "imgui.h"

namespace labcalc::ui {

extern const unsigned char kEmbeddedFontData[];
extern const std::size_t kEmbeddedFontSize;

void LoadFonts(Fonts& fonts, float pixel_scale)
{
    // Latin-1 plus punctuation, arrows and maths signs the core's sentences may use ("-", "x", "<=").
    // The build embeds only these code points (LABCALC_FONT_UNICODES in CMakeLists.txt): keep both in step.
    static const ImWchar kBodyRanges[] = {0x0020, 0x00FF, 0x2010, 0x2044, 0x2190, 0x2199, 0x2211, 0x2265, 0x25A0, 0x25CF, 0x2713, 0x2717, 0};
    // The headline shows option names and titles only: ASCII keeps the large glyphs' atlas small.
    static const ImWchar kHeadlineRanges[] = {0x0020, 0x007F, 0};
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    // Horizontal oversampling gives small text sub-pixel positioning; it doubles the rasterising, which
    // is a good part of the page's start (issue 6). Small body text on a 1x screen gets it; text with
    // enough pixels per glyph (HiDPI screens, the 30 px headline) does not need it.
    config.OversampleH = pixel_scale < 1.5f ? 2 : 1;
    config.OversampleV = 1;
    void* data = const_cast<unsigned char*>(kEmbeddedFontData);
    const int size = static_cast<int>(kEmbeddedFontSize);
    fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, kBodyFontPx * pixel_scale, &config, kBodyRanges);
    config.OversampleH = 1;
    fonts.headline = io.Fonts->AddFontFromMemoryTTF(data, size, kHeadlineFontPx * pixel_scale, &config, kHeadlineRanges);
    io.FontDefault = fonts.body;
}

} // namespace labcalc::ui
