// The report: the evaluation put into words and curves. Everything here is derived from Evaluate's
// numbers; nothing is computed that the model does not compute.
// Sections (each opens with a "[SECTION]" line):
//   Blockers and set-ups in words
//   The headline, the options, break-even and the course rules
//   The verdict and its reasons
//   Assumptions: every figure the answer used, with its source and age
//   Public API: BuildReport
#include "core/report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/figure_ids.hpp"
#include "core/flip_points.hpp"
#include "core/formulas.hpp"
#include "core/index.hpp"
#include "core/iso_date.hpp"
#include "core/model.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"
#include "core/timeline.hpp"
#include "core/traced.hpp"
#include "core/workload.hpp"

namespace labcalc::core {
namespace {

// [SECTION] Blockers and set-ups in words ---------------------------------------------------------------------------

std::string BlockerSentence(std::uint32_t bit, const Scenario& s, const OptionCost& c, const Prepared& p,
                            const Money& money)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, money); };
    switch (bit) {
    case kOverBudget:
        return "it needs " + Shown(c.upfront_usd) + " up front, above your budget of " + Shown(s.budget_usd);
    case kOverMonthlyBudget:
        if (c.finance_usd_per_month > 0)
            return "it costs " + Shown(c.MonthlyOutlayUsd()) + " a month while its instalments run (" +
                Shown(c.finance_usd_per_month) + " of them), above your monthly budget of " +
                Shown(s.monthly_budget_usd);
        return "it costs " + Shown(c.monthly_usd) + " a month, above your monthly budget of " +
            Shown(s.monthly_budget_usd);
    case kVramTooLarge: {
        double largest = 0;
        for (const GpuModel& g : p.catalog.gpus)
            largest = std::max(largest, g.vram_gb);
        return "your largest job needs " + FormatNumber(s.vram_gb) +
            " GB of VRAM: no home machine in the catalog holds it (at most " + std::to_string(p.fig.max_gpus) + " x " +
            FormatNumber(largest) + " GB)";
    }
    case kDataMustStay: return "you have sensitive data that cannot leave your premises";
    case kNoCloudOffer:
        return "no cloud offer in the catalog fits " + FormatNumber(s.vram_gb) + " GB of VRAM for " +
            PrivacyLabel(s.privacy) + " data from provider kind '" + ProviderKey(s.cloud.provider) + "'";
    case kOverCapacity:
        return FormatNumber(s.hours_per_week) + " h/week of work is more than the largest home machine can run";
    case kNothingToSplit:
        return "all of your work is on data that must stay local (work on that data: " +
            FormatPercent(s.sensitive_work_pct) +
            "), so nothing can go to the cloud; if some of it may leave, lower that share in the advanced inputs";
    case kUnknownGpu:
        if (s.home.owned && !s.home.gpu)
            return "you already have a machine: say which GPU it has (home.gpu) so it can be priced";
        return "home.gpu '" + s.home.gpu.value_or("") + "' is not in the catalog";
    case kUnknownOffer: return "cloud.offer '" + s.cloud.offer.value_or("") + "' is not in the catalog";
    case kMixIsHomeLab:
        return "the cheapest mix keeps all of the work at home, so it is the home lab; sending bursts out would only "
               "add cost";
    default: return "blocked";
    }
}

// The part of the course a limit comes from (the disadvantage it is an instance of).
std::string BlockerCourse(std::uint32_t bit)
{
    switch (bit) {
    case kOverBudget: return "Home-Based AI Labs, Disadvantages: Upfront Capital Investment";
    case kOverMonthlyBudget: return "Cloud-Based AI Labs, Disadvantages: Ongoing Costs";
    case kVramTooLarge: return "Home-Based AI Labs, Disadvantages: Hardware Limitations";
    case kDataMustStay: return "Cloud-Based AI Labs, Disadvantages: Data Privacy Concerns";
    case kNoCloudOffer: return "Cloud-Based AI Labs, Disadvantages: Data Privacy Concerns";
    case kOverCapacity: return "Home-Based AI Labs, Disadvantages: Limited Scalability";
    case kNothingToSplit:
        return "Hybrid AI Labs: \"Keep sensitive data on-premises, use cloud for non-sensitive workloads\"";
    case kUnknownGpu: return "Comparison Matrix: Hardware Access";
    case kUnknownOffer: return "Comparison Matrix: Hardware Access";
    case kMixIsHomeLab: return "Choose Hybrid Approach When: \"You need to balance cost and performance\"";
    default: return "Comparison Matrix";
    }
}

