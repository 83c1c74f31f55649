// labcalc command line: reads files (at most core::kMaxFileBytes each) and the date, runs RunCli, writes its output.
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/run_cli.hpp"
#include "core/load_inputs.hpp"

namespace {

bool ReadLimited(std::istream& in, std::string* text, std::string* error)
{
    using labcalc::core::kMaxFileBytes;
    // Read one byte past the limit so an oversized input is reported, not silently cut.
    std::string data(kMaxFileBytes + 1, '\0');
    in.read(&data[0], static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (data.size() > kMaxFileBytes) {
        *error = "larger than the limit of " + std::to_string(kMaxFileBytes) + " bytes";
        return false;
    }
    *text = std::move(data);
    return true;
}

bool ReadFile(const std::string& path, std::string* text, std::string* error)
{
    if (path == "-")
        return ReadLimited(std::cin, text, error);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot open the file";
        return false;
    }
    return ReadLimited(in, text, error);
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
    io.today = Today();
    const int code = labcalc::cli::RunCli(args, io);
    std::fwrite(io.out.data(), 1, io.out.size(), stdout);
    std::fwrite(io.err.data(), 1, io.err.size(), stderr);
    return code;
}
