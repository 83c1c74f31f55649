// Shared widgets (see widgets.hpp). FieldEditor turns the core's FieldSpec table into inputs, so a
// new scenario input appears in the advanced section without UI code.
// Sections (each opens with a "[SECTION]" line):
//   Field editor helpers: steps, automatic values, catalog picks
//   Text and layout helpers
//   The field editor
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/index.hpp"
#include "core/text_format.hpp"
#include "imgui_stdlib.h"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"
#include "ui/theme.hpp"

namespace labcalc::ui {
namespace {

// [SECTION] Field editor helpers: steps, automatic values, catalog picks --------------------------------------------

// Step of the +/- buttons: about 1% of a typical value, in round units.
double StepFor(const core::FieldSpec& f, double value)
{
    if (f.kind == core::FieldKind::integer)
        return 1;
    const double scale = std::fabs(value) > 0 ? std::fabs(value) : (f.max_value > 0 ? f.max_value / 100 : 1);
    const double step = std::pow(10.0, std::floor(std::log10(scale)) - 1);
    return step > 0 ? step : 1;
}

std::string ChoiceText(const char* choice)
{
    std::string s = choice;
    for (char& c : s)
        if (c == '_')
            c = ' ';
    return s;
}

// What an unset optional input stands at: the value the model used, read from the report (the home
// option for home.*, the cloud option for cloud.*), with its unit; "" when the report has none (no home
// machine fits, say). Shown instead of a bare "automatic", so a learner sees what they would override.
std::string AutomaticValue(const AppState& state, const core::FieldSpec& f)
{
    const core::Report& r = state.results.report;
    const core::Money& money = r.money;
    if (!state.results.has_report || r.options.size() < 2)
        return "";
    const std::string key = f.key;
    const core::OptionCost& home = r.options[0].cost;
    const core::OptionCost& cloud = r.options[1].cost;
    const std::string unit = f.unit[0] ? std::string(" ") + f.unit : std::string();
    auto figure = [&](const std::string& id) -> const core::AssumptionUsed* {
        for (const core::AssumptionUsed& a : r.assumptions)
            if (a.id == id)
                return &a;
        return nullptr;
    };
    if (key == "electricity_usd_per_kwh")
        return Usd(r.electricity_usd_per_kwh, money) + " per kWh";
    if (key.rfind("home.", 0) == 0) {
        if (home.gpu_index < 0 || static_cast<std::size_t>(home.gpu_index) >= state.catalog.gpus.size())
            return "";
        if (key == "home.gpu")
            return core::At(state.catalog.gpus, home.gpu_index).name;
        if (key == "home.gpu_count")
            return Number(home.gpu_count, 0) + unit;
        if (key == "home.hardware_usd")
            return Usd(home.upfront_usd, money);
        if (key == "home.power_watts")
            return Number(home.load_watts, 0) + unit;
        if (key == "home.idle_watts")
            return Number(home.idle_watts, 0) + unit;
        if (key == "home.maintenance_usd_per_year")
            return Usd(home.monthly.maintenance_usd * 12, money) + " a year";
        if (key == "home.on_hours_per_week")
            return Number(home.local_on_hours_per_week, 1) + unit;
        return "";
    }
    if (key.rfind("cloud.", 0) == 0) {
        if (key == "cloud.idle_overhead_pct")
            return figure("cloud.idle_overhead_pct") ? Number(figure("cloud.idle_overhead_pct")->value, 1) + unit : "";
        if (cloud.offer_index < 0 || static_cast<std::size_t>(cloud.offer_index) >= state.catalog.offers.size())
            return "";
        const core::CloudOffer& offer = core::At(state.catalog.offers, cloud.offer_index);
        if (key == "cloud.offer")
            return offer.name;
        if (key == "cloud.usd_per_gpu_hour") {
            const core::AssumptionUsed* spot = figure("offer." + offer.id + ".spot_usd_per_gpu_hour");
            const core::AssumptionUsed* on_demand = figure("offer." + offer.id + ".usd_per_gpu_hour");
            const core::AssumptionUsed* used = spot ? spot : on_demand;
            return used ? Usd(used->value, money) + " per GPU-hour" : "";
        }
        if (key == "cloud.storage_usd_per_month")
            return Usd(cloud.monthly.storage_usd, money) + " a month";
        if (key == "cloud.egress_usd_per_month")
            return Usd(cloud.monthly.egress_usd, money) + " a month";
    }
    return "";
}

// Catalog picks for home.gpu and cloud.offer: a combo of catalog entries plus "automatic".
bool CountryPick(AppState& state, const core::FieldSpec& f, const core::FieldValue& v)
{
    std::string preview = "not set (US averages)";
    for (const core::Country& c : state.catalog.countries)
        if (v.set && c.code == v.text)
            preview = c.name + " (" + c.code + ")";
    bool changed = false;
    if (ImGui::BeginCombo("##pick", preview.c_str())) {
        if (ImGui::Selectable("not set (US averages)", !v.set))
            changed = CommitSetting(state, f.key, std::string_view("default")).empty();
        for (const core::Country& c : state.catalog.countries)
            if (ImGui::Selectable((c.name + " (" + c.code + ")").c_str(), v.set && c.code == v.text))
                changed = CommitSetting(state, f.key, std::string_view(c.code)).empty();
        ImGui::EndCombo();
    }
    return changed;
}

// The money to show: the catalog's currencies, "automatic" first (the country's money, else US dollars).
std::string CurrencyAutomatic(const AppState& state)
{
    const core::Money& m = state.results.report.money;
    return "automatic (" + (m.chosen_by == "country" ? "your country's: " + m.code : std::string("US dollars")) + ")";
}

bool CurrencyPick(AppState& state, const core::FieldSpec& f, const core::FieldValue& v)
{
    std::string preview = CurrencyAutomatic(state);
    for (const core::Currency& c : state.catalog.currencies)
        if (v.set && c.code == v.text)
            preview = c.code + " - " + c.name;
    bool changed = false;
    if (ImGui::BeginCombo("##pick", preview.c_str())) {
        if (ImGui::Selectable(CurrencyAutomatic(state).c_str(), !v.set))
            changed = CommitSetting(state, f.key, std::string_view("default")).empty();
        for (const core::Currency& c : state.catalog.currencies)
            if (ImGui::Selectable((c.code + " - " + c.name).c_str(), v.set && c.code == v.text))
                changed = CommitSetting(state, f.key, std::string_view(c.code)).empty();
        ImGui::EndCombo();
    }
    return changed;
}

bool CatalogPick(AppState& state, const core::FieldSpec& f, const core::FieldValue& v)
{
    if (std::string(f.key) == "country")
        return CountryPick(state, f, v);
    if (std::string(f.key) == "currency")
        return CurrencyPick(state, f, v);
    const bool gpus = std::string(f.key) == "home.gpu";
    const std::string automatic = AutomaticValue(state, f);
    std::string preview = v.set ? v.text
        : automatic.empty()     ? std::string("automatic (cheapest that fits)")
                                : "automatic: " + automatic;
    auto name_of = [&](std::size_t i) { return gpus ? state.catalog.gpus[i].name : state.catalog.offers[i].name; };
    auto id_of = [&](std::size_t i) { return gpus ? state.catalog.gpus[i].id : state.catalog.offers[i].id; };
    const std::size_t count = gpus ? state.catalog.gpus.size() : state.catalog.offers.size();
    for (std::size_t i = 0; i < count; ++i)
        if (v.set && id_of(i) == v.text)
            preview = name_of(i);
    bool changed = false;
    if (ImGui::BeginCombo("##pick", preview.c_str())) {
        if (ImGui::Selectable("automatic (cheapest that fits)", !v.set))
            changed = CommitSetting(state, f.key, std::string_view("default")).empty();
        for (std::size_t i = 0; i < count; ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(name_of(i).c_str(), v.set && id_of(i) == v.text))
                changed = CommitSetting(state, f.key, std::string_view(id_of(i))).empty();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Lists a field's editor (the item just drawn) for the page's element: a decimal box for numbers, a
// checkbox, or a list of choices (catalog picks with "automatic" first).
void ExposeFieldEditor(AppState& state, const core::FieldSpec& f, const core::FieldValue& v, const std::string& label)
{
    ExposedControl c;
    c.id = f.key;
    c.label = label;
    c.description = f.help;
    switch (f.kind) {
    case core::FieldKind::boolean:
        c.role = ControlRole::checkbox;
        c.checked = v.number != 0;
        break;
    case core::FieldKind::choice:
        c.role = ControlRole::choice;
        for (std::size_t i = 0; i < f.choices.size(); ++i)
            c.options.push_back({std::to_string(i), ChoiceText(f.choices[i])});
        c.typed_text = std::to_string(static_cast<int>(v.number));
        break;
    case core::FieldKind::text: {
        c.role = ControlRole::choice;
        const bool gpus = std::string(f.key) == "home.gpu";
        const std::string automatic = AutomaticValue(state, f);
        if (std::string(f.key) == "country") {
            c.options.push_back({"", "not set (US averages)"});
            for (const core::Country& k : state.catalog.countries)
                c.options.push_back({k.code, k.name + " (" + k.code + ")"});
        } else if (std::string(f.key) == "currency") {
            c.options.push_back({"", CurrencyAutomatic(state)});
            for (const core::Currency& k : state.catalog.currencies)
                c.options.push_back({k.code, k.code + " - " + k.name});
        } else {
            c.options.push_back({"", automatic.empty() ? "automatic (cheapest that fits)" : "automatic: " + automatic});
            if (gpus)
                for (const core::GpuModel& g : state.catalog.gpus)
                    c.options.push_back({g.id, g.name});
            else
                for (const core::CloudOffer& o : state.catalog.offers)
                    c.options.push_back({o.id, o.name});
        }
        c.typed_text = v.set ? v.text : "";
        break;
    }
    case core::FieldKind::number:
    case core::FieldKind::integer:
        c.role = ControlRole::number;
        c.typed_text = v.set ? ShownNumber(f, ToShown(f, v.number, state.results.report.money)) : "";
        if (!v.set) {
            const std::string automatic = AutomaticValue(state, f);
            c.value_text = automatic.empty() ? "automatic (from the catalog)" : "automatic: " + automatic;
        }
        break;
    }
    auto it = state.field_errors.find(f.key);
    if (it != state.field_errors.end())
        c.error = it->second;
    ExposeLastItem(state, std::move(c));
}

// "Default" beside an optional field that is set: the page's element presses it as "<key>#default".
bool TakeDefaultPress(AppState& state, const core::FieldSpec& f)
{
    const std::string id = std::string(f.key) + "#default";
    ExposedControl c;
    c.id = id;
    c.role = ControlRole::button;
    c.label = std::string("Default for ") + f.label;
    ExposeLastItem(state, std::move(c));
    return TakePress(state, id);
}

} // namespace

// [SECTION] Text and layout helpers ---------------------------------------------------------------------------------

float Em(float n) { return n * ImGui::GetFontSize(); }

void RememberItem(AppState& state, const char* id)
{
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    state.test_hooks.item_rects[id] = ItemRect{min.x, min.y, max.x, max.y};
}

void HelpMarker(const char* text)
{
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    // A mouse shows the help while it hovers; a tap or click keeps it open until the next tap elsewhere
    // (a finger does not hover: a tooltip would vanish as it lifts).
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PushID(text);
    if (ImGui::IsItemClicked())
        ImGui::OpenPopup("help");
    if (ImGui::BeginPopup("help")) {
        ImGui::PushTextWrapPos(Em(24));
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    } else if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(Em(24));
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::PopID();
}

void WrappedText(const std::string& text)
{
    // ImGui 1.86 also breaks lines after ',' and '.', which splits "$2,418" across lines; this
    // breaks at spaces only. Words wider than the line are left to overflow.
    const float width = std::max(ImGui::GetContentRegionAvail().x, Em(4));
    const float space = ImGui::CalcTextSize(" ").x;
    std::string line;
    float line_width = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(pos, end - pos);
        const float w = ImGui::CalcTextSize(word.c_str()).x;
        if (!line.empty() && line_width + space + w > width) {
            ImGui::TextUnformatted(line.c_str());
            line.clear();
            line_width = 0;
        }
        line_width += (line.empty() ? 0 : space) + w;
        line += (line.empty() ? "" : " ") + word;
        pos = end + 1;
    }
    ImGui::TextUnformatted(line.c_str());
}

void TextWrappedColored(unsigned int color, const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    WrappedText(text);
    ImGui::PopStyleColor();
}

void TextWrappedDisabled(const std::string& text)
{
    TextWrappedColored(ImGui::GetColorU32(ImGuiCol_TextDisabled), text);
}

void Bullet(const std::string& text)
{
    ImGui::Bullet();
    ImGui::BeginGroup();
    WrappedText(text);
    ImGui::EndGroup();
}

std::string ReasonCourseLine(const core::Reason& reason, bool section_only)
{
    return "Course: " + (section_only ? reason.course.substr(0, reason.course.find(':')) : reason.course);
}

void ReasonBullet(const core::Reason& reason, bool section_only)
{
    ImGui::Bullet();
    ImGui::BeginGroup();
    WrappedText(reason.text);
    TextWrappedDisabled(ReasonCourseLine(reason, section_only));
    ImGui::EndGroup();
    if (section_only && ImGui::IsItemHovered())
        ImGui::SetTooltip("Course: %s", reason.course.c_str());
}

void BeginRootWindow(const char* name, int extra_flags)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin(name, nullptr, flags | extra_flags);
}

// [SECTION] The field editor ----------------------------------------------------------------------------------------

// The label with the unit the field is shown in (money in the report's currency).
std::string FieldLabel(const core::FieldSpec& f, const core::Money& money)
{
    std::string label = f.label;
    if (f.unit[0])
        label += " (" + ShownUnit(f, money) + ")";
    return label;
}

bool FieldEditor(AppState& state, const core::FieldSpec& f, float label_width)
{
    const std::string key = f.key;
    if (!state.scenario.tasks.empty() && (key == "vram_gb" || key == "burst_share_pct")) {
        // Set by the tasks of "What do you want to run?": shown, not edited here.
        const core::Scenario& used = state.results.report.scenario;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(FieldLabel(f, state.results.report.money).c_str());
        if (label_width > 0)
            ImGui::SameLine(label_width);
        ImGui::TextDisabled("%s %s (your tasks)",
                            Number(key == "vram_gb" ? used.vram_gb : used.burst_share_pct, 1).c_str(), f.unit);
        return false;
    }
    ImGui::PushID(f.key);
    const core::FieldValue v = core::GetField(state.scenario, f);
    const core::Money& money = state.results.report.money;
    const std::string label = FieldLabel(f, money);

    // Label beside the input when there is room, above it on narrow screens.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", f.help);
    if (label_width > 0)
        ImGui::SameLine(label_width);
    const float reset_width = f.optional && v.set ? Em(4.5f) : 0.0f;
    ImGui::SetNextItemWidth(-1.0f - reset_width);

    // Every change goes through CommitSetting (the core's rule, the error kept under the field's key).
    bool changed = false;
    auto commit = [&](auto value) { changed = CommitSetting(state, f.key, value).empty() || changed; };
    switch (f.kind) {
    case core::FieldKind::boolean: {
        bool b = v.number != 0;
        if (ImGui::Checkbox("##v", &b))
            commit(b ? 1.0 : 0.0);
        break;
    }
    case core::FieldKind::choice: {
        int index = static_cast<int>(v.number);
        const std::string preview =
            index >= 0 && index < static_cast<int>(f.choices.size()) ? ChoiceText(core::At(f.choices, index)) : "";
        if (ImGui::BeginCombo("##v", preview.c_str())) {
            for (std::size_t i = 0; i < f.choices.size(); ++i)
                if (ImGui::Selectable(ChoiceText(f.choices[i]).c_str(), static_cast<int>(i) == index))
                    commit(static_cast<double>(i));
            ImGui::EndCombo();
        }
        break;
    }
    case core::FieldKind::text: changed = CatalogPick(state, f, v); break;
    case core::FieldKind::number:
    case core::FieldKind::integer:
        if (f.optional && !v.set) {
            // Unset optional: an empty box with a hint; typing a valid number overrides the default.
            std::string& buffer = state.edit_buffers[f.key];
            const std::string automatic = AutomaticValue(state, f);
            const std::string hint = automatic.empty() ? "automatic (from the catalog)" : "automatic: " + automatic;
            if (ImGui::InputTextWithHint("##v", hint.c_str(), &buffer, ImGuiInputTextFlags_CharsScientific)) {
                if (const std::optional<double> typed = ParseShown(f, buffer, money)) {
                    commit(*typed);
                    if (changed)
                        buffer.clear();
                }
            }
        } else if (f.kind == core::FieldKind::integer) {
            int i = static_cast<int>(v.number);
            if (ImGui::InputInt("##v", &i))
                commit(static_cast<double>(i));
        } else {
            double d = ToShown(f, v.number, money); // money in the currency shown
            const double step = StepFor(f, d);
            if (ImGui::InputDouble("##v", &d, step, step * 10, IsMoneyField(f) ? "%.4g" : "%.6g"))
                commit(FromShown(f, d, money));
        }
        break;
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", f.help);
    ExposeFieldEditor(state, f, v, label);
    if (f.optional && v.set) {
        ImGui::SameLine();
        if (ImGui::Button("Default", ImVec2(Em(4.5f) - ImGui::GetStyle().ItemSpacing.x, 0)) ||
            TakeDefaultPress(state, f))
            commit(std::string_view("default"));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Back to the automatic value from the catalog.");
    }

    auto it = state.field_errors.find(f.key);
    if (it != state.field_errors.end())
        TextWrappedColored(colors::kError, it->second);
    ImGui::PopID();
    return changed;
}

} // namespace labcalc::ui
