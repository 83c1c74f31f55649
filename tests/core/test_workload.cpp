// The workload builder: each formula against a value worked by hand from a public source, the properties a task
// keeps over random tasks (never less memory than its weights; more work never fewer hours), the speeds that
// follow from the catalog's chip figures, and the tasks in the scenario's faces (file, --set, link).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/formulas.hpp"
#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/url_state.hpp"
#include "core/workload.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
namespace f = labcalc::core::formulas;

namespace {

Task Chat(double params_b, int bits, double tokens_per_day)
{
    Task t;
    t.kind = TaskKind::chat;
    t.params_b = params_b;
    t.weight_bits = bits;
    t.tokens_per_day = tokens_per_day;
    return t;
}

Task FineTune(double params_b, FineTuneMethod m, double tokens_millions, double runs)
{
    Task t;
    t.kind = TaskKind::fine_tune;
    t.params_b = params_b;
    t.method = m;
    t.tokens_millions = tokens_millions;
    t.runs_per_month = runs;
    return t;
}

Workload Of(std::vector<Task> tasks)
{
    Scenario s;
    s.tasks = std::move(tasks);
    return ComputeWorkload(s, Cat());
}

// The bits a stored weight takes for a task, as its formula counts them: the floor its memory never goes under.
double WeightsFloorGb(const Task& t)
{
    switch (t.kind) {
    case TaskKind::chat: return t.params_b * f::LlamaCppBitsPerWeight(t.weight_bits) / 8;
    case TaskKind::fine_tune:
        return t.params_b *
            (t.method == FineTuneMethod::full ? f::kAdamBytesPerParam
                                              : (t.method == FineTuneMethod::qlora ? f::kQloraBitsPerWeight : 16) / 8);
    case TaskKind::train: return t.params_b * f::kAdamBytesPerParam;
    case TaskKind::image: return t.params_b * 2;
    }
    return 0;
}

} // namespace

TEST_CASE("workload formulas against values worked by hand from public sources", "[workload]")
{
    // ZeRO (Rajbhandari et al. 2020, 3.1): "a 1.5B parameter GPT-2 model ... requires at least 24 GB" with
    // mixed-precision Adam (16 bytes a parameter).
    CHECK(f::HeldGb<double>(1.5, f::kAdamBytesPerParam) == Approx(24));

    // GPT-3 (Brown et al. 2020, Table D.1): 175 B parameters on 300 B tokens took 3.14e23 FLOPs; C = 6 N D.
    // At 1 TFLOPS fully used, hours x 3600 x 1e12 are the FLOPs.
    const double gpt3_flops =
        f::TrainingHoursPerRun<double>(f::kTrainFlopsPerParamToken, 175, 300000, 1, 100) * 3600 * 1e12;
    CHECK(gpt3_flops == Approx(3.14e23).epsilon(0.01));

    // Llama 2 (Touvron et al. 2023, Table 2): A100-80GB GPU-hours on 2 T tokens, 13B 368,640 and 70B 1,720,320.
    // The catalog's 40% of the A100's 312 TFLOPS comes from the 7B row; the other sizes land within 10%.
    CHECK(f::TrainingHoursPerRun<double>(6, 13, 2e6, 312, 40) == Approx(368640).epsilon(0.10));
    CHECK(f::TrainingHoursPerRun<double>(6, 70, 2e6, 312, 40) == Approx(1720320).epsilon(0.10));

    // NVIDIA, "Mastering LLM Techniques: Inference Optimization" (2023-11-17): Llama 2 7B's KV cache at 4,096
    // tokens is 4096 x 2 x 32 layers x 4096 x 2 bytes, "~2 GB".
    CHECK(f::KvCacheGb<double>(2.0 * 32 * 4096 * 2, 4096) == Approx(2.147).epsilon(0.001));

    // llama.cpp's own table (tools/quantize/quantize.cpp): Llama 3 8B (8.03 B) is 4.58 GiB at Q4_K_M and
    // 7.96 GiB at Q8_0.
    CHECK(f::WeightsGb<double>(8.03, f::LlamaCppBitsPerWeight(4)) == Approx(4.58 * 1.073741824).epsilon(0.01));
    CHECK(f::WeightsGb<double>(8.03, f::LlamaCppBitsPerWeight(8)) == Approx(7.96 * 1.073741824).epsilon(0.01));

    // The bandwidth roofline at the catalog's 62% against a measurement it was not fitted to: an RTX 3090
    // (936 GB/s) generates 111.74 tokens/s on Llama 3 8B Q4_K_M (XiongjieDai's llama.cpp table, 2024-05).
    CHECK(f::DecodeTokensPerSecond<double>(936, 62, f::WeightsGb<double>(8.03, 4.9)) == Approx(111.74).epsilon(0.10));

    // QLoRA (Dettmers et al. 2023): "finetune a 65B parameter model on a single 48GB GPU".
    const Workload qlora = Of({FineTune(65, FineTuneMethod::qlora, 10, 1)});
    CHECK(qlora.vram_gb <= 48);
    CHECK(qlora.vram_gb > 65 * f::kQloraBitsPerWeight / 8);
}

