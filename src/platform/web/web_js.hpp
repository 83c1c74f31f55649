#pragma once
// C++ declarations of the JavaScript functions in web_js.cpp (EM_JS), which forward to LabcalcHost
// in web/labcalc_pre.js. Strings returned to C++ are malloc'd; free them with std::free.
#include <cstddef>

extern "C" {
void labcalc_js_started();
void labcalc_js_mark_ready();
void labcalc_js_fatal(const char* message);
void labcalc_js_set_wants(int keyboard, int text_input, int wheel);
void labcalc_js_set_cursor(const char* css_cursor);
void labcalc_js_publish_summary(const char* headline, const char* lines_joined_by_newline);
int labcalc_js_copy_text(const char* text);
void labcalc_js_download(const char* name, const char* mime, const char* bytes, std::size_t length);
void labcalc_js_write_fragment(const char* fragment, int new_entry);
char* labcalc_js_share_link(const char* fragment);
char* labcalc_js_fragment();
char* labcalc_js_storage_get(const char* key); // null when absent or unavailable
int labcalc_js_storage_set(const char* key, const char* value);
void labcalc_js_request_catalog_file();
char* labcalc_js_today();
int labcalc_js_screen_width();
int labcalc_js_screen_height();
int labcalc_js_is_apple();
// The embedding API (docs/embedding.md).
char* labcalc_js_self_origin(); // location.origin, "null" for file:// pages
int labcalc_js_in_frame();      // the page is inside another page's frame
void labcalc_js_post_event(const char* json, const char* targets_joined_by_newline);
void labcalc_js_open_tab(const char* url);
// Sends a sampling job to the page's worker (web/labcalc_pre.js); 0 when there is none (it could not start or
// has stopped). The answer comes back through labcalc_on_samples (web_bridge.cpp).
int labcalc_js_start_sampling(int id, const char* job, std::size_t job_length, const char* catalog,
                              std::size_t catalog_length);
// The controls drawn this frame, as JSON (ui::ControlsToJson), for the page's real elements.
void labcalc_js_sync_controls(const char* json);
}
