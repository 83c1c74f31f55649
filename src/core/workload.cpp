// The workload builder: tasks -> memory, hours and each GPU's speed (see workload.hpp).
// Sections (each opens with a "[SECTION]" line):
//   Reference architectures for the KV cache
//   One task, worked out for both number types (double for the model, Traced for its working)
//   Public API: ComputeWorkload, ChipSpeed, ModelInputs, BuildTaskWorkings
#include "core/workload.hpp"

#include <algorithm>
#include <cmath>

#include "core/figure_ids.hpp"
#include "core/formulas.hpp"
#include "core/index.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {
namespace f = formulas;

// [SECTION] Reference architectures for the KV cache ----------------------------------------------------------------

// The KV cache depends on a model's layers, KV heads and head size, which a parameter count does not give. A
// task's model takes the shape of the nearest of these (by parameters, on a log scale), and its working names it.
// Figures from each model's config.json on its Hugging Face model card (num_hidden_layers, num_key_value_heads,
// hidden_size / num_attention_heads), dated by the model's release.
struct Architecture {
    const char* name;
    double params_b;
    int layers, kv_heads, head_dim;
    const char* date;
};
constexpr Architecture kArchitectures[] = {
    {"Llama 3.2 1B", 1.24, 16, 8, 64, "2024-09-25"},    {"Llama 3.2 3B", 3.21, 28, 8, 128, "2024-09-25"},
    {"Llama 3.1 8B", 8.03, 32, 8, 128, "2024-07-23"},   {"Qwen2.5 14B", 14.7, 48, 8, 128, "2024-09-19"},
    {"Qwen2.5 32B", 32.5, 64, 8, 128, "2024-09-19"},    {"Llama 3.1 70B", 70.6, 80, 8, 128, "2024-07-23"},
    {"Llama 3.1 405B", 405, 126, 8, 128, "2024-07-23"},
};

const Architecture& NearestArchitecture(double params_b)
{
    const Architecture* best = &kArchitectures[0];
    for (const Architecture& a : kArchitectures)
        if (std::fabs(std::log(std::max(params_b, 1e-3) / a.params_b)) <
            std::fabs(std::log(std::max(params_b, 1e-3) / best->params_b)))
            best = &a;
    return *best;
}

// 2 (keys and values) x layers x KV heads x head size x 2 bytes (16-bit).
double KvBytesPerToken(const Architecture& a) { return 2.0 * a.layers * a.kv_heads * a.head_dim * 2.0; }

// [SECTION] One task, worked out for both number types (double for the model, Traced for its working) ---------------

// Where a task's values come from.
struct Context {
    const Task& task;
    int index;
    const ResolvedFigures& fig;
    const GpuChip& ref;
    std::vector<Working>* out; // null: the model's run, which writes no working
};

std::string TaskInput(int index, const char* key) { return "input tasks[" + std::to_string(index) + "]." + key; }
std::string FigureOrigin(const char* id) { return std::string("figure ") + id; }
std::string ChipOrigin(const GpuChip& chip, const Figure& fig)
{
    return "catalog chip " + chip.id + ": " + fig.source + ", " + fig.date;
}

// A named value: the number itself for the model, a term for a working.
template <class N>
N Val(const Context& c, double v, const char* symbol, const std::string& name, const char* unit,
      const std::string& origin);
template <>
double Val<double>(const Context&, double v, const char*, const std::string&, const char*, const std::string&)
{
    return v;
}
template <>
Traced Val<Traced>(const Context&, double v, const char* symbol, const std::string& name, const char* unit,
                   const std::string& origin)
{
    return Term(v, symbol, name, unit, origin);
}

// A value worked out from others: for a working, it is written down as its own working and used in the next
// one as a named value linked to it.
double Step(const Context&, double v, const char*, const char*, const char*, const char*) { return v; }
Traced Step(const Context& c, const Traced& t, const char* figure, const char* what, const char* unit,
            const char* symbol)
{
    const std::string id = "tasks." + std::to_string(c.index) + "." + figure;
    if (c.out) {
        Working w;
        w.id = id;
        w.title = "Task " + std::to_string(c.index + 1) + ": " + what;
        w.symbols = t.symbols;
        w.numbers = t.numbers;
        w.result = t.value;
        w.unit = unit;
        w.terms = t.terms;
        c.out->push_back(std::move(w));
    }
    Traced named = Term(t.value, symbol, what, unit, "derived");
    for (WorkingTerm& term : named.terms)
        term.working = id;
    return named;
}

template <class N>
struct TaskFigures {
    N vram_gb;
    N hours_per_week;
};

template <class N>
N Overhead(const Context& c)
{
    return Val<N>(c, c.fig.memory_overhead_pct, "o_mem", "memory beyond the weights (activations, buffers)", "%",
                  FigureOrigin("workload.memory_overhead_pct"));
}

