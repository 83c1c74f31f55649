// The report as JSON (the contract: docs/report-schema.md), text, CSV and Markdown.
// Sections (each opens with a "[SECTION]" line):
//   Writing helpers
//   JSON
//   Plain text
//   CSV
//   Markdown
#include <cctype>
#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "core/flip_points.hpp"
#include "core/formulas.hpp"
#include "core/index.hpp"
#include "core/report.hpp"
#include "core/report_json.hpp"
#include "core/rules.hpp"
#include "core/sampling_job.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/url_state.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

// [SECTION] Writing helpers -----------------------------------------------------------------------------------------

// A string builder with the ostream << syntax the text reports use. std::ostringstream would pull
// libc++'s locale and iostream machinery (~50 KB of wasm) into every program that links the
// core, the web page included; the reports stream only text and integers.
class TextOut {
public:
    TextOut& operator<<(std::string_view s)
    {
        text_.append(s);
        return *this;
    }
    TextOut& operator<<(const char* s) { return *this << std::string_view(s); }
    TextOut& operator<<(const std::string& s) { return *this << std::string_view(s); }
    TextOut& operator<<(char c)
    {
        text_.push_back(c);
        return *this;
    }
    template <
        typename T,
        typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, char> && !std::is_same_v<T, bool>>>
    TextOut& operator<<(T v)
    {
        return *this << std::to_string(v);
    }
    TextOut& operator<<(double) = delete; // numbers go through FormatFixed / FormatNumber
    std::string str() const { return text_; }

private:
    std::string text_;
};

json Finite(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// The workload builder's result: each task's memory and hours, the sums the model used, and any limit applied.
json WorkloadJson(const Workload& w)
{
    json j = json::object();
    json tasks = json::array();
    for (const TaskResult& t : w.tasks)
        tasks.push_back(
            {{"label", t.label}, {"vram_gb", t.vram_gb}, {"hours_per_week", t.hours_per_week}, {"bursty", t.bursty}});
    j["tasks"] = tasks;
    j["vram_gb"] = w.vram_gb;
    j["hours_per_week"] = w.hours_per_week;
    j["burst_share_pct"] = w.burst_share_pct;
    j["note"] = w.note.empty() ? json(nullptr) : json(w.note);
    j["error"] = w.error.empty() ? json(nullptr) : json(w.error);
    return j;
}

// The same in words, for the text and Markdown reports.
std::string WorkloadText(const Workload& w, const std::string& heading, const std::string& bullet)
{
    std::string out = heading + "\n";
    if (!w.error.empty())
        return out + bullet + "The tasks could not be worked out: " + w.error + "; the hours and memory typed stand.\n";
    for (const TaskResult& t : w.tasks)
        out += bullet + OneLine(t.label) + ": " + FormatNumber(std::round(t.vram_gb * 10) / 10) + " GB, " +
            FormatNumber(std::round(t.hours_per_week * 10) / 10) + " h a week of an RTX 4090" +
            (t.bursty ? " (in bursts)" : "") + "\n";
    out += bullet + "Together: the largest job needs " + FormatNumber(std::round(w.vram_gb * 10) / 10) + " GB; " +
        FormatNumber(std::round(w.hours_per_week * 10) / 10) + " h a week, " +
        FormatNumber(std::round(w.burst_share_pct)) + "% in bursts\n";
    if (!w.note.empty())
        out += bullet + OneLine(w.note) + "\n";
    return out;
}

// "How sure: Cloud in about 8 of 10 likely futures (1,000 samples)" and the spread of each total.
std::string UncertaintyText(const Report& r, const std::string& bullet)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    const Uncertainty& u = *r.uncertainty;
    std::string out = "How sure: " + std::string(OptionLabel(r.recommendation)) + " " +
        SureInWords(u, r.recommendation) + " (" + std::to_string(u.samples) +
        " samples from the spreads of your inputs).\n";
    for (int o = 0; o < kOptionCount; ++o) {
        const Percentiles& p = At(u.total_usd, o);
        out += bullet + OptionLabel(static_cast<Option>(o)) + ": best in " +
            FormatNumber(std::round(At(u.p_best, o) * 100)) + "%; total " + Shown(p.p10) + " to " + Shown(p.p90) +
            " (P10-P90, median " + Shown(p.p50) + ")\n";
    }
    if (u.break_even_month)
        out += bullet + "Break-even month (if sold): " + FormatNumber(u.break_even_month->p10) + " to " +
            FormatNumber(u.break_even_month->p90) + "; none within the horizon in " +
            FormatNumber(std::round(u.p_no_break_even * 100)) + "% of futures\n";
    if (!u.sways.empty() && u.sways.front().p_changes > 0) {
        out += bullet + "Depends most on:";
        int shown = 0;
        for (const Uncertainty::Sway& w : u.sways)
            if (w.p_changes > 0 && shown++ < 3)
                out += std::string(shown > 1 ? "," : "") + " " + w.label + " (" +
                    FormatNumber(std::round(w.p_changes * 100)) + "%" +
                    (shown == 1 ? " of futures drawn from it alone change the answer" : "") + ")";
        out += "\n";
    }
    return out;
}

