// Controls listed for the platform's elements (see exposed_controls.hpp). The state changes here are the
// ones a click on the canvas makes, through the same CommitSetting (app_actions.hpp); a press is only
// recorded, and the widget acts on it when next drawn (inside its own window and popup, as a click would).
// Sections (each opens with a "[SECTION]" line):
//   Helpers
//   Exposing the frame's controls
//   What the platform's elements do: type, step, press, focus
//   The control list for the platform
#include "ui/exposed_controls.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/course.hpp"
#include "core/figure_ids.hpp"
#include "core/index.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/app_actions.hpp"
#include "ui/format.hpp"
#include "ui/task_actions.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace labcalc::ui {
namespace {

constexpr std::string_view kTypedSuffix = "#typed";
constexpr float kBudgetStep = 1.1f; // one arrow press: 10% (the budget slider is logarithmic)

// [SECTION] Helpers -------------------------------------------------------------------------------------------------

// The accessible name of an ImGui label: without its "##id" or "###id" part.
std::string VisibleLabel(const char* label)
{
    std::string s = label;
    const std::size_t hashes = s.find("##");
    return hashes == std::string::npos ? s : s.substr(0, hashes);
}

std::string_view FieldKeyOf(std::string_view id)
{
    if (id.size() > kTypedSuffix.size() && id.substr(id.size() - kTypedSuffix.size()) == kTypedSuffix)
        return id.substr(0, id.size() - kTypedSuffix.size());
    return id;
}

ItemRect Intersect(const ItemRect& a, const ImRect& clip)
{
    ItemRect r{std::max(a.x0, clip.Min.x), std::max(a.y0, clip.Min.y), std::min(a.x1, clip.Max.x),
               std::min(a.y1, clip.Max.y)};
    if (r.x1 <= r.x0 || r.y1 <= r.y0)
        return ItemRect{};
    return r;
}

const char* RoleName(ControlRole role)
{
    switch (role) {
    case ControlRole::button: return "button";
    case ControlRole::section: return "section";
    case ControlRole::slider: return "slider";
    case ControlRole::number: return "number";
    case ControlRole::checkbox: return "checkbox";
    case ControlRole::choice: return "choice";
    }
    return "button";
}

} // namespace

namespace {

double RoundBudget(double usd)
{
    if (usd <= 0)
        return 0;
    const double unit = std::pow(10.0, std::max(0.0, std::floor(std::log10(usd)) - 2));
    return std::round(usd / unit) * unit;
}

} // namespace

// [SECTION] Exposing the frame's controls ---------------------------------------------------------------------------

double RoundSliderValue(std::string_view key, double value)
{
    if (key == "budget_usd")
        return RoundBudget(value);
    if (key == "hours_per_week")
        return std::round(value * 2) / 2;
    return value;
}

bool TakePress(AppState& state, const std::string& id)
{
    auto& presses = state.a11y.pending_presses;
    auto it = std::find(presses.begin(), presses.end(), id);
    if (it == presses.end())
        return false;
    presses.erase(it);
    state.a11y.redraw = true;
    return true;
}

void ExposeLastItem(AppState& state, ExposedControl control)
{
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    control.rect = ItemRect{min.x, min.y, max.x, max.y};
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    control.visible = Intersect(control.rect, window->ClipRect);
    if (!state.a11y.focused_id.empty() && control.id == state.a11y.focused_id) {
        // The focus, visible on the canvas (the page's element over it is transparent): a 2-pixel ring
        // in the theme's focus blue, 3:1 or more against the card and the control.
        const float pad = Em(0.15f);
        window->DrawList->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), colors::kFocus,
                                  Em(0.25f), 0, std::max(2.0f, Em(0.12f)));
        if (state.a11y.scroll_to_focused) {
            state.a11y.scroll_to_focused = false;
            if (min.y < window->ClipRect.Min.y || max.y > window->ClipRect.Max.y) {
                ImGui::SetScrollHereY(0.4f);
                state.a11y.redraw = true;
            }
        }
    }
    state.a11y.controls.push_back(std::move(control));
}

bool ExposedButton(AppState& state, const std::string& id, const char* label, bool small, const std::string& name)
{
    const bool clicked = small ? ImGui::SmallButton(label) : ImGui::Button(label);
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::button;
    c.label = name.empty() ? VisibleLabel(label) : name;
    ExposeLastItem(state, std::move(c));
    return TakePress(state, id) || clicked;
}

