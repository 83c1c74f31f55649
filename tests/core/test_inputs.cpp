// Scenario and catalog readers: every class of bad input is rejected with the field and the rule.
#include <catch2/catch.hpp>

#include <random>

#include "core/catalog.hpp"
#include "core/compiled_assets.hpp"
#include "core/figure_ids.hpp"
#include "core/report.hpp"
#include "core/scenario_fields.hpp"
#include "core/scenario_json.hpp"
#include "core/url_state.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;

namespace {
std::string ScenarioError(const std::string& text)
{
    auto r = ParseScenarioJson(text);
    return r ? std::string() : r.error;
}
std::string SetError(const std::string& kv)
{
    Scenario s;
    return ApplySetting(s, kv).error;
}
} // namespace

TEST_CASE("scenario files: good input is read, defaults fill the rest", "[inputs]")
{
    auto r = ParseScenarioJson(
        R"({"budget_usd": 2500, "privacy": "confidential", "home": {"power_watts": 500}, "weights": {"latency": 3}})");
    REQUIRE(r);
    CHECK(r.value->budget_usd == 2500);
    CHECK(r.value->privacy == Privacy::confidential);
    CHECK(*r.value->home.power_watts == 500);
    CHECK(r.value->weights[static_cast<std::size_t>(Factor::latency)] == 3);
    CHECK(r.value->hours_per_week == Scenario{}.hours_per_week);
}

TEST_CASE("scenario files: every bad-input class names the key and the rule", "[inputs]")
{
    CHECK_THAT(ScenarioError(R"({"budget": 1})"), Catch::Contains("unknown key 'budget'"));
    CHECK_THAT(ScenarioError(R"({"hours_per_week": "ten"})"),
               Catch::Contains("hours_per_week") && Catch::Contains("number"));
    CHECK_THAT(ScenarioError(R"({"budget_usd": -5})"), Catch::Contains("budget_usd") && Catch::Contains("from 0"));
    CHECK_THAT(ScenarioError(R"({"hours_per_week": 200})"),
               Catch::Contains("hours_per_week") && Catch::Contains("168"));
    CHECK_THAT(ScenarioError(R"({"hours_per_week": NaN})"), Catch::Contains("malformed JSON"));
    CHECK_THAT(ScenarioError(R"({"hours_per_week": 1e308})"), Catch::Contains("hours_per_week"));
    CHECK_THAT(ScenarioError(R"({"privacy": "secret"})"),
               Catch::Contains("privacy") && Catch::Contains("on_premises_only"));
    CHECK_THAT(ScenarioError(R"({"horizon_months": 2.5})"),
               Catch::Contains("horizon_months") && Catch::Contains("whole number"));
    CHECK_THAT(ScenarioError(R"({"learn_hardware": 1})"),
               Catch::Contains("learn_hardware") && Catch::Contains("true or false"));
    CHECK_THAT(ScenarioError(R"({"home": {"power_watts": -1}})"), Catch::Contains("home.power_watts"));
    CHECK_THAT(ScenarioError(R"({"home": 3})"), Catch::Contains("home") && Catch::Contains("object"));
    CHECK_THAT(ScenarioError(R"({"cloud": {"nope": 1}})"), Catch::Contains("unknown key 'cloud.nope'"));
    CHECK_THAT(ScenarioError(R"({"weights": {"latency": 11}})"), Catch::Contains("weights.latency"));
    CHECK_THAT(ScenarioError(R"({"budget_usd": 1, "budget_usd": 2})"), Catch::Contains("duplicate key 'budget_usd'"));
    CHECK_THAT(ScenarioError(R"({"budget_usd": 1)"), Catch::Contains("malformed JSON"));
    CHECK_THAT(ScenarioError(""), Catch::Contains("empty"));
    CHECK_THAT(ScenarioError("[1,2]"), Catch::Contains("must be a JSON object"));
    CHECK_THAT(ScenarioError(std::string(40, '[') + std::string(40, ']')), Catch::Contains("nesting"));
    CHECK_THAT(ScenarioError(std::string(kMaxInputBytes + 1, ' ')), Catch::Contains("limit"));
    CHECK_THAT(ScenarioError(std::string("\x01\xff\xfe binary", 10)), Catch::Contains("malformed JSON"));
}

