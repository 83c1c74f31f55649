// The functions JavaScript calls (web/labcalc_pre.js): input the page handles itself (touch, paste,
// hash changes, a chosen file, visibility, resize) and window.labcalc's test/embedding interface.
// Strings returned to JavaScript stay valid until the next call of the same function. Strings from
// JavaScript arrive as a pointer into the heap and a byte length (LabcalcHost.callString): a NUL byte
// inside stays part of the text, and the page cuts a text far over its reader's limit before copying it.
#include <emscripten.h>

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/scenario_json.hpp"
#include "imgui.h"
#include "ui/app_actions.hpp"
#include "ui/embed_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "web_app.hpp"

using labcalc::platform::web::App;
using labcalc::platform::web::WakeUp;

namespace {
std::string_view Text(const char* bytes, int length)
{
    return bytes && length > 0 ? std::string_view(bytes, static_cast<std::size_t>(length)) : std::string_view();
}
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void labcalc_wake() { WakeUp(); }

EMSCRIPTEN_KEEPALIVE void labcalc_on_resize() { WakeUp(); }

EMSCRIPTEN_KEEPALIVE void labcalc_set_visible(int visible)
{
    App().scheduler.SetVisible(visible != 0);
    if (visible)
        WakeUp();
}

// The mouse wheel, already in ImGui's units (lines; positive = up/left). Emscripten 3.1.6's GLFW hands
// on the browser's raw deltaY (pixels, and down = positive), which ImGui would read as hundreds of lines
// upwards, so the page converts it and GLFW never sees wheel events.
EMSCRIPTEN_KEEPALIVE void labcalc_wheel(float lines_x, float lines_y)
{
    if (!ImGui::GetCurrentContext())
        return;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += lines_x;
    io.MouseWheel += lines_y;
    WakeUp();
}

EMSCRIPTEN_KEEPALIVE void labcalc_touch(float x, float y, int phase)
{
    App().touch.OnPointer(x, y, phase);
    WakeUp();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_paste(const char* text, int length)
{
    // Into the focused text field if there is one, else as a link or scenario for the whole app.
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput)
        ImGui::GetIO().AddInputCharactersUTF8(std::string(Text(text, length)).c_str());
    else
        labcalc::ui::HandlePastedText(App().state, Text(text, length));
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_hashchange(const char* fragment, int length)
{
    labcalc::ui::ApplyFragment(App().state, Text(fragment, length));
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_catalog_file(const char* name, int name_length, const char* text,
                                                         int length)
{
    labcalc::ui::ImportCatalogText(App().state, Text(name, name_length), Text(text, length));
    WakeUp();
    return "";
}

// The sampling worker's answer to job `id` ("" when the worker failed): ui::ReceiveSamples.
EMSCRIPTEN_KEEPALIVE const char* labcalc_on_samples(const char* text, int length, int id)
{
    labcalc::ui::ReceiveSamples(App().state, id, Text(text, length));
    WakeUp();
    return "";
}

// How the live futures are worked out (window.labcalc.liveSampling, for tests and the page benchmark): answers
// from the worker shown so far, whether the page works them out itself, and the futures now shown (how many, how
// many sways, each option's share of them, and whether the report still waits for its own).
EMSCRIPTEN_KEEPALIVE const char* labcalc_live_sampling()
{
    static std::string json;
    const labcalc::ui::AppState& s = App().state;
    const auto& u = s.results.report.uncertainty;
    json = nlohmann::json{{"answers", s.live.answers},
                          {"in_place", s.live.in_place},
                          {"samples", u ? u->samples : 0},
                          {"sways", u ? u->sways.size() : 0},
                          {"pending", s.results.samples_pending},
                          {"p_best", u ? nlohmann::json(u->p_best) : nlohmann::json(nullptr)}}
               .dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_get_scenario()
{
    static std::string json;
    json = labcalc::core::ScenarioToJson(App().state.scenario).dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_set_scenario(const char* json_text, int length)
{
    static std::string error;
    error = labcalc::ui::ApplyScenarioJson(App().state, Text(json_text, length));
    WakeUp();
    return error.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_get_report()
{
    // Always the complete report (flip points included), as the CLI would print it.
    auto& app = App();
    labcalc::ui::RecomputeIfDirty(app.state, false);
    static std::string json;
    json = labcalc::core::ReportToJson(app.state.results.report);
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned labcalc_frame_count() { return App().frame_count; }

EMSCRIPTEN_KEEPALIVE const char* labcalc_item_rect(const char* id, int length)
{
    // In CSS pixels relative to the canvas, as a page script or test would aim.
    static std::string json;
    auto& app = App();
    auto it = app.state.test_hooks.item_rects.find(std::string(Text(id, length)));
    if (it == app.state.test_hooks.item_rects.end() || app.pixel_scale <= 0)
        return "";
    const float s = app.pixel_scale;
    const labcalc::ui::ItemRect& r = it->second;
    json = nlohmann::json{{"x", r.x0 / s}, {"y", r.y0 / s}, {"width", (r.x1 - r.x0) / s}, {"height", (r.y1 - r.y0) / s}}
               .dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_list_presets()
{
    static std::string json;
    nlohmann::json list = nlohmann::json::array();
    for (const labcalc::core::PresetInfo& p : App().state.presets)
        list.push_back({{"name", p.name}, {"title", p.title}, {"description", p.description}});
    json = list.dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_load_preset(const char* name, int length)
{
    static std::string error;
    auto& state = App().state;
    error = labcalc::ui::LoadPresetByName(state, Text(name, length)) ? "" : state.error_message;
    WakeUp();
    return error.c_str();
}

// A message from a host page (docs/embedding.md): its sender's origin and its data as JSON text.
// Returns the reply to post back, or "" for messages not addressed to labcalc.
EMSCRIPTEN_KEEPALIVE const char* labcalc_on_message(const char* origin, int origin_length, const char* data_json,
                                                    int length)
{
    static std::string reply;
    reply = labcalc::ui::HandleEmbedMessage(App().state, Text(origin, origin_length), Text(data_json, length));
    if (!reply.empty()) {
        WakeUp();
        // The reply goes out first (the page posts it when this returns); the event is posted now, so
        // order it after the reply by deferring it to the next task on the JavaScript side.
        labcalc::platform::web::PostEmbedEvent(App());
    }
    return reply.c_str();
}

// The page's real elements over the controls (web/labcalc_controls.js, ui/exposed_controls.hpp).
EMSCRIPTEN_KEEPALIVE const char* labcalc_control_text(const char* id, int id_length, const char* text, int length)
{
    static std::string error;
    error = labcalc::ui::SetControlText(App().state, Text(id, id_length), Text(text, length));
    WakeUp();
    return error.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_control_step(const char* id, int id_length, int steps, int to_end)
{
    labcalc::ui::StepControl(App().state, Text(id, id_length), steps, to_end);
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_control_press(const char* id, int id_length)
{
    labcalc::ui::PressControl(App().state, Text(id, id_length));
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_control_focus(const char* id, int id_length)
{
    labcalc::ui::FocusControl(App().state, Text(id, id_length));
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_get_message() { return App().state.error_message.c_str(); }

} // extern "C"
