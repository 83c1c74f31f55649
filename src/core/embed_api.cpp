// The embedding API's rules, one place: fragment options, origin checks, message parsing and the
// messages the frame sends. Every rejection names the part or field and the rule (docs/embedding.md).
// Sections (each opens with a "[SECTION]" line):
//   Text helpers: percent-decoding, frame names, hosts, message envelopes
//   Origins
//   Page options in the link
//   Who may talk to the page
//   Messages in: parsing a request
//   Messages out, and the embed snippet
#include "core/embed_api.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "core/json_guard.hpp"
#include "core/presets.hpp"
#include "core/report_json.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

// Messages are small; a scenario inside one is bounded like a scenario file.
constexpr std::size_t kMaxMessageBytes = kMaxInputBytes;

// [SECTION] Text helpers: percent-decoding, frame names, hosts, message envelopes -----------------------------------

int HexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// %XX decoding (as encodeURIComponent writes); false on a broken escape.
bool PercentDecode(std::string_view in, std::string* out)
{
    out->clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            *out += in[i];
            continue;
        }
        const int hi = i + 1 < in.size() ? HexValue(in[i + 1]) : -1;
        const int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return false;
        *out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

bool ValidFrameName(std::string_view name)
{
    if (name.empty() || name.size() > kMaxFrameNameChars)
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

bool ValidHostChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// A host as the browser's URL parser leaves it, so an allowed origin is compared with what the browser
// reports: no empty label and no trailing dot; a name whose last label is all digits is an IPv4 address
// and must then be four decimal parts 0-255 without leading zeros ("127.1", "0x7f.0.0.1" and
// "2130706433" all name 127.0.0.1, which the browser writes as "127.0.0.1").
bool CanonicalHost(std::string_view host)
{
    std::vector<std::string_view> labels;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = host.find('.', start);
        labels.push_back(host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    for (std::string_view label : labels)
        if (label.empty() || label.size() > 63 || label.back() == '-')
            return false;
    auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto looks_numeric = [&](std::string_view s) {
        return all_digits(s) || (s.size() > 1 && s[0] == '0' && s[1] == 'x');
    };
    if (!looks_numeric(labels.back()))
        return true; // a name
    if (labels.size() != 4)
        return false;
    for (std::string_view part : labels)
        if (!all_digits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0') ||
            std::stoi(std::string(part)) > 255)
            return false;
    return true;
}

json Envelope(std::string_view type, const json& id, std::string_view frame)
{
    json j = json::object();
    j["type"] = std::string(type);
    j["version"] = kEmbedApiVersion;
    j["id"] = id;
    j["frame"] = std::string(frame);
    return j;
}

ParsedMessage Reject(const json& id, std::string error)
{
    ParsedMessage m;
    m.disposition = MessageDisposition::reject;
    m.id = id;
    m.error = std::move(error);
    return m;
}

} // namespace

// [SECTION] Origins -------------------------------------------------------------------------------------------------

bool IsValidOrigin(std::string_view origin)
{
    if (origin == "null")
        return true;
    std::string_view rest;
    if (origin.rfind("https://", 0) == 0)
        rest = origin.substr(8);
    else if (origin.rfind("http://", 0) == 0)
        rest = origin.substr(7);
    else
        return false;
    std::string_view host = rest, port;
    if (!rest.empty() && rest.front() == '[') { // IPv6 literal: [::1]
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close < 2)
            return false;
        for (char c : rest.substr(1, close - 1))
            if (!(std::isxdigit(static_cast<unsigned char>(c)) && !std::isupper(static_cast<unsigned char>(c))) &&
                c != ':' && c != '.')
                return false;
        host = rest.substr(0, close + 1);
        rest.remove_prefix(close + 1);
        if (!rest.empty() && rest.front() != ':')
            return false;
        port = rest.empty() ? std::string_view() : rest.substr(1);
        if (!rest.empty() && port.empty())
            return false;
    } else {
        const std::size_t colon = rest.find(':');
        host = rest.substr(0, colon);
        if (colon != std::string_view::npos) {
            port = rest.substr(colon + 1);
            if (port.empty())
                return false;
        }
        if (host.empty() || host.size() > 253 || !std::all_of(host.begin(), host.end(), ValidHostChar) ||
            host.front() == '.' || host.front() == '-')
            return false;
        if (!CanonicalHost(host))
            return false;
    }
    if (!port.empty()) {
        // As a browser writes an origin: no leading zero, at most 65535, and never the scheme's default.
        if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            port.front() == '0')
            return false;
        const int number = std::stoi(std::string(port));
        if (number > 65535 || (number == 443 && origin.rfind("https://", 0) == 0) ||
            (number == 80 && origin.rfind("http://", 0) == 0))
            return false;
    }
    return true;
}