std::vector<std::string> Blockers(const Scenario& s, const OptionCost& c, const Prepared& p, const Money& money)
{
    std::vector<std::string> out;
    for (std::uint32_t bit = 1; bit != 0 && bit <= kLastBlocker; bit <<= 1)
        if (c.blockers & bit)
            out.push_back(BlockerSentence(bit, s, c, p, money));
    return out;
}

std::string Setup(Option o, const OptionCost& c, const Prepared& p, const Scenario& s, const Money& money)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, money); };
    std::string local, cloud, off_name;
    if (c.gpu_index >= 0) {
        const GpuModel& g = At(p.catalog.gpus, c.gpu_index);
        local = s.home.owned ? "your machine (" + std::to_string(c.gpu_count) + " x " + g.name + "), already yours"
                             : std::to_string(c.gpu_count) + " x " + g.name + " + the rest of the machine";
        if (c.financed_usd > 0)
            local += ", paid in " + std::to_string(c.finance_months) + " instalments of " +
                Shown(c.finance_usd_per_month) + " at " + FormatNumber(s.home.finance_apr_pct) + "% APR";
    }
    if (c.offer_index >= 0) {
        const CloudOffer& off = At(p.catalog.offers, c.offer_index);
        const bool spot = s.cloud.pricing == CloudPricing::spot && off.spot_usd_per_gpu_hour.has_value();
        off_name = off.name;
        cloud = off.name + (c.offer_gpus > 1 ? ", " + std::to_string(c.offer_gpus) + " GPUs" : "") +
            (spot ? ", spot" : ", on demand");
    }
    switch (o) {
    case Option::home:
        return local.empty() ? "no machine fits" : local + (c.bursts_queue ? " (peak weeks queue up)" : "");
    case Option::cloud: return cloud.empty() ? "no offer fits" : cloud;
    case Option::hybrid:
        if (local.empty())
            return "no split fits";
        if (c.cloud_work_hours_per_week <= 0)
            return local + " at home for all the work; " + (cloud.empty() ? std::string("the cloud") : off_name) +
                " keeps an off-site copy of the data that may leave";
        return local + " at home; " + cloud + " for " + FormatPercent(c.burst_share_to_cloud * 100) + " of the bursts";
    }
    return "";
}

void AddAssumption(Report& r, const std::string& id, const Figure& f, bool overridden, double value)
{
    AssumptionUsed a;
    a.id = id;
    a.label = f.label;
    a.unit = f.unit;
    a.value = value;
    a.overridden = overridden;
    a.source = overridden ? "your scenario" : f.source;
    a.date = overridden ? r.report_date : f.date;
    r.assumptions.push_back(a);
}

// [SECTION] The headline, the options, break-even and the course rules ----------------------------------------------

// The report's head: the recommendation and what it was worked out with, for every face's headline.
Report Headline(const Scenario& s, const Catalog& c, const ReportSettings& settings, const Prepared& p,
                const Evaluation& e)
{
    Report r;
    r.scenario = s;
    r.report_date = settings.today;
    r.catalog_as_of = c.as_of;
    r.recommendation = e.recommended;
    r.margin = e.margin;
    r.runner_up = e.runner_up;
    r.any_feasible = e.any_feasible;
    r.electricity_usd_per_kwh = p.fig.electricity_usd_per_kwh;
    return r;
}

