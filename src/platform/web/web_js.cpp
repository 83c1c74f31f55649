// The JavaScript side of the platform calls (declared in web_js.hpp). Each is a thin forwarder to
// LabcalcHost (web/labcalc_pre.js), where the DOM work and its comments live.
#include "web_js.hpp"

#include <emscripten.h>

// The bodies below are JavaScript, which clang-format would mangle as C++ (`===` becomes `== =`).
// clang-format off

EM_JS(void, labcalc_js_started, (), { LabcalcHost.started(); });
EM_JS(void, labcalc_js_mark_ready, (), { LabcalcHost.markReady(); });
EM_JS(void, labcalc_js_fatal, (const char* message), { LabcalcHost.fatal(UTF8ToString(message)); });
EM_JS(void, labcalc_js_set_wants, (int keyboard, int text_input, int wheel), { LabcalcHost.setWants(keyboard, text_input, wheel); });
EM_JS(void, labcalc_js_set_cursor, (const char* css_cursor), { LabcalcHost.setCursor(UTF8ToString(css_cursor)); });
EM_JS(void, labcalc_js_publish_summary, (const char* headline, const char* lines), {
    var text = UTF8ToString(lines);
    LabcalcHost.publishSummary(UTF8ToString(headline), text ? text.split('\n') : []);
});
EM_JS(int, labcalc_js_copy_text, (const char* text), { return LabcalcHost.copyText(UTF8ToString(text)) ? 1 : 0; });
EM_JS(void, labcalc_js_download, (const char* name, const char* mime, const char* bytes, size_t length), {
    // slice() copies out of the wasm heap, which may move when memory grows.
    LabcalcHost.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(bytes, bytes + length));
});
EM_JS(void, labcalc_js_write_fragment, (const char* fragment, int new_entry), { LabcalcHost.writeFragment(UTF8ToString(fragment), new_entry); });
EM_JS(char*, labcalc_js_share_link, (const char* fragment), { return LabcalcHost.cString(LabcalcHost.shareLink(UTF8ToString(fragment))); });
EM_JS(char*, labcalc_js_fragment, (), { return LabcalcHost.cString(LabcalcHost.fragment()); });
EM_JS(char*, labcalc_js_storage_get, (const char* key), {
    var s = LabcalcHost.storageGet(UTF8ToString(key));
    return s === null || s === undefined ? 0 : LabcalcHost.cString(s);
});
EM_JS(int, labcalc_js_storage_set, (const char* key, const char* value), {
    return LabcalcHost.storageSet(UTF8ToString(key), UTF8ToString(value)) ? 1 : 0;
});
EM_JS(void, labcalc_js_request_catalog_file, (), { LabcalcHost.requestCatalogFile(); });
EM_JS(char*, labcalc_js_today, (), { return LabcalcHost.cString(LabcalcHost.today()); });
EM_JS(int, labcalc_js_screen_width, (), { return screen.width | 0; });
EM_JS(int, labcalc_js_screen_height, (), { return screen.height | 0; });
EM_JS(int, labcalc_js_is_apple, (), { return /Mac|iPhone|iPad|iPod/.test(navigator.platform || "") ? 1 : 0; });
EM_JS(char*, labcalc_js_self_origin, (), { return LabcalcHost.cString(LabcalcHost.selfOrigin()); });
EM_JS(int, labcalc_js_in_frame, (), { return LabcalcHost.inFrame() ? 1 : 0; });
EM_JS(void, labcalc_js_post_event, (const char* json, const char* targets), {
    LabcalcHost.postEvent(UTF8ToString(json), UTF8ToString(targets).split('\n'));
});
EM_JS(void, labcalc_js_open_tab, (const char* url), { LabcalcHost.openTab(UTF8ToString(url)); });
EM_JS(int, labcalc_js_start_sampling, (int id, const char* job, size_t job_length, const char* catalog, size_t catalog_length), {
    return LabcalcHost.startSampling(id, UTF8ToString(job, job_length), UTF8ToString(catalog, catalog_length)) ? 1 : 0;
});
EM_JS(void, labcalc_js_sync_controls, (const char* json), { LabcalcControls.sync(UTF8ToString(json)); });
// clang-format on