TEST_CASE("a task never needs less memory than its weights, and more work never takes fewer hours", "[workload]")
{
    std::mt19937 rng(20261130);
    for (int i = 0; i < 3000; ++i) {
        const Task t = labcalc::test::RandomTask(rng);
        const Workload w = Of({t});
        REQUIRE(w.error.empty());
        REQUIRE(w.tasks.size() == 1);
        INFO(w.tasks[0].label);
        CHECK(std::isfinite(w.vram_gb));
        CHECK(std::isfinite(w.hours_per_week));
        CHECK(w.vram_gb >= WeightsFloorGb(t) * (1 - 1e-12));
        CHECK(w.hours_per_week >= 0);
        // Twice the work of whatever the task counts: at least as many hours, never fewer.
        Task more = t;
        more.tokens_per_day *= 2;
        more.tokens_millions *= 2;
        more.runs_per_month *= 2;
        more.images_per_day *= 2;
        const Workload w2 = Of({more});
        CHECK(w2.hours_per_week >= w.hours_per_week);
        CHECK(w2.vram_gb == Approx(w.vram_gb)); // the amount of work does not change one job's memory
        // A bigger model needs at least as much memory and time.
        Task bigger = t;
        bigger.params_b *= 1.5;
        const Workload w3 = Of({bigger});
        CHECK(w3.vram_gb >= w.vram_gb);
        CHECK(w3.hours_per_week >= w.hours_per_week);
    }
}

TEST_CASE("the tasks set the hours, memory and bursts the model runs on", "[workload]")
{
    Scenario s;
    s.hours_per_week = 150; // typed values that the tasks replace
    s.vram_gb = 4000;
    s.tasks = {FineTune(7, FineTuneMethod::qlora, 20, 4), Chat(8, 4, 200000)};
    const Workload w = ComputeWorkload(s, Cat());
    REQUIRE(w.error.empty());
    CHECK(w.hours_per_week == Approx(w.tasks[0].hours_per_week + w.tasks[1].hours_per_week));
    CHECK(w.vram_gb == Approx(std::max(w.tasks[0].vram_gb, w.tasks[1].vram_gb)));
    CHECK(w.burst_share_pct == Approx(100 * w.tasks[0].hours_per_week / w.hours_per_week));
    CHECK(w.tasks[0].bursty);
    CHECK_FALSE(w.tasks[1].bursty);

    const ModelInputs in(s, Cat());
    CHECK(in.scenario().hours_per_week == Approx(w.hours_per_week));
    CHECK(in.scenario().vram_gb == Approx(w.vram_gb));
    CHECK(in.scenario().burst_share_pct == Approx(w.burst_share_pct));
    // Applying it to its own result changes nothing (the report's inner searches may apply it again).
    const ModelInputs again(in.scenario(), in.catalog());
    CHECK(again.scenario().hours_per_week == Approx(in.scenario().hours_per_week));
    for (std::size_t i = 0; i < in.catalog().gpus.size(); ++i)
        CHECK(again.catalog().gpus[i].speed == Approx(in.catalog().gpus[i].speed));

    const Report r = BuildReport(s, Cat());
    CHECK(r.scenario.hours_per_week == Approx(w.hours_per_week));
    CHECK(r.workload.tasks.size() == 2);
    for (const FlipPoint& fp : r.flip_points)
        CHECK(fp.input != "hours_per_week"); // not a value a person can type back while tasks set it

    // More hours than a week has: counted as a week, and the report says so.
    Scenario heavy;
    heavy.tasks = {Chat(70, 16, 1e8)};
    const ModelInputs capped(heavy, Cat());
    CHECK(capped.scenario().hours_per_week == Approx(168));
    CHECK_FALSE(capped.workload().note.empty());
}

