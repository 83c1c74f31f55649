// The controls the UI lists for the platform's own elements (ui/exposed_controls.hpp): what the page's
// range inputs, decimal boxes and buttons are built from, and what they change.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/course.hpp"
#include "core/figure_ids.hpp"
#include "core/scenario_json.hpp"
#include "harness.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"

using namespace labcalc;
using labcalc::test::Harness;

namespace {
const ui::ExposedControl* Find(const ui::AppState& state, const std::string& id)
{
    return test::FindControl(state, id);
}
std::vector<std::string> Ids(const ui::AppState& state)
{
    std::vector<std::string> ids;
    for (const ui::ExposedControl& c : state.a11y.controls)
        ids.push_back(c.id);
    return ids;
}
} // namespace

TEST_CASE("every control is listed once, in reading order, with its role, name, value and place")
{
    Harness h;
    h.Settle();
    const std::vector<std::string> ids = Ids(h.state);
    const std::vector<std::string> first(ids.begin(), ids.begin() + 10);
    CHECK(first ==
          std::vector<std::string>{"toolbar.presets", "toolbar.copy_link", "toolbar.copy_embed", "toolbar.export",
                                   "toolbar.reset", "budget_usd", "budget_usd#typed", "hours_per_week",
                                   "hours_per_week#typed", "privacy"});
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()); // no id twice

    const ui::ExposedControl* budget = Find(h.state, "budget_usd");
    REQUIRE(budget);
    CHECK(budget->role == ui::ControlRole::slider);
    CHECK(budget->label == "Budget up front");
    CHECK(budget->value_text == "$4,000");
    CHECK(budget->value == 4000);
    CHECK(budget->max >= 50000);
    CHECK(budget->rect.x1 > budget->rect.x0);
    // The element sits where the slider was drawn (the rectangle tests aim the mouse at).
    CHECK(budget->rect.x0 == h.state.test_hooks.item_rects.at("budget_usd").x0);
    const ui::ExposedControl* typed = Find(h.state, "budget_usd#typed");
    REQUIRE(typed);
    CHECK(typed->role == ui::ControlRole::number);
    CHECK(typed->typed_text == "4000");
    CHECK(typed->rect.x0 >= budget->rect.x1); // beside the slider, not over it
    const ui::ExposedControl* flips = Find(h.state, "section.flips");
    REQUIRE(flips);
    CHECK(flips->checked); // open
    const ui::ExposedControl* try_first = Find(h.state, "flip.0");
    REQUIRE(try_first);
    CHECK(try_first->label.rfind("Try it: ", 0) == 0);

    const nlohmann::json j = nlohmann::json::parse(ui::ControlsToJson(h.state, 2.0f));
    REQUIRE(j.is_array());
    CHECK(j.size() == h.state.a11y.controls.size());
    CHECK(j[5]["id"] == "budget_usd");
    CHECK(j[5]["rect"][0].get<double>() == Approx(budget->rect.x0 / 2)); // CSS pixels
    CHECK(j[5]["valueText"] == "$4,000");
}

TEST_CASE("a typed value applies through the field's rules, a bad one is named and the last good value stays")
{
    Harness h;
    h.Settle();
    CHECK(ui::SetControlText(h.state, "budget_usd#typed", "$2,500") == "");
    h.Settle();
    CHECK(h.state.scenario.budget_usd == 2500);
    CHECK(Find(h.state, "budget_usd#typed")->typed_text == "2500");
    CHECK(Find(h.state, "budget_usd")->value_text == "$2,500");

    const std::string error = ui::SetControlText(h.state, "budget_usd#typed", "lots");
    CHECK(error.find("budget_usd: must be a number from 0") != std::string::npos);
    h.Settle();
    CHECK(h.state.scenario.budget_usd == 2500);
    CHECK(Find(h.state, "budget_usd")->error == error); // the slider's element says it too

    CHECK(ui::SetControlText(h.state, "hours_per_week#typed", "12,5") == "");
    CHECK(h.state.scenario.hours_per_week == 12.5);
    // The slider's own element (assistive technology sets a value): rounded as a drag rounds.
    CHECK(ui::SetControlText(h.state, "budget_usd", "1234.5") == "");
    CHECK(h.state.scenario.budget_usd == 1230);
    CHECK(ui::SetControlText(h.state, "privacy", "3") == "");
    CHECK(h.state.scenario.privacy == core::Privacy::on_premises_only);
    CHECK(ui::SetControlText(h.state, "nonsense", "1").find("unknown control") == 0);
}

