// "What would change it": the flip points the core found (the input value where the recommendation
// changes). The course's rules, checked and tickable, are in the course view (panel_course.cpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "core/scenario_fields.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {

std::string FlipSentence(const core::FlipPoint& p)
{
    const core::FieldSpec* f = core::FindField(p.input);
    const std::string label = f ? f->label : p.input;
    // Numbers formatted like the rest of the page; choices (privacy) in the slider's words
    // ("on premises only", not the file key "on_premises_only").
    std::string value = p.value_text;
    const bool numeric = f && (f->kind == core::FieldKind::number || f->kind == core::FieldKind::integer);
    if (f && f->kind == core::FieldKind::choice)
        std::replace(value.begin(), value.end(), '_', ' ');
    if (p.value && numeric) {
        // Rounded towards the side that flips (up for "above", down for "below"), so the value as read,
        // typed back, changes the answer (the core rounds its own value_text the same way).
        const std::string unit = f->unit;
        const int decimals = unit == "USD" ? (std::fabs(*p.value) < 10 ? 2 : 0) : (std::fabs(*p.value) < 1 ? 3 : 1);
        const double step = std::pow(10.0, -decimals);
        const double v = p.direction == "below" ? std::floor(*p.value / step + 1e-9) * step : std::ceil(*p.value / step - 1e-9) * step;
        value = unit == "USD" ? Usd(v) : Number(v, decimals) + (unit.empty() ? "" : " " + unit);
    }
    // Privacy is a choice: say the level ("Privacy need at public"), not "looser public".
    const bool choice = p.direction == "stricter" || p.direction == "looser";
    const std::string where = choice ? label + " at " + value : label + " " + p.direction + " " + value;
    return where + (p.to_fits ? ": " + OptionLabelOf(p.to) + " wins." : ": nothing fits your limits (" + OptionLabelOf(p.to) + " comes closest).");
}

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
        if (p.to.empty())
            continue;
        // A square in the winning option's colour instead of a plain bullet, so the line links to
        // the chart and the map.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x + h * 0.2f, at.y + h * 0.25f), ImVec2(at.x + h * 0.7f, at.y + h * 0.75f),
                                                  OptionColor(OptionIndex(p.to)));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine();
        ImGui::BeginGroup();
        WrappedText(FlipSentence(p));
        ImGui::EndGroup();
        if (!p.note.empty() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", p.note.c_str());
        // Try the value: the line does what it says, and the toolbar offers Undo.
        ImGui::PushID(shown);
        ImGui::Indent(h);
        if (ExposedButton(state, "flip." + std::to_string(shown), "Try it", true, "Try it: " + FlipSentence(p)))
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
        if (p.to.empty() && !p.note.empty()) {
            const core::FieldSpec* f = core::FindField(p.input);
            TextWrappedDisabled(std::string(f ? f->label : p.input.c_str()) + ": " + p.note);
        }
}

} // namespace labcalc::ui
