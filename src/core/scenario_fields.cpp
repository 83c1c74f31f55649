// The table of scenario inputs and the one place their rules are checked.
// Sections (each opens with a "[SECTION]" line):
//   The field table: how each input is reached and its rules
//   Rules in words and plain-number reading
//   Public API: look up, read and set a field
//   Numbers as people type them
//   Settings: typed text, unset, key=value
#include "core/scenario_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/index.hpp"
#include "core/task_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

// [SECTION] The field table: how each input is reached and its rules ------------------------------------------------

// How to reach a field inside a Scenario. Exactly one member is set per field.
struct Access {
    double* (*number)(Scenario&) = nullptr;
    std::optional<double>* (*opt_number)(Scenario&) = nullptr;
    int* (*integer)(Scenario&) = nullptr;
    std::optional<int>* (*opt_integer)(Scenario&) = nullptr;
    bool* (*boolean)(Scenario&) = nullptr;
    std::optional<std::string>* (*text)(Scenario&) = nullptr;
    int (*choice_get)(const Scenario&) = nullptr;
    void (*choice_set)(Scenario&, int) = nullptr;
};

struct Entry {
    FieldSpec spec;
    Access access;
};

// An Access with only `Member` set (the one way each field is reached).
template <auto Member, class Accessor>
Access Only(Accessor accessor)
{
    Access a;
    a.*Member = accessor;
    return a;
}
Access Num(double* (*f)(Scenario&)) { return Only<&Access::number>(f); }
Access OptNum(std::optional<double>* (*f)(Scenario&)) { return Only<&Access::opt_number>(f); }
Access Int(int* (*f)(Scenario&)) { return Only<&Access::integer>(f); }
Access OptInt(std::optional<int>* (*f)(Scenario&)) { return Only<&Access::opt_integer>(f); }
Access Bool(bool* (*f)(Scenario&)) { return Only<&Access::boolean>(f); }
Access Text(std::optional<std::string>* (*f)(Scenario&)) { return Only<&Access::text>(f); }
Access Choice(int (*get)(const Scenario&), void (*set)(Scenario&, int))
{
    Access a;
    a.choice_get = get;
    a.choice_set = set;
    return a;
}

