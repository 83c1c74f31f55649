// The shared UI without a window: an ImGui context with no backend (display size, a built font atlas,
// a fixed time step), a fake platform, and mouse input aimed at the rectangles the UI records
// (AppState::item_rects, see RememberItem in ui/widgets.hpp).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "core/flip_points.hpp"
#include "harness.hpp"
#include "ui/panels.hpp"

using namespace labcalc;

using labcalc::test::ExpectedReportJson;
using labcalc::test::Harness;

TEST_CASE("Dragging the hours slider changes the scenario and the recommendation follows")
{
    Harness h;
    h.Settle();
    const core::Scenario before = h.state.scenario;
    const core::Option before_recommendation = h.state.results.report.recommendation;
    REQUIRE(before_recommendation == core::Option::home); // the default scenario: the home lab by a narrow lead
    const int version = h.state.results.report_version;

    // Press on the slider's left part (about 17 h/week), drag to its left end (a few hours a week), release.
    h.MoveTo(h.Point("hours_per_week", 0.1f));
    h.Button(true);
    for (float f = 0.09f; f >= 0.0f; f -= 0.03f)
        h.MoveTo(h.Point("hours_per_week", f));
    CHECK(h.state.results.report_version > version); // rebuilt while the slider is still held
    h.Button(false);
    h.Settle();

    CHECK(h.state.scenario.hours_per_week < before.hours_per_week - 10);
    CHECK(h.state.scenario.budget_usd == before.budget_usd);
    CHECK(h.state.results.report.recommendation == core::Option::cloud);
    CHECK(h.state.results.report.recommendation != before_recommendation);
    // The cached report is exactly what the core gives for the new scenario (flip points included).
    CHECK(core::ReportToJson(h.state.results.report) == ExpectedReportJson(h.state));
    // The learner let go: the scenario was stored for the next start, and the summary was republished.
    REQUIRE(h.services.store.count(ui::kStoredScenarioKey) == 1);
    CHECK(h.services.store[ui::kStoredScenarioKey] == core::ScenarioToJson(h.state.scenario).dump());
    CHECK(h.services.last_summary.headline == "Recommendation: Cloud");
}

TEST_CASE("Once settled, the UI asks for no more frames and changes nothing")
{
    Harness h;
    CHECK(h.Settle() <= 3); // the first frames build the report and store the scenario
    CHECK(h.state.results.has_report);
    const int version = h.state.results.report_version;
    const int writes = h.services.store_writes;
    for (int i = 0; i < 5; ++i)
        CHECK_FALSE(h.Frame());
    // Hovering does not rebuild anything either.
    h.MoveTo(h.Point("budget_usd"));
    CHECK_FALSE(h.Frame());
    CHECK(h.state.results.report_version == version);
    CHECK(h.services.store_writes == writes);
}

TEST_CASE("Dragging budget or hours keeps the decision map, other inputs and another catalog redraw it")
{
    Harness h;
    h.Settle();
    const int computed = h.state.test_hooks.map_computations;
    REQUIRE(computed >= 1);
    const auto fresh_map = [&] {
        return core::ComputeDecisionMap(h.state.scenario, h.state.catalog, ui::kMapColumns, ui::kMapRows,
                                        h.state.results.map_hours_max, h.state.results.map_budget_max_usd)
            .cells;
    };
    // A drag of the budget slider within its axis: many rebuilt reports, the same map, and it is right.
    h.MoveTo(h.Point("budget_usd", 0.3f));
    h.Button(true);
    for (float f = 0.35f; f <= 0.5f; f += 0.05f)
        h.MoveTo(h.Point("budget_usd", f));
    h.Button(false);
    h.Settle();
    CHECK(h.state.scenario.budget_usd != core::Scenario{}.budget_usd);
    CHECK(h.state.test_hooks.map_computations == computed);
    CHECK(h.state.results.decision_map.cells == fresh_map());
    // Another input: drawn again.
    h.state.scenario.vram_gb = 80;
    ui::MarkEdited(h.state);
    h.Settle();
    CHECK(h.state.test_hooks.map_computations == computed + 1);
    CHECK(h.state.results.decision_map.cells == fresh_map());
    // Another catalog (the built-in one restored counts as a new catalog): drawn again.
    ui::RestoreDefaultCatalog(h.state);
    h.Settle();
    CHECK(h.state.test_hooks.map_computations == computed + 2);
}

