// Scenario <-> JSON through the field table of scenario_fields.cpp.
#include "core/scenario_json.hpp"

#include <cmath>

#include "core/index.hpp"
#include "core/json_guard.hpp"
#include "core/scenario_fields.hpp"
#include "core/task_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

std::string TypeRule(const FieldSpec& f)
{
    switch (f.kind) {
    case FieldKind::boolean: return "must be true or false";
    case FieldKind::text: return "must be text (a catalog id)";
    case FieldKind::choice: {
        std::string out = "must be one of ";
        for (std::size_t i = 0; i < f.choices.size(); ++i)
            out += (i ? ", " : "") + std::string(f.choices[i]);
        return out;
    }
    default: return "must be a number from " + FormatNumber(f.min_value) + " to " + FormatNumber(f.max_value);
    }
}

// Applies one JSON value to the field with dotted key `key`.
Status ApplyValue(Scenario& s, const std::string& key, const json& v)
{
    const FieldSpec* f = FindField(key);
    if (!f)
        return Status::Fail("unknown key '" + Printable(key) + "'");
    if (v.is_null()) {
        if (!f->optional)
            return Status::Fail(key + ": " + TypeRule(*f) + " (got null)");
        UnsetField(s, *f);
        return Status::Ok();
    }
    switch (f->kind) {
    case FieldKind::boolean:
        if (!v.is_boolean())
            return Status::Fail(key + ": must be true or false (got " + JsonTypeName(v) + ")");
        return SetFieldNumber(s, *f, v.get<bool>() ? 1 : 0);
    case FieldKind::choice:
    case FieldKind::text:
        if (!v.is_string())
            return Status::Fail(key + ": " + TypeRule(*f) + " (got " + JsonTypeName(v) + ")");
        return SetFieldText(s, *f, v.get_ref<const std::string&>());
    default:
        if (!v.is_number())
            return Status::Fail(key + ": " + TypeRule(*f) + " (got " + JsonTypeName(v) + ")");
        return SetFieldNumber(s, *f, v.get<double>());
    }
}

// "weights" and "assumptions": objects of name -> number, each entry applied as the --set KEY=VALUE of
// the same name, so files and the command line share one set of rules.
Status ApplyNumberMap(Scenario& s, const json& v, const std::string& group, const char* names, const char* range,
                      std::size_t shown_chars)
{
    if (!v.is_object())
        return Status::Fail(group + ": must be an object of " + names + " to numbers (got " + JsonTypeName(v) + ")");
    for (auto e = v.begin(); e != v.end(); ++e) {
        if (!e.value().is_number())
            return Status::Fail(group + "." + Printable(e.key(), shown_chars) + ": must be a number " + range +
                                " (got " + JsonTypeName(e.value()) + ")");
        if (Status err = ApplySetting(s, group + "." + e.key() + "=" + FormatNumber(e.value().get<double>())); !err)
            return err;
    }
    return Status::Ok();
}

Status ApplyObject(Scenario& s, const json& obj, const std::string& prefix)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string key = prefix + it.key();
        const json& v = it.value();
        if (prefix.empty() && (it.key() == "home" || it.key() == "cloud" || it.key() == "spread")) {
            if (!v.is_object())
                return Status::Fail(key + ": must be an object (got " + JsonTypeName(v) + ")");
            if (Status err = ApplyObject(s, v, key + "."); !err)
                return err;
            continue;
        }
        if (prefix.empty() && it.key() == "weights") {
            if (Status err = ApplyNumberMap(s, v, "weights", "factor names", "from 0 to 10", 60); !err)
                return err;
            continue;
        }
        if (prefix.empty() && it.key() == "tasks") {
            if (Status err = ReadTasks(v, &s.tasks); !err)
                return err;
            continue;
        }
        if (prefix.empty() && it.key() == "assumptions") {
            if (Status err = ApplyNumberMap(s, v, "assumptions", "catalog figure ids", "from 0 to 1e9", 80); !err)
                return err;
            continue;
        }
        if (Status err = ApplyValue(s, key, v); !err)
            return err;
    }
    return Status::Ok();
}

void PutField(json& root, const FieldSpec& f, const FieldValue& v)
{
    std::string key = f.key;
    json* target = &root;
    const std::size_t dot = key.find('.');
    if (dot != std::string::npos) {
        target = &root[key.substr(0, dot)];
        key = key.substr(dot + 1);
    }
    switch (f.kind) {
    case FieldKind::boolean: (*target)[key] = v.number != 0; break;
    case FieldKind::choice: (*target)[key] = At(f.choices, v.number); break;
    case FieldKind::text: (*target)[key] = v.text; break;
    case FieldKind::integer: (*target)[key] = static_cast<long long>(v.number); break;
    default: (*target)[key] = v.number; break;
    }
}

} // namespace

Expected<Scenario> ScenarioFromJson(const json& j, const Scenario& base)
{
    if (!j.is_object())
        return Expected<Scenario>::Fail(std::string("scenario: must be a JSON object (got ") + JsonTypeName(j) + ")");
    Scenario s = base;
    if (Status err = ApplyObject(s, j, ""); !err)
        return Expected<Scenario>::Fail(err.error);
    return Expected<Scenario>::Ok(std::move(s));
}

Expected<Scenario> ParseScenarioJson(std::string_view text, const Scenario& base)
{
    auto doc = ParseGuardedJson(text, "scenario", kMaxInputBytes, kMaxJsonDepth);
    if (!doc)
        return Expected<Scenario>::Fail(doc.error);
    return ScenarioFromJson(*doc.value, base);
}

json ScenarioToJson(const Scenario& s)
{
    json root = json::object();
    for (const FieldSpec& f : ScenarioFields()) {
        const FieldValue v = GetField(s, f);
        if (v.set)
            PutField(root, f, v);
    }
    json& w = root["weights"];
    for (int i = 0; i < kFactorCount; ++i)
        w[FactorKey(static_cast<Factor>(i))] = At(s.weights, i);
    if (!s.assumptions.empty()) {
        json& a = root["assumptions"];
        for (const auto& [id, value] : s.assumptions)
            a[id] = value;
    }
    if (!s.tasks.empty())
        root["tasks"] = TasksToJson(s.tasks);
    return root;
}

bool operator==(const Scenario& a, const Scenario& b) { return ScenarioToJson(a) == ScenarioToJson(b); }

} // namespace labcalc::core
