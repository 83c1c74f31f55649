#pragma once
// The embedded page's side of the message API (docs/embedding.md): what a host page's message does to
// the app, and which event is due after a frame. The core decides what a message means
// (core/embed_api.hpp); this acts on it. No ImGui and no browser here: the platform hands messages in
// and posts what comes back.
#include <string>
#include <string_view>

#include "ui/app_state.hpp"

namespace labcalc::ui {

// A message from `origin`, its data as JSON text. Returns the reply to post back to the sender as JSON
// text, or "" when the message is not addressed to labcalc (no reply at all).
std::string HandleEmbedMessage(AppState& state, std::string_view origin, std::string_view data_json);

// After a frame: "labcalc:ready" once the first report is complete, then "labcalc:changed" whenever the
// report changed and settled (not while a slider is held). "" when nothing is due.
std::string TakeEmbedEvent(AppState& state, bool interacting);

} // namespace labcalc::ui
