// Font loading (see fonts.hpp). The atlas does not own the embedded bytes (FontDataOwnedByAtlas=false):
// they are static data and must not be freed.
#include "ui/fonts.hpp"

#include <cstddef>

#include "imgui.h"

namespace labcalc::ui {

extern const unsigned char kCompiledFontData[];
extern const std::size_t kCompiledFontSize;

void LoadFonts(Fonts& fonts, float pixel_scale)
{
    // labcalc's own text is ASCII but for the catalog's currency symbols (Latin-1's pound and yen, the euro and
    // the rupee). Latin-1 and the typographic marks people paste (dashes, curly quotes, bullet, ellipsis, euro,
    // minus) cover the names in a catalog file of one's own; anything else shows
    // as ImGui's fallback glyph. The build embeds only these code points (LABCALC_FONT_UNICODES in
    // CMakeLists.txt): keep both in step.
    static const ImWchar kBodyRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C,
                                          0x201D, 0x2022, 0x2022, 0x2026, 0x2026, 0x20AC, 0x20AC,
                                          0x20B9, 0x20B9, 0x2212, 0x2212, 0};
    // The headline shows option names and titles only: ASCII keeps the large glyphs' atlas small.
    static const ImWchar kHeadlineRanges[] = {0x0020, 0x007F, 0};
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    // Horizontal oversampling gives small text sub-pixel positioning; it doubles the rasterising, which
    // is a good part of the page's start (the page's weight and first frame are measured by scripts/bench-page). Small body text on a 1x screen gets it; text with
    // enough pixels per glyph (HiDPI screens, the 30 px headline) does not need it.
    config.OversampleH = pixel_scale < 1.5f ? 2 : 1;
    config.OversampleV = 1;
    void* data = const_cast<unsigned char*>(kCompiledFontData);
    const int size = static_cast<int>(kCompiledFontSize);
    fonts.body = io.Fonts->AddFontFromMemoryTTF(data, size, kBodyFontPx * pixel_scale, &config, kBodyRanges);
    config.OversampleH = 1;
    fonts.headline =
        io.Fonts->AddFontFromMemoryTTF(data, size, kHeadlineFontPx * pixel_scale, &config, kHeadlineRanges);
    io.FontDefault = fonts.body;
}

} // namespace labcalc::ui