TEST_CASE(
    "arrow keys step the sliders: 10% of the budget, half an hour, one privacy level, Home and End go to the ends")
{
    Harness h;
    h.Settle();
    ui::StepControl(h.state, "budget_usd", 1);
    CHECK(h.state.scenario.budget_usd == 4400);
    ui::StepControl(h.state, "budget_usd", -1);
    CHECK(h.state.scenario.budget_usd == 4000);
    ui::StepControl(h.state, "budget_usd", 0, -1);
    CHECK(h.state.scenario.budget_usd == 0);
    ui::StepControl(h.state, "budget_usd", 1);
    CHECK(h.state.scenario.budget_usd == 100); // from nothing, a first step up
    ui::StepControl(h.state, "hours_per_week", 1);
    CHECK(h.state.scenario.hours_per_week == 20.5);
    ui::StepControl(h.state, "hours_per_week", -10);
    CHECK(h.state.scenario.hours_per_week == 15.5);
    ui::StepControl(h.state, "hours_per_week", 0, 1);
    CHECK(h.state.scenario.hours_per_week == 168);
    ui::StepControl(h.state, "privacy", 1);
    CHECK(h.state.scenario.privacy == core::Privacy::confidential);
    ui::StepControl(h.state, "privacy", 0, 1);
    CHECK(h.state.scenario.privacy == core::Privacy::on_premises_only);
    ui::StepControl(h.state, "privacy", 1); // already at the end
    CHECK(h.state.scenario.privacy == core::Privacy::on_premises_only);
}

TEST_CASE("a press from outside works as a click: Reset, Undo, a section, a menu and its item")
{
    Harness h;
    h.Settle();
    REQUIRE(ui::SetControlText(h.state, "hours_per_week#typed", "30") == "");
    h.Settle();
    ui::PressControl(h.state, "toolbar.reset");
    h.Settle();
    CHECK(h.state.scenario.hours_per_week == 20);
    REQUIRE(Find(h.state, "toolbar.undo"));
    ui::PressControl(h.state, "toolbar.undo");
    h.Settle();
    CHECK(h.state.scenario.hours_per_week == 30);

    CHECK_FALSE(Find(h.state, "section.advanced")->checked);
    CHECK_FALSE(Find(h.state, "electricity_usd_per_kwh"));
    ui::PressControl(h.state, "section.advanced");
    h.Settle();
    CHECK(Find(h.state, "section.advanced")->checked);
    const ui::ExposedControl* power = Find(h.state, "electricity_usd_per_kwh");
    REQUIRE(power);
    CHECK(power->role == ui::ControlRole::number);
    CHECK(power->typed_text.empty()); // unset: the catalog's value applies
    const ui::ExposedControl* gpu = Find(h.state, "home.gpu");
    REQUIRE(gpu);
    CHECK(gpu->role == ui::ControlRole::choice);
    CHECK(gpu->options.size() == h.state.catalog.gpus.size() + 1); // "automatic" first

    ui::PressControl(h.state, "toolbar.presets");
    h.Settle();
    const ui::ExposedControl* item = Find(h.state, "preset.beginner");
    REQUIRE(item);
    CHECK(item->in_popup);
    ui::PressControl(h.state, "preset.beginner");
    h.Settle();
    CHECK(h.state.preset_name == "beginner");
    CHECK_FALSE(Find(h.state, "preset.beginner")); // the menu closed
    // A press for a control that is not drawn is dropped, not kept for later.
    ui::PressControl(h.state, "preset.advanced");
    h.Settle();
    ui::PressControl(h.state, "toolbar.presets");
    h.Settle();
    CHECK(h.state.preset_name == "beginner");
    ui::PressControl(h.state, "menu.close");
    h.Settle();
    CHECK_FALSE(Find(h.state, "preset.beginner"));
}

