// The functions JavaScript calls (web/labcalc_pre.js): input the page handles itself (touch, paste,
// hash changes, a chosen file, visibility, resize) and window.labcalc's test/embedding interface.
// Strings returned to JavaScript stay valid until the next call of the same function.
#include <emscripten.h>

#include <string>

#include "core/report.hpp"
#include "core/scenario_json.hpp"
#include "imgui.h"
#include "ui/app_actions.hpp"
#include "web_app.hpp"

using labcalc::platform::web::App;
using labcalc::platform::web::WakeUp;

extern "C" {

EMSCRIPTEN_KEEPALIVE void labcalc_wake()
{
    WakeUp();
}

EMSCRIPTEN_KEEPALIVE void labcalc_on_resize()
{
    WakeUp();
}

EMSCRIPTEN_KEEPALIVE void labcalc_set_visible(int visible)
{
    App().scheduler.SetVisible(visible != 0);
    if (visible)
        WakeUp();
}

EMSCRIPTEN_KEEPALIVE void labcalc_touch(float x, float y, int phase)
{
    App().touch.OnPointer(x, y, phase);
    WakeUp();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_paste(const char* text)
{
    // Into the focused text field if there is one, else as a link or scenario for the whole app.
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput)
        ImGui::GetIO().AddInputCharactersUTF8(text);
    else
        labcalc::ui::HandlePastedText(App().state, text);
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_hashchange(const char* fragment)
{
    labcalc::ui::ApplyFragment(App().state, fragment);
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_on_catalog_file(const char* name, const char* text)
{
    labcalc::ui::ImportCatalogText(App().state, name, text);
    WakeUp();
    return "";
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_get_scenario()
{
    static std::string json;
    json = labcalc::core::ScenarioToJson(App().state.scenario).dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_set_scenario(const char* json_text)
{
    static std::string error;
    error = labcalc::ui::ApplyScenarioJson(App().state, json_text);
    WakeUp();
    return error.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* labcalc_get_report()
{
    // Always the complete report (flip points included), as the CLI would print it.
    auto& app = App();
    labcalc::ui::RecomputeIfDirty(app.state, app.services, false);
    static std::string json;
    json = labcalc::core::ReportToJson(app.state.report);
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned labcalc_frame_count()
{
    return App().frame_count;
}

} // extern "C"
