// The course's comparison matrix: its ten factors and labcalc's carbon row x three options, this scenario's 0..10 scores from the
// core, and the learner's weights (editable; they change the recommendation live).
#include <algorithm>
#include <cmath>
#include <string>

#include "core/index.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// A score as a number with a short bar under it, so a row reads at a glance.
void ScoreCell(double score, int option_index, bool best)
{
    const std::string text = Number(score, 1);
    if (best)
        ImGui::TextUnformatted(text.c_str());
    else
        ImGui::TextDisabled("%s", text.c_str());
    const ImVec2 min = ImGui::GetItemRectMin();
    const float full = Em(3.5f);
    const float y = ImGui::GetItemRectMax().y;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(min.x, y), ImVec2(min.x + full, y + Em(0.18f)), ImGui::GetColorU32(ImGuiCol_FrameBg));
    draw->AddRectFilled(ImVec2(min.x, y),
                        ImVec2(min.x + full * static_cast<float>(std::clamp(score, 0.0, 10.0) / 10), y + Em(0.18f)),
                        OptionColor(option_index, best ? 1.0f : 0.5f));
}

} // namespace

void DrawMatrix(AppState& state)
{
    const core::Report& r = state.results.report;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Scores run from 0 (poor) to 10 (excellent) for your situation. Drag a weight to say how much a "
        "factor matters to you (0 = ignore it).");
    ImGui::PopTextWrapPos();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX | ImGuiTableFlags_NoHostExtendY;
    const float height = ImGui::GetFrameHeightWithSpacing() * (core::kFactorCount + 4.5f);
    if (!ImGui::BeginTable("matrix", 5, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Factor", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Your weight", ImGuiTableColumnFlags_WidthFixed, Em(7));
    for (const core::OptionReport& o : r.options)
        ImGui::TableSetupColumn(o.label.c_str(), ImGuiTableColumnFlags_WidthFixed, Em(4.5f));
    ImGui::TableHeadersRow();

    for (int f = 0; f < core::kFactorCount; ++f) {
        ImGui::PushID(f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(core::FactorLabel(static_cast<core::Factor>(f)));
        ImGui::TableNextColumn();
        float weight = static_cast<float>(core::At(state.scenario.weights, f));
        ImGui::SetNextItemWidth(-1);
        const std::string key = std::string("weights.") + core::FactorKey(static_cast<core::Factor>(f));
        if (ImGui::SliderFloat("##w", &weight, 0.0f, 10.0f, "%.0f", ImGuiSliderFlags_AlwaysClamp))
            (void)CommitSetting(state, key, std::round(static_cast<double>(weight)));
        {
            ExposedControl c;
            c.id = key;
            c.role = ControlRole::slider;
            c.label = std::string("Weight of ") + core::FactorLabel(static_cast<core::Factor>(f));
            c.value = core::At(state.scenario.weights, f);
            c.min = 0;
            c.max = 10;
            c.value_text = Number(c.value, 1) + " of 10";
            ExposeLastItem(state, std::move(c));
        }
        double best = -1;
        for (const core::OptionReport& o : r.options)
            best = std::max(best, core::At(o.factors, f));
        for (const core::OptionReport& o : r.options) {
            ImGui::TableNextColumn();
            const double score = core::At(o.factors, f);
            ScoreCell(score, OptionIndex(o.option), score >= best);
        }
        ImGui::PopID();
    }
    auto summary_row = [&](const char* label, const char* tip, auto value_of) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tip);
        ImGui::TableNextColumn();
        for (const core::OptionReport& o : r.options) {
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(OptionIndex(o.option), o.feasible ? 1.0f : 0.4f));
            ImGui::TextUnformatted(value_of(o).c_str());
            ImGui::PopStyleColor();
        }
    };
    summary_row("Weighted score", "Mean of the ten scores, weighted by your weights.",
                [](const core::OptionReport& o) { return Number(o.factor_score, 2); });
    summary_row("Course rules met",
                "How many of the course's \"Choose ... when\" rules your situation meets for this option.",
                [](const core::OptionReport& o) { return std::to_string(o.rules_matched); });
    summary_row("Final score", "Weighted score plus a bonus for the course rules met. Ruled-out options cannot win.",
                [](const core::OptionReport& o) { return o.feasible ? Number(o.score, 2) : std::string("ruled out"); });
    ImGui::EndTable();
}

} // namespace labcalc::ui
