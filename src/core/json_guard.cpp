#include "core/json_guard.hpp"

#include <set>
#include <vector>

#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

// Builds the document and checks it in one pass: nlohmann's own DOM builder does the building, this
// adds the checks it lacks (depth, duplicate keys). One pass instead of a checking pass followed by
// json::parse: half the parsing work at start, and one copy of the parser's code in the page.
class GuardedDomBuilder {
public:
    GuardedDomBuilder(json& result, int max_depth) : dom_(result, false), max_depth_(max_depth) { }

    const std::string& Problem() const { return problem_; }

    bool null() { return dom_.null(); }
    bool boolean(bool value) { return dom_.boolean(value); }
    bool number_integer(json::number_integer_t value) { return dom_.number_integer(value); }
    bool number_unsigned(json::number_unsigned_t value) { return dom_.number_unsigned(value); }
    bool number_float(json::number_float_t value, const json::string_t& text) { return dom_.number_float(value, text); }
    bool string(json::string_t& value) { return dom_.string(value); }
    bool binary(json::binary_t& value) { return dom_.binary(value); }
    bool start_object(std::size_t size) { return Open(true) && dom_.start_object(size); }
    bool end_object() { return Close() && dom_.end_object(); }
    bool start_array(std::size_t size) { return Open(false) && dom_.start_array(size); }
    bool end_array() { return Close() && dom_.end_array(); }
    bool key(json::string_t& name)
    {
        if (!keys_per_object_.empty() && !keys_per_object_.back().insert(name).second) {
            problem_ = "duplicate key '" + Printable(name) + "'";
            return false;
        }
        return dom_.key(name);
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error)
    {
        problem_ = "malformed JSON near byte " + std::to_string(position);
        return dom_.parse_error(position, token, error);
    }

private:
    bool Open(bool object)
    {
        is_object_.push_back(object);
        if (object)
            keys_per_object_.emplace_back();
        if (static_cast<int>(is_object_.size()) > max_depth_) {
            problem_ = "nesting deeper than " + std::to_string(max_depth_) + " levels";
            return false;
        }
        return true;
    }
    bool Close()
    {
        if (!is_object_.empty()) {
            if (is_object_.back())
                keys_per_object_.pop_back();
            is_object_.pop_back();
        }
        return true;
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_; // never throws (allow_exceptions = false)
    int max_depth_;
    std::vector<std::set<std::string>> keys_per_object_; // one set per open object; arrays push none
    std::vector<bool> is_object_;
    std::string problem_;
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
    // The JSON lexer takes a NUL byte for the end of the input and would ignore what follows it.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        return Expected<json>::Fail(name + ": malformed JSON: a NUL byte at position " + std::to_string(nul) +
                                    " (JSON text is UTF-8 without NUL bytes)");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Expected<json>::Fail(name + ": empty input, expected a JSON object");
    json doc;
    GuardedDomBuilder builder(doc, max_depth);
    // strict: nothing but white space may follow the value.
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
    if (!ok || !builder.Problem().empty())
        return Expected<json>::Fail(name + ": " +
                                    (builder.Problem().empty() ? std::string("malformed JSON") : builder.Problem()));
    return Expected<json>::Ok(std::move(doc));
}

} // namespace labcalc::core
