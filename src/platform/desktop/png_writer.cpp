// PNG encoding (see png_writer.hpp) through Debian's stb_image_write; the implementation is compiled
// here and nowhere else. The header is third-party code: its warnings are silenced for it alone.
#include "png_writer.hpp"

#include <fstream>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace labcalc::platform::desktop {

std::vector<std::uint8_t> EncodePng(const std::uint8_t* rgb, int width, int height)
{
    std::vector<std::uint8_t> png;
    if (rgb == nullptr || width <= 0 || height <= 0)
        return png;
    const auto append = [](void* context, void* data, int size) {
        auto& out = *static_cast<std::vector<std::uint8_t>*>(context);
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        out.insert(out.end(), bytes, bytes + size);
    };
    if (!stbi_write_png_to_func(append, &png, width, height, 3, rgb, width * 3))
        png.clear();
    return png;
}

std::string WritePng(const std::string& path, const std::uint8_t* rgb, int width, int height)
{
    const std::vector<std::uint8_t> png = EncodePng(rgb, width, height);
    if (png.empty())
        return "the image could not be encoded";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return "cannot create the file";
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    out.close();
    return out ? "" : "the disk refused the data";
}

} // namespace labcalc::platform::desktop