TEST_CASE("set KEY=VALUE: the same rules as files", "[inputs]")
{
    Scenario s;
    CHECK(ApplySetting(s, "home.hardware_usd=2200").error == "");
    CHECK(*s.home.hardware_usd == 2200);
    CHECK(ApplySetting(s, "home.hardware_usd=default").error == "");
    CHECK_FALSE(s.home.hardware_usd.has_value());
    // An assumption override goes back to the catalog's figure the same way (the sources table's "Default").
    CHECK(ApplySetting(s, "assumptions.home.base_system_usd=900").error == "");
    CHECK(s.assumptions.at("home.base_system_usd") == 900);
    CHECK(ApplySetting(s, "assumptions.home.base_system_usd=default").error == "");
    CHECK(s.assumptions.count("home.base_system_usd") == 0);
    CHECK(ApplySetting(s, "privacy=on_premises_only").error == "");
    CHECK(s.privacy == Privacy::on_premises_only);
    CHECK(ApplySetting(s, "learn_hardware=true").error == "");
    CHECK(ApplySetting(s, "weights.latency=4").error == "");
    CHECK(ApplySetting(s, "assumptions.home.base_system_usd=900").error == "");
    CHECK(s.assumptions["home.base_system_usd"] == 900);

    CHECK_THAT(SetError("nokey=1"), Catch::Contains("unknown key 'nokey'"));
    CHECK_THAT(SetError("hours_per_week"), Catch::Contains("KEY=VALUE"));
    CHECK_THAT(SetError("hours_per_week=nan"), Catch::Contains("hours_per_week"));
    CHECK_THAT(SetError("hours_per_week=inf"), Catch::Contains("hours_per_week"));
    CHECK_THAT(SetError("hours_per_week=12abc"), Catch::Contains("hours_per_week"));
    CHECK_THAT(SetError("cloud.usd_per_gpu_hour=-0.5"), Catch::Contains("cloud.usd_per_gpu_hour"));
    CHECK_THAT(SetError("budget_usd=default"), Catch::Contains("budget_usd"));
    CHECK_THAT(SetError("weights.speed=1"), Catch::Contains("unknown key 'weights.speed'"));
    CHECK_THAT(SetError("assumptions.home.base_system_usd=-3"), Catch::Contains("assumptions.home.base_system_usd"));
    Scenario t;
    REQUIRE(ApplySetting(t, "assumptions.no.such.figure=3").error == "");
    CHECK_THAT(CheckAssumptionIds(t, LoadDefaultCatalog()).error,
               Catch::Contains("assumptions.no.such.figure") && Catch::Contains("unknown"));
    Scenario u;
    REQUIRE(ApplySetting(u, "assumptions.gpu.rtx4090.price_usd=1700").error == "");
    CHECK(CheckAssumptionIds(u, LoadDefaultCatalog()).error == "");
}

TEST_CASE("set KEY=VALUE: numbers only as a scenario file writes them (no spaces, hexadecimal or plus sign)",
          "[inputs][hardening]")
{
    for (const char* bad : {"budget_usd= 5000", "budget_usd=5000 ", "budget_usd=0x1p10", "budget_usd=+5000",
                            "budget_usd=5.", "budget_usd=.5", "budget_usd=1e", "budget_usd=1,000", "budget_usd=\t5"})
        CHECK_THAT(SetError(bad), Catch::Contains("budget_usd"));
    Scenario s;
    for (const char* good :
         {"budget_usd=5000", "budget_usd=5000.25", "budget_usd=5e3", "budget_usd=5E+3", "budget_usd=-0"})
        CHECK(ApplySetting(s, good).error == "");
}

