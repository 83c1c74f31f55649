// labcalc command line: reads files (each up to the limit RunCli names) and the date, runs RunCli, writes its output
// and, for `catalog import --into`, the catalog file.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>

#include "cli/run_cli.hpp"
#include "core/load_inputs.hpp"

namespace {

bool ReadLimited(std::istream& in, std::size_t max_bytes, std::string* text, std::string* error)
{
    // Read in pieces, and one byte past the limit, so an oversized input is reported, not silently cut, and a
    // small file does not cost the limit's worth of memory.
    std::string data;
    char buffer[1 << 16];
    while (in && data.size() <= max_bytes) {
        in.read(buffer, sizeof buffer);
        data.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (data.size() > max_bytes) {
        *error = "larger than the limit of " + std::to_string(max_bytes) + " bytes";
        return false;
    }
    *text = std::move(data);
    return true;
}

bool ReadFile(const std::string& path, std::size_t max_bytes, std::string* text, std::string* error)
{
    if (path == "-")
        return ReadLimited(std::cin, max_bytes, text, error);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        *error = "is a folder, not a file";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot open the file";
        return false;
    }
    return ReadLimited(in, max_bytes, text, error);
}

// The new text goes to a temporary file in the same folder, which then replaces the file in one rename: a
// reader sees the old file or the new one, never half of one, and a failure leaves the old one as it was.
bool WriteFile(const std::string& path, const std::string& text, std::string* error)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        *error = "is a folder, not a file";
        return false;
    }
    const std::string temp = path + ".labcalc-" + std::to_string(std::random_device{}()) + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            *error = "cannot write a file in its folder";
            return false;
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            fs::remove(temp, ec);
            *error = "the disk refused the data";
            return false;
        }
    }
    // The catalog keeps its permissions (the temporary file got the default ones).
    if (fs::exists(path, ec))
        fs::permissions(temp, fs::status(path, ec).permissions(), ec);
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        *error = "cannot replace the file";
        return false;
    }
    return true;
}

std::string Today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &now);
#else
    gmtime_r(&now, &tm);
#endif
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    labcalc::cli::Io io;
    io.read_file = ReadFile;
    io.write_file = WriteFile;
    io.today = Today();
    const int code = labcalc::cli::RunCli(args, io);
    std::fwrite(io.out.data(), 1, io.out.size(), stdout);
    std::fwrite(io.err.data(), 1, io.err.size(), stderr);
    return code;
}
