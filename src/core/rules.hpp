#pragma once
// The course's rules ("Choose X when", "Getting started"): which rules there are, what the course says
// in each, and the thresholds that turn its words into numbers. Checking them and the sentences that say
// why they are met or missed are in model.hpp (they need the costs); the course view (course.hpp) ticks them.
#include <array>
#include <cstddef>
#include <optional>

#include "core/evaluate.hpp"

namespace labcalc::core {

// One per rule, in the course's order (the report's `rules` and the course view keep this order).
enum class RuleId {
    // Choose Home-Based When
    data_cannot_leave_premises,
    needs_round_the_clock_access,
    predictable_continuous_workload,
    learn_hardware_and_sysadmin,
    home_budget_allows_upfront,
    models_fit_consumer_hardware,
    // Choose Cloud-Based When
    scale_dynamically,
    latest_hardware,
    variable_workload,
    distributed_team,
    minimal_maintenance,
    very_large_models,
    // Choose Hybrid Approach When
    best_of_both_worlds,
    develop_locally_train_in_cloud,
    balance_cost_and_performance,
    redundancy_and_backup,
    sensitive_and_non_sensitive_work,
    // Getting Started (kRuleCount counts up to the last of these)
    beginner_starts_in_cloud,
    intermediate_considers_hybrid,
    advanced_optimises_for_workload,
};
constexpr int kRuleCount = static_cast<int>(RuleId::advanced_optimises_for_workload) + 1;

constexpr std::size_t RuleIndex(RuleId id) { return static_cast<std::size_t>(id); }

// What the course says in a rule and what meeting it does.
struct RuleSpec {
    RuleId id;
    Option option;       // the option it points to (when it counts)
    bool counts;         // adds model.rule_bonus_points to the option's score; false: only informs
    const char* section; // where in the course: "Choose Home-Based When", "Getting Started: For Beginners"
    const char* words;   // the course's words, shortened
};
// Every rule, indexed by RuleIndex.
const std::array<RuleSpec, kRuleCount>& Rules();
// The option a rule adds points to; none for one that only informs (the report's files say "any").
std::optional<Option> RuleOption(const RuleSpec& rule);
const char* RuleOptionKey(std::optional<Option> option); // "home", "cloud", "hybrid", "any"

// Thresholds that turn the course's words into numbers (labcalc's reading, shown with each rule).
namespace rule_limits {
constexpr double kAroundTheClockHoursPerWeek = 60; // "24/7 access": busy more than a third of the week
constexpr double kSteadyBurstPct = 25;             // "predictable, continuous": at most this in bursts
constexpr double kContinuousHoursPerWeek = 20;     // ... and at least this much work
constexpr double kDynamicBurstPct = 60;            // "scale dynamically"
constexpr double kVariableBurstPct = 50;           // "variable or unpredictable"
constexpr double kConsumerVramGb = 32;             // the largest consumer card (RTX 5090)
constexpr int kDistributedTeamPeople = 2;          // remote collaborators that make a distributed team
constexpr double kBalancedCostPct = 15;            // hybrid within this much of the cheapest option
constexpr double kBestOfBothPoints = 1.0;          // home and cloud factor scores this close: neither wins
} // namespace rule_limits

} // namespace labcalc::core
