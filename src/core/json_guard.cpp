#include "core/json_guard.hpp"

#include <set>

#include "core/text_format.hpp"
#include <vector>

namespace labcalc::core {
namespace {

using json = nlohmann::json;

// A SAX pass that records the first structural problem the DOM parser would not report.
struct GuardHandler : nlohmann::json_sax<json> {
    int max_depth = 16;
    std::vector<std::set<std::string>> keys_per_object; // one set per open object; arrays push none
    std::vector<bool> is_object;
    std::string path_key;
    std::string problem;

    bool Open(bool object)
    {
        is_object.push_back(object);
        if (object)
            keys_per_object.emplace_back();
        if (static_cast<int>(is_object.size()) > max_depth) {
            problem = "nesting deeper than " + std::to_string(max_depth) + " levels";
            return false;
        }
        return true;
    }
    bool Close()
    {
        if (!is_object.empty()) {
            if (is_object.back())
                keys_per_object.pop_back();
            is_object.pop_back();
        }
        return true;
    }

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return Open(true); }
    bool end_object() override { return Close(); }
    bool start_array(std::size_t) override { return Open(false); }
    bool end_array() override { return Close(); }
    bool key(string_t& k) override
    {
        if (!keys_per_object.empty() && !keys_per_object.back().insert(k).second) {
            problem = "duplicate key '" + Printable(k) + "'";
            return false;
        }
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override
    {
        problem = "malformed JSON near byte " + std::to_string(position);
        return false;
    }
};

} // namespace

const char* JsonTypeName(const json& j)
{
    switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "text";
    case json::value_t::boolean: return "true/false";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
    }
}

Expected<json> ParseGuardedJson(std::string_view text, std::string_view what, std::size_t max_bytes, int max_depth)
{
    const std::string name(what);
    if (text.size() > max_bytes)
        return Expected<json>::Fail(name + ": larger than the limit of " + std::to_string(max_bytes) + " bytes");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Expected<json>::Fail(name + ": empty input, expected a JSON object");
    GuardHandler guard;
    guard.max_depth = max_depth;
    const bool ok = json::sax_parse(text.begin(), text.end(), &guard, json::input_format_t::json, false);
    if (!ok || !guard.problem.empty())
        return Expected<json>::Fail(name + ": " + (guard.problem.empty() ? std::string("malformed JSON") : guard.problem));
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        return Expected<json>::Fail(name + ": malformed JSON");
    return Expected<json>::Ok(std::move(doc));
}

} // namespace labcalc::core
