#pragma once
// Checks JSON text before it is turned into a document: size, nesting depth and duplicate keys.
// nlohmann/json keeps the last of two equal keys silently; a file that says a price twice is a mistake
// the user should hear about.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"

namespace labcalc::core {

// Parses `text` without throwing. `what` names the input in messages ("scenario", "catalog").
Expected<nlohmann::json> ParseGuardedJson(std::string_view text, std::string_view what, std::size_t max_bytes,
                                          int max_depth);
// "a string", "a number", ... for messages.
const char* JsonTypeName(const nlohmann::json& j);

} // namespace labcalc::core
