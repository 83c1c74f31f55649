// "What would change it": the flip points the core found (the input value where the recommendation
// changes), then the course's rules checked against this scenario.
#include <string>

#include "core/scenario_fields.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {

void DrawFlips(AppState& state)
{
    const core::Report& r = state.report;
    if (state.flips_pending) {
        ImGui::TextDisabled("Release the slider to search for the flip points.");
    } else if (r.flip_points.empty()) {
        ImGui::TextDisabled("No flip points were searched for this scenario.");
    }
    int shown = 0;
    for (const core::FlipPoint& p : r.flip_points) {
        const core::FieldSpec* f = core::FindField(p.input);
        std::string label = f ? f->label : p.input;
        if (!p.to.empty()) {
            const std::string unit = f && f->unit[0] ? std::string(" ") + f->unit : std::string();
            const std::string value = p.value_text.empty() && p.value ? Number(*p.value, 1) : p.value_text;
            ImGui::Bullet();
            ImGui::TextUnformatted((label + " " + p.direction + " " + value + unit + ":").c_str());
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, OptionColor(OptionIndex(p.to)));
            ImGui::TextUnformatted((OptionLabelOf(p.to) + " wins").c_str());
            ImGui::PopStyleColor();
            if (!p.note.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", p.note.c_str());
            ++shown;
        }
    }
    if (!r.flip_points.empty() && shown == 0)
        ImGui::TextDisabled("Within the usual ranges, no single input change flips this recommendation.");
    // Inputs with no flip in range, in one quiet line each.
    for (const core::FlipPoint& p : r.flip_points)
        if (p.to.empty() && !p.note.empty()) {
            const core::FieldSpec* f = core::FindField(p.input);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s: %s", f ? f->label : p.input.c_str(), p.note.c_str());
            ImGui::PopTextWrapPos();
        }

    if (!r.rules.empty() && ImGui::TreeNode("The course's rules, checked against your inputs")) {
        for (const core::RuleCheck& rule : r.rules) {
            ImGui::PushStyleColor(ImGuiCol_Text, OptionColor(OptionIndex(rule.option), rule.matched ? 1.0f : 0.45f));
            ImGui::TextUnformatted(rule.matched ? "[met]" : "[not met]");
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted((OptionLabelOf(rule.option) + ": " + rule.rule).c_str());
            ImGui::TextDisabled("%s", rule.why.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::TreePop();
    }
}

} // namespace labcalc::ui
