#pragma once
// The one reader of dates: the command line's --today, the page's start-up date, the catalog's figure
// dates and the report's stale flags all read a date here, so no two of them can disagree about what a
// date is or which day it means.
#include <optional>
#include <string_view>

namespace labcalc::core {

// Days since 1970-01-01 of a date written YYYY-MM-DD: four, two and two digits, month 1 to 12, day 1 to 31
// (a day past the month's end counts on into the next month, so 2026-02-31 is 2026-03-03). nullopt otherwise.
[[nodiscard]] std::optional<long> ParseIsoDate(std::string_view text);

// Days since 1970-01-01 of a date as a source gives it: YYYY-MM-DD, YYYY-MM (read as the 15th) or YYYY (read
// as 1 July), the middle of the period the source names. Only the digits and dashes are checked: a month or day
// out of range is moved to the nearest one (2024-13 is read as December), as catalogs have always been read.
// nullopt when the text is none of the three forms.
[[nodiscard]] std::optional<long> ParseSourceDate(std::string_view text);

} // namespace labcalc::core
