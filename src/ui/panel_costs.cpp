// Cost over time: the cumulative cost of each option month by month (from the report's curves),
// the break-even month marked, and the monthly breakdown table. Drawn with ImDrawList.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "core/index.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

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

// Label of an option in the legend.
std::string LegendLabel(const core::OptionReport& o, bool compact)
{
    return o.label + (o.feasible ? "" : compact ? " (out)" : " (ruled out)");
}

// Lines the legend takes at `width`: entries side by side while they fit.
int LegendLines(const core::Report& r, float width, bool compact)
{
    int lines = 1;
    float x = 0;
    for (const core::OptionReport& o : r.options) {
        const float w = Em(1.6f) + ImGui::CalcTextSize(LegendLabel(o, compact).c_str()).x;
        if (x > 0 && x + Em(1.2f) + w > width) {
            ++lines;
            x = 0;
        }
        x += (x > 0 ? Em(1.2f) : 0) + w;
    }
    return lines;
}

} // namespace

void DrawCostChart(const core::Report& r, float total_height, bool compact)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const int legend_lines = LegendLines(r, width, compact);
    const float footnote = compact ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2;
    const float height = std::max(
        Em(4), total_height - static_cast<float>(legend_lines) * ImGui::GetTextLineHeightWithSpacing() - footnote);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("chart", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    double lo = 0, hi = 1;
    int months = 0;
    for (const core::OptionReport& o : r.options) {
        months = std::max(months, static_cast<int>(o.cumulative_usd.size()) - 1);
        for (double v : o.cumulative_usd) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (months <= 0)
        return;
    hi *= 1.05;
    // The break-even label gets a line of its own above the plot, so no curve runs through it.
    const std::optional<int> even = r.break_even_month_owning ? r.break_even_month_owning : r.break_even_month;
    const bool even_shown = even && *even <= months;
    const float left = origin.x + Em(3.6f), right = origin.x + width - Em(0.6f);
    const float top = origin.y + (even_shown ? Em(1.6f) : Em(0.5f)), bottom = origin.y + height - Em(1.6f);
    auto x_of = [&](double month) { return left + static_cast<float>(month / months) * (right - left); };
    auto y_of = [&](double usd) { return bottom - static_cast<float>((usd - lo) / (hi - lo)) * (bottom - top); };
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);

    // Grid and axis labels.
    // Fewer grid lines on a short chart, so the axis labels never touch.
    const double y_step = NiceStep(hi - lo, std::clamp(static_cast<int>((bottom - top) / Em(2.2f)), 2, 4));
    for (double v = std::ceil(lo / y_step) * y_step; v <= hi; v += y_step) {
        const float y = y_of(v);
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), grid);
        const std::string label = UsdShort(v);
        draw->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - Em(0.3f), y - Em(0.5f)), text,
                      label.c_str());
    }
    const int x_step = months <= 12 ? 3 : months <= 48 ? 6 : 12;
    for (int m = 0; m <= months; m += x_step) {
        const float x = x_of(m);
        draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + Em(0.25f)), text);
        // "month 0" names the axis where there is room; a narrow chart keeps it from touching the next label.
        const std::string label = m == 0 && width > Em(24) ? "month 0" : std::to_string(m);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(std::clamp(x - w / 2, left - Em(1), right - w), bottom + Em(0.3f)), text, label.c_str());
    }
    draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), text);

    // Break-even: the first month the home lab's cumulative cost is at or below the cloud's while it is
    // kept; when it gets there only by being sold at the end, the label says so.
    if (even_shown) {
        const float x = x_of(*even);
        draw->AddLine(ImVec2(x, top - Em(0.3f)), ImVec2(x, bottom), ImGui::GetColorU32(ImGuiCol_Text), Em(0.1f));
        const std::string label =
            (r.break_even_month_owning ? "break-even: month " : "break-even only if sold: month ") +
            std::to_string(*even);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        // Right of the line where it fits, else left of it; never past the chart's edges.
        const float gap = Em(0.3f);
        const float at = x + gap + w <= origin.x + width ? x + gap : std::max(origin.x, x - gap - w);
        draw->AddText(ImVec2(at, origin.y + Em(0.15f)), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    }

    // The curves; ruled-out options faded so the eye goes to what is possible.
    for (const core::OptionReport& o : r.options) {
        const int index = OptionIndex(o.option);
        const ImU32 color = OptionColor(index, o.feasible ? 1.0f : 0.3f);
        // The resale value is credited in the last month (the report's contract): draw the spending line
        // on to the end and the credit as a thin drop, so it reads as a sale, not as a fall in cost.
        const std::size_t n = o.cumulative_usd.size();
        const double resale = o.cost.resale_usd;
        for (std::size_t m = 1; m < n; ++m) {
            const double end = m + 1 == n ? o.cumulative_usd[m] + resale : o.cumulative_usd[m];
            draw->AddLine(ImVec2(x_of(static_cast<double>(m - 1)), y_of(o.cumulative_usd[m - 1])),
                          ImVec2(x_of(static_cast<double>(m)), y_of(end)), color, Em(0.15f));
        }
        if (n > 1 && resale > 0) {
            const float x = x_of(static_cast<double>(n - 1));
            draw->AddLine(ImVec2(x, y_of(o.cumulative_usd.back() + resale)), ImVec2(x, y_of(o.cumulative_usd.back())),
                          color, Em(0.06f));
            draw->AddCircleFilled(ImVec2(x, y_of(o.cumulative_usd.back())), Em(0.22f), color);
        }
    }

    // Hover: the month under the pointer with each option's cumulative cost.
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const int m = std::clamp(
            static_cast<int>(std::lround((mx - left) / (right - left) * static_cast<float>(months))), 0, months);
        draw->AddLine(ImVec2(x_of(m), top), ImVec2(x_of(m), bottom), grid, Em(0.08f));
        ImGui::BeginTooltip();
        ImGui::Text(m == months ? "After month %d (cumulative, resale value credited)" : "After month %d (cumulative)",
                    m);
        for (const core::OptionReport& o : r.options)
            if (static_cast<std::size_t>(m) < o.cumulative_usd.size()) {
                ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(OptionIndex(o.option)));
                ImGui::Text("%s: %s%s", o.label.c_str(), Usd(core::At(o.cumulative_usd, m)).c_str(),
                            o.feasible ? "" : " (ruled out)");
                ImGui::PopStyleColor();
            }
        ImGui::EndTooltip();
    }

    // Legend: entries side by side while they fit, else one per line (phones, small frames).
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const core::OptionReport& o : r.options) {
        const int index = OptionIndex(o.option);
        const std::string label = LegendLabel(o, compact);
        if (&o != &r.options.front()) {
            ImGui::SameLine(0, Em(1.2f));
            if (ImGui::GetCursorScreenPos().x + Em(1.4f) + ImGui::CalcTextSize(label.c_str()).x > right_edge)
                ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.35f), ImVec2(p.x + Em(1.2f), p.y + h * 0.65f),
                            OptionColor(index, o.feasible ? 1.0f : 0.3f));
        ImGui::Dummy(ImVec2(Em(1.4f), h));
        ImGui::SameLine(0, Em(0.2f));
        ImGui::TextUnformatted(label.c_str());
    }
    if (!compact)
        ImGui::TextDisabled("Lines start at the hardware bought in month 0; resale is credited in the last month.");
}

