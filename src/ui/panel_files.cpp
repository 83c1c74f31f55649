// The File menu of platforms with a file system (the desktop app): open and save a scenario file,
// import a catalog, and the folder the reports are written to. Paths are typed (or pasted) into
// fields; every action goes through app_actions.cpp, which validates like the command line.
#include <string>

#include "ui/app_actions.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include "imgui_stdlib.h"

namespace labcalc::ui {
namespace {

void PathField(AppState& state, const char* id, std::string* path, const char* hint)
{
    ImGui::SetNextItemWidth(Em(30));
    ImGui::InputTextWithHint(id, hint, path);
    RememberItem(state, id + 2); // "##file_x" -> "file_x"
}

} // namespace

void DrawFileMenu(AppState& state, PlatformServices& services)
{
    if (state.open_file_menu) {
        state.open_file_menu = false;
        ImGui::OpenPopup("file_menu");
    }
    if (!ImGui::BeginPopup("file_menu"))
        return;
    FilePaths& files = state.files;

    ImGui::TextUnformatted("Scenario file (your inputs, as JSON)");
    PathField(state, "##file_scenario_path", &files.scenario, "/path/to/my-lab.json");
    if (ImGui::Button("Open") && OpenScenarioFile(state, services, files.scenario))
        ImGui::CloseCurrentPopup();
    RememberItem(state, "file_open");
    ImGui::SameLine();
    if (ImGui::Button("Save") && SaveScenarioFile(state, services, files.scenario))
        ImGui::CloseCurrentPopup();
    RememberItem(state, "file_save");
    ImGui::Separator();

    ImGui::TextUnformatted("Your own prices (a catalog file, see assets/catalog.json)");
    PathField(state, "##file_catalog_path", &files.catalog, "/path/to/catalog.json");
    if (ImGui::Button("Import prices") && ImportCatalogFile(state, services, files.catalog))
        ImGui::CloseCurrentPopup();
    RememberItem(state, "file_import");
    if (!state.catalog_is_built_in) {
        ImGui::SameLine();
        if (ImGui::Button("Back to built-in prices"))
            RestoreDefaultCatalog(state);
    }
    ImGui::Separator();

    ImGui::TextUnformatted("Save the report into this folder");
    PathField(state, "##file_export_folder", &files.export_folder, "/path/to/folder");
    const struct {
        const char* label;
        const char* id;
        ExportFormat format;
    } kExports[] = {{"JSON", "file_export_json", ExportFormat::json},
                    {"CSV", "file_export_csv", ExportFormat::csv},
                    {"Markdown", "file_export_markdown", ExportFormat::markdown}};
    for (const auto& e : kExports) {
        if (e.format != ExportFormat::json)
            ImGui::SameLine();
        if (ImGui::Button(e.label))
            ExportReportToFolder(state, services, e.format, files.export_folder);
        RememberItem(state, e.id);
    }

    // The toolbar's message line is under this menu: repeat the outcome here.
    // (WrappedText wraps at the menu's width, which the path fields set.)
    if (!state.error_message.empty())
        TextWrappedColored(colors::kError, state.error_message);
    else if (!state.status_message.empty())
        TextWrappedColored(colors::kSuccess, state.status_message);
    ImGui::EndPopup();
}

} // namespace labcalc::ui