const std::vector<Entry>& Entries()
{
    using K = FieldKind;
    static const std::vector<Entry> kEntries = {
        // The three headline inputs.
        {{"budget_usd",
          "Budget up front",
          "USD",
          "Money you can spend on hardware now.",
          K::number,
          0,
          1e7,
          false,
          {},
          true},
         Num([](Scenario& s) { return &s.budget_usd; })},
        {{"hours_per_week",
          "Work per week",
          "h/week",
          "Hours of work per week, counted as hours one RTX 4090 would need (a faster GPU needs fewer, a slower one "
          "more).",
          K::number,
          0,
          168,
          false,
          {},
          true},
         Num([](Scenario& s) { return &s.hours_per_week; })},
        {{"privacy",
          "Privacy need",
          "",
          "The strictest class of data you work with.",
          K::choice,
          0,
          3,
          false,
          {"public", "internal", "confidential", "on_premises_only"},
          true},
         Choice([](const Scenario& s) { return static_cast<int>(s.privacy); },
                [](Scenario& s, int v) { s.privacy = static_cast<Privacy>(v); })},
        // The rest of the situation.
        {{"monthly_budget_usd",
          "Budget per month",
          "USD/month",
          "What you can spend each month on running costs.",
          K::number,
          0,
          1e6,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.monthly_budget_usd; })},
        {{"sensitive_work_pct",
          "Work on that data",
          "%",
          "Share of the work that touches data of the strictest class.",
          K::number,
          0,
          100,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.sensitive_work_pct; })},
        {{"horizon_months",
          "Horizon",
          "months",
          "How long you plan for; costs are summed over it.",
          K::integer,
          1,
          120,
          false,
          {},
          false},
         Int([](Scenario& s) { return &s.horizon_months; })},
        {{"discount_rate_pct",
          "Discount rate",
          "%/year",
          "What money later is worth to you against money now: 0 counts every dollar alike; the interest your "
          "savings earn or your loan costs is a fair rate (US public projects use 3% and 7%, OMB Circular A-4). "
          "It gives each option's present value and a discounted break-even beside the plain ones.",
          K::number,
          0,
          50,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.discount_rate_pct; })},
        {{"country",
          "Where you live",
          "",
          "A catalog country (ISO code, e.g. DE, IN): its household electricity price and its grid's carbon "
          "intensity; unset: the US averages.",
          K::text,
          0,
          0,
          true,
          {},
          false},
         Text([](Scenario& s) { return &s.country; })},
        {{"currency",
          "Show money in",
          "",
          "A catalog currency (ISO code, e.g. EUR, INR, JPY): every amount is shown and typed in it, at the "
          "European Central Bank's dated reference rate; unset: your country's money, else US dollars. The model "
          "itself works in US dollars, the catalog's.",
          K::text,
          0,
          0,
          true,
          {},
          false},
         Text([](Scenario& s) { return &s.currency; })},
        {{"electricity_usd_per_kwh",
          "Electricity price",
          "USD/kWh",
          "Your tariff; unset uses the catalog's average.",
          K::number,
          0,
          5,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.electricity_usd_per_kwh; })},
        {{"vram_gb",
          "VRAM of the largest job",
          "GB",
          "GPU memory your largest model or job needs.",
          K::number,
          1,
          4096,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.vram_gb; })},
        {{"burst_share_pct",
          "Work in bursts",
          "%",
          "Workload shape: 0 = steady every week, 100 = all in occasional bursts.",
          K::number,
          0,
          100,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.burst_share_pct; })},
        {{"remote_collaborators",
          "Remote collaborators",
          "people",
          "People who work with you from elsewhere.",
          K::integer,
          0,
          10000,
          false,
          {},
          false},
         Int([](Scenario& s) { return &s.remote_collaborators; })},
        {{"experience",
          "Experience",
          "",
          "Your experience with AI infrastructure.",
          K::choice,
          0,
          2,
          false,
          {"beginner", "intermediate", "advanced"},
          false},
         Choice([](const Scenario& s) { return static_cast<int>(s.experience); },
                [](Scenario& s, int v) { s.experience = static_cast<Experience>(v); })},
        {{"learn_hardware",
          "Want to learn hardware",
          "",
          "You want hands-on hardware and system administration experience.",
          K::boolean,
          0,
          1,
          false,
          {},
          false},
         Bool([](Scenario& s) { return &s.learn_hardware; })},
        {{"wants_redundancy",
          "Want redundancy",
          "",
          "You want a second place to run and off-site backups.",
          K::boolean,
          0,
          1,
          false,
          {},
          false},
         Bool([](Scenario& s) { return &s.wants_redundancy; })},
        {{"internet_uptime_pct",
          "Internet reliability",
          "%",
          "Share of your working hours with a good connection.",
          K::number,
          0,
          100,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.internet_uptime_pct; })},
        {{"data_gb", "Data kept", "GB", "Data you keep for the work.", K::number, 0, 1e7, false, {}, false},
         Num([](Scenario& s) { return &s.data_gb; })},
        {{"egress_gb_per_month",
          "Data downloaded from the cloud",
          "GB/month",
          "Data you download out of the cloud each month (results, checkpoints).",
          K::number,
          0,
          1e7,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.egress_gb_per_month; })},
        // Home overrides.
        {{"home.gpu",
          "Home GPU",
          "",
          "Catalog GPU id to buy; unset picks the cheapest that fits.",
          K::text,
          0,
          0,
          true,
          {},
          false},
         Text([](Scenario& s) { return &s.home.gpu; })},
        {{"home.gpu_count",
          "Home GPUs",
          "GPUs",
          "How many GPUs to buy; unset sizes for VRAM and peak load.",
          K::integer,
          1,
          16,
          true,
          {},
          false},
         OptInt([](Scenario& s) { return &s.home.gpu_count; })},
        {{"home.hardware_usd",
          "Home machine price",
          "USD",
          "The whole home machine; unset sums catalog prices.",
          K::number,
          0,
          1e7,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.hardware_usd; })},
        {{"home.power_watts",
          "Home draw under load",
          "W",
          "The whole machine's draw while working.",
          K::number,
          0,
          100000,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.power_watts; })},
        {{"home.idle_watts",
          "Home draw when idle",
          "W",
          "The whole machine's draw when on but idle.",
          K::number,
          0,
          100000,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.idle_watts; })},
        {{"home.maintenance_usd_per_year",
          "Home maintenance",
          "USD/year",
          "Repairs and spares per year.",
          K::number,
          0,
          1e6,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.maintenance_usd_per_year; })},
        {{"home.resale_pct",
          "Home resale value",
          "%",
          "What the machine sells for at the end of the horizon, percent of its price (before the selling fee).",
          K::number,
          0,
          100,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.resale_pct; })},
        {{"spread.hours_pct",
          "Spread of your hours",
          "%",
          "How far your hours of work a week may be off, either way: each likely future draws them from this spread "
          "around your figure.",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.hours_pct; })},
        {{"spread.burst_share_pct",
          "Spread of the bursts",
          "%",
          "How far the share of work in bursts may be off, either way.",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.burst_share_pct; })},
        {{"spread.electricity_pct",
          "Spread of the tariff",
          "%",
          "How far the electricity price may move over the horizon, either way.",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.electricity_pct; })},
        {{"spread.cloud_price_pct",
          "Spread of cloud prices",
          "%",
          "How far cloud GPU prices may move over the horizon, either way (they have fallen and risen).",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.cloud_price_pct; })},
        {{"spread.hardware_price_pct",
          "Spread of hardware prices",
          "%",
          "How far the hardware's price may be off when you buy, either way.",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.hardware_price_pct; })},
        {{"spread.resale_pct",
          "Spread of the resale",
          "%",
          "How far the resale value may be off, either way (used GPUs swing).",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.resale_pct; })},
        {{"spread.on_hours_pct",
          "Spread of the hours on",
          "%",
          "How far the hours the machine is left on may be off, either way.",
          K::number,
          0,
          90,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.spreads.on_hours_pct; })},
        {{"home.sales_tax_pct",
          "Sales tax or VAT on hardware",
          "%",
          "Tax on the hardware you buy, on top of the catalog's prices (which are before tax); unset: your "
          "country's standard VAT, else none.",
          K::number,
          0,
          50,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.sales_tax_pct; })},
        {{"home.owned",
          "You already have this machine",
          "",
          "You already own the home machine (home.gpu, home.gpu_count GPUs): its price is sunk; its running cost, "
          "any upgrade and what selling it now would bring count instead.",
          K::boolean,
          0,
          1,
          false,
          {},
          false},
         Bool([](Scenario& s) { return &s.home.owned; })},
        {{"home.owned_value_usd",
          "Your machine would sell for",
          "USD",
          "What selling the machine you have would bring now, after fees; unset: its catalog price less the "
          "selling fee.",
          K::number,
          0,
          1e7,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.owned_value_usd; })},
        {{"home.upgrade_usd",
          "Upgrade to your machine",
          "USD",
          "Money you would spend now on the machine you have (a bigger power supply, more memory, ...).",
          K::number,
          0,
          1e7,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.upgrade_usd; })},
        {{"home.finance_months",
          "Pay for the hardware over",
          "months",
          "Pay for the machine (or the upgrade) in equal monthly instalments instead of up front: nothing up "
          "front, a payment each month; unset: paid up front. A loan longer than the horizon is paid off at its end.",
          K::integer,
          1,
          120,
          true,
          {},
          false},
         OptInt([](Scenario& s) { return &s.home.finance_months; })},
        {{"home.finance_apr_pct",
          "Interest on that (APR)",
          "%/year",
          "The annual percentage rate of the instalments: 0 for an interest-free plan; a bank's personal loan or a "
          "card costs more. Used only with home.finance_months.",
          K::number,
          0,
          100,
          false,
          {},
          false},
         Num([](Scenario& s) { return &s.home.finance_apr_pct; })},
        {{"home.on_hours_per_week",
          "Home machine switched on",
          "h/week",
          "Hours per week the machine is on, busy or idle (168 = always on); unset: on while it works, plus the "
          "catalog's idle share.",
          K::number,
          0,
          168,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.home.on_hours_per_week; })},
        // Cloud overrides.
        {{"cloud.offer",
          "Cloud offer",
          "",
          "Catalog offer id; unset picks the cheapest that fits.",
          K::text,
          0,
          0,
          true,
          {},
          false},
         Text([](Scenario& s) { return &s.cloud.offer; })},
        {{"cloud.provider",
          "Cloud provider kind",
          "",
          "Which kinds of provider to consider.",
          K::choice,
          0,
          3,
          false,
          {"any", "hyperscaler", "neocloud", "marketplace"},
          false},
         Choice([](const Scenario& s) { return static_cast<int>(s.cloud.provider); },
                [](Scenario& s, int v) { s.cloud.provider = static_cast<ProviderKind>(v); })},
        {{"cloud.pricing",
          "Cloud pricing",
          "",
          "On-demand, or spot (cheaper, interruptible).",
          K::choice,
          0,
          1,
          false,
          {"on_demand", "spot"},
          false},
         Choice([](const Scenario& s) { return static_cast<int>(s.cloud.pricing); },
                [](Scenario& s, int v) { s.cloud.pricing = static_cast<CloudPricing>(v); })},
        {{"cloud.usd_per_gpu_hour",
          "Cloud price per GPU-hour",
          "USD/GPU-h",
          "Replaces the chosen offer's rate.",
          K::number,
          0,
          1000,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.cloud.usd_per_gpu_hour; })},
        {{"cloud.storage_usd_per_month",
          "Cloud storage",
          "USD/month",
          "Replaces the storage cost computed from data kept.",
          K::number,
          0,
          1e7,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.cloud.storage_usd_per_month; })},
        {{"cloud.egress_usd_per_month",
          "Cloud egress",
          "USD/month",
          "Replaces the egress cost computed from data downloaded.",
          K::number,
          0,
          1e7,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.cloud.egress_usd_per_month; })},
        {{"cloud.idle_overhead_pct",
          "Idle instances",
          "%",
          "GPU-hours paid for idle or forgotten instances, share of the work's.",
          K::number,
          0,
          500,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.cloud.idle_overhead_pct; })},
        {{"cloud.speed_vs_home",
          "Cloud speed vs home",
          "x",
          "How fast a job runs on the cloud GPU against the home machine's GPU: 1 = the same hours as at home, 2 = "
          "half; unset: the catalog's speeds.",
          K::number,
          0.05,
          50,
          true,
          {},
          false},
         OptNum([](Scenario& s) { return &s.cloud.speed_vs_home; })},
    };
    return kEntries;
}

