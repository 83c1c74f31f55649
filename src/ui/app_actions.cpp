// State transitions of the app (see app_actions.hpp). Every path that takes outside input validates
// through the core and keeps the last good state when the input is rejected.
#include "ui/app_actions.hpp"

#include <algorithm>
#include <cmath>

#include "core/course.hpp"
#include "core/embed_api.hpp"
#include "core/figure_ids.hpp"
#include "core/flip_points.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"

namespace labcalc::ui {
namespace {

// Smallest "nice" axis end at or above `need`, so the decision map's axes move in steps, not on
// every slider movement.
double NiceAxisMax(double need, const double* steps, int count)
{
    for (int i = 0; i < count; ++i)
        if (steps[i] >= need)
            return steps[i];
    return steps[count - 1];
}

void UpdateMapAxes(AppState& state)
{
    static const double kHours[] = {40, 80, 168};
    static const double kBudgets[] = {5000, 10000, 20000, 50000, 100000, 250000, 1e6, 1e7};
    state.map_hours_max = NiceAxisMax(state.scenario.hours_per_week * 1.25, kHours, 3);
    state.map_budget_max_usd = NiceAxisMax(state.scenario.budget_usd * 1.25, kBudgets, 8);
}

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

// The rules the CLI applies after reading a scenario, applied by every face: each assumption id names a
// figure, GPU or offer of the catalog in use, with a value in its range.
core::Expected<core::Scenario> CheckedForCatalog(const AppState& state, core::Expected<core::Scenario> s)
{
    if (!s)
        return s;
    if (std::string error = core::CheckAssumptionIds(*s.value, state.catalog); !error.empty())
        return core::Expected<core::Scenario>::Fail(error);
    return s;
}

void MarkEdited(AppState& state)
{
    state.undo_scenario.reset(); // an edit of the learner's own makes the last Try or Reset final
    state.dirty = true;
    state.persist_pending = true;
    state.history_entry_pending = true;
    // A copied link or "loaded" note no longer describes the edited scenario.
    state.share_link.clear();
    state.status_message.clear();
    state.course_change.valid = false;
}

std::string CommitSettings(AppState& state, const std::vector<Setting>& settings)
{
    core::Scenario edited = state.scenario;
    for (const Setting& s : settings) {
        const std::string error = core::ApplySetting(edited, s.first + "=" + s.second);
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
            return CommitSetting(state, key, f->choices[static_cast<std::size_t>(i)]);
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
    state.self_origin = std::string(self_origin);
    state.has_web_address = !services.ShareLink("").empty();
    const std::string today = services.TodayDate();
    if (today.size() == 10)
        state.today = today;

    // Options first (embed, frame, origins, preset): a bad one is named and ignored, the rest applies.
    core::PageOptionsResult opened = core::ParsePageOptions(fragment);
    state.page = opened.options;
    std::string notes;
    for (const std::string& e : opened.errors)
        notes += (notes.empty() ? "" : "; ") + e;

    if (state.page.has_scenario) {
        core::Expected<core::Scenario> decoded = CheckedForCatalog(state, core::DecodeScenarioFragment(fragment));
        if (decoded) {
            SetScenario(state, *decoded.value);
            state.preset_name = PresetNameOf(state, state.scenario);
        } else {
            SetScenario(state, core::Scenario{});
            notes += std::string(notes.empty() ? "" : "; ") + "This link's scenario could not be read (" + decoded.error +
                     "). Showing the defaults instead";
        }
    } else if (!state.page.preset.empty()) {
        LoadPresetByName(state, state.page.preset);
    } else if (std::optional<std::string> stored = state.page.embed ? std::nullopt : services.LoadValue(kStoredScenarioKey)) {
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
    state.history_entry_pending = false; // the page as opened replaces its own entry
}

bool ApplyFragment(AppState& state, std::string_view fragment)
{
    if (fragment.empty() || fragment == "#")
        return true;
    core::Expected<core::Scenario> decoded = CheckedForCatalog(state, core::DecodeScenarioFragment(fragment));
    if (!decoded) {
        state.error_message = "The link's scenario could not be read (" + decoded.error +
                              "). Your current inputs are kept.";
        return false;
    }
    if (*decoded.value != state.scenario) {
        SetScenario(state, *decoded.value);
        state.preset_name = PresetNameOf(state, state.scenario);
        state.history_entry_pending = false; // it came from the history (Back, Forward) or a typed link
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

bool ImportCatalogText(AppState& state, std::string_view file_name, std::string_view json_text)
{
    // The name is shown on the page and read out in its text summary: no control characters (a newline
    // would start a line of its own), and no more of it than fits a line.
    const std::string name = core::Printable(file_name, 80);
    core::Expected<core::Catalog> parsed = core::ParseCatalog(json_text);
    if (!parsed) {
        state.error_message = "Catalog '" + name + "' was rejected: " + parsed.error + ". The current catalog is kept.";
        return false;
    }
    ReplaceCatalog(state, std::move(*parsed.value), name);
    state.error_message.clear();
    state.status_message = "Prices from " + name + " loaded.";
    return true;
}

void ReplaceCatalog(AppState& state, core::Catalog catalog, std::string name)
{
    state.catalog = std::move(catalog);
    ++state.catalog_version; // the decision map is drawn again for it (RecomputeIfDirty)
    state.catalog_is_built_in = name.empty();
    state.catalog_name = name.empty() ? std::string(kBuiltInCatalogName) : std::move(name);
    MarkEdited(state);
}

void RestoreDefaultCatalog(AppState& state)
{
    ReplaceCatalog(state, core::LoadDefaultCatalog(), "");
    state.status_message = "Built-in prices restored.";
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
    if (!core::SetFieldNumber(tried, *f, *point.value).empty())
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

void RecomputeIfDirty(AppState& state, bool interacting)
{
    const bool finish_flips = state.flips_pending && !interacting;
    if (!state.dirty && !finish_flips)
        return;
    core::ReportSettings settings;
    settings.today = state.today;
    // The flip-point search re-evaluates the model many times; while a slider is held the learner
    // watches the recommendation and the chart, so the search waits for the release.
    settings.flip_points = !interacting;
    state.report = core::BuildReport(state.scenario, state.catalog, settings);
    state.flips_pending = interacting;
    if (state.dirty) {
        UpdateMapAxes(state);
        // The map sets budget and hours itself: dragging those two sliders (the usual gesture) keeps
        // it, unless an axis had to widen. Anything else, or another catalog, draws it again.
        const core::DecisionMap& m = state.decision_map;
        const bool still_valid = !m.cells.empty() && m.hours_max == state.map_hours_max &&
                                 m.budget_max_usd == state.map_budget_max_usd &&
                                 state.map_catalog_version == state.catalog_version &&
                                 core::SameMapInputs(state.map_scenario, state.scenario);
        if (!still_valid) {
            state.decision_map = core::ComputeDecisionMap(state.scenario, state.catalog, kMapColumns, kMapRows,
                                                          state.map_hours_max, state.map_budget_max_usd);
            state.map_scenario = state.scenario;
            state.map_catalog_version = state.catalog_version;
            ++state.map_computations;
        }
    }
    state.has_report = true;
    state.dirty = false;
    ++state.report_version;
}

void PublishSummaryIfChanged(AppState& state, PlatformServices& services)
{
    if (!state.has_report || (state.published_version == state.report_version && state.published_error == state.error_message))
        return;
    Summary summary = BuildSummary(state.report);
    // A rejected link or file is news for a screen reader too: it goes first.
    if (!state.error_message.empty())
        summary.lines.insert(summary.lines.begin(), "Notice: " + state.error_message);
    services.PublishSummary(summary);
    state.published_version = state.report_version;
    state.published_error = state.error_message;
}

void PersistIfPending(AppState& state, PlatformServices& services, bool interacting)
{
    if (!state.persist_pending || interacting)
        return;
    services.WriteUrlFragment(core::EncodePageFragment(state.page, state.scenario), state.history_entry_pending);
    state.history_entry_pending = false;
    if (!state.page.embed)
        services.StoreValue(kStoredScenarioKey, core::ScenarioToJson(state.scenario).dump());
    state.persist_pending = false;
}

bool SetCourseLine(AppState& state, std::size_t index, bool tick)
{
    if (index >= core::CourseConditions().size())
        return false;
    const core::CourseCondition& line = core::CourseConditions()[index];
    RecomputeIfDirty(state, false);
    const core::Report before = state.report;
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
    state.course_change.change = core::CompareReports(before, state.report);
    state.course_change.change.settings = std::move(settings);
    return true;
}

void CopyEmbedCode(AppState& state, PlatformServices& services)
{
    const std::string page_url = services.ShareLink("");
    if (page_url.empty()) {
        state.error_message = "This copy of the calculator has no web address to embed (open the web page to copy embed code).";
        return;
    }
    state.share_link = core::EmbedSnippet(page_url, state.scenario);
    if (services.SetClipboardText(state.share_link))
        state.status_message = "Embed code copied: paste it into your lesson's HTML (docs/embedding.md).";
    else
        state.status_message = "Copy this embed code by hand (the clipboard is not available here):";
}

void OpenFullCalculator(AppState& state, PlatformServices& services)
{
    const std::string link = services.ShareLink(core::EncodeScenarioFragment(state.scenario));
    if (!link.empty())
        services.OpenInNewTab(link);
}

void CopyShareLink(AppState& state, PlatformServices& services)
{
    const std::string fragment = core::EncodeScenarioFragment(state.scenario);
    services.WriteUrlFragment(core::EncodePageFragment(state.page, state.scenario), state.history_entry_pending);
    state.history_entry_pending = false;
    state.share_link = services.ShareLink(fragment);
    if (state.share_link.empty())
        state.share_link = "#" + fragment;
    if (services.SetClipboardText(state.share_link))
        state.status_message = "Link copied. Anyone who opens it sees this exact scenario.";
    else
        state.status_message = "Copy this link by hand (the clipboard is not available here):";
}

namespace {

struct ExportFile {
    const char* file_name;
    const char* mime_type;
    std::string bytes;
};

ExportFile MakeExport(AppState& state, ExportFormat format)
{
    // Exports always carry the flip points, even right after a drag.
    if (state.flips_pending || state.dirty)
        RecomputeIfDirty(state, false);
    switch (format) {
    case ExportFormat::csv:
        return {"labcalc-monthly-costs.csv", "text/csv", core::ReportToCsv(state.report)};
    case ExportFormat::markdown:
        return {"labcalc-summary.md", "text/markdown", core::ReportToMarkdown(state.report)};
    case ExportFormat::json:
        break;
    }
    return {"labcalc-report.json", "application/json", core::ReportToJson(state.report)};
}

std::string BaseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

void ExportReport(AppState& state, PlatformServices& services, ExportFormat format)
{
    const ExportFile file = MakeExport(state, format);
    services.DownloadFile(file.file_name, file.mime_type, file.bytes);
    state.status_message = "Report downloaded.";
}

bool OpenScenarioFile(AppState& state, PlatformServices& services, const std::string& path)
{
    core::Expected<std::string> text = services.ReadTextFile(path);
    if (!text) {
        state.error_message = "Scenario file '" + path + "' could not be read: " + text.error + ". Your inputs are kept.";
        return false;
    }
    // The command line's checks: the scenario itself, then its price overrides against this catalog.
    core::Expected<core::Scenario> parsed = core::ParseScenarioJson(*text.value);
    std::string error = parsed ? core::CheckAssumptionIds(*parsed.value, state.catalog) : parsed.error;
    if (error.empty())
        error = ApplyScenarioJson(state, *text.value);
    if (!error.empty()) {
        state.error_message = "Scenario file '" + path + "' was rejected: " + error + ". Your inputs are kept.";
        return false;
    }
    state.files.scenario = path;
    state.status_message = "Scenario loaded from " + path + ".";
    return true;
}

bool SaveScenarioFile(AppState& state, PlatformServices& services, const std::string& path)
{
    const std::string error = services.WriteTextFile(path, core::ScenarioToJson(state.scenario).dump(2) + "\n");
    if (!error.empty()) {
        state.error_message = "The scenario could not be saved to '" + path + "': " + error + ".";
        return false;
    }
    state.files.scenario = path;
    state.error_message.clear();
    state.status_message = "Scenario saved to " + path + ".";
    return true;
}

bool ImportCatalogFile(AppState& state, PlatformServices& services, const std::string& path)
{
    core::Expected<std::string> text = services.ReadTextFile(path);
    if (!text) {
        state.error_message = "Catalog '" + path + "' could not be read: " + text.error + ". The current catalog is kept.";
        return false;
    }
    if (!ImportCatalogText(state, BaseName(path), *text.value))
        return false;
    state.files.catalog = path;
    return true;
}

bool ExportReportToFolder(AppState& state, PlatformServices& services, ExportFormat format, const std::string& folder)
{
    const ExportFile file = MakeExport(state, format);
    std::string path = folder;
    if (!path.empty() && path.back() != '/' && path.back() != '\\')
        path += '/';
    path += file.file_name;
    const std::string error = services.WriteTextFile(path, file.bytes);
    if (!error.empty()) {
        state.error_message = "The report could not be saved to '" + path + "': " + error + ".";
        return false;
    }
    state.error_message.clear();
    state.status_message = "Report saved to " + path + ".";
    return true;
}

Summary BuildSummary(const core::Report& r)
{
    // In the order a reader needs it: the answer, what it was worked out from, why, what each option
    // costs, what would change it, then the matrix and the course's rules. Each fact once (an option's
    // blockers are in its cost line, not again as reasons); a sentence that no longer holds (a home lab
    // that "pays for itself" when it is ruled out) is left out.
    Summary s;
    const std::string winner = OptionLabelOf(r.recommendation);
    s.headline = r.any_feasible ? "Recommendation: " + winner : "Nothing fits yet; closest: " + winner;
    const core::Scenario& in = r.scenario;
    s.lines.push_back("Your inputs: Budget up front " + Usd(in.budget_usd) + "; work per week " + Number(in.hours_per_week, 1) +
                      " h/week; privacy need " + core::PrivacyLabel(in.privacy) + "; horizon " + std::to_string(in.horizon_months) +
                      " months; electricity " + Usd(r.electricity_usd_per_kwh) + " per kWh; largest job " + Number(in.vram_gb, 1) +
                      " GB of GPU memory.");
    if (r.any_feasible && !r.runner_up.empty())
        s.lines.push_back("Ahead of " + OptionLabelOf(r.runner_up) + " by " + Number(r.margin, 1) +
                          " points (each option is scored out of 10 on the course's ten factors, plus a bonus for the course rules it meets).");
    for (const core::Reason& reason : r.reasons) {
        // The blockers follow in the options' lines.
        bool blocker = false;
        for (const core::OptionReport& o : r.options)
            blocker = blocker || (!o.feasible && reason.text.rfind(o.label + " is ruled out", 0) == 0);
        if (!blocker)
            s.lines.push_back(reason.text + " (course: " + reason.course + ")");
    }
    for (const core::OptionReport& o : r.options) {
        if (o.feasible) {
            s.lines.push_back(o.label + ": " + Usd(ShownTotal(o, in.horizon_months)) + " over " + std::to_string(in.horizon_months) +
                              " months, " + CostSum(o, in.horizon_months) + (o.setup.empty() ? "" : "; " + o.setup) + ".");
        } else {
            std::string why;
            for (const std::string& b : o.blockers)
                why += (why.empty() ? "" : "; ") + b;
            s.lines.push_back(o.label + " is ruled out: " + why + ".");
        }
    }
    // (The break-even is one of the core's reasons, above, for a home lab that fits.)
    std::string flips;
    for (const core::FlipPoint& p : r.flip_points)
        if (!p.to.empty())
            flips += (flips.empty() ? "" : " ") + core::FlipInWords(p);
    if (!flips.empty())
        s.lines.push_back("What would change the answer: " + flips);
    std::string scores;
    for (const core::OptionReport& o : r.options)
        scores += (scores.empty() ? "" : "; ") + o.label + " " + (o.feasible ? Number(o.score, 1) : std::string("ruled out"));
    if (!scores.empty())
        s.lines.push_back("Comparison matrix, final scores out of 10 with the course bonus: " + scores + ".");
    std::string rules;
    for (const core::OptionReport& o : r.options) {
        int total = 0;
        for (const core::RuleCheck& rule : r.rules)
            total += rule.option == o.name ? 1 : 0;
        if (total > 0)
            rules += (rules.empty() ? "" : "; ") + o.label + " " + std::to_string(o.rules_matched) + " of " + std::to_string(total);
    }
    if (!rules.empty())
        s.lines.push_back("Course rules met (the course's \"choose ... when\" lines): " + rules + ".");
    // The same sentence twice says nothing new.
    std::vector<std::string> unique;
    for (std::string& line : s.lines)
        if (std::find(unique.begin(), unique.end(), line) == unique.end())
            unique.push_back(std::move(line));
    s.lines = std::move(unique);
    return s;
}

} // namespace labcalc::ui
