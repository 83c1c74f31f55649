// The top bar: title, presets, "Copy link", exports, and the message line (errors in red stay until
// dismissed, so a rejected link or file is never missed).
#include <string>

#include "ui/app.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include "imgui_stdlib.h"

namespace labcalc::ui {
namespace {

// Puts the next button on the same line when it fits, else on a new line (phones).
void SameLineIfFits(const char* next_label)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float next =
        ImGui::CalcTextSize(next_label, nullptr, true).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + next < right_edge)
        ImGui::SameLine();
}

// Course authors copy embed code; a learner on a phone needs the toolbar row for the rest: there the embed code
// is in the Export menu.
bool NarrowWindow() { return ImGui::GetMainViewport()->WorkSize.x < Em(kWideLayoutEm); }

void DrawTitle(const AppState& state)
{
    if (state.fonts.headline)
        ImGui::PushFont(state.fonts.headline);
    ImGui::TextUnformatted("Home lab, cloud or hybrid?");
    if (state.fonts.headline)
        ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Where should you run your AI work? Move the three sliders; the answer and the reasons update as you go.");
    ImGui::PopTextWrapPos();
}

// Platforms with a file system (desktop): open/save scenario files, import prices, save reports.
void DrawFileButton(AppState& state, PlatformServices& services)
{
    if (services.HasFileSystem()) {
        if (ImGui::Button("File..."))
            ImGui::OpenPopup("file_menu");
        RememberItem(state, "file_menu");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Open or save a scenario file, import your own prices, save the report.");
        // Under the button, also when "Load your own prices..." further down opens it.
        const ItemRect& button = state.test_hooks.item_rects["file_menu"];
        ImGui::SetNextWindowPos(ImVec2(button.x0, button.y1 + Em(0.2f)), ImGuiCond_Appearing);
        DrawFileMenu(state, services);
        SameLineIfFits("Presets...");
    }
}

void DrawPresetsButton(AppState& state)
{
    std::string presets_label = "Presets...";
    for (const core::PresetInfo& p : state.presets)
        if (p.name == state.preset_name)
            presets_label = "Preset: " + p.title;
    if (ExposedButton(state, "toolbar.presets", (presets_label + "###presets").c_str()))
        ImGui::OpenPopup("presets");
    RememberItem(state, "presets");
    if (ImGui::BeginPopup("presets")) {
        ImGui::TextDisabled("The course's levels and personas");
        ImGui::Separator();
        ImGui::PushTextWrapPos(Em(26));
        for (const core::PresetInfo& p : state.presets) {
            if (ExposedSelectable(state, "preset." + p.name, p.title.c_str(), p.name == state.preset_name))
                LoadPresetByName(state, p.name);
            ImGui::Indent();
            ImGui::TextDisabled("%s", p.description.c_str());
            ImGui::Unindent();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
}

void DrawCopyButtons(AppState& state, PlatformServices& services)
{
    SameLineIfFits("Copy link");
    if (ExposedButton(state, "toolbar.copy_link", "Copy link"))
        CopyShareLink(state, services);
    RememberItem(state, "copy_link");
    // No tooltip over the confirmation line the click just put under the toolbar.
    if (ImGui::IsItemHovered() && state.status_message.empty())
        ImGui::SetTooltip("A link that opens this exact scenario (it lives in the part after #).");
    if (state.embedding.has_web_address && !NarrowWindow()) {
        SameLineIfFits("Copy embed code");
        if (ExposedButton(state, "toolbar.copy_embed", "Copy embed code"))
            CopyEmbedCode(state, services);
        RememberItem(state, "copy_embed");
        if (ImGui::IsItemHovered() && state.status_message.empty())
            ImGui::SetTooltip(
                "An <iframe> with this scenario for a lesson page: the compact calculator (docs/embedding.md).");
    }
}

void DrawExportButton(AppState& state, PlatformServices& services)
{
    SameLineIfFits("Export...");
    if (ExposedButton(state, "toolbar.export", "Export..."))
        ImGui::OpenPopup("export");
    RememberItem(state, "export");
    if (ImGui::BeginPopup("export")) {
        // With a file system the report is saved into the File menu's folder; the page downloads it.
        const bool files = services.HasFileSystem();
        auto save = [&](ExportFormat format) {
            if (files)
                ExportReportToFolder(state, services, format, state.files.export_folder);
            else
                ExportReport(state, services, format);
        };
        if (files)
            ImGui::TextDisabled("Saved into %s (change it under File...)",
                                state.files.export_folder.empty() ? "the current folder"
                                                                  : state.files.export_folder.c_str());
        if (ExposedSelectable(state, "export.json", "Report as JSON (same as the command line)", false))
            save(ExportFormat::json);
        RememberItem(state, "export_json");
        if (ExposedSelectable(state, "export.csv", "Monthly costs as CSV (for a spreadsheet)", false))
            save(ExportFormat::csv);
        RememberItem(state, "export_csv");
        if (ExposedSelectable(state, "export.markdown", "Summary as Markdown (for your notes)", false))
            save(ExportFormat::markdown);
        RememberItem(state, "export_markdown");
        if (state.embedding.has_web_address && NarrowWindow() &&
            ExposedSelectable(state, "export.embed_code", "Copy embed code (for a lesson page)", false))
            CopyEmbedCode(state, services);
        ImGui::EndPopup();
    }
}

// The last error (with Dismiss) or success (with Undo, and the link when one was just built).
void DrawMessages(AppState& state)
{
    if (!state.error_message.empty()) {
        TextWrappedColored(colors::kError, state.error_message);
        RememberItem(state, "error_message");
        if (ExposedButton(state, "toolbar.dismiss", "Dismiss", true))
            state.error_message.clear();
    } else if (!state.status_message.empty()) {
        TextWrappedColored(colors::kSuccess, state.status_message);
        if (state.undo_scenario) {
            ImGui::SameLine();
            if (ExposedButton(state, "toolbar.undo", "Undo", true))
                UndoLastChange(state);
            RememberItem(state, "undo");
        }
        if (!state.share_link.empty()) {
            // Read-only but selectable, for when the clipboard is not available.
            ImGui::SetNextItemWidth(-1);
            ImGui::InputText("##link", &state.share_link,
                             ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
        }
    }
}

} // namespace

void DrawToolbar(AppState& state, PlatformServices& services)
{
    DrawTitle(state);
    DrawFileButton(state, services);
    DrawPresetsButton(state);
    DrawCopyButtons(state, services);
    DrawExportButton(state, services);
    SameLineIfFits("Reset");
    if (ExposedButton(state, "toolbar.reset", "Reset"))
        ResetScenario(state);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Every input back to its default.");

    DrawMessages(state);
}

} // namespace labcalc::ui
