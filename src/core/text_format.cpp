#include "core/text_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/index.hpp"

namespace labcalc::core {

std::string FormatNumber(double v)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity");
    char buf[40];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v)
            break;
    }
    return buf;
}

std::string FormatFixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0.00" reads as a loss where there is none.
        bool all_zero = s.find_first_not_of("-0.") == std::string::npos;
        if (all_zero)
            s.erase(0, 1);
    }
    return s;
}

std::string FormatRounded(double v, int max_decimals)
{
    std::string s = FormatFixed(v, max_decimals);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string FormatUsd(double v) { return FormatAmount(v, "$"); }

std::string FormatAmount(double v, const std::string& symbol)
{
    if (!std::isfinite(v))
        return "n/a";
    const bool negative = v < 0;
    const double a = std::fabs(v);
    if (a < 10 && a != std::floor(a))
        return (negative ? "-" : "") + symbol + FormatFixed(a, 2);
    const long long whole = std::llround(a);
    std::string digits = std::to_string(whole);
    std::string grouped;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        grouped += At(digits, i);
        if ((n - 1 - i) % 3 == 0 && i != n - 1)
            grouped += ',';
    }
    return (negative && whole != 0 ? "-" : "") + symbol + grouped;
}

std::string Printable(std::string_view text, std::size_t max_chars)
{
    std::string out;
    for (char c : text.substr(0, max_chars)) {
        const unsigned char u = static_cast<unsigned char>(c);
        out += u < 0x20 || u >= 0x7f ? '?' : c;
    }
    if (text.size() > max_chars)
        out += "...";
    return out;
}

std::string OneLine(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return out;
}

std::string MarkdownText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : OneLine(text)) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '|':
        case '[':
        case ']':
        case '`':
        case '*':
        case '_':
        case '\\':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

std::string FormatPercent(double v) { return FormatNumber(std::round(v * 10) / 10) + "%"; }

} // namespace labcalc::core
