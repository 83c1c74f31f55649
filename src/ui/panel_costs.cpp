// Cost over time: the cumulative cost of each option month by month (from the report's curves),
// the break-even month marked, and the monthly breakdown table. Drawn with ImDrawList.
// Sections (each opens with a "[SECTION]" line):
//   Helpers: axis steps, a figure's working, the legend's labels
//   The chart: axes, break-even, curves, hover, legend
//   The cost table, each figure opening its working
//   The panel
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "core/index.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// [SECTION] Helpers: axis steps, a figure's working, the legend's labels --------------------------------------------

// A "nice" tick step (1, 2 or 5 times a power of ten) giving about `target` ticks over `span`.
double NiceStep(double span, int target)
{
    if (span <= 0)
        return 1;
    const double raw = span / target;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / power;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

// The working of `figure` for option `o`, when the report has one.
const core::Working* FindWorking(const core::Report& r, const core::OptionReport& o, const char* figure)
{
    if (!figure)
        return nullptr;
    return core::FindWorking(r.workings, std::string(core::OptionKey(o.option)) + "." + figure);
}

// Label of an option in the legend. In a lesson frame, which has no cost table, it carries the option's
// total and opens its working.
std::string LegendLabel(const core::OptionReport& o, bool compact, const core::Money& money)
{
    const bool priced = o.cost.gpu_index >= 0 || o.cost.offer_index >= 0; // else there is no total to show
    if (compact)
        return o.label + (priced ? " " + Usd(o.cost.total_usd, money) : "") + (o.feasible ? "" : " (out)");
    return o.label + (o.feasible ? "" : " (ruled out)");
}

// Lines the legend takes at `width`: entries side by side while they fit.
int LegendLines(const core::Report& r, float width, bool compact)
{
    int lines = 1;
    float x = 0;
    for (const core::OptionReport& o : r.options) {
        const float w = Em(1.6f) + ImGui::CalcTextSize(LegendLabel(o, compact, r.money).c_str()).x;
        if (x > 0 && x + Em(1.2f) + w > width) {
            ++lines;
            x = 0;
        }
        x += (x > 0 ? Em(1.2f) : 0) + w;
    }
    return lines;
}

// [SECTION] The chart: axes, break-even, curves, hover, legend ------------------------------------------------------

// Where the chart is drawn and its scales: months across, cumulative dollars up.
struct ChartFrame {
    ImDrawList* draw = nullptr;
    ImVec2 origin;
    float width = 0;
    float left = 0, right = 0, top = 0, bottom = 0;
    double lo = 0, hi = 1; // dollars at the bottom and the top
    int months = 0;
    core::Money money; // the currency the axis is labelled in (its steps round there)
    ImU32 grid = 0, text = 0;

    float X(double month) const { return left + static_cast<float>(month / months) * (right - left); }
    float Y(double usd) const { return bottom - static_cast<float>((usd - lo) / (hi - lo)) * (bottom - top); }
};

// The break-even month to mark: the first month the home lab's cumulative cost is at or below the cloud's
// while it is kept, else the month it gets there only by being sold at the end.
std::optional<int> ShownBreakEven(const core::Report& r, int months)
{
    const std::optional<int> even = r.break_even_month_owning ? r.break_even_month_owning : r.break_even_month;
    return even && *even <= months ? even : std::nullopt;
}

void DrawAxes(const ChartFrame& c)
{
    // Fewer grid lines on a short chart, so the axis labels never touch.
    // Round steps in the currency shown (a euro axis at 1,000, 2,000, ..., not at a dollar step's euros).
    const double rate = c.money.per_usd > 0 ? c.money.per_usd : 1.0;
    const double y_step =
        NiceStep((c.hi - c.lo) * rate, std::clamp(static_cast<int>((c.bottom - c.top) / Em(2.2f)), 2, 4));
    for (double v = std::ceil(c.lo * rate / y_step) * y_step; v <= c.hi * rate; v += y_step) {
        const float y = c.Y(v / rate);
        c.draw->AddLine(ImVec2(c.left, y), ImVec2(c.right, y), c.grid);
        const std::string label = UsdShort(v / rate, c.money);
        c.draw->AddText(ImVec2(c.left - ImGui::CalcTextSize(label.c_str()).x - Em(0.3f), y - Em(0.5f)), c.text,
                        label.c_str());
    }
    const int x_step = c.months <= 12 ? 3 : c.months <= 48 ? 6 : 12;
    for (int m = 0; m <= c.months; m += x_step) {
        const float x = c.X(m);
        c.draw->AddLine(ImVec2(x, c.bottom), ImVec2(x, c.bottom + Em(0.25f)), c.text);
        // "month 0" names the axis where there is room; a narrow chart keeps it from touching the next label.
        const std::string label = m == 0 && c.width > Em(24) ? "month 0" : std::to_string(m);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        c.draw->AddText(ImVec2(std::clamp(x - w / 2, c.left - Em(1), c.right - w), c.bottom + Em(0.3f)), c.text,
                        label.c_str());
    }
    c.draw->AddLine(ImVec2(c.left, c.bottom), ImVec2(c.right, c.bottom), c.text);
}

// A line at the break-even month, its label on a line of its own above the plot (no curve runs through it).
void DrawBreakEven(const ChartFrame& c, const core::Report& r, int even)
{
    const float x = c.X(even);
    c.draw->AddLine(ImVec2(x, c.top - Em(0.3f)), ImVec2(x, c.bottom), ImGui::GetColorU32(ImGuiCol_Text), Em(0.1f));
    const std::string label =
        (r.break_even_month_owning ? "break-even: month " : "break-even only if sold: month ") + std::to_string(even);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    // Right of the line where it fits, else left of it; never past the chart's edges.
    const float gap = Em(0.3f);
    const float at = x + gap + w <= c.origin.x + c.width ? x + gap : std::max(c.origin.x, x - gap - w);
    c.draw->AddText(ImVec2(at, c.origin.y + Em(0.15f)), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
}

// How sure: a faint band from P10 to P90 of each option's cumulative cost over the likely futures.
void DrawBands(const ChartFrame& c, const core::Report& r)
{
    if (!r.uncertainty)
        return;
    // One month's quad after another: anti-aliased edges would draw a seam between each pair.
    const ImDrawListFlags flags = c.draw->Flags;
    c.draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (const core::OptionReport& o : r.options) {
        const std::vector<core::Percentiles>& band = core::At(r.uncertainty->cumulative_usd, OptionIndex(o.option));
        const ImU32 color = OptionColor(OptionIndex(o.option), o.feasible ? 0.16f : 0.06f);
        // Up to the month before the sale: the last month's drop is the resale, drawn by the curves.
        for (std::size_t m = 1; m + 1 < band.size(); ++m)
            c.draw->AddQuadFilled(ImVec2(c.X(static_cast<double>(m - 1)), c.Y(band[m - 1].p10)),
                                  ImVec2(c.X(static_cast<double>(m)), c.Y(band[m].p10)),
                                  ImVec2(c.X(static_cast<double>(m)), c.Y(band[m].p90)),
                                  ImVec2(c.X(static_cast<double>(m - 1)), c.Y(band[m - 1].p90)), color);
    }
    c.draw->Flags = flags;
}

// The curves; ruled-out options faded so the eye goes to what is possible.
void DrawCurves(const ChartFrame& c, const core::Report& r)
{
    for (const core::OptionReport& o : r.options) {
        const ImU32 color = OptionColor(OptionIndex(o.option), o.feasible ? 1.0f : 0.3f);
        // The resale value is credited in the last month (the report's contract): draw the spending line
        // on to the end and the credit as a thin drop, so it reads as a sale, not as a fall in cost.
        const std::size_t n = o.cumulative_usd.size();
        const double resale = o.cost.resale_usd;
        for (std::size_t m = 1; m < n; ++m) {
            const double end = m + 1 == n ? o.cumulative_usd[m] + resale : o.cumulative_usd[m];
            c.draw->AddLine(ImVec2(c.X(static_cast<double>(m - 1)), c.Y(o.cumulative_usd[m - 1])),
                            ImVec2(c.X(static_cast<double>(m)), c.Y(end)), color, Em(0.15f));
        }
        if (n > 1 && resale > 0) {
            const float x = c.X(static_cast<double>(n - 1));
            c.draw->AddLine(ImVec2(x, c.Y(o.cumulative_usd.back() + resale)), ImVec2(x, c.Y(o.cumulative_usd.back())),
                            color, Em(0.06f));
            c.draw->AddCircleFilled(ImVec2(x, c.Y(o.cumulative_usd.back())), Em(0.22f), color);
        }
    }
}

// The month under the pointer with each option's cumulative cost.
void DrawHover(const ChartFrame& c, const core::Report& r)
{
    const float mx = ImGui::GetIO().MousePos.x;
    const int m = std::clamp(
        static_cast<int>(std::lround((mx - c.left) / (c.right - c.left) * static_cast<float>(c.months))), 0, c.months);
    c.draw->AddLine(ImVec2(c.X(m), c.top), ImVec2(c.X(m), c.bottom), c.grid, Em(0.08f));
    ImGui::BeginTooltip();
    ImGui::Text(m == c.months ? "After month %d (cumulative, resale value credited)" : "After month %d (cumulative)",
                m);
    for (const core::OptionReport& o : r.options)
        if (static_cast<std::size_t>(m) < o.cumulative_usd.size()) {
            ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(OptionIndex(o.option)));
            ImGui::Text("%s: %s%s", o.label.c_str(), Usd(core::At(o.cumulative_usd, m), c.money).c_str(),
                        o.feasible ? "" : " (ruled out)");
            ImGui::PopStyleColor();
        }
    ImGui::EndTooltip();
}

// Legend: entries side by side while they fit, else one per line (phones, small frames).
void DrawLegend(AppState& state, bool compact, ImDrawList* draw)
{
    const core::Report& r = state.results.report;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const core::OptionReport& o : r.options) {
        const std::string label = LegendLabel(o, compact, r.money);
        if (&o != &r.options.front()) {
            ImGui::SameLine(0, Em(1.2f));
            if (ImGui::GetCursorScreenPos().x + Em(1.4f) + ImGui::CalcTextSize(label.c_str()).x > right_edge)
                ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.35f), ImVec2(p.x + Em(1.2f), p.y + h * 0.65f),
                            OptionColor(OptionIndex(o.option), o.feasible ? 1.0f : 0.3f));
        ImGui::Dummy(ImVec2(Em(1.4f), h));
        ImGui::SameLine(0, Em(0.2f));
        const core::Working* working = compact ? FindWorking(r, o, "total_usd") : nullptr;
        if (!working) {
            ImGui::TextUnformatted(label.c_str());
            continue;
        }
        WorkingLink(state, std::string("legend.") + core::OptionKey(o.option), label, working->id,
                    o.label + ": " + Usd(o.cost.total_usd, r.money) + " in total" + (o.feasible ? "" : ", ruled out"));
    }
}

} // namespace

