// Fuzz target: the URL-fragment decoder (DecodeScenarioFragment), fed by whatever link a user opens.
// Also: Base64UrlDecode(Base64UrlEncode(bytes)) == bytes for any bytes.
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const std::string encoded = core::Base64UrlEncode(text);
    auto bytes = core::Base64UrlDecode(encoded);
    LABCALC_CHECK(bytes.value.has_value() && *bytes.value == text, "Base64UrlDecode(Base64UrlEncode(x)) != x");

    auto decoded = core::DecodeScenarioFragment(text);
    if (!decoded) {
        fuzz::CheckError(decoded.error);
        return 0;
    }
    fuzz::CheckAcceptedScenario(*decoded.value, data, size);
    return 0;
}
