// The course's "Choose X when" lists and its "Getting started" levels, each checked against the
// situation and explained in numbers. A rule met adds model.rule_bonus_points to its option's score and
// becomes a reason.
// Sections (each opens with a "[SECTION]" line):
//   Whether each course rule holds
//   Public API: the rules, their reasons in words
//   Scoring and the recommendation
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/index.hpp"
#include "core/model.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {

namespace {

constexpr const char* kHomeWhen = "Choose Home-Based When";
constexpr const char* kCloudWhen = "Choose Cloud-Based When";
constexpr const char* kHybridWhen = "Choose Hybrid Approach When";

constexpr std::array<RuleSpec, kRuleCount> kRules = {{
    {RuleId::data_cannot_leave_premises, Option::home, true, kHomeWhen,
     "You have sensitive data that cannot leave your premises"},
    {RuleId::needs_round_the_clock_access, Option::home, true, kHomeWhen, "You need 24/7 access to compute resources"},
    {RuleId::predictable_continuous_workload, Option::home, true, kHomeWhen,
     "You have predictable, continuous workloads"},
    {RuleId::learn_hardware_and_sysadmin, Option::home, true, kHomeWhen,
     "You want to learn hardware and system administration"},
    {RuleId::home_budget_allows_upfront, Option::home, true, kHomeWhen, "Your budget allows for upfront investment"},
    {RuleId::models_fit_consumer_hardware, Option::home, true, kHomeWhen,
     "You're working with smaller models that fit on consumer hardware"},
    {RuleId::scale_dynamically, Option::cloud, true, kCloudWhen, "You need to scale resources dynamically"},
    {RuleId::latest_hardware, Option::cloud, true, kCloudWhen, "You want access to the latest hardware"},
    {RuleId::variable_workload, Option::cloud, true, kCloudWhen, "You have variable or unpredictable workloads"},
    {RuleId::distributed_team, Option::cloud, true, kCloudWhen, "You need to collaborate with distributed teams"},
    {RuleId::minimal_maintenance, Option::cloud, true, kCloudWhen, "You want to minimize maintenance overhead"},
    {RuleId::very_large_models, Option::cloud, true, kCloudWhen,
     "You're training very large models requiring specialized hardware"},
    {RuleId::best_of_both_worlds, Option::hybrid, true, kHybridWhen, "You want the best of both worlds"},
    {RuleId::develop_locally_train_in_cloud, Option::hybrid, true, kHybridWhen,
     "You develop locally but train in the cloud"},
    {RuleId::balance_cost_and_performance, Option::hybrid, true, kHybridWhen,
     "You need to balance cost and performance"},
    {RuleId::redundancy_and_backup, Option::hybrid, true, kHybridWhen, "You want redundancy and backup options"},
    {RuleId::sensitive_and_non_sensitive_work, Option::hybrid, true, kHybridWhen,
     "You have both sensitive and non-sensitive workloads"},
    {RuleId::beginner_starts_in_cloud, Option::cloud, true, "Getting Started: For Beginners",
     "Start with cloud-based solutions"},
    {RuleId::intermediate_considers_hybrid, Option::hybrid, true, "Getting Started: For Intermediate Users",
     "Consider a hybrid approach"},
    // Informs only: an advanced user optimises on the numbers, which no option's bonus should tilt.
    {RuleId::advanced_optimises_for_workload, Option::home, false, "Getting Started: For Advanced Users",
     "Optimize based on your specific workloads"},
}};

// The table is indexed by RuleIndex, so each row must sit at its own id's place.
constexpr bool EachRuleAtItsIndex()
{
    for (std::size_t i = 0; i < kRules.size(); ++i)
        if (RuleIndex(kRules[i].id) != i)
            return false;
    return true;
}
static_assert(EachRuleAtItsIndex(), "kRules lists the rules in RuleId order, one row each");

// [SECTION] Whether each course rule holds --------------------------------------------------------------------------

// The least any priced option costs over the horizon (infinity when none is priced).
double CheapestPricedUsd(const OptionCosts& costs)
{
    double cheapest = std::numeric_limits<double>::infinity();
    for (const OptionCost& c : costs)
        if (c.gpu_index >= 0 || c.offer_index >= 0)
            cheapest = std::min(cheapest, c.total_usd);
    return cheapest;
}

// Whether the situation meets one rule. The rule is a template argument so that each instance's switch
// folds to its one case and inlines: the decision map checks every rule once per cell.
template <RuleId id>
bool Holds(const Prepared& p, const Scenario& s, const OptionCosts& costs,
           const std::array<double, kOptionCount>& factor_score)
{
    namespace L = rule_limits;
    const OptionCost& home = costs[0];
    const OptionCost& hybrid = costs[2];
    const bool home_priced = home.gpu_index >= 0;
    const bool hybrid_priced = hybrid.gpu_index >= 0;
    const double burst_pct = s.burst_share_pct;
    switch (id) {
    case RuleId::data_cannot_leave_premises: return p.data_must_stay;
    case RuleId::needs_round_the_clock_access: return s.hours_per_week >= L::kAroundTheClockHoursPerWeek;
    case RuleId::predictable_continuous_workload:
        return burst_pct <= L::kSteadyBurstPct && s.hours_per_week >= L::kContinuousHoursPerWeek;
    case RuleId::learn_hardware_and_sysadmin: return s.learn_hardware;
    case RuleId::home_budget_allows_upfront: return home_priced && home.upfront_usd <= s.budget_usd;
    case RuleId::models_fit_consumer_hardware: return s.vram_gb <= L::kConsumerVramGb;
    case RuleId::scale_dynamically: return burst_pct >= L::kDynamicBurstPct;
    case RuleId::latest_hardware: return s.vram_gb > L::kConsumerVramGb;
    case RuleId::variable_workload: return burst_pct >= L::kVariableBurstPct;
    case RuleId::distributed_team: return s.remote_collaborators >= L::kDistributedTeamPeople;
    case RuleId::minimal_maintenance: return s.experience == Experience::beginner && !s.learn_hardware;
    case RuleId::very_large_models: {
        const bool home_datacenter = home_priced && At(p.catalog.gpus, home.gpu_index).tier == "datacenter";
        return (home.blockers & kVramTooLarge) != 0 || home_datacenter;
    }
    case RuleId::best_of_both_worlds:
        return hybrid_priced && std::fabs(factor_score[0] - factor_score[1]) <= L::kBestOfBothPoints;
    case RuleId::develop_locally_train_in_cloud:
        return hybrid_priced && hybrid.cloud_work_hours_per_week > 0 && hybrid.local_work_hours_per_week > 0;
    case RuleId::balance_cost_and_performance: {
        const double cheapest = CheapestPricedUsd(costs);
        return hybrid_priced && std::isfinite(cheapest) &&
            hybrid.total_usd <= cheapest * (1 + L::kBalancedCostPct / 100.0) + 1e-6;
    }
    case RuleId::redundancy_and_backup: return s.wants_redundancy;
    case RuleId::sensitive_and_non_sensitive_work:
        return s.privacy >= Privacy::confidential && s.sensitive_work_pct > 0 && s.sensitive_work_pct < 100;
    case RuleId::beginner_starts_in_cloud: return s.experience == Experience::beginner;
    case RuleId::intermediate_considers_hybrid: return s.experience == Experience::intermediate;
    case RuleId::advanced_optimises_for_workload: return s.experience == Experience::advanced;
    }
    return false; // not reached: the switch names every rule
}

// Holds for every rule, in RuleId order.
template <std::size_t... Index>
std::array<bool, kRuleCount> HoldsForEach(std::index_sequence<Index...>, const Prepared& p, const Scenario& s,
                                          const OptionCosts& costs,
                                          const std::array<double, kOptionCount>& factor_score)
{
    return {{Holds<static_cast<RuleId>(Index)>(p, s, costs, factor_score)...}};
}

// How two rules' sentences open: the VRAM the largest job needs.
std::string LargestJob(const Scenario& s) { return "your largest job needs " + FormatNumber(s.vram_gb) + " GB"; }

std::string HoursPerWeek(double hours) { return FormatNumber(hours) + " h/week"; }

// A hybrid's hours, to a tenth, as the report prints them.
std::string TenthsOfHours(double hours) { return FormatNumber(std::round(hours * 10) / 10); }

} // namespace

