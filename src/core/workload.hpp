#pragma once
// The workload builder: from what a person wants to run (Scenario::tasks: a chat model, a fine-tune, training
// from scratch, image generation) to the memory the largest job needs, the hours a week of work (counted, as
// everywhere, in hours of an RTX 4090) and each GPU's speed for that mix of tasks, from the catalog's chip
// figures (bandwidth for a chat model's token generation, 16-bit throughput or a measured training speed for
// the rest). The formulas are in formulas.hpp; this file applies them and writes their workings.
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/scenario.hpp"
#include "core/workings.hpp"

namespace labcalc::core {

constexpr std::size_t kMaxTasks = 12;

struct TaskResult {
    std::string label;         // "Chat model, 8 B parameters at 4-bit, 100,000 tokens a day"
    double vram_gb = 0;        // memory the job needs (across the GPUs of one job)
    double hours_per_week = 0; // hours of an RTX 4090 a week
    bool bursty = false;       // fine-tunes and training runs come in bursts; serving is steady
};

struct Workload {
    std::vector<TaskResult> tasks;
    double vram_gb = 0;         // the largest job's
    double hours_per_week = 0;  // the sum, in RTX 4090 hours
    double burst_share_pct = 0; // share of those hours in bursts
    std::string note;           // a limit the model applied ("more hours than a week has: counted as 168"), "" none
    std::string error;          // why the tasks could not be worked out ("" none): the typed hours and VRAM then stand
};

// The tasks worked out on the catalog's reference chip (an RTX 4090). No tasks: an empty workload.
Workload ComputeWorkload(const Scenario& s, const Catalog& c);

// A GPU's speed against an RTX 4090 for one kind of task, from its chip's figures: measured where the catalog
// has a measurement (llama.cpp generation speed for a chat model, training throughput for the rest), else the
// ratio of peak figures (memory bandwidth for a chat model; for the rest the smaller of the 16-bit throughput
// and bandwidth ratios, since peaks alone overstate the big chips). A GPU without a chip, or a catalog without
// the reference chip, keeps `catalog_speed` for every kind.
double ChipSpeed(const Catalog& c, const std::string& chip_id, double catalog_speed, TaskKind kind);

// The inputs the model runs on. Without tasks, the scenario and catalog as given (no copy of the catalog).
// With tasks that work out, the scenario's hours_per_week, vram_gb and burst_share_pct follow from them, and
// each GPU's and offer's speed is its speed for this mix of tasks: the hours of the mix on an RTX 4090 over
// its hours on that GPU. Applying it again to its own result changes nothing.
class ModelInputs {
public:
    ModelInputs(const Scenario& s, const Catalog& c);
    ModelInputs(const ModelInputs&) = delete;
    ModelInputs& operator=(const ModelInputs&) = delete;

    const Scenario& scenario() const { return scenario_; }
    const Catalog& catalog() const { return owned_ ? *owned_ : catalog_; }
    const Workload& workload() const { return workload_; }

private:
    Scenario scenario_;
    const Catalog& catalog_;
    std::optional<Catalog> owned_;
    Workload workload_;
};

// Each task's working: its weights or held memory, KV cache, memory need, speed and hours a week, with ids
// "tasks.<i>.vram_gb", "tasks.<i>.hours_per_week", ... (none when the workload has an error).
std::vector<Working> BuildTaskWorkings(const Scenario& s, const Catalog& c);

} // namespace labcalc::core
