#include "cli/run_cli.hpp"

#include "cli/cli_args.hpp"
#include "core/catalog.hpp"
#include "core/figure_ids.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/url_state.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::cli {

namespace {
int Fail(Io& io, const std::string& message)
{
    io.out.clear();
    io.err = "labcalc: " + message + "\n";
    return 2;
}
} // namespace

int RunCli(const std::vector<std::string>& argv, Io& io)
{
    auto parsed = ParseArgs(argv);
    if (!parsed)
        return Fail(io, parsed.error);
    const Args& a = *parsed.value;
    if (a.help) {
        io.out = HelpText();
        return 0;
    }
    if (a.list_presets) {
        for (const core::PresetInfo& p : core::ListPresets())
            io.out += p.name + "\t" + p.title + "\t" + p.description + "\n";
        return 0;
    }

    core::Catalog catalog;
    if (!a.catalog_path.empty()) {
        std::string text, error;
        if (!io.read_file(a.catalog_path, &text, &error))
            return Fail(io, "--catalog " + core::Printable(a.catalog_path, 200) + ": " + error);
        auto c = core::ParseCatalog(text);
        if (!c)
            return Fail(io, core::Printable(a.catalog_path, 200) + ": " + c.error);
        catalog = std::move(*c.value);
    } else {
        catalog = core::LoadDefaultCatalog();
    }

    core::Scenario scenario;
    if (!a.preset.empty()) {
        auto p = core::LoadPreset(a.preset);
        if (!p)
            return Fail(io, p.error);
        scenario = *p.value;
    }
    if (!a.scenario_path.empty()) {
        std::string text, error;
        if (!io.read_file(a.scenario_path, &text, &error))
            return Fail(io, "--scenario " + core::Printable(a.scenario_path, 200) + ": " + error);
        auto s = core::ParseScenarioJson(text, scenario);
        if (!s)
            return Fail(io, (a.scenario_path == "-" ? std::string("standard input") : core::Printable(a.scenario_path, 200)) + ": " + s.error);
        scenario = *s.value;
    }
    for (const std::string& kv : a.settings)
        if (std::string e = core::ApplySetting(scenario, kv); !e.empty())
            return Fail(io, "--set " + e);
    if (std::string e = core::CheckAssumptionIds(scenario, catalog); !e.empty())
        return Fail(io, e);

    core::ReportSettings settings;
    settings.today = a.today.empty() ? io.today : a.today;
    const core::Report report = core::BuildReport(scenario, catalog, settings);
    switch (a.format) {
    case Format::json: io.out = core::ReportToJson(report) + "\n"; break;
    case Format::csv: io.out = core::ReportToCsv(report); break;
    case Format::markdown: io.out = core::ReportToMarkdown(report); break;
    case Format::text: io.out = core::ReportToText(report); break;
    case Format::fragment: io.out = core::EncodeScenarioFragment(scenario) + "\n"; break;
    }
    return 0;
}

} // namespace labcalc::cli
