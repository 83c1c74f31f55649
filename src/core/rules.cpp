// The course's "Choose X when" lists and its "Getting started" levels, each checked against the
// situation. A rule met adds model.rule_bonus_points to its option's score and becomes a reason.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/model.hpp"

namespace labcalc::core {

const std::array<RuleDef, kRuleCount>& Rules()
{
    static const std::array<RuleDef, kRuleCount> kRules = {{
        {Option::home, true, "Choose Home-Based When", "You have sensitive data that cannot leave your premises"},
        {Option::home, true, "Choose Home-Based When", "You need 24/7 access to compute resources"},
        {Option::home, true, "Choose Home-Based When", "You have predictable, continuous workloads"},
        {Option::home, true, "Choose Home-Based When", "You want to learn hardware and system administration"},
        {Option::home, true, "Choose Home-Based When", "Your budget allows for upfront investment"},
        {Option::home, true, "Choose Home-Based When", "You're working with smaller models that fit on consumer hardware"},
        {Option::cloud, true, "Choose Cloud-Based When", "You need to scale resources dynamically"},
        {Option::cloud, true, "Choose Cloud-Based When", "You want access to the latest hardware"},
        {Option::cloud, true, "Choose Cloud-Based When", "You have variable or unpredictable workloads"},
        {Option::cloud, true, "Choose Cloud-Based When", "You need to collaborate with distributed teams"},
        {Option::cloud, true, "Choose Cloud-Based When", "You want to minimize maintenance overhead"},
        {Option::cloud, true, "Choose Cloud-Based When", "You're training very large models requiring specialized hardware"},
        {Option::hybrid, true, "Choose Hybrid Approach When", "You want the best of both worlds"},
        {Option::hybrid, true, "Choose Hybrid Approach When", "You develop locally but train in the cloud"},
        {Option::hybrid, true, "Choose Hybrid Approach When", "You need to balance cost and performance"},
        {Option::hybrid, true, "Choose Hybrid Approach When", "You want redundancy and backup options"},
        {Option::hybrid, true, "Choose Hybrid Approach When", "You have both sensitive and non-sensitive workloads"},
        {Option::cloud, true, "Getting Started: For Beginners", "Start with cloud-based solutions"},
        {Option::hybrid, true, "Getting Started: For Intermediate Users", "Consider a hybrid approach"},
        {Option::home, false, "Getting Started: For Advanced Users", "Optimize based on your specific workloads"},
    }};
    return kRules;
}

// Thresholds that turn the course's words into numbers (labcalc's reading, shown with each rule).
namespace rule_limits {
constexpr double kAroundTheClockHoursPerWeek = 60;   // "24/7 access": busy more than a third of the week
constexpr double kSteadyBurstPct = 25;               // "predictable, continuous"
constexpr double kContinuousHoursPerWeek = 20;
constexpr double kDynamicBurstPct = 60;              // "scale dynamically"
constexpr double kVariableBurstPct = 50;             // "variable or unpredictable"
constexpr double kConsumerVramGb = 32;               // the largest consumer card (RTX 5090)
constexpr int kDistributedTeam = 2;
constexpr double kBalancedCostPct = 15;              // hybrid within 15% of the cheapest
constexpr double kBestOfBothPoints = 1.0;            // home and cloud within a point of each other
} // namespace rule_limits

std::array<bool, kRuleCount> CheckRules(const Prepared& p, const Scenario& s, const OptionCosts& costs,
                                        const std::array<double, kOptionCount>& factor_score)
{
    namespace L = rule_limits;
    const OptionCost& home = costs[0];
    const OptionCost& hybrid = costs[2];
    const bool home_priced = home.gpu_index >= 0;
    const bool home_datacenter = home_priced && p.catalog.gpus[static_cast<std::size_t>(home.gpu_index)].tier == "datacenter";
    double cheapest = std::numeric_limits<double>::infinity();
    for (const OptionCost& c : costs)
        if (c.gpu_index >= 0 || c.offer_index >= 0)
            cheapest = std::min(cheapest, c.total_usd);
    const double burst_pct = s.burst_share_pct;
    const bool hybrid_priced = hybrid.gpu_index >= 0;

    std::array<bool, kRuleCount> m{};
    m[0] = p.data_must_stay;
    m[1] = s.hours_per_week >= L::kAroundTheClockHoursPerWeek;
    m[2] = burst_pct <= L::kSteadyBurstPct && s.hours_per_week >= L::kContinuousHoursPerWeek;
    m[3] = s.learn_hardware;
    m[4] = home_priced && home.upfront_usd <= s.budget_usd;
    m[5] = s.vram_gb <= L::kConsumerVramGb;
    m[6] = burst_pct >= L::kDynamicBurstPct;
    m[7] = s.vram_gb > L::kConsumerVramGb;
    m[8] = burst_pct >= L::kVariableBurstPct;
    m[9] = s.remote_collaborators >= L::kDistributedTeam;
    m[10] = s.experience == Experience::beginner && !s.learn_hardware;
    m[11] = (home.blockers & kVramTooLarge) != 0 || home_datacenter;
    m[12] = hybrid_priced && std::fabs(factor_score[0] - factor_score[1]) <= L::kBestOfBothPoints;
    m[13] = hybrid_priced && hybrid.cloud_work_hours_per_week > 0 && hybrid.local_work_hours_per_week > 0;
    m[14] = hybrid_priced && std::isfinite(cheapest) && hybrid.total_usd <= cheapest * (1 + L::kBalancedCostPct / 100.0) + 1e-6;
    m[15] = s.wants_redundancy;
    m[16] = s.privacy >= Privacy::confidential && s.sensitive_work_pct > 0 && s.sensitive_work_pct < 100;
    m[17] = s.experience == Experience::beginner;
    m[18] = s.experience == Experience::intermediate;
    m[19] = s.experience == Experience::advanced;
    return m;
}

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
    int compared = 0;
    for (const OptionCost* pure : {&home, &cloud}) {
        if (!comparable(*pure))
            continue;
        ++compared;
        if (hybrid.total_usd <= pure->total_usd + 1e-6)
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
            sum += s.weights[static_cast<std::size_t>(i)] * e.factors[static_cast<std::size_t>(o)][static_cast<std::size_t>(i)];
        e.factor_score[static_cast<std::size_t>(o)] = weight_sum > 0 ? sum / weight_sum : 0;
    }
    const auto met = CheckRules(p, s, costs, e.factor_score);
    for (int r = 0; r < kRuleCount; ++r)
        if (met[static_cast<std::size_t>(r)] && Rules()[static_cast<std::size_t>(r)].counts)
            ++e.rules_matched[static_cast<std::size_t>(Rules()[static_cast<std::size_t>(r)].option)];
    for (int o = 0; o < kOptionCount; ++o)
        e.score[static_cast<std::size_t>(o)] = e.factor_score[static_cast<std::size_t>(o)] +
                                               p.fig.rule_bonus_points * e.rules_matched[static_cast<std::size_t>(o)];