// [SECTION] Rules in words and plain-number reading -----------------------------------------------------------------

const Entry* FindEntry(std::string_view key)
{
    for (const Entry& e : Entries())
        if (key == e.spec.key)
            return &e;
    return nullptr;
}

std::string RangeRule(const FieldSpec& f)
{
    return "must be a number from " + FormatNumber(f.min_value) + " to " + FormatNumber(f.max_value) +
        (f.unit[0] ? std::string(" ") + f.unit : std::string());
}

std::string ChoiceList(const FieldSpec& f)
{
    std::string out;
    for (std::size_t i = 0; i < f.choices.size(); ++i)
        out += (i ? ", " : "") + std::string(f.choices[i]);
    return out;
}

// A number as JSON writes one (as a scenario file holds it): optional minus, digits, optional fraction,
// optional exponent. No spaces, no plus sign, no hexadecimal, no "inf" or "nan" (strtod takes all of those).
bool IsPlainNumber(std::string_view t)
{
    std::size_t i = 0;
    auto digits = [&]() {
        const std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i > start;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (!digits())
        return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == t.size();
}

bool ParseDouble(std::string_view text, double* out)
{
    if (text.empty() || text.size() > 64 || !IsPlainNumber(text))
        return false;
    std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size())
        return false;
    *out = v;
    return true;
}

} // namespace

