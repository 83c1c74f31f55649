// Display formatting for the panels (see format.hpp).
#include "ui/format.hpp"

#include <cmath>
#include <cstdio>

#include "core/evaluate.hpp"
#include "core/text_format.hpp"
#include "imgui.h"

namespace labcalc::ui {

// The core's formatters: the page shows a figure as the reports write it.
std::string Usd(double usd) { return core::FormatUsd(usd); }

std::string UsdShort(double usd)
{
    const double a = std::fabs(usd);
    char buf[32];
    if (a >= 1e6)
        std::snprintf(buf, sizeof buf, "$%gM", std::round(usd / 1e5) / 10);
    else if (a >= 1e3)
        std::snprintf(buf, sizeof buf, "$%gk", std::round(usd / 1e2) / 10);
    else
        std::snprintf(buf, sizeof buf, "$%.0f", usd);
    return buf;
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

double ShownTotal(const core::OptionReport& o, int months)
{
    return std::round(o.cost.upfront_usd) + std::round(o.cost.forgone_sale_usd) + std::round(o.cost.finance_paid_usd) +
        std::round(o.cost.monthly_usd * months) - std::round(o.cost.resale_usd);
}

std::string CostSum(const core::OptionReport& o, int months)
{
    const double upfront = std::round(o.cost.upfront_usd), running = std::round(o.cost.monthly_usd * months),
                 resale = std::round(o.cost.resale_usd);
    // A machine you own: the sale it forgoes is part of the sum (what keeping it costs), not money spent.
    const double forgone = std::round(o.cost.forgone_sale_usd);
    // Hardware paid in instalments: what they come to within the horizon (a balance left is paid off at its end).
    const double loan = std::round(o.cost.finance_paid_usd);
    std::string sum = (upfront > 0 ? Usd(upfront) + " up front + " : "") +
        (forgone > 0 ? Usd(forgone) + " sale forgone + " : "") +
        (loan > 0 ? Usd(loan) + " in instalments (" + Usd(o.cost.finance_usd_per_month) + " x " +
                 std::to_string(o.cost.finance_months) + ") + "
                  : "") +
        Usd(running) + " to run (" + Usd(o.cost.monthly_usd) + " a month)";
    if (resale > 0)
        sum += " - " + Usd(resale) + " resale";
    return upfront > 0 || forgone > 0 || loan > 0 || resale > 0 ? sum + " = " + Usd(ShownTotal(o, months)) : sum;
}

} // namespace labcalc::ui
