#pragma once
// State transitions of the app that are not drawing: start-up, loading a link, a paste, a preset or a
// catalog, rebuilding the report, exports. Each rejects bad input with a message in
// AppState::error_message and keeps the last good state. No ImGui here, so tests can call them directly.
// Implemented by concern: app_actions.cpp (the inputs: start-up, links, presets, edits, Try / Undo / Reset,
// course lines), app_results.cpp (the report, the text version, the link written back), app_files.cpp
// (catalogs, links and embed code to share, exports, files).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/app_state.hpp"
#include "ui/platform_services.hpp"

namespace labcalc::ui {

// localStorage key of the last scenario (versioned so a future format can ignore old entries).
constexpr const char* kStoredScenarioKey = "labcalc.scenario.v1";

// Default catalog, presets, today's date; then the scenario from `fragment` (the URL's "#s=..." part)
// if there is one, else the stored scenario, else the defaults. A bad fragment gives the defaults
// and a message (a link the learner followed must not silently show something else).
void InitAppState(AppState& state, PlatformServices& services, std::string_view fragment);

// The same, with the page's own origin (for the embedding API's origin check).
void InitAppState(AppState& state, PlatformServices& services, std::string_view fragment, std::string_view self_origin);

// A new fragment while running (hashchange). Empty or equal to the current state: nothing happens.
// Returns false (and sets error_message, keeping the current scenario) when it is rejected.
bool ApplyFragment(AppState& state, std::string_view fragment);
// A scenario read by any face, checked as the CLI checks one: every assumption id names a figure, GPU or
// offer of the catalog in use, with a value in its range. The error names the id and the rule.
core::Expected<core::Scenario> CheckedForCatalog(const AppState& state, core::Expected<core::Scenario> scenario);
// Scenario JSON from a paste or window.labcalc.setScenario. Returns "" or the reason it was rejected.
std::string ApplyScenarioJson(AppState& state, std::string_view json_text);
// Replaces the scenario with one already validated (a host page's message, a course line).
void ReplaceScenario(AppState& state, const core::Scenario& scenario);
// Text pasted while no text field has focus: a labcalc link or scenario JSON.
void HandlePastedText(AppState& state, std::string_view text);
bool LoadPresetByName(AppState& state, std::string_view name);
// A catalog file chosen by the learner. Invalid files are rejected with the core's message.
bool ImportCatalogText(AppState& state, std::string_view file_name, std::string_view json_text);
// Every change of catalog goes through here: it counts the catalog's version, so the decision map follows.
// `name` is the file's name for the learner's own prices, "" for the built-in catalog.
void ReplaceCatalog(AppState& state, core::Catalog catalog, std::string name);
void RestoreDefaultCatalog(AppState& state);
void ResetScenario(AppState& state); // every input to its default; Undo brings them back
// Sets the input of a flip point to its value (the answer changes there), keeping the scenario before for Undo.
bool TryFlipPoint(AppState& state, const core::FlipPoint& point);
bool UndoLastChange(AppState& state); // after TryFlipPoint or ResetScenario; false when none

// Marks the inputs changed: the report is rebuilt before the next frame is drawn.
void MarkEdited(AppState& state);

// The one way an input is edited, by every panel and every platform element: the core's rule for the key
// (core::ApplySetting: a field, "weights.<factor>", "assumptions.<figure id>", "default" to unset), the error
// kept under the key or cleared, the preset name cleared (an edited preset is the learner's own scenario),
// MarkEdited. Several settings apply together or not at all. Returns "" or the error; the last good value stays.
using Setting = std::pair<std::string, std::string>; // key, value as text
std::string CommitSettings(AppState& state, const std::vector<Setting>& settings);
std::string CommitSetting(AppState& state, std::string_view key, std::string_view value);
// A number (for a choice field: the index of the choice).
std::string CommitSetting(AppState& state, std::string_view key, double value);

// Rebuilds the report and decision map if the inputs changed. `interacting` (a slider is held) skips
// the flip-point search, which is then done once the slider is released.
// `defer_samples`: leave "How sure" (the likely futures) to the next call, so a frame is not kept waiting;
// an export or an embedding message wants the whole report now.
void RecomputeIfDirty(AppState& state, bool interacting, bool defer_samples = false);
// While a slider is held, the report's likely futures (core::SampleOutcomes without the sways): asked of the
// platform (PlatformServices::StartSampling, kUiLiveSamples of them) when no job is out, else worked out here
// (kUiLiveSamplesInPlace). A report that moves on while a job is out is asked for when its answer comes.
void StartLiveSamples(AppState& state, PlatformServices& services);
// Once no slider is held and the report stands, its futures with the sways (kUiSamples, what SampleOutcomes gives
// in place) asked of the platform: RecomputeIfDirty then leaves them to the answer (an export or a message that
// wants the whole report still works them out at once). Call before RecomputeIfDirty.
void StartReleaseSamples(AppState& state, PlatformServices& services, bool interacting);
// The platform's answer to job `request_id`: the report's `uncertainty` JSON, or "" when the job failed (the
// app then works the futures out itself from then on). Shown while the slider is still held (the futures of
// the report as it was a frame or two before, until the next answer); dropped once the release's own futures
// are in, or when it is not the answer to the job out.
void ReceiveSamples(AppState& state, int request_id, std::string_view uncertainty_json);
// Sends the accessible summary (with the current error message, if any) when either changed.
void PublishSummaryIfChanged(AppState& state, PlatformServices& services);
// Writes the URL fragment and the stored scenario once no widget is active (not on every drag step:
// browsers throttle history updates).
void PersistIfPending(AppState& state, PlatformServices& services, bool interacting);

// "Copy link": builds the link, puts it on the clipboard, sets status_message and share_link.
void CopyShareLink(AppState& state, PlatformServices& services);
// The course view: ticks (or unticks) course line `index` of core::CourseConditions(), which sets the
// scenario to match it, and records what that moved in state.course_change. A line that cannot be set
// that way leaves the scenario alone and says why.
bool SetCourseLine(AppState& state, std::size_t index, bool tick);

// "Copy embed code": an iframe snippet for this page with the current scenario, for a lesson's HTML.
void CopyEmbedCode(AppState& state, PlatformServices& services);
// The embedded page's "Open the full calculator": this page without the embed options, same scenario.
void OpenFullCalculator(AppState& state, PlatformServices& services);
enum class ExportFormat { json, csv, markdown };
void ExportReport(AppState& state, PlatformServices& services, ExportFormat format);

// Files, on platforms with a file system (PlatformServices::HasFileSystem). The same validation and
// messages as the command line (the core's parsers); a bad file sets error_message and changes nothing.
bool OpenScenarioFile(AppState& state, PlatformServices& services, const std::string& path);
bool SaveScenarioFile(AppState& state, PlatformServices& services, const std::string& path);
bool ImportCatalogFile(AppState& state, PlatformServices& services, const std::string& path);
// Writes the report into `folder` under the export's usual file name (labcalc-report.json, ...).
bool ExportReportToFolder(AppState& state, PlatformServices& services, ExportFormat format, const std::string& folder);

// The accessible summary of a report: recommendation, margin, reasons, totals, blockers.
Summary BuildSummary(const core::Report& report);

} // namespace labcalc::ui