// [SECTION] Public API: look up, read and set a field ---------------------------------------------------------------

std::optional<Factor> FactorFromKey(std::string_view key)
{
    for (int i = 0; i < kFactorCount; ++i)
        if (key == FactorKey(static_cast<Factor>(i)))
            return static_cast<Factor>(i);
    return std::nullopt;
}

const std::vector<FieldSpec>& ScenarioFields()
{
    static const std::vector<FieldSpec> kSpecs = [] {
        std::vector<FieldSpec> v;
        for (const Entry& e : Entries())
            v.push_back(e.spec);
        return v;
    }();
    return kSpecs;
}

const FieldSpec* FindField(std::string_view key)
{
    for (const FieldSpec& f : ScenarioFields())
        if (key == f.key)
            return &f;
    return nullptr;
}

FieldValue GetField(const Scenario& s_in, const FieldSpec& f)
{
    FieldValue out;
    const Entry* e = FindEntry(f.key);
    if (!e)
        return out;
    Scenario& s = const_cast<Scenario&>(s_in); // accessors are shared with the setters; nothing is written here
    const Access& a = e->access;
    if (a.number) {
        out.set = true;
        out.number = *a.number(s);
    } else if (a.opt_number) {
        if (a.opt_number(s)->has_value()) {
            out.set = true;
            out.number = **a.opt_number(s);
        }
    } else if (a.integer) {
        out.set = true;
        out.number = *a.integer(s);
    } else if (a.opt_integer) {
        if (a.opt_integer(s)->has_value()) {
            out.set = true;
            out.number = **a.opt_integer(s);
        }
    } else if (a.boolean) {
        out.set = true;
        out.number = *a.boolean(s) ? 1 : 0;
    } else if (a.choice_get) {
        out.set = true;
        out.number = a.choice_get(s);
    } else if (a.text) {
        if (a.text(s)->has_value()) {
            out.set = true;
            out.text = **a.text(s);
        }
    }
    return out;
}

