// Hardware you already own: its price is sunk. What counts is its running cost, an upgrade, and what selling
// it now would bring (forgone by keeping it); the home and hybrid options use it, and the reasons say so.
#include <catch2/catch.hpp>

#include <random>

#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

namespace {

Scenario Owning(const char* gpu)
{
    Scenario s;
    REQUIRE(ApplySetting(s, "home.owned=true"));
    REQUIRE(ApplySetting(s, std::string("home.gpu=") + gpu));
    return s;
}

OptionCost Home(const Evaluation& e) { return e.cost[static_cast<std::size_t>(Option::home)]; }

} // namespace

TEST_CASE("owned: the machine's price never counts, its sale now and at the end do", "[owned]")
{
    Scenario s = Owning("rtx3090-used");
    REQUIRE(ApplySetting(s, "home.owned_value_usd=900"));
    REQUIRE(ApplySetting(s, "budget_usd=0"));
    const Evaluation e = Evaluate(s, Cat());
    const OptionCost h = Home(e);
    REQUIRE(h.gpu_index >= 0);
    CHECK(Cat().gpus[static_cast<std::size_t>(h.gpu_index)].id == "rtx3090-used");
    CHECK(h.gpu_count == 1);                // no count given: the one GPU it has
    CHECK(h.upfront_usd == 0);              // nothing to buy
    CHECK((h.blockers & kOverBudget) == 0); // a budget of nothing still keeps it
    CHECK(h.forgone_sale_usd == 900);
    CHECK(h.total_usd == Approx(900 + h.monthly_usd * s.horizon_months - h.resale_usd));
    CHECK(h.resale_usd < 900);
    CHECK(h.resale_usd > 0);

    // Sunk: the GPU's price (any price) changes nothing once its sale value is known.
    for (double price : {0.0, 300.0, 5000.0, 40000.0}) {
        Scenario t = s;
        t.assumptions["gpu.rtx3090-used.price_usd"] = price;
        const OptionCost other = Home(Evaluate(t, Cat()));
        INFO(price);
        CHECK(other.upfront_usd == 0);
        CHECK(other.total_usd == Approx(h.total_usd));
    }

    // An upgrade is money up front, and the budget judges it.
    REQUIRE(ApplySetting(s, "home.upgrade_usd=250"));
    const OptionCost upgraded = Home(Evaluate(s, Cat()));
    CHECK(upgraded.upfront_usd == 250);
    CHECK((upgraded.blockers & kOverBudget) != 0);
    CHECK(upgraded.total_usd == Approx(h.total_usd + 250));
}

TEST_CASE("owned: keeping it beats buying the same machine by its price less its sale value", "[owned]")
{
    Scenario bought;
    REQUIRE(ApplySetting(bought, "home.gpu=rtx4090"));
    REQUIRE(ApplySetting(bought, "home.gpu_count=1"));
    REQUIRE(ApplySetting(bought, "budget_usd=10000"));
    Scenario owned = bought;
    REQUIRE(ApplySetting(owned, "home.owned=true"));
    const OptionCost b = Home(Evaluate(bought, Cat()));
    const OptionCost o = Home(Evaluate(owned, Cat()));
    // The same machine, the same electricity; upkeep is a share of what each is worth (less for the one you
    // have); owning skips the purchase, keeping forgoes the sale (its catalog price less the fee).
    CHECK(o.monthly.power_usd == Approx(b.monthly.power_usd));
    CHECK(o.monthly.maintenance_usd < b.monthly.maintenance_usd);
    CHECK(o.forgone_sale_usd < b.upfront_usd);
    CHECK(o.total_usd < b.total_usd);
    CHECK(o.total_usd == Approx(o.forgone_sale_usd + o.monthly_usd * owned.horizon_months - o.resale_usd));

    // The hybrid's machine at home is the one you own, too.
    const Evaluation e = Evaluate(owned, Cat());
    const OptionCost& hy = e.cost[static_cast<std::size_t>(Option::hybrid)];
    if (hy.gpu_index >= 0) {
        CHECK(hy.upfront_usd == 0);
        CHECK(hy.forgone_sale_usd == Approx(o.forgone_sale_usd));
    }
}

TEST_CASE("owned: the report says what counts instead of the price, and no GPU named is a limit with a reason",
          "[owned]")
{
    Scenario s = Owning("rtx3060-12-used");
    REQUIRE(ApplySetting(s, "vram_gb=10"));
    const Report r = BuildReport(s, Cat());
    bool said = false;
    for (const Reason& reason : r.reasons)
        said = said || reason.text.find("already have the machine, so its price is sunk") != std::string::npos;
    CHECK(said);
    CHECK(r.options[0].setup.find("already yours") != std::string::npos);

    Scenario unnamed;
    REQUIRE(ApplySetting(unnamed, "home.owned=true"));
    const Report u = BuildReport(unnamed, Cat());
    CHECK((u.options[0].cost.blockers & kUnknownGpu) != 0);
    bool named = false;
    for (const Reason& reason : u.reasons)
        named = named || reason.text.find("say which GPU it has (home.gpu)") != std::string::npos;
    CHECK(named);
    CHECK(u.recommendation != Option::home);
}

TEST_CASE("owned: over random scenarios, the price paid for an owned machine is never counted", "[owned][property]")
{
    std::mt19937 rng(20261130);
    int checked = 0;
    for (int i = 0; i < 2000; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        if (!s.home.owned)
            continue;
        const Evaluation e = Evaluate(s, Cat());
        for (int o : {0, 2}) {
            const OptionCost& c = e.cost[static_cast<std::size_t>(o)];
            if (c.gpu_index < 0)
                continue;
            INFO(OptionKey(static_cast<Option>(o)));
            // The upgrade is the only money spent on it: up front, or in instalments when financed.
            CHECK(c.upfront_usd + c.financed_usd == Approx(s.home.upgrade_usd.value_or(0)));
            CHECK(c.forgone_sale_usd >= 0);
            CHECK(c.resale_usd <= c.forgone_sale_usd + 1e-9); // worth no more at the end than now
            ++checked;
        }
    }
    CHECK(checked > 100);
}
