// The working of a figure, over the page: its formula in words and symbols, the same with this scenario's
// values, the result, and where each value comes from. Opened by clicking (or pressing Enter on) a blue
// figure of the cost table; it shows what the core wrote while computing the figure (core::Working).
#include <algorithm>
#include <string>

#include "core/report.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

constexpr const char* kPopupId = "How it is worked out";

// "input hours_per_week" -> "your input (hours_per_week)"; "derived" -> "worked out by labcalc from the
// values above it"; a catalog figure keeps its source and date.
std::string OriginForPeople(const core::WorkingTerm& t, const core::Report& r)
{
    if (t.origin.rfind("input ", 0) == 0)
        return "your input (" + t.origin.substr(6) + ")";
    if (t.origin == "derived")
        return "worked out by labcalc from your inputs and the catalog";
    if (t.origin == "constant")
        return "a constant";
    if (t.origin.rfind("constant: ", 0) == 0) // a rule's constant, with where it comes from
        return "a constant: " + t.origin.substr(10);
    // "figure home.cooling_overhead_pct: <source>, <date>" -> "catalog: <source>, <date>": the id is for files.
    const std::string words = core::WorkingTermOrigin(t, r);
    const std::size_t colon = words.find(": ");
    return colon == std::string::npos ? words : "catalog: " + words.substr(colon + 2);
}

void DrawContents(AppState& state, const core::Working& w)
{
    const core::Report& r = state.results.report;
    if (state.fonts.headline)
        ImGui::PushFont(state.fonts.headline);
    WrappedText(w.title);
    if (state.fonts.headline)
        ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextDisabled("The formula");
    WrappedText(w.symbols);
    ImGui::TextDisabled("With your numbers");
    WrappedText(w.numbers);
    // What the page shows for it: money as money, other quantities with one decimal and their unit. Money is
    // worked in the report's currency (core::BuildWorkings).
    const bool is_money = w.unit.rfind(r.money.code, 0) == 0;
    WrappedText("= " + core::ShownValue(w.result) + " " + w.unit + "   (shown as " +
                (is_money ? Amount(w.result, r.money) : Number(w.result, 1) + " " + w.unit) + ")");
    if (is_money && r.money.code != "USD")
        TextWrappedDisabled("The catalog's prices are in US dollars: each is put in here in " + r.money.code + " at " +
                            Number(r.money.per_usd, 4) + " a dollar (the catalog's exchange rate of " +
                            r.money.rate_date + ", named under \"Show money in\").");
    ImGui::Spacing();
    ImGui::TextDisabled("Where each value comes from");
    for (const core::WorkingTerm& t : w.terms) {
        Bullet(t.symbol + " = " + core::ShownValue(t.value) + (t.unit.empty() ? "" : " " + t.unit) + ": " + t.name +
               " - " + OriginForPeople(t, r));
        if (t.working.empty())
            continue;
        // A value worked out from others has a working of its own: follow it (Back returns).
        ImGui::Indent(Em(1.4f));
        const std::string id = "working.follow." + t.symbol;
        if (ExposedButton(state, id, ("How is " + t.symbol + " worked out?##" + id).c_str(), true,
                          "How is " + t.symbol + ", " + t.name + ", worked out?")) {
            state.working_trail.push_back(state.open_working);
            state.open_working = t.working;
        }
        ImGui::Unindent(Em(1.4f));
    }
    ImGui::Spacing();
}

} // namespace

bool WorkingLink(AppState& state, const std::string& control_id, const std::string& text, const std::string& working_id,
                 const std::string& name, bool enabled)
{
    ImGui::PushStyleColor(ImGuiCol_Text, enabled ? colors::kLink : ImGui::GetColorU32(ImGuiCol_TextDisabled));
    const bool clicked =
        ImGui::Selectable((text + "##" + control_id).c_str(), false, 0, ImVec2(ImGui::CalcTextSize(text.c_str()).x, 0));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("How this is worked out");
    ExposedControl c;
    c.id = control_id;
    c.role = ControlRole::button;
    c.label = name;
    c.description = "Shows how it is worked out";
    c.opens_popup = true;
    ExposeLastItem(state, std::move(c));
    if (!(TakePress(state, control_id) || clicked))
        return false;
    state.working_trail.clear();
    state.open_working = working_id;
    return true;
}

void DrawWorking(AppState& state)
{
    const core::Working* w = core::FindWorking(state.results.report.workings, state.open_working);
    if (!w) {
        state.open_working.clear();
        state.working_trail.clear();
        return;
    }
    if (!ImGui::IsPopupOpen(kPopupId))
        ImGui::OpenPopup(kPopupId);
    const ImGuiViewport* view = ImGui::GetMainViewport();
    const float width = std::min(view->WorkSize.x - Em(1), Em(44));
    ImGui::SetNextWindowPos(view->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view->WorkSize.y - Em(1)));
    bool open = true;
    if (!ImGui::BeginPopupModal(kPopupId, &open, ImGuiWindowFlags_NoSavedSettings)) {
        state.open_working.clear();
        return;
    }
    DrawContents(state, *w);
    if (!state.working_trail.empty()) {
        if (ExposedButton(state, "working.back", "Back")) {
            state.open_working = state.working_trail.back();
            state.working_trail.pop_back();
        }
        ImGui::SameLine();
    }
    // Listed as a menu's item: the page moves its focus in when the panel opens, Escape closes it, and the
    // focus goes back to the figure.
    const bool clicked = ImGui::Button("Close");
    ExposedControl c;
    c.id = "working.close";
    c.role = ControlRole::button;
    c.label = "Close how it is worked out";
    c.in_popup = true;
    c.in_dialog = true;
    ExposeLastItem(state, std::move(c));
    const bool close = clicked || TakePress(state, "working.close") ||
        (ImGui::IsWindowFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ||
        TakePress(state, "menu.close");
    if (close || !open) {
        state.open_working.clear();
        state.working_trail.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace labcalc::ui
