// "What do you want to run?": the workload builder. A learner lists tasks (a chat model, a fine-tune, training
// from scratch, image generation); the core works out the memory and the hours a week from them (workload.hpp),
// and each task's result opens its working. Every field is listed for the page's elements.
#include <cmath>
#include <string>

#include "core/text_format.hpp"
#include "core/workload.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/task_actions.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

struct Choice {
    const char* value; // what SetTaskField takes
    const char* text;  // what a person reads
};
constexpr Choice kKinds[] = {{"chat", "Run a chat model"},
                             {"fine_tune", "Fine-tune a model"},
                             {"train", "Train a model from scratch"},
                             {"image", "Generate images"}};
constexpr Choice kBits[] = {{"16", "16-bit (full size)"}, {"8", "8-bit"}, {"4", "4-bit (the usual download)"}};
constexpr Choice kMethods[] = {
    {"lora", "LoRA (16-bit model, small adapter)"}, {"qlora", "QLoRA (4-bit model)"}, {"full", "Full (every weight)"}};

std::string ErrorOf(const AppState& state, const std::string& id)
{
    const auto it = state.field_errors.find(id);
    return it == state.field_errors.end() ? "" : it->second;
}

// The label column, then the input filling the rest of the line but for its unit (`unit_text`, "" none).
void Label(const char* label, const char* help, float label_width, const char* unit_text = "")
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", help);
    if (label_width > 0)
        ImGui::SameLine(label_width);
    const float unit = unit_text[0] ? ImGui::CalcTextSize(unit_text).x + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    ImGui::SetNextItemWidth(-Em(0.6f) - unit);
}

// A number a person types (committed when the edit ends), listed as the page's decimal box.
void TaskNumber(AppState& state, std::size_t index, const char* field, const char* label, const char* unit,
                const char* help, double value, float label_width, const char* unit_text)
{
    const std::string id = TaskControlId(index, field);
    Label(label, help, label_width, unit_text);
    std::string& buffer = state.edit_buffers[id];
    ImGui::PushID(id.c_str());
    if (ImGui::GetActiveID() != ImGui::GetID("##n"))
        buffer = core::FormatNumber(value);
    ImGui::InputText("##n", &buffer, ImGuiInputTextFlags_AutoSelectAll);
    const bool edited = ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopID();
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::number;
    c.label = "Task " + std::to_string(index + 1) + ": " + label + " (" + unit + ")";
    c.description = help;
    c.typed_text = core::FormatNumber(value);
    const std::string error = ErrorOf(state, id);
    c.error = error;
    ExposeLastItem(state, std::move(c)); // the box, before the unit beside it is drawn
    ImGui::SameLine();
    ImGui::TextDisabled("%s", unit_text);
    if (edited)
        (void)SetTaskField(state, id, buffer); // a refusal shows under the field; the value stays
    if (!error.empty())
        TextWrappedColored(colors::kError, error);
}

// One of a few values, listed as the page's select.
template <std::size_t N>
void TaskChoice(AppState& state, std::size_t index, const char* field, const char* label, const char* help,
                const Choice (&choices)[N], const std::string& current, float label_width)
{
    const std::string id = TaskControlId(index, field);
    Label(label, help, label_width);
    const char* preview = current.c_str();
    for (const Choice& c : choices)
        if (current == c.value)
            preview = c.text;
    ImGui::PushID(id.c_str());
    if (ImGui::BeginCombo("##c", preview)) {
        for (const Choice& c : choices)
            if (ImGui::Selectable(c.text, current == c.value) && current != c.value)
                (void)SetTaskField(state, id, c.value);
        ImGui::EndCombo();
    }
    ImGui::PopID();
    ExposedControl e;
    e.id = id;
    e.role = ControlRole::choice;
    e.label = "Task " + std::to_string(index + 1) + ": " + label;
    e.description = help;
    for (const Choice& c : choices)
        e.options.push_back({c.value, c.text});
    e.typed_text = current;
    const std::string error = ErrorOf(state, id);
    e.error = error;
    ExposeLastItem(state, std::move(e));
    if (!error.empty())
        TextWrappedColored(colors::kError, error);
}

// What the task needs, each figure opening its working.
void TaskResult(AppState& state, std::size_t index)
{
    const core::Workload& w = state.results.report.workload;
    if (index >= w.tasks.size())
        return;
    const core::TaskResult& t = w.tasks[index];
    const std::string prefix = "tasks." + std::to_string(index) + ".";
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Needs");
    ImGui::SameLine();
    const std::string vram = Number(t.vram_gb, 1) + " GB";
    WorkingLink(state, prefix + "vram_gb#how", vram, prefix + "vram_gb",
                "Task " + std::to_string(index + 1) + " needs " + vram + " of GPU memory: how is it worked out?");
    ImGui::SameLine();
    ImGui::TextUnformatted("and");
    ImGui::SameLine();
    const std::string hours = Number(t.hours_per_week, 1) + " h a week";
    WorkingLink(state, prefix + "hours_per_week#how", hours, prefix + "hours_per_week",
                "Task " + std::to_string(index + 1) + " takes " + hours + " of an RTX 4090: how is it worked out?");
    TextWrappedDisabled(t.bursty ? "of an RTX 4090, in bursts (a run now and then)." : "of an RTX 4090, steady.");
}

