#pragma once
// PNG files for the desktop app's screenshots: 8-bit RGB, encoded by stb_image_write from Debian's
// libstb-dev (scripts/install-deps --desktop), so the app carries no image encoder of its own.
#include <cstdint>
#include <string>
#include <vector>

namespace labcalc::platform::desktop {

// `rgb` holds height rows of width*3 bytes, top row first. Returns the PNG file's bytes (none if it
// cannot be encoded).
std::vector<std::uint8_t> EncodePng(const std::uint8_t* rgb, int width, int height);
// Writes the PNG to `path`. Returns "" or the reason.
std::string WritePng(const std::string& path, const std::uint8_t* rgb, int width, int height);

} // namespace labcalc::platform::desktop
