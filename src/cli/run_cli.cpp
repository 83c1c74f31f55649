#include "cli/run_cli.hpp"

#include "cli/cli_args.hpp"
#include "core/load_inputs.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"

namespace labcalc::cli {

namespace {
int Fail(Io& io, const std::string& message)
{
    io.out.clear();
    io.err = "labcalc: " + message + "\n";
    return 2;
}

core::InputFile ReadInput(const Io& io, const std::string& path)
{
    std::string text, error;
    if (!io.read_file(path, &text, &error))
        return {path, core::Expected<std::string>::Fail(std::move(error))};
    return {path, core::Expected<std::string>::Ok(std::move(text))};
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

    // Both files are read before the rules are applied; the loader still reports the first broken rule in
    // the order it applies them (a bad catalog before an unreadable scenario file).
    core::InputTexts inputs;
    if (!a.catalog_path.empty())
        inputs.catalog = ReadInput(io, a.catalog_path);
    inputs.preset_name = a.preset;
    if (!a.scenario_path.empty())
        inputs.scenario = ReadInput(io, a.scenario_path);
    inputs.settings = a.settings;
    core::Expected<core::LoadedInputs> loaded = core::LoadInputs(inputs);
    if (!loaded)
        return Fail(io, loaded.error);
    const core::Catalog& catalog = loaded.value->catalog;
    const core::Scenario& scenario = loaded.value->scenario;

    core::ReportSettings settings;
    settings.today = a.today.empty() ? io.today : a.today;
    settings.workings = !a.explain.empty();
    if (settings.workings && (a.format == Format::csv || a.format == Format::fragment))
        return Fail(io, "--explain works with --format text, json or markdown");
    core::Report report = core::BuildReport(scenario, catalog, settings);
    if (settings.workings && a.explain != "all") {
        std::vector<core::Working> chosen;
        for (const core::Working& w : report.workings)
            if (w.id == a.explain)
                chosen.push_back(w);
        if (chosen.empty()) {
            std::string ids;
            for (const std::string& id : core::WorkingIds(report.workings))
                ids += (ids.empty() ? "" : ", ") + id;
            return Fail(io,
                        "--explain: this report has no figure '" + core::Printable(a.explain, 80) +
                            "' (it has: " + ids + ", or all)");
        }
        report.workings = std::move(chosen);
    }
    if (settings.workings && a.format == Format::text) {
        for (const core::Working& w : report.workings)
            io.out += (io.out.empty() ? "" : "\n") + core::WorkingToText(w, report);
        return 0;
    }
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