TEST_CASE("each GPU's speed for a task follows from its chip's figures", "[workload]")
{
    const Catalog& c = Cat();
    const GpuChip* ref = FindChip(c, kReferenceChipId);
    REQUIRE(ref);
    REQUIRE(ref->bandwidth_gb_per_s);
    REQUIRE(ref->bf16_tflops);
    // Measured where the catalog has it: the RTX 3090's llama.cpp speed against the RTX 4090's.
    const GpuChip* rtx3090 = FindChip(c, "rtx3090");
    REQUIRE(rtx3090);
    REQUIRE(rtx3090->llm_tokens_per_s);
    CHECK(ChipSpeed(c, "rtx3090", 0.6, TaskKind::chat) ==
          Approx(rtx3090->llm_tokens_per_s->value / ref->llm_tokens_per_s->value));
    CHECK(ChipSpeed(c, "rtx3090", 0.6, TaskKind::fine_tune) == Approx(rtx3090->train_vs_rtx4090->value));
    // A peak ratio where nothing was measured: the T4's bandwidth for a chat model.
    const GpuChip* t4 = FindChip(c, "t4");
    REQUIRE(t4);
    CHECK_FALSE(t4->llm_tokens_per_s);
    CHECK(ChipSpeed(c, "t4", 0.2, TaskKind::chat) ==
          Approx(t4->bandwidth_gb_per_s->value / ref->bandwidth_gb_per_s->value));
    // Unmeasured training: the slower of the compute and memory ratios (the L4's peak compute is 0.73 of an
    // RTX 4090's, its bandwidth 0.30).
    const GpuChip* l4 = FindChip(c, "l4");
    REQUIRE(l4);
    CHECK_FALSE(l4->train_vs_rtx4090);
    CHECK(ChipSpeed(c, "l4", 0.35, TaskKind::train) ==
          Approx(std::min(l4->bf16_tflops->value / ref->bf16_tflops->value,
                          l4->bandwidth_gb_per_s->value / ref->bandwidth_gb_per_s->value)));
    // Where a chip is measured, that bound is nearer the measurement than the compute peak alone.
    for (const GpuChip& chip : c.chips)
        if (chip.train_vs_rtx4090 && chip.bf16_tflops && chip.bandwidth_gb_per_s) {
            INFO(chip.id);
            const double compute = chip.bf16_tflops->value / ref->bf16_tflops->value;
            const double bound = std::min(compute, chip.bandwidth_gb_per_s->value / ref->bandwidth_gb_per_s->value);
            const double measured = chip.train_vs_rtx4090->value;
            CHECK(std::fabs(std::log(bound / measured)) <= std::fabs(std::log(compute / measured)) + 1e-12);
        }
    // No chip: the GPU's catalog speed for every kind.
    CHECK(ChipSpeed(c, "", 0.77, TaskKind::train) == 0.77);
    CHECK(ChipSpeed(c, "rtx4090", 1, TaskKind::image) == Approx(1));

    // The speed for a mix lies between the speeds for its kinds, weighted by hours.
    Scenario s;
    s.tasks = {Chat(8, 4, 400000), FineTune(7, FineTuneMethod::lora, 50, 4)};
    const ModelInputs in(s, c);
    for (std::size_t i = 0; i < c.offers.size(); ++i) {
        const double chat = ChipSpeed(c, c.offers[i].chip, c.offers[i].speed, TaskKind::chat);
        const double tune = ChipSpeed(c, c.offers[i].chip, c.offers[i].speed, TaskKind::fine_tune);
        INFO(c.offers[i].id);
        CHECK(in.catalog().offers[i].speed >= std::min(chat, tune) - 1e-12);
        CHECK(in.catalog().offers[i].speed <= std::max(chat, tune) + 1e-12);
    }
}

