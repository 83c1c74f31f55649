#pragma once
// The one table of scenario inputs: key, label, unit, range. The JSON reader, the --set parser,
// the URL state and the UI's input panels all go through it, so a rule is written once and every
// face rejects the same bad value with the same message.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

enum class FieldKind { number, integer, boolean, choice, text };

struct FieldSpec {
    const char* key;   // dotted key, as in JSON nesting and --set: "home.power_watts"
    const char* label; // short label for a UI
    const char* unit;  // "USD", "h/week", "%", ... ("" when none)
    const char* help;  // one sentence for a tooltip
    FieldKind kind;
    double min_value;                 // inclusive (number, integer)
    double max_value;                 // inclusive
    bool optional;                    // may be unset: then a default from the catalog or the model applies
    std::vector<const char*> choices; // for FieldKind::choice
    bool headline;                    // one of the three headline inputs
};

// Every field except the factor weights and the free-form assumption overrides.
const std::vector<FieldSpec>& ScenarioFields();
const FieldSpec* FindField(std::string_view key);

// A field's value in a form any face can show. `set` is false for an unset optional.
struct FieldValue {
    bool set = false;
    double number = 0; // number, integer, boolean (0/1), choice (index)
    std::string text;  // text fields
};
FieldValue GetField(const Scenario& s, const FieldSpec& f);
// Validates and stores; a refused value changes nothing and the Status names the key and the rule.
Status SetFieldNumber(Scenario& s, const FieldSpec& f, double value);
Status SetFieldText(Scenario& s, const FieldSpec& f, std::string_view value);
void UnsetField(Scenario& s, const FieldSpec& f); // optional fields only

// A number as a person types it into a box: "4000", "4,000", "$4,000", " 0,16 " (a decimal comma),
// "1 200", "20 h/week" (the field's own unit after it). Thousands separators are a comma or a space
// before groups of exactly three digits; a lone comma followed by other than three digits, or after a
// leading 0, is a decimal comma. Returns nothing for anything else (letters, two signs, "1,2,3").
std::optional<double> ParseTypedNumber(std::string_view typed, std::string_view unit = "");
// A field set from typed text (ParseTypedNumber, then the field's range). A refusal names the field, the
// rule and what was typed.
Status SetFieldTyped(Scenario& s, const FieldSpec& f, std::string_view typed);

// A factor from its key in "weights.<key>" ("initial_cost"); nothing for an unknown key.
std::optional<Factor> FactorFromKey(std::string_view key);

// --set KEY=VALUE, also for weights.<factor> and assumptions.<figure id>. VALUE is a number,
// true/false, a choice name, or "default" to unset an optional field or an assumption override.
Status ApplySetting(Scenario& s, std::string_view key_equals_value);

} // namespace labcalc::core
