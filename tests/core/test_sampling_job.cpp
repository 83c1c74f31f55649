// "How sure" as a job and an answer in JSON (the page's Web Worker runs it): the answer is the very figures
// SampleOutcomes gives in place, every figure survives the trip to the bit, and each reader names what it
// refuses.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/catalog.hpp"
#include "core/sampling_job.hpp"
#include "core/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

namespace {

// Every figure of two sampling answers, compared to the bit (the JSON is written with the shortest text that
// reads back as the same double).
void CheckSame(const Uncertainty& a, const Uncertainty& b)
{
    REQUIRE(UncertaintyToJson(a).dump() == UncertaintyToJson(b).dump());
    CHECK(a.samples == b.samples);
    CHECK(a.seed == b.seed);
    for (std::size_t o = 0; o < kOptionCount; ++o) {
        CHECK(a.p_best[o] == b.p_best[o]);
        CHECK(a.total_usd[o].p10 == b.total_usd[o].p10);
        CHECK(a.total_usd[o].p90 == b.total_usd[o].p90);
        REQUIRE(a.cumulative_usd[o].size() == b.cumulative_usd[o].size());
        for (std::size_t m = 0; m < a.cumulative_usd[o].size(); ++m)
            CHECK(a.cumulative_usd[o][m].p50 == b.cumulative_usd[o][m].p50);
    }
    CHECK(a.break_even_month.has_value() == b.break_even_month.has_value());
    CHECK(a.p_no_break_even == b.p_no_break_even);
    REQUIRE(a.sways.size() == b.sways.size());
    for (std::size_t k = 0; k < a.sways.size(); ++k) {
        CHECK(std::string(a.sways[k].key) == b.sways[k].key);
        CHECK(a.sways[k].p_changes == b.sways[k].p_changes);
    }
}

} // namespace

TEST_CASE("sampling job: run from its JSON on the catalog's JSON, it answers what SampleOutcomes gives in place",
          "[sampling-job]")
{
    // The worker gets the scenario and the catalog as text and reads them back: random scenarios (tasks, owned
    // machines, currencies and countries among them) and the app's two runs, live and on release.
    const Expected<Catalog> catalog_again = ParseCatalog(CatalogToJson(Cat()));
    REQUIRE(catalog_again);
    std::mt19937 rng(41);
    for (int i = 0; i < 40; ++i) {
        SamplingJob job;
        job.scenario = labcalc::test::RandomScenario(rng);
        job.samples = i % 2 == 0 ? 120 : 60;
        job.seed = 1000u + static_cast<unsigned>(i);
        job.sways = i % 3 == 0;
        const Expected<SamplingJob> read = ParseSamplingJob(SamplingJobToJson(job));
        REQUIRE(read);
        CHECK(read.value->scenario == job.scenario);
        CHECK(read.value->samples == job.samples);
        CHECK(read.value->seed == job.seed);
        CHECK(read.value->sways == job.sways);
        const Expected<Uncertainty> answer = ParseUncertaintyJson(RunSamplingJob(*read.value, *catalog_again.value));
        REQUIRE(answer);
        SampleSettings settings;
        settings.sways = job.sways;
        CheckSame(*answer.value, SampleOutcomes(job.scenario, Cat(), job.samples, job.seed, settings));
    }
}

TEST_CASE("sampling job: the uncertainty reader gives back what the writer wrote, sways and missing break-even too",
          "[sampling-job]")
{
    Scenario s;
    const Uncertainty with_sways = SampleOutcomes(s, Cat(), 200, 3);
    REQUIRE_FALSE(with_sways.sways.empty());
    const Expected<Uncertainty> a = ParseUncertaintyJson(UncertaintyToJson(with_sways).dump());
    REQUIRE(a);
    CheckSame(*a.value, with_sways);
    CHECK(std::string(a.value->sways[0].label) == with_sways.sways[0].label);

    s.privacy = Privacy::on_premises_only; // only the home lab is priced: no break-even, empty bands
    const Uncertainty home_only = SampleOutcomes(s, Cat(), 50, 3);
    const Expected<Uncertainty> b = ParseUncertaintyJson(UncertaintyToJson(home_only).dump());
    REQUIRE(b);
    CheckSame(*b.value, home_only);
}

TEST_CASE("sampling job: bad jobs and answers are refused with the field and the rule", "[sampling-job]")
{
    const std::string job = SamplingJobToJson(SamplingJob{});
    auto job_with = [&](const char* key, const nlohmann::json& value) {
        nlohmann::json j = nlohmann::json::parse(job);
        j[key] = value;
        return ParseSamplingJob(j.dump());
    };
    CHECK(job_with("samples", 0).error.find("sampling job.samples") != std::string::npos);
    CHECK(job_with("samples", 2.5).error.find("sampling job.samples: must be a whole number") != std::string::npos);
    CHECK(job_with("seed", -1).error.find("sampling job.seed") != std::string::npos);
    CHECK(job_with("sways", 1).error.find("sampling job.sways: expected true or false") != std::string::npos);
    CHECK(job_with("labcalc_sampling_job", 2).error.find("version 1") != std::string::npos);
    CHECK(job_with("extra", 1).error.find("unknown key") != std::string::npos);
    CHECK(job_with("scenario", nlohmann::json{{"hours_per_week", -3}}).error.find("sampling job.scenario: ") == 0);
    CHECK(ParseSamplingJob("{").error.find("sampling job") != std::string::npos);
    CHECK(ParseSamplingJob("[]").error.find("expected an object") != std::string::npos);

    const std::string answer = UncertaintyToJson(SampleOutcomes(Scenario{}, Cat(), 60, 3)).dump();
    auto answer_with = [&](const nlohmann::json::json_pointer& at, const nlohmann::json& value) {
        nlohmann::json j = nlohmann::json::parse(answer);
        j[at] = value;
        return ParseUncertaintyJson(j.dump());
    };
    using P = nlohmann::json::json_pointer;
    CHECK(answer_with(P("/p_best/cloud"), 1.5).error.find("uncertainty.p_best.cloud") != std::string::npos);
    CHECK(answer_with(P("/total_usd/home/p50"), "x").error.find("uncertainty.total_usd.home.p50") != std::string::npos);
    CHECK(answer_with(P("/cumulative_usd/hybrid"), 3).error.find("uncertainty.cumulative_usd.hybrid") !=
          std::string::npos);
    CHECK(answer_with(P("/sways/0/input"), "spread.moon_pct").error.find("uncertainty.sways[0].input") !=
          std::string::npos);
    CHECK(answer_with(P("/sways/0/label"), "something else").error.find("uncertainty.sways[0].label") !=
          std::string::npos);
    CHECK(answer_with(P("/samples"), 0).error.find("uncertainty.samples") != std::string::npos);
    CHECK(answer_with(P("/p_nothing_fits"), nullptr).error.find("uncertainty.p_nothing_fits") != std::string::npos);
    nlohmann::json missing = nlohmann::json::parse(answer);
    missing.erase("sways");
    CHECK(ParseUncertaintyJson(missing.dump()).error.find("uncertainty.sways: missing") != std::string::npos);
}
