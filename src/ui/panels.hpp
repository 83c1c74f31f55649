#pragma once
// One function per panel (one .cpp each). A panel that only shows takes `const AppState&`; one with controls
// takes AppState& (it edits the scenario through app_actions and lists its controls in state.a11y).
// app.cpp arranges them.
#include "ui/app_state.hpp"
#include "ui/platform_services.hpp"

namespace labcalc::ui {

void DrawHeadlineInputs(AppState& state, bool compact = false); // panel_inputs.cpp (compact: label beside slider)
void DrawAdvancedInputs(AppState& state);                       // panel_inputs.cpp
void DrawWorkloadBuilder(AppState& state);                      // panel_workload.cpp: "What do you want to run?"
void DrawVerdict(AppState& state);                              // panel_recommendation.cpp: the answer, big
void DrawReasons(AppState& state);                              // panel_recommendation.cpp: why, and each option's cost
void DrawCosts(AppState& state);                                // panel_costs.cpp
// The cumulative-cost chart with its legend (and, unless compact, a footnote) in `total_height` pixels;
// compact (a lesson frame): the legend carries each total and opens its working.
void DrawCostChart(AppState& state, float total_height, bool compact); // panel_costs.cpp
void DrawMatrix(AppState& state);                                      // panel_matrix.cpp
void DrawFlips(AppState& state);                                       // panel_flips.cpp
void DrawDecisionMap(AppState& state);                                 // panel_decision_map.cpp
void DrawCourse(AppState& state); // panel_course.cpp: the course's lines as a checklist
void DrawEmbeddedApp(AppState& state, PlatformServices& services); // app_embed.cpp: the compact layout for a frame
void DrawAssumptions(AppState& state, PlatformServices& services); // panel_assumptions.cpp
void DrawToolbar(AppState& state, PlatformServices& services);     // panel_toolbar.cpp
// panel_files.cpp: the "File..." popup (desktop)
void DrawFileMenu(AppState& state, PlatformServices& services);
// panel_working.cpp: the working of the figure clicked, over the page
void DrawWorking(AppState& state);
// A figure drawn as a link (the link colour, `text` at its own width) that opens working `working_id`; listed
// for the platform as the button `control_id` named `name`. Returns true when it opened it. (panel_working.cpp)
bool WorkingLink(AppState& state, const std::string& control_id, const std::string& text, const std::string& working_id,
                 const std::string& name, bool enabled = true);

} // namespace labcalc::ui
