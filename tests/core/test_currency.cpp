// Money in the person's currency: the catalog's dated, sourced exchange rates (quoted per euro); the scenario's
// `currency`, else its country's; every amount of a report shown in it, the JSON carrying the currency and its
// rate; the model itself untouched (it works in US dollars).
#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "core/figure_ids.hpp"
#include "core/flip_points.hpp"
#include "core/money.hpp"
#include "core/report.hpp"
#include "core/report_json.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/url_state.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;

TEST_CASE("currency: the catalog quotes each rate per euro, with its source and date", "[currency]")
{
    const Catalog& c = Cat();
    for (const char* code : {"USD", "EUR", "GBP", "INR", "JPY", "CAD", "AUD", "CNY", "BRL"}) {
        INFO(code);
        const Currency* m = FindCurrency(c, code);
        REQUIRE(m);
        CHECK(m->per_eur.value > 0);
        CHECK_FALSE(m->per_eur.source.empty());
        CHECK(m->per_eur.date.size() == 10);
        CHECK_FALSE(m->symbol.empty());
    }
    // Every country's money is a catalog currency (a country without one shows US dollars).
    int with_money = 0;
    for (const Country& k : c.countries)
        if (!k.currency.empty()) {
            INFO(k.code);
            CHECK(FindCurrency(c, k.currency));
            ++with_money;
        }
    CHECK(with_money >= 30);
}

TEST_CASE("currency: a dollar's worth is the currency's rate over the dollar's, both the ECB's", "[currency]")
{
    const Catalog& c = Cat();
    const double usd_per_eur = FindCurrency(c, "USD")->per_eur.value;
    CHECK(usd_per_eur == Approx(1.1429)); // the ECB's reference rate of 2025-06-10
    const Money eur = MoneyOf(c, "EUR");
    CHECK(eur.code == "EUR");
    CHECK(eur.per_usd == Approx(1 / 1.1429));
    CHECK(MoneyOf(c, "GBP").per_usd == Approx(0.8464 / 1.1429));
    CHECK(MoneyOf(c, "INR").per_usd == Approx(97.8069 / 1.1429));
    CHECK(MoneyOf(c, "JPY").per_usd == Approx(165.23 / 1.1429));
    CHECK(MoneyOf(c, "USD").per_usd == 1);
    CHECK(MoneyOf(c, "QQQ").code == "USD"); // unknown: dollars
    CHECK_THAT(eur.rate_source, Catch::Contains("European Central Bank"));
    CHECK(eur.rate_date == "2025-06-10");

    // A round trip through any currency gives the dollars back.
    for (const Currency& m : c.currencies) {
        const Money money = MoneyOf(c, m.code);
        for (double usd : {0.0, 0.16, 4000.0, 123456.789}) {
            INFO(m.code << " " << usd);
            CHECK(ToUsd(FromUsd(usd, money), money) == Approx(usd).margin(1e-9));
        }
    }
    // Shown with the currency's symbol, whole units from 10 up.
    CHECK(FormatMoney(4000, MoneyOf(c, "EUR")) == "\u20ac3,500");
    CHECK(FormatMoney(0.30, MoneyOf(c, "EUR")) == "\u20ac0.26");
    CHECK(FormatMoney(-1000, MoneyOf(c, "CHF")) == "-CHF 822");
    CHECK(FormatMoney(4000, Money{}) == "$4,000");
}

TEST_CASE("currency: the scenario's choice, else the country's money, else US dollars", "[currency]")
{
    Scenario s;
    CHECK(ResolveMoney(s, Cat()).code == "USD");
    CHECK(ResolveMoney(s, Cat()).chosen_by == "default");
    REQUIRE(ApplySetting(s, "country=DE"));
    CHECK(ResolveMoney(s, Cat()).code == "EUR");
    CHECK(ResolveMoney(s, Cat()).chosen_by == "country");
    REQUIRE(ApplySetting(s, "country=NG")); // no ECB rate for the naira: dollars
    CHECK(ResolveMoney(s, Cat()).code == "USD");
    REQUIRE(ApplySetting(s, "currency=JPY"));
    CHECK(ResolveMoney(s, Cat()).code == "JPY");
    CHECK(ResolveMoney(s, Cat()).chosen_by == "you");
    REQUIRE(ApplySetting(s, "currency=default"));
    CHECK_FALSE(s.currency);

    // A code the catalog lacks is refused, naming the field.
    Scenario bad;
    REQUIRE(ApplySetting(bad, "currency=XYZ")); // text: the catalog check comes with the scenario's evaluation
    const Status refused = CheckAssumptionIds(bad, Cat());
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error, Catch::StartsWith("currency: 'XYZ' is not a currency of the catalog"));
}