// [SECTION] Public API: the rules, their reasons in words -----------------------------------------------------------

const std::array<RuleSpec, kRuleCount>& Rules() { return kRules; }

std::optional<Option> RuleOption(const RuleSpec& rule)
{
    return rule.counts ? std::optional<Option>(rule.option) : std::nullopt;
}

const char* RuleOptionKey(std::optional<Option> option) { return option ? OptionKey(*option) : "any"; }

std::array<bool, kRuleCount> CheckRules(const Prepared& p, const Scenario& s, const OptionCosts& costs,
                                        const std::array<double, kOptionCount>& factor_score)
{
    return HoldsForEach(std::make_index_sequence<kRuleCount>{}, p, s, costs, factor_score);
}

std::string RuleWhy(RuleId id, bool met, const Scenario& s, const OptionCosts& costs,
                    const std::array<double, kOptionCount>& factor_score, const Money& money)
{
    const auto Shown = [&](double usd) { return FormatMoney(usd, money); };
    namespace L = rule_limits;
    const OptionCost& home = costs[0];
    const OptionCost& hybrid = costs[2];
    const std::string hours = HoursPerWeek(s.hours_per_week);
    const std::string bursts = FormatPercent(s.burst_share_pct) + " of your work comes in bursts";
    switch (id) {
    case RuleId::data_cannot_leave_premises:
        return met
            ? "your data may not leave your premises"
            : std::string("your strictest data is ") + PrivacyLabel(s.privacy) + ", which may leave your premises";
    case RuleId::needs_round_the_clock_access: {
        const std::string limit = HoursPerWeek(L::kAroundTheClockHoursPerWeek);
        return hours +
            (met ? " keeps a machine busy around the clock (" + limit + " or more)"
                 : " is below around-the-clock use (" + limit + ")");
    }
    case RuleId::predictable_continuous_workload:
        return bursts + " at " + hours +
            (met ? ": steady and continuous"
                 : " (steady means at most " + FormatPercent(L::kSteadyBurstPct) + " in bursts and " +
                     HoursPerWeek(L::kContinuousHoursPerWeek) + " or more)");
    case RuleId::learn_hardware_and_sysadmin:
        return met ? "you want hands-on hardware experience" : "you did not ask for hands-on hardware experience";
    case RuleId::home_budget_allows_upfront:
        return home.gpu_index >= 0
            ? "the home machine costs " + Shown(home.upfront_usd) + " against your budget of " + Shown(s.budget_usd)
            : "no home machine fits";
    case RuleId::models_fit_consumer_hardware:
        return LargestJob(s) + (met ? ", within a consumer card (" : ", more than a consumer card holds (") +
            FormatNumber(L::kConsumerVramGb) + " GB)";
    case RuleId::scale_dynamically:
        return bursts +
            (met ? ": you need to scale up and down"
                 : " (dynamic scaling starts at " + FormatPercent(L::kDynamicBurstPct) + ")");
    case RuleId::latest_hardware: return LargestJob(s) + (met ? ": data-centre GPUs" : ": a consumer card will do");
    case RuleId::variable_workload:
        return bursts +
            (met ? ": a variable workload" : " (variable starts at " + FormatPercent(L::kVariableBurstPct) + ")");
    case RuleId::distributed_team:
        return std::to_string(s.remote_collaborators) + " remote collaborator" +
            (s.remote_collaborators == 1 ? "" : "s") +
            (met ? "" : " (a distributed team is " + std::to_string(L::kDistributedTeamPeople) + " or more)");
    case RuleId::minimal_maintenance:
        return met ? "you are a beginner and do not want to look after hardware"
                   : "you are ready to look after hardware";
    case RuleId::very_large_models:
        return met ? "no consumer home machine can run your largest job"
                   : "a consumer machine can run your largest job";
    case RuleId::best_of_both_worlds:
        return "home scores " + FormatFixed(factor_score[0], 1) + " and cloud " + FormatFixed(factor_score[1], 1) +
            (met ? ": neither clearly wins" : ": one clearly wins");
    case RuleId::develop_locally_train_in_cloud:
        return hybrid.cloud_work_hours_per_week > 0
            ? "the hybrid runs " + TenthsOfHours(hybrid.local_work_hours_per_week) + " h/week at home and sends " +
                TenthsOfHours(hybrid.cloud_work_hours_per_week) + " h/week of bursts to the cloud"
            : "nothing in your work needs to go to the cloud";
    case RuleId::balance_cost_and_performance:
        return hybrid.gpu_index >= 0 ? "the hybrid costs " + Shown(hybrid.total_usd) + " over the horizon" +
                (met ? ", within " : ", more than ") + FormatPercent(L::kBalancedCostPct) +
                (met ? " of the cheapest" : " above the cheapest")
                                     : "no hybrid split fits";
    case RuleId::redundancy_and_backup:
        return met ? "you want a second place to run and off-site backups" : "you did not ask for redundancy";
    case RuleId::sensitive_and_non_sensitive_work:
        return FormatPercent(s.sensitive_work_pct) + " of your work touches " + PrivacyLabel(s.privacy) + " data";
    case RuleId::beginner_starts_in_cloud:
    case RuleId::intermediate_considers_hybrid:
    case RuleId::advanced_optimises_for_workload:
        return std::string("you are ") +
            (s.experience == Experience::beginner           ? "a beginner"
                 : s.experience == Experience::intermediate ? "an intermediate user"
                                                            : "an advanced user");
    }
    return ""; // not reached: the switch names every rule
}

