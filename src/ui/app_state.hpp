#pragma once
// Everything the browser and desktop faces show and edit, in one struct (hello_imgui's AppState).
// Panels draw from it and edit `scenario`; app_actions.cpp rebuilds the cached report and decision
// map once after an edit (never per frame), so a frame costs only drawing.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/course.hpp"
#include "core/decision_map.hpp"
#include "core/embed_api.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"
#include "core/uncertainty.hpp"

struct ImFont;

namespace labcalc::ui {

// Fonts loaded by the platform (ui/fonts.hpp); null means ImGui's default font.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* headline = nullptr; // the recommendation, about twice the body size
};

// Decision map resolution: cells across hours per week and down budget.
constexpr int kMapColumns = 42;
constexpr int kMapRows = 28;
// Its shading by how sure (core::ConfidenceMap): a coarser grid, each cell over this many likely futures.
constexpr int kConfidenceColumns = 14;
constexpr int kConfidenceRows = 10;
constexpr int kConfidenceSamplesPerCell = 30;

// Screen rectangle of a widget from the last drawn frame (device pixels), for tests and embedders
// that need to aim at a control (window.labcalc.itemRect on the web).
struct ItemRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A control as the platform's own elements show it (ui/exposed_controls.hpp): its role, name and value,
// and where it was drawn.
enum class ControlRole { button, section, slider, number, checkbox, choice };
struct ControlOption {
    std::string value; // what SetControlText takes ("" = automatic)
    std::string label;
};
struct ExposedControl {
    std::string id; // stable: a field key, "budget_usd#typed", "toolbar.copy_link", "flip.0"
    ControlRole role = ControlRole::button;
    std::string label;                  // the accessible name
    std::string description;            // help text (read after the name)
    std::string value_text;             // the value in words: "$4,000", "20 h/week", "internal"
    std::string typed_text;             // number: the text a box starts from ("4000")
    double value = 0, min = 0, max = 0; // slider, number
    bool checked = false;               // checkbox ticked, section open
    bool in_popup = false;              // a menu's item (focus moves into a menu that opens)
    bool in_dialog = false;             // in a panel over the page (a working), not a menu: a button, not a menu item
    bool opens_popup = false;           // opens a menu or panel (the focus comes back to it when that closes)
    std::string error;                  // the control's current validation message
    std::vector<ControlOption> options; // choice
    ItemRect rect;                      // where it was drawn (device pixels)
    ItemRect visible;                   // the part not clipped by its window (empty when scrolled away)
};
struct Accessibility {
    std::vector<ExposedControl> controls;     // this frame's, in the order drawn
    std::vector<std::string> pending_presses; // pressed from outside, taken when drawn
    std::string focused_id;                   // the platform's focus ("" none)
    bool scroll_to_focused = false;           // bring focused_id into view when next drawn
    bool redraw = false;                      // a press or scroll was acted on: the list is a frame behind
};

// Paths typed into the File menu (platforms with a file system only, see PlatformServices).
struct FilePaths {
    std::string scenario;      // scenario file to open or save
    std::string catalog;       // catalog file to import
    std::string export_folder; // reports are written here under the export's file name
};

// The last course line ticked or unticked in the course view, and what it moved.
struct CourseChange {
    bool valid = false;
    std::string line; // the line's wording
    bool ticked = false;
    core::ReportChange change;
};

constexpr const char* kBuiltInCatalogName = "built-in catalog";

// How the page was opened, and what the embedding page has been told.
struct Embedding {
    // From the URL fragment at start: embed layout, frame name, origins allowed to use the message API.
    // Fixed for the life of the page.
    core::PageOptions page;
    std::string self_origin;      // the page's own origin ("null" from file://), from the platform
    bool has_web_address = false; // the platform has a link to this page (embed code can be copied)
    int announced_version = -1;   // report_version last sent to an embedding page (-1: not ready yet)
};

