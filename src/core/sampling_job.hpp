#pragma once
// "How sure" worked out somewhere else: the likely futures of a scenario (SampleOutcomes) asked for as a
// JSON job and answered as the report's `uncertainty` JSON. The page draws its live futures this way in a
// Web Worker, away from the thread that draws the frames (src/platform/web, web/labcalc_pre.js); the job and
// the answer are plain text, so the worker is the same core run on the same inputs and answers the very
// figures SampleOutcomes gives in place (tests/core/test_sampling_job.cpp holds it).
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/expected.hpp"
#include "core/scenario.hpp"
#include "core/uncertainty.hpp"

namespace labcalc::core {

struct SamplingJob {
    Scenario scenario;
    int samples = 1000;
    std::uint32_t seed = kDefaultSeed;
    bool sways = true; // SampleSettings::sways
};

// {"labcalc_sampling_job": 1, "samples": N, "seed": S, "sways": bool, "scenario": {...}}.
std::string SamplingJobToJson(const SamplingJob& job);
// Refuses unknown keys, a samples count outside 1 ... kMaxSamples, a seed that is not a 32-bit unsigned
// integer and a scenario its own reader refuses, each with the field and the rule.
Expected<SamplingJob> ParseSamplingJob(std::string_view text);

// The job's likely futures on `catalog`, as the report's `uncertainty` JSON text.
std::string RunSamplingJob(const SamplingJob& job, const Catalog& catalog);

// The report's `uncertainty` object (docs/report-schema.md) and its reader: Parse(ToJson(u)) is u, to the
// bit. The reader refuses unknown keys, missing ones, shares outside 0 ... 1, figures that are not finite
// numbers and sways of inputs it does not know, naming the field.
nlohmann::json UncertaintyToJson(const Uncertainty& u);
Expected<Uncertainty> ParseUncertaintyJson(std::string_view text);

} // namespace labcalc::core