Status SetFieldNumber(Scenario& s, const FieldSpec& f, double value)
{
    const Entry* e = FindEntry(f.key);
    if (!e)
        return Status::Fail(std::string("unknown key '") + f.key + "'");
    const Access& a = e->access;
    if (!std::isfinite(value))
        return Status::Fail(std::string(f.key) + ": " + (a.boolean ? "must be true or false" : RangeRule(f)) +
                            " (got " + FormatNumber(value) + ")");
    if (a.boolean) {
        if (value != 0 && value != 1)
            return Status::Fail(std::string(f.key) + ": must be true or false");
        *a.boolean(s) = value != 0;
        return Status::Ok();
    }
    if (a.choice_set) {
        const double idx = std::floor(value);
        if (idx != value || idx < 0 || idx >= static_cast<double>(f.choices.size()))
            return Status::Fail(std::string(f.key) + ": must be one of " + ChoiceList(f));
        a.choice_set(s, static_cast<int>(idx));
        return Status::Ok();
    }
    if (a.text)
        return Status::Fail(std::string(f.key) + ": must be text (a catalog id)");
    if (value < f.min_value || value > f.max_value)
        return Status::Fail(std::string(f.key) + ": " + RangeRule(f) + " (got " + FormatNumber(value) + ")");
    if (a.integer || a.opt_integer) {
        if (std::floor(value) != value)
            return Status::Fail(std::string(f.key) + ": must be a whole number (got " + FormatNumber(value) + ")");
        if (a.integer)
            *a.integer(s) = static_cast<int>(value);
        else
            *a.opt_integer(s) = static_cast<int>(value);
        return Status::Ok();
    }
    // Negative zero would print as "-0" in reports; it means zero.
    if (value == 0)
        value = 0;
    if (a.number)
        *a.number(s) = value;
    else
        *a.opt_number(s) = value;
    return Status::Ok();
}