bool ExposedSelectable(AppState& state, const std::string& id, const char* label, bool selected)
{
    const bool clicked = ImGui::Selectable(label, selected);
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::button;
    c.label = VisibleLabel(label);
    c.checked = selected;
    c.in_popup = true;
    ExposeLastItem(state, std::move(c));
    if (TakePress(state, id)) {
        ImGui::CloseCurrentPopup(); // as a click on the item closes its menu
        return true;
    }
    // Escape on a menu's element closes the menu, as it does on the canvas.
    if (TakePress(state, "menu.close"))
        ImGui::CloseCurrentPopup();
    return clicked;
}

bool ExposedSection(AppState& state, const std::string& id, const char* title, bool open_by_default)
{
    const ImGuiTreeNodeFlags flags =
        ImGuiTreeNodeFlags_CollapsingHeader | (open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    const bool open_now = ImGui::TreeNodeBehaviorIsOpen(ImGui::GetID(title), flags);
    if (TakePress(state, id))
        ImGui::SetNextItemOpen(!open_now);
    const bool open = ImGui::CollapsingHeader(title, open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::section;
    c.label = VisibleLabel(title);
    c.checked = open;
    ExposeLastItem(state, std::move(c));
    return open;
}

// [SECTION] What the platform's elements do: type, step, press, focus -----------------------------------------------

std::string SetControlText(AppState& state, std::string_view id, std::string_view text)
{
    const std::string key(FieldKeyOf(id));
    const bool typed = key.size() != id.size();
    auto not_a_number = [&](const std::string& target) {
        const std::string error = target + ": must be a number (got '" + core::Printable(text, 40) + "')";
        state.field_errors[target] = error;
        return error;
    };
    if (key.rfind("course.", 0) == 0) {
        // A line of the course checklist: ticking sets the inputs to match it (SetCourseLine).
        const std::size_t index = static_cast<std::size_t>(std::strtoul(key.c_str() + 7, nullptr, 10));
        const auto& lines = core::CourseConditions();
        if (index >= lines.size())
            return "unknown control '" + core::Printable(id, 40) + "'";
        // The core says which lines can be ticked or unticked (core::ConditionSettings), in one wording.
        if (!SetCourseLine(state, index, text == "true"))
            return state.error_message;
        return "";
    }
    if (key.rfind("figure.", 0) == 0) {
        // A figure of "where the numbers come from": its own input when it has one (core::FieldForFigure).
        const std::string figure = key.substr(7);
        const char* field = core::FieldForFigure(figure);
        const std::string target = field ? std::string(field) : "assumptions." + figure;
        const std::optional<double> v = core::ParseTypedNumber(text);
        return v ? CommitSetting(state, target, *v) : not_a_number(target);
    }
    if (key.rfind("tasks.", 0) == 0)
        return SetTaskField(state, key, text); // the workload builder's fields
    if (key.rfind("weights.", 0) == 0) {
        const std::optional<double> v = core::ParseTypedNumber(text);
        return v ? CommitSetting(state, key, *v) : not_a_number(key);
    }
    const core::FieldSpec* f = core::FindField(key);
    if (!f)
        return "unknown control '" + core::Printable(id, 40) + "'";
    std::string error;
    // Money is typed in the currency shown (the report's), and kept in dollars.
    const core::Money& money = state.results.report.money;
    if (!typed && f->headline && f->kind != core::FieldKind::choice) {
        // A slider's own element: the value rounded as a drag rounds it, in the unit it shows.
        const std::optional<double> v = core::ParseTypedNumber(text, ShownUnit(*f, money));
        if (!v)
            return not_a_number(key);
        error = CommitSetting(state, key, FromShown(*f, RoundSliderValue(key, *v), money));
    } else if (f->kind == core::FieldKind::choice && !text.empty() &&
               std::all_of(text.begin(), text.end(), ::isdigit)) {
        error = CommitSetting(state, key, std::stod(std::string(text)));
    } else if (f->optional && text.empty()) {
        error = CommitSetting(state, key, std::string_view("default"));
    } else if (f->kind == core::FieldKind::number || f->kind == core::FieldKind::integer) {
        // Read as typed ("$2,500", "12,5"); what is refused is named with the field's rule.
        const std::optional<double> v = ParseShown(*f, text, money);
        if (!v) {
            core::Scenario scratch = state.scenario;
            error = core::SetFieldTyped(scratch, *f, text).error;
            state.field_errors[key] = error;
            return error;
        }
        error = CommitSetting(state, key, *v);
    } else {
        error = CommitSetting(state, key, text);
    }
    if (error.empty())
        state.edit_buffers.erase(key);
    return error;
}

void StepControl(AppState& state, std::string_view id, int steps, int to_end)
{
    if (id.rfind("weights.", 0) == 0) {
        // A factor's weight in the matrix: whole steps from 0 to 10.
        const std::optional<core::Factor> factor = core::FactorFromKey(id.substr(8));
        if (!factor)
            return;
        const double w = core::At(state.scenario.weights, *factor);
        const double next = to_end
            ? (to_end < 0 ? 0.0 : 10.0)
            : std::clamp(std::round(w) + (steps > 0 ? 1 : -1) * (std::abs(steps) >= 10 ? 3 : 1), 0.0, 10.0);
        (void)CommitSetting(state, id, next);
        return;
    }
    const core::FieldSpec* f = core::FindField(FieldKeyOf(id));
    if (!f)
        return;
    const core::FieldValue v = core::GetField(state.scenario, *f);
    double next = v.number;
    const std::string key = f->key;
    if (key == "budget_usd") {
        // Stepped in the currency shown, so each press lands on a round amount there.
        const core::Money& money = state.results.report.money;
        const double hi = std::min(f->max_value, std::max(50000.0, v.number));
        const double shown = ToShown(*f, v.number, money);
        if (to_end)
            next = to_end < 0 ? f->min_value : hi;
        else if (steps > 0)
            next = FromShown(*f, std::max(RoundBudget(shown * std::pow(kBudgetStep, steps)), shown + 100), money);
        else
            next = FromShown(*f, RoundBudget(shown * std::pow(kBudgetStep, steps)), money);
        next = std::clamp(next, f->min_value, hi);
    } else if (key == "hours_per_week") {
        next = to_end ? (to_end < 0 ? f->min_value : f->max_value) : RoundSliderValue(key, v.number) + 0.5 * steps;
        next = std::clamp(next, f->min_value, f->max_value);
    } else if (f->kind == core::FieldKind::choice) {
        const double last = static_cast<double>(f->choices.size()) - 1;
        next = to_end ? (to_end < 0 ? 0 : last) : std::clamp(v.number + (steps > 0 ? 1 : -1), 0.0, last);
    } else {
        return; // number boxes are typed, not stepped
    }
    if (next != v.number)
        (void)CommitSetting(state, key, next);
}

void PressControl(AppState& state, std::string_view id)
{
    const std::string s(id);
    if (std::find(state.a11y.pending_presses.begin(), state.a11y.pending_presses.end(), s) ==
        state.a11y.pending_presses.end())
        state.a11y.pending_presses.push_back(s);
}

void FocusControl(AppState& state, std::string_view id)
{
    state.a11y.focused_id = std::string(id);
    state.a11y.scroll_to_focused = !id.empty();
}

// [SECTION] The control list for the platform -----------------------------------------------------------------------

std::string ControlsToJson(const AppState& state, float pixel_scale)
{
    const float s = pixel_scale > 0 ? pixel_scale : 1.0f;
    auto box = [s](const ItemRect& r) {
        return nlohmann::json::array({r.x0 / s, r.y0 / s, (r.x1 - r.x0) / s, (r.y1 - r.y0) / s});
    };
    nlohmann::json list = nlohmann::json::array();
    for (const ExposedControl& c : state.a11y.controls) {
        nlohmann::json j = {{"id", c.id},
                            {"role", RoleName(c.role)},
                            {"label", c.label},
                            {"rect", box(c.rect)},
                            {"visible", box(c.visible)}};
        if (!c.description.empty())
            j["description"] = c.description;
        if (!c.value_text.empty())
            j["valueText"] = c.value_text;
        if (c.role == ControlRole::slider) {
            j["value"] = c.value;
            j["min"] = c.min;
            j["max"] = c.max;
        }
        if (c.role == ControlRole::number)
            j["typed"] = c.typed_text;
        if (c.role == ControlRole::checkbox || c.role == ControlRole::section || c.in_popup)
            j["checked"] = c.checked;
        if (c.in_popup)
            j["menu"] = true;
        if (c.in_dialog)
            j["dialog"] = true;
        // What pressing it opens, for aria-haspopup: a panel of its own (a working), or a menu.
        if (c.opens_popup)
            j["opensMenu"] = "dialog";
        else if (c.id == "toolbar.presets" || c.id == "toolbar.export")
            j["opensMenu"] = "menu";
        if (!c.error.empty())
            j["error"] = c.error;
        if (c.role == ControlRole::choice) {
            nlohmann::json options = nlohmann::json::array();
            for (const ControlOption& o : c.options)
                options.push_back({o.value, o.label});
            j["options"] = options;
            j["selected"] = c.typed_text;
        }
        list.push_back(std::move(j));
    }
    return list.dump();
}

} // namespace labcalc::ui
