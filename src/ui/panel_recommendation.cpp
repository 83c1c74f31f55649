// The answer, first and big: which option, by how much, why in plain words, and what each option
// costs or why it is ruled out. Everything is read from the core's report.
#include <cmath>
#include <string>

#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// The option the core measured the margin against.
const core::OptionReport* RunnerUp(const core::Report& r)
{
    for (const core::OptionReport& o : r.options)
        if (o.option == r.runner_up && o.option != r.recommendation)
            return &o;
    return nullptr;
}

void OptionCard(AppState& state, const core::OptionReport& o, bool recommended)
{
    const int index = OptionIndex(o.option);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    // A colour bar at the left edge ties the card to the chart and map colours.
    ImGui::Indent(Em(0.6f));
    ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(index));
    ImGui::TextUnformatted(
        (o.label + (recommended ? (state.results.report.any_feasible ? "  (recommended)" : "  (closest)") : ""))
            .c_str());
    ImGui::PopStyleColor();
    if (o.feasible) {
        // One line that adds up, in whole dollars as shown: up front + running over the horizon - resale.
        const int months = state.results.report.scenario.horizon_months;
        const core::Money& money = state.results.report.money;
        // The total opens its working (the figure a learner most wants to check).
        const std::string total =
            Amount(ShownTotal(o, months, money), money) + " over " + std::to_string(months) + " months";
        const std::string id = std::string(core::OptionKey(o.option)) + ".total_usd";
        if (core::FindWorking(state.results.report.workings, id))
            WorkingLink(state, "card." + id, total, id, o.label + ": " + total);
        else
            WrappedText(total);
        TextWrappedDisabled(CostSum(o, months, money));
        if (!o.setup.empty())
            TextWrappedDisabled(o.setup);
    } else {
        ImGui::TextUnformatted("Ruled out:");
        for (const std::string& b : o.blockers)
            Bullet(b);
    }
    ImGui::Unindent(Em(0.6f));
    const float bottom = ImGui::GetCursorScreenPos().y;
    draw->AddRectFilled(top_left, ImVec2(top_left.x + Em(0.25f), bottom - ImGui::GetStyle().ItemSpacing.y),
                        OptionColor(index, o.feasible ? 1.0f : 0.35f));
}

} // namespace

void DrawVerdict(AppState& state)
{
    const core::Report& r = state.results.report;
    const int index = OptionIndex(r.recommendation);

    ImGui::TextDisabled("%s", r.any_feasible ? "Our recommendation for you" : "Nothing fits yet. Closest to fitting:");
    if (state.fonts.headline)
        ImGui::PushFont(state.fonts.headline);
    ImGui::PushStyleColor(ImGuiCol_Text, OptionTextColor(index));
    ImGui::TextUnformatted(OptionLabelOf(r.recommendation).c_str());
    ImGui::PopStyleColor();
    if (state.fonts.headline)
        ImGui::PopFont();

    // A lead means something only among options that fit; when nothing fits the reasons say what to change.
    if (const core::OptionReport* second = r.any_feasible ? RunnerUp(r) : nullptr) {
        const char* strength = r.margin >= 1.5 ? "a clear lead"
            : r.margin >= 0.5                  ? "a modest lead"
                                               : "a narrow lead: see what would change it";
        WrappedText("Ahead of " + second->label + " by " + Number(r.margin, 1) + " points (" + strength + ").");
        // "Points" defined where it is used: the same scores as the matrix's "Final score" row.
        HelpMarker(
            "Points: each option's score out of 10 for your situation (the mean of the comparison matrix's ten "
            "factor scores, weighted by your weights), plus a bonus for each of the course's \"choose ... when\" "
            "rules it meets. The matrix's \"Final score\" row shows them; an option that is ruled out cannot win.");
    }
    // How sure: the answer over likely futures drawn from the spreads of the inputs (again at every change,
    // while a slider moves too).
    if (r.uncertainty) {
        WrappedText("How sure: " + std::string(core::OptionLabel(r.recommendation)) + " " +
                    core::SureInWords(*r.uncertainty, r.recommendation) + ".");
        const std::string how = "labcalc ran the same model " + std::to_string(r.uncertainty->samples) +
            " times, each time drawing the inputs people guess (hours, bursts, electricity, cloud and "
            "hardware prices, resale, hours on) from a spread around yours. How wide each spread is: "
            "More inputs (advanced), \"How sure are your inputs\".";
        HelpMarker(how.c_str());
    }
}

void DrawReasons(AppState& state)
{
    const core::Report& r = state.results.report;

    if (!r.reasons.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Why:");
        for (const core::Reason& reason : r.reasons)
            ReasonBullet(reason);
    }
    ImGui::Spacing();

    // The three options side by side when there is room, else one under the other.
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail > Em(36);
    if (side_by_side && ImGui::BeginTable("options", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        for (const core::OptionReport& o : r.options) {
            ImGui::TableNextColumn();
            OptionCard(state, o, o.option == r.recommendation);
        }
        ImGui::EndTable();
    } else {
        for (const core::OptionReport& o : r.options) {
            OptionCard(state, o, o.option == r.recommendation);
            ImGui::Spacing();
        }
    }
}

} // namespace labcalc::ui
