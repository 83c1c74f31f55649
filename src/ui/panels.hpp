#pragma once
// One function per panel (one .cpp each), all drawing from and editing AppState. app.cpp arranges them.
#include "ui/app_state.hpp"
#include "ui/platform_services.hpp"

namespace labcalc::ui {

void DrawHeadlineInputs(AppState& state);                       // panel_inputs.cpp
void DrawAdvancedInputs(AppState& state);                       // panel_inputs.cpp
void DrawVerdict(AppState& state);                              // panel_recommendation.cpp: the answer, big
void DrawReasons(AppState& state);                              // panel_recommendation.cpp: why, and each option's cost
void DrawCosts(AppState& state);                                // panel_costs.cpp
void DrawMatrix(AppState& state);                               // panel_matrix.cpp
void DrawFlips(AppState& state);                                // panel_flips.cpp
void DrawDecisionMap(AppState& state);                          // panel_decision_map.cpp
void DrawAssumptions(AppState& state, PlatformServices& services); // panel_assumptions.cpp
void DrawToolbar(AppState& state, PlatformServices& services);  // panel_toolbar.cpp
void DrawFileMenu(AppState& state, PlatformServices& services); // panel_files.cpp: the "File..." popup (desktop)

} // namespace labcalc::ui