namespace {

struct Row {
    const char* label;
    double (*get)(const core::OptionReport&);
};

void DrawBreakdown(const core::Report& r)
{
    static const Row kRows[] = {
        {"Hardware, up front", [](const core::OptionReport& o) { return o.cost.upfront_usd; }},
        {"Electricity / month", [](const core::OptionReport& o) { return o.cost.monthly.power_usd; }},
        {"Maintenance / month", [](const core::OptionReport& o) { return o.cost.monthly.maintenance_usd; }},
        {"GPU-hours / month", [](const core::OptionReport& o) { return o.cost.monthly.gpu_hours_usd; }},
        {"Storage / month", [](const core::OptionReport& o) { return o.cost.monthly.storage_usd; }},
        {"Egress / month", [](const core::OptionReport& o) { return o.cost.monthly.egress_usd; }},
        {"Idle instances / month", [](const core::OptionReport& o) { return o.cost.monthly.idle_usd; }},
        {"Compliant setup / month", [](const core::OptionReport& o) { return o.cost.monthly.compliance_usd; }},
        {"Running cost / month", [](const core::OptionReport& o) { return o.cost.monthly_usd; }},
        {"Resale at the end", [](const core::OptionReport& o) { return -o.cost.resale_usd; }},
        {"Total over the horizon", [](const core::OptionReport& o) { return o.cost.total_usd; }},
        {"Per hour of work", [](const core::OptionReport& o) { return o.usd_per_work_hour; }},
    };
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
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        WrappedText(row.label);
        for (const core::OptionReport& o : r.options) {
            ImGui::TableNextColumn();
            const double v = row.get(o);
            const std::string text = o.feasible || v != 0 ? Usd(v) : "-";
            // Right-aligned so digits line up.
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetColumnWidth() -
                                 ImGui::CalcTextSize(text.c_str()).x - ImGui::GetStyle().CellPadding.x);
            if (o.feasible)
                ImGui::TextUnformatted(text.c_str());
            else
                ImGui::TextDisabled("%s", text.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace

void DrawCosts(const AppState& state)
{
    DrawCostChart(state.results.report,
                  std::clamp(ImGui::GetContentRegionAvail().x * 0.45f, Em(11), Em(20)) +
                      ImGui::GetTextLineHeightWithSpacing() * 3,
                  false);
    ImGui::Spacing();
    DrawBreakdown(state.results.report);
}

} // namespace labcalc::ui
