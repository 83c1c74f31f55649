// The decision map: the recommendation over budget (up) x hours per week (across), everything else
// as in the scenario (computed by the core's ComputeDecisionMap when inputs change). The current
// scenario is marked; clicking a cell moves the scenario there.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "ui/app_actions.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// Fractional index of `value` among increasing axis samples (so the marker sits between cells).
float FractionalIndex(double value, int count, double (*at)(const core::DecisionMap&, int),
                      const core::DecisionMap& map)
{
    if (count <= 1)
        return 0;
    if (value <= at(map, 0))
        return 0;
    for (int i = 1; i < count; ++i) {
        const double a = at(map, i - 1), b = at(map, i);
        if (value <= b)
            return static_cast<float>(i - 1) + (b > a ? static_cast<float>((value - a) / (b - a)) : 0.0f);
    }
    return static_cast<float>(count - 1);
}

double HoursAt(const core::DecisionMap& m, int i) { return m.HoursAt(i); }
double BudgetAt(const core::DecisionMap& m, int i) { return m.BudgetAt(i); }

} // namespace

void DrawDecisionMap(AppState& state)
{
    const core::DecisionMap& map = state.results.decision_map;
    if (map.columns <= 0 || map.rows <= 0 || map.cells.size() < static_cast<std::size_t>(map.columns * map.rows)) {
        ImGui::TextDisabled("The decision map is not available.");
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::clamp(width * 0.55f, Em(10), Em(18));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("map", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    ImDrawList* draw = ImGui::GetWindowDrawList();

    const float left = origin.x + Em(3.6f), right = origin.x + width - Em(0.3f);
    const float top = origin.y + Em(0.3f), bottom = origin.y + height - Em(1.6f);
    const float cell_w = (right - left) / static_cast<float>(map.columns);
    const float cell_h = (bottom - top) / static_cast<float>(map.rows);
    // Row 0 (the lowest budget) at the bottom, like a chart.
    for (int row = 0; row < map.rows; ++row)
        for (int col = 0; col < map.columns; ++col) {
            const core::Outcome cell = map.At(col, row);
            const float x0 = left + static_cast<float>(col) * cell_w;
            const float y0 = bottom - static_cast<float>(row + 1) * cell_h;
            draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + cell_w + 0.5f, y0 + cell_h + 0.5f),
                                OptionColor(static_cast<int>(cell.option), cell.fits ? 0.85f : 0.25f));
        }

    // How sure: stripes over the parts where the answer holds in fewer than 8 of 10 likely futures (denser
    // below 6 of 10), so the colour stays readable (paleness already says "nothing fits").
    const core::ConfidenceMap& sure = state.results.confidence_map;
    if (sure.columns > 0 && sure.rows > 0 && sure.hours_max == map.hours_max &&
        sure.budget_max_usd == map.budget_max_usd && !state.results.confidence_pending) {
        const float sw = (right - left) / static_cast<float>(sure.columns);
        const float sh = (bottom - top) / static_cast<float>(sure.rows);
        const ImU32 stripe = IM_COL32(255, 255, 255, 150);
        for (int row = 0; row < sure.rows; ++row)
            for (int col = 0; col < sure.columns; ++col) {
                const float share = sure.At(col, row);
                if (share >= 0.8f)
                    continue;
                const ImVec2 a(left + static_cast<float>(col) * sw, bottom - static_cast<float>(row + 1) * sh);
                const ImVec2 b(a.x + sw, a.y + sh);
                const float gap = share < 0.6f ? Em(0.45f) : Em(0.9f);
                draw->PushClipRect(a, b, true);
                for (float x = a.x - sh; x < b.x; x += gap)
                    draw->AddLine(ImVec2(x, b.y), ImVec2(x + sh, a.y), stripe, Em(0.1f));
                draw->PopClipRect();
            }
    }

    // Axes: first, middle and last sample of each.
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (int row : {0, map.rows / 2, map.rows - 1}) {
        const std::string label = UsdShort(map.BudgetAt(row), state.results.report.money);
        const float y = bottom - (static_cast<float>(row) + 0.5f) * cell_h;
        draw->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - Em(0.3f), y - Em(0.5f)), text,
                      label.c_str());
    }
    for (int col : {0, map.columns / 2, map.columns - 1}) {
        const std::string label = Number(map.HoursAt(col), 0) + (col == map.columns - 1 ? " h/week" : "");
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        const float x = left + (static_cast<float>(col) + 0.5f) * cell_w;
        draw->AddText(ImVec2(std::clamp(x - w / 2, left, right - w), bottom + Em(0.3f)), text, label.c_str());
    }

    // The current scenario: a ring with a dark and a light stroke, visible on every colour.
    // The hours the model ran on: with tasks, theirs.
    const float fx = FractionalIndex(state.results.report.scenario.hours_per_week, map.columns, HoursAt, map);
    const float fy = FractionalIndex(state.scenario.budget_usd, map.rows, BudgetAt, map);
    const ImVec2 you(left + (fx + 0.5f) * cell_w, bottom - (fy + 0.5f) * cell_h);
    draw->AddCircle(you, Em(0.55f), colors::kMarkerHalo, 0, Em(0.3f));
    draw->AddCircle(you, Em(0.55f), colors::kMarker, 0, Em(0.12f));
    draw->AddText(ImVec2(std::min(you.x + Em(0.7f), right - Em(2)), you.y - Em(1.2f)), colors::kMarker, "you");

    if (hovered) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const int col = std::clamp(static_cast<int>((mouse.x - left) / cell_w), 0, map.columns - 1);
        const int row = std::clamp(static_cast<int>((bottom - mouse.y) / cell_h), 0, map.rows - 1);
        const core::Outcome cell = map.At(col, row);
        ImGui::SetTooltip("%s h/week, %s budget: %s%s\nClick to move your scenario here.",
                          Number(map.HoursAt(col), 1).c_str(),
                          Usd(map.BudgetAt(row), state.results.report.money).c_str(), core::OptionLabel(cell.option),
                          cell.fits ? "" : " (nothing fits yet; closest)");
        if (clicked && !state.scenario.tasks.empty()) {
            // The tasks set the hours: a click moves the budget only.
            (void)CommitSetting(state, "budget_usd", std::round(map.BudgetAt(row) / 10) * 10);
        } else if (clicked) {
            // Both values or neither.
            (void)CommitSettings(state,
                                 {{"hours_per_week", core::FormatNumber(std::round(map.HoursAt(col) * 2) / 2)},
                                  {"budget_usd", core::FormatNumber(std::round(map.BudgetAt(row) / 10) * 10)}});
        }
    }
    // Legend.
    for (int i = 0; i < core::kOptionCount; ++i) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        draw->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), OptionColor(i, 0.85f));
        ImGui::Dummy(ImVec2(h * 0.7f, h));
        ImGui::SameLine();
        ImGui::TextUnformatted(core::OptionLabel(static_cast<core::Option>(i)));
        ImGui::SameLine(0, Em(1));
    }
    // On the same line while it fits, else on the next (phones).
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("faded: nothing fits").x > right_edge)
        ImGui::NewLine();
    ImGui::TextDisabled("faded: nothing fits");
    ImGui::SameLine(0, Em(1));
    if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize("striped: less sure").x > right_edge)
        ImGui::NewLine();
    ImGui::TextDisabled("striped: less sure");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Where the answer holds in fewer than 8 of 10 likely futures (denser: fewer than 6), "
                          "drawn from the spreads of your inputs.");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Budget up, hours per week across; every other input as you set it.");
    ImGui::PopTextWrapPos();
}

} // namespace labcalc::ui