    for (const OptionCost& c : costs)
        e.any_feasible = e.any_feasible || c.Feasible();
    e.hybrid_dominated = HybridDominated(s, costs);
    // Who may be named. When something fits: the options that fit (the hybrid not when it is dearer than
    // both pure options for nothing asked for, unless it alone fits). When nothing fits: the options that keep the data's
    // limits (never a cloud for data that may not leave), priced ones first; the headline then says that
    // nothing fits and this one comes closest.
    bool any_priced_keeping_data = false;
    for (const OptionCost& c : costs)
        any_priced_keeping_data = any_priced_keeping_data || ((c.gpu_index >= 0 || c.offer_index >= 0) && !(c.blockers & (kDataMustStay | kMixIsHomeLab)));
    const bool pure_fits = costs[0].Feasible() || costs[1].Feasible();
    auto candidate = [&](int o) {
        const OptionCost& c = costs[static_cast<std::size_t>(o)];
        if (e.any_feasible) // a dominated hybrid only when it is the one option that fits
            return c.Feasible() && !(o == static_cast<int>(Option::hybrid) && e.hybrid_dominated && pure_fits);
        if (c.blockers & (kDataMustStay | kMixIsHomeLab)) // never the cloud for data that must stay; the home lab, not its dearer mix
            return false;
        return !any_priced_keeping_data || c.gpu_index >= 0 || c.offer_index >= 0;
    };
    int best = -1, second = -1;
    for (int o = 0; o < kOptionCount; ++o) {
        if (!candidate(o))
            continue;
        if (best < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(best)] + 1e-12) {
            second = best;
            best = o;
        } else if (second < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(second)]) {
            second = o;
        }
    }
    if (best < 0)
        best = static_cast<int>(Option::home); // every option keeps no data limit: cannot happen (home never sends data out)
    e.recommended = static_cast<Option>(best);
    // Margin against the runner-up among the same set; against every other option when only one is left.
    if (second < 0)
        for (int o = 0; o < kOptionCount; ++o)
            if (o != best && (second < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(second)]))
                second = o;
    e.runner_up = static_cast<Option>(second);
    e.margin = std::max(0.0, e.score[static_cast<std::size_t>(best)] - e.score[static_cast<std::size_t>(second)]);
    return e;
}

} // namespace labcalc::core
