#pragma once
// The workload builder's tasks as JSON: the "tasks" list of a scenario file, a link, an embedding message and
// `--set tasks=[...]`. One reader, so every face refuses the same bad task with the same message.
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// A list of at most kMaxTasks objects {"kind": "chat" | "fine_tune" | "train" | "image", ...the keys of that
// kind}; a key the kind does not use, or a value out of its range, is refused with "tasks[i].key: rule". On a
// refusal `*tasks` is unchanged.
Status ReadTasks(const nlohmann::json& v, std::vector<Task>* tasks);
// The same list, each task with its kind's keys only.
nlohmann::json TasksToJson(const std::vector<Task>& tasks);
// `--set tasks=VALUE`: VALUE is that JSON list, or "none" (or "[]") for no tasks.
Status SetTasksText(std::string_view value, std::vector<Task>* tasks);

} // namespace labcalc::core
