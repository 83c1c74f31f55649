// The page inside a lesson: the compact layout fits the documented frame sizes without
// scrolling, the message API acts on good messages and answers bad ones, events come when the report
// settles, an embedded frame keeps no storage, and the course view's lines set the scenario.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/url_state.hpp"
#include "harness.hpp"
#include "imgui_internal.h"
#include "ui/embed_actions.hpp"

using namespace labcalc;
using labcalc::test::Harness;
using nlohmann::json;

namespace {
constexpr const char* kSelf = "https://site.example";
}

TEST_CASE("The embedded layout fits each documented frame size without scrolling")
{
    for (ImVec2 size : {ImVec2(320, 400), ImVec2(400, 480), ImVec2(480, 560), ImVec2(640, 560), ImVec2(1024, 700)}) {
        for (const char* fragment : {"embed=1", "embed=1&preset=sensitive-data", "embed=1&preset=bursty-large-models",
                                     "embed=1&origins=ftp://x&preset=beginner"}) {
            INFO(size.x << " x " << size.y << " " << fragment);
            Harness h(false, fragment, size, kSelf);
            h.Settle();
            // The answer comes with at least its first reason, at every size.
            for (const char* id :
                 {"embed_open_full", "budget_usd", "hours_per_week", "privacy", "embed_reason_0", "embed_chart"}) {
                INFO(id);
                REQUIRE(h.state.test_hooks.item_rects.count(id) == 1);
                const ui::ItemRect r = h.state.test_hooks.item_rects.at(id);
                CHECK(r.x0 >= 0);
                CHECK(r.y0 >= 0);
                CHECK(r.x1 <= size.x + 0.5f);
                CHECK(r.y1 <= size.y + 0.5f);
                CHECK(r.x1 > r.x0);
            }
            // The chart has real height, and nothing of the full page is drawn.
            const ui::ItemRect chart = h.state.test_hooks.item_rects.at("embed_chart");
            CHECK(chart.y1 - chart.y0 > 100);
            CHECK(h.state.test_hooks.item_rects.count("copy_link") == 0);
            // A bad link part is marked on the page (its message on hover).
            CHECK(h.state.test_hooks.item_rects.count("error_message") ==
                  (std::string(fragment).find("ftp") != std::string::npos ? 1u : 0u));
            ImGuiWindow* window = ImGui::FindWindowByName("labcalc_embedded");
            REQUIRE(window != nullptr);
            CHECK(window->ScrollMax.y == 0);
            CHECK(window->ContentSize.y <= window->Size.y);
        }
    }
}

TEST_CASE("An embedded frame starts from its link only and stores nothing")
{
    Harness h(false, "embed=1&frame=f1&preset=beginner", ImVec2(480, 560), kSelf);
    h.services.store[ui::kStoredScenarioKey] = R"({"budget_usd": 99})";
    h.Settle();
    CHECK(h.state.embedding.page.embed);
    CHECK(h.state.preset_name == "beginner");
    h.MoveTo(h.Point("hours_per_week", 0.1f));
    h.Button(true);
    h.MoveTo(h.Point("hours_per_week", 0.6f));
    h.Button(false);
    h.Settle();
    CHECK(h.state.scenario.hours_per_week > 40);
    CHECK(h.services.store_writes == 0);
    // The link it keeps names its options and the edited scenario (the preset part is gone).
    CHECK(h.services.url_fragment.rfind("embed=1&frame=f1&s=", 0) == 0);

    // "Full calculator" opens the page without the embed options, with the same scenario.
    h.Click("embed_open_full");
    REQUIRE(h.services.opened.find("#s=") != std::string::npos);
    CHECK(h.services.opened.find("embed") == std::string::npos);
    auto decoded = core::DecodeScenarioFragment(h.services.opened.substr(h.services.opened.find('#')));
    REQUIRE(decoded);
    CHECK(*decoded.value == h.state.scenario);
}