template <class N>
N Params(const Context& c)
{
    return Val<N>(c, c.task.params_b, "N", "the model's parameters", "billion", TaskInput(c.index, "params_b"));
}

template <class N>
TaskFigures<N> WorkChat(const Context& c)
{
    const Task& t = c.task;
    const Architecture& a = NearestArchitecture(t.params_b);
    const N bits = Val<N>(c, f::LlamaCppBitsPerWeight(t.weight_bits), "b_w",
                          "bits a weight at " + std::to_string(t.weight_bits) + "-bit (llama.cpp's file sizes)", "bits",
                          "constant: llama.cpp tools/quantize/quantize.cpp table");
    const N weights = Step(c, f::WeightsGb<N>(Params<N>(c), bits), "weights_gb", "the model's weights", "GB", "M_w");
    const N kv_per_token = Val<N>(c, KvBytesPerToken(a), "kv",
                                  std::string("KV cache a token, shaped as ") + a.name + " (2 x " +
                                      std::to_string(a.layers) + " layers x " + std::to_string(a.kv_heads) +
                                      " KV heads x " + std::to_string(a.head_dim) + " x 2 bytes)",
                                  "bytes", std::string("constant: ") + a.name + " config.json, " + a.date);
    const N kv = Step(c,
                      f::KvCacheGb<N>(kv_per_token,
                                      Val<N>(c, t.context_tokens, "ctx", "tokens of context", "tokens",
                                             TaskInput(c.index, "context_tokens"))),
                      "kv_cache_gb", "the KV cache", "GB", "M_kv");
    const N vram = f::JobVramGb<N>(weights, Overhead<N>(c), kv);
    const N tps =
        Step(c,
             f::DecodeTokensPerSecond<N>(
                 Val<N>(c, c.ref.bandwidth_gb_per_s->value, "B_mem", c.ref.name + " memory bandwidth", "GB per second",
                        ChipOrigin(c.ref, *c.ref.bandwidth_gb_per_s)),
                 Val<N>(c, c.fig.decode_bandwidth_use_pct, "u_mem", "share of the bandwidth generation achieves", "%",
                        FigureOrigin("workload.decode_bandwidth_use_pct")),
                 weights),
             "tokens_per_second", "tokens a second on an RTX 4090", "tokens per second", "r_tok");
    const N hours = f::ChatHoursPerWeek<N>(
        Val<N>(c, t.tokens_per_day, "T_day", "tokens generated a day", "tokens", TaskInput(c.index, "tokens_per_day")),
        tps);
    return {vram, hours};
}

template <class N>
TaskFigures<N> WorkTraining(const Context& c)
{
    const Task& t = c.task;
    const bool adapter = t.kind == TaskKind::fine_tune && t.method != FineTuneMethod::full;
    N bytes = Val<N>(c, f::kAdamBytesPerParam, "B_p", "bytes a parameter with mixed-precision Adam", "bytes",
                     "constant: ZeRO (Rajbhandari et al. 2020), 2 + 2 + 12 bytes");
    if (adapter) {
        const bool qlora = t.method == FineTuneMethod::qlora;
        bytes = Step(c,
                     f::AdapterBytesPerParam<N>(
                         Val<N>(c, qlora ? f::kQloraBitsPerWeight : 16.0, "b_w",
                                qlora ? "bits a frozen weight (4-bit NormalFloat + scales)" : "bits a frozen weight",
                                "bits", qlora ? "constant: QLoRA (Dettmers et al. 2023)" : "constant: 16-bit weights"),
                         Val<N>(c, c.fig.lora_trainable_pct, "s_lora", "share of parameters the adapter trains", "%",
                                FigureOrigin("workload.lora_trainable_pct"))),
                     "bytes_per_param", "bytes a parameter", "bytes", "B_p");
    }
    const N held =
        Step(c, f::HeldGb<N>(Params<N>(c), bytes), "held_gb", "weights, gradients and optimiser state", "GB", "M_p");
    const N vram = f::JobVramGb<N>(held, Overhead<N>(c), N(0.0));
    const N per_run = Step(
        c,
        f::TrainingHoursPerRun<N>(
            Val<N>(c, adapter ? f::kAdapterFlopsPerParamToken : f::kTrainFlopsPerParamToken, "k",
                   adapter ? "FLOPs a parameter and token (no gradients for frozen weights)"
                           : "FLOPs a parameter and token (2 forward, 4 backward)",
                   "FLOPs", "constant: Kaplan et al. 2020, C = 6 N D"),
            Params<N>(c),
            Val<N>(c, t.tokens_millions, "D", "tokens a run reads", "million", TaskInput(c.index, "tokens_millions")),
            Val<N>(c, c.ref.bf16_tflops->value, "T_peak", c.ref.name + " peak 16-bit throughput", "TFLOPS",
                   ChipOrigin(c.ref, *c.ref.bf16_tflops)),
            Val<N>(c, c.fig.train_peak_use_pct, "u_peak", "share of the peak training achieves", "%",
                   FigureOrigin("workload.train_peak_use_pct"))),
        "hours_per_run", "hours a run takes on an RTX 4090", "h", "h_run");
    const N hours = f::RunHoursPerWeek<N>(
        per_run, Val<N>(c, t.runs_per_month, "n_runs", "runs a month", "runs", TaskInput(c.index, "runs_per_month")));
    return {vram, hours};
}