json OptionJson(const OptionReport& o)
{
    json j;
    j["feasible"] = o.feasible;
    j["blockers"] = o.blockers;
    j["setup"] = o.setup;
    j["upfront_usd"] = Finite(o.cost.upfront_usd);
    j["present_value_usd"] = Finite(o.present_value_usd); // the total itself at a discount rate of 0
    j["forgone_sale_usd"] = Finite(o.cost.forgone_sale_usd);
    j["min_upfront_usd"] = Finite(o.cost.min_upfront_usd);
    // Hardware paid in instalments: the loan, its payment and what it costs within the horizon; null if paid.
    j["finance"] = o.cost.financed_usd > 0 ? json{{"financed_usd", Finite(o.cost.financed_usd)},
                                                  {"months", o.cost.finance_months},
                                                  {"usd_per_month", Finite(o.cost.finance_usd_per_month)},
                                                  {"paid_usd", Finite(o.cost.finance_paid_usd)}}
                                           : json(nullptr);
    j["monthly_usd"] = Finite(o.cost.monthly_usd);
    j["total_usd"] = Finite(o.cost.total_usd);
    j["resale_usd"] = Finite(o.cost.resale_usd);
    j["usd_per_work_hour"] = Finite(o.usd_per_work_hour);
    j["co2e_kg_per_month"] = Finite(o.cost.co2e_kg_per_month);
    j["embodied_co2e_kg"] = Finite(o.cost.embodied_co2e_kg);
    j["kwh_per_month"] = Finite(o.cost.home_kwh_per_month + o.cost.cloud_kwh_per_month);
    const MonthlyBreakdown& m = o.cost.monthly;
    j["monthly_breakdown_usd"] = {{"power", m.power_usd},          {"maintenance", m.maintenance_usd},
                                  {"gpu_hours", m.gpu_hours_usd},  {"storage", m.storage_usd},
                                  {"egress", m.egress_usd},        {"idle", m.idle_usd},
                                  {"compliance", m.compliance_usd}};
    j["cumulative_usd"] = o.cumulative_usd;
    json plan;
    plan["gpu"] = o.gpu_id.empty() ? json(nullptr) : json(o.gpu_id);
    plan["offer"] = o.offer_id.empty() ? json(nullptr) : json(o.offer_id);
    plan["gpu_count"] = o.cost.gpu_count;
    plan["offer_gpus"] = o.cost.offer_gpus;
    plan["load_watts"] = o.cost.load_watts;
    plan["idle_watts"] = o.cost.idle_watts;
    plan["local_work_hours_per_week"] = o.cost.local_work_hours_per_week;
    plan["local_busy_hours_per_week"] = o.cost.local_busy_hours_per_week;
    plan["local_on_hours_per_week"] = o.cost.local_on_hours_per_week;
    plan["cloud_work_hours_per_week"] = o.cost.cloud_work_hours_per_week;
    plan["cloud_gpu_hours_per_week"] = o.cost.cloud_gpu_hours_per_week;
    plan["capacity_work_hours_per_week"] = o.cost.capacity_work_hours_per_week;
    plan["burst_share_to_cloud"] = o.cost.burst_share_to_cloud;
    plan["bursts_queue"] = o.cost.bursts_queue;
    j["plan"] = plan;
    json f;
    for (int i = 0; i < kFactorCount; ++i)
        f[FactorKey(static_cast<Factor>(i))] = At(o.factors, i);
    j["factors"] = f;
    j["factor_score"] = o.factor_score;
    j["rules_matched"] = o.rules_matched;
    j["score"] = o.score;
    return j;
}

