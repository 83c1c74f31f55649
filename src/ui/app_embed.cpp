// The compact layout for a frame in a lesson (#embed=1): the answer, the three sliders, as many
// reasons as fit, and the cost chart in the height that is left, with a link to the full calculator.
// It never scrolls: from 320 x 400 CSS pixels up everything named here fits, so the wheel is left to
// the lesson page (the platform passes it on when no ImGui window can scroll).
#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// Height a reason takes at the current width (ReasonBullet with the section only), wrapped.
float ReasonHeight(const core::Reason& reason)
{
    const float wrap = std::max(Em(4), ImGui::GetContentRegionAvail().x - Em(1.6f));
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    return ImGui::CalcTextSize(reason.text.c_str(), nullptr, false, wrap).y +
        ImGui::CalcTextSize(ReasonCourseLine(reason, true).c_str(), nullptr, false, wrap).y + 2 * spacing + Em(0.3f);
}

} // namespace

void DrawEmbeddedApp(AppState& state, PlatformServices& services)
{
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(Em(0.6f), Em(0.5f)));
    BeginRootWindow("labcalc_embedded", ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (!state.results.has_report) {
        ImGui::TextUnformatted("Working out the costs...");
        ImGui::End();
        return;
    }
    const core::Report& r = state.results.report;
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;

    // The answer, its lead, and the way out to the full calculator, on one line.
    if (state.fonts.headline)
        ImGui::PushFont(state.fonts.headline);
    ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(OptionIndex(r.recommendation)));
    ImGui::TextUnformatted(OptionLabelOf(r.recommendation).c_str());
    ImGui::PopStyleColor();
    if (state.fonts.headline)
        ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", r.any_feasible ? ("+" + Number(r.margin, 1) + " pts").c_str() : "closest");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(r.any_feasible ? "Recommended: %s points ahead of the runner-up."
                                         : "Nothing fits yet; this comes closest to fitting.",
                          Number(r.margin, 1).c_str());
    // A problem with the frame's link is for the lesson's author: a red mark on this line, the whole
    // message on hover (a line of its own would take the room of a reason in a small frame).
    if (!state.error_message.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, colors::kError);
        ImGui::TextUnformatted("(!)");
        ImGui::PopStyleColor();
        RememberItem(state, "error_message");
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(Em(22));
            ImGui::TextUnformatted(("A problem with this frame's link: " + state.error_message).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    const char* open_label = "Full calculator";
    const float open_width = ImGui::CalcTextSize(open_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - open_width));
    if (ExposedButton(state, "embed.open_full", open_label, true, "Open the full calculator in a new tab"))
        OpenFullCalculator(state, services);
    RememberItem(state, "embed_open_full");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Opens the whole calculator with this scenario in a new tab: every input, the decision map, "
                          "the comparison matrix, the course checklist and where each number comes from.");

    DrawHeadlineInputs(state, true);
    // Reasons while they fit above the chart's minimum height; the rest are in the full calculator.
    const float chart_min = Em(8.5f);
    ImGui::Spacing();
    for (const core::Reason& reason : r.reasons) {
        if (ImGui::GetCursorScreenPos().y + ReasonHeight(reason) > bottom - chart_min)
            break;
        ReasonBullet(reason, true);
        if (&reason == &r.reasons.front())
            RememberItem(state, "embed_reason_0");
    }
    // The chart takes the height left (its legend goes under it).
    const float chart_height = std::max(Em(6), bottom - ImGui::GetCursorScreenPos().y);
    ImGui::BeginGroup();
    DrawCostChart(state, chart_height, true);
    ImGui::EndGroup();
    RememberItem(state, "embed_chart");
    DrawWorking(state);
    ImGui::End();
}

} // namespace labcalc::ui
