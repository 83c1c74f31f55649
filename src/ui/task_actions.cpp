// The workload builder's edits (see task_actions.hpp).
#include "ui/task_actions.hpp"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/scenario_fields.hpp"
#include "core/task_json.hpp"
#include "core/text_format.hpp"
#include "core/workload.hpp"
#include "ui/app_actions.hpp"

namespace labcalc::ui {
namespace {

using json = nlohmann::json;

// Writes `tasks` through `--set tasks=...`; an error is kept under `error_key` (the control that caused it).
std::string CommitTasks(AppState& state, const json& tasks, const std::string& error_key)
{
    const std::string error = CommitSetting(state, "tasks", tasks.dump());
    state.field_errors.erase("tasks");
    if (error.empty())
        state.field_errors.erase(error_key);
    else
        state.field_errors[error_key] = error;
    return error;
}

// A starting point for each kind, the sizes a course project would use.
core::Task StartingTask(core::TaskKind kind)
{
    core::Task t;
    t.kind = kind;
    switch (kind) {
    case core::TaskKind::chat: break; // an 8 B model at 4-bit, 100,000 tokens a day
    case core::TaskKind::fine_tune:
        t.params_b = 7;
        t.method = core::FineTuneMethod::qlora;
        t.tokens_millions = 20;
        t.runs_per_month = 2;
        break;
    case core::TaskKind::train: // GPT-2 small (124 M) on 10 B tokens, once a month
        t.params_b = 0.124;
        t.tokens_millions = 10000;
        t.runs_per_month = 1;
        break;
    case core::TaskKind::image: // SDXL
        t.params_b = 3.5;
        t.images_per_day = 200;
        break;
    }
    return t;
}

} // namespace

std::string TaskControlId(std::size_t index, std::string_view field)
{
    return "tasks." + std::to_string(index) + "." + std::string(field);
}

std::string SetTaskField(AppState& state, std::string_view control_id, std::string_view text)
{
    const std::string id(control_id);
    const std::size_t dot = id.find('.', 6);
    const std::size_t index = std::strtoul(id.c_str() + 6, nullptr, 10);
    if (id.rfind("tasks.", 0) != 0 || dot == std::string::npos || index >= state.scenario.tasks.size())
        return "unknown control '" + core::Printable(control_id, 40) + "'";
    const std::string field = id.substr(dot + 1);
    const std::string where = "tasks[" + std::to_string(index) + "]." + field;
    json list = core::TasksToJson(state.scenario.tasks);
    json& task = list[index];
    if (field == "kind") {
        // Another kind keeps the model's size; the rest starts from that kind's starting point.
        json fresh = core::TasksToJson({StartingTask(core::TaskKind::chat)})[0];
        for (core::TaskKind k :
             {core::TaskKind::chat, core::TaskKind::fine_tune, core::TaskKind::train, core::TaskKind::image})
            if (text == core::TaskKindKey(k))
                fresh = core::TasksToJson({StartingTask(k)})[0];
        fresh["kind"] = std::string(text); // an unknown kind is refused by the reader, by name
        fresh["params_b"] = task["params_b"];
        task = fresh;
    } else if (field == "method") {
        task["method"] = std::string(text);
    } else {
        const std::optional<double> v = core::ParseTypedNumber(text);
        if (!v) {
            const std::string error = where + ": must be a number (got '" + core::Printable(text, 40) + "')";
            state.field_errors[id] = error;
            return error;
        }
        if (field == "weight_bits" && *v == static_cast<int>(*v))
            task[field] = static_cast<int>(*v);
        else
            task[field] = *v;
    }
    return CommitTasks(state, list, id);
}

std::string AddTask(AppState& state, core::TaskKind kind)
{
    if (state.scenario.tasks.size() >= core::kMaxTasks) {
        const std::string error = "tasks: at most " + std::to_string(core::kMaxTasks) + " tasks";
        state.field_errors["tasks.add"] = error;
        return error;
    }
    std::vector<core::Task> tasks = state.scenario.tasks;
    tasks.push_back(StartingTask(kind));
    return CommitTasks(state, core::TasksToJson(tasks), "tasks.add");
}

void RemoveTask(AppState& state, std::size_t index)
{
    if (index >= state.scenario.tasks.size())
        return;
    std::vector<core::Task> tasks = state.scenario.tasks;
    tasks.erase(tasks.begin() + static_cast<std::ptrdiff_t>(index));
    // The errors of the tasks after it would now name the wrong task.
    for (auto it = state.field_errors.begin(); it != state.field_errors.end();)
        it = it->first.rfind("tasks.", 0) == 0 ? state.field_errors.erase(it) : std::next(it);
    (void)CommitTasks(state, core::TasksToJson(tasks), "tasks.add");
}

void ClearTasks(AppState& state)
{
    for (auto it = state.field_errors.begin(); it != state.field_errors.end();)
        it = it->first.rfind("tasks.", 0) == 0 ? state.field_errors.erase(it) : std::next(it);
    (void)CommitSetting(state, "tasks", std::string_view("none"));
}

} // namespace labcalc::ui