// The results cache: rebuilt by RecomputeIfDirty() when `dirty` is set, never per frame.
struct Results {
    core::Report report;
    core::DecisionMap decision_map;
    // How sure each part of the map is (coarser than the map; worked out a frame after "How sure", once no
    // slider is held, whenever the map is drawn again).
    core::ConfidenceMap confidence_map;
    bool confidence_pending = false;
    bool has_report = false;
    bool dirty = true;            // inputs changed since the report was built
    bool flips_pending = false;   // report built without flip points while a slider was held
    bool samples_pending = false; // report built without "How sure" yet (worked out a frame later)
    int report_version = 0;       // counts rebuilds (lets tests and mirrors notice change)
    double map_hours_max = 60;    // decision map axes, widened to include the scenario
    double map_budget_max_usd = 10000;
    core::Scenario map_scenario;  // the scenario decision_map was computed for
    int map_catalog_version = -1; // catalog_version decision_map was computed with
};

// "How sure" while a slider is held (app_live_samples.cpp): the futures of the report as it moves, worked out
// by the platform away from the drawing thread when it can (the page's Web Worker), else in place.
struct LiveSamples {
    bool wanted = false;           // the report changed while a slider was held: its futures are owed
    int next_id = 1;               // the next job's id
    int in_flight = 0;             // the id of the job the platform is working on (0: none)
    int catalog_version_sent = -1; // the catalog the platform has (sent with a job)
    bool in_place = false;         // the platform cannot, or one of its answers failed: work them out here
    int answers = 0;               // answers applied (tests and the page's timing read it)
    bool release_out = false;      // the job out is the release's: all the futures with their sways
    int release_version = -1;      // report_version the release's job was asked for
};

// What the platform has been given: the link and stored scenario, the text version.
struct Sync {
    bool persist_pending = false;       // URL fragment and stored scenario are behind the inputs
    bool history_entry_pending = false; // the next fragment write is a person's edit: a new history entry
    std::string published_error;        // error_message as last sent with the summary
    int published_version = -1;         // report_version as last sent with the summary
};

// Read by tests and embedders only.
struct TestHooks {
    std::map<std::string, ItemRect> item_rects; // named controls (see RememberItem in widgets.hpp)
    int map_computations = 0;                   // counts decision map computations
};

struct AppState {
    Embedding embedding;

    // Inputs.
    core::Scenario scenario;
    core::Catalog catalog;
    std::string catalog_name = kBuiltInCatalogName;
    bool catalog_is_built_in = true; // false once the learner loaded their own prices
    int catalog_version = 0;         // counts catalog replacements
    std::vector<core::PresetInfo> presets;
    std::string preset_name;                         // preset last loaded ("" once edited or for a link)
    std::map<std::string, std::string> field_errors; // per input key, while its text is invalid
    std::map<std::string, std::string> edit_buffers; // text typed into a box, while it is typed
    std::string today = "2026-11-28";                // from the platform at start

    Results results;
    LiveSamples live;
    Sync sync;

    // Messages.
    std::string error_message;  // last rejected paste/import/link, shown until dismissed
    std::string status_message; // last success ("Link copied"), shown until replaced
    // The scenario before the last "Try" of a flip point or "Reset", until any other edit: "Undo" restores it.
    std::optional<core::Scenario> undo_scenario;
    std::string undo_preset_name;
    std::string share_link; // last link built by "Copy link" (shown for manual copying)
    CourseChange course_change;

    // The drawing side.
    Accessibility a11y; // this frame's controls for the platform's elements
    TestHooks test_hooks;
    Fonts fonts;
    FilePaths files;
    bool open_file_menu = false; // asked to open the File menu next frame ("Load your own prices...")
    bool show_advanced = false;
    bool show_all_assumptions = false;
    std::string open_working;               // the working shown ("home.electricity_usd_per_month"), "" none
    std::vector<std::string> working_trail; // the workings followed to it from a value's "how?", for Back
};

} // namespace labcalc::ui
