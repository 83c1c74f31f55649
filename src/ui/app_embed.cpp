// The compact layout for a frame in a lesson (#embed=1): the answer, the three sliders, as many
// reasons as fit, and the cost chart in the height that is left, with a link to the full calculator.
// It never scrolls: from 320 x 400 CSS pixels up everything named here fits, so the wheel is left to
// the lesson page (the platform passes it on when no ImGui window can scroll).
#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/app_actions.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// Height a reason takes at the current width: its text and its course line (ReasonBullet), wrapped.
float ReasonHeight(const core::Reason& reason)
{
    const float wrap = std::max(Em(4), ImGui::GetContentRegionAvail().x - Em(1.6f));
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    return ImGui::CalcTextSize(reason.text.c_str(), nullptr, false, wrap).y +
           ImGui::CalcTextSize(("Course: " + reason.course).c_str(), nullptr, false, wrap).y + 2 * spacing + Em(0.2f);
}

} // namespace

void DrawEmbeddedApp(AppState& state, PlatformServices& services)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(Em(0.6f), Em(0.5f)));
    ImGui::Begin("labcalc_embedded", nullptr, flags);
    ImGui::PopStyleVar();
    if (!state.has_report) {
        ImGui::TextUnformatted("Working out the costs...");
        ImGui::End();
        return;
    }
    const core::Report& r = state.report;
    const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;

    // The answer, and the way out to the full calculator on the same line when it fits.
    if (state.fonts.headline)
        ImGui::PushFont(state.fonts.headline);
    ImGui::PushStyleColor(ImGuiCol_Text, OptionColor(OptionIndex(r.recommendation)));
    ImGui::TextUnformatted(OptionLabelOf(r.recommendation).c_str());
    ImGui::PopStyleColor();
    if (state.fonts.headline)
        ImGui::PopFont();
    const char* open_label = "Full calculator";
    const float open_width = ImGui::CalcTextSize(open_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - open_width));
    if (ImGui::SmallButton(open_label))
        OpenFullCalculator(state, services);
    RememberItem(state, "embed_open_full");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Opens the whole calculator with this scenario in a new tab: every input, the decision map, "
                          "the comparison matrix and where each number comes from.");
    TextWrappedDisabled(std::string(r.any_feasible ? "recommended" : "nothing fits all your limits; least bad") + ", " +
                        Number(r.margin, 1) + " points ahead");

    DrawHeadlineInputs(state, true);
    if (!state.error_message.empty())
        TextWrappedColored(IM_COL32(190, 25, 25, 255), state.error_message);

    // Reasons while they fit above the chart's minimum height; the rest are in the full calculator.
    const float chart_min = Em(7.5f);
    const float legend = ImGui::GetTextLineHeightWithSpacing() * 2; // one or two lines
    ImGui::Spacing();
    // The first reason always shows (the answer comes with its why); the others while they fit.
    bool first = true;
    for (const core::Reason& reason : r.reasons) {
        if (!first && ImGui::GetCursorScreenPos().y + ReasonHeight(reason) > bottom - chart_min - legend)
            break;
        ReasonBullet(reason);
        first = false;
    }
    // The chart takes the height left (its legend goes under it).
    const float chart_height = std::max(Em(4) + legend, bottom - ImGui::GetCursorScreenPos().y);
    ImGui::BeginGroup();
    DrawCostChart(r, chart_height, true);
    ImGui::EndGroup();
    RememberItem(state, "embed_chart");
    ImGui::End();
}

} // namespace labcalc::ui
