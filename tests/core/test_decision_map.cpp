#include <catch2/catch.hpp>

#include "core/catalog.hpp"
#include "core/decision_map.hpp"
#include "core/evaluate.hpp"

using namespace labcalc::core;

TEST_CASE("decision map: each cell is the full model's answer at that budget and workload", "[decision_map]")
{
    const Catalog c = LoadDefaultCatalog();
    Scenario s;
    s.privacy = Privacy::confidential;
    const DecisionMap map = ComputeDecisionMap(s, c, 24, 16, 168, 20000);
    REQUIRE(map.cells.size() == 24u * 16u);
    CHECK(map.HoursAt(0) == 0);
    CHECK(map.HoursAt(23) == Approx(168));
    CHECK(map.BudgetAt(15) == Approx(20000));
    int differing_cells = 0;
    for (int col = 0; col < map.columns; col += 5)
        for (int row = 0; row < map.rows; row += 3) {
            Scenario t = s;
            t.hours_per_week = map.HoursAt(col);
            t.budget_usd = map.BudgetAt(row);
            const Evaluation e = Evaluate(t, c);
            INFO("col " << col << " row " << row);
            CHECK(map.At(col, row) == static_cast<int>(e.recommended) + (e.any_feasible ? 0 : 4));
        }
    for (std::uint8_t v : map.cells)
        differing_cells += v != map.cells[0] ? 1 : 0;
    CHECK(differing_cells > 0); // the map is not one colour: budget and hours matter
}
