// The start-up loader every face uses: the command line's order of rules, and each refusal naming the
// input and the rule in the command line's words.
#include <catch2/catch.hpp>

#include <string>

#include "core/catalog.hpp"
#include "core/load_inputs.hpp"
#include "core/presets.hpp"
#include "core/scenario_json.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;

namespace {

InputFile Read(std::string name, std::string text)
{
    return {std::move(name), Expected<std::string>::Ok(std::move(text))};
}

InputFile Unreadable(std::string name, std::string why)
{
    return {std::move(name), Expected<std::string>::Fail(std::move(why))};
}

std::string LoadError(const InputTexts& in)
{
    const Expected<LoadedInputs> r = LoadInputs(in);
    return r ? std::string() : r.error;
}

// The built-in catalog with its first offer only, so the other offers' ids are unknown to it.
std::string OneOfferCatalog()
{
    Catalog c = LoadDefaultCatalog();
    c.offers.resize(1);
    return CatalogToJson(c);
}

// An offer of the built-in catalog that OneOfferCatalog() leaves out.
std::string DroppedOfferPrice() { return "offer." + labcalc::test::Cat().offers.at(1).id + ".usd_per_gpu_hour"; }

} // namespace

TEST_CASE("load inputs: nothing given is the built-in catalog and the default scenario", "[load_inputs]")
{
    const Expected<LoadedInputs> r = LoadInputs(InputTexts{});
    REQUIRE(r);
    CHECK(CatalogToJson(r.value->catalog) == CatalogToJson(labcalc::test::Cat()));
    CHECK(r.value->catalog_name.empty());
    CHECK(r.value->scenario == Scenario{});
    CHECK(r.value->preset_name.empty());
}

TEST_CASE("load inputs: a good set loads, each input on top of the one before", "[load_inputs]")
{
    InputTexts in;
    in.catalog = Read("prices/mine.json", OneOfferCatalog());
    in.preset_name = "sensitive-data";
    in.scenario = Read("lab.json", R"({"hours_per_week": 40})");
    in.settings = {"budget_usd=5000", "budget_usd=7000"};
    const Expected<LoadedInputs> r = LoadInputs(in);
    REQUIRE(r);
    CHECK(r.value->catalog.offers.size() == 1);
    CHECK(r.value->catalog_name == "mine.json");

    Scenario want = *LoadPreset("sensitive-data").value; // the file's keys on top of the preset, then the settings
    want.hours_per_week = 40;
    want.budget_usd = 7000;
    CHECK(r.value->scenario == want);
    CHECK(r.value->preset_name.empty()); // the scenario is no longer the preset as it comes
}

TEST_CASE("load inputs: a preset alone keeps its name", "[load_inputs]")
{
    InputTexts in;
    in.preset_name = "beginner";
    const Expected<LoadedInputs> r = LoadInputs(in);
    REQUIRE(r);
    CHECK(r.value->scenario == *LoadPreset("beginner").value);
    CHECK(r.value->preset_name == "beginner");
    in.settings = {"hours_per_week=3"};
    CHECK(LoadInputs(in).value->preset_name.empty());
}

TEST_CASE("load inputs: each refusal names the input and the rule as the command line says it", "[load_inputs]")
{
    InputTexts in;
    in.catalog = Unreadable("c.json", "cannot open the file");
    CHECK(LoadError(in) == "--catalog c.json: cannot open the file");
    in.catalog = Read("c.json", R"({"schema": 1)");
    CHECK_THAT(LoadError(in), Catch::StartsWith("c.json: catalog: malformed JSON"));
    in.catalog = Read("c.json", R"({"hours_per_week": 40})");
    CHECK(LoadError(in) == "c.json: catalog: unknown key 'hours_per_week'");

    in = InputTexts{};
    in.preset_name = "nosuch";
    CHECK(LoadError(in) == "unknown preset 'nosuch' (labcalc --list-presets lists them)");

    in = InputTexts{};
    in.scenario = Unreadable("s.json", "larger than the limit of 4194304 bytes");
    CHECK(LoadError(in) == "--scenario s.json: larger than the limit of 4194304 bytes");
    in.scenario = Read("s.json", R"({"hours_per_week": "many"})");
    CHECK_THAT(LoadError(in), Catch::StartsWith("s.json: hours_per_week: ") && Catch::Contains("number"));
    in.scenario = Read("-", R"({"x": 1})");
    CHECK(LoadError(in) == "standard input: unknown key 'x'");
    in.scenario = Unreadable("-", "cannot open the file");
    CHECK(LoadError(in) == "--scenario -: cannot open the file");

    in = InputTexts{};
    in.settings = {"hours_per_week=-1"};
    CHECK(LoadError(in) == "--set hours_per_week: must be a number from 0 to 168 h/week (got -1)");
    in.settings = {"speed=3"};
    CHECK_THAT(LoadError(in), Catch::StartsWith("--set unknown key 'speed'"));

    in = InputTexts{};
    in.scenario = Read("s.json", R"({"assumptions": {"no.such.figure": 1}})");
    CHECK(LoadError(in) == "assumptions.no.such.figure: unknown figure id (see the report's assumptions for the ids)");
    in.scenario = Read("s.json", R"({"assumptions": {"home.max_gpus": 99}})");
    CHECK_THAT(LoadError(in), Catch::StartsWith("assumptions.home.max_gpus: must be from "));
}

