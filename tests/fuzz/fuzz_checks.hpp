#pragma once
// Invariants every fuzz target checks on what the core accepts. A broken invariant prints what broke
// and aborts, so libFuzzer keeps the input as a crash (crash-<sha1>) like any sanitizer report.
//   - an error is one line without control characters, and stays short (it is printed as one line by the CLI,
//     shown in a status bar by the page);
//   - an accepted scenario evaluates: BuildReport runs (flip points on for about one input in 16, they
//     cost ~100 evaluations), and its JSON report has no NaN or infinity (nlohmann writes them as null);
//   - parse -> ScenarioToJson -> parse gives an equal scenario, and the JSON text is the same twice;
//   - EncodeScenarioFragment -> DecodeScenarioFragment gives an equal scenario.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/report.hpp"
#include "core/scenario_json.hpp"
#include "core/test_helpers.hpp"
#include "core/url_state.hpp"

namespace labcalc::fuzz {

// Longest error message we accept: a message that echoes a 1 MiB key is not a message.
constexpr std::size_t kMaxErrorChars = 600;

[[noreturn]] inline void Broken(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "\n*** labcalc fuzz invariant broken: %s\n%.*s\n", what, 2000, detail.c_str());
    std::abort();
}

#define LABCALC_CHECK(cond, detail)                                                                                    \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::labcalc::fuzz::Broken(#cond, (detail));                                                                  \
    } while (0)

// A cheap, deterministic choice from the input bytes (FNV-1a).
inline std::uint32_t Hash(const std::uint8_t* data, std::size_t size)
{
    std::uint32_t h = 2166136261u;
    for (std::size_t i = 0; i < size; ++i)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

inline void CheckError(const std::string& error)
{
    LABCALC_CHECK(!error.empty(), "a failure without a message");
    bool control = false; // a message is one line of text: no newline, tab, escape or other control byte
    for (char ch : error)
        control = control || static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;
    LABCALC_CHECK(!control, error);
    LABCALC_CHECK(error.size() <= kMaxErrorChars,
                  error.substr(0, 300) + "... (" + std::to_string(error.size()) + " chars)");
}

inline const core::Catalog& DefaultCatalog()
{
    static const core::Catalog c = core::LoadDefaultCatalog();
    return c;
}

// The report of `s` on `c` is finite and has the three options.
inline void CheckReport(const core::Scenario& s, const core::Catalog& c, bool flip_points)
{
    core::ReportSettings settings;
    settings.flip_points = flip_points;
    const core::Report r = core::BuildReport(s, c, settings);
    // An enum can still hold a value outside its options (a cast from a bad index): the JSON edge would
    // then write no key at all.
    const int recommended = static_cast<int>(r.recommendation);
    LABCALC_CHECK(recommended >= 0 && recommended < core::kOptionCount, std::to_string(recommended));
    LABCALC_CHECK(r.options.size() == 3, std::to_string(r.options.size()));
    LABCALC_CHECK(std::isfinite(r.margin), "margin");
    const std::string text = core::ReportToJson(r, -1);
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    LABCALC_CHECK(!j.is_discarded(), "ReportToJson wrote text nlohmann cannot read back");
    const std::string bad = test::FirstNonFinite(j);
    LABCALC_CHECK(bad.empty(),
                  "NaN or infinity in the report at " + bad + "\nscenario: " + core::ScenarioToJson(s).dump());
    // The other views of the same report must not crash and print no NaN.
    const std::string csv = core::ReportToCsv(r);
    LABCALC_CHECK(csv.find("nan") == std::string::npos && csv.find("inf") == std::string::npos, csv.substr(0, 400));
    LABCALC_CHECK(!core::ReportToText(r).empty(), "empty text report");
    LABCALC_CHECK(!core::ReportToMarkdown(r).empty(), "empty Markdown report");
}

// Serialise -> parse is stable, and so is the link.
inline void CheckRoundTrips(const core::Scenario& s)
{
    const nlohmann::json j = core::ScenarioToJson(s);
    const std::string text = j.dump();
    auto again = core::ParseScenarioJson(text);
    LABCALC_CHECK(again.value.has_value(),
                  "ScenarioToJson wrote a scenario ParseScenarioJson refuses: " + again.error + "\n" + text);
    LABCALC_CHECK(*again.value == s,
                  "parse(ScenarioToJson(s)) != s\nfirst:  " + text +
                      "\nsecond: " + core::ScenarioToJson(*again.value).dump());
    LABCALC_CHECK(core::ScenarioToJson(*again.value).dump() == text, "ScenarioToJson is not stable");

    const std::string fragment = core::EncodeScenarioFragment(s);
    if (fragment.size() <= core::kMaxFragmentBytes) { // longer links are refused by design (checked below)
        auto decoded = core::DecodeScenarioFragment(fragment);
        LABCALC_CHECK(decoded.value.has_value(),
                      "DecodeScenarioFragment refuses what EncodeScenarioFragment wrote: " + decoded.error + "\n" +
                          fragment.substr(0, 300));
        LABCALC_CHECK(*decoded.value == s,
                      "Decode(Encode(s)) != s\n" + text + "\n" + core::ScenarioToJson(*decoded.value).dump());
    } else {
        auto decoded = core::DecodeScenarioFragment(fragment);
        LABCALC_CHECK(!decoded.value.has_value(), "a fragment over the limit was accepted");
        CheckError(decoded.error);
    }
}

// Everything we require of an accepted scenario.
inline void CheckAcceptedScenario(const core::Scenario& s, const std::uint8_t* data, std::size_t size)
{
    CheckRoundTrips(s);
    CheckReport(s, DefaultCatalog(), Hash(data, size) % 16 == 0);
}

} // namespace labcalc::fuzz
