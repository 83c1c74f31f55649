// Presets are scenario files with a title and a description, compiled in from assets/presets/.
#include "core/presets.hpp"

#include <algorithm>

#include "core/text_format.hpp"

#include <nlohmann/json.hpp>

#include "core/compiled_assets.hpp"
#include "core/json_guard.hpp"
#include "core/scenario_json.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

Expected<json> PresetDoc(std::string_view name)
{
    const std::string path = "presets/" + std::string(name) + ".json";
    const std::string_view text = CompiledText(path);
    if (text.empty())
        return Expected<json>::Fail("unknown preset '" + Printable(name) + "' (labcalc --list-presets lists them)");
    auto doc = ParseGuardedJson(text, "preset " + std::string(name), kMaxInputBytes, kMaxJsonDepth);
    if (!doc)
        return doc;
    if (!doc.value->is_object() || !doc.value->contains("scenario"))
        return Expected<json>::Fail("preset " + std::string(name) +
                                    ": must be an object with title, description and scenario");
    return doc;
}

} // namespace

std::vector<PresetInfo> ListPresets()
{
    std::vector<PresetInfo> out;
    std::size_t count = 0;
    const CompiledFile* files = CompiledFiles(&count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string name = files[i].name;
        if (name.rfind("presets/", 0) != 0 || name.size() < 14)
            continue;
        PresetInfo info;
        info.name = name.substr(8, name.size() - 8 - 5);
        auto doc = PresetDoc(info.name);
        if (!doc)
            continue;
        info.title = doc.value->value("title", info.name);
        info.description = doc.value->value("description", "");
        out.push_back(info);
    }
    // The course's "Getting started" levels first, in their order, then the situations by name.
    auto rank = [](const PresetInfo& p) {
        return p.name == "beginner" ? 0 : p.name == "intermediate" ? 1 : p.name == "advanced" ? 2 : 3;
    };
    std::stable_sort(out.begin(), out.end(), [&](const PresetInfo& a, const PresetInfo& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a.name < b.name;
    });
    return out;
}

Expected<Scenario> LoadPreset(std::string_view name)
{
    auto doc = PresetDoc(name);
    if (!doc)
        return Expected<Scenario>::Fail(doc.error);
    auto s = ScenarioFromJson((*doc.value)["scenario"]);
    if (!s)
        return Expected<Scenario>::Fail("preset " + std::string(name) + ": " + s.error);
    return s;
}

} // namespace labcalc::core