// One entry per option (machine or plan, limits, costs over time, scores): the tables and later steps read them.
void AddOptions(Report& r, const Prepared& p, const Scenario& s, const OptionCosts& costs, const Evaluation& e)
{
    for (int o = 0; o < kOptionCount; ++o) {
        const OptionCost& oc = At(costs, o);
        OptionReport rep;
        rep.option = static_cast<Option>(o);
        rep.label = OptionLabel(static_cast<Option>(o));
        rep.setup = Setup(static_cast<Option>(o), oc, p, s, r.money);
        if (oc.gpu_index >= 0)
            rep.gpu_id = At(p.catalog.gpus, oc.gpu_index).id;
        if (oc.offer_index >= 0)
            rep.offer_id = At(p.catalog.offers, oc.offer_index).id;
        rep.feasible = oc.Feasible();
        rep.blockers = Blockers(s, oc, p, r.money);
        rep.cost = oc;
        rep.cumulative_usd = CumulativeUsd(oc, s.horizon_months);
        rep.usd_per_work_hour = formulas::UsdPerWorkHour<double>(oc.total_usd, s.hours_per_week, s.horizon_months);
        rep.present_value_usd = formulas::PresentValueUsd<double>(oc.upfront_usd + oc.forgone_sale_usd, oc.monthly_usd,
                                                                  s.horizon_months, oc.resale_usd, s.discount_rate_pct);
        if (oc.financed_usd > 0)
            rep.present_value_usd += formulas::LoanPresentValueUsd<double>(
                oc.financed_usd, s.home.finance_apr_pct, oc.finance_months, s.horizon_months, s.discount_rate_pct);
        rep.factors = At(e.factors, o);
        rep.factor_score = At(e.factor_score, o);
        rep.score = At(e.score, o);
        rep.rules_matched = At(e.rules_matched, o);
        r.options.push_back(std::move(rep));
    }
}

bool HomeAndCloudPriced(const OptionCosts& costs) { return costs[0].gpu_index >= 0 && costs[1].offer_index >= 0; }

// The months the home lab catches up with the cloud, sold or kept: when a purchase pays off is what a buyer asks.
void AddBreakEven(Report& r, const Scenario& s, const OptionCosts& costs)
{
    if (!HomeAndCloudPriced(costs))
        return;
    r.break_even_month = BreakEvenMonth(r.options[0].cumulative_usd, r.options[1].cumulative_usd);
    // While owning: the home lab is never sold, so no resale is credited.
    OptionCost kept = costs[0];
    kept.resale_usd = 0;
    r.break_even_month_owning = BreakEvenMonth(CumulativeUsd(kept, s.horizon_months), r.options[1].cumulative_usd);
    // At a rate of 0 the discounted curves are the plain ones, and so is this month.
    r.break_even_month_discounted =
        BreakEvenMonth(DiscountedCumulativeUsd(costs[0], s.horizon_months, s.discount_rate_pct),
                       DiscountedCumulativeUsd(costs[1], s.horizon_months, s.discount_rate_pct));
}

// Every course rule, met or not, with its numbers: the course view lists them and the reasons cite them.
void AddRuleChecks(Report& r, const Prepared& p, const Scenario& s, const OptionCosts& costs, const Evaluation& e)
{
    const auto met = CheckRules(p, s, costs, e.factor_score);
    for (const RuleSpec& spec : Rules()) {
        RuleCheck rc;
        rc.option = RuleOption(spec);
        rc.rule = spec.words;
        rc.section = spec.section;
        rc.matched = met[RuleIndex(spec.id)];
        rc.why = RuleWhy(spec.id, rc.matched, s, costs, e.factor_score, r.money);
        r.rules.push_back(rc);
    }
}

// [SECTION] The verdict and its reasons -----------------------------------------------------------------------------

// The verdict, first: what wins and by how much, or that nothing fits yet and what comes closest.
void AddVerdict(Report& r, const Prepared& p, const Evaluation& e)
{
    const OptionReport& win = At(r.options, e.recommended);
    // The runner-up the margin is measured against (among the options that fit, when any does).
    const OptionReport& second = At(r.options, e.runner_up);
    int feasible_count = 0;
    for (const OptionReport& o : r.options)
        feasible_count += o.feasible ? 1 : 0;
    // The verdict weighs the ten matrix factors and the "Choose X when" rules met.
    const std::string verdict_course = "Comparison Matrix and Use Case Recommendations";
    if (!e.any_feasible) {
        // Nothing fits: say so, name the closest option that keeps the data's limits and what stands in its way.
        std::string change;
        for (const std::string& b : win.blockers)
            change += (change.empty() ? "" : "; ") + b;
        const bool keeps_data = p.data_must_stay && e.recommended != Option::cloud;
        r.reasons.push_back({"Nothing fits yet. " + win.label + " comes closest" +
                                 (keeps_data ? " of the options that keep your data on your premises" : "") + " (" +
                                 FormatFixed(win.score, 1) + " points); to make it fit, change this: " + change + ".",
                             verdict_course});
    } else if (feasible_count == 1)
        r.reasons.push_back(
            {win.label + " is the only option that fits your limits (" + FormatFixed(win.score, 1) + " points).",
             verdict_course});
    else
        r.reasons.push_back({win.label + " fits best: " + FormatFixed(win.score, 1) + " points against " +
                                 FormatFixed(second.score, 1) + " for " + second.label +
                                 (e.margin < 0.3 ? " - a close call." : "."),
                             verdict_course});
}

