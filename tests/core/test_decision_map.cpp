#include <catch2/catch.hpp>

#include "core/catalog.hpp"
#include "core/decision_map.hpp"
#include "core/evaluate.hpp"
#include "test_helpers.hpp"

#include <random>

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
            CHECK(map.At(col, row) == Outcome{e.recommended, e.any_feasible});
        }
    for (std::uint8_t v : map.cells)
        differing_cells += v != map.cells[0] ? 1 : 0;
    CHECK(differing_cells > 0); // the map is not one colour: budget and hours matter
}

// The page keeps its map while the budget or hours slider moves (src/ui/app_actions.cpp): that is right
// only if the map really does not depend on the scenario's own budget and hours.
TEST_CASE("decision map: the scenario's own budget and hours do not change the map", "[decision_map]")
{
    const Catalog c = LoadDefaultCatalog();
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> budget(0, 60000), hours(0, 168);
    for (int i = 0; i < 40; ++i) {
        const Scenario a = labcalc::test::RandomScenario(rng);
        Scenario b = a;
        b.budget_usd = budget(rng);
        b.hours_per_week = hours(rng);
        REQUIRE(SameMapInputs(a, b));
        const DecisionMap ma = ComputeDecisionMap(a, c, 21, 14, 168, 50000);
        const DecisionMap mb = ComputeDecisionMap(b, c, 21, 14, 168, 50000);
        CHECK(ma.cells == mb.cells);
    }
    // Any other input does count.
    Scenario a;
    Scenario b = a;
    b.privacy = Privacy::on_premises_only;
    CHECK_FALSE(SameMapInputs(a, b));
    b = a;
    b.vram_gb = 80;
    CHECK_FALSE(SameMapInputs(a, b));
    b = a;
    b.assumptions["any.figure"] = 1; // compared as given (checked against the catalog elsewhere)
    CHECK_FALSE(SameMapInputs(a, b));
}
