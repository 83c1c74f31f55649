// "What would change it": the flip points the core found (the input value where the recommendation
// changes). The course's rules, checked and tickable, are in the course view (panel_course.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "core/flip_points.hpp"
#include "core/scenario_fields.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {

void DrawFlips(AppState& state)
{
    const core::Report& r = state.results.report;
    const core::Money& money = r.money;
    if (state.results.flips_pending) {
        ImGui::TextDisabled("Release the slider to search for the flip points.");
    } else if (r.flip_points.empty()) {
        ImGui::TextDisabled("No flip points were searched for this scenario.");
    }
    int shown = 0;
    for (const core::FlipPoint& p : r.flip_points) {
        if (!p.to)
            continue;
        // A square in the winning option's colour instead of a plain bullet, so the line links to
        // the chart and the map.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x + h * 0.2f, at.y + h * 0.25f),
                                                  ImVec2(at.x + h * 0.7f, at.y + h * 0.75f),
                                                  OptionColor(OptionIndex(*p.to)));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        ImGui::BeginGroup();
        WrappedText(core::FlipInWords(p, money));
        ImGui::EndGroup();
        if (!p.note.empty() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", p.note.c_str());
        // Try the value: the line does what it says, and the toolbar offers Undo.
        ImGui::PushID(shown);
        ImGui::Indent(h);
        if (ExposedButton(state, "flip." + std::to_string(shown), "Try it", true,
                          "Try it: " + core::FlipInWords(p, money)))
            TryFlipPoint(state, p);
        RememberItem(state, ("try_flip_" + std::to_string(shown)).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Set this value and see the answer change; Undo at the top brings yours back.");
        ImGui::Unindent(h);
        ImGui::PopID();
        ++shown;
    }
    if (!r.flip_points.empty() && shown == 0)
        ImGui::TextDisabled("Within the usual ranges, no single input change flips this recommendation.");
    // Inputs with no flip in range, in one quiet line each.
    for (const core::FlipPoint& p : r.flip_points)
        if (!p.to && !p.note.empty()) {
            const core::FieldSpec* f = core::FindField(p.input);
            TextWrappedDisabled(std::string(f ? f->label : p.input.c_str()) + ": " + p.note);
        }
    // The guesses whose uncertainty moves the answer most (each spread on its own, core::SampleOutcomes).
    if (r.uncertainty && !r.uncertainty->sways.empty() && r.uncertainty->sways.front().p_changes > 0) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Your guesses that matter most:");
        int listed = 0;
        for (const core::Uncertainty::Sway& w : r.uncertainty->sways)
            if (w.p_changes > 0 && listed++ < 3)
                TextWrappedDisabled(std::string(w.label) + ": the answer changes in " +
                                    Number(std::round(w.p_changes * 100), 0) +
                                    "% of the futures drawn from its spread");
    }
}

} // namespace labcalc::ui