// [SECTION] Page options in the link --------------------------------------------------------------------------------

PageOptionsResult ParsePageOptions(std::string_view fragment)
{
    PageOptionsResult result;
    if (fragment.size() > kMaxFragmentBytes) {
        result.errors.push_back("link: longer than " + std::to_string(kMaxFragmentBytes) + " characters");
        return result;
    }
    if (!fragment.empty() && fragment.front() == '#')
        fragment.remove_prefix(1);
    PageOptions& o = result.options;
    while (!fragment.empty()) {
        const std::size_t amp = fragment.find('&');
        const std::string_view part = fragment.substr(0, amp);
        fragment = amp == std::string_view::npos ? std::string_view() : fragment.substr(amp + 1);
        if (part.empty())
            continue;
        const std::size_t eq = part.find('=');
        const std::string_view key = part.substr(0, eq);
        const std::string_view raw = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
        if (key == "s") {
            o.has_scenario = true; // read, and its errors named, by DecodeScenarioFragment
            continue;
        }
        std::string value;
        if (!PercentDecode(raw, &value)) {
            result.errors.push_back("link: '" + Printable(key, 20) + "' has a broken %-escape");
            continue;
        }
        if (key == "embed") {
            if (value == "1")
                o.embed = true;
            else if (value == "0")
                o.embed = false;
            else
                result.errors.push_back("link: embed must be 0 or 1 (got '" + Printable(value, 20) + "')");
        } else if (key == "frame") {
            if (ValidFrameName(value))
                o.frame = value;
            else
                result.errors.push_back("link: frame must be 1 to " + std::to_string(kMaxFrameNameChars) +
                                        " letters, digits, '-' or '_' (got '" + Printable(value, 40) + "')");
        } else if (key == "origins") {
            std::vector<std::string> list;
            std::string_view rest = value;
            bool ok = true;
            while (ok) {
                const std::size_t comma = rest.find(',');
                const std::string_view origin = rest.substr(0, comma);
                if (!IsValidOrigin(origin)) {
                    result.errors.push_back("link: origins: '" + Printable(origin, 60) +
                                            "' is not an origin as the browser writes one, like https://course.example "
                                            "or https://host:8443 (lower case, no path, no trailing dot, an IP address "
                                            "as four decimal numbers, no default or zero-led port), or null");
                    ok = false;
                } else if (std::find(list.begin(), list.end(), origin) == list.end()) {
                    list.emplace_back(origin);
                }
                if (comma == std::string_view::npos)
                    break;
                rest.remove_prefix(comma + 1);
            }
            if (ok && list.size() > kMaxAllowedOrigins) {
                result.errors.push_back("link: origins: at most " + std::to_string(kMaxAllowedOrigins) + " origins");
                ok = false;
            }
            if (ok)
                o.origins = std::move(list);
        } else if (key == "preset") {
            bool known = false;
            for (const PresetInfo& p : ListPresets())
                known = known || p.name == value;
            if (known)
                o.preset = value;
            else
                result.errors.push_back("link: preset '" + Printable(value, 40) +
                                        "' is not a built-in preset (labcalc --list-presets)");
        }
        // Other parts are left to other readers (and to future versions): ignored.
    }
    return result;
}

std::string EncodePageFragment(const PageOptions& options, const Scenario& scenario)
{
    std::string out;
    if (options.embed)
        out += "embed=1&";
    if (!options.frame.empty())
        out += "frame=" + options.frame + "&";
    if (!options.origins.empty()) {
        out += "origins=";
        for (std::size_t i = 0; i < options.origins.size(); ++i) {
            if (i)
                out += "%2C";
            for (char c : options.origins[i]) {
                if (c == ':')
                    out += "%3A";
                else if (c == '/')
                    out += "%2F";
                else
                    out += c;
            }
        }
        out += "&";
    }
    return out + EncodeScenarioFragment(scenario);
}