TEST_CASE("the electricity price is one value: typed in the sources table or in the inputs, the same input changes")
{
    Harness h;
    h.Settle();
    REQUIRE(std::string(core::FieldForFigure("defaults.electricity_usd_per_kwh")) == "electricity_usd_per_kwh");
    CHECK(ui::SetControlText(h.state, "figure.defaults.electricity_usd_per_kwh", "0.31") == "");
    h.Settle();
    REQUIRE(h.state.scenario.electricity_usd_per_kwh);
    CHECK(*h.state.scenario.electricity_usd_per_kwh == 0.31);
    CHECK(h.state.scenario.assumptions.count("defaults.electricity_usd_per_kwh") == 0); // no second, hidden value
    CHECK(h.state.results.report.electricity_usd_per_kwh == 0.31);
    CHECK(ui::SetControlText(h.state, "electricity_usd_per_kwh", "0.2") == "");
    h.Settle();
    CHECK(h.state.results.report.electricity_usd_per_kwh == 0.2);
    // Another figure has no input of its own: its override goes to the assumptions.
    CHECK(ui::SetControlText(h.state, "figure.home.base_system_usd", "900") == "");
    CHECK(h.state.scenario.assumptions.at("home.base_system_usd") == 900);
}

TEST_CASE("finished edits become browser history entries, a scenario from the history or the opening link does not")
{
    Harness h;
    h.Settle();
    const int opened = h.services.history_entries;
    CHECK(opened == 0); // the page as opened replaces its own entry
    REQUIRE(ui::SetControlText(h.state, "hours_per_week#typed", "30") == "");
    h.Settle();
    CHECK(h.services.history_entries == 1);
    const std::string after_edit = h.services.url_fragment;
    ui::PressControl(h.state, "toolbar.reset");
    h.Settle();
    CHECK(h.services.history_entries == 2);
    // Back: the browser hands the earlier fragment back; applying it writes no new entry.
    REQUIRE(ui::ApplyFragment(h.state, after_edit));
    h.Settle();
    CHECK(h.state.scenario.hours_per_week == 30);
    CHECK(h.services.history_entries == 2);
}

TEST_CASE("the platform's focus is drawn on the canvas and scrolled into view")
{
    Harness h(false, "", ImVec2(1280, 400)); // short: the advanced inputs are below the fold
    h.Settle();
    ui::PressControl(h.state, "section.advanced");
    h.Settle();
    const ui::ExposedControl* reset = Find(h.state, "inputs.reset");
    REQUIRE(reset);
    CHECK(reset->visible.y1 <= reset->visible.y0); // scrolled away in its panel
    ui::FocusControl(h.state, "inputs.reset");
    h.Settle();
    reset = Find(h.state, "inputs.reset");
    CHECK(reset->visible.y1 > reset->visible.y0); // now in view
    CHECK_FALSE(h.state.a11y.scroll_to_focused);
}

TEST_CASE("the matrix weights, the course checklist and the lesson frame's button are controls too")
{
    // Tall: a table scrolled out of view is not drawn, so its controls are listed once it is in view.
    Harness h(false, "", ImVec2(1280, 2400));
    h.Settle();
    ui::PressControl(h.state, "section.matrix");
    ui::PressControl(h.state, "section.course");
    h.Settle();
    const ui::ExposedControl* weight = Find(h.state, "weights.initial_cost");
    REQUIRE(weight);
    CHECK(weight->role == ui::ControlRole::slider);
    CHECK(weight->label == "Weight of Initial cost");
    const double before = weight->value;
    ui::StepControl(h.state, "weights.initial_cost", 1);
    CHECK(h.state.scenario.weights[0] == std::min(10.0, before + 1));
    ui::StepControl(h.state, "weights.initial_cost", 0, -1);
    CHECK(h.state.scenario.weights[0] == 0);
    CHECK(ui::SetControlText(h.state, "weights.initial_cost", "7") == "");
    CHECK(h.state.scenario.weights[0] == 7);
    CHECK_FALSE(ui::SetControlText(h.state, "weights.initial_cost", "11").empty());
    CHECK(h.state.scenario.weights[0] == 7);
    h.Settle();

    // A course line that can be set: ticking it from outside changes the inputs to match, as a click does.
    const auto& lines = core::CourseConditions();
    std::size_t settable = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].settable && lines[i].can_untick && !h.state.results.report.rules[i].matched) {
            settable = i;
            break;
        }
    REQUIRE(settable < lines.size());
    const std::string id = "course." + std::to_string(settable);
    REQUIRE(Find(h.state, id));
    CHECK_FALSE(Find(h.state, id)->checked);
    CHECK(ui::SetControlText(h.state, id, "true") == "");
    h.Settle();
    CHECK(h.state.results.report.rules[settable].matched);
    CHECK(Find(h.state, id)->checked);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].settable) {
            const core::Scenario unchanged = h.state.scenario;
            CHECK(ui::SetControlText(h.state, "course." + std::to_string(i), "true")
                      .find("follows from the costs and scores") != std::string::npos);
            CHECK(core::ScenarioToJson(h.state.scenario) == core::ScenarioToJson(unchanged)); // nothing changed
            break;
        }

    Harness frame(false, "embed=1&preset=beginner", ImVec2(480, 560));
    frame.Settle();
    REQUIRE(Find(frame.state, "embed.open_full"));
    REQUIRE(Find(frame.state, "budget_usd#typed")); // the lesson frame's sliders have their boxes too
    ui::PressControl(frame.state, "embed.open_full");
    frame.Settle();
    CHECK(frame.services.opened.find("https://example.invalid/#") == 0);
}