template <class N>
TaskFigures<N> WorkImage(const Context& c)
{
    const Task& t = c.task;
    const N weights =
        Step(c, f::WeightsGb<N>(Params<N>(c), Val<N>(c, 16.0, "b_w", "bits a weight", "bits", "constant: 16-bit")),
             "weights_gb", "the model's weights", "GB", "M_w");
    const N vram = f::JobVramGb<N>(weights, Overhead<N>(c), N(0.0));
    const N hours = f::ImageHoursPerWeek<N>(
        Val<N>(c, t.images_per_day, "I_day", "images a day", "images", TaskInput(c.index, "images_per_day")),
        Val<N>(c, c.fig.image_seconds_rtx4090, "t_img", "seconds an RTX 4090 takes for an SDXL image", "s",
               FigureOrigin("workload.image_seconds_rtx4090")),
        Params<N>(c),
        Val<N>(c, c.fig.image_reference_params_b, "N_ref", "parameters of SDXL, the model timed", "billion",
               FigureOrigin("workload.image_reference_params_b")));
    return {vram, hours};
}

template <class N>
TaskFigures<N> WorkTask(const Context& c)
{
    TaskFigures<N> r = c.task.kind == TaskKind::chat ? WorkChat<N>(c)
        : c.task.kind == TaskKind::image             ? WorkImage<N>(c)
                                                     : WorkTraining<N>(c);
    r.vram_gb = Step(c, r.vram_gb, "vram_gb", "memory the job needs", "GB", "M");
    r.hours_per_week = Step(c, r.hours_per_week, "hours_per_week", "hours a week on an RTX 4090", "h", "W_task");
    return r;
}

// A count as a person writes it: "100,000"; fractions as typed ("2.5").
std::string Count(double v)
{
    if (v != std::floor(v) || std::fabs(v) < 1000 || std::fabs(v) >= 1e15)
        return FormatNumber(v);
    std::string digits = FormatNumber(std::fabs(v));
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return (v < 0 ? "-" : "") + digits;
}

std::string TaskLabel(const Task& t)
{
    const std::string size = FormatNumber(t.params_b) + " B";
    switch (t.kind) {
    case TaskKind::chat:
        return "Chat model, " + size + " parameters at " + std::to_string(t.weight_bits) + "-bit, " +
            Count(t.tokens_per_day) + " tokens a day";
    case TaskKind::fine_tune: {
        const char* how = t.method == FineTuneMethod::lora ? "LoRA"
            : t.method == FineTuneMethod::qlora            ? "QLoRA"
                                                           : "full";
        return std::string("Fine-tune (") + how + ") of a " + size + " model on " + Count(t.tokens_millions) +
            " M tokens, " + FormatNumber(t.runs_per_month) + " a month";
    }
    case TaskKind::train:
        return "Training a " + size + " model from scratch on " + Count(t.tokens_millions) + " M tokens, " +
            FormatNumber(t.runs_per_month) + " a month";
    case TaskKind::image: return "Image generation, " + size + " model, " + Count(t.images_per_day) + " images a day";
    }
    return "";
}

std::string MissingReference(const Catalog& c)
{
    const GpuChip* ref = FindChip(c, kReferenceChipId);
    if (!ref || !ref->bandwidth_gb_per_s || !ref->bf16_tflops)
        return std::string("the catalog has no chip '") + kReferenceChipId +
            "' with its bandwidth and 16-bit throughput (an RTX 4090's figures, which hours of work are counted in)";
    return "";
}

} // namespace

// [SECTION] Public API: ComputeWorkload, ChipSpeed, ModelInputs, BuildTaskWorkings ----------------------------------

