// Fuzz target: the embedding API (src/core/embed_api.cpp), fed by any page that can post a message to
// the frame and by any link an author writes. Input: the frame's URL fragment, a newline, then the
// message data (JSON text, as the page's glue passes it). Checks:
//   - page options: every error is one clean line; what the page writes back (EncodePageFragment) reads
//     back to the same options, without a preset part;
//   - origins: an opaque "null" sender is allowed only when listed;
//   - messages: data without "labcalc:" is never answered; a rejection has one clean message and its
//     error reply is JSON; an accepted set-scenario gives a scenario that evaluates (or a clean error);
//     every reply the frame would send is valid JSON of version 1.
#include <string>
#include <string_view>

#include "core/embed_api.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    const std::string_view fragment = input.substr(0, newline);
    const std::string_view message = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

    // Page options.
    const core::PageOptionsResult opened = core::ParsePageOptions(fragment);
    for (const std::string& e : opened.errors)
        fuzz::CheckError(e);
    const core::PageOptions& o = opened.options;
    const std::string written = core::EncodePageFragment(o, core::Scenario{});
    const core::PageOptionsResult reread = core::ParsePageOptions(written);
    LABCALC_CHECK(reread.errors.empty(),
                  "EncodePageFragment wrote a link ParsePageOptions refuses: " + written.substr(0, 300));
    LABCALC_CHECK(reread.options.embed == o.embed && reread.options.frame == o.frame &&
                      reread.options.origins == o.origins && reread.options.preset.empty() &&
                      reread.options.has_scenario,
                  "page options do not survive the link the page writes: " + written.substr(0, 300));
    const bool null_listed = std::find(o.origins.begin(), o.origins.end(), "null") != o.origins.end();
    LABCALC_CHECK(core::OriginAllowed(o, "null", "null") == null_listed,
                  "an opaque origin allowed without being listed");
    for (const std::string& origin : o.origins) {
        LABCALC_CHECK(core::IsValidOrigin(origin), "an invalid origin in the allow-list: " + origin);
        // Only origins as the browser writes them: no trailing dot, no zero-led or default port.
        const bool ipv6 = origin.find('[') != std::string::npos;
        const std::size_t colon = origin.rfind(':');
        const std::string port = !ipv6 && colon != std::string::npos && colon > 6 ? origin.substr(colon + 1) : "";
        LABCALC_CHECK(origin.find(".:") == std::string::npos && origin.back() != '.' &&
                          (port.empty() || port[0] != '0') && !(port == "443" && origin.rfind("https:", 0) == 0) &&
                          !(port == "80" && origin.rfind("http:", 0) == 0),
                      "a non-canonical origin in the allow-list: " + origin);
    }

    // The message.
    const core::ParsedMessage m = core::ParseEmbedMessage(message);
    if (message.find("labcalc:") == std::string_view::npos)
        LABCALC_CHECK(m.disposition == core::MessageDisposition::ignore, "answered a message not addressed to labcalc");
    if (m.disposition == core::MessageDisposition::accept)
        LABCALC_CHECK(message.find('\0') == std::string_view::npos, "a message with a NUL byte was accepted");
    auto check_reply = [&](const std::string& text) {
        const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
        LABCALC_CHECK(!j.is_discarded() && j.is_object(), "a reply that is not a JSON object: " + text.substr(0, 300));
        LABCALC_CHECK(j["version"] == core::kEmbedApiVersion && j["type"].is_string(),
                      "a reply without type or version: " + text.substr(0, 300));
    };
    switch (m.disposition) {
    case core::MessageDisposition::ignore: break;
    case core::MessageDisposition::reject:
        fuzz::CheckError(m.error);
        check_reply(core::EmbedErrorMessage(m.id, o.frame, m.error));
        break;
    case core::MessageDisposition::accept:
        if (m.request.kind == core::EmbedRequestKind::set_scenario) {
            core::Scenario current;
            current.budget_usd = 2500; // a merge must keep what the message does not name
            auto next = core::RequestedScenario(m.request, current);
            if (!next) {
                fuzz::CheckError(next.error);
                check_reply(core::EmbedErrorMessage(m.id, o.frame, next.error));
            } else {
                fuzz::CheckAcceptedScenario(*next.value, data, size);
                if (m.request.merge && !m.request.scenario.contains("budget_usd"))
                    LABCALC_CHECK(next.value->budget_usd == 2500, "a merge changed a field the message did not name");
                check_reply(core::EmbedScenarioMessage(m.id, o.frame, *next.value));
            }
        } else {
            check_reply(core::EmbedScenarioMessage(m.id, o.frame, core::Scenario{}));
        }
        break;
    }
    return 0;
}
