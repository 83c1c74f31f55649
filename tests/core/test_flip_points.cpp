#include <catch2/catch.hpp>

#include <algorithm>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/flip_points.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

using namespace labcalc::core;

TEST_CASE("flip points: the recommendation really changes at the value found", "[flips]")
{
    const Catalog c = LoadDefaultCatalog();
    for (const char* preset_hours : {"5", "20", "60", "140"}) {
        Scenario s;
        REQUIRE(ApplySetting(s, std::string("hours_per_week=") + preset_hours).error == "");
        const Option start = Evaluate(s, c).recommended;
        const auto flips = FindFlipPoints(s, c);
        int numeric = 0;
        for (const FlipPoint& f : flips) {
            INFO(FlipInWords(f));
            if (!f.value) {
                CHECK_FALSE(f.note.empty());
                continue;
            }
            if (f.input == "privacy")
                continue;
            ++numeric;
            const FieldSpec* spec = FindField(f.input);
            REQUIRE(spec);
            Scenario at = s;
            REQUIRE(SetFieldNumber(at, *spec, *f.value).error == "");
            CHECK(Evaluate(at, c).recommended == f.to);
            // Just on the current side of the flip, the answer is still the current one.
            // (The value is shown rounded towards the flip to 0.001: step back past that rounding.)
            const double step = f.input == std::string("horizon_months")
                ? 1.0
                : std::max((spec->max_value - spec->min_value) * 1e-4, 0.002);
            const double before = f.direction == FlipDirection::above ? *f.value - step : *f.value + step;
            Scenario near = s;
            REQUIRE(SetFieldNumber(near, *spec, before).error == "");
            CHECK(Evaluate(near, c).recommended == start);
        }
        CHECK(flips.size() >= 5); // every input is reported, with a flip or a "no flip" note
        (void)numeric;
    }
}