TEST_CASE("A bad embed option is named on the page and the rest still applies")
{
    Harness h(false, "embed=1&frame=bad%20name&preset=sensitive-data", ImVec2(480, 560), kSelf);
    h.Settle();
    CHECK(h.state.embedding.page.embed);
    CHECK(h.state.preset_name == "sensitive-data");
    CHECK(h.state.error_message.find("frame must be") != std::string::npos);
}

TEST_CASE("Messages: good ones act and answer with the report, bad ones change nothing")
{
    Harness h(false, "embed=1&frame=lesson&origins=https%3A%2F%2Fcourse.example", ImVec2(480, 560), kSelf);
    h.Settle();
    // Nothing addressed to labcalc: no answer at all.
    CHECK(ui::HandleEmbedMessage(h.state, "https://course.example", R"({"hello":1})").empty());
    CHECK(ui::HandleEmbedMessage(h.state, "https://course.example", "\"hi\"").empty());

    json reply = json::parse(ui::HandleEmbedMessage(
        h.state, "https://course.example",
        R"({"type":"labcalc:set-scenario","version":1,"id":"a","scenario":{"vram_gb":80},"merge":true})"));
    CHECK(reply["type"] == "labcalc:report");
    CHECK(reply["id"] == "a");
    CHECK(reply["frame"] == "lesson");
    CHECK(reply["report"]["scenario"]["vram_gb"] == 80);
    CHECK(h.state.scenario.vram_gb == 80);
    CHECK(reply["report"]["flip_points"].size() > 0); // the complete report

    const core::Scenario kept = h.state.scenario;
    reply = json::parse(
        ui::HandleEmbedMessage(h.state, "https://course.example",
                               R"({"type":"labcalc:set-scenario","version":1,"id":"b","scenario":{"budget_usd":-5}})"));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(reply["id"] == "b");
    CHECK(reply["error"].get<std::string>().find("scenario.budget_usd") == 0);
    CHECK(h.state.scenario == kept);

    reply = json::parse(ui::HandleEmbedMessage(h.state, "https://course.example",
                                               R"({"type":"labcalc:load-preset","version":1,"preset":"nope"})"));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(h.state.scenario == kept);

    // Another origin: told how to be allowed, nothing acted on, no data.
    reply = json::parse(ui::HandleEmbedMessage(
        h.state, "https://evil.example", R"({"type":"labcalc:set-scenario","version":1,"scenario":{"vram_gb":8}})"));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(reply["error"].get<std::string>().find("origin 'https://evil.example' may not use") == 0);
    CHECK_FALSE(reply.contains("report"));
    CHECK(h.state.scenario == kept);
    // The frame's own origin is always allowed.
    reply =
        json::parse(ui::HandleEmbedMessage(h.state, kSelf, R"({"type":"labcalc:get-scenario","version":1,"id":3})"));
    CHECK(reply["type"] == "labcalc:scenario");
    CHECK(reply["scenario"]["vram_gb"] == 80);
}

TEST_CASE("Events: ready once, then changed when the report settles")
{
    Harness h(false, "embed=1", ImVec2(480, 560), kSelf);
    h.Settle();
    json e = json::parse(ui::TakeEmbedEvent(h.state, false));
    CHECK(e["type"] == "labcalc:ready");
    CHECK(e["report"]["recommendation"] == core::OptionKey(h.state.results.report.recommendation));
    CHECK(ui::TakeEmbedEvent(h.state, false).empty());
    // A slider being dragged announces nothing until it is released.
    h.MoveTo(h.Point("hours_per_week", 0.1f));
    h.Button(true);
    h.MoveTo(h.Point("hours_per_week", 0.7f));
    CHECK(ui::TakeEmbedEvent(h.state, ImGui::IsAnyItemActive()).empty());
    h.Button(false);
    h.Settle();
    e = json::parse(ui::TakeEmbedEvent(h.state, false));
    CHECK(e["type"] == "labcalc:changed");
    CHECK(e["report"]["scenario"]["hours_per_week"] == h.state.scenario.hours_per_week);
    CHECK(ui::TakeEmbedEvent(h.state, false).empty());
}