// Hardware paid in instalments, as a table cell: "$212 x 24" ("-" when paid up front).
bool AnyFinanced(const Report& r)
{
    for (const OptionReport& o : r.options)
        if (o.cost.financed_usd > 0)
            return true;
    return false;
}
std::string Instalments(const OptionReport& o, const Money& money)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, money); };
    return o.cost.financed_usd > 0 ? Shown(o.cost.finance_usd_per_month) + " x " + std::to_string(o.cost.finance_months)
                                   : std::string("-");
}

std::string Pad(const std::string& s, std::size_t n) { return s.size() >= n ? s : s + std::string(n - s.size(), ' '); }
std::string PadLeft(const std::string& s, std::size_t n)
{
    return s.size() >= n ? s : std::string(n - s.size(), ' ') + s;
}

// An input's value in words, as the page shows it ("on premises only", "yes", "automatic").
std::string FieldInWords(const Scenario& s, const FieldSpec& f)
{
    const FieldValue v = GetField(s, f);
    if (!v.set)
        return "automatic";
    switch (f.kind) {
    case FieldKind::boolean: return v.number != 0 ? "yes" : "no";
    case FieldKind::choice: {
        const std::size_t i = static_cast<std::size_t>(v.number);
        std::string word = i < f.choices.size() ? f.choices[i] : "";
        for (char& c : word)
            c = c == '_' ? ' ' : c;
        return word;
    }
    case FieldKind::text: return v.text;
    default: return FormatNumber(v.number) + (f.unit[0] ? std::string(" ") + f.unit : "");
    }
}

// A flip point in the keys the command line takes back (--set): "hours_per_week above 27.931 -> home". The
// page's words are FlipInWords (flip_points.hpp), used by the Markdown export.
std::string FlipSentence(const FlipPoint& f)
{
    if (!f.value)
        return f.input + ": " + f.note;
    const std::string key = f.to ? OptionKey(*f.to) : "";
    const std::string to = f.to_fits ? key : "nothing fits (" + key + " closest)";
    if (f.direction == FlipDirection::stricter || f.direction == FlipDirection::looser)
        return f.input + " = " + f.value_text + " -> " + to;
    return f.input + " " + FlipDirectionKey(f.direction) + " " + f.value_text + " -> " + to;
}

// The figure a working's value comes from, when the report lists it among the figures used ("figure
// home.cooling_overhead_pct", "catalog GPU rtx4090", "catalog offer runpod-4090 (spot)").
const AssumptionUsed* OriginFigure(const std::string& origin, const Report& r)
{
    std::string id;
    if (origin.rfind("figure ", 0) == 0)
        id = origin.substr(7);
    else if (origin.rfind("catalog GPU ", 0) == 0)
        id = "gpu." + origin.substr(12) + ".price_usd";
    else if (origin.rfind("catalog offer ", 0) == 0) {
        const std::string rest = origin.substr(14);
        const bool spot = rest.size() > 7 && rest.compare(rest.size() - 7, 7, " (spot)") == 0;
        id = "offer." + (spot ? rest.substr(0, rest.size() - 7) : rest) +
            (spot ? ".spot_usd_per_gpu_hour" : ".usd_per_gpu_hour");
    }
    for (const AssumptionUsed& a : r.assumptions)
        if (!id.empty() && a.id == id)
            return &a;
    return nullptr;
}

