// Display formatting for the panels (see format.hpp).
#include "ui/format.hpp"

#include <cmath>
#include <cstdio>

#include "core/evaluate.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"
#include "imgui.h"

namespace labcalc::ui {

// The core's formatters: the page shows a figure as the reports write it.
std::string Usd(double usd, const core::Money& m) { return core::FormatMoney(usd, m); }

std::string Amount(double amount, const core::Money& m) { return core::FormatAmount(amount, m.symbol); }

std::string UsdShort(double usd, const core::Money& m)
{
    const double v = core::FromUsd(usd, m);
    const double a = std::fabs(v);
    char buf[32];
    if (a >= 1e6)
        std::snprintf(buf, sizeof buf, "%gM", std::round(v / 1e5) / 10);
    else if (a >= 1e3)
        std::snprintf(buf, sizeof buf, "%gk", std::round(v / 1e2) / 10);
    else
        std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf[0] == '-' ? "-" + m.symbol + (buf + 1) : m.symbol + buf;
}

bool IsMoneyField(const core::FieldSpec& f) { return core::IsUsdUnit(f.unit); }

std::string ShownUnit(const core::FieldSpec& f, const core::Money& m) { return core::UnitIn(f.unit, m); }

double ToShown(const core::FieldSpec& f, double value, const core::Money& m)
{
    return IsMoneyField(f) ? core::FromUsd(value, m) : value;
}

double FromShown(const core::FieldSpec& f, double shown, const core::Money& m)
{
    return IsMoneyField(f) ? core::ToUsd(shown, m) : shown;
}

std::string ShownNumber(const core::FieldSpec& f, double shown)
{
    if (!IsMoneyField(f))
        return core::FormatNumber(shown);
    const double a = std::fabs(shown);
    return core::FormatRounded(shown, a >= 100 ? 0 : a >= 1 ? 2 : 4);
}

std::optional<double> ParseShown(const core::FieldSpec& f, std::string_view typed, const core::Money& m)
{
    if (!IsMoneyField(f))
        return core::ParseTypedNumber(typed, f.unit);
    // The currency's own sign before the number ("\u20ac2,500", "CHF 300"), its code or unit after it.
    std::string t(typed);
    const std::string sign = m.symbol.back() == ' ' ? m.symbol.substr(0, m.symbol.size() - 1) : m.symbol;
    if (const std::size_t at = t.find(sign); !sign.empty() && at != std::string::npos)
        t.erase(at, sign.size());
    const std::optional<double> shown = core::ParseTypedNumber(t, ShownUnit(f, m));
    if (!shown)
        return std::nullopt;
    return FromShown(f, *shown, m);
}

std::string Number(double v, int max_decimals) { return core::FormatRounded(v, max_decimals); }

int OptionIndex(core::Option option) { return static_cast<int>(option); }

std::string OptionLabelOf(core::Option option) { return core::OptionLabel(option); }

namespace {

// Four colours: home, cloud, hybrid, and grey for "nothing fits".
unsigned int PaletteColor(const ImVec4 (&palette)[4], int option_index, float alpha)
{
    ImVec4 c = palette[(option_index >= 0 && option_index < 3) ? option_index : 3];
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

} // namespace

unsigned int OptionColor(int option_index, float alpha)
{
    // Okabe-Ito: orange (home), blue (cloud), bluish green (hybrid); grey for "nothing fits".
    static const ImVec4 kFills[4] = {
        ImVec4(0.84f, 0.50f, 0.00f, 1.0f),
        ImVec4(0.00f, 0.45f, 0.70f, 1.0f),
        ImVec4(0.00f, 0.62f, 0.45f, 1.0f),
        ImVec4(0.55f, 0.55f, 0.55f, 1.0f),
    };
    return PaletteColor(kFills, option_index, alpha);
}

unsigned int OptionTextColor(int option_index, float alpha)
{
    // The same hues, dark enough for text on the page and the cards (WCAG AA: 4.5:1; these give 4.6 to
    // 5.1 on both backgrounds): Okabe-Ito's orange and green are 2.9:1 and 3.3:1.
    static const ImVec4 kText[4] = {
        ImVec4(0.647f, 0.385f, 0.00f, 1.0f),
        ImVec4(0.00f, 0.45f, 0.70f, 1.0f),
        ImVec4(0.00f, 0.508f, 0.369f, 1.0f),
        ImVec4(0.40f, 0.40f, 0.40f, 1.0f),
    };
    return PaletteColor(kText, option_index, alpha);
}

double ShownTotal(const core::OptionReport& o, int months, const core::Money& m)
{
    auto part = [&](double usd) { return std::round(core::FromUsd(usd, m)); };
    return part(o.cost.upfront_usd) + part(o.cost.forgone_sale_usd) + part(o.cost.finance_paid_usd) +
        part(o.cost.monthly_usd * months) - part(o.cost.resale_usd);
}

std::string CostSum(const core::OptionReport& o, int months, const core::Money& m)
{
    auto part = [&](double usd) { return std::round(core::FromUsd(usd, m)); };
    const double upfront = part(o.cost.upfront_usd), running = part(o.cost.monthly_usd * months),
                 resale = part(o.cost.resale_usd);
    // A machine you own: the sale it forgoes is part of the sum (what keeping it costs), not money spent.
    const double forgone = part(o.cost.forgone_sale_usd);
    // Hardware paid in instalments: what they come to within the horizon (a balance left is paid off at its end).
    const double loan = part(o.cost.finance_paid_usd);
    std::string sum = (upfront > 0 ? Amount(upfront, m) + " up front + " : "") +
        (forgone > 0 ? Amount(forgone, m) + " sale forgone + " : "") +
        (loan > 0 ? Amount(loan, m) + " in instalments (" + Usd(o.cost.finance_usd_per_month, m) + " x " +
                 std::to_string(o.cost.finance_months) + ") + "
                  : "") +
        Amount(running, m) + " to run (" + Usd(o.cost.monthly_usd, m) + " a month)";
    if (resale > 0)
        sum += " - " + Amount(resale, m) + " resale";
    return upfront > 0 || forgone > 0 || loan > 0 || resale > 0 ? sum + " = " + Amount(ShownTotal(o, months, m), m)
                                                                : sum;
}

} // namespace labcalc::ui
