// Acting on a host page's messages. Every path either answers with the state it left behind or with
// an error that names the field and the rule; a rejected message changes nothing.
#include "ui/embed_actions.hpp"

#include <algorithm>

#include "core/embed_api.hpp"
#include "core/presets.hpp"
#include "core/text_format.hpp"
#include "ui/app_actions.hpp"

namespace labcalc::ui {

std::string HandleEmbedMessage(AppState& state, std::string_view origin, std::string_view data_json)
{
    const std::string& frame = state.embedding.page.frame;
    // The origin first: a page that may not use this frame learns nothing but how to be allowed, and gets
    // no work done for it. A short message is read to tell a request (answered) from other scripts'
    // traffic and labcalc's own replies (not answered); a long one is not parsed at all.
    constexpr std::size_t kReadFromOthersBytes = 4096;
    if (!core::OriginAllowed(state.embedding.page, origin, state.embedding.self_origin)) {
        nlohmann::json id = nullptr;
        if (data_json.size() <= kReadFromOthersBytes) {
            const core::ParsedMessage m = core::ParseEmbedMessage(data_json);
            if (m.disposition == core::MessageDisposition::ignore)
                return "";
            id = m.id;
        } else if (data_json.find("\"labcalc:") == std::string_view::npos) {
            return "";
        }
        return core::EmbedErrorMessage(
            id, frame,
            "origin '" + core::Printable(origin, 80) +
                "' may not use this calculator: the frame's link must list it, as #origins=" +
                core::Printable(origin, 80) + " (docs/embedding.md)");
    }
    const core::ParsedMessage m = core::ParseEmbedMessage(data_json);
    if (m.disposition == core::MessageDisposition::ignore)
        return "";
    if (m.disposition == core::MessageDisposition::reject)
        return core::EmbedErrorMessage(m.id, frame, m.error);

    const core::EmbedRequest& r = m.request;
    switch (r.kind) {
    case core::EmbedRequestKind::get_scenario: return core::EmbedScenarioMessage(r.id, frame, state.scenario);
    case core::EmbedRequestKind::get_report: break;
    case core::EmbedRequestKind::set_scenario: {
        core::Expected<core::Scenario> next = CheckedForCatalog(state, core::RequestedScenario(r, state.scenario));
        if (!next)
            return core::EmbedErrorMessage(r.id, frame, next.error);
        ReplaceScenario(state, *next.value);
        break;
    }
    case core::EmbedRequestKind::load_preset: {
        // Checked here, so an unknown name is the host page's error only (the learner's view is unchanged).
        const bool known = std::any_of(state.presets.begin(), state.presets.end(),
                                       [&](const core::PresetInfo& p) { return p.name == r.preset; });
        if (!known)
            return core::EmbedErrorMessage(r.id, frame,
                                           "preset: '" + core::Printable(r.preset, 40) +
                                               "' is not a built-in preset (labcalc --list-presets)");
        LoadPresetByName(state, r.preset);
        break;
    }
    }
    // The complete report (flip points included) for the state the message left.
    RecomputeIfDirty(state, false);
    return core::EmbedReportMessage("labcalc:report", r.id, frame, state.results.report);
}

std::string TakeEmbedEvent(AppState& state, bool interacting)
{
    if (!state.results.has_report || state.results.dirty || state.results.flips_pending ||
        state.results.samples_pending || interacting ||
        state.embedding.announced_version == state.results.report_version)
        return "";
    const bool first = state.embedding.announced_version < 0;
    state.embedding.announced_version = state.results.report_version;
    return core::EmbedReportMessage(first ? "labcalc:ready" : "labcalc:changed", nullptr, state.embedding.page.frame,
                                    state.results.report);
}

} // namespace labcalc::ui
