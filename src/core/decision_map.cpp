#include "core/decision_map.hpp"

#include <algorithm>

#include "core/index.hpp"
#include "core/model.hpp"
#include "core/scenario_json.hpp"
#include "core/workload.hpp"

namespace labcalc::core {

double DecisionMap::HoursAt(int column) const
{
    return columns > 1 ? hours_min + (hours_max - hours_min) * column / (columns - 1) : hours_min;
}

double DecisionMap::BudgetAt(int row) const
{
    return rows > 1 ? budget_min_usd + (budget_max_usd - budget_min_usd) * row / (rows - 1) : budget_min_usd;
}

bool SameMapInputs(const Scenario& a, const Scenario& b)
{
    Scenario x = a, y = b;
    x.budget_usd = y.budget_usd = 0;
    x.hours_per_week = y.hours_per_week = 0;
    return x == y;
}

DecisionMap ComputeDecisionMap(const Scenario& s, const Catalog& c, int columns, int rows, double hours_max,
                               double budget_max_usd)
{
    DecisionMap map;
    map.columns = std::max(columns, 1);
    map.rows = std::max(rows, 1);
    map.hours_max = std::clamp(hours_max, 0.0, 168.0);
    map.budget_max_usd = std::max(budget_max_usd, 0.0);
    map.cells.assign(static_cast<std::size_t>(map.columns * map.rows), 0);
    const ModelInputs in(s, c); // with tasks: their hours, VRAM and speeds (the map varies the hours around them)
    Scenario t = in.scenario(); // hours and budget vary; everything else as given
    const Prepared p(t, in.catalog());
    for (int col = 0; col < map.columns; ++col) {
        const double hours = map.HoursAt(col);
        t.hours_per_week = hours;
        const OptionChoices choices = CostOptions(p, hours);
        for (int row = 0; row < map.rows; ++row) {
            t.budget_usd = map.BudgetAt(row);
            const Evaluation e = Score(p, t, ApplyBudgets(choices, t.budget_usd, t.monthly_budget_usd));
            At(map.cells, row * map.columns + col) = DecisionMap::Encode(OutcomeOf(e));
        }
    }
    return map;
}

} // namespace labcalc::core