// Why a hybrid that fits is passed over, which its fitting alone would not explain.
void AddDominatedHybrid(Report& r, const OptionCosts& costs, const Evaluation& e)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    if (e.hybrid_dominated && e.recommended != Option::hybrid)
        r.reasons.push_back({"Hybrid fits but costs more (" + Shown(costs[2].total_usd) +
                                 ") than both the home lab and the cloud, and gives nothing you asked for that they "
                                 "lack, so it is not recommended.",
                             "Choose Hybrid Approach When: \"You need to balance cost and performance\""});
}

// Each limit that rules out an option (and any the winner still breaks), citing the disadvantage behind it.
void AddBlockerReasons(Report& r, const Prepared& p, const Scenario& s, const Evaluation& e)
{
    const OptionReport& win = At(r.options, e.recommended);
    auto add_blockers = [&](const OptionReport& o, const std::string& lead, bool rules_out) {
        for (std::uint32_t bit = 1; bit != 0 && bit <= kLastBlocker; bit <<= 1)
            if (o.cost.blockers & bit)
                r.reasons.push_back({o.label + lead + BlockerSentence(bit, s, o.cost, p, r.money) + ".",
                                     BlockerCourse(bit), rules_out ? std::optional<Option>(o.option) : std::nullopt});
    };
    for (const OptionReport& o : r.options)
        if (o.option != win.option)
            add_blockers(o, " is ruled out: ", true);
    if (e.any_feasible)
        add_blockers(win, " still breaks a limit: ", false);
}

// The winner's course rules met, in the course's words, and the advanced level's advice: the course's case.
void AddRuleReasons(Report& r, const Scenario& s, const Evaluation& e)
{
    for (const RuleSpec& spec : Rules()) {
        const RuleCheck& check = r.rules[RuleIndex(spec.id)];
        if (check.matched && spec.option == e.recommended && spec.counts) {
            std::string why = check.why;
            if (!why.empty())
                why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
            r.reasons.push_back({why + ".", std::string(spec.section) + ": \"" + spec.words + "\""});
        }
    }
    if (s.experience == Experience::advanced)
        r.reasons.push_back({"You are an advanced user: optimise for your workload, so the costs and factors decide.",
                             "Getting Started, For Advanced Users: \"Analyze cost/performance trade-offs\""});
}

// Money over the horizon: each priced option's total in one sentence.
// A machine the person already has: what counts instead of its price.
void AddOwnedReason(Report& r, const Scenario& s, const OptionCosts& costs)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    const OptionCost& home = At(costs, static_cast<int>(Option::home));
    if (!s.home.owned || home.gpu_index < 0)
        return;
    std::string text = "You already have the machine, so its price is sunk: the home lab spends " +
        Shown(home.upfront_usd) + " up front" + (home.upfront_usd > 0 ? " (your upgrade)" : "") +
        ", and keeping it forgoes the " + Shown(home.forgone_sale_usd) +
        " a sale would bring now (counted in its total; it still sells for " + Shown(home.resale_usd) + " at the end).";
    r.reasons.push_back(
        {text, "Home-Based AI Labs, Advantages: Cost Predictability (\"One-time hardware investment\")"});
}

