// The embedding API: fragment options, origins, and the messages a host page sends. Every bad input
// is rejected with a message naming the part or field; messages not meant for labcalc are ignored.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/embed_api.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/url_state.hpp"

using namespace labcalc::core;
using nlohmann::json;

TEST_CASE("page options come from the fragment, bad parts are named and ignored", "[embed]")
{
    auto r = ParsePageOptions("#embed=1&frame=lesson-2&origins=https%3A%2F%2Fcourse.example%2Chttp%3A%2F%2F127.0.0.1%"
                              "3A8081,null&preset=beginner");
    CHECK(r.errors.empty());
    CHECK(r.options.embed);
    CHECK(r.options.frame == "lesson-2");
    CHECK(r.options.origins == std::vector<std::string>{"https://course.example", "http://127.0.0.1:8081", "null"});
    CHECK(r.options.preset == "beginner");
    CHECK_FALSE(r.options.has_scenario);

    const std::string link = EncodeScenarioFragment(Scenario{});
    CHECK(ParsePageOptions(link + "&embed=0").options.has_scenario);
    // A broken s= part is the scenario decoder's to name ("could not be read"), not an option error.
    CHECK(ParsePageOptions("s=%%%not-base64").options.has_scenario);
    CHECK(ParsePageOptions("s=%%%not-base64").errors.empty());
    CHECK_FALSE(ParsePageOptions("").options.embed);
    CHECK(ParsePageOptions("#").errors.empty());

    struct Bad {
        const char* fragment;
        const char* names;
    };
    for (const Bad& b :
         {Bad{"embed=2", "embed must be 0 or 1"}, Bad{"embed=", "embed must be 0 or 1"},
          Bad{"frame=has%20space", "frame must be"}, Bad{"frame=", "frame must be"},
          Bad{"frame=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "frame must be"},
          Bad{"origins=ftp://x", "origins: 'ftp://x'"},
          Bad{"origins=https://Course.example", "origins: 'https://Course.example'"},
          Bad{"origins=https://a.example/path", "no path"}, Bad{"origins=https://a.example:99999", "origins:"},
          Bad{"origins=https://a.example:", "origins:"}, Bad{"origins=", "origins: ''"},
          Bad{"origins=*", "origins: '*'"}, Bad{"origins=%zz", "broken %-escape"},
          Bad{"preset=nope", "preset 'nope'"}}) {
        INFO(b.fragment);
        const auto bad = ParsePageOptions(std::string(b.fragment) + "&embed=1");
        REQUIRE(bad.errors.size() == (std::string(b.fragment).rfind("embed", 0) == 0 ? 1u : 1u));
        CHECK(bad.errors[0].find(b.names) != std::string::npos);
        // The other parts still apply (a bad embed= is itself the bad part).
        if (std::string(b.fragment).rfind("embed", 0) != 0)
            CHECK(bad.options.embed);
    }
    CHECK(ParsePageOptions(std::string(kMaxFragmentBytes + 1, 'a')).errors.size() == 1);
}

TEST_CASE("origins: the frame's own is allowed, null only when listed", "[embed]")
{
    for (const char* good :
         {"https://course.example", "http://127.0.0.1:8080", "https://[::1]:8443", "null", "https://a-b.c.example"})
        CHECK(IsValidOrigin(good));
    for (const char* bad : {"", "https://", "https://a.example/", "https://a b", "javascript:alert(1)", "https://[::1",
                            "file://", "HTTPS://A.EXAMPLE"})
        CHECK_FALSE(IsValidOrigin(bad));
    // Spellings the browser rewrites before it compares (so an event would reach an origin the link does not
    // name as such): refused, so the list holds only what the browser reports.
    for (const char* other :
         {"http://127.1:8080", "http://0x7f.0.0.1:8080", "http://2130706433:8080", "http://127.0.0.01:8080",
          "http://127.0.0.1:08080", "https://course.example.", "https://course..example", "https://course.example:443",
          "http://course.example:80", "http://256.0.0.1", "http://1.2.3"})
        CHECK_FALSE(IsValidOrigin(other));
    for (const char* good :
         {"http://127.0.0.1:8443", "https://course.example:8443", "http://10.0.0.255", "https://x1.example"})
        CHECK(IsValidOrigin(good));
    CHECK_THAT(ParsePageOptions("origins=http%3A%2F%2F127.1%3A8080").errors.at(0), Catch::Contains("127.1"));

    PageOptions none;
    CHECK(OriginAllowed(none, "https://site.example", "https://site.example"));
    CHECK_FALSE(OriginAllowed(none, "https://other.example", "https://site.example"));
    CHECK_FALSE(OriginAllowed(none, "null", "null")); // file:// pages only when asked
    PageOptions listed = ParsePageOptions("origins=https%3A%2F%2Fother.example,null").options;
    CHECK(OriginAllowed(listed, "https://other.example", "https://site.example"));
    CHECK(OriginAllowed(listed, "null", "null"));
    CHECK_FALSE(OriginAllowed(listed, "https://other.example.evil", "https://site.example"));
}

TEST_CASE("messages: accepted, rejected with the field named, or ignored", "[embed]")
{
    auto m = ParseEmbedMessage(R"({"type":"labcalc:get-report","version":1,"id":"q1"})");
    CHECK(m.disposition == MessageDisposition::accept);
    CHECK(m.request.kind == EmbedRequestKind::get_report);
    CHECK(m.request.id == "q1");

    m = ParseEmbedMessage(
        R"({"type":"labcalc:set-scenario","version":1,"id":7,"scenario":{"vram_gb":80},"merge":true})");
    REQUIRE(m.disposition == MessageDisposition::accept);
    CHECK(m.request.merge);
    Scenario current;
    current.budget_usd = 1234;
    auto merged = RequestedScenario(m.request, current);
    REQUIRE(merged);
    CHECK(merged.value->vram_gb == 80);
    CHECK(merged.value->budget_usd == 1234);
    m.request.merge = false;
    CHECK(RequestedScenario(m.request, current).value->budget_usd == Scenario{}.budget_usd);

    m = ParseEmbedMessage(R"({"type":"labcalc:set-scenario","version":1,"scenario":{"budget_usd":-5}})");
    REQUIRE(m.disposition == MessageDisposition::accept); // the message is well formed ...
    auto bad = RequestedScenario(m.request, current);     // ... the scenario is not
    REQUIRE_FALSE(bad);
    CHECK(bad.error.find("scenario.budget_usd") == 0);

    m = ParseEmbedMessage(R"({"type":"labcalc:load-preset","version":1,"preset":"beginner"})");
    CHECK(m.disposition == MessageDisposition::accept);
    CHECK(m.request.preset == "beginner");

    struct Case {
        const char* text;
        const char* names;
    };
    for (const Case& c : {Case{R"({"type":"labcalc:explode","version":1,"id":"x"})", "labcalc:explode"},
                          Case{R"({"type":"labcalc:get-report"})", "version: missing"},
                          Case{R"({"type":"labcalc:get-report","version":2})", "version: must be 1"},
                          Case{R"({"type":"labcalc:get-report","version":"1"})", "version: must be 1"},
                          Case{R"({"type":"labcalc:get-report","version":1,"extra":1})", "unknown key 'extra'"},
                          Case{R"({"type":"labcalc:set-scenario","version":1})", "scenario: must be a JSON object"},
                          Case{R"({"type":"labcalc:set-scenario","version":1,"scenario":[1]})",
                               "scenario: must be a JSON object (got a list)"},
                          Case{R"({"type":"labcalc:set-scenario","version":1,"scenario":{},"merge":"yes"})",
                               "merge: must be true or false"},
                          Case{R"({"type":"labcalc:load-preset","version":1,"preset":3})", "preset: must be"},
                          Case{R"({"type":"labcalc:get-report","version":1,"id":{"a":1}})", "id: must be"},
                          Case{R"({"type":"labcalc:get-report","version":1,"a":1,"a":2})", "a"},
                          Case{R"({"type":"labcalc:get-report", "version":)", "message"}}) {
        INFO(c.text);
        const auto r = ParseEmbedMessage(c.text);
        CHECK(r.disposition == MessageDisposition::reject);
        CHECK(r.error.find(c.names) != std::string::npos);
    }
    // The id is echoed in an error when it could be read.
    CHECK(ParseEmbedMessage(R"({"type":"labcalc:explode","version":1,"id":"x"})").id == "x");

    // Not addressed to labcalc: other scripts use postMessage too.
    for (const char* other : {"", "hi", "\"hi\"", "42", "[1,2]", "{}", R"({"hello":1})", R"({"type":"webpackOk"})",
                              R"({"type":7})", "{broken"})
        CHECK(ParseEmbedMessage(other).disposition == MessageDisposition::ignore);
}

TEST_CASE("messages the frame sends", "[embed]")
{
    const Report r =
        BuildReport(*LoadPreset("beginner").value, LoadDefaultCatalog(), ReportSettings{"2026-11-28", false});
    const json ready = json::parse(EmbedReportMessage("labcalc:ready", nullptr, "f1", r));
    CHECK(ready["type"] == "labcalc:ready");
    CHECK(ready["version"] == 1);
    CHECK(ready["frame"] == "f1");
    CHECK(ready["id"].is_null());
    CHECK(ready["report"]["recommendation"] == OptionKey(r.recommendation));
    CHECK(ready["report"]["schema"] == "labcalc.report/4");
    CHECK(ready["report"]["reasons"][0]["course"].is_string());

    const json err = json::parse(EmbedErrorMessage("q9", "", "version: must be 1 \xff"));
    CHECK(err["type"] == "labcalc:error");
    CHECK(err["id"] == "q9");
    CHECK(err["error"].get<std::string>().rfind("version: must be 1", 0) == 0);

    const json sc = json::parse(EmbedScenarioMessage(3, "", Scenario{}));
    CHECK(sc["scenario"]["budget_usd"] == Scenario{}.budget_usd);

    const std::string snippet = EmbedSnippet("https://site.example/labcalc/index.html#s=old", Scenario{});
    CHECK(snippet.rfind("<iframe src=\"https://site.example/labcalc/index.html#embed=1&amp;s=", 0) == 0);
    CHECK(snippet.find("allow=\"clipboard-write; fullscreen\"") != std::string::npos);
    CHECK(snippet.find("s=old") == std::string::npos);
    CHECK(EmbedSnippet("https://x.example/a\"b", Scenario{}).find("a&quot;b") != std::string::npos);
}

TEST_CASE("the page keeps its options in the fragment it writes, events go to allowed origins only", "[embed]")
{
    Scenario s;
    s.budget_usd = 2500;
    const auto opened = ParsePageOptions(
        "embed=1&frame=f2&origins=https%3A%2F%2Fa.example%2Chttp%3A%2F%2F127.0.0.1%3A9000&preset=beginner");
    REQUIRE(opened.errors.empty());
    const std::string written = EncodePageFragment(opened.options, s);
    const auto reread = ParsePageOptions(written);
    CHECK(reread.errors.empty());
    CHECK(reread.options.embed);
    CHECK(reread.options.frame == "f2");
    CHECK(reread.options.origins == opened.options.origins);
    CHECK(reread.options.preset.empty());
    REQUIRE(DecodeScenarioFragment(written));
    CHECK(DecodeScenarioFragment(written).value->budget_usd == 2500);
    CHECK(EncodePageFragment(PageOptions{}, s) == EncodeScenarioFragment(s));

    CHECK(EventTargetOrigins(PageOptions{}, "https://site.example") ==
          std::vector<std::string>{"https://site.example"});
    CHECK(EventTargetOrigins(PageOptions{}, "null").empty());
    CHECK(EventTargetOrigins(opened.options, "https://site.example") ==
          std::vector<std::string>{"https://site.example", "https://a.example", "http://127.0.0.1:9000"});
    CHECK(EventTargetOrigins(ParsePageOptions("origins=null").options, "null") == std::vector<std::string>{"*"});
}

TEST_CASE("labcalc's own replies and events are never answered (two frames would answer each other for ever)",
          "[embed]")
{
    for (const char* type :
         {"labcalc:report", "labcalc:scenario", "labcalc:error", "labcalc:ready", "labcalc:changed"}) {
        const std::string message = std::string(R"({"type":")") + type + R"(","version":1,"id":"x"})";
        INFO(message);
        CHECK(ParseEmbedMessage(message).disposition == MessageDisposition::ignore);
    }
    CHECK(ParseEmbedMessage(R"({"type":"labcalc:nonsense","version":1})").disposition == MessageDisposition::reject);
}
