#pragma once
// Presets: the course's levels and personas (assets/presets/*.json, compiled in).
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

struct PresetInfo {
    std::string name;        // file name without .json: "beginner", "sensitive-data", ...
    std::string title;       // "Beginner", "Sensitive data on a modest budget"
    std::string description; // one or two sentences: who this is and which course rule it shows
};

std::vector<PresetInfo> ListPresets();
Expected<Scenario> LoadPreset(std::string_view name);

} // namespace labcalc::core
