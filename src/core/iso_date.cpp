// Dates (see iso_date.hpp): one grammar of digits and dashes, one conversion to days.
#include "core/iso_date.hpp"

#include <algorithm>

namespace labcalc::core {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// The number written by text[from, from + count), or -1 when any of those characters is not a digit.
int Digits(std::string_view text, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

struct DateFields {
    int year = 0, month = 0, day = 0; // 0: the form leaves the field out
};

// YYYY, YYYY-MM or YYYY-MM-DD, digits and dashes only (no range checked).
std::optional<DateFields> ReadFields(std::string_view text)
{
    if (text.size() != 4 && text.size() != 7 && text.size() != 10)
        return std::nullopt;
    DateFields f;
    f.year = Digits(text, 0, 4);
    if (f.year < 0)
        return std::nullopt;
    if (text.size() >= 7) {
        f.month = text[4] == '-' ? Digits(text, 5, 2) : -1;
        if (f.month < 0)
            return std::nullopt;
    }
    if (text.size() == 10) {
        f.day = text[7] == '-' ? Digits(text, 8, 2) : -1;
        if (f.day < 0)
            return std::nullopt;
    }
    return f;
}

} // namespace

std::optional<long> ParseIsoDate(std::string_view text)
{
    const std::optional<DateFields> f = ReadFields(text);
    if (!f || text.size() != 10 || f->month < 1 || f->month > 12 || f->day < 1 || f->day > 31)
        return std::nullopt;
    return DaysFromCivil(f->year, f->month, f->day);
}

std::optional<long> ParseSourceDate(std::string_view text)
{
    const std::optional<DateFields> f = ReadFields(text);
    if (!f)
        return std::nullopt;
    const int month = text.size() == 4 ? 7 : std::clamp(f->month, 1, 12);
    const int day = text.size() == 4 ? 1 : text.size() == 7 ? 15 : std::clamp(f->day, 1, 31);
    return DaysFromCivil(f->year, month, day);
}

} // namespace labcalc::core
