#pragma once
// Embedding the page in course material (docs/embedding.md): the options an author puts in the
// frame's URL fragment, and the versioned postMessage API a host page talks to the frame with.
// Pure: the page's JavaScript hands over the message text and origins; this decides what they mean,
// and the UI layer acts on an accepted request. Nothing here throws; bad input gives a message.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/expected.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

constexpr int kEmbedApiVersion = 1;
constexpr std::size_t kMaxFrameNameChars = 40;
constexpr std::size_t kMaxMessageIdChars = 64;
constexpr std::size_t kMaxAllowedOrigins = 16;

// "#embed=1&frame=lesson1&origins=https%3A%2F%2Fcourse.example&preset=beginner&s=..." (any order).
struct PageOptions {
    bool embed = false;               // compact layout for a frame
    std::string frame;                // name echoed in every message the frame sends ("" none)
    std::vector<std::string> origins; // host origins allowed besides the frame's own ("null" = file:// pages)
    std::string preset;               // a built-in preset to start from (s= wins when both are given)
    bool has_scenario = false;        // an s= part is present
};
struct PageOptionsResult {
    PageOptions options;
    std::vector<std::string> errors; // one per bad part; that part is ignored, the rest applies
};
PageOptionsResult ParsePageOptions(std::string_view fragment);

// The fragment the page keeps in its URL: the options it was opened with (embed, frame, origins) and
// the current scenario. A preset= part is dropped: once edited, the s= part says it all.
std::string EncodePageFragment(const PageOptions& options, const Scenario& scenario);

// An origin as browsers write it: "https://host[:port]" or "http://host[:port]" in lower case, or "null".
bool IsValidOrigin(std::string_view origin);
// The frame's own origin is always allowed, except the opaque "null" (file://), which must be listed.
bool OriginAllowed(const PageOptions& options, std::string_view origin, std::string_view self_origin);

// Where the frame's events go (postMessage target origins): its own origin unless that is "null", and
// each listed origin; a listed "null" (a file:// host, which has no addressable origin) means "*" alone.
std::vector<std::string> EventTargetOrigins(const PageOptions& options, std::string_view self_origin);

// A message from a host page, already checked.
enum class EmbedRequestKind { get_report, get_scenario, set_scenario, load_preset };
struct EmbedRequest {
    EmbedRequestKind kind = EmbedRequestKind::get_report;
    nlohmann::json id;       // echoed in the reply (null when absent)
    nlohmann::json scenario; // set_scenario: the object sent
    bool merge = false;      // set_scenario: only the given fields change
    std::string preset;      // load_preset
};

// What to do with a message: ignore it (not addressed to labcalc), answer with an error, or act.
enum class MessageDisposition { ignore, reject, accept };
struct ParsedMessage {
    MessageDisposition disposition = MessageDisposition::ignore;
    EmbedRequest request; // when accepted
    nlohmann::json id;    // echoed in an error reply when it could be read
    std::string error;    // when rejected: names the field and the rule
};
// `json_text` is the message data as JSON (the page serialises objects; a string message is passed as is).
ParsedMessage ParseEmbedMessage(std::string_view json_text);

// The scenario a set_scenario request asks for: on top of the current one (merge) or of the defaults.
Expected<Scenario> RequestedScenario(const EmbedRequest& request, const Scenario& current);

// Messages the frame sends, as JSON text: replies carry the request's id; events ("labcalc:ready",
// "labcalc:changed") carry none.
std::string EmbedReportMessage(std::string_view type, const nlohmann::json& id, std::string_view frame,
                               const Report& report);
std::string EmbedScenarioMessage(const nlohmann::json& id, std::string_view frame, const Scenario& scenario);
std::string EmbedErrorMessage(const nlohmann::json& id, std::string_view frame, std::string_view error);

// What the full page's "Copy embed code" button copies: an iframe for `page_url` (no fragment) with
// the scenario in its fragment.
std::string EmbedSnippet(std::string_view page_url, const Scenario& scenario);

} // namespace labcalc::core