// What the tasks of the workload builder came to, so the answer says what it was worked out for.
void AddWorkloadReason(Report& r)
{
    const Workload& w = r.workload;
    if (!w.error.empty()) {
        r.reasons.push_back(
            {"Your tasks could not be worked out (" + w.error + "), so the hours and memory typed are used.",
             "Comparison Matrix: Hardware Access"});
        return;
    }
    if (w.tasks.empty())
        return;
    const std::size_t n = w.tasks.size();
    std::string text = "What you want to run (" + std::to_string(n) + (n == 1 ? " task" : " tasks") + ") needs " +
        FormatNumber(std::round(w.vram_gb * 10) / 10) + " GB of GPU memory for the largest job and " +
        FormatNumber(std::round(w.hours_per_week * 10) / 10) + " hours a week of an RTX 4090";
    if (w.burst_share_pct >= 0.5)
        text += ", " + FormatNumber(std::round(w.burst_share_pct)) + "% of it in bursts";
    r.reasons.push_back({text + ".",
                         w.burst_share_pct >= 0.5 ? "Cloud-Based AI Labs, Advantages: Scalability on Demand "
                                                    "(\"Burst capacity for training large models\")"
                                                  : "Comparison Matrix: Hardware Access"});
}

void AddTotalsReason(Report& r, const Scenario& s)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    std::string totals = "Over " + std::to_string(s.horizon_months) + " months:";
    for (const OptionReport& o : r.options)
        if (o.cost.gpu_index >= 0 || o.cost.offer_index >= 0)
            totals += " " + o.label + " " + Shown(o.cost.total_usd) + ",";
    totals.back() = '.';
    r.reasons.push_back({totals, "Comparison Matrix: Initial Cost and Ongoing Cost"});
}

// What each option emits over the horizon: its energy on its grid, plus making the GPUs it buys (the course's
// "noise and power consumption", in kg CO2e).
void AddCarbonReason(Report& r, const Scenario& s)
{
    std::string text = "Emissions over " + std::to_string(s.horizon_months) +
        " months (energy on its grid, plus making the GPUs bought):";
    bool any = false;
    for (const OptionReport& o : r.options)
        if (o.cost.gpu_index >= 0 || o.cost.offer_index >= 0) {
            text += std::string(any ? "," : "") + " " + o.label + " " +
                ShownValue(std::round(o.cost.co2e_kg_per_month * s.horizon_months + o.cost.embodied_co2e_kg)) +
                " kg CO2e";
            any = true;
        }
    if (any)
        r.reasons.push_back(
            {text + ".", "Home-Based AI Labs, Disadvantages: Maintenance Burden (\"Noise and power consumption\")"});
}

// Whether the home lab pays for itself against the cloud: the course's cost-predictability claim, checked.
void AddBreakEvenReason(Report& r, const Scenario& s, const OptionCosts& costs)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, r.money); };
    // Only for a home lab that fits: "pays for itself" about a home lab that is ruled out (even the closest
    // one when nothing fits) would contradict the reason that rules it out.
    if (!HomeAndCloudPriced(costs) || !costs[0].Feasible())
        return;
    const auto& home_curve = r.options[0].cumulative_usd;
    const auto& cloud_curve = r.options[1].cumulative_usd;
    const bool only_by_resale = r.break_even_month && *r.break_even_month == s.horizon_months &&
        home_curve.back() + costs[0].resale_usd > cloud_curve.back();
    const std::string course =
        "Home-Based AI Labs, Advantages: Cost Predictability (\"lower than cloud usage for continuous workloads\")";
    if (only_by_resale)
        r.reasons.push_back(
            {"The home lab comes out cheaper than the cloud only by selling it at the end (month " +
                 std::to_string(*r.break_even_month) + ", resale " + Shown(costs[0].resale_usd) + ").",
             "Home-Based AI Labs, Disadvantages: Upfront Capital Investment (\"risk of hardware obsolescence\")"});
    else if (r.break_even_month)
        r.reasons.push_back(
            {"The home lab pays for itself against the cloud in month " + std::to_string(*r.break_even_month) + ".",
             course});
    else
        r.reasons.push_back({"The home lab does not pay for itself against the cloud within " +
                                 std::to_string(s.horizon_months) + " months.",
                             "Cloud-Based AI Labs, Advantages: Scalability on Demand (\"pay only for what you use\")"});
}

