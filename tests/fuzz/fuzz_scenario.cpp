// Fuzz target: the scenario reader (ParseScenarioJson), as used for --scenario files, stored state and
// the page's "open scenario". Accepted scenarios must evaluate finitely and round-trip (fuzz_checks.hpp).
#include <string_view>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = core::ParseScenarioJson(text);
    if (!parsed) {
        fuzz::CheckError(parsed.error);
        return 0;
    }
    // A NUL byte is never the end of the input: text with one is malformed, whatever comes before it.
    LABCALC_CHECK(text.find('\0') == std::string_view::npos, "a scenario with a NUL byte was accepted");
    fuzz::CheckAcceptedScenario(*parsed.value, data, size);
    return 0;
}
