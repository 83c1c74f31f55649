#pragma once
// The whole command: arguments in, report or error out. main() only supplies the streams, the files
// and the date, so the command is tested end to end without a process.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace labcalc::cli {

struct Io {
    // Reads a whole file ("-" = stdin); refuses one larger than max_bytes, and says why it could not read.
    std::function<bool(const std::string& path, std::size_t max_bytes, std::string* text, std::string* error)>
        read_file;
    // Replaces a file whole (a temporary file beside it, then a rename) or leaves it as it was, and says why.
    std::function<bool(const std::string& path, const std::string& text, std::string* error)> write_file;
    std::string today; // YYYY-MM-DD
    std::string out;   // what goes to stdout
    std::string err;   // what goes to stderr
};

// Returns the exit code: 0 success, 2 bad input (for `catalog import`: no file written).
int RunCli(const std::vector<std::string>& args, Io& io);

} // namespace labcalc::cli
