#pragma once
// A number that writes down how it was computed. The cost formulas (formulas.hpp) are templates over
// their number type: with double they compute the model, with Traced the same code also writes the
// formula twice as it computes, once in symbols ("P_load x h_busy / 1000") and once with this
// scenario's values put in ("500 W x 22.22 h / 1000"), and collects the named values it used. So a
// working shown to a learner is never a second copy of a formula: it is the formula, run again.
//
// The numbers line is meant to be checked by hand: operators are " + ", " - ", " x ", " / ", calls are
// min(a, b), max(a, b), pow(a, b); a value may carry its unit as words after it ("22.22 h", "0.16 USD per
// kWh"), never an operator character. A clamp that does not bite leaves no trace (what applied is shown).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace labcalc::core {

// A named value a working used: an input, a catalog figure (with its id), or a value the model derived.
struct WorkingTerm {
    std::string symbol; // "P_load"
    std::string name;   // "power of the machine under load"
    double value = 0;
    std::string unit;    // "W"
    std::string origin;  // "input hours_per_week", "figure defaults.electricity_usd_per_kwh", "derived"
    std::string working; // a derived value's own working ("home.busy_hours_per_week"), "" none
};

struct Traced {
    double value = 0;
    std::string symbols;
    std::string numbers;
    int precedence = 0; // 0: a value or a call; 1: a product or quotient; 2: a sum or difference
    std::vector<WorkingTerm> terms;

    Traced() = default;
    Traced(double v); // NOLINT(google-explicit-constructor): a plain constant (1000, 12) reads as itself
};

// A named value: shown by its symbol in one line and as "value unit" in the other.
Traced Term(double value, std::string symbol, std::string name, std::string unit, std::string origin);

Traced operator+(const Traced& a, const Traced& b);
Traced operator-(const Traced& a, const Traced& b);
Traced operator*(const Traced& a, const Traced& b);
Traced operator/(const Traced& a, const Traced& b);

// A formula's branch looks at the value alone (the working shows the branch taken).
inline double Value(double v) { return v; }
inline double Value(const Traced& t) { return t.value; }

// The few functions the formulas use, for both number types (the double ones are the standard library's).
inline double Min(double a, double b) { return std::min(a, b); }
inline double Max(double a, double b) { return std::max(a, b); }
inline double Clamp(double v, double lo, double hi) { return std::clamp(v, lo, hi); }
inline double Pow(double base, double exponent) { return std::pow(base, exponent); }
Traced Min(const Traced& a, const Traced& b);
Traced Max(const Traced& a, const Traced& b);
Traced Clamp(const Traced& v, double lo, double hi);
Traced Pow(const Traced& base, const Traced& exponent);

// A value as the numbers line writes it: four significant figures at most, thousands separated
// ("1,795", "22.22", "0.16").
std::string ShownValue(double v);

// The result of evaluating a numbers line (for tests and for anyone checking a working by machine);
// false when the text is not a well-formed line.
bool EvaluateNumbersLine(const std::string& text, double* value);

} // namespace labcalc::core
