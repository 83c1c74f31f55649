#pragma once
// The desktop app's command line, and the start-up files it names, checked before any window opens
// (the same order, rules and messages as the labcalc command line: both go through core::LoadInputs).
#include <string>
#include <vector>

#include "core/expected.hpp"
#include "core/load_inputs.hpp"

namespace labcalc::platform::desktop {

struct Args {
    std::string scenario_path;   // --scenario FILE
    std::string preset;          // --preset NAME
    std::string catalog_path;    // --catalog FILE
    std::string screenshot_path; // --screenshot FILE.png: render, save, exit
    int frames = 10;             // --frames N (with --screenshot)
    float scale = 0;             // --scale S: UI scale instead of the monitor's (0 = the monitor's)
    int width = 0, height = 0;   // --size WxH: window size in unscaled pixels (0 = remembered/default)
    bool help = false;
};

core::Expected<Args> ParseArgs(const std::vector<std::string>& argv);
std::string HelpText();

// The catalog, preset and scenario the command line names, read from disk and checked by the core's
// loader (core::LoadInputs), so they pass or fail exactly as with the labcalc command line
// (e.g. "my.json: hours_per_week: must be a number ...").
core::Expected<core::LoadedInputs> LoadStartupInputs(const Args& args);

} // namespace labcalc::platform::desktop
