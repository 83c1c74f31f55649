#pragma once
// Scenario <-> JSON. The reader rejects unknown keys, wrong types, values out of range, NaN and
// malformed text with a message that names the key and the rule; it never throws.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// Limits on what a reader accepts (documented in docs/report-schema.md).
constexpr std::size_t kMaxInputBytes = 1u << 20; // 1 MiB
constexpr int kMaxJsonDepth = 16;

// Parses JSON text and applies it on top of `base` (keys left out keep base's values).
Expected<Scenario> ParseScenarioJson(std::string_view text, const Scenario& base = Scenario{});
Expected<Scenario> ScenarioFromJson(const nlohmann::json& j, const Scenario& base = Scenario{});
// Every input, defaults filled in; unset optionals are left out. Parse(ToJson(s)) == s.
nlohmann::json ScenarioToJson(const Scenario& s);
bool operator==(const Scenario& a, const Scenario& b);
inline bool operator!=(const Scenario& a, const Scenario& b) { return !(a == b); }

} // namespace labcalc::core
