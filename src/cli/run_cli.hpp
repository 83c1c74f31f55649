#pragma once
// The whole command: arguments in, report or error out. main() only supplies the streams, the files
// and the date, so the command is tested end to end without a process.
#include <functional>
#include <string>
#include <vector>

namespace labcalc::cli {

struct Io {
    std::function<bool(const std::string& path, std::string* text, std::string* error)> read_file; // "-" = stdin
    std::string today;                                                                             // YYYY-MM-DD
    std::string out; // what goes to stdout
    std::string err; // what goes to stderr
};

// Returns the exit code: 0 success, 2 bad input.
int RunCli(const std::vector<std::string>& args, Io& io);

} // namespace labcalc::cli