// The (at most two) matrix factors that separate the winner from the runner-up most, by weight.
void AddFactorReasons(Report& r, const Scenario& s, const Evaluation& e)
{
    const OptionReport& win = At(r.options, e.recommended);
    const OptionReport& second = At(r.options, e.runner_up);
    std::array<int, kFactorCount> order{};
    for (int i = 0; i < kFactorCount; ++i)
        At(order, i) = i;
    auto edge = [&](int i) { return At(s.weights, i) * (At(win.factors, i) - At(second.factors, i)); };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return edge(a) > edge(b); });
    for (int k = 0; k < 2; ++k) {
        const int i = At(order, k);
        if (edge(i) <= 0.5)
            break;
        const std::string factor = FactorLabel(static_cast<Factor>(i));
        r.reasons.push_back({factor + ": " + win.label + " " + FormatFixed(At(win.factors, i), 1) + " against " +
                                 FormatFixed(At(second.factors, i), 1) + " for " + second.label + ".",
                             "Comparison Matrix: " + factor});
    }
}

// The explanation, most important first, each sentence citing the part of the course it comes from.
void AddReasons(Report& r, const Prepared& p, const Scenario& s, const OptionCosts& costs, const Evaluation& e)
{
    AddVerdict(r, p, e);
    AddDominatedHybrid(r, costs, e);
    AddBlockerReasons(r, p, s, e);
    AddWorkloadReason(r);
    AddOwnedReason(r, s, costs);
    AddRuleReasons(r, s, e);
    AddTotalsReason(r, s);
    AddCarbonReason(r, s);
    AddBreakEvenReason(r, s, costs);
    AddFactorReasons(r, s, e);
}

// [SECTION] Assumptions: every figure the answer used, with its source and age --------------------------------------

// Every catalog figure in force, with the scenario's override where it has one.
void AddFigureAssumptions(Report& r, const Scenario& s, const Catalog& c)
{
    for (const FigureRule& rule : FigureRules()) {
        const auto it = c.figures.find(rule.id);
        if (it == c.figures.end())
            continue;
        bool overridden = s.assumptions.count(rule.id) > 0;
        double value = overridden ? s.assumptions.at(rule.id) : it->second.value;
        if (std::string(rule.id) == "defaults.electricity_usd_per_kwh" && s.electricity_usd_per_kwh) {
            overridden = true;
            value = *s.electricity_usd_per_kwh;
        }
        if (std::string(rule.id) == "cloud.idle_overhead_pct" && s.cloud.idle_overhead_pct) {
            overridden = true;
            value = *s.cloud.idle_overhead_pct;
        }
        AddAssumption(r, rule.id, it->second, overridden, value);
    }
}

