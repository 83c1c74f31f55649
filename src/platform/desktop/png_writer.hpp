#pragma once
// A small PNG encoder for screenshots, so the app needs no image library: 8-bit RGB, the "Sub" filter
// on every row, and deflate with fixed Huffman codes and distance-1 runs only. Flat UI colours become
// long runs of zeros after the filter, which this compresses well (a 1280x800 screenshot is ~100 KB).
#include <cstdint>
#include <string>
#include <vector>

namespace labcalc::platform::desktop {

// `rgb` holds height rows of width*3 bytes, top row first. Returns the PNG file's bytes.
std::vector<std::uint8_t> EncodePng(const std::uint8_t* rgb, int width, int height);
// Writes the PNG to `path`. Returns "" or the reason.
std::string WritePng(const std::string& path, const std::uint8_t* rgb, int width, int height);

} // namespace labcalc::platform::desktop