TEST_CASE("Flip points read as sentences in the page's words")
{
    Harness h;
    h.Settle();
    bool saw_privacy = false, saw_number = false;
    for (const core::FlipPoint& p : h.state.results.report.flip_points) {
        if (!p.to)
            continue;
        const std::string line = core::FlipInWords(p);
        INFO(line);
        CHECK(line.find('_') == std::string::npos); // no file keys such as on_premises_only
        CHECK(line.back() == '.');
        if (p.input == "privacy") {
            CHECK(line.rfind("Privacy need at ", 0) == 0);
            saw_privacy = true;
        }
        if (p.input == "hours_per_week" && p.direction == core::FlipDirection::below) {
            // The default (home by a narrow lead) goes to the cloud below about 9 h/week; the value is
            // rounded down, towards the flip, so typed back it flips.
            CHECK(line.rfind("Work per week below ", 0) == 0);
            CHECK(line.find(" h/week: Cloud wins.") != std::string::npos);
            const double shown = std::stod(line.substr(std::string("Work per week below ").size()));
            CHECK(shown <= *p.value);
            saw_number = true;
        }
    }
    CHECK(saw_privacy);
    CHECK(saw_number);
    // A privacy level in the slider's words.
    core::FlipPoint onprem;
    onprem.input = "privacy";
    onprem.value = 3;
    onprem.value_text = "on_premises_only";
    onprem.to = core::Option::home;
    onprem.direction = core::FlipDirection::stricter;
    CHECK(core::FlipInWords(onprem) == "Privacy need at on premises only: Home lab wins.");
    // One wording: the Markdown export says each flip as the page does.
    const std::string markdown = core::ReportToMarkdown(h.state.results.report);
    for (const core::FlipPoint& p : h.state.results.report.flip_points) {
        INFO(core::FlipInWords(p));
        CHECK(markdown.find("- " + core::FlipInWords(p) + "\n") != std::string::npos);
    }
}

TEST_CASE("Without a file system (the page) there is no File menu and exports are downloads")
{
    Harness h(false);
    h.Settle();
    CHECK(h.state.test_hooks.item_rects.count("file_menu") == 0);
    h.Click("export");
    h.Click("export_csv");
    REQUIRE(h.services.downloads.size() == 1);
    CHECK(h.services.downloads[0] == "labcalc-monthly-costs.csv");
}

TEST_CASE("A rejected catalog import keeps the old catalog and shows the core's message")
{
    Harness h(true);
    h.Settle();
    const std::string catalog_before = core::CatalogToJson(h.state.catalog);
    const std::string report_before = core::ReportToJson(h.state.results.report);
    const std::string bad = R"({"schema_version": 1, "gpus": "none"})";
    const std::string core_error = core::ParseCatalog(bad).error;
    REQUIRE_FALSE(core_error.empty());
    h.services.files["/data/bad-catalog.json"] = bad;
    h.state.files.catalog = "/data/bad-catalog.json";

    h.Click("file_menu");
    h.Click("file_import");

    CHECK(h.state.catalog_name == "built-in catalog");
    CHECK(core::CatalogToJson(h.state.catalog) == catalog_before);
    CHECK(h.state.error_message.find("rejected") != std::string::npos);
    CHECK(h.state.error_message.find(core_error) != std::string::npos);
    h.Settle();
    CHECK(core::ReportToJson(h.state.results.report) == report_before);
    // The message is on screen (the toolbar's message line records its rectangle when drawn).
    h.state.test_hooks.item_rects.erase("error_message");
    h.Frame();
    CHECK(h.state.test_hooks.item_rects.count("error_message") == 1);
    CHECK(h.services.last_summary.lines.at(0).find(core_error) != std::string::npos);

    // A file that is not there: also refused, nothing changes.
    h.state.files.catalog = "/data/missing.json";
    h.Click("file_import");
    CHECK(h.state.error_message.find("cannot open the file") != std::string::npos);
    CHECK(h.state.catalog_name == "built-in catalog");

    // A good catalog is taken, under its file name, and the report is rebuilt from it.
    core::Catalog cheaper = core::LoadDefaultCatalog();
    h.services.files["/data/mine.json"] = core::CatalogToJson(cheaper);
    h.state.files.catalog = "/data/mine.json";
    h.Click("file_import");
    CHECK(h.state.error_message.empty());
    CHECK(h.state.catalog_name == "mine.json");
    h.Settle();
    CHECK(core::ReportToJson(h.state.results.report) == ExpectedReportJson(h.state));
}

