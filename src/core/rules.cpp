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

std::array<bool, kRuleCount> CheckRules(const Prepared& p, const Scenario& s,
                                        const std::array<OptionCost, kOptionCount>& costs,
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

Evaluation Score(const Prepared& p, const Scenario& s, const std::array<OptionCost, kOptionCount>& costs)
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

    // The best feasible option; when nothing is feasible, the best overall (reported as such).
    for (const OptionCost& c : costs)
        e.any_feasible = e.any_feasible || c.Feasible();
    // Options the model could not price at all (no machine, no offer) are never recommended while
    // another one could be priced.
    bool any_priced = false;
    for (const OptionCost& c : costs)
        any_priced = any_priced || c.gpu_index >= 0 || c.offer_index >= 0;
    int best = -1, second = -1;
    for (int o = 0; o < kOptionCount; ++o) {
        const OptionCost& c = costs[static_cast<std::size_t>(o)];
        if (e.any_feasible && !c.Feasible())
            continue;
        if (!e.any_feasible && any_priced && c.gpu_index < 0 && c.offer_index < 0)
            continue;
        if (best < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(best)] + 1e-12) {
            second = best;
            best = o;
        } else if (second < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(second)]) {
            second = o;
        }
    }
    e.recommended = static_cast<Option>(best);
    // Margin against the runner-up among the same set; against every other option when only one is left.
    if (second < 0)
        for (int o = 0; o < kOptionCount; ++o)
            if (o != best && (second < 0 || e.score[static_cast<std::size_t>(o)] > e.score[static_cast<std::size_t>(second)]))
                second = o;
    e.margin = std::max(0.0, e.score[static_cast<std::size_t>(best)] - e.score[static_cast<std::size_t>(second)]);
    return e;
}

} // namespace labcalc::core
