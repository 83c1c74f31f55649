#include "cli/run_cli.hpp"

#include "cli/cli_args.hpp"
#include "core/load_inputs.hpp"
#include "core/presets.hpp"
#include "core/price_import.hpp"
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
    if (!io.read_file(path, core::kMaxFileBytes, &text, &error))
        return {path, core::Expected<std::string>::Fail(std::move(error))};
    return {path, core::Expected<std::string>::Ok(std::move(text))};
}
// `labcalc catalog import`: the tables and the base catalog are read, the core imports, and the catalog is
// written only when all of that succeeded.
int RunImport(const ImportArgs& a, Io& io)
{
    if (a.help) {
        io.out = ImportHelpText();
        return 0;
    }
    const std::string base_path = !a.catalog_path.empty() ? a.catalog_path : a.into;
    core::Catalog base = core::LoadDefaultCatalog();
    std::string base_text;
    if (!base_path.empty()) {
        std::string error;
        const char* flag = !a.catalog_path.empty() ? "--catalog " : "--into ";
        if (!io.read_file(base_path, core::kMaxFileBytes, &base_text, &error))
            return Fail(io,
                        flag + core::Printable(base_path, 200) + ": " + error +
                            (a.catalog_path.empty() ? " (the catalog to update must exist; --catalog names another "
                                                      "one to start from)"
                                                    : ""));
        auto parsed = core::ParseCatalog(base_text);
        if (!parsed)
            return Fail(io, core::Printable(base_path, 200) + ": " + parsed.error);
        base = std::move(*parsed.value);
    }
    std::vector<core::PriceFile> files;
    for (const std::string& path : a.files) {
        core::PriceFile f;
        f.name = path;
        f.provider = a.provider;
        std::string error;
        if (!io.read_file(path, core::kMaxPriceFileBytes, &f.text, &error))
            return Fail(io, core::Printable(path, 200) + ": " + error);
        files.push_back(std::move(f));
    }
    core::ImportOptions options;
    options.format = *core::PriceFormatFromKey(a.format);
    options.as_of = a.as_of;
    options.add_offers = !a.update_only;
    auto result = core::ImportPrices(base, files, options);
    if (!result)
        return Fail(io, result.error);
    const std::string summary = core::ImportSummary(*result.value);
    const std::string text = core::CatalogToJson(result.value->catalog);
    if (a.into.empty()) {
        io.out = text;
        io.err = summary;
        return 0;
    }
    // Nothing changed in the catalog being updated: the file stays as it is, byte for byte.
    if (!(result.value->diff.Empty() && a.catalog_path.empty())) {
        std::string error;
        if (!io.write_file(a.into, text, &error))
            return Fail(io, "--into " + core::Printable(a.into, 200) + ": " + error + " (the file is unchanged)");
    }
    io.out = summary;
    return 0;
}

} // namespace

int RunCli(const std::vector<std::string>& argv, Io& io)
{
    auto parsed = ParseArgs(argv);
    if (!parsed)
        return Fail(io, parsed.error);
    const Args& a = *parsed.value;
    if (a.import)
        return RunImport(*a.import, io);
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
    settings.samples = a.samples;
    if (settings.workings && (a.format == Format::csv || a.format == Format::fragment))
        return Fail(io, "--explain works with --format text, json or markdown");
    core::Report report = core::BuildReport(scenario, catalog, settings);
    if (settings.workings && a.explain != "all") {
        const core::Working* chosen = core::FindWorking(report.workings, a.explain);
        if (!chosen) {
            // Named by example, not listed: a report has dozens of workings, and an error is one short line.
            const std::vector<std::string> ids = core::WorkingIds(report.workings);
            return Fail(io,
                        "--explain: this report has no figure '" + core::Printable(a.explain, 80) + "' (" +
                            std::to_string(ids.size()) + " have workings, named like " +
                            (ids.empty() ? std::string("home.total_usd") : ids.back()) + "; --explain all lists them)");
        }
        report.workings = {*chosen}; // copied before the vector it points into is replaced
    }
    if (settings.workings && a.format == Format::text) {
        for (const core::Working& w : report.workings)
            io.out += (io.out.empty() ? "" : "\n") + core::WorkingToText(w, report);
        if (io.out.empty()) // every option ruled out before it could be priced: nothing was computed to show
            io.out = "No figure of this report has a working: no option could be priced (the report says why).\n";
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
