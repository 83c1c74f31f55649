#pragma once
// The decision map: the recommendation over a grid of budget x hours per week, everything else as
// in the scenario. Costs depend on hours only, so each column is costed once and rescored per row.
#include <cstdint>
#include <vector>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/index.hpp"

namespace labcalc::core {

struct DecisionMap {
    int columns = 0, rows = 0; // columns: hours_per_week; rows: budget_usd
    double hours_min = 0, hours_max = 168;
    double budget_min_usd = 0, budget_max_usd = 0;
    std::vector<std::uint8_t> cells; // rows * columns, one byte each (Encode): a map is redrawn often
    double HoursAt(int column) const;
    double BudgetAt(int row) const;
    Outcome At(int column, int row) const { return Decode(core::At(cells, row * columns + column)); }

    static std::uint8_t Encode(Outcome o)
    {
        return static_cast<std::uint8_t>(static_cast<int>(o.option) + (o.fits ? 0 : kNothingFits));
    }
    static Outcome Decode(std::uint8_t cell)
    {
        return Outcome{static_cast<Option>(cell % kNothingFits), cell < kNothingFits};
    }

private:
    static constexpr int kNothingFits = 4; // added to the option's index when nothing fits
};

// Whether a map computed for scenario `a` also holds for `b`: the map sets the budget and the hours per
// week itself, so only the other inputs matter. Lets the page keep its map while the budget or hours
// slider is dragged (an incremental decision map).
bool SameMapInputs(const Scenario& a, const Scenario& b);

DecisionMap ComputeDecisionMap(const Scenario& s, const Catalog& c, int columns, int rows, double hours_max,
                               double budget_max_usd);

} // namespace labcalc::core
