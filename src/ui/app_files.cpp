// What goes in and out of the app (see app_actions.hpp): catalogs, links and embed code, exports, and
// scenario and report files on platforms with a file system. A bad file changes nothing and says why.
#include "ui/app_actions.hpp"

#include <string>

#include "core/catalog.hpp"
#include "core/embed_api.hpp"
#include "core/load_inputs.hpp"
#include "core/price_import.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"
#include "ui/format.hpp"

namespace labcalc::ui {

namespace {

// A public GPU price table (docs/prices.md) brought into the catalog in use, as `labcalc catalog import`
// does: the same reader. A table that states no date for its prices is dated the day it is loaded.
bool ImportPriceTable(AppState& state, const std::string& name, std::string_view text, core::PriceFormat format)
{
    if (text.size() > core::kMaxFileBytes) {
        state.error_message = "Price table '" + name + "' was rejected: larger than the limit of " +
            std::to_string(core::kMaxFileBytes) + " bytes. The current catalog is kept.";
        return false;
    }
    core::ImportOptions options;
    options.format = format;
    options.as_of = state.today;
    core::Expected<core::ImportResult> imported =
        core::ImportPrices(state.catalog, {core::PriceFile{name, std::string(text), ""}}, options);
    if (!imported) {
        state.error_message =
            "Price table '" + name + "' was rejected: " + imported.error + ". The current catalog is kept.";
        return false;
    }
    const core::CatalogDiff& diff = imported.value->diff;
    const std::string base = state.catalog_is_built_in ? std::string(kBuiltInCatalogName) : state.catalog_name;
    ReplaceCatalog(state, std::move(imported.value->catalog), core::Printable(base + " + " + name, 80));
    state.error_message.clear();
    state.status_message = "Prices from " + name + " (" + core::PriceFormatTitle(format) +
        ") imported: " + std::to_string(diff.added.size()) + " offers added, " + std::to_string(diff.changes.size()) +
        " prices changed or re-dated, " + std::to_string(imported.value->notes.size()) +
        " rows left out or filled in (the command line's catalog import lists them).";
    return true;
}

} // namespace

bool ImportCatalogText(AppState& state, std::string_view file_name, std::string_view json_text)
{
    // The name is shown on the page and read out in its text summary: no control characters (a newline
    // would start a line of its own), and no more of it than fits a line.
    const std::string name = core::Printable(file_name, 80);
    // Not JSON but a public price table's header row: the price import (docs/prices.md).
    if (const std::optional<core::PriceFormat> format = core::DetectPriceFormat(json_text))
        return ImportPriceTable(state, name, json_text, *format);
    core::Expected<core::Catalog> parsed = core::ParseCatalog(json_text);
    if (!parsed) {
        state.error_message = "Catalog '" + name + "' was rejected: " + parsed.error + ". The current catalog is kept.";
        return false;
    }
    ReplaceCatalog(state, std::move(*parsed.value), name);
    state.error_message.clear();
    state.status_message = "Prices from " + name + " loaded.";
    return true;
}

void ReplaceCatalog(AppState& state, core::Catalog catalog, std::string name)
{
    state.catalog = std::move(catalog);
    ++state.catalog_version; // the decision map is drawn again for it (RecomputeIfDirty)
    state.catalog_is_built_in = name.empty();
    state.catalog_name = name.empty() ? std::string(kBuiltInCatalogName) : std::move(name);
    MarkEdited(state);
}

void RestoreDefaultCatalog(AppState& state)
{
    ReplaceCatalog(state, core::LoadDefaultCatalog(), "");
    state.status_message = "Built-in prices restored.";
}

void CopyEmbedCode(AppState& state, PlatformServices& services)
{
    const std::string page_url = services.ShareLink("");
    if (page_url.empty()) {
        state.error_message =
            "This copy of the calculator has no web address to embed (open the web page to copy embed code).";
        return;
    }
    state.share_link = core::EmbedSnippet(page_url, state.scenario);
    if (services.SetClipboardText(state.share_link))
        state.status_message = "Embed code copied: paste it into your lesson's HTML (docs/embedding.md).";
    else
        state.status_message = "Copy this embed code by hand (the clipboard is not available here):";
}

void OpenFullCalculator(AppState& state, PlatformServices& services)
{
    const std::string link = services.ShareLink(core::EncodeScenarioFragment(state.scenario));
    if (!link.empty())
        services.OpenInNewTab(link);
}

void CopyShareLink(AppState& state, PlatformServices& services)
{
    const std::string fragment = core::EncodeScenarioFragment(state.scenario);
    services.WriteUrlFragment(core::EncodePageFragment(state.embedding.page, state.scenario),
                              state.sync.history_entry_pending);
    state.sync.history_entry_pending = false;
    state.share_link = services.ShareLink(fragment);
    if (state.share_link.empty())
        state.share_link = "#" + fragment;
    if (services.SetClipboardText(state.share_link))
        state.status_message = "Link copied. Anyone who opens it sees this exact scenario.";
    else
        state.status_message = "Copy this link by hand (the clipboard is not available here):";
}

namespace {

struct ExportFile {
    const char* file_name;
    const char* mime_type;
    std::string bytes;
};

ExportFile MakeExport(AppState& state, ExportFormat format)
{
    // Exports always carry the flip points, even right after a drag.
    if (state.results.flips_pending || state.results.dirty || state.results.samples_pending)
        RecomputeIfDirty(state, false);
    switch (format) {
    case ExportFormat::csv: return {"labcalc-monthly-costs.csv", "text/csv", core::ReportToCsv(state.results.report)};
    case ExportFormat::markdown:
        return {"labcalc-summary.md", "text/markdown", core::ReportToMarkdown(state.results.report)};
    case ExportFormat::json: break;
    }
    return {"labcalc-report.json", "application/json", core::ReportToJson(state.results.report)};
}

} // namespace

void ExportReport(AppState& state, PlatformServices& services, ExportFormat format)
{
    const ExportFile file = MakeExport(state, format);
    services.DownloadFile(file.file_name, file.mime_type, file.bytes);
    state.status_message = "Report downloaded.";
}

bool OpenScenarioFile(AppState& state, PlatformServices& services, const std::string& path)
{
    core::Expected<std::string> text = services.ReadTextFile(path);
    if (!text) {
        state.error_message =
            "Scenario file '" + path + "' could not be read: " + text.error + ". Your inputs are kept.";
        return false;
    }
    // The command line's checks (ApplyScenarioJson): the scenario itself, then its price overrides against this catalog.
    const std::string error = ApplyScenarioJson(state, *text.value);
    if (!error.empty()) {
        state.error_message = "Scenario file '" + path + "' was rejected: " + error + ". Your inputs are kept.";
        return false;
    }
    state.files.scenario = path;
    state.status_message = "Scenario loaded from " + path + ".";
    return true;
}

bool SaveScenarioFile(AppState& state, PlatformServices& services, const std::string& path)
{
    const std::string error = services.WriteTextFile(path, core::ScenarioToJson(state.scenario).dump(2) + "\n");
    if (!error.empty()) {
        state.error_message = "The scenario could not be saved to '" + path + "': " + error + ".";
        return false;
    }
    state.files.scenario = path;
    state.error_message.clear();
    state.status_message = "Scenario saved to " + path + ".";
    return true;
}

bool ImportCatalogFile(AppState& state, PlatformServices& services, const std::string& path)
{
    core::Expected<std::string> text = services.ReadTextFile(path);
    if (!text) {
        state.error_message =
            "Catalog '" + path + "' could not be read: " + text.error + ". The current catalog is kept.";
        return false;
    }
    if (!ImportCatalogText(state, core::FileNameOf(path), *text.value))
        return false;
    state.files.catalog = path;
    return true;
}

bool ExportReportToFolder(AppState& state, PlatformServices& services, ExportFormat format, const std::string& folder)
{
    const ExportFile file = MakeExport(state, format);
    std::string path = folder;
    if (!path.empty() && path.back() != '/' && path.back() != '\\')
        path += '/';
    path += file.file_name;
    const std::string error = services.WriteTextFile(path, file.bytes);
    if (!error.empty()) {
        state.error_message = "The report could not be saved to '" + path + "': " + error + ".";
        return false;
    }
    state.error_message.clear();
    state.status_message = "Report saved to " + path + ".";
    return true;
}

} // namespace labcalc::ui