TEST_CASE("a link to an unchanged preset opens under the preset's name, on a phone, embed code is in the Export menu")
{
    Harness h;
    REQUIRE(ui::LoadPresetByName(h.state, "beginner"));
    h.Settle();
    const std::string link = h.services.url_fragment;
    REQUIRE_FALSE(link.empty());
    Harness reopened(false, link);
    reopened.Settle();
    CHECK(reopened.state.preset_name == "beginner");
    CHECK(Find(reopened.state, "toolbar.presets")->label == "Preset: Beginner");
    REQUIRE(ui::SetControlText(reopened.state, "hours_per_week#typed", "33") == "");
    CHECK(reopened.state.preset_name.empty()); // edited: the learner's own scenario

    Harness phone(false, "", ImVec2(390, 844));
    phone.Settle();
    CHECK_FALSE(Find(phone.state, "toolbar.copy_embed"));
    ui::PressControl(phone.state, "toolbar.export");
    phone.Settle();
    REQUIRE(Find(phone.state, "export.embed_code"));
    ui::PressControl(phone.state, "export.embed_code");
    phone.Settle();
    CHECK(phone.services.clipboard.find("<iframe") != std::string::npos);
    CHECK(Find(h.state, "toolbar.copy_embed")); // wide: a button of its own
}

TEST_CASE("an unset optional input shows the value the model used, with its unit, not a bare 'automatic'")
{
    Harness h;
    ui::PressControl(h.state, "section.advanced");
    h.Settle();
    const ui::ExposedControl* power = Find(h.state, "electricity_usd_per_kwh");
    REQUIRE(power);
    CHECK(power->value_text ==
          "automatic: " + ui::Usd(h.state.results.report.electricity_usd_per_kwh, h.state.results.report.money) +
              " per kWh");
    const ui::ExposedControl* watts = Find(h.state, "home.power_watts");
    REQUIRE(watts);
    CHECK(watts->value_text == "automatic: " + ui::Number(h.state.results.report.options[0].cost.load_watts, 0) + " W");
    const ui::ExposedControl* gpu = Find(h.state, "home.gpu");
    REQUIRE(gpu);
    const std::string chosen =
        h.state.catalog.gpus[static_cast<std::size_t>(h.state.results.report.options[0].cost.gpu_index)].name;
    CHECK(gpu->options.front().label == "automatic: " + chosen);
    // Once set, the box holds the person's value and says nothing about "automatic".
    REQUIRE(ui::SetControlText(h.state, "home.power_watts", "650") == "");
    h.Settle();
    CHECK(Find(h.state, "home.power_watts")->typed_text == "650");
    CHECK(Find(h.state, "home.power_watts")->value_text.empty());
}

TEST_CASE("every input is edited one way: the core's rule, the error under the key, the preset name cleared, 'Default' "
          "in the sources table works")
{
    Harness h;
    REQUIRE(ui::LoadPresetByName(h.state, "beginner"));
    h.Settle();
    // Several settings together or not at all (the decision map's click sets two).
    const core::Scenario before = h.state.scenario;
    CHECK_FALSE(ui::CommitSettings(h.state, {{"hours_per_week", "30"}, {"budget_usd", "-5"}}).empty());
    CHECK(h.state.scenario == before);
    CHECK(h.state.preset_name == "beginner"); // nothing changed: still the preset
    CHECK(h.state.field_errors.count("budget_usd") == 1);
    CHECK(ui::CommitSettings(h.state, {{"hours_per_week", "30"}, {"budget_usd", "2500"}}) == "");
    CHECK(h.state.scenario.hours_per_week == 30);
    CHECK(h.state.scenario.budget_usd == 2500);
    CHECK(h.state.field_errors.count("budget_usd") == 0);
    CHECK(h.state.preset_name.empty());

    // A figure overridden in the sources table, then its "Default" pressed: back to the catalog's value.
    REQUIRE(ui::SetControlText(h.state, "figure.home.base_system_usd", "900") == "");
    ui::PressControl(h.state, "section.sources");
    h.Settle();
    REQUIRE(Find(h.state, "figure.home.base_system_usd#default"));
    ui::PressControl(h.state, "figure.home.base_system_usd#default");
    h.Settle();
    CHECK(h.state.scenario.assumptions.count("home.base_system_usd") == 0);
    CHECK(h.state.field_errors.empty());
    CHECK_FALSE(Find(h.state, "figure.home.base_system_usd#default"));
}

