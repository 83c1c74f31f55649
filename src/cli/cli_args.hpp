#pragma once
// The labcalc command line, parsed without side effects so tests can check every rule.
#include <optional>
#include <string>
#include <vector>

#include "core/expected.hpp"

namespace labcalc::cli {

enum class Format { text, json, csv, markdown, fragment };

// `labcalc catalog import ...`: price tables into a catalog (docs/prices.md).
struct ImportArgs {
    std::string format;             // --format: a core::PriceFormatKey
    std::vector<std::string> files; // the tables, in order
    std::string into;               // --into FILE: the catalog file to update ("" prints the catalog)
    std::string catalog_path;       // --catalog FILE: the catalog to start from (default: --into's, else built in)
    std::string as_of;              // --as-of DATE
    std::string provider;           // --provider NAME (SkyPilot tables)
    bool update_only = false;       // --update-only: add no offers
    bool help = false;
};

struct Args {
    std::string preset;                // --preset NAME
    std::string scenario_path;         // --scenario FILE, "-" for standard input
    std::string catalog_path;          // --catalog FILE
    std::vector<std::string> settings; // --set KEY=VALUE, in order
    Format format = Format::text;
    std::string today;   // --today YYYY-MM-DD (default: the system date)
    std::string explain; // --explain ID|all: the workings of one figure or of all
    int samples = 0;     // --samples N: how sure the answer is, over N likely futures (0: not worked out)
    bool list_presets = false;
    bool help = false;
    std::optional<ImportArgs> import; // set: the command is `catalog import`, and only these options apply
};

core::Expected<Args> ParseArgs(const std::vector<std::string>& argv);
std::string HelpText();
std::string ImportHelpText();

} // namespace labcalc::cli