TEST_CASE("a NUL byte is malformed input, not the end of it (scenario, catalog, link, message)", "[inputs][hardening]")
{
    using namespace std::string_literals;
    const std::string scenario = "{\"budget_usd\": 1}\0{\"budget_usd\": 2, garbage"s;
    const auto parsed = ParseScenarioJson(scenario);
    CHECK_FALSE(parsed);
    CHECK_THAT(parsed.error, Catch::Contains("NUL byte at position 17"));
    std::string catalog = CatalogToJson(LoadDefaultCatalog());
    catalog += "\0garbage"s;
    CHECK_THAT(ParseCatalog(catalog).error, Catch::Contains("NUL byte"));
    CHECK_FALSE(DecodeScenarioFragment("#s=eyJidWRnZXRfdXNkIjoxfQ\0AAAA"s));
}

TEST_CASE("negative zero is read as zero", "[inputs]")
{
    auto r = ParseScenarioJson(R"({"budget_usd": -0.0})");
    REQUIRE(r);
    CHECK_FALSE(std::signbit(r.value->budget_usd));
}

TEST_CASE("scenario -> JSON -> scenario is the same scenario", "[inputs][property]")
{
    std::mt19937 rng(11);
    for (int i = 0; i < 500; ++i) {
        Scenario s = labcalc::test::RandomScenario(rng);
        s.home.gpu = i % 3 == 0 ? std::optional<std::string>("rtx4090") : std::nullopt;
        s.assumptions["cloud.idle_overhead_pct"] = i % 7;
        auto back = ScenarioFromJson(ScenarioToJson(s));
        REQUIRE(back);
        CHECK(*back.value == s);
        // And through the link fragment.
        auto linked = DecodeScenarioFragment("#" + EncodeScenarioFragment(s));
        REQUIRE(linked);
        CHECK(*linked.value == s);
    }
}

TEST_CASE("link fragments: defaults make a short link, bad fragments give errors", "[inputs][url]")
{
    CHECK(EncodeScenarioFragment(Scenario{}) == "s=" + Base64UrlEncode("{}"));
    CHECK(Base64UrlEncode("hello?") == "aGVsbG8_");
    CHECK(*Base64UrlDecode("aGVsbG8_").value == "hello?");
    CHECK(*Base64UrlDecode("aGk").value == "hi");
    CHECK_THAT(DecodeScenarioFragment("#s=%%%").error, Catch::Contains("not base64url"));
    CHECK_THAT(DecodeScenarioFragment("#embed=1").error, Catch::Contains("no s= part"));
    CHECK_THAT(DecodeScenarioFragment("#s=" + Base64UrlEncode(R"({"hours_per_week": -1})")).error,
               Catch::Contains("hours_per_week"));
    CHECK_THAT(DecodeScenarioFragment("#s=" + Base64UrlEncode("not json")).error, Catch::Contains("malformed"));
    CHECK_THAT(DecodeScenarioFragment("#s=" + std::string(kMaxFragmentBytes, 'A')).error,
               Catch::Contains("longer than"));
    auto mixed = DecodeScenarioFragment("#embed=1&s=" + Base64UrlEncode(R"({"hours_per_week": 40})"));
    REQUIRE(mixed);
    CHECK(mixed.value->hours_per_week == 40);
}

TEST_CASE("the built-in catalog is valid and every figure has a source and a date", "[catalog]")
{
    auto c = ParseCatalog(CompiledText("catalog.json"));
    REQUIRE(c);
    CHECK(c.value->gpus.size() >= 5);
    CHECK(c.value->offers.size() >= 10);
    for (const auto& [id, f] : c.value->figures) {
        INFO(id);
        CHECK_FALSE(f.source.empty());
        CHECK_FALSE(f.date.empty());
    }
    for (const FigureRule& rule : FigureRules())
        CHECK(c.value->figures.count(rule.id) == 1);
    // Round trip through the writer.
    auto again = ParseCatalog(CatalogToJson(*c.value));
    REQUIRE(again);
    CHECK(again.value->gpus.size() == c.value->gpus.size());
}