void DrawTask(AppState& state, std::size_t index, float label_width)
{
    const core::Task t = state.scenario.tasks[index]; // a copy: an edit below replaces the list
    ImGui::PushID(static_cast<int>(index));
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Task %d", static_cast<int>(index) + 1);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - Em(4.5f));
    if (ExposedButton(state, TaskControlId(index, "remove"), "Remove", true,
                      "Remove task " + std::to_string(index + 1))) {
        RemoveTask(state, index);
        ImGui::PopID();
        return;
    }
    TaskChoice(state, index, "kind", "What", "The kind of work: each is worked out its own way.", kKinds,
               core::TaskKindKey(t.kind), label_width);
    TaskNumber(state, index, "params_b", "Model size", "billion parameters",
               "The model's parameters in billions: 7 for a 7B model, 0.124 for GPT-2 small, 3.5 for SDXL.", t.params_b,
               label_width, "B params");
    switch (t.kind) {
    case core::TaskKind::chat:
        TaskChoice(state, index, "weight_bits", "Weights", "How the model's weights are stored (llama.cpp sizes).",
                   kBits, std::to_string(t.weight_bits), label_width);
        TaskNumber(state, index, "tokens_per_day", "Tokens a day", "tokens",
                   "Tokens the model writes a day (a chat answer is a few hundred).", t.tokens_per_day, label_width,
                   "tokens");
        TaskNumber(state, index, "context_tokens", "Context", "tokens",
                   "Tokens of conversation the model keeps in memory (its KV cache).", t.context_tokens, label_width,
                   "tokens");
        break;
    case core::TaskKind::fine_tune:
        TaskChoice(state, index, "method", "Method", "LoRA and QLoRA train a small adapter; full trains every weight.",
                   kMethods, core::FineTuneMethodKey(t.method), label_width);
        [[fallthrough]];
    case core::TaskKind::train:
        TaskNumber(state, index, "tokens_millions", "Tokens a run", "million tokens",
                   "Tokens one run reads, in millions (epochs x dataset).", t.tokens_millions, label_width, "M tokens");
        TaskNumber(state, index, "runs_per_month", "Runs a month", "runs", "How often you run it.", t.runs_per_month,
                   label_width, "runs");
        break;
    case core::TaskKind::image:
        TaskNumber(state, index, "images_per_day", "Images a day", "images", "Images generated a day.",
                   t.images_per_day, label_width, "images");
        break;
    }
    TaskResult(state, index);
    ImGui::PopID();
}

} // namespace

void DrawWorkloadBuilder(AppState& state)
{
    const float avail = ImGui::GetContentRegionAvail().x;
    const float label_width = avail > Em(20) ? Em(7.5f) : 0.0f;
    core::Scenario& s = state.scenario;
    if (s.tasks.empty())
        TextWrappedDisabled("Say what you want to run, and labcalc works out the GPU memory and the hours a week "
                            "for you (instead of the Work slider and the VRAM input).");
    for (std::size_t i = 0; i < s.tasks.size(); ++i)
        DrawTask(state, i, label_width);
    if (!s.tasks.empty()) {
        ImGui::Separator();
        const core::Workload& w = state.results.report.workload;
        if (!w.error.empty())
            TextWrappedColored(colors::kError, "Your tasks could not be worked out: " + w.error + ".");
        else
            ImGui::TextWrapped("Together: the largest job needs %s GB; %s h a week of an RTX 4090, %s%% in bursts. "
                               "These set the work, memory and bursts below.",
                               Number(w.vram_gb, 1).c_str(), Number(w.hours_per_week, 1).c_str(),
                               Number(std::round(w.burst_share_pct), 0).c_str());
        if (!w.note.empty())
            TextWrappedColored(colors::kError, w.note);
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Add:");
    int shown = 0;
    for (const core::TaskKind kind :
         {core::TaskKind::chat, core::TaskKind::fine_tune, core::TaskKind::train, core::TaskKind::image}) {
        const char* short_text = kind == core::TaskKind::chat ? "+ Chat model"
            : kind == core::TaskKind::fine_tune               ? "+ Fine-tune"
            : kind == core::TaskKind::train                   ? "+ Training"
                                                              : "+ Images";
        // Buttons flow onto the next line when the column is narrow (a phone).
        const float width = ImGui::CalcTextSize(short_text).x + ImGui::GetStyle().FramePadding.x * 2;
        if (shown++ > 0 &&
            ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <
                ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
        if (ExposedButton(state, std::string("tasks.add.") + core::TaskKindKey(kind), short_text, false,
                          std::string("Add a task: ") + core::TaskKindLabel(kind)))
            (void)AddTask(state, kind);
    }
    if (const std::string error = ErrorOf(state, "tasks.add"); !error.empty())
        TextWrappedColored(colors::kError, error);
    if (!s.tasks.empty() && ExposedButton(state, "tasks.clear", "Clear the tasks (type the hours and memory yourself)"))
        ClearTasks(state);
}

} // namespace labcalc::ui
