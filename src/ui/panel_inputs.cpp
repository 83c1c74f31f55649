// The inputs: the three headline sliders (always visible) and the advanced section generated from
// the core's ScenarioFields() table, grouped as "your situation", "home lab" and "cloud".
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

void Apply(AppState& state, const core::FieldSpec& f, double value)
{
    (void)CommitSetting(state, f.key, value); // an error shows under the slider; the value stays
}

// The label above the slider, or (compact, for a frame in a lesson) a short one beside it.
// `box_em`: the width of the number box beside the slider (0: none).
void SliderLabel(const core::FieldSpec& f, bool compact, const char* short_label, float box_em)
{
    const float box = box_em > 0 ? Em(box_em) + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    if (compact) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(short_label);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", f.help);
        ImGui::SameLine(Em(6.2f));
        ImGui::SetNextItemWidth(-1 - box);
        return;
    }
    ImGui::TextUnformatted(f.label);
    HelpMarker(f.help);
    ImGui::SetNextItemWidth(-Em(0.6f) - box); // a margin before the card edge
}

// Lists the slider just drawn for the page's range element.
void ExposeSlider(AppState& state, const core::FieldSpec& f, double value, double lo, double hi, std::string value_text)
{
    // In the unit the slider shows (money in the report's currency): the element sends values back in it.
    const core::Money& money = state.results.report.money;
    ExposedControl c;
    c.id = f.key;
    c.role = ControlRole::slider;
    c.label = f.label;
    c.description = f.help;
    c.value = ToShown(f, value, money);
    c.min = ToShown(f, lo, money);
    c.max = ToShown(f, hi, money);
    c.value_text = std::move(value_text);
    auto it = state.field_errors.find(f.key);
    if (it != state.field_errors.end())
        c.error = it->second;
    ExposeLastItem(state, std::move(c));
}

// The box beside a slider where the value can be typed: on the canvas an ImGui text field (the desktop
// app types into it), on the page a real decimal text box over it (a phone's keyboard opens). Both
// commit through SetControlText when the edit ends (Enter, Tab or a click elsewhere).
void NumberBox(AppState& state, const core::FieldSpec& f, double stored_value, float box_em)
{
    // Typed in the unit shown (money in the report's currency); SetControlText converts it back.
    const core::Money& money = state.results.report.money;
    const double value = ToShown(f, stored_value, money);
    const std::string unit = ShownUnit(f, money);
    const std::string id = std::string(f.key) + "#typed";
    ImGui::SameLine();
    ImGui::SetNextItemWidth(Em(box_em));
    std::string& buffer = state.edit_buffers[id];
    ImGui::PushID(id.c_str());
    const bool editing = ImGui::GetActiveID() == ImGui::GetID("##typed");
    if (!editing)
        buffer = ShownNumber(f, value);
    ImGui::InputText("##typed", &buffer, ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemDeactivatedAfterEdit())
        (void)SetControlText(state, id, buffer); // an error shows under the slider; the value stays
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Type a value (%s).", unit.c_str());
    ImGui::PopID();
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::number;
    c.label = std::string(f.label) + ", typed (" + unit + ")";
    c.typed_text = ShownNumber(f, value);
    auto it = state.field_errors.find(f.key);
    if (it != state.field_errors.end())
        c.error = it->second;
    ExposeLastItem(state, std::move(c));
}

const char* const kPrivacyNames[] = {"public data", "internal", "confidential", "on premises only"};
const char* const kPrivacyMeaning[] = {
    "Open data: any cloud is fine.",
    "Company or personal data: a mainstream cloud with normal care is fine.",
    "Sensitive data: the cloud needs a compliant setup, which costs extra.",
    "The data may not leave your premises: no cloud for that work.",
};

} // namespace