Status SetFieldText(Scenario& s, const FieldSpec& f, std::string_view value)
{
    const Entry* e = FindEntry(f.key);
    if (!e)
        return Status::Fail(std::string("unknown key '") + f.key + "'");
    const Access& a = e->access;
    if (a.choice_set) {
        for (std::size_t i = 0; i < f.choices.size(); ++i)
            if (value == f.choices[i]) {
                a.choice_set(s, static_cast<int>(i));
                return Status::Ok();
            }
        return Status::Fail(std::string(f.key) + ": must be one of " + ChoiceList(f) + " (got '" +
                            Printable(value, 40) + "')");
    }
    if (a.text) {
        if (value.empty() || value.size() > 64)
            return Status::Fail(std::string(f.key) + ": must be a catalog id of 1 to 64 characters");
        for (char c : value)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
                return Status::Fail(std::string(f.key) + ": a catalog id has only letters, digits, '-', '_' and '.'");
        *a.text(s) = std::string(value);
        return Status::Ok();
    }
    if (a.boolean) {
        if (value == "true" || value == "1" || value == "yes") {
            *a.boolean(s) = true;
            return Status::Ok();
        }
        if (value == "false" || value == "0" || value == "no") {
            *a.boolean(s) = false;
            return Status::Ok();
        }
        return Status::Fail(std::string(f.key) + ": must be true or false");
    }
    double v = 0;
    if (!ParseDouble(value, &v))
        return Status::Fail(std::string(f.key) + ": " + RangeRule(f) + " (got '" + Printable(value, 40) + "')");
    return SetFieldNumber(s, f, v);
}

// [SECTION] Numbers as people type them -----------------------------------------------------------------------------