std::string OriginInWords(const WorkingTerm& t, const Report& r)
{
    if (const AssumptionUsed* a = OriginFigure(t.origin, r))
        return t.origin + ": " + a->source + ", " + a->date;
    return t.origin;
}

json WorkingJson(const Working& w, const Report& r)
{
    json terms = json::array();
    for (const WorkingTerm& t : w.terms) {
        json term = {
            {"symbol", t.symbol}, {"name", t.name}, {"value", Finite(t.value)}, {"unit", t.unit}, {"origin", t.origin}};
        if (const AssumptionUsed* a = OriginFigure(t.origin, r)) {
            term["source"] = a->source;
            term["date"] = a->date;
        }
        if (!t.working.empty())
            term["working"] = t.working;
        terms.push_back(term);
    }
    return {{"id", w.id},           {"title", w.title},           {"symbols", w.symbols},
            {"numbers", w.numbers}, {"result", Finite(w.result)}, {"unit", w.unit},
            {"terms", terms}};
}

std::string WorkingText(const Working& w, const Report& r, const char* bullet)
{
    std::string out = w.title + " (" + w.id + ")\n";
    out += "  = " + w.symbols + "\n";
    out += "  = " + w.numbers + "\n";
    out += "  = " + ShownValue(w.result) + " " + w.unit + "\n";
    for (const WorkingTerm& t : w.terms)
        out += std::string(bullet) + t.symbol + " = " + ShownValue(t.value) + (t.unit.empty() ? "" : " " + t.unit) +
            ": " + t.name + " (" + OriginInWords(t, r) + ")\n";
    return out;
}

} // namespace

// [SECTION] JSON ----------------------------------------------------------------------------------------------------

std::string ReportToJson(const Report& r, int indent)
{
    // Every string in a report comes from checked input, but a report must never throw while being
    // written: invalid UTF-8 would be replaced, not thrown on.
    return ReportJson(r).dump(indent, ' ', false, json::error_handler_t::replace);
}