TEST_CASE("File menu: open, save and export go through the platform's files")
{
    Harness h(true);
    h.Settle();
    const core::Scenario before = h.state.scenario;

    // A scenario file with a wrong type is refused with the field named; the inputs stay.
    h.services.files["/data/bad.json"] = R"({"hours_per_week": "many"})";
    h.state.files.scenario = "/data/bad.json";
    h.Click("file_menu");
    h.Click("file_open");
    CHECK(h.state.error_message.find("hours_per_week") != std::string::npos);
    CHECK(h.state.scenario == before);

    // So is one whose price override the catalog in use does not have (the command line's last rule).
    h.services.files["/data/odd.json"] = R"({"assumptions": {"no.such.figure": 1}})";
    h.state.files.scenario = "/data/odd.json";
    h.Click("file_open");
    CHECK(h.state.error_message.find("assumptions.no.such.figure: unknown figure id") != std::string::npos);
    CHECK(h.state.scenario == before);

    // A good one replaces the inputs and the report follows.
    h.services.files["/data/lab.json"] = R"({"hours_per_week": 60, "privacy": "confidential"})";
    h.state.files.scenario = "/data/lab.json";
    h.Click("file_open");
    CHECK(h.state.error_message.empty());
    CHECK(h.state.scenario.hours_per_week == 60);
    h.Settle();
    CHECK(core::ReportToJson(h.state.results.report) == ExpectedReportJson(h.state));

    // Save writes what Open reads back.
    h.state.files.scenario = "/data/saved.json";
    h.Click("file_menu");
    h.Click("file_save");
    REQUIRE(h.services.files.count("/data/saved.json") == 1);
    core::Expected<core::Scenario> saved = core::ParseScenarioJson(h.services.files["/data/saved.json"]);
    REQUIRE(saved);
    CHECK(*saved.value == h.state.scenario);

    // Reports land in the chosen folder under the usual names.
    h.state.files.export_folder = "/out";
    h.Click("file_menu");
    h.Click("file_export_json");
    h.Click("file_export_markdown");
    REQUIRE(h.services.files.count("/out/labcalc-report.json") == 1);
    CHECK(h.services.files["/out/labcalc-report.json"] == core::ReportToJson(h.state.results.report));
    CHECK(h.services.files["/out/labcalc-summary.md"] == core::ReportToMarkdown(h.state.results.report));
    CHECK(h.services.downloads.empty());
}

TEST_CASE("The platform's date is taken when it is a date YYYY-MM-DD, as the command line takes --today")
{
    Harness h;
    h.services.today = "2027-01-05";
    ui::InitAppState(h.state, h.services, "");
    CHECK(h.state.today == "2027-01-05");
    for (const char* not_a_date : {"2027-13-05", "05/01/2027", "2027-1-5", "", "2027-01-05T10:00"}) {
        h.services.today = not_a_date;
        ui::InitAppState(h.state, h.services, "");
        CHECK(h.state.today == "2027-01-05"); // the date it had stays, never text the report would echo
    }
}

TEST_CASE("A flip point can be tried with one click, and Undo brings the learner's inputs back, Reset too")
{
    Harness h;
    h.Settle();
    const core::Scenario mine = h.state.scenario;
    const core::Option answer = h.state.results.report.recommendation;
    REQUIRE(h.state.test_hooks.item_rects.count("try_flip_0") == 1);
    const core::FlipPoint first = [&] {
        for (const core::FlipPoint& p : h.state.results.report.flip_points)
            if (p.to)
                return p;
        return core::FlipPoint{};
    }();
    h.Click("try_flip_0");
    h.Settle();
    CHECK_FALSE(h.state.scenario == mine);
    CHECK(h.state.results.report.recommendation == first.to); // the line did what it said
    REQUIRE(h.state.undo_scenario.has_value());
    h.Click("undo");
    h.Settle();
    CHECK(h.state.scenario == mine);
    CHECK(h.state.results.report.recommendation == answer);
    CHECK_FALSE(h.state.undo_scenario.has_value());

    // Reset can be undone as well; any edit of the learner's own makes it final.
    ui::ResetScenario(h.state);
    h.Settle();
    REQUIRE(h.state.undo_scenario.has_value());
    CHECK(ui::UndoLastChange(h.state));
    h.Settle();
    CHECK(h.state.scenario == mine);
    ui::ResetScenario(h.state);
    ui::MarkEdited(h.state);
    CHECK_FALSE(ui::UndoLastChange(h.state));
}
