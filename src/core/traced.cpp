#include "core/traced.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

constexpr int kShownSignificantFigures = 5;

std::string Wrapped(const Traced& t, int above, std::string Traced::*line)
{
    return t.precedence >= above ? "(" + t.*line + ")" : t.*line;
}

void AddTerms(std::vector<WorkingTerm>* into, const std::vector<WorkingTerm>& from)
{
    for (const WorkingTerm& t : from)
        if (std::none_of(into->begin(), into->end(), [&](const WorkingTerm& have) { return have.symbol == t.symbol; }))
            into->push_back(t);
}

// a `op` b, each side in brackets where it binds more loosely than `op` (or as loosely, on the right of
// a non-commutative operator).
Traced Combine(const Traced& a, const Traced& b, const char* op, int precedence, bool commutative, double value)
{
    Traced r;
    r.value = value;
    r.precedence = precedence;
    const int right_above = commutative ? precedence + 1 : precedence;
    for (std::string Traced::*line : {&Traced::symbols, &Traced::numbers})
        r.*line = Wrapped(a, precedence + 1, line) + " " + op + " " + Wrapped(b, right_above, line);
    r.terms = a.terms;
    AddTerms(&r.terms, b.terms);
    return r;
}

Traced Call(const char* name, const Traced& a, const Traced& b, double value)
{
    Traced r;
    r.value = value;
    for (std::string Traced::*line : {&Traced::symbols, &Traced::numbers})
        r.*line = std::string(name) + "(" + a.*line + ", " + b.*line + ")";
    r.terms = a.terms;
    AddTerms(&r.terms, b.terms);
    return r;
}

// The numbers line read back: a small recursive-descent reader of what Combine and Call write.
struct LineReader {
    const std::string& s;
    std::size_t i = 0;
    bool ok = true;

    void Space()
    {
        while (i < s.size() && s[i] == ' ')
            ++i;
    }
    bool Take(const char* word)
    {
        Space();
        const std::size_t n = std::char_traits<char>::length(word);
        if (s.compare(i, n, word) != 0)
            return false;
        i += n;
        return true;
    }
    // Unit words after a number: letters, '%', '$' and spaces, up to an operator, a comma or a bracket.
    void SkipUnit()
    {
        for (;;) {
            Space();
            const std::size_t start = i;
            while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '%' || s[i] == '_'))
                ++i;
            const std::string word = s.substr(start, i - start);
            if (word.empty())
                return;
            if (word == "x") { // the multiplication sign, not a unit
                i = start;
                return;
            }
        }
    }
    double Atom()
    {
        Space();
        if (Take("(")) {
            const double v = Sum();
            ok = ok && Take(")");
            return v;
        }
        for (const char* fn : {"min(", "max(", "pow("}) {
            if (Take(fn)) {
                const double a = Sum();
                ok = ok && Take(",");
                const double b = Sum();
                ok = ok && Take(")");
                const std::string f(fn);
                return f == "min(" ? std::min(a, b) : f == "max(" ? std::max(a, b) : std::pow(a, b);
            }
        }
        Take("$");
        std::string digits;
        // A comma inside a number separates thousands; one followed by a space separates a call's arguments.
        auto in_number = [&](std::size_t k) {
            return std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == '.' || (digits.empty() && s[k] == '-') ||
                (s[k] == ',' && k + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[k + 1])));
        };
        while (i < s.size() && in_number(i))
            if (s[i++] != ',')
                digits += s[i - 1];
        if (digits.empty() || digits == "-") {
            ok = false;
            return 0;
        }
        char* end = nullptr;
        const double v = std::strtod(digits.c_str(), &end);
        ok = ok && end && *end == '\0';
        SkipUnit();
        return v;
    }
    double Product()
    {
        double v = Atom();
        for (;;) {
            if (Take(" x ") || Take("x "))
                v *= Atom();
            else if (Take("/"))
                v /= Atom();
            else
                return v;
        }
    }
    double Sum()
    {
        double v = Product();
        for (;;) {
            Space();
            if (Take("+ "))
                v += Product();
            else if (Take("- "))
                v -= Product();
            else
                return v;
        }
    }
};

} // namespace

// A constant reads the same in both lines, without a thousands separator in the symbols ("/ 1000").
Traced::Traced(double v) : value(v), numbers(ShownValue(v))
{
    for (char c : numbers)
        if (c != ',')
            symbols += c;
}

Traced Term(double value, std::string symbol, std::string name, std::string unit, std::string origin)
{
    Traced t;
    t.value = value;
    t.symbols = symbol;
    t.numbers = ShownValue(value) + (unit.empty() ? "" : " " + unit);
    t.terms.push_back({std::move(symbol), std::move(name), value, std::move(unit), std::move(origin), ""});
    return t;
}

Traced operator+(const Traced& a, const Traced& b) { return Combine(a, b, "+", 2, true, a.value + b.value); }
Traced operator-(const Traced& a, const Traced& b) { return Combine(a, b, "-", 2, false, a.value - b.value); }
Traced operator*(const Traced& a, const Traced& b) { return Combine(a, b, "x", 1, true, a.value * b.value); }
Traced operator/(const Traced& a, const Traced& b) { return Combine(a, b, "/", 1, false, a.value / b.value); }

Traced Min(const Traced& a, const Traced& b) { return Call("min", a, b, std::min(a.value, b.value)); }
Traced Max(const Traced& a, const Traced& b) { return Call("max", a, b, std::max(a.value, b.value)); }
Traced Clamp(const Traced& v, double lo, double hi)
{
    if (v.value < lo)
        return Max(v, Traced(lo));
    if (v.value > hi)
        return Min(v, Traced(hi));
    return v;
}
Traced Pow(const Traced& base, const Traced& exponent)
{
    return Call("pow", base, exponent, std::pow(base.value, exponent.value));
}

std::string ShownValue(double v)
{
    if (v == 0 || !std::isfinite(v))
        return FormatNumber(v == 0 ? 0.0 : v);
    const int integer_digits = static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
    const int decimals = std::clamp(kShownSignificantFigures - integer_digits, 0, 8);
    std::string text = FormatRounded(v, decimals);
    // Thousands separated in the integer part.
    const std::size_t start = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    if (end == std::string::npos)
        end = text.size();
    for (std::size_t k = end; k > start + 3; k -= 3)
        text.insert(k - 3, ",");
    return text;
}

bool EvaluateNumbersLine(const std::string& text, double* value)
{
    LineReader r{text};
    *value = r.Sum();
    r.Space();
    return r.ok && r.i == text.size();
}

} // namespace labcalc::core
