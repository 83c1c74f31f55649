// The command line in-process: exit codes, one message on stderr, nothing on stdout for bad input.
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"
#include "core/scenario_json.hpp"
#include "core/url_state.hpp"

using labcalc::cli::Io;
using labcalc::cli::RunCli;

namespace {
struct Result {
    int code;
    std::string out, err;
};

Result Run(std::vector<std::string> args, std::map<std::string, std::string> files = {})
{
    Io io;
    io.today = "2026-11-28";
    io.read_file = [files](const std::string& path, std::size_t, std::string* text, std::string* error) {
        auto it = files.find(path);
        if (it == files.end()) {
            *error = "cannot open the file";
            return false;
        }
        *text = it->second;
        return true;
    };
    const int code = RunCli(args, io);
    return {code, io.out, io.err};
}

void ExpectBadInput(const Result& r, const std::string& names)
{
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("labcalc: ") && Catch::Contains(names));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
} // namespace

TEST_CASE("cli: a report in each format", "[cli]")
{
    const Result text = Run({});
    CHECK(text.code == 0);
    CHECK_THAT(text.out, Catch::StartsWith("Recommendation: "));
    const Result json = Run({"--format", "json", "--preset", "beginner"});
    REQUIRE(json.code == 0);
    const auto j = nlohmann::json::parse(json.out);
    for (const char* key : {"recommendation", "margin", "reasons", "break_even_month", "flip_points", "scenario",
                            "assumptions", "options"})
        CHECK(j.contains(key));
    for (const char* option : {"home", "cloud", "hybrid"})
        for (const char* key :
             {"feasible", "blockers", "upfront_usd", "monthly_usd", "total_usd", "cumulative_usd", "factors", "score"})
            CHECK(j["options"][option].contains(key));
    CHECK(j["options"]["home"]["factors"].size() == 11); // the course's ten and carbon
    CHECK(j["options"]["home"]["factors"].contains("carbon"));
    const Result csv = Run({"--format", "csv", "--set", "horizon_months=12"});
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 14); // header + months 0..12
    CHECK_THAT(Run({"--format", "markdown"}).out, Catch::StartsWith("# labcalc: "));
    CHECK_THAT(Run({"--list-presets"}).out, Catch::Contains("sensitive-data"));
    // The link part for the web page: decodes to the same scenario as the JSON report's.
    const Result fragment = Run({"--format", "fragment", "--preset", "beginner", "--set", "vram_gb=40"});
    REQUIRE(fragment.code == 0);
    CHECK_THAT(fragment.out, Catch::StartsWith("s="));
    auto decoded = labcalc::core::DecodeScenarioFragment(fragment.out.substr(0, fragment.out.size() - 1));
    REQUIRE(decoded);
    CHECK(labcalc::core::ScenarioToJson(*decoded.value) ==
          nlohmann::json::parse(
              Run({"--format", "json", "--preset", "beginner", "--set", "vram_gb=40"}).out)["scenario"]);
    CHECK_THAT(Run({"--help"}).out, Catch::Contains("hours_per_week"));
}

TEST_CASE("cli: scenario file, then --set on top", "[cli]")
{
    const Result r = Run({"--scenario", "s.json", "--set", "hours_per_week=50", "--format", "json"},
                         {{"s.json", R"({"hours_per_week": 10, "budget_usd": 9000})"}});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["scenario"]["hours_per_week"] == 50);
    CHECK(j["scenario"]["budget_usd"] == 9000);
}

TEST_CASE("cli: every bad-input class exits 2 with one message and no report", "[cli]")
{
    // Found by fuzz_cli: a date with bytes that are not digits (nor UTF-8) reached the JSON writer.
    ExpectBadInput(Run({"--today", "20\xcd\xd2-01-01", "--format", "json"}), "--today must be a date");
    ExpectBadInput(Run({"--today", "2026-13-01"}), "--today must be a date");
    ExpectBadInput(Run({"--today", "2026-1a-01"}), "--today must be a date");
    ExpectBadInput(Run({"--bogus"}), "--bogus");
    ExpectBadInput(Run({"--preset", "nobody"}), "unknown preset 'nobody'");
    ExpectBadInput(Run({"--format", "pdf"}), "--format");
    ExpectBadInput(Run({"--set", "nokey=1"}), "unknown key 'nokey'");
    ExpectBadInput(Run({"--set", "hours_per_week=abc"}), "hours_per_week");
    ExpectBadInput(Run({"--set", "cloud.usd_per_gpu_hour=-1"}), "cloud.usd_per_gpu_hour");
    ExpectBadInput(Run({"--set", "budget_usd=nan"}), "budget_usd");
    ExpectBadInput(Run({"--scenario", "missing.json"}), "missing.json");
    ExpectBadInput(Run({"--scenario", "a.json"}, {{"a.json", "{\"budget_usd\": \"lots\"}"}}), "budget_usd");
    ExpectBadInput(Run({"--scenario", "a.json"}, {{"a.json", "{\"x\": 1}"}}), "unknown key 'x'");
    ExpectBadInput(Run({"--scenario", "a.json"}, {{"a.json", "{oops"}}), "malformed JSON");
    ExpectBadInput(Run({"--scenario", "a.json"}, {{"a.json", "{\"egress_gb_per_month\": -4}"}}), "egress_gb_per_month");
    ExpectBadInput(Run({"--catalog", "c.json"}, {{"c.json", "{}"}}), "catalog");
    ExpectBadInput(Run({"--set", "assumptions.nope=1"}), "assumptions.nope");
    ExpectBadInput(Run({"--today", "yesterday"}), "--today");
    ExpectBadInput(Run({"--scenario"}), "--scenario needs a value");
}