// [SECTION] Scoring and the recommendation --------------------------------------------------------------------------

bool HybridDominated(const Scenario& s, const OptionCosts& costs)
{
    const OptionCost& home = costs[0];
    const OptionCost& cloud = costs[1];
    const OptionCost& hybrid = costs[2];
    if (!hybrid.Feasible())
        return false;
    // The pure options to compare with: priced, and kept out by nothing but money (a budget is the
    // person's limit on the cash, not a reason to pay more for a mix), so this does not move with the budget.
    auto comparable = [](const OptionCost& c) {
        return (c.gpu_index >= 0 || c.offer_index >= 0) && (c.blockers & ~(kOverBudget | kOverMonthlyBudget)) == 0;
    };
    // What only a mix gives: a second place to run and an off-site copy (asked for), or the peak weeks a
    // home lab would make wait when the cloud cannot take the work.
    if (s.wants_redundancy || (home.bursts_queue && !comparable(cloud)))
        return false;
    // Lower emissions are asked for too when carbon has a weight.
    const bool carbon_asked = At(s.weights, Factor::carbon) > 0;
    auto kg = [&](const OptionCost& c) { return c.co2e_kg_per_month * s.horizon_months + c.embodied_co2e_kg; };
    int compared = 0;
    for (const OptionCost* pure : {&home, &cloud}) {
        if (!comparable(*pure))
            continue;
        ++compared;
        if (hybrid.total_usd <= pure->total_usd + 1e-6 || (carbon_asked && kg(hybrid) < kg(*pure) - 1e-9))
            return false;
    }
    return compared > 0; // dearer than both pure options, for nothing asked for
}