json ReportJson(const Report& r)
{
    json j;
    // labcalc.report/4: every key the schema lists is always there; null (or 0, [] for amounts and lists) says
    // it does not apply, so a reader never has to tell a missing key from an old report.
    j["schema"] = "labcalc.report/4";
    j["currency"] = {{"code", r.money.code},
                     {"symbol", r.money.symbol},
                     {"per_usd", r.money.per_usd},
                     {"chosen_by", r.money.chosen_by},
                     {"rate_source", r.money.rate_source.empty() ? json(nullptr) : json(r.money.rate_source)},
                     {"rate_date", r.money.rate_date.empty() ? json(nullptr) : json(r.money.rate_date)}};
    j["recommendation"] = OptionKey(r.recommendation);
    j["margin"] = r.margin;
    j["runner_up"] = OptionKey(r.runner_up);
    j["any_feasible"] = r.any_feasible;
    j["reasons"] = nlohmann::json::array();
    for (const Reason& reason : r.reasons)
        j["reasons"].push_back({{"text", reason.text}, {"course", reason.course}});
    j["break_even_month"] = r.break_even_month ? json(*r.break_even_month) : json(nullptr);
    j["break_even_month_owning"] = r.break_even_month_owning ? json(*r.break_even_month_owning) : json(nullptr);
    j["break_even_month_discounted"] =
        r.break_even_month_discounted ? json(*r.break_even_month_discounted) : json(nullptr);
    json flips = json::array();
    for (const FlipPoint& f : r.flip_points) {
        json fj = {
            {"input", f.input},
            {"value", f.value ? json(*f.value) : json(nullptr)},
            {"to", f.to ? json(OptionKey(*f.to)) : json(nullptr)},
            {"direction", f.direction == FlipDirection::none ? json(nullptr) : json(FlipDirectionKey(f.direction))}};
        fj["value_text"] = f.value ? json(f.value_text) : json(nullptr);
        fj["to_fits"] = f.value ? json(f.to_fits) : json(nullptr);
        fj["note"] = f.value ? json(nullptr) : json(f.note);
        flips.push_back(fj);
    }
    j["flip_points"] = flips;
    j["scenario"] = ScenarioToJson(r.scenario);
    j["workload"] = r.scenario.tasks.empty() ? json(nullptr) : WorkloadJson(r.workload);
    j["uncertainty"] = r.uncertainty ? UncertaintyToJson(*r.uncertainty) : json(nullptr);
    j["electricity_usd_per_kwh"] = r.electricity_usd_per_kwh;
    json assumptions = json::array();
    for (const AssumptionUsed& a : r.assumptions) {
        assumptions.push_back({{"id", a.id},
                               {"label", a.label},
                               {"value", a.value},
                               {"unit", a.unit},
                               {"source", a.source},
                               {"date", a.date},
                               {"stale", a.stale},
                               {"overridden", a.overridden},
                               {"note", a.note.empty() ? json(nullptr) : json(a.note)}});
    }
    j["assumptions"] = assumptions;
    json options;
    for (const OptionReport& o : r.options)
        options[OptionKey(o.option)] = OptionJson(o);
    j["options"] = options;
    json rules = json::array();
    for (const RuleCheck& rc : r.rules)
        rules.push_back({{"option", RuleOptionKey(rc.option)},
                         {"section", rc.section},
                         {"rule", rc.rule},
                         {"matched", rc.matched},
                         {"why", rc.why}});
    j["rules"] = rules;
    j["catalog_as_of"] = r.catalog_as_of;
    j["report_date"] = r.report_date;
    json workings = json::array(); // empty unless the face asked for them
    for (const Working& w : r.workings)
        workings.push_back(WorkingJson(w, r));
    j["workings"] = workings;
    return j;
}

// [SECTION] Plain text ----------------------------------------------------------------------------------------------

// The currency amounts are shown in, and its rate, when it is not the model's US dollars.
std::string MoneyLine(const Report& r)
{
    const Money& m = r.money;
    if (m.code == "USD")
        return "";
    return "Money in " + m.code + " at " + FormatRounded(m.per_usd, m.per_usd < 10 ? 4 : 2) + " " + m.code +
        " per US dollar (" + m.rate_source + ", " + m.rate_date + "); the model works in US dollars.";
}