TEST_CASE("catalogs: bad files are rejected with the field and the rule", "[catalog]")
{
    auto doc = nlohmann::json::parse(CompiledText("catalog.json"));
    auto err = [](const nlohmann::json& j) {
        auto r = ParseCatalog(j.dump());
        return r ? std::string() : r.error;
    };
    {
        auto j = doc;
        j["gpus"][0]["price_usd"]["value"] = -1;
        CHECK_THAT(err(j), Catch::Contains("gpus[0].price_usd.value"));
    }
    {
        auto j = doc;
        j["figures"].erase("cloud.egress_usd_per_gb");
        CHECK_THAT(err(j), Catch::Contains("figures.cloud.egress_usd_per_gb: is missing"));
    }
    {
        auto j = doc;
        j["figures"]["home.base_system_usd"].erase("source");
        CHECK_THAT(err(j), Catch::Contains("home.base_system_usd.source"));
    }
    {
        auto j = doc;
        j["offers"][1]["usd_per_gpu_hour"]["date"] = "last year";
        CHECK_THAT(err(j), Catch::Contains("offers[1].usd_per_gpu_hour.date"));
    }
    {
        auto j = doc;
        j["offers"][0]["kind"] = "cheap";
        CHECK_THAT(err(j), Catch::Contains("offers[0].kind"));
    }
    {
        auto j = doc;
        j["gpus"][1]["id"] = j["gpus"][0]["id"];
        CHECK_THAT(err(j), Catch::Contains("used twice"));
    }
    {
        auto j = doc;
        j["extra"] = 1;
        CHECK_THAT(err(j), Catch::Contains("unknown key 'extra'"));
    }
    CHECK_THAT(ParseCatalog("{").error, Catch::Contains("malformed"));
}

TEST_CASE("exports: catalog text cannot add markup, lines or table cells to the Markdown and text reports",
          "[report][hardening]")
{
    Catalog c = LoadDefaultCatalog();
    const std::string hostile =
        "<script>alert(1)</script> [click](javascript:alert(1)) a|b\n# Heading\n- item `code` *em*";
    for (GpuModel& g : c.gpus) {
        g.name = hostile;
        g.price_usd.source = hostile;
    }
    for (CloudOffer& o : c.offers) {
        o.name = hostile;
        o.usd_per_gpu_hour.source = hostile;
    }
    for (auto& [id, f] : c.figures) {
        f.label = hostile;
        f.source = hostile;
    }
    const Report r = BuildReport(Scenario{}, c, ReportSettings{"2026-11-29", true});
    const std::string md = ReportToMarkdown(r);
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("[click](") == std::string::npos); // no link: its brackets are escaped
    CHECK(md.find("\n# Heading") == std::string::npos);
    CHECK(md.find("\n- item") == std::string::npos);
    CHECK(md.find("&lt;script&gt;") != std::string::npos); // shown as text
    // Every table row has as many cell separators as its header (an escaped \| is text).
    std::size_t start = 0;
    int header_cells = -1;
    while (start < md.size()) {
        const std::size_t end = md.find('\n', start);
        const std::string line = md.substr(start, end - start);
        start = end == std::string::npos ? md.size() : end + 1;
        if (line.empty() || line[0] != '|') {
            header_cells = -1;
            continue;
        }
        int cells = 0;
        for (std::size_t i = 0; i < line.size(); ++i)
            cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
        if (header_cells < 0)
            header_cells = cells;
        INFO(line);
        CHECK(cells == header_cells);
    }
    const std::string text = ReportToText(r);
    CHECK(text.find("\n# Heading") == std::string::npos);
    CHECK(text.find("\n- item") == std::string::npos);
}

