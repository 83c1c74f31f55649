// Money in the person's currency on the page and the desktop: the currency picker beside the country, every
// amount shown in it, and money typed or slid in it, kept in dollars in the scenario (its fields say _usd).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/money.hpp"
#include "harness.hpp"
#include "ui/app_actions.hpp"
#include "ui/exposed_controls.hpp"
#include "ui/format.hpp"

using namespace labcalc;
using labcalc::test::Harness;

namespace {

const ui::ExposedControl* Find(const ui::AppState& state, const std::string& id)
{
    for (const ui::ExposedControl& c : state.a11y.controls)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("currency: chosen beside the country, every amount is shown in it and typed money is kept in dollars")
{
    Harness h;
    h.Settle();
    const ui::ExposedControl* pick = Find(h.state, "currency");
    REQUIRE(pick);
    CHECK(pick->options.size() == h.state.catalog.currencies.size() + 1); // "automatic" first
    CHECK(Find(h.state, "budget_usd")->value_text == "$4,000");

    REQUIRE(ui::SetControlText(h.state, "currency", "EUR") == "");
    h.Settle();
    const core::Money& eur = h.state.results.report.money;
    REQUIRE(eur.code == "EUR");
    // The budget is still 4,000 dollars; the slider shows and sends euros.
    CHECK(h.state.scenario.budget_usd == 4000);
    const ui::ExposedControl* budget = Find(h.state, "budget_usd");
    CHECK(budget->value_text == core::FormatMoney(4000, eur));
    CHECK(budget->value == Approx(4000 * eur.per_usd));
    CHECK(Find(h.state, "budget_usd#typed")->label == "Budget up front, typed (EUR)");

    // Typed in euros, with or without the sign: kept as the dollars they are worth.
    CHECK(ui::SetControlText(h.state, "budget_usd#typed", "\u20ac3,000") == "");
    CHECK(h.state.scenario.budget_usd == Approx(3000 / eur.per_usd));
    h.Settle();
    CHECK(Find(h.state, "budget_usd")->value_text == "\u20ac3,000");
    // The slider's own element rounds in euros, as a drag does.
    CHECK(ui::SetControlText(h.state, "budget_usd", "1234.5") == "");
    CHECK(h.state.scenario.budget_usd == Approx(1230 / eur.per_usd));
    // A keyboard step lands on a round amount in euros.
    h.Settle();
    ui::StepControl(h.state, "budget_usd", 1, 0);
    const double stepped = h.state.scenario.budget_usd * eur.per_usd;
    CHECK(stepped == Approx(std::round(stepped)));

    // An advanced money input: the electricity price in EUR/kWh.
    ui::PressControl(h.state, "section.advanced");
    h.Settle();
    CHECK(ui::SetControlText(h.state, "electricity_usd_per_kwh", "0.30") == "");
    REQUIRE(h.state.scenario.electricity_usd_per_kwh);
    CHECK(*h.state.scenario.electricity_usd_per_kwh == Approx(0.30 / eur.per_usd));
    h.Settle();
    CHECK(Find(h.state, "electricity_usd_per_kwh")->typed_text == "0.3");
    CHECK(Find(h.state, "electricity_usd_per_kwh")->label.find("EUR/kWh") != std::string::npos);

    // The summary the screen reader reads: euros, no dollar amount.
    for (const std::string& line : ui::BuildSummary(h.state.results.report).lines) {
        if (line.rfind("Your inputs", 0) == 0 || line.find(" over ") != std::string::npos) {
            INFO(line);
            CHECK(line.find('$') == std::string::npos);
        }
    }

    // Back to automatic: Germany's money is the euro, Nigeria's has no rate in the catalog (dollars).
    REQUIRE(ui::SetControlText(h.state, "currency", "") == "");
    REQUIRE(ui::SetControlText(h.state, "country", "DE") == "");
    h.Settle();
    CHECK(h.state.results.report.money.code == "EUR");
    CHECK(h.state.results.report.money.chosen_by == "country");
    REQUIRE(ui::SetControlText(h.state, "country", "NG") == "");
    h.Settle();
    CHECK(h.state.results.report.money.code == "USD");
}