std::string ReportToText(const Report& r)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    TextOut out;
    const OptionReport* win = nullptr;
    for (const OptionReport& o : r.options)
        if (o.option == r.recommendation)
            win = &o;
    if (r.any_feasible)
        out << "Recommendation: " << (win ? win->label : std::string(OptionLabel(r.recommendation))) << "  (margin "
            << FormatFixed(r.margin, 2) << " points)\n\n";
    else
        out << "Nothing fits yet: " << (win ? win->label : std::string(OptionLabel(r.recommendation)))
            << " comes closest (see below for what to change)\n\n";
    if (const std::string money = MoneyLine(r); !money.empty())
        out << money << "\n\n";
    if (r.uncertainty)
        out << UncertaintyText(r, "  - ") << "\n";
    out << "Why:\n";
    for (const Reason& reason : r.reasons)
        out << "  - " << OneLine(reason.text) << "\n      (course: " << OneLine(reason.course) << ")\n";
    out << "\n" << Pad("", 22) << PadLeft("Home lab", 14) << PadLeft("Cloud", 14) << PadLeft("Hybrid", 14) << "\n";
    auto row = [&](const std::string& label, auto get) {
        out << Pad(label, 22);
        for (const OptionReport& o : r.options)
            out << PadLeft(get(o), 14);
        out << "\n";
    };
    row("Fits your limits", [](const OptionReport& o) { return std::string(o.feasible ? "yes" : "NO"); });
    row("Up front", [&](const OptionReport& o) { return Shown(o.cost.upfront_usd); });
    if (AnyFinanced(r))
        row("Instalments", [&](const OptionReport& o) { return Instalments(o, r.money); });
    row("Per month", [&](const OptionReport& o) { return Shown(o.cost.monthly_usd); });
    row("Resale at the end", [&](const OptionReport& o) { return Shown(o.cost.resale_usd); });
    row("Total over horizon", [&](const OptionReport& o) { return Shown(o.cost.total_usd); });
    row("Per hour of work", [&](const OptionReport& o) { return Shown(o.usd_per_work_hour); });
    if (r.scenario.discount_rate_pct > 0)
        row("Present value", [&](const OptionReport& o) { return Shown(o.present_value_usd); });
    row("kg CO2e over horizon", [&](const OptionReport& o) {
        return FormatNumber(std::round(o.cost.co2e_kg_per_month * r.scenario.horizon_months + o.cost.embodied_co2e_kg));
    });
    row("Score (0-10 + rules)", [](const OptionReport& o) { return FormatFixed(o.score, 2); });
    if (!r.scenario.tasks.empty())
        out << "\n" << WorkloadText(r.workload, "What you want to run:", "  - ");
    out << "\nSetups:\n";
    for (const OptionReport& o : r.options)
        out << "  " << Pad(o.label + ":", 10) << OneLine(o.setup) << "\n";
    const std::string not_within = "not within " + std::to_string(r.scenario.horizon_months) + " months";
    out << "\nBreak-even (home vs cloud): "
        << (r.break_even_month_owning ? "month " + std::to_string(*r.break_even_month_owning) : not_within)
        << " while owning; " << (r.break_even_month ? "month " + std::to_string(*r.break_even_month) : not_within)
        << " if sold at the end\n";
    if (r.scenario.discount_rate_pct > 0)
        out << "Discounted at " << FormatNumber(r.scenario.discount_rate_pct) << "% a year: break-even "
            << (r.break_even_month_discounted ? "month " + std::to_string(*r.break_even_month_discounted) : not_within)
            << " if sold at the end\n";
    out << "\nComparison matrix (0 worst - 10 best; weight):\n";
    for (int i = 0; i < kFactorCount; ++i) {
        out << "  " << Pad(FactorLabel(static_cast<Factor>(i)), 20);
        for (const OptionReport& o : r.options)
            out << PadLeft(FormatFixed(At(o.factors, i), 1), 14);
        out << PadLeft("x" + FormatNumber(At(r.scenario.weights, i)), 8) << "\n";
    }
    out << "\nWhat would change it:\n";
    for (const FlipPoint& f : r.flip_points)
        out << "  - " << OneLine(FlipSentence(f)) << "\n";
    int stale = 0;
    for (const AssumptionUsed& a : r.assumptions)
        stale += a.stale ? 1 : 0;
    out << "\n"
        << r.assumptions.size() << " figures used (" << stale
        << " older than the catalog's freshness limit); --format json lists each with its source.\n";
    for (const AssumptionUsed& a : r.assumptions)
        if (!a.note.empty())
            out << "  - " << OneLine(a.label) << ": " << OneLine(a.note) << "\n";
    return out.str();
}

// [SECTION] CSV -----------------------------------------------------------------------------------------------------

