#pragma once
// Number formatting for messages and reports. Rounding happens here, only when a value is shown.
#include <string>
#include <string_view>

namespace labcalc::core {

std::string FormatNumber(double v);                    // shortest form that reads back the same: "0.1598", "36"
std::string FormatFixed(double v, int decimals);       // "12.50"
std::string FormatRounded(double v, int max_decimals); // "12.5", "36": at most max_decimals, trailing zeros dropped
std::string FormatUsd(double v);                       // "$12,345" (whole dollars), "$0.47" below 10
std::string FormatAmount(double v, const std::string& symbol); // the same with another symbol: "CHF 12,345"
std::string FormatPercent(double v);                           // "30%" from 30
// User text quoted in a message: control characters become '?', at most max_chars (then "...").
std::string Printable(std::string_view text, std::size_t max_chars = 60);
// Text from a catalog or a scenario put into a report: one line (control characters, line breaks
// included, become spaces), so it cannot add lines, headings or list items of its own.
std::string OneLine(std::string_view text);
// The same for Markdown: one line, and the characters that would make markup (HTML tags, links,
// emphasis, code, table cells) written so they show as themselves.
std::string MarkdownText(std::string_view text);

} // namespace labcalc::core
