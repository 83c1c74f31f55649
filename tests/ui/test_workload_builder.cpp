// "What do you want to run?": the workload builder's controls, as a person (or the page's elements for them)
// uses them. Each edit goes through the core's tasks reader; a refusal names the field and keeps the tasks.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/task_actions.hpp"

using namespace labcalc;
using labcalc::test::Harness;

namespace {
const ui::ExposedControl* Find(const ui::AppState& state, const std::string& id)
{
    return test::FindControl(state, id);
}

// Presses a listed control as the page's element would, and lets the UI act on it.
void Press(Harness& h, const std::string& id)
{
    REQUIRE(Find(h.state, id));
    ui::PressControl(h.state, id);
    h.Settle();
}
} // namespace

TEST_CASE("tasks are added, edited and removed from their controls, and set the work the model runs on")
{
    Harness h;
    h.Settle();
    const double typed_hours = h.state.scenario.hours_per_week;
    // The section is listed closed; opened, it offers a task of each kind.
    Press(h, "section.workload");
    Press(h, "tasks.add.fine_tune");
    REQUIRE(h.state.scenario.tasks.size() == 1);
    CHECK(h.state.scenario.tasks[0].kind == core::TaskKind::fine_tune);

    // The Work slider is no longer a control: the tasks set the hours the model runs on.
    CHECK_FALSE(Find(h.state, "hours_per_week"));
    CHECK_FALSE(Find(h.state, "hours_per_week#typed"));
    const core::Report& r = h.state.results.report;
    REQUIRE(r.workload.tasks.size() == 1);
    CHECK(r.scenario.hours_per_week == Approx(r.workload.hours_per_week));
    CHECK(r.scenario.hours_per_week != Approx(typed_hours));

    // Typed as a person types it; a bigger model needs more memory.
    const ui::ExposedControl* size = Find(h.state, "tasks.0.params_b");
    REQUIRE(size);
    CHECK(size->role == ui::ControlRole::number);
    CHECK(size->label == "Task 1: Model size (billion parameters)");
    const double vram_before = r.workload.vram_gb;
    CHECK(ui::SetControlText(h.state, "tasks.0.params_b", "13") == "");
    h.Settle();
    CHECK(h.state.scenario.tasks[0].params_b == 13);
    CHECK(h.state.results.report.workload.vram_gb > vram_before);

    // A choice by its value; the method list offers the three.
    const ui::ExposedControl* method = Find(h.state, "tasks.0.method");
    REQUIRE(method);
    CHECK(method->role == ui::ControlRole::choice);
    CHECK(method->options.size() == 3);
    CHECK(ui::SetControlText(h.state, "tasks.0.method", "full") == "");
    h.Settle();
    CHECK(h.state.scenario.tasks[0].method == core::FineTuneMethod::full);

    // Refused: named by field and rule, shown on the control, the task as it was.
    const core::Scenario before = h.state.scenario;
    const std::string error = ui::SetControlText(h.state, "tasks.0.params_b", "-3");
    CHECK(error.find("tasks[0].params_b: must be a number from 0.01 to 2000") != std::string::npos);
    CHECK(ui::SetControlText(h.state, "tasks.0.tokens_millions", "lots").find("must be a number") != std::string::npos);
    h.Settle();
    CHECK(h.state.scenario == before);
    REQUIRE(Find(h.state, "tasks.0.params_b"));
    CHECK_FALSE(Find(h.state, "tasks.0.params_b")->error.empty());

    // Another kind keeps the model's size and brings that kind's fields.
    CHECK(ui::SetControlText(h.state, "tasks.0.kind", "chat") == "");
    h.Settle();
    CHECK(h.state.scenario.tasks[0].kind == core::TaskKind::chat);
    CHECK(h.state.scenario.tasks[0].params_b == 13);
    CHECK(Find(h.state, "tasks.0.tokens_per_day"));
    CHECK_FALSE(Find(h.state, "tasks.0.method"));

    // Each task's memory and hours open their workings.
    Press(h, "tasks.0.hours_per_week#how");
    CHECK(h.state.open_working == "tasks.0.hours_per_week");
    h.state.open_working.clear();
    h.Settle();

    // Removed: the typed hours stand again, and the slider is back.
    Press(h, "tasks.add.image");
    CHECK(h.state.scenario.tasks.size() == 2);
    Press(h, "tasks.0.remove");
    REQUIRE(h.state.scenario.tasks.size() == 1);
    CHECK(h.state.scenario.tasks[0].kind == core::TaskKind::image);
    Press(h, "tasks.clear");
    CHECK(h.state.scenario.tasks.empty());
    CHECK(Find(h.state, "hours_per_week"));
    CHECK(h.state.results.report.scenario.hours_per_week == Approx(typed_hours));
}

TEST_CASE("the preset 'Fine-tune a 7B model' opens with its tasks, and a link carries them")
{
    Harness h;
    h.Settle();
    REQUIRE(ui::LoadPresetByName(h.state, "fine-tune-7b"));
    h.Settle();
    REQUIRE(h.state.scenario.tasks.size() == 2);
    CHECK(h.state.results.report.workload.tasks.size() == 2);
    CHECK(Find(h.state, "tasks.1.tokens_per_day"));
    // Edited, the page's link carries the tasks: a new page opened from it has them.
    REQUIRE(ui::SetControlText(h.state, "tasks.1.tokens_per_day", "80000") == "");
    h.Settle();
    Harness opened(false, h.services.url_fragment);
    opened.Settle();
    REQUIRE(opened.state.scenario.tasks.size() == 2);
    CHECK(opened.state.scenario.tasks[1].tokens_per_day == 80000);
}