std::string ReportToCsv(const Report& r)
{
    TextOut out;
    out << "month";
    for (const OptionReport& o : r.options)
        out << "," << OptionKey(o.option) << "_cumulative_usd";
    for (const OptionReport& o : r.options)
        out << "," << OptionKey(o.option) << "_monthly_usd";
    // In the person's currency too (the rate is the report's `currency`), so a spreadsheet needs no rate.
    const bool other = r.money.code != "USD";
    std::string code = r.money.code;
    for (char& ch : code)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (other)
        for (const char* what : {"_cumulative_", "_monthly_"})
            for (const OptionReport& o : r.options)
                out << "," << OptionKey(o.option) << what << code;
    out << "\n";
    const std::size_t months = r.options.empty() ? 0 : r.options[0].cumulative_usd.size();
    for (std::size_t m = 0; m < months; ++m) {
        out << m;
        for (const OptionReport& o : r.options)
            out << "," << FormatFixed(o.cumulative_usd[m], 2);
        for (const OptionReport& o : r.options)
            out << "," << FormatFixed(m == 0 ? 0.0 : o.cost.monthly_usd, 2);
        if (other) {
            for (const OptionReport& o : r.options)
                out << "," << FormatFixed(FromUsd(o.cumulative_usd[m], r.money), 2);
            for (const OptionReport& o : r.options)
                out << "," << FormatFixed(FromUsd(m == 0 ? 0.0 : o.cost.monthly_usd, r.money), 2);
        }
        out << "\n";
    }
    return out.str();
}

// [SECTION] Markdown ------------------------------------------------------------------------------------------------