// The prices of the GPUs bought and the cloud offers used (each once, in the options' order).
void AddPriceAssumptions(Report& r, const Prepared& p, const Scenario& s, const OptionCosts& costs)
{
    std::vector<int> gpus_used, offers_used;
    for (const OptionCost& oc : costs) {
        if (oc.gpu_index >= 0 && std::find(gpus_used.begin(), gpus_used.end(), oc.gpu_index) == gpus_used.end())
            gpus_used.push_back(oc.gpu_index);
        if (oc.offer_index >= 0 &&
            std::find(offers_used.begin(), offers_used.end(), oc.offer_index) == offers_used.end())
            offers_used.push_back(oc.offer_index);
    }
    for (int gi : gpus_used) {
        const GpuModel& g = At(p.catalog.gpus, gi);
        const std::string id = "gpu." + g.id + ".price_usd";
        const bool ov = s.assumptions.count(id) > 0;
        AddAssumption(r, id, g.price_usd, ov, ov ? s.assumptions.at(id) : g.price_usd.value);
    }
    for (int oi : offers_used) {
        const CloudOffer& o = At(p.catalog.offers, oi);
        const bool spot = s.cloud.pricing == CloudPricing::spot && o.spot_usd_per_gpu_hour;
        const std::string id = "offer." + o.id + (spot ? ".spot_usd_per_gpu_hour" : ".usd_per_gpu_hour");
        const Figure& f = spot ? *o.spot_usd_per_gpu_hour : o.usd_per_gpu_hour;
        bool ov = s.assumptions.count(id) > 0;
        double v = ov ? s.assumptions.at(id) : f.value;
        if (s.cloud.usd_per_gpu_hour) {
            ov = true;
            v = *s.cloud.usd_per_gpu_hour;
        }
        AddAssumption(r, id, f, ov, v);
        // A price the catalog has watched move (its history, kept by the price import) says so; your own does not.
        if (!ov)
            r.assumptions.back().note = PriceMoveNote(f);
        // Its carbon: its region's grid and its chip's board power, where the catalog has them.
        if (o.grid_gco2_per_kwh)
            AddAssumption(r, "offer." + o.id + ".grid_gco2_per_kwh", *o.grid_gco2_per_kwh, false,
                          o.grid_gco2_per_kwh->value);
        if (const GpuChip* chip = o.chip.empty() ? nullptr : FindChip(p.catalog, o.chip); chip && chip->tdp_watts)
            AddAssumption(r, "chip." + chip->id + ".tdp_watts", *chip->tdp_watts, false, chip->tdp_watts->value);
    }
    // Where the person lives: the figures of its that the model used (ResolveFigures says which).
    if (const Country* place = s.country ? FindCountry(p.catalog, *s.country) : nullptr) {
        if (p.fig.electricity_from == FigureFrom::country)
            AddAssumption(r, "country." + place->code + ".electricity_usd_per_kwh", place->electricity_usd_per_kwh,
                          false, place->electricity_usd_per_kwh.value);
        if (p.fig.grid_from == FigureFrom::country)
            AddAssumption(r, "country." + place->code + ".grid_gco2_per_kwh", place->grid_gco2_per_kwh, false,
                          place->grid_gco2_per_kwh.value);
        if (p.fig.sales_tax_from == FigureFrom::country)
            AddAssumption(r, "country." + place->code + ".vat_pct", *place->vat_pct, false, place->vat_pct->value);
    }
}

// Flags catalog figures older than stale_after_days on the report date (never the scenario's own): check these.
void MarkStaleAssumptions(Report& r, const Catalog& c, const std::string& today_date)
{
    const std::optional<long> today = ParseIsoDate(today_date);
    for (AssumptionUsed& a : r.assumptions) {
        const std::optional<long> d = ParseSourceDate(a.date);
        // A day before 1970 (a negative count) has never been taken as a date here: such a figure is not flagged.
        a.stale = !a.overridden && today && d && *today >= 0 && *d >= 0 && *today - *d > c.stale_after_days;
    }
}

// Every figure the numbers rest on, with its source and date, so a reader can check or replace it.
void AddAssumptions(Report& r, const Prepared& p, const Scenario& s, const Catalog& c, const OptionCosts& costs,
                    const std::string& today_date)
{
    AddFigureAssumptions(r, s, c);
    AddPriceAssumptions(r, p, s, costs);
    MarkStaleAssumptions(r, c, today_date);
}

} // namespace

// [SECTION] Public API: BuildReport ---------------------------------------------------------------------------------

Report BuildReport(const Scenario& input, const Catalog& input_catalog, const ReportSettings& settings)
{
    // With tasks, the hours, VRAM and each GPU's speed follow from them (workload.hpp); the rest as given.
    const ModelInputs in(input, input_catalog);
    const Scenario& s = in.scenario();
    const Catalog& c = in.catalog();
    const Prepared p(s, c);
    const OptionCosts costs = ApplyBudgets(CostOptions(p, s.hours_per_week), s.budget_usd, s.monthly_budget_usd);
    const Evaluation e = Score(p, s, costs);

    Report r = Headline(s, c, settings, p, e);
    r.money = ResolveMoney(s, c);
    r.workload = in.workload();
    if (settings.samples > 0)
        r.uncertainty = SampleOutcomes(input, input_catalog, settings.samples);
    AddOptions(r, p, s, costs, e);
    AddBreakEven(r, s, costs);
    AddRuleChecks(r, p, s, costs, e);
    AddReasons(r, p, s, costs, e);
    if (settings.flip_points)
        r.flip_points = FindFlipPoints(s, c);
    AddAssumptions(r, p, s, c, costs, settings.today);
    if (settings.workings) {
        r.workings = BuildTaskWorkings(s, c);
        for (Working& w : BuildWorkings(p, costs, r.money))
            r.workings.push_back(std::move(w));
    }
    return r;
}

} // namespace labcalc::core