Workload ComputeWorkload(const Scenario& s, const Catalog& c)
{
    Workload w;
    if (s.tasks.empty())
        return w;
    if (w.error = MissingReference(c); !w.error.empty())
        return w;
    const ResolvedFigures fig = ResolveFigures(s, c);
    const GpuChip& ref = *FindChip(c, kReferenceChipId);
    double bursty_hours = 0;
    for (std::size_t i = 0; i < s.tasks.size(); ++i) {
        const Context ctx{s.tasks[i], static_cast<int>(i), fig, ref, nullptr};
        const TaskFigures<double> r = WorkTask<double>(ctx);
        TaskResult t;
        t.label = TaskLabel(s.tasks[i]);
        t.vram_gb = r.vram_gb;
        t.hours_per_week = r.hours_per_week;
        t.bursty = s.tasks[i].kind == TaskKind::fine_tune || s.tasks[i].kind == TaskKind::train;
        w.vram_gb = std::max(w.vram_gb, t.vram_gb);
        w.hours_per_week += t.hours_per_week;
        if (t.bursty)
            bursty_hours += t.hours_per_week;
        w.tasks.push_back(std::move(t));
    }
    w.burst_share_pct = w.hours_per_week > 0 ? bursty_hours / w.hours_per_week * 100 : 0;
    if (w.hours_per_week > f::kHoursPerWeek)
        w.note = "Your tasks need " + FormatNumber(std::round(w.hours_per_week)) +
            " hours a week of an RTX 4090, more than a week has; the costs count " + FormatNumber(f::kHoursPerWeek) +
            " (one GPU busy all week), so they are a floor.";
    return w;
}

double ChipSpeed(const Catalog& c, const std::string& chip_id, double catalog_speed, TaskKind kind)
{
    const GpuChip* chip = chip_id.empty() ? nullptr : FindChip(c, chip_id);
    const GpuChip* ref = FindChip(c, kReferenceChipId);
    if (!chip || !ref)
        return catalog_speed;
    const auto ratio = [](const std::optional<Figure>& a, const std::optional<Figure>& b) {
        return a && b && b->value > 0 ? a->value / b->value : 0.0;
    };
    if (kind == TaskKind::chat) {
        if (const double measured = ratio(chip->llm_tokens_per_s, ref->llm_tokens_per_s); measured > 0)
            return measured;
        if (const double peak = ratio(chip->bandwidth_gb_per_s, ref->bandwidth_gb_per_s); peak > 0)
            return peak;
        return catalog_speed;
    }
    if (chip->train_vs_rtx4090)
        return chip->train_vs_rtx4090->value;
    // Unmeasured: the 16-bit peak ratio alone overstates the big chips (an H100 SXM's peak is 6x an RTX 4090's,
    // Lambda measures 2.25x), so the slower of the compute and the memory ratio bounds it.
    const double compute = ratio(chip->bf16_tflops, ref->bf16_tflops);
    const double memory = ratio(chip->bandwidth_gb_per_s, ref->bandwidth_gb_per_s);
    if (compute > 0 && memory > 0)
        return std::min(compute, memory);
    if (compute > 0)
        return compute;
    return catalog_speed;
}

namespace {

// A GPU's speed for the mix: the mix's hours on an RTX 4090 over its hours on this GPU.
double MixSpeed(const Catalog& c, const Scenario& s, const Workload& w, const std::string& chip, double speed)
{
    if (!(w.hours_per_week > 0))
        return speed;
    double hours_here = 0;
    for (std::size_t i = 0; i < s.tasks.size(); ++i)
        hours_here += w.tasks[i].hours_per_week / ChipSpeed(c, chip, speed, s.tasks[i].kind);
    return hours_here > 0 ? w.hours_per_week / hours_here : speed;
}

} // namespace

ModelInputs::ModelInputs(const Scenario& s, const Catalog& c) : scenario_(s), catalog_(c)
{
    if (s.tasks.empty())
        return;
    workload_ = ComputeWorkload(s, c);
    if (!workload_.error.empty())
        return;
    scenario_.hours_per_week = std::min(workload_.hours_per_week, f::kHoursPerWeek);
    const FieldSpec* vram = FindField("vram_gb");
    scenario_.vram_gb = std::clamp(workload_.vram_gb, vram->min_value, vram->max_value);
    scenario_.burst_share_pct = workload_.burst_share_pct;
    if (c.speeds_for_tasks)
        return;
    owned_ = c;
    owned_->speeds_for_tasks = true;
    for (GpuModel& g : owned_->gpus)
        g.speed = MixSpeed(c, s, workload_, g.chip, g.speed);
    for (CloudOffer& o : owned_->offers)
        o.speed = MixSpeed(c, s, workload_, o.chip, o.speed);
}

std::vector<Working> BuildTaskWorkings(const Scenario& s, const Catalog& c)
{
    std::vector<Working> out;
    if (s.tasks.empty() || !MissingReference(c).empty())
        return out;
    const ResolvedFigures fig = ResolveFigures(s, c);
    const GpuChip& ref = *FindChip(c, kReferenceChipId);
    for (std::size_t i = 0; i < s.tasks.size(); ++i)
        WorkTask<Traced>(Context{s.tasks[i], static_cast<int>(i), fig, ref, &out});
    return out;
}

} // namespace labcalc::core