void DrawHeadlineInputs(AppState& state, bool compact)
{
    core::Scenario& s = state.scenario;

    if (const core::FieldSpec* f = core::FindField("budget_usd")) {
        SliderLabel(*f, compact, "Budget", 5.0f);
        // Logarithmic: $500 and $5,000 both need fine control; the range grows with a preset's budget.
        // Dragged in the currency shown, rounded there, kept in dollars.
        const core::Money& money = state.results.report.money;
        const double lo = f->min_value, hi = std::min(f->max_value, std::max(50000.0, s.budget_usd));
        double value = ToShown(*f, s.budget_usd, money);
        const double shown_lo = ToShown(*f, lo, money), shown_hi = ToShown(*f, hi, money);
        // Shown as every other amount on the page ("$4,000"): the text is the format (no % in it).
        const std::string shown = Usd(s.budget_usd, money);
        if (ImGui::SliderScalar("##budget_usd", ImGuiDataType_Double, &value, &shown_lo, &shown_hi, shown.c_str(),
                                ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
            Apply(state, *f, FromShown(*f, RoundSliderValue(f->key, value), money));
        RememberItem(state, "budget_usd");
        ExposeSlider(state, *f, s.budget_usd, lo, hi, Usd(s.budget_usd, money));
        NumberBox(state, *f, s.budget_usd, 5.0f);
    }
    if (!compact)
        ImGui::Spacing();
    if (const core::FieldSpec* tasks_set = core::FindField("hours_per_week"); tasks_set && !s.tasks.empty()) {
        // The tasks of "What do you want to run?" set the work: shown, not edited here.
        const double hours = state.results.report.scenario.hours_per_week;
        SliderLabel(*tasks_set, compact, "Work", 0.0f);
        ImGui::BeginDisabled();
        double value = hours;
        const double lo = tasks_set->min_value, hi = tasks_set->max_value;
        ImGui::SliderScalar("##hours_per_week", ImGuiDataType_Double, &value, &lo, &hi, "%.1f h/week (your tasks)");
        ImGui::EndDisabled();
        RememberItem(state, "hours_per_week");
        if (!compact)
            TextWrappedDisabled("Set by your tasks under \"What do you want to run?\".");
    } else if (const core::FieldSpec* f = core::FindField("hours_per_week")) {
        SliderLabel(*f, compact, "Work", 3.5f);
        double value = s.hours_per_week;
        const double lo = f->min_value, hi = f->max_value;
        if (ImGui::SliderScalar("##hours_per_week", ImGuiDataType_Double, &value, &lo, &hi, "%.1f h/week",
                                ImGuiSliderFlags_AlwaysClamp))
            Apply(state, *f, RoundSliderValue(f->key, value));
        RememberItem(state, "hours_per_week");
        ExposeSlider(state, *f, s.hours_per_week, lo, hi, Number(s.hours_per_week, 1) + " hours per week");
        NumberBox(state, *f, s.hours_per_week, 3.5f);
    }
    if (!compact)
        ImGui::Spacing();
    if (const core::FieldSpec* f = core::FindField("privacy")) {
        const int current = static_cast<int>(s.privacy);
        SliderLabel(*f, compact, "Privacy", 0.0f);
        int value = current;
        // The format string is the choice's name, so the slider shows words, not numbers.
        if (ImGui::SliderInt("##privacy", &value, 0, 3, kPrivacyNames[std::clamp(current, 0, 3)],
                             ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput) &&
            value != current)
            Apply(state, *f, value);
        RememberItem(state, "privacy");
        const int level = std::clamp(static_cast<int>(s.privacy), 0, 3);
        ExposeSlider(state, *f, level, 0, 3, std::string(kPrivacyNames[level]) + ": " + kPrivacyMeaning[level]);
        if (compact && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", kPrivacyMeaning[std::clamp(static_cast<int>(s.privacy), 0, 3)]);
        if (!compact)
            TextWrappedDisabled(kPrivacyMeaning[std::clamp(static_cast<int>(s.privacy), 0, 3)]);
    }
    if (!compact)
        if (const core::FieldSpec* f = core::FindField("country")) {
            // Where you live, once, near the sliders: its electricity price and its grid's carbon.
            ImGui::Spacing();
            FieldEditor(state, *f, 0.0f);
        }
    if (!compact)
        if (const core::FieldSpec* f = core::FindField("currency")) {
            // The money every amount is shown and typed in (the country's by default), with its rate's date.
            ImGui::Spacing();
            FieldEditor(state, *f, 0.0f);
            const core::Money& m = state.results.report.money;
            if (m.code != "USD") {
                TextWrappedDisabled("$1 = " + Amount(m.per_usd, m) + " (the catalog's exchange rate of " + m.rate_date +
                                    "; the model works in dollars)");
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", m.rate_source.c_str());
            }
        }
    for (const char* key : {"budget_usd", "hours_per_week", "privacy"}) {
        auto it = state.field_errors.find(key);
        if (it != state.field_errors.end())
            TextWrappedColored(colors::kError, it->second);
    }
}

void DrawAdvancedInputs(AppState& state)
{
    // Label column beside the inputs when the panel is wide enough, else labels above them.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float label_width = avail > Em(26) ? Em(13) : 0.0f;
    struct Group {
        const char* title;
        const char* prefix; // keys starting with it; "" = no dot (the general situation)
    };
    const Group groups[] = {{"Your situation", ""},
                            {"Home lab (leave automatic to use the catalog)", "home."},
                            {"Cloud (leave automatic to use the catalog)", "cloud."},
                            {"How sure are your inputs (each may be off by this much, either way)", "spread."}};
    for (const Group& g : groups) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", g.title);
        for (const core::FieldSpec& f : core::ScenarioFields()) {
            if (f.headline || std::string(f.key) == "country" || std::string(f.key) == "currency")
                // the country and the currency sit with the headline sliders
                continue;
            const std::string key = f.key;
            const bool in_group = g.prefix[0] ? key.rfind(g.prefix, 0) == 0 : key.find('.') == std::string::npos;
            if (in_group)
                FieldEditor(state, f, label_width);
        }
    }
    ImGui::Spacing();
    if (ExposedButton(state, "inputs.reset", "Reset every input to the defaults"))
        ResetScenario(state);
}

} // namespace labcalc::ui