Evaluation Score(const Prepared& p, const Scenario& s, const OptionCosts& costs)
{
    Evaluation e;
    e.cost = costs;
    e.factors = ScoreFactors(p, s, costs);
    double weight_sum = 0;
    for (double w : s.weights)
        weight_sum += w;
    for (int o = 0; o < kOptionCount; ++o) {
        double sum = 0;
        for (int i = 0; i < kFactorCount; ++i)
            sum += At(s.weights, i) * At(At(e.factors, o), i);
        At(e.factor_score, o) = weight_sum > 0 ? sum / weight_sum : 0;
    }
    const auto met = CheckRules(p, s, costs, e.factor_score);
    for (const RuleSpec& rule : kRules)
        if (met[RuleIndex(rule.id)] && rule.counts)
            ++At(e.rules_matched, rule.option);
    for (int o = 0; o < kOptionCount; ++o)
        At(e.score, o) = At(e.factor_score, o) + p.fig.rule_bonus_points * At(e.rules_matched, o);

    for (const OptionCost& c : costs)
        e.any_feasible = e.any_feasible || c.Feasible();
    e.hybrid_dominated = HybridDominated(s, costs);
    // Who may be named. When something fits: the options that fit (the hybrid not when it is dearer than
    // both pure options for nothing asked for, unless it alone fits). When nothing fits: the options that keep the data's
    // limits (never a cloud for data that may not leave), priced ones first; the headline then says that
    // nothing fits and this one comes closest.
    bool any_priced_keeping_data = false;
    for (const OptionCost& c : costs)
        any_priced_keeping_data = any_priced_keeping_data ||
            ((c.gpu_index >= 0 || c.offer_index >= 0) && !(c.blockers & (kDataMustStay | kMixIsHomeLab)));
    const bool pure_fits = costs[0].Feasible() || costs[1].Feasible();
    auto candidate = [&](int o) {
        const OptionCost& c = At(costs, o);
        if (e.any_feasible) // a dominated hybrid only when it is the one option that fits
            return c.Feasible() && !(o == static_cast<int>(Option::hybrid) && e.hybrid_dominated && pure_fits);
        if (c.blockers &
            (kDataMustStay |
             kMixIsHomeLab)) // never the cloud for data that must stay; the home lab, not its dearer mix
            return false;
        return !any_priced_keeping_data || c.gpu_index >= 0 || c.offer_index >= 0;
    };
    int best = -1, second = -1;
    for (int o = 0; o < kOptionCount; ++o) {
        if (!candidate(o))
            continue;
        if (best < 0 || At(e.score, o) > At(e.score, best) + 1e-12) {
            second = best;
            best = o;
        } else if (second < 0 || At(e.score, o) > At(e.score, second)) {
            second = o;
        }
    }
    if (best < 0)
        best = static_cast<int>(
            Option::home); // every option keeps no data limit: cannot happen (home never sends data out)
    e.recommended = static_cast<Option>(best);
    // Margin against the runner-up among the same set; against every other option when only one is left.
    if (second < 0)
        for (int o = 0; o < kOptionCount; ++o)
            if (o != best && (second < 0 || At(e.score, o) > At(e.score, second)))
                second = o;
    e.runner_up = static_cast<Option>(second);
    e.margin = std::max(0.0, At(e.score, best) - At(e.score, second));
    return e;
}

} // namespace labcalc::core