// [SECTION] Who may talk to the page --------------------------------------------------------------------------------

std::vector<std::string> EventTargetOrigins(const PageOptions& options, std::string_view self_origin)
{
    if (std::find(options.origins.begin(), options.origins.end(), "null") != options.origins.end())
        return {"*"};
    std::vector<std::string> out;
    if (!self_origin.empty() && self_origin != "null")
        out.emplace_back(self_origin);
    for (const std::string& o : options.origins)
        if (std::find(out.begin(), out.end(), o) == out.end())
            out.push_back(o);
    return out;
}

bool OriginAllowed(const PageOptions& options, std::string_view origin, std::string_view self_origin)
{
    if (origin != "null" && origin == self_origin)
        return true;
    return std::find(options.origins.begin(), options.origins.end(), origin) != options.origins.end();
}

// [SECTION] Messages in: parsing a request --------------------------------------------------------------------------

namespace {

// The message's id, echoed in the reply: a string of at most kMaxMessageIdChars or a finite number; null
// when absent.
Status ReadMessageId(const json& j, json* id)
{
    const auto it = j.find("id");
    if (it == j.end() || it->is_null())
        return Status::Ok();
    const bool short_text = it->is_string() && it->get_ref<const std::string&>().size() <= kMaxMessageIdChars;
    const bool finite_number = it->is_number() && (!it->is_number_float() || std::isfinite(it->get<double>()));
    if (!short_text && !finite_number)
        return Status::Fail("id: must be a string of at most " + std::to_string(kMaxMessageIdChars) +
                            " characters or a number");
    *id = *it;
    return Status::Ok();
}

// A request carries type, version and id, and only the keys its type names.
Status OnlyKeys(const json& j, const std::string& type, std::initializer_list<const char*> keys)
{
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        if (k == "type" || k == "version" || k == "id")
            continue;
        if (std::none_of(keys.begin(), keys.end(), [&](const char* allowed) { return k == allowed; }))
            return Status::Fail("unknown key '" + Printable(k, 40) + "' in " + type);
    }
    return Status::Ok();
}

// What a message of `type` asks for, from its other keys.
Status ReadRequest(const std::string& type, const json& j, EmbedRequest* r)
{
    if (type == "labcalc:get-report") {
        r->kind = EmbedRequestKind::get_report;
        return OnlyKeys(j, type, {});
    }
    if (type == "labcalc:get-scenario") {
        r->kind = EmbedRequestKind::get_scenario;
        return OnlyKeys(j, type, {});
    }
    if (type == "labcalc:set-scenario") {
        r->kind = EmbedRequestKind::set_scenario;
        if (Status keys = OnlyKeys(j, type, {"scenario", "merge"}); !keys)
            return keys;
        const auto s = j.find("scenario");
        if (s == j.end() || !s->is_object())
            return Status::Fail(std::string("scenario: must be a JSON object (got ") +
                                (s == j.end() ? "nothing" : JsonTypeName(*s)) + ")");
        if (const auto merge = j.find("merge"); merge != j.end()) {
            if (!merge->is_boolean())
                return Status::Fail(std::string("merge: must be true or false (got ") + JsonTypeName(*merge) + ")");
            r->merge = merge->get<bool>();
        }
        r->scenario = *s;
        return Status::Ok();
    }
    if (type == "labcalc:load-preset") {
        r->kind = EmbedRequestKind::load_preset;
        if (Status keys = OnlyKeys(j, type, {"preset"}); !keys)
            return keys;
        const auto p = j.find("preset");
        if (p == j.end() || !p->is_string())
            return Status::Fail("preset: must be the name of a built-in preset, e.g. \"beginner\"");
        r->preset = p->get<std::string>();
        return Status::Ok();
    }
    return Status::Fail("type: unknown message '" + Printable(type, 40) +
                        "'; this frame knows labcalc:get-report, labcalc:get-scenario, labcalc:set-scenario and "
                        "labcalc:load-preset");
}

} // namespace

