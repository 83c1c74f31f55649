// The start-up loader (see load_inputs.hpp). The messages are the command line's, word for word: scripts
// and the hostile-input catalogue match on them.
#include "core/load_inputs.hpp"

#include <utility>

#include "core/figure_ids.hpp"
#include "core/presets.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

constexpr std::size_t kMaxNameChars = 200; // of a file name in a message

std::string Shown(const std::string& name) { return Printable(name, kMaxNameChars); }

} // namespace

std::string FileNameOf(std::string_view path)
{
    const std::size_t slash = path.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

Expected<LoadedInputs> LoadInputs(const InputTexts& in)
{
    using Result = Expected<LoadedInputs>;
    LoadedInputs out;
    if (in.catalog) {
        if (!in.catalog->text)
            return Result::Fail("--catalog " + Shown(in.catalog->name) + ": " + in.catalog->text.error);
        Expected<Catalog> c = ParseCatalog(*in.catalog->text.value);
        if (!c)
            return Result::Fail(Shown(in.catalog->name) + ": " + c.error);
        out.catalog = std::move(*c.value);
        out.catalog_name = FileNameOf(in.catalog->name);
    } else {
        out.catalog = LoadDefaultCatalog();
    }

    if (!in.preset_name.empty()) {
        Expected<Scenario> p = LoadPreset(in.preset_name);
        if (!p)
            return Result::Fail(p.error);
        out.scenario = std::move(*p.value);
        out.preset_name = in.preset_name;
    }
    if (in.scenario) {
        if (!in.scenario->text)
            return Result::Fail("--scenario " + Shown(in.scenario->name) + ": " + in.scenario->text.error);
        Expected<Scenario> s = ParseScenarioJson(*in.scenario->text.value, out.scenario);
        if (!s)
            return Result::Fail((in.scenario->name == "-" ? std::string("standard input") : Shown(in.scenario->name)) +
                                ": " + s.error);
        out.scenario = std::move(*s.value);
        out.preset_name.clear();
    }
    for (const std::string& setting : in.settings) {
        if (Status set = ApplySetting(out.scenario, setting); !set)
            return Result::Fail("--set " + set.error);
        out.preset_name.clear();
    }
    // Last, so an override set by --set is checked too, against the catalog the report will use.
    if (Status ids = CheckAssumptionIds(out.scenario, out.catalog); !ids)
        return Result::Fail(ids.error);
    return Result::Ok(std::move(out));
}

} // namespace labcalc::core
