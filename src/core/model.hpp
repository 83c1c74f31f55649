#pragma once
// The model's steps, shared by Evaluate, the report, the flip-point search and the decision map.
// Not part of the faces' API: they call Evaluate / BuildReport / ComputeDecisionMap.
#include <array>
#include <optional>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/figure_ids.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// What the scenario and catalog fix before hours and budget come in.
struct Prepared {
    Prepared(const Scenario& s, const Catalog& c);
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;

private:
    // Declared first: members are built in declaration order, and `catalog` may refer to this copy.
    std::optional<Catalog> owned_;

public:
    const Scenario& scenario;
    const Catalog& catalog;          // with the scenario's price overrides (owned below when any)
    ResolvedFigures fig;
    double burst_share = 0;          // 0..1
    double local_only_share = 0;     // share of the work that must stay local (hybrid)
    bool data_must_stay = false;     // privacy on_premises_only with some work on that data
    int forced_gpu = -1;             // home.gpu resolved; -2 when it names no catalog GPU
    int forced_offer = -1;           // cloud.offer resolved; -2 when it names no catalog offer
    double max_offer_speed = 0;      // fastest cloud GPU the filters allow (hardware access)
};

// Costs of the three options for a given weekly workload (budgets are applied separately).
std::array<OptionCost, kOptionCount> CostOptions(const Prepared& p, double hours_per_week);
// Sets the budget blockers on costs computed by CostOptions.
void ApplyBudgets(std::array<OptionCost, kOptionCount>& costs, double budget_usd, double monthly_budget_usd);

// The course's rules ("Choose X when", "Getting started"): which ones the situation meets.
constexpr int kRuleCount = 20;
struct RuleDef {
    Option option;
    bool counts;              // adds to the option's score (the advanced level only informs)
    const char* section;      // where in the course
    const char* text;         // the course's words, shortened
};
const std::array<RuleDef, kRuleCount>& Rules();
std::array<bool, kRuleCount> CheckRules(const Prepared& p, const Scenario& s,
                                        const std::array<OptionCost, kOptionCount>& costs,
                                        const std::array<double, kOptionCount>& factor_score);

// The ten factor scores (0..10) of each option.
std::array<FactorArray, kOptionCount> ScoreFactors(const Prepared& p, const Scenario& s,
                                                   const std::array<OptionCost, kOptionCount>& costs);

// Factors, rules, scores and the recommendation from costs.
Evaluation Score(const Prepared& p, const Scenario& s, const std::array<OptionCost, kOptionCount>& costs);

} // namespace labcalc::core
