#pragma once
// The scenario in a URL fragment: "s=" + base64url(JSON of the inputs that differ from the defaults).
// Decoding validates like a scenario file and never throws; a bad fragment gives an error, not a crash.
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

constexpr std::size_t kMaxFragmentBytes = 16384;

std::string EncodeScenarioFragment(const Scenario& s); // "s=eyJ..."
Expected<Scenario>
DecodeScenarioFragment(std::string_view fragment); // accepts "#s=...", "s=...", and other "&k=v" parts ignored
std::string Base64UrlEncode(std::string_view bytes);
Expected<std::string> Base64UrlDecode(std::string_view text);

} // namespace labcalc::core