std::optional<double> ParseTypedNumber(std::string_view typed, std::string_view unit)
{
    if (typed.size() > 64)
        return std::nullopt;
    std::string t;
    for (char c : typed)
        if (c != '\t')
            t += c;
    auto trim = [&]() {
        while (!t.empty() && t.front() == ' ')
            t.erase(t.begin());
        while (!t.empty() && t.back() == ' ')
            t.pop_back();
    };
    trim();
    // The field's unit after the number ("20 h/week", "36 months"), and a currency sign before it.
    if (!unit.empty() && t.size() > unit.size() && t.compare(t.size() - unit.size(), unit.size(), unit) == 0) {
        t.erase(t.size() - unit.size());
        trim();
    }
    if (unit == "USD" && t.size() > 3 && t.compare(t.size() - 3, 3, "USD") == 0) {
        t.erase(t.size() - 3);
        trim();
    }
    bool negative = false;
    if (!t.empty() && t.front() == '-') {
        negative = true;
        t.erase(t.begin());
        trim();
    }
    if (!t.empty() && t.front() == '$') {
        t.erase(t.begin());
        trim();
    }
    if (!negative && !t.empty() && t.front() == '-') {
        negative = true;
        t.erase(t.begin());
    }
    // Which separator is the decimal one: a '.' when there is one; else a lone ',' not followed by a
    // group of exactly three digits (or after a leading "0"): "0,16" and "12,5" are decimals, "4,000" is not.
    const std::size_t dot = t.find('.');
    const std::size_t first_comma = t.find(',');
    const bool one_comma = first_comma != std::string::npos && t.find(',', first_comma + 1) == std::string::npos;
    bool decimal_comma = false;
    if (dot == std::string::npos && one_comma) {
        std::size_t digits_after = 0;
        while (first_comma + 1 + digits_after < t.size() &&
               std::isdigit(static_cast<unsigned char>(t[first_comma + 1 + digits_after])))
            ++digits_after;
        const bool three_then_end = digits_after == 3 && first_comma + 4 == t.size();
        decimal_comma = !three_then_end || t.compare(0, first_comma, "0") == 0;
    }
    // The integer part may hold thousands separators (',' or ' ', the same one throughout) between
    // groups of three digits; drop them after checking the grouping.
    const std::size_t int_end = decimal_comma ? first_comma : (dot == std::string::npos ? t.find_first_of("eE") : dot);
    std::string whole = t.substr(0, std::min(int_end, t.size()));
    std::string rest = int_end < t.size() ? t.substr(int_end) : std::string();
    if (decimal_comma)
        rest[0] = '.';
    char separator = 0;
    for (char c : whole)
        if (c == ',' || c == ' ') {
            if (separator && separator != c)
                return std::nullopt;
            separator = c;
        }
    if (separator) {
        std::size_t group_start = 0;
        bool first_group = true;
        for (std::size_t i = 0; i <= whole.size(); ++i)
            if (i == whole.size() || whole[i] == separator) {
                const std::size_t len = i - group_start;
                if (first_group ? (len < 1 || len > 3) : len != 3)
                    return std::nullopt;
                first_group = false;
                group_start = i + 1;
            }
        whole.erase(std::remove(whole.begin(), whole.end(), separator), whole.end());
    }
    const std::string plain = (negative ? "-" : "") + whole + rest;
    double v = 0;
    // "2e308" reads as infinity: not a number anyone typed on purpose (found by fuzz_set).
    if (!ParseDouble(plain, &v) || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// [SECTION] Settings: typed text, unset, key=value ------------------------------------------------------------------

Status SetFieldTyped(Scenario& s, const FieldSpec& f, std::string_view typed)
{
    if (f.kind != FieldKind::number && f.kind != FieldKind::integer)
        return SetFieldText(s, f, typed);
    const std::optional<double> v = ParseTypedNumber(typed, f.unit);
    if (!v)
        return Status::Fail(std::string(f.key) + ": " + RangeRule(f) + " (got '" + Printable(typed, 40) + "')");
    if (f.kind == FieldKind::integer && *v != std::floor(*v))
        return Status::Fail(std::string(f.key) + ": must be a whole number from " + FormatNumber(f.min_value) + " to " +
                            FormatNumber(f.max_value) + (f.unit[0] ? std::string(" ") + f.unit : std::string()) +
                            " (got '" + Printable(typed, 40) + "')");
    return SetFieldNumber(s, f, *v);
}

void UnsetField(Scenario& s, const FieldSpec& f)
{
    const Entry* e = FindEntry(f.key);
    if (!e || !f.optional)
        return;
    const Access& a = e->access;
    if (a.opt_number)
        a.opt_number(s)->reset();
    if (a.opt_integer)
        a.opt_integer(s)->reset();
    if (a.text)
        a.text(s)->reset();
}

Status ApplySetting(Scenario& s, std::string_view kv)
{
    const std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return Status::Fail("--set takes KEY=VALUE (got '" + Printable(kv) + "')");
    const std::string_view key = kv.substr(0, eq);
    const std::string_view value = kv.substr(eq + 1);

    if (key == "tasks")
        return SetTasksText(value, &s.tasks);
    if (key.rfind("weights.", 0) == 0) {
        const auto factor = FactorFromKey(key.substr(8));
        if (!factor)
            return Status::Fail(
                "unknown key '" + Printable(key) +
                "': weights are named initial_cost, ongoing_cost, scalability, data_privacy, maintenance, "
                "hardware_access, internet_required, learning_curve, flexibility, latency, carbon");
        double w = 0;
        if (!ParseDouble(value, &w) || !std::isfinite(w) || w < 0 || w > 10)
            return Status::Fail(Printable(key) + ": must be a number from 0 to 10");
        At(s.weights, *factor) = w == 0 ? 0.0 : w;
        return Status::Ok();
    }
    if (key.rfind("assumptions.", 0) == 0) {
        const std::string id(key.substr(12));
        double v = 0;
        if (id.empty())
            return Status::Fail("assumptions.<id>: name a catalog figure, e.g. assumptions.home.base_system_usd");
        if (id.size() > 80 ||
            id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") !=
                std::string::npos)
            return Status::Fail("assumptions." + Printable(id, 80) +
                                ": not a figure id (at most 80 letters, digits, '.', '-' and '_')");
        if (value == "default") { // back to the catalog's figure
            s.assumptions.erase(id);
            return Status::Ok();
        }
        if (!ParseDouble(value, &v) || !std::isfinite(v) || v < 0 || v > 1e9)
            return Status::Fail(Printable(key, 80) + ": must be a number from 0 to 1e9");
        s.assumptions[id] = v == 0 ? 0.0 : v;
        return Status::
            Ok(); // the id is checked against the catalog when the scenario is evaluated (CheckAssumptionIds)
    }
    const FieldSpec* f = FindField(key);
    if (!f)
        return Status::Fail("unknown key '" + Printable(key) + "' (labcalc --help lists the keys)");
    if (value == "default") {
        if (!f->optional)
            return Status::Fail(std::string(key) + ": has no catalog default to return to; give a value");
        UnsetField(s, *f);
        return Status::Ok();
    }
    return SetFieldText(s, *f, value);
}

} // namespace labcalc::core