TEST_CASE("the Markdown export holds the person's inputs, a link part to reopen them, and flips in the page's words",
          "[report]")
{
    Scenario s;
    REQUIRE(ApplySetting(s, "privacy=on_premises_only").error == "");
    REQUIRE(ApplySetting(s, "hours_per_week=27").error == "");
    REQUIRE(ApplySetting(s, "assumptions.home.base_system_usd=900").error == "");
    const std::string md = ReportToMarkdown(BuildReport(s, LoadDefaultCatalog(), ReportSettings{"2026-11-29", true}));
    CHECK_THAT(md, Catch::Contains("- Privacy need: on premises only"));
    CHECK_THAT(md, Catch::Contains("- Work per week: 27 h/week"));
    CHECK_THAT(md, Catch::Contains("- Your figure home.base\\_system\\_usd: 900"));
    const std::size_t at = md.find("`#s=");
    REQUIRE(at != std::string::npos);
    const std::string fragment = md.substr(at + 1, md.find('`', at + 1) - at - 1);
    const auto reopened = DecodeScenarioFragment(fragment);
    REQUIRE(reopened);
    CHECK(ScenarioToJson(*reopened.value) == ScenarioToJson(s));
    // No file keys in the flip lines.
    const std::string flips =
        md.substr(md.find("## What would change it"), md.find("## Your inputs") - md.find("## What would change it"));
    CHECK(flips.find("hours_per_week") == std::string::npos);
    CHECK(flips.find("on_premises_only") == std::string::npos);
}

TEST_CASE("a number typed into a box reads as a person means it, and nothing else reads at all", "[inputs][typed]")
{
    using labcalc::core::ParseTypedNumber;
    const std::pair<const char*, double> good[] = {
        {"4000", 4000},         {"4,000", 4000}, {"$4,000", 4000}, {" 4 000 ", 4000}, {"4,000.50", 4000.5},
        {"1,234,567", 1234567}, {"0,16", 0.16},  {"0,160", 0.16},  {"12,5", 12.5},    {"1 200,5", 1200.5},
        {"0.16", 0.16},         {"-$5", -5},     {"$-5", -5},      {"1e3", 1000},     {"4000 USD", 4000},
    };
    for (const auto& [text, value] : good) {
        INFO(text);
        const std::optional<double> v = ParseTypedNumber(text, "USD");
        REQUIRE(v);
        CHECK(*v == Approx(value));
    }
    CHECK(ParseTypedNumber("20 h/week", "h/week") == Approx(20));
    const char* bad[] = {"",   " ",    "abc", "1,2,3", "4.000.000", "1 000,000,0", "$",     "--5",
                         "5-", "0x10", "inf", "nan",   "4 000,000", "20 h/week",   "2e308", "-1e999"};
    for (const char* text : bad) {
        INFO(text);
        CHECK_FALSE(ParseTypedNumber(text, "USD"));
    }
}

TEST_CASE("a typed value that breaks a field's rule is refused with the field, the rule and the text",
          "[inputs][typed]")
{
    using namespace labcalc::core;
    Scenario s;
    const FieldSpec* budget = FindField("budget_usd");
    REQUIRE(budget);
    REQUIRE(SetFieldTyped(s, *budget, "$3,500").error == "");
    CHECK(s.budget_usd == 3500);
    const std::string error = SetFieldTyped(s, *budget, "lots").error;
    CHECK(error.find("budget_usd") != std::string::npos);
    CHECK(error.find("must be a number from") != std::string::npos);
    CHECK(error.find("'lots'") != std::string::npos);
    CHECK(s.budget_usd == 3500); // the last good value stays
    CHECK_FALSE(SetFieldTyped(s, *budget, "-1").error.empty());
    const FieldSpec* horizon = FindField("horizon_months");
    REQUIRE(horizon);
    CHECK(SetFieldTyped(s, *horizon, "24.5").error.find("whole number") != std::string::npos);
    CHECK(SetFieldTyped(s, *horizon, "24").error == "");
    CHECK(s.horizon_months == 24);
}