TEST_CASE("tasks travel in scenario files, --set and links, and a bad task is refused by name", "[workload]")
{
    Scenario s;
    s.tasks = {Chat(70, 8, 50000), FineTune(7, FineTuneMethod::full, 3, 2)};
    s.tasks[0].context_tokens = 32768;
    Task image;
    image.kind = TaskKind::image;
    image.params_b = 12;
    image.images_per_day = 500;
    s.tasks.push_back(image);
    const auto back = ScenarioFromJson(ScenarioToJson(s), Scenario{});
    REQUIRE(back);
    CHECK(*back.value == s);
    const auto linked = DecodeScenarioFragment(EncodeScenarioFragment(s));
    REQUIRE(linked);
    CHECK(*linked.value == s);

    Scenario set;
    REQUIRE(ApplySetting(set, R"(tasks=[{"kind":"train","params_b":0.124,"tokens_millions":10000}])"));
    REQUIRE(set.tasks.size() == 1);
    CHECK(set.tasks[0].kind == TaskKind::train);
    CHECK(set.tasks[0].tokens_millions == 10000);
    REQUIRE(ApplySetting(set, "tasks=none"));
    CHECK(set.tasks.empty());

    const std::pair<const char*, const char*> bad[] = {
        {R"(tasks=[{"kind":"chat","weight_bits":5}])", "tasks[0].weight_bits: must be 4, 8 or 16"},
        {R"(tasks=[{"kind":"chat","images_per_day":3}])", "tasks[0].images_per_day: not a key of a chat task"},
        {R"(tasks=[{"kind":"dance"}])", "tasks[0].kind: must be one of chat, fine_tune, train, image"},
        {R"(tasks=[{"kind":"fine_tune","method":"lorax"}])", "tasks[0].method: must be one of lora, qlora, full"},
        {R"(tasks=[{"kind":"image","params_b":-1}])", "tasks[0].params_b: must be a number from 0.01 to 2000"},
        {R"(tasks={"kind":"chat"})", "tasks: must be a list of at most 12 tasks"},
        {R"(tasks=[{"kind":"chat"})", "tasks: must be a JSON list of tasks or none"},
    };
    for (const auto& [setting, message] : bad) {
        Scenario t = s;
        const Status st = ApplySetting(t, setting);
        INFO(setting);
        REQUIRE_FALSE(st);
        CHECK(st.error.find(message) != std::string::npos);
        CHECK(t == s); // a refused value changes nothing
    }
}

TEST_CASE("a catalog without the reference chip keeps the typed hours and says why", "[workload]")
{
    Catalog c = Cat();
    c.chips.clear();
    for (GpuModel& g : c.gpus)
        g.chip.clear();
    for (CloudOffer& o : c.offers)
        o.chip.clear();
    Scenario s;
    s.hours_per_week = 33;
    s.tasks = {Chat(8, 4, 100000)};
    const ModelInputs in(s, c);
    CHECK_FALSE(in.workload().error.empty());
    CHECK(in.scenario().hours_per_week == 33);
    const Report r = BuildReport(s, c);
    CHECK(r.workload.error.find("rtx4090") != std::string::npos);
}