TEST_CASE("currency: a report shows every amount in it, and the model is untouched", "[currency]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "currency=EUR"));
    const Report eur = BuildReport(s, Cat());
    const Report usd = BuildReport(Scenario{}, Cat());
    // Same advice, same dollars.
    CHECK(eur.recommendation == usd.recommendation);
    for (std::size_t o = 0; o < 3; ++o)
        CHECK(eur.options[o].cost.total_usd == usd.options[o].cost.total_usd);
    // The JSON carries the currency and its rate; every *_usd field stays in dollars.
    const nlohmann::json j = ReportJson(eur);
    CHECK(j["schema"] == "labcalc.report/4");
    CHECK(j["currency"]["code"] == "EUR");
    CHECK(j["currency"]["per_usd"].get<double>() == Approx(1 / 1.1429));
    CHECK(j["currency"]["chosen_by"] == "you");
    CHECK(j["currency"]["rate_date"] == "2025-06-10");
    CHECK(j["options"]["home"]["total_usd"] == ReportJson(usd)["options"]["home"]["total_usd"]);
    CHECK(ReportJson(usd)["currency"]["code"] == "USD");
    CHECK(ReportJson(usd)["currency"]["rate_source"].is_null());
    // Text and Markdown: amounts in euros, the rate stated; no dollar amount left in the reasons.
    const std::string text = ReportToText(eur);
    CHECK_THAT(text, Catch::Contains("Money in EUR at 0.875 EUR per US dollar"));
    CHECK_THAT(text, Catch::Contains(FormatMoney(eur.options[0].cost.total_usd, eur.money)));
    for (const Reason& r : eur.reasons) {
        INFO(r.text);
        CHECK(r.text.find('$') == std::string::npos);
    }
    for (const RuleCheck& r : eur.rules) {
        INFO(r.why);
        CHECK(r.why.find('$') == std::string::npos);
    }
    CHECK_THAT(ReportToMarkdown(eur), Catch::Contains("Money in EUR"));
    // The CSV keeps its dollar columns and adds the same in euros.
    const std::string csv = ReportToCsv(eur);
    CHECK_THAT(csv, Catch::StartsWith("month,home_cumulative_usd,"));
    CHECK_THAT(csv, Catch::Contains(",home_cumulative_eur,"));
    CHECK(ReportToCsv(usd).find("_eur") == std::string::npos);
    // A budget flip point reads in euros, and so does a range searched without a flip.
    Scenario no_flip = s;
    no_flip.budget_usd = 1000000; // far past every machine: no budget changes the answer
    for (const FlipPoint& f : BuildReport(no_flip, Cat()).flip_points)
        if (f.input == "budget_usd" && !f.value) {
            INFO(FlipInWords(f, eur.money));
            CHECK(FlipInWords(f, eur.money).find(" EUR") != std::string::npos);
            CHECK(FlipInWords(f, eur.money).find("USD") == std::string::npos);
        }
    for (const FlipPoint& f : eur.flip_points)
        if (f.input == "budget_usd" && f.value) {
            INFO(FlipInWords(f, eur.money));
            CHECK(FlipInWords(f, eur.money).find("\u20ac") != std::string::npos);
        }
}

TEST_CASE("currency: in the scenario file and the link, and the advice never depends on it", "[currency]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "currency=INR"));
    const auto back = ParseScenarioJson(ScenarioToJson(s).dump());
    REQUIRE(back);
    CHECK(back.value->currency == std::optional<std::string>("INR"));
    const auto linked = DecodeScenarioFragment(EncodeScenarioFragment(s));
    REQUIRE(linked);
    CHECK(linked.value->currency == std::optional<std::string>("INR"));

    // Over random scenarios, the shown currency changes no figure of the model.
    std::mt19937 rng(9);
    for (int i = 0; i < 300; ++i) {
        Scenario a = labcalc::test::RandomScenario(rng);
        Scenario b = a;
        b.currency = Cat().currencies[static_cast<std::size_t>(i) % Cat().currencies.size()].code;
        const Evaluation ea = Evaluate(a, Cat()), eb = Evaluate(b, Cat());
        INFO(*b.currency);
        CHECK(ea.recommended == eb.recommended);
        for (std::size_t o = 0; o < 3; ++o)
            CHECK(ea.cost[o].total_usd == eb.cost[o].total_usd);
    }
}

TEST_CASE("currency: a catalog's currencies are checked like every other figure", "[currency][catalog]")
{
    const std::string good = CatalogToJson(Cat());
    auto broken = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        const std::size_t at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
        const Expected<Catalog> c = ParseCatalog(t);
        REQUIRE_FALSE(c);
        return c.error;
    };
    CHECK_THAT(broken("{\"code\": \"GBP\"", "{\"code\": \"gbp\""),
               Catch::Contains("currencies[2].code: must be three capital letters"));
    CHECK_THAT(broken("\"currency\": \"EUR\"", "\"currency\": \"XEU\""),
               Catch::Contains(".currency: 'XEU' is not a currency of the catalog's currencies"));
    CHECK_THAT(broken("{\"code\": \"USD\", \"name\": \"US dollar\"", "{\"code\": \"USX\", \"name\": \"US dollar\""),
               Catch::Contains("currencies: must list USD"));
}

TEST_CASE("currency: a country's tariff quoted in its own money shows in that money as quoted", "[currency]")
{
    // A tariff its source quotes in the country's money is converted to dollars at the catalog's own rate, so
    // the person who sees money in that currency sees the quoted price (to the four decimals the catalog keeps),
    // not one converted there and back at two different rates.
    const std::regex quoted(R"(([0-9.]+) ([A-Z]{3}) at ([0-9.]+) ([A-Z]{3}) per USD \(the catalog's exchange rate)");
    int checked = 0;
    for (const Country& place : Cat().countries) {
        const std::string& source = place.electricity_usd_per_kwh.source;
        INFO(place.code << ": " << source);
        CHECK(source.find("per USD (US Federal Reserve") == std::string::npos);
        CHECK(source.find("per USD (currencyapi") == std::string::npos);
        std::smatch m;
        if (!std::regex_search(source, m, quoted))
            continue;
        const Money money = MoneyOf(Cat(), m[2].str());
        REQUIRE(money.code == m[2].str());
        CHECK(std::stod(m[3].str()) == Approx(money.per_usd).epsilon(1e-4));
        CHECK(FromUsd(place.electricity_usd_per_kwh.value, money) == Approx(std::stod(m[1].str())).epsilon(2e-4));
        ++checked;
    }
    CHECK(checked >= 17);
}
