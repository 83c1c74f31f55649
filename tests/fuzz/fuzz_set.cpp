// Fuzz target: the --set parser (ApplySetting), several settings per input, one per line, applied in
// order on top of the default scenario (or a preset, chosen by the first byte of the input when it is
// a digit). A refused setting gives a one-line error; when all are accepted the scenario must evaluate
// finitely and round-trip. Each line is also read as a number typed into a box (core::ParseTypedNumber).
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "core/presets.hpp"
#include "core/scenario_fields.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    if (size > 4096) // --set values come from a command line; keep executions fast
        return 0;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    core::Scenario s;
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
        static const std::vector<core::PresetInfo> presets = core::ListPresets();
        const std::size_t i = static_cast<std::size_t>(text[0] - '0');
        if (i < presets.size())
            if (auto p = core::LoadPreset(presets[i].name))
                s = *p.value;
        text.remove_prefix(1);
    }
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (line.empty())
            continue;
        // The same text typed into a box (the page's decimal boxes): a number read from it is finite, and
        // the text holds at least one digit.
        if (const std::optional<double> typed = core::ParseTypedNumber(line, "USD")) {
            LABCALC_CHECK(std::isfinite(*typed), "a typed number read as infinite: " + std::string(line.substr(0, 80)));
            LABCALC_CHECK(line.find_first_of("0123456789") != std::string_view::npos,
                          "a typed number without a digit: " + std::string(line.substr(0, 80)));
        }
        const std::string error = core::ApplySetting(s, line).error;
        if (!error.empty()) {
            fuzz::CheckError(error);
            return 0;
        }
        // An accepted number holds no space, plus sign or hexadecimal prefix: numbers as a scenario file writes them.
        const std::size_t eq = line.find('=');
        const std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
        const core::FieldSpec* f = core::FindField(key);
        const bool numeric = (f && (f->kind == core::FieldKind::number || f->kind == core::FieldKind::integer)) ||
            key.rfind("weights.", 0) == 0 || key.rfind("assumptions.", 0) == 0;
        if (numeric && value != "default") {
            bool plain =
                value.find_first_of(" \t\r\nxX") == std::string_view::npos && !value.empty() && value[0] != '+';
            for (std::size_t i = 1; i < value.size(); ++i)
                plain =
                    plain && (value[i] != '+' || value[i - 1] == 'e' || value[i - 1] == 'E'); // only an exponent's sign
            LABCALC_CHECK(plain,
                          "a --set number with a space, '+' or hexadecimal was accepted: " +
                              std::string(line.substr(0, 80)));
        }
    }
    fuzz::CheckAcceptedScenario(s, data, size);
    return 0;
}