TEST_CASE("The full page copies embed code for the current scenario")
{
    Harness h(false, "", ImVec2(1280, 800), kSelf);
    h.Settle();
    h.Click("copy_embed");
    CHECK(h.services.clipboard.rfind("<iframe src=\"https://example.invalid/#embed=1&amp;s=", 0) == 0);
    CHECK(h.state.status_message.find("Embed code copied") == 0);
}

TEST_CASE("Course view: ticking a line sets the scenario to match and says what it moved")
{
    Harness h(false, "", ImVec2(1280, 4000)); // tall enough that the course section is on screen
    h.Settle();
    REQUIRE_FALSE(h.state.results.report.rules[0].matched);
    h.Click("course_section");
    h.Settle();
    h.Click("course_0"); // "Some of your data may not leave your premises"
    h.Settle();
    CHECK(h.state.scenario.privacy == core::Privacy::on_premises_only);
    CHECK(h.state.results.report.rules[0].matched);
    REQUIRE(h.state.course_change.valid);
    CHECK(h.state.course_change.ticked);
    CHECK(h.state.course_change.change.to == h.state.results.report.recommendation);
    CHECK_FALSE(h.state.course_change.change.rules_now_met.empty());
    // Unticking it again.
    h.Click("course_0");
    h.Settle();
    CHECK_FALSE(h.state.results.report.rules[0].matched);
    CHECK_FALSE(h.state.course_change.ticked);
    // A line that follows from the results cannot be ticked: the scenario stays.
    const core::Scenario kept = h.state.scenario;
    CHECK_FALSE(ui::SetCourseLine(h.state, 12, true));
    CHECK(h.state.scenario == kept);
    CHECK(h.state.error_message.find("follows from the costs and scores") != std::string::npos);
}

TEST_CASE("The page refuses what the CLI refuses: unknown or out-of-range assumptions, by message, link, paste and "
          "setScenario")
{
    Harness h(false, "embed=1&frame=lesson&origins=https%3A%2F%2Fcourse.example", ImVec2(480, 560), kSelf);
    h.Settle();
    const core::Scenario kept = h.state.scenario;

    // A message: an id no catalog figure has, the prototype key, a value out of the figure's range.
    for (const char* assumptions :
         {R"({"no.such.figure": 3})", R"({"__proto__": 1})", R"({"defaults.electricity_usd_per_kwh": 1e9})"}) {
        const std::string message =
            std::string(R"({"type":"labcalc:set-scenario","version":1,"id":"x","scenario":{"assumptions":)") +
            assumptions + "}}";
        const json reply = json::parse(ui::HandleEmbedMessage(h.state, "https://course.example", message));
        INFO(message);
        CHECK(reply["type"] == "labcalc:error");
        CHECK(reply["error"].get<std::string>().find("assumptions.") != std::string::npos);
        CHECK(h.state.scenario == kept);
    }

    // setScenario and paste (the same reader): refused, inputs kept.
    CHECK(ui::ApplyScenarioJson(h.state, R"({"assumptions": {"__proto__": 1}})").find("assumptions.__proto__") !=
          std::string::npos);
    CHECK(h.state.scenario == kept);
    ui::HandlePastedText(h.state, R"({"assumptions": {"defaults.electricity_usd_per_kwh": 1e9}})");
    CHECK(h.state.error_message.find("assumptions.defaults.electricity_usd_per_kwh") != std::string::npos);
    CHECK(h.state.scenario == kept);

    // A link: refused with the id named, inputs kept.
    core::Scenario odd = kept;
    odd.assumptions["no.such.figure"] = 1;
    CHECK_FALSE(ui::ApplyFragment(h.state, "#" + core::EncodeScenarioFragment(odd)));
    CHECK(h.state.error_message.find("assumptions.no.such.figure") != std::string::npos);
    CHECK(h.state.scenario == kept);

    // A known figure within its range is accepted everywhere.
    odd = kept;
    odd.assumptions["home.base_system_usd"] = 900;
    CHECK(ui::ApplyFragment(h.state, "#" + core::EncodeScenarioFragment(odd)));
    CHECK(h.state.scenario.assumptions.at("home.base_system_usd") == 900);
}