TEST_CASE("a figure of the cost table opens its working, by a click or a press, and Close shuts it")
{
    Harness h(false, "", ImVec2(1280, 1600));
    h.Settle();
    const std::string id = "working.home.electricity_usd_per_month";
    const ui::ExposedControl* cell = Find(h.state, id);
    REQUIRE(cell);
    CHECK(cell->role == ui::ControlRole::button);
    CHECK(cell->label.rfind("Electricity / month, Home lab: $", 0) == 0);
    CHECK(h.state.open_working.empty());
    CHECK_FALSE(Find(h.state, "working.close"));

    // A click on the figure, as a mouse would.
    h.MoveTo(ImVec2((cell->rect.x0 + cell->rect.x1) / 2, (cell->rect.y0 + cell->rect.y1) / 2));
    h.Button(true);
    h.Button(false);
    h.Settle();
    CHECK(h.state.open_working == "home.electricity_usd_per_month");
    REQUIRE(Find(h.state, "working.close"));
    // What the panel shows is the core's working of the figure the table states.
    const core::Working* shown = nullptr;
    for (const core::Working& w : h.state.results.report.workings)
        if (w.id == h.state.open_working)
            shown = &w;
    REQUIRE(shown);
    CHECK(shown->result == Approx(h.state.results.report.options[0].cost.monthly.power_usd));

    ui::PressControl(h.state, "working.close");
    h.Settle();
    CHECK(h.state.open_working.empty());
    CHECK_FALSE(Find(h.state, "working.close"));

    // The same from the platform's element (a screen reader's or the keyboard's press).
    ui::PressControl(h.state, "working.cloud.total_usd");
    h.Settle();
    CHECK(h.state.open_working == "cloud.total_usd");
    ui::PressControl(h.state, "menu.close"); // Escape on the page's elements
    h.Settle();
    CHECK(h.state.open_working.empty());
}

TEST_CASE("a value worked out from others opens its own working, and Back returns")
{
    Harness h(false, "", ImVec2(1280, 1600));
    h.Settle();
    ui::PressControl(h.state, "working.home.electricity_usd_per_month");
    h.Settle();
    REQUIRE(h.state.open_working == "home.electricity_usd_per_month");
    CHECK_FALSE(Find(h.state, "working.back"));
    REQUIRE(Find(h.state, "working.follow.h_busy"));
    CHECK_FALSE(Find(h.state, "working.follow.price")); // a catalog figure has no working of its own
    ui::PressControl(h.state, "working.follow.h_busy");
    h.Settle();
    CHECK(h.state.open_working == "home.busy_hours_per_week");
    REQUIRE(Find(h.state, "working.back"));
    ui::PressControl(h.state, "working.back");
    h.Settle();
    CHECK(h.state.open_working == "home.electricity_usd_per_month");
    CHECK_FALSE(Find(h.state, "working.back"));
    ui::PressControl(h.state, "working.close");
    h.Settle();
    CHECK(h.state.open_working.empty());
    CHECK(h.state.working_trail.empty());
}

TEST_CASE("an option card's total opens its working, and the working's Close is a dialog's button, not a menu item")
{
    Harness h;
    h.Settle();
    REQUIRE(Find(h.state, "card.home.total_usd"));
    ui::PressControl(h.state, "card.home.total_usd");
    h.Settle();
    CHECK(h.state.open_working == "home.total_usd");
    const ui::ExposedControl* close = Find(h.state, "working.close");
    REQUIRE(close);
    CHECK(close->in_dialog);
    const nlohmann::json list = nlohmann::json::parse(ui::ControlsToJson(h.state, 1.0f));
    bool dialog = false;
    for (const nlohmann::json& c : list)
        if (c["id"] == "working.close")
            dialog = c.value("dialog", false);
    CHECK(dialog);
}
