// URL fragment state: "s=" + base64url (no padding) of the JSON of the inputs that differ from the
// defaults, so a link stays short and keeps meaning the same when defaults are added.
#include "core/url_state.hpp"

#include <nlohmann/json.hpp>

#include "core/scenario_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int Sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-' || c == '+')
        return 62; // '+' and '/' too: links pasted from base64 tools
    if (c == '_' || c == '/')
        return 63;
    return -1;
}

// Keys whose values differ from a default scenario (nested objects compared key by key).
nlohmann::json Diff(const nlohmann::json& value, const nlohmann::json& defaults)
{
    nlohmann::json out = nlohmann::json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const auto d = defaults.find(it.key());
        if (it.value().is_object() && d != defaults.end() && d->is_object()) {
            nlohmann::json sub = Diff(it.value(), *d);
            if (!sub.empty())
                out[it.key()] = sub;
        } else if (d == defaults.end() || *d != it.value()) {
            out[it.key()] = it.value();
        }
    }
    // An optional set by default (none today) and unset here would need an explicit null.
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (!value.contains(it.key()))
            out[it.key()] = nullptr;
    return out;
}

} // namespace

std::string Base64UrlEncode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
            (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (i + 2 == bytes.size()) {
        const unsigned v =
            (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

Expected<std::string> Base64UrlDecode(std::string_view text)
{
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return Expected<std::string>::Fail("link state: the encoded scenario is cut short");
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = Sextet(c);
        if (v < 0)
            return Expected<std::string>::Fail("link state: character '" + Printable(std::string_view(&c, 1)) +
                                               "' is not base64url");
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return Expected<std::string>::Ok(std::move(out));
}

std::string EncodeScenarioFragment(const Scenario& s)
{
    const nlohmann::json diff = Diff(ScenarioToJson(s), ScenarioToJson(Scenario{}));
    return "s=" + Base64UrlEncode(diff.dump());
}

Expected<Scenario> DecodeScenarioFragment(std::string_view fragment)
{
    if (fragment.size() > kMaxFragmentBytes)
        return Expected<Scenario>::Fail("link state: longer than " + std::to_string(kMaxFragmentBytes) + " characters");
    if (!fragment.empty() && fragment.front() == '#')
        fragment.remove_prefix(1);
    // The fragment may carry other parts ("embed=1&s=..."): take the s= part.
    std::string_view encoded;
    bool found = false;
    while (!fragment.empty()) {
        const std::size_t amp = fragment.find('&');
        const std::string_view part = fragment.substr(0, amp);
        if (part.rfind("s=", 0) == 0) {
            encoded = part.substr(2);
            found = true;
        }
        if (amp == std::string_view::npos)
            break;
        fragment.remove_prefix(amp + 1);
    }
    if (!found)
        return Expected<Scenario>::Fail("link state: no s= part in the link");
    auto bytes = Base64UrlDecode(encoded);
    if (!bytes)
        return Expected<Scenario>::Fail(bytes.error);
    auto s = ParseScenarioJson(*bytes.value);
    if (!s)
        return Expected<Scenario>::Fail("link state: " + s.error);
    return s;
}

} // namespace labcalc::core