TEST_CASE("A catalog file's name is shown without control characters (a newline cannot spoof a line)")
{
    Harness h;
    h.Settle();
    CHECK_FALSE(ui::ImportCatalogText(h.state, "prices.json\nRecommendation: Cloud", "{}"));
    CHECK(h.state.error_message.find('\n') == std::string::npos);
    CHECK(h.state.error_message.find("prices.json?Recommendation: Cloud") != std::string::npos);
    CHECK(ui::ImportCatalogText(h.state, "good\r\nname.json", core::CatalogToJson(core::LoadDefaultCatalog())));
    CHECK(h.state.status_message.find('\n') == std::string::npos);
    CHECK(h.state.status_message.find('\r') == std::string::npos);
}

TEST_CASE("An origin that may not use the frame gets no work done: its long messages are not even parsed")
{
    Harness h(false, "embed=1&frame=lesson&origins=https%3A%2F%2Fcourse.example", ImVec2(480, 560), kSelf);
    h.Settle();
    const core::Scenario kept = h.state.scenario;
    // Short: read to tell a request from other traffic; answered with how to be allowed, its id echoed.
    json reply = json::parse(ui::HandleEmbedMessage(h.state, "https://evil.example",
                                                    R"({"type":"labcalc:get-report","version":1,"id":"q"})"));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(reply["id"] == "q");
    CHECK(reply["error"].get<std::string>().find("may not use this calculator") != std::string::npos);
    // Long: not parsed (so its id cannot be echoed), still told how to be allowed; nothing changes.
    const std::string padding(8000, ' ');
    reply = json::parse(ui::HandleEmbedMessage(
        h.state, "https://evil.example",
        R"({"type":"labcalc:set-scenario","version":1,"id":"long","scenario":{"budget_usd":1})" + padding + "}"));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(reply["id"].is_null());
    CHECK(h.state.scenario == kept);
    // Other scripts' traffic and labcalc's own replies from it: no answer at all.
    CHECK(ui::HandleEmbedMessage(h.state, "https://evil.example", R"({"hello":1})").empty());
    CHECK(ui::HandleEmbedMessage(h.state, "https://evil.example", R"({"type":"labcalc:error","version":1})").empty());
    CHECK(ui::HandleEmbedMessage(h.state, "https://evil.example", "{\"x\": \"" + padding + "\"}").empty());
}

TEST_CASE("A host page sets tasks by message: the report comes back with what they need, and a bad task is named")
{
    Harness h(false, "embed=1&frame=lesson&origins=https%3A%2F%2Fcourse.example", ImVec2(480, 560), kSelf);
    h.Settle();
    const std::string good =
        R"({"type":"labcalc:set-scenario","version":1,"id":"t","scenario":{"tasks":[{"kind":"fine_tune","params_b":7,)"
        R"("method":"qlora","tokens_millions":20,"runs_per_month":4}]}})";
    json reply = json::parse(ui::HandleEmbedMessage(h.state, "https://course.example", good));
    CHECK(reply["type"] != "labcalc:error");
    h.Settle();
    REQUIRE(h.state.scenario.tasks.size() == 1);
    CHECK(h.state.results.report.workload.tasks.size() == 1);
    const std::string asked = R"({"type":"labcalc:get-report","version":1,"id":"r"})";
    reply = json::parse(ui::HandleEmbedMessage(h.state, "https://course.example", asked));
    REQUIRE(reply.contains("report"));
    CHECK(reply["report"]["workload"]["tasks"].size() == 1);
    CHECK(reply["report"]["scenario"]["tasks"][0]["method"] == "qlora");

    const core::Scenario kept = h.state.scenario;
    const std::string bad =
        R"({"type":"labcalc:set-scenario","version":1,"id":"b","scenario":{"tasks":[{"kind":"chat","method":"lora"}]}})";
    reply = json::parse(ui::HandleEmbedMessage(h.state, "https://course.example", bad));
    CHECK(reply["type"] == "labcalc:error");
    CHECK(reply["error"].get<std::string>().find("tasks[0].method: not a key of a chat task") != std::string::npos);
    CHECK(h.state.scenario == kept);
}
