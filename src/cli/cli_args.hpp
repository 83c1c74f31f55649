#pragma once
// The labcalc command line, parsed without side effects so tests can check every rule.
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace labcalc::cli {

enum class Format { text, json, csv, markdown, fragment };

struct Args {
    std::string preset;                // --preset NAME
    std::string scenario_path;         // --scenario FILE, "-" for standard input
    std::string catalog_path;          // --catalog FILE
    std::vector<std::string> settings; // --set KEY=VALUE, in order
    Format format = Format::text;
    std::string today;   // --today YYYY-MM-DD (default: the system date)
    std::string explain; // --explain ID|all: the workings of one figure or of all
    bool list_presets = false;
    bool help = false;
};

core::Expected<Args> ParseArgs(const std::vector<std::string>& argv);
std::string HelpText();

} // namespace labcalc::cli