ParsedMessage ParseEmbedMessage(std::string_view json_text)
{
    ParsedMessage m;
    // Only a JSON object with a "labcalc:" type is addressed to us; other scripts share the channel.
    if (json_text.size() > kMaxMessageBytes) {
        // Cannot tell without reading it; a message this large that claims to be ours gets an answer.
        if (json_text.find("\"labcalc:") == std::string_view::npos)
            return m;
        return Reject(nullptr, "message: longer than " + std::to_string(kMaxMessageBytes) + " bytes");
    }
    auto doc = ParseGuardedJson(json_text, "message", kMaxMessageBytes, kMaxJsonDepth + 1);
    if (!doc) {
        if (json_text.find("labcalc:") == std::string_view::npos)
            return m;
        return Reject(nullptr, doc.error);
    }
    const json& j = *doc.value;
    if (!j.is_object())
        return m;
    const auto type_it = j.find("type");
    if (type_it == j.end() || !type_it->is_string() || type_it->get_ref<const std::string&>().rfind("labcalc:", 0) != 0)
        return m;
    const std::string& type = type_it->get_ref<const std::string&>();
    // labcalc's own replies and events are never answered: two frames (or a frame whose host echoes
    // what it receives) would otherwise answer each other's answers for ever.
    if (type == "labcalc:report" || type == "labcalc:scenario" || type == "labcalc:error" || type == "labcalc:ready" ||
        type == "labcalc:changed")
        return m;

    json id = nullptr;
    if (Status read = ReadMessageId(j, &id); !read)
        return Reject(nullptr, read.error);
    const auto version = j.find("version");
    if (version == j.end())
        return Reject(id, "version: missing; this frame speaks version " + std::to_string(kEmbedApiVersion));
    if (!version->is_number_integer() || version->get<long long>() != kEmbedApiVersion)
        return Reject(id,
                      "version: must be " + std::to_string(kEmbedApiVersion) + " (got " +
                          Printable(version->dump(), 20) + ")");
    m.request.id = id;
    if (Status read = ReadRequest(type, j, &m.request); !read)
        return Reject(id, read.error);
    m.disposition = MessageDisposition::accept;
    m.id = id;
    return m;
}

Expected<Scenario> RequestedScenario(const EmbedRequest& request, const Scenario& current)
{
    auto s = ScenarioFromJson(request.scenario, request.merge ? current : Scenario{});
    if (!s)
        return Expected<Scenario>::Fail("scenario." + s.error);
    return s;
}

// [SECTION] Messages out, and the embed snippet ---------------------------------------------------------------------

std::string EmbedReportMessage(std::string_view type, const json& id, std::string_view frame, const Report& report)
{
    json j = Envelope(type, id, frame);
    j["report"] = ReportJson(report);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EmbedScenarioMessage(const json& id, std::string_view frame, const Scenario& scenario)
{
    json j = Envelope("labcalc:scenario", id, frame);
    j["scenario"] = ScenarioToJson(scenario);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EmbedErrorMessage(const json& id, std::string_view frame, std::string_view error)
{
    json j = Envelope("labcalc:error", id, frame);
    j["error"] = std::string(error);
    // Messages may echo bytes from the input: never let invalid UTF-8 make dump() throw.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EmbedSnippet(std::string_view page_url, const Scenario& scenario)
{
    std::string url(page_url.substr(0, page_url.find('#')));
    // The snippet is HTML: escape what could end the attribute.
    std::string escaped;
    for (char c : url) {
        switch (c) {
        case '&': escaped += "&amp;"; break;
        case '"': escaped += "&quot;"; break;
        case '<': escaped += "&lt;"; break;
        case '>': escaped += "&gt;"; break;
        default: escaped += c;
        }
    }
    return "<iframe src=\"" + escaped + "#embed=1&amp;" + EncodeScenarioFragment(scenario) +
        "\" title=\"labcalc: home lab, cloud or hybrid?\" width=\"480\" height=\"560\" "
        "style=\"border:0;max-width:100%\""
        " allow=\"clipboard-write; fullscreen\" loading=\"lazy\"></iframe>";
}

} // namespace labcalc::core
