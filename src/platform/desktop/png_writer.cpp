// PNG encoder (see png_writer.hpp). Formats: PNG (RFC 2083 / ISO 15948), zlib (RFC 1950), deflate
// (RFC 1951, section 3.2.6 for the fixed Huffman codes).
#include "png_writer.hpp"

#include <array>
#include <fstream>

namespace labcalc::platform::desktop {
namespace {

std::uint32_t Crc32(const std::uint8_t* p, std::size_t n, std::uint32_t crc = 0)
{
    static const std::array<std::uint32_t, 256> kTable = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i)
        crc = kTable[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::uint32_t Adler32(const std::vector<std::uint8_t>& data)
{
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t byte : data) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// Deflate's bit order: values go in least significant bit first; Huffman codes most significant first.
struct BitWriter {
    std::vector<std::uint8_t>& out;
    std::uint32_t bits = 0;
    int count = 0;
    void Put(std::uint32_t value, int n)
    {
        bits |= value << count;
        count += n;
        while (count >= 8) {
            out.push_back(static_cast<std::uint8_t>(bits));
            bits >>= 8;
            count -= 8;
        }
    }
    void Code(std::uint32_t code, int n) // a Huffman code, reversed into deflate's order
    {
        std::uint32_t r = 0;
        for (int i = 0; i < n; ++i)
            r |= ((code >> i) & 1u) << (n - 1 - i);
        Put(r, n);
    }
    void Literal(int v) { v < 144 ? Code(0x30 + v, 8) : Code(0x190 + v - 144, 9); }
    void Flush() { if (count > 0) Put(0, 8 - count); }
};

// A run of `length` (3..258) copies of the previous byte: a length code, then distance code 0 (= 1).
void PutRun(BitWriter& w, int length)
{
    static const int kBase[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int kExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    int i = 28;
    while (kBase[i] > length)
        --i;
    const int symbol = 257 + i;
    symbol <= 279 ? w.Code(static_cast<std::uint32_t>(symbol - 256), 7) : w.Code(static_cast<std::uint32_t>(0xC0 + symbol - 280), 8);
    w.Put(static_cast<std::uint32_t>(length - kBase[i]), kExtra[i]);
    w.Code(0, 5);
}

std::vector<std::uint8_t> Zlib(const std::vector<std::uint8_t>& data)
{
    std::vector<std::uint8_t> out = {0x78, 0x01};
    BitWriter w{out};
    w.Put(1, 1); // last block
    w.Put(1, 2); // fixed Huffman codes
    for (std::size_t i = 0; i < data.size();) {
        std::size_t run = 0;
        while (i > 0 && run < 258 && i + run < data.size() && data[i + run] == data[i - 1])
            ++run;
        if (run >= 3) {
            PutRun(w, static_cast<int>(run));
            i += run;
        } else {
            w.Literal(data[i++]);
        }
    }
    w.Code(0, 7); // end of block
    w.Flush();
    const std::uint32_t adler = Adler32(data);
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(adler >> shift));
    return out;
}

void PutChunk(std::vector<std::uint8_t>& png, const char* type, const std::vector<std::uint8_t>& data)
{
    const std::uint32_t n = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        png.push_back(static_cast<std::uint8_t>(n >> shift));
    const std::size_t start = png.size();
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    const std::uint32_t crc = Crc32(png.data() + start, png.size() - start);
    for (int shift = 24; shift >= 0; shift -= 8)
        png.push_back(static_cast<std::uint8_t>(crc >> shift));
}

} // namespace

std::vector<std::uint8_t> EncodePng(const std::uint8_t* rgb, int width, int height)
{
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> filtered;
    filtered.reserve((row + 1) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* line = rgb + row * static_cast<std::size_t>(y);
        filtered.push_back(1); // filter "Sub": each byte minus the same channel of the pixel to its left
        for (std::size_t x = 0; x < row; ++x)
            filtered.push_back(static_cast<std::uint8_t>(line[x] - (x >= 3 ? line[x - 3] : 0)));
    }
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> header;
    for (std::uint32_t v : {static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)})
        for (int shift = 24; shift >= 0; shift -= 8)
            header.push_back(static_cast<std::uint8_t>(v >> shift));
    header.insert(header.end(), {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, adaptive filters, no interlace
    PutChunk(png, "IHDR", header);
    PutChunk(png, "IDAT", Zlib(filtered));
    PutChunk(png, "IEND", {});
    return png;
}

std::string WritePng(const std::string& path, const std::uint8_t* rgb, int width, int height)
{
    const std::vector<std::uint8_t> png = EncodePng(rgb, width, height);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return "cannot create the file";
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    out.close();
    return out ? "" : "the disk refused the data";
}

} // namespace labcalc::platform::desktop
