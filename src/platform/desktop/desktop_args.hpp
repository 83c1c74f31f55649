#pragma once
// The desktop app's command line, and the start-up files it names, checked before any window opens
// (the same order, parsers and messages as the labcalc command line: catalog, preset, scenario on top
// of the preset, then the scenario's price overrides against the catalog).
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::platform::desktop {

struct Args {
    std::string scenario_path;      // --scenario FILE
    std::string preset;             // --preset NAME
    std::string catalog_path;       // --catalog FILE
    std::string screenshot_path;    // --screenshot FILE.png: render, save, exit
    int frames = 10;                // --frames N (with --screenshot)
    float scale = 0;                // --scale S: UI scale instead of the monitor's (0 = the monitor's)
    int width = 0, height = 0;      // --size WxH: window size in unscaled pixels (0 = remembered/default)
    bool help = false;
};

core::Expected<Args> ParseArgs(const std::vector<std::string>& argv);
std::string HelpText();

// What the named files hold, validated.
struct StartupInputs {
    std::optional<core::Catalog> catalog;
    std::string catalog_name;               // file name shown in the app
    std::optional<core::Scenario> scenario; // preset and/or scenario file
};
// Fails with the command line's message (e.g. "my.json: hours_per_week: expected a number").
core::Expected<StartupInputs> LoadStartupInputs(const Args& args);

} // namespace labcalc::platform::desktop
