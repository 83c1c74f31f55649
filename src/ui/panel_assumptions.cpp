// Where each number comes from: the catalog figures the report used, with source and date, stale
// ones flagged, each overridable (scenario "assumptions.<id>"); plus loading your own catalog.
#include <cstdio>
#include <string>

#include "core/figure_ids.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

// The value cell: an editable number; a changed value becomes the learner's override. A figure that has
// an input of its own (the electricity price) edits that input: one value, whichever box it is typed in.
void ValueEditor(AppState& state, const core::AssumptionUsed& a, float width)
{
    ImGui::PushID(a.id.c_str());
    double value = a.value;
    const char* field = core::FieldForFigure(a.id);
    const std::string key = field ? std::string(field) : "assumptions." + a.id;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputDouble("##value", &value, 0, 0, "%.6g", ImGuiInputTextFlags_EnterReturnsTrue) ||
        (ImGui::IsItemDeactivatedAfterEdit() && value != a.value))
        (void)CommitSetting(state, key, value); // an error shows under the box; the value stays
    {
        ExposedControl c;
        c.id = "figure." + a.id;
        c.role = ControlRole::number;
        c.label = a.label + " (" + a.unit + ")";
        c.typed_text = core::FormatNumber(a.value);
        c.description = (a.overridden ? "your value" : "the catalog's value, " + a.source + " (" + a.date + ")") +
            (a.note.empty() ? "" : ". " + a.note);
        ExposeLastItem(state, std::move(c));
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(a.unit.c_str());
    if (a.overridden) {
        ImGui::SameLine();
        if (ExposedButton(state, "figure." + a.id + "#default", "Default", true, "Default for " + a.label)) {
            // Both doors closed: the input of its own and any override in the assumptions.
            std::vector<Setting> back{{"assumptions." + a.id, "default"}};
            if (field)
                back.push_back({key, "default"});
            (void)CommitSettings(state, back);
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Back to the catalog's value.");
    }
    auto it = state.field_errors.find(key);
    if (it != state.field_errors.end())
        TextWrappedColored(colors::kError, it->second);
    ImGui::PopID();
}

void SourceLine(const core::AssumptionUsed& a)
{
    ImGui::PushTextWrapPos(0.0f);
    if (a.overridden) {
        ImGui::TextUnformatted("Your value (catalog's source below)");
    }
    ImGui::TextDisabled("%s (%s)", a.source.c_str(), a.date.c_str());
    if (a.stale) {
        ImGui::PushStyleColor(ImGuiCol_Text, colors::kStale);
        ImGui::TextUnformatted("Stale: older than the catalog's freshness limit; check the current price.");
        ImGui::PopStyleColor();
    }
    // A price that moved a lot since the oldest entry of its history (an imported price table keeps one).
    if (!a.note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colors::kStale);
        ImGui::TextUnformatted(a.note.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

} // namespace

void DrawAssumptions(AppState& state, PlatformServices& services)
{
    const core::Report& r = state.results.report;
    int stale = 0;
    for (const core::AssumptionUsed& a : r.assumptions)
        stale += a.stale ? 1 : 0;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("Prices from the %s, checked %s. Report date %s.", state.catalog_name.c_str(), r.catalog_as_of.c_str(),
                r.report_date.c_str());
    if (stale > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colors::kStale);
        ImGui::Text("%d figure%s may be out of date (flagged below).", stale, stale == 1 ? "" : "s");
        ImGui::PopStyleColor();
    }
    ImGui::TextDisabled("Type your own value over any figure to override it; it travels with the link.");
    ImGui::PopTextWrapPos();
    if (ExposedButton(state, "sources.load_prices", "Load your own prices...")) {
        if (services.HasFileSystem())
            state.open_file_menu = true; // the File menu has the path field
        else
            services.RequestCatalogFile();
    }
    RememberItem(state, "import_catalog");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A catalog JSON file in labcalc's format (see assets/catalog.json).");
    if (!state.catalog_is_built_in) {
        ImGui::SameLine();
        if (ExposedButton(state, "sources.builtin_prices", "Back to built-in prices"))
            RestoreDefaultCatalog(state);
    }
    ImGui::Spacing();

    const bool wide = ImGui::GetContentRegionAvail().x > Em(44);
    if (wide &&
        ImGui::BeginTable("assumptions", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Figure", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthFixed, Em(13));
        ImGui::TableSetupColumn("Source and date", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableHeadersRow();
        for (const core::AssumptionUsed& a : r.assumptions) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(a.label.c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            ValueEditor(state, a, Em(6));
            ImGui::TableNextColumn();
            SourceLine(a);
        }
        ImGui::EndTable();
        return;
    }
    // Narrow screens: one block per figure.
    for (const core::AssumptionUsed& a : r.assumptions) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(a.label.c_str());
        ImGui::PopTextWrapPos();
        ValueEditor(state, a, Em(7));
        SourceLine(a);
    }
}

} // namespace labcalc::ui