TEST_CASE("load inputs: a name is printed without control characters and cut", "[load_inputs]")
{
    InputTexts in;
    in.scenario = Unreadable("no\nsuch.json", "cannot open the file");
    CHECK(LoadError(in) == "--scenario no?such.json: cannot open the file");
    in.scenario = Unreadable(std::string(300, 'p'), "cannot open the file");
    const std::string e = LoadError(in);
    CHECK_THAT(e, Catch::Contains(std::string(200, 'p') + "...: cannot open the file"));
    CHECK(e.find(std::string(201, 'p')) == std::string::npos);
}

TEST_CASE("load inputs: price overrides are checked against the catalog in use, settings included", "[load_inputs]")
{
    InputTexts in;
    in.scenario = Read("s.json", R"({"assumptions": {")" + DroppedOfferPrice() + R"(": 1.5}})");
    CHECK(LoadInputs(in)); // the built-in catalog has the offer
    in.catalog = Read("one.json", OneOfferCatalog());
    CHECK_THAT(LoadError(in), Catch::StartsWith("assumptions." + DroppedOfferPrice() + ": unknown figure id"));

    in.scenario.reset();
    in.settings = {"assumptions." + DroppedOfferPrice() + "=1.5"};
    CHECK_THAT(LoadError(in), Catch::StartsWith("assumptions." + DroppedOfferPrice() + ": unknown figure id"));
    in.settings.push_back("assumptions." + DroppedOfferPrice() + "=default"); // unset again: nothing left to check
    CHECK(LoadInputs(in));
}

TEST_CASE("load inputs: the first rule broken in the order catalog, preset, scenario, settings, overrides is reported",
          "[load_inputs]")
{
    InputTexts in;
    in.catalog = Read("c.json", "");
    in.preset_name = "nosuch";
    in.scenario = Unreadable("s.json", "cannot open the file");
    in.settings = {"speed=3"};
    CHECK_THAT(LoadError(in), Catch::StartsWith("c.json: catalog: "));
    in.catalog.reset();
    CHECK_THAT(LoadError(in), Catch::StartsWith("unknown preset 'nosuch'"));
    in.preset_name = "beginner";
    CHECK(LoadError(in) == "--scenario s.json: cannot open the file");
    in.scenario = Read("s.json", R"({"assumptions": {"no.such.figure": 1}})");
    CHECK_THAT(LoadError(in), Catch::StartsWith("--set unknown key 'speed'"));
    in.settings.clear();
    CHECK_THAT(LoadError(in), Catch::StartsWith("assumptions.no.such.figure: "));
}

TEST_CASE("load inputs: one file-size limit, 4 MiB, and no reader accepts more", "[load_inputs]")
{
    STATIC_REQUIRE(kMaxFileBytes == 4u * 1024 * 1024);
    STATIC_REQUIRE(kMaxFileBytes >= kMaxCatalogBytes); // every catalog the reader takes can be read from a file
    STATIC_REQUIRE(kMaxFileBytes >= kMaxInputBytes);
    // What a face read under the limit is still held to its reader's own limit.
    InputTexts in;
    in.catalog = Read("c.json", R"({"schema": 1)" + std::string(kMaxFileBytes, ' ') + "}");
    CHECK_THAT(LoadError(in), Catch::StartsWith("c.json: catalog: ") && Catch::Contains("limit"));
    in = InputTexts{};
    in.scenario = Read("s.json", R"({"budget_usd": 1)" + std::string(kMaxInputBytes, ' ') + "}");
    CHECK(LoadError(in) == "s.json: scenario: larger than the limit of 1048576 bytes");
}

TEST_CASE("load inputs: a catalog is shown under its file's own name", "[load_inputs]")
{
    CHECK(FileNameOf("mine.json") == "mine.json");
    CHECK(FileNameOf("/home/me/prices/mine.json") == "mine.json");
    CHECK(FileNameOf("C:\\prices\\mine.json") == "mine.json");
    CHECK(FileNameOf("-") == "-");
    CHECK(FileNameOf("folder/") == "");
}