std::string ReportToMarkdown(const Report& r)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    TextOut out;
    const OptionReport* win = nullptr;
    for (const OptionReport& o : r.options)
        if (o.option == r.recommendation)
            win = &o;
    if (r.any_feasible)
        out << "# labcalc: " << (win ? win->label : std::string(OptionLabel(r.recommendation))) << "\n\nMargin "
            << FormatFixed(r.margin, 2) << " points; report of ";
    else
        out << "# labcalc: nothing fits yet (" << (win ? win->label : std::string(OptionLabel(r.recommendation)))
            << " comes closest)\n\nReport of ";
    out << r.report_date << ", prices as of " << r.catalog_as_of << ".\n\n";
    if (const std::string money = MoneyLine(r); !money.empty())
        out << MarkdownText(money) << "\n\n";
    if (r.uncertainty)
        out << UncertaintyText(r, "- ") << "\n";
    out << "## Why\n\n";
    for (const Reason& reason : r.reasons)
        out << "- " << MarkdownText(reason.text) << " *(course: " << MarkdownText(reason.course) << ")*\n";
    if (!r.scenario.tasks.empty())
        out << "\n" << WorkloadText(r.workload, "## What you want to run\n", "- ");
    out << "\n## Costs over " << r.scenario.horizon_months << " months\n\n";
    out << "| | Home lab | Cloud | Hybrid |\n|---|---:|---:|---:|\n";
    auto row = [&](const char* label, auto get) {
        out << "| " << label;
        for (const OptionReport& o : r.options)
            out << " | " << get(o);
        out << " |\n";
    };
    row("Fits your limits", [](const OptionReport& o) { return std::string(o.feasible ? "yes" : "no"); });
    row("Setup", [](const OptionReport& o) { return MarkdownText(o.setup); });
    row("Up front", [&](const OptionReport& o) { return Shown(o.cost.upfront_usd); });
    if (AnyFinanced(r))
        row("Instalments", [&](const OptionReport& o) { return Instalments(o, r.money); });
    row("Per month", [&](const OptionReport& o) { return Shown(o.cost.monthly_usd); });
    row("Total", [&](const OptionReport& o) { return Shown(o.cost.total_usd); });
    if (r.scenario.discount_rate_pct > 0)
        row("Present value", [&](const OptionReport& o) { return Shown(o.present_value_usd); });
    row("kg CO2e over the horizon", [&](const OptionReport& o) {
        return FormatNumber(std::round(o.cost.co2e_kg_per_month * r.scenario.horizon_months + o.cost.embodied_co2e_kg));
    });
    row("Score", [](const OptionReport& o) { return FormatFixed(o.score, 2); });
    out << "\nBreak-even (home vs cloud): "
        << (r.break_even_month_owning ? "month " + std::to_string(*r.break_even_month_owning)
                                      : "not within the horizon")
        << " while owning; "
        << (r.break_even_month ? "month " + std::to_string(*r.break_even_month) : "not within the horizon")
        << " if sold at the end.\n";
    if (r.scenario.discount_rate_pct > 0)
        out << "Discounted at " << FormatNumber(r.scenario.discount_rate_pct) << "% a year: break-even "
            << (r.break_even_month_discounted ? "month " + std::to_string(*r.break_even_month_discounted)
                                              : "not within the horizon")
            << " if sold at the end.\n";
    out << "\n## Comparison matrix (0-10)\n\n| Factor | Home lab | Cloud | Hybrid | Weight "
           "|\n|---|---:|---:|---:|---:|\n";
    for (int i = 0; i < kFactorCount; ++i) {
        out << "| " << FactorLabel(static_cast<Factor>(i));
        for (const OptionReport& o : r.options)
            out << " | " << FormatFixed(At(o.factors, i), 1);
        out << " | " << FormatNumber(At(r.scenario.weights, i)) << " |\n";
    }
    out << "\n## What would change it\n\n";
    for (const FlipPoint& f : r.flip_points)
        out << "- " << MarkdownText(FlipInWords(f, r.money)) << "\n";
    out << "\n## Your inputs\n\n";
    for (const FieldSpec& f : ScenarioFields())
        out << "- " << MarkdownText(f.label) << ": " << MarkdownText(FieldInWords(r.scenario, f)) << "\n";
    for (int i = 0; i < kFactorCount; ++i)
        out << "- Weight of " << MarkdownText(FactorLabel(static_cast<Factor>(i))) << ": "
            << FormatNumber(At(r.scenario.weights, i)) << "\n";
    for (const auto& [id, value] : r.scenario.assumptions)
        out << "- Your figure " << MarkdownText(id) << ": " << FormatNumber(value) << "\n";
    out << "\nThis scenario as a link part for the labcalc page (add it after `index.html`): `#"
        << EncodeScenarioFragment(r.scenario) << "`\n";
    out << "\n## Figures used\n\n";
    for (const AssumptionUsed& a : r.assumptions)
        out << "- " << MarkdownText(a.label) << ": " << FormatNumber(a.value) << " " << MarkdownText(a.unit) << " ("
            << MarkdownText(a.source) << ", " << MarkdownText(a.date) << (a.stale ? ", stale" : "") << ")"
            << (a.note.empty() ? "" : " " + MarkdownText(a.note)) << "\n";
    if (!r.workings.empty()) {
        out << "\n## Worked solution\n\nEach figure as its formula, then with this scenario's values put in.\n";
        for (const Working& w : r.workings) {
            out << "\n### " << MarkdownText(w.title) << "\n\n";
            out << "`" << w.symbols << "`\n\n`= " << w.numbers << "`\n\n`= " << ShownValue(w.result) << " " << w.unit
                << "`\n\n";
            for (const WorkingTerm& t : w.terms)
                out << "- `" << t.symbol << "` = " << ShownValue(t.value) << (t.unit.empty() ? "" : " " + t.unit)
                    << ": " << MarkdownText(t.name) << " (" << MarkdownText(OriginInWords(t, r)) << ")\n";
        }
    }
    return out.str();
}

std::string WorkingToText(const Working& w, const Report& r) { return WorkingText(w, r, "  - "); }

std::string WorkingTermOrigin(const WorkingTerm& t, const Report& r) { return OriginInWords(t, r); }

} // namespace labcalc::core
