// The frame: arranges the panels for the screen at hand. Wide screens: inputs on the left, results on
// the right; narrow screens (phones): the answer first, the three sliders right under it, then the rest.
#include "ui/app.hpp"

#include <algorithm>
#include <utility>

#include "imgui.h"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// A white card behind a block of widgets: draw the content on the front channel, then the
// background on the back channel once the size is known.
struct Card {
    ImDrawList* draw;
    ImVec2 start;
};

Card BeginCard()
{
    Card card{ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos()};
    card.draw->ChannelsSplit(2);
    card.draw->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Indent(Em(0.6f));
    ImGui::Dummy(ImVec2(0, Em(0.1f)));
    return card;
}

void EndCard(const Card& card)
{
    ImGui::Dummy(ImVec2(0, Em(0.1f)));
    ImGui::Unindent(Em(0.6f));
    ImGui::EndGroup();
    const ImVec2 end(card.start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + Em(0.3f));
    card.draw->ChannelsSetCurrent(0);
    card.draw->AddRectFilled(card.start, end, ImGui::GetColorU32(ImGuiCol_ChildBg), Em(0.4f));
    card.draw->AddRect(card.start, end, ImGui::GetColorU32(ImGuiCol_Border, 0.5f), Em(0.4f));
    card.draw->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, Em(0.4f)));
}

bool Section(AppState& state, const char* id, const char* title, bool open_by_default = true)
{
    return ExposedSection(state, std::string("section.") + id, title, open_by_default);
}

void DrawResults(AppState& state, PlatformServices& services, bool narrow)
{
    // Narrow screens: the answer, then the three sliders right under it (visible without scrolling on
    // a phone), then the reasons. Wide screens: the sliders are in the left column.
    const Card card = BeginCard();
    DrawVerdict(state);
    if (!narrow)
        DrawReasons(state);
    EndCard(card);
    if (narrow) {
        const Card inputs = BeginCard();
        ImGui::TextDisabled("Your situation");
        DrawHeadlineInputs(state);
        EndCard(inputs);
        if (Section(state, "workload", "What do you want to run? (optional)", !state.scenario.tasks.empty()))
            DrawWorkloadBuilder(state);
        const Card reasons = BeginCard();
        DrawReasons(state);
        EndCard(reasons);
    }

    const float width = ImGui::GetContentRegionAvail().x;
    if (width > Em(70) && ImGui::BeginTable("two_columns", 2, ImGuiTableFlags_SizingStretchSame)) {
        // Very wide screens: costs beside "what would change it" and the map.
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (Section(state, "costs", "Cost over time"))
            DrawCosts(state);
        ImGui::TableNextColumn();
        if (Section(state, "map", "Decision map: budget x hours per week"))
            DrawDecisionMap(state);
        ImGui::EndTable();
    } else {
        if (Section(state, "costs", "Cost over time"))
            DrawCosts(state);
        // On wide screens the flip points sit under the sliders they are about.
        if (narrow && Section(state, "flips", "What would change the answer"))
            DrawFlips(state);
        if (Section(state, "map", "Decision map: budget x hours per week"))
            DrawDecisionMap(state);
    }
    if (Section(state, "matrix", "Comparison matrix: the course's ten factors and carbon x three options", false))
        DrawMatrix(state);
    const bool course_open =
        Section(state, "course", "The course, line by line: choose home, cloud or hybrid when...", false);
    RememberItem(state, "course_section");
    if (course_open)
        DrawCourse(state);
    if (narrow && Section(state, "advanced", "More inputs (advanced)", state.show_advanced))
        DrawAdvancedInputs(state);
    const bool show_sources = Section(state, "sources", "Where the numbers come from", false);
    RememberItem(state, "sources_section");
    if (show_sources)
        DrawAssumptions(state, services);
}

// Whether the platform should draw again soon: results still to work out here (futures a platform's job brings
// wake it when they come), a link to write, or a control that asked for it.
bool WantsAnotherFrame(AppState& state, bool interacting)
{
    return state.results.dirty || (state.results.samples_pending && !interacting && state.live.in_flight == 0) ||
        state.sync.persist_pending || std::exchange(state.a11y.redraw, false);
}

} // namespace

bool DrawApp(AppState& state, PlatformServices& services)
{
    // An active widget (a held slider) means the learner is mid-gesture: the expensive flip-point search
    // and the link/storage writes wait for the release. Typing into a box is not a gesture: each
    // change is complete, so the list "what would change the answer" stays (it does not collapse to
    // "release the slider" and shift the column under the box being typed in).
    const bool interacting = ImGui::IsAnyItemActive() && !ImGui::GetIO().WantTextInput;
    StartReleaseSamples(state, services, interacting);
    RecomputeIfDirty(state, interacting, true);
    StartLiveSamples(state, services);
    state.a11y.controls.clear(); // listed again as this frame draws them
    if (state.embedding.page.embed) {
        DrawEmbeddedApp(state, services);
        PersistIfPending(state, services, ImGui::IsAnyItemActive());
        PublishSummaryIfChanged(state, services);
        state.a11y.pending_presses.clear(); // a press for a control no longer drawn is dropped
        return WantsAnotherFrame(state, interacting);
    }

    const bool wide = ImGui::GetMainViewport()->WorkSize.x >= Em(kWideLayoutEm);
    // Narrow: the whole page scrolls as one column. Wide: each side scrolls on its own.
    BeginRootWindow("labcalc", wide ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);
    DrawToolbar(state, services);
    ImGui::Spacing();
    if (!state.results.has_report) {
        ImGui::TextUnformatted("Working out the costs...");
    } else if (wide) {
        const float left_width = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, Em(20), Em(30));
        // Always a scrollbar: otherwise the sliders change width whenever the flip-point list grows
        // past the column's height, and a click aimed a moment earlier lands elsewhere.
        ImGui::BeginChild("inputs", ImVec2(left_width, 0), true, ImGuiWindowFlags_AlwaysVerticalScrollbar);
        ImGui::TextDisabled("Your situation");
        DrawHeadlineInputs(state);
        ImGui::Spacing();
        if (Section(state, "workload", "What do you want to run? (optional)", !state.scenario.tasks.empty()))
            DrawWorkloadBuilder(state);
        if (Section(state, "flips", "What would change the answer"))
            DrawFlips(state);
        if (Section(state, "advanced", "More inputs (advanced)", state.show_advanced))
            DrawAdvancedInputs(state);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("results", ImVec2(0, 0), false);
        DrawResults(state, services, false);
        ImGui::EndChild();
    } else {
        DrawResults(state, services, true);
    }
    DrawWorking(state);
    ImGui::End();

    PersistIfPending(state, services, ImGui::IsAnyItemActive());
    PublishSummaryIfChanged(state, services);
    state.a11y.pending_presses.clear(); // a press for a control no longer drawn is dropped
    return WantsAnotherFrame(state, interacting);
}

} // namespace labcalc::ui
