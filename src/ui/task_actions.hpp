#pragma once
// The workload builder's edits (panel_workload.cpp and the page's elements for it). Each goes through the
// core's tasks reader, as a file or link would: a refusal names the task's field and its rule, shows under
// that field, and the last good tasks stay.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/scenario.hpp"
#include "ui/app_state.hpp"

namespace labcalc::ui {

// Control ids of a task's fields: "tasks.<index>.<field>" (field as in the scenario file: params_b, kind, ...).
std::string TaskControlId(std::size_t index, std::string_view field);
// Sets a task's field from typed text or a choice's value ("qlora", "8", "fine_tune"). Returns "" or the error.
std::string SetTaskField(AppState& state, std::string_view control_id, std::string_view text);
// Adds a task of `kind` with a starting point a learner can edit ("" or the error: at most kMaxTasks).
std::string AddTask(AppState& state, core::TaskKind kind);
void RemoveTask(AppState& state, std::size_t index);
// No tasks: the hours and memory typed stand again.
void ClearTasks(AppState& state);

} // namespace labcalc::ui