void DrawCostChart(AppState& state, float total_height, bool compact)
{
    const core::Report& r = state.results.report;
    ChartFrame c;
    c.money = r.money;
    c.width = ImGui::GetContentRegionAvail().x;
    const int legend_lines = LegendLines(r, c.width, compact);
    const float footnote = compact ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2;
    const float height = std::max(
        Em(4), total_height - static_cast<float>(legend_lines) * ImGui::GetTextLineHeightWithSpacing() - footnote);
    c.origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", ImVec2(c.width, height));
    const bool hovered = ImGui::IsItemHovered();
    c.draw = ImGui::GetWindowDrawList();

    for (const core::OptionReport& o : r.options) {
        c.months = std::max(c.months, static_cast<int>(o.cumulative_usd.size()) - 1);
        for (double v : o.cumulative_usd) {
            c.lo = std::min(c.lo, v);
            c.hi = std::max(c.hi, v);
        }
        if (r.uncertainty) // the bands fit too
            for (const core::Percentiles& p : core::At(r.uncertainty->cumulative_usd, OptionIndex(o.option))) {
                c.lo = std::min(c.lo, p.p10);
                c.hi = std::max(c.hi, p.p90);
            }
    }
    if (c.months <= 0)
        return;
    c.hi *= 1.05;
    const std::optional<int> even = ShownBreakEven(r, c.months);
    c.left = c.origin.x + Em(3.6f);
    c.right = c.origin.x + c.width - Em(0.6f);
    c.top = c.origin.y + (even ? Em(1.6f) : Em(0.5f));
    c.bottom = c.origin.y + height - Em(1.6f);
    c.grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
    c.text = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    DrawAxes(c);
    if (even)
        DrawBreakEven(c, r, *even);
    DrawBands(c, r);
    DrawCurves(c, r);
    if (hovered)
        DrawHover(c, r);
    DrawLegend(state, compact, c.draw);
    if (!compact)
        ImGui::TextDisabled(r.uncertainty ? "Lines start at the hardware bought in month 0; resale is credited in the "
                                            "last month. Bands: 8 of 10 likely futures."
                                          : "Lines start at the hardware bought in month 0; resale is credited in the "
                                            "last month.");
}

