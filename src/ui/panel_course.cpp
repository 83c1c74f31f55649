// The course view: the course's "Choose X when" conditions and "Getting started" levels as a checklist.
// A tick shows that the situation meets the line; ticking or unticking sets the inputs to match, and the
// box on top says what that moved (the recommendation, the scores, the reasons). Everything comes from
// the core (core/course.hpp); this only draws it and forwards clicks.
#include <cmath>
#include <string>

#include "core/course.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

std::string Signed(double points)
{
    if (std::fabs(points) < 0.05)
        return "no change";
    return (points > 0 ? "+" : "-") + Number(std::fabs(points), 1);
}

void DrawChange(const AppState& state)
{
    const CourseChange& cc = state.course_change;
    const core::ReportChange& c = cc.change;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_Text));
    WrappedText(std::string(cc.ticked ? "Ticked" : "Unticked") + " \"" + cc.line + "\".");
    std::string set = "Set:";
    for (const std::string& kv : c.settings)
        set += " " + kv + ",";
    set.back() = '.';
    TextWrappedDisabled(set);
    if (c.from != c.to)
        WrappedText("The recommendation moved: " + OptionLabelOf(c.from) + " -> " + OptionLabelOf(c.to) + ".");
    else
        WrappedText("The recommendation stays " + OptionLabelOf(c.to) + ".");
    WrappedText("Scores: Home lab " + Signed(c.score_delta[0]) + ", Cloud " + Signed(c.score_delta[1]) + ", Hybrid " +
                Signed(c.score_delta[2]) + ".");
    for (const core::RuleCheck& r : c.rules_now_met)
        Bullet("Now met: \"" + r.rule + "\" (" + r.section + ")");
    for (const core::RuleCheck& r : c.rules_no_longer_met)
        Bullet("No longer met: \"" + r.rule + "\" (" + r.section + ")");
    // The reasons that came and went; a change of winner rewrites most of them, so a few are enough here
    // (the full list is under "Why" above).
    constexpr std::size_t kShown = 4;
    auto list = [](const std::vector<core::Reason>& reasons, const char* lead) {
        for (std::size_t i = 0; i < reasons.size() && i < kShown; ++i)
            Bullet(lead + reasons[i].text);
        if (reasons.size() > kShown)
            TextWrappedDisabled("... and " + std::to_string(reasons.size() - kShown) + " more (see \"Why\" above).");
    };
    list(c.reasons_added, "New reason: ");
    list(c.reasons_removed, "Reason gone: ");
    ImGui::PopStyleColor();
}

} // namespace

void DrawCourse(AppState& state)
{
    const core::Report& r = state.results.report;
    TextWrappedDisabled("The course's \"Choose ... when\" lines, in short. A tick means your situation meets the line. "
                        "Tick or untick one to set your inputs to match it, and see what it moves.");
    if (state.course_change.valid) {
        ImGui::Spacing();
        DrawChange(state);
        ImGui::Separator();
    }
    const std::vector<core::CourseCondition>& lines = core::CourseConditions();
    std::string section;
    for (std::size_t i = 0; i < lines.size() && i < r.rules.size(); ++i) {
        const core::CourseCondition& line = lines[i];
        // A copy: ticking the line below rebuilds the report, and a reference into it would dangle.
        const core::RuleCheck rule = r.rules[i];
        if (line.section != section) {
            section = line.section;
            ImGui::Spacing();
            if (line.option)
                ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(OptionIndex(*line.option)));
            ImGui::TextUnformatted((section + (!line.option || section == "Getting Started" ? "" : ":")).c_str());
            if (line.option)
                ImGui::PopStyleColor();
        }
        ImGui::PushID(static_cast<int>(i));
        bool checked = rule.matched;
        const bool can_click = line.settable && (!rule.matched || line.can_untick);
        if (!line.settable)
            ImGui::BeginDisabled();
        if (ImGui::Checkbox("##line", &checked) && can_click)
            SetCourseLine(state, i, checked);
        if (!line.settable)
            ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("The course: \"%s\"%s", rule.rule.c_str(),
                              !line.settable ? "\nThis one follows from the costs and scores; it cannot be ticked."
                                  : !line.can_untick && rule.matched ? "\nPick another level to change it."
                                                                     : "");
        const std::string rect_id = "course_" + std::to_string(i);
        RememberItem(state, rect_id.c_str());
        {
            ExposedControl c;
            c.id = "course." + std::to_string(i);
            c.role = ControlRole::checkbox;
            c.label = line.text;
            c.checked = rule.matched;
            c.description = rule.why +
                (!line.settable ? " This one follows from the costs and scores; it cannot be ticked."
                     : !line.can_untick && rule.matched ? " Pick another level to change it."
                                                        : "");
            ExposeLastItem(state, std::move(c));
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        WrappedText(line.text);
        TextWrappedDisabled(r.rules[i].why);
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

} // namespace labcalc::ui
