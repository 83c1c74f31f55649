// The inputs' state transitions (see app_actions.hpp): start-up, a link, a paste, a preset, an edit,
// Try / Undo / Reset, a course line. Every path that takes outside input validates through the core and
// keeps the last good state when the input is rejected.
#include "ui/app_actions.hpp"

#include <algorithm>
#include <cmath>

#include "core/course.hpp"
#include "core/figure_ids.hpp"
#include "core/index.hpp"
#include "core/iso_date.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"
#include "ui/format.hpp"

namespace labcalc::ui {

namespace {

void SetScenario(AppState& state, const core::Scenario& s)
{
    state.scenario = s;
    state.field_errors.clear();
    state.edit_buffers.clear();
    MarkEdited(state);
}

// The preset a scenario is, unchanged ("" when none): a link to a preset opens under its name again.
std::string PresetNameOf(const AppState& state, const core::Scenario& s)
{
    for (const core::PresetInfo& p : state.presets) {
        core::Expected<core::Scenario> preset = core::LoadPreset(p.name);
        if (preset && *preset.value == s)
            return p.name;
    }
    return "";
}

} // namespace

// The last rule the start-up loader (core::LoadInputs) applies, applied by every face to every scenario it
// takes in: each assumption id names a figure, GPU or offer of the catalog in use, with a value in its range.
core::Expected<core::Scenario> CheckedForCatalog(const AppState& state, core::Expected<core::Scenario> s)
{
    if (!s)
        return s;
    if (core::Status ids = core::CheckAssumptionIds(*s.value, state.catalog); !ids)
        return core::Expected<core::Scenario>::Fail(ids.error);
    return s;
}

void MarkEdited(AppState& state)
{
    state.undo_scenario.reset(); // an edit of the learner's own makes the last Try or Reset final
    state.results.dirty = true;
    state.sync.persist_pending = true;
    state.sync.history_entry_pending = true;
    // A copied link or "loaded" note no longer describes the edited scenario.
    state.share_link.clear();
    state.status_message.clear();
    state.course_change.valid = false;
}

std::string CommitSettings(AppState& state, const std::vector<Setting>& settings)
{
    core::Scenario edited = state.scenario;
    for (const Setting& s : settings) {
        const std::string error = core::ApplySetting(edited, s.first + "=" + s.second).error;
        if (!error.empty()) {
            state.field_errors[s.first] = error;
            return error;
        }
    }
    for (const Setting& s : settings)
        state.field_errors.erase(s.first);
    if (edited == state.scenario)
        return "";
    state.scenario = std::move(edited);
    state.preset_name.clear();
    MarkEdited(state);
    return "";
}

std::string CommitSetting(AppState& state, std::string_view key, std::string_view value)
{
    return CommitSettings(state, {{std::string(key), std::string(value)}});
}

std::string CommitSetting(AppState& state, std::string_view key, double value)
{
    const core::FieldSpec* f = core::FindField(key);
    if (f && f->kind == core::FieldKind::choice) {
        const double i = std::round(value);
        if (i >= 0 && i < static_cast<double>(f->choices.size()))
            return CommitSetting(state, key, core::At(f->choices, i));
    }
    if (f && f->kind == core::FieldKind::boolean)
        return CommitSetting(state, key, value != 0 ? "true" : "false");
    return CommitSetting(state, key, core::FormatNumber(value));
}

void InitAppState(AppState& state, PlatformServices& services, std::string_view fragment)
{
    InitAppState(state, services, fragment, "");
}

void InitAppState(AppState& state, PlatformServices& services, std::string_view fragment, std::string_view self_origin)
{
    ReplaceCatalog(state, core::LoadDefaultCatalog(), "");
    state.presets = core::ListPresets();
    state.embedding.self_origin = std::string(self_origin);
    state.embedding.has_web_address = !services.ShareLink("").empty();
    // The command line's rule for --today: a platform that cannot say the date leaves the built-in one.
    const std::string today = services.TodayDate();
    if (core::ParseIsoDate(today))
        state.today = today;

    // Options first (embed, frame, origins, preset): a bad one is named and ignored, the rest applies.
    core::PageOptionsResult opened = core::ParsePageOptions(fragment);
    state.embedding.page = opened.options;
    std::string notes;
    for (const std::string& e : opened.errors)
        notes += (notes.empty() ? "" : "; ") + e;

    if (state.embedding.page.has_scenario) {
        core::Expected<core::Scenario> decoded = CheckedForCatalog(state, core::DecodeScenarioFragment(fragment));
        if (decoded) {
            SetScenario(state, *decoded.value);
            state.preset_name = PresetNameOf(state, state.scenario);
        } else {
            SetScenario(state, core::Scenario{});
            notes += std::string(notes.empty() ? "" : "; ") + "This link's scenario could not be read (" +
                decoded.error + "). Showing the defaults instead";
        }
    } else if (!state.embedding.page.preset.empty()) {
        LoadPresetByName(state, state.embedding.page.preset);
    } else if (std::optional<std::string> stored =
                   state.embedding.page.embed ? std::nullopt : services.LoadValue(kStoredScenarioKey)) {
        // An embedded frame starts from its link only: the lesson decides what it shows, and several
        // frames on one page must not share (and overwrite) one stored scenario.
        core::Expected<core::Scenario> parsed = CheckedForCatalog(state, core::ParseScenarioJson(*stored));
        // A stored scenario from an older version may no longer validate: start from the defaults.
        SetScenario(state, parsed ? *parsed.value : core::Scenario{});
    } else {
        SetScenario(state, core::Scenario{});
    }
    if (!notes.empty())
        state.error_message = notes + ".";
    state.sync.history_entry_pending = false; // the page as opened replaces its own entry
}

bool ApplyFragment(AppState& state, std::string_view fragment)
{
    if (fragment.empty() || fragment == "#")
        return true;
    core::Expected<core::Scenario> decoded = CheckedForCatalog(state, core::DecodeScenarioFragment(fragment));
    if (!decoded) {
        state.error_message =
            "The link's scenario could not be read (" + decoded.error + "). Your current inputs are kept.";
        return false;
    }
    if (*decoded.value != state.scenario) {
        SetScenario(state, *decoded.value);
        state.preset_name = PresetNameOf(state, state.scenario);
        state.sync.history_entry_pending = false; // it came from the history (Back, Forward) or a typed link
    }
    state.error_message.clear();
    return true;
}

void ReplaceScenario(AppState& state, const core::Scenario& scenario)
{
    SetScenario(state, scenario);
    state.preset_name.clear();
    state.error_message.clear();
}

std::string ApplyScenarioJson(AppState& state, std::string_view json_text)
{
    core::Expected<core::Scenario> parsed = CheckedForCatalog(state, core::ParseScenarioJson(json_text));
    if (!parsed)
        return parsed.error;
    SetScenario(state, *parsed.value);
    state.preset_name.clear();
    state.error_message.clear();
    return "";
}

void HandlePastedText(AppState& state, std::string_view text)
{
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return;
    text.remove_prefix(start);
    if (text.front() == '{') {
        const std::string error = ApplyScenarioJson(state, text);
        if (!error.empty())
            state.error_message = "The pasted scenario was rejected: " + error + ". Your inputs are kept.";
        else
            state.status_message = "Scenario pasted.";
        return;
    }
    const std::size_t hash = text.find('#');
    if (hash != std::string_view::npos || text.substr(0, 2) == "s=") {
        if (ApplyFragment(state, hash != std::string_view::npos ? text.substr(hash) : text))
            state.status_message = "Scenario from the pasted link loaded.";
        return;
    }
    state.error_message = "The pasted text is neither a labcalc link nor a scenario in JSON. Your inputs are kept.";
}

bool LoadPresetByName(AppState& state, std::string_view name)
{
    core::Expected<core::Scenario> preset = core::LoadPreset(name);
    if (!preset) {
        state.error_message = "Preset '" + std::string(name) + "' could not be loaded: " + preset.error;
        return false;
    }
    SetScenario(state, *preset.value);
    state.preset_name = std::string(name);
    state.error_message.clear();
    state.status_message.clear();
    return true;
}

namespace {

// Replaces the scenario and keeps the one before for Undo (SetScenario's edit clears the old slot).
void ReplaceKeepingUndo(AppState& state, const core::Scenario& next, std::string status)
{
    core::Scenario before = state.scenario;
    std::string preset = state.preset_name;
    SetScenario(state, next);
    state.preset_name.clear();
    state.error_message.clear();
    state.status_message = std::move(status);
    state.undo_scenario = std::move(before);
    state.undo_preset_name = std::move(preset);
}

} // namespace

void ResetScenario(AppState& state)
{
    ReplaceKeepingUndo(state, core::Scenario{}, "Every input is back to its default.");
}

bool TryFlipPoint(AppState& state, const core::FlipPoint& point)
{
    const core::FieldSpec* f = core::FindField(point.input);
    if (!f || !point.value)
        return false;
    core::Scenario tried = state.scenario;
    if (!core::SetFieldNumber(tried, *f, *point.value))
        return false;
    ReplaceKeepingUndo(state, tried, std::string("Trying ") + f->label + " at the value where the answer changes.");
    return true;
}

bool UndoLastChange(AppState& state)
{
    if (!state.undo_scenario)
        return false;
    core::Scenario before = *state.undo_scenario;
    std::string preset = state.undo_preset_name;
    SetScenario(state, before); // clears the undo slot (an edit)
    state.preset_name = std::move(preset);
    state.error_message.clear();
    state.status_message = "Undone: your inputs are as they were.";
    return true;
}

bool SetCourseLine(AppState& state, std::size_t index, bool tick)
{
    if (index >= core::CourseConditions().size())
        return false;
    const core::CourseCondition& line = core::CourseConditions()[index];
    RecomputeIfDirty(state, false);
    const core::Report before = state.results.report;
    std::vector<std::string> settings;
    core::Expected<core::Scenario> next = core::ApplyCondition(line, tick, state.scenario, before, &settings);
    if (!next) {
        state.error_message = next.error + ".";
        return false;
    }
    ReplaceScenario(state, *next.value);
    RecomputeIfDirty(state, false);
    state.course_change.valid = true;
    state.course_change.line = line.text;
    state.course_change.ticked = tick;
    state.course_change.change = core::CompareReports(before, state.results.report);
    state.course_change.change.settings = std::move(settings);
    return true;
}

} // namespace labcalc::ui