namespace {

// [SECTION] The cost table, each figure opening its working ---------------------------------------------------------

struct Row {
    const char* label;
    double (*get)(const core::OptionReport&);
    const char* working;        // the figure's working ("electricity_usd_per_month"), nullptr: none
    const char* unit = nullptr; // not money: the unit after the number ("kg"), one decimal
};

// A money figure right-aligned in its cell; with a working it is a button that opens it.
void DrawMoneyCell(AppState& state, const Row& row, const core::OptionReport& o)
{
    const double v = row.get(o);
    const std::string shown = row.unit ? Number(v, 1) + " " + row.unit : Usd(v, state.results.report.money);
    const std::string text = o.feasible || v != 0 ? shown : "-";
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetColumnWidth() - width - ImGui::GetStyle().CellPadding.x);
    const core::Working* working = FindWorking(state.results.report, o, row.working);
    if (!working) {
        if (o.feasible)
            ImGui::TextUnformatted(text.c_str());
        else
            ImGui::TextDisabled("%s", text.c_str());
        return;
    }
    WorkingLink(state, "working." + working->id, text, working->id,
                std::string(row.label) + ", " + o.label + ": " + text, o.feasible);
}

void DrawBreakdown(AppState& state)
{
    const core::Report& r = state.results.report;
    static const Row kRows[] = {
        {"Hardware, up front", [](const core::OptionReport& o) { return o.cost.upfront_usd; }, "hardware_usd"},
        {"Sale forgone (your machine)", [](const core::OptionReport& o) { return o.cost.forgone_sale_usd; },
         "forgone_sale_usd"},
        {"Instalment / month", [](const core::OptionReport& o) { return o.cost.finance_usd_per_month; },
         "finance_usd_per_month"},
        {"Instalments in the horizon", [](const core::OptionReport& o) { return o.cost.finance_paid_usd; },
         "finance_paid_usd"},
        {"Electricity / month", [](const core::OptionReport& o) { return o.cost.monthly.power_usd; },
         "electricity_usd_per_month"},
        {"Maintenance / month", [](const core::OptionReport& o) { return o.cost.monthly.maintenance_usd; },
         "maintenance_usd_per_month"},
        {"GPU-hours / month", [](const core::OptionReport& o) { return o.cost.monthly.gpu_hours_usd; },
         "gpu_hours_usd_per_month"},
        {"Storage / month", [](const core::OptionReport& o) { return o.cost.monthly.storage_usd; },
         "storage_usd_per_month"},
        {"Egress / month", [](const core::OptionReport& o) { return o.cost.monthly.egress_usd; },
         "egress_usd_per_month"},
        {"Idle instances / month", [](const core::OptionReport& o) { return o.cost.monthly.idle_usd; },
         "idle_usd_per_month"},
        {"Compliant setup / month", [](const core::OptionReport& o) { return o.cost.monthly.compliance_usd; },
         "compliance_usd_per_month"},
        {"Running cost / month", [](const core::OptionReport& o) { return o.cost.monthly_usd; },
         "running_usd_per_month"},
        {"Resale at the end", [](const core::OptionReport& o) { return -o.cost.resale_usd; }, "resale_usd"},
        {"Total over the horizon", [](const core::OptionReport& o) { return o.cost.total_usd; }, "total_usd"},
        {"Per hour of work", [](const core::OptionReport& o) { return o.usd_per_work_hour; }, "usd_per_work_hour"},
        {"Present value (discounted)", [](const core::OptionReport& o) { return o.present_value_usd; },
         "present_value_usd"},
        {"CO2e / month", [](const core::OptionReport& o) { return o.cost.co2e_kg_per_month; }, "co2e_kg_per_month",
         "kg"},
        {"CO2e of making its GPUs", [](const core::OptionReport& o) { return o.cost.embodied_co2e_kg; },
         "embodied_co2e_kg", "kg"},
    };
    // Rows for what only some scenarios have: a machine the person owns, a discount rate.
    const bool owned = r.scenario.home.owned;
    const bool discounted = r.scenario.discount_rate_pct > 0;
    bool financed = false;
    for (const core::OptionReport& o : r.options)
        financed = financed || o.cost.financed_usd > 0;
    // Sized to its rows (no inner scrolling); on a phone the money columns narrow and the labels wrap,
    // so no label is cut ("Hardwa") and no empty band is left under the table.
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("breakdown", 4, flags))
        return;
    const float money_width = ImGui::GetContentRegionAvail().x < Em(30) ? Em(4.4f) : Em(6);
    ImGui::TableSetupColumn("Cost", ImGuiTableColumnFlags_WidthStretch);
    for (const core::OptionReport& o : r.options)
        ImGui::TableSetupColumn(o.label.c_str(), ImGuiTableColumnFlags_WidthFixed, money_width);
    ImGui::TableHeadersRow();
    for (const Row& row : kRows) {
        const std::string working = row.working ? row.working : "";
        if ((working == "forgone_sale_usd" && !owned) || (working == "present_value_usd" && !discounted) ||
            (working.rfind("finance_", 0) == 0 && !financed))
            continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        WrappedText(row.label);
        for (const core::OptionReport& o : r.options) {
            ImGui::TableNextColumn();
            DrawMoneyCell(state, row, o);
        }
    }
    ImGui::EndTable();
    if (!r.workings.empty())
        ImGui::TextDisabled("Click a blue figure to see how it is worked out.");
}

} // namespace

// [SECTION] The panel -----------------------------------------------------------------------------------------------

void DrawCosts(AppState& state)
{
    DrawCostChart(state,
                  std::clamp(ImGui::GetContentRegionAvail().x * 0.45f, Em(11), Em(20)) +
                      ImGui::GetTextLineHeightWithSpacing() * 3,
                  false);
    ImGui::Spacing();
    DrawBreakdown(state);
}

} // namespace labcalc::ui
