// Price import: the three table formats from their fixtures (tests/fixtures/prices), per-GPU prices, the GPU
// alias table, rows left out and why, on-demand / spot / commitment prices kept apart, the history of a price,
// the strict catalog reader for it, errors that point at a file, line and column, and an import that changes
// nothing the second time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/run_cli.hpp"
#include "core/catalog.hpp"
#include "core/compiled_assets.hpp"
#include "core/csv.hpp"
#include "core/price_import.hpp"
#include "core/report.hpp"
#include "core/text_format.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;

namespace {

std::string Fixture(const std::string& path)
{
    std::ifstream in(std::string(LABCALC_FIXTURES_DIR) + "/prices/" + path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

PriceFile FixtureFile(const std::string& path) { return {"tests/fixtures/prices/" + path, Fixture(path), ""}; }

PriceFile Text(const std::string& name, const std::string& text, const std::string& provider = "")
{
    return {name, text, provider};
}

ImportResult Import(const Catalog& base, const std::vector<PriceFile>& files, PriceFormat format,
                    const std::string& as_of = "")
{
    ImportOptions o;
    o.format = format;
    o.as_of = as_of;
    auto r = ImportPrices(base, files, o);
    INFO(r.error);
    REQUIRE(r);
    return *r.value;
}

std::string ImportError(const std::vector<PriceFile>& files, PriceFormat format, const std::string& as_of = "")
{
    ImportOptions o;
    o.format = format;
    o.as_of = as_of;
    auto r = ImportPrices(labcalc::test::Cat(), files, o);
    REQUIRE_FALSE(r);
    return r.error;
}

const CloudOffer& Offer(const Catalog& c, const std::string& id)
{
    for (const CloudOffer& o : c.offers)
        if (o.id == id)
            return o;
    FAIL("no offer " << id);
    throw;
}

// One offer as the catalog file writes it.
std::string OfferJson(const CloudOffer& o)
{
    Catalog one;
    one.offers = {o};
    return CatalogToJson(one);
}

bool HasOffer(const Catalog& c, const std::string& id)
{
    return std::any_of(c.offers.begin(), c.offers.end(), [&](const CloudOffer& o) { return o.id == id; });
}

std::string AllNotes(const ImportResult& r)
{
    std::string all;
    for (const std::string& n : r.notes)
        all += n + "\n";
    return all;
}

bool IsAscii(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const std::vector<std::string> kSkyPilot = {"skypilot/aws/vms.csv", "skypilot/vast/vms.csv", "skypilot/lambda/vms.csv"};

std::vector<PriceFile> Files(const std::vector<std::string>& paths)
{
    std::vector<PriceFile> out;
    for (const std::string& p : paths)
        out.push_back(FixtureFile(p));
    return out;
}

} // namespace

TEST_CASE("price tables: the CSV reader takes quotes, CRLF, a BOM and blank lines", "[prices][csv]")
{
    const std::string text = "\xEF\xBB\xBF"
                             "name,info,price\r\n"
                             "\r\n"
                             "a,\"{'Gpus': [{'Name': 'T4', 'Count': 1}]}\",1.5\r\n"
                             "  \r\n"
                             "\"b \"\"quoted\"\"\", \"two\nlines\" ,2\n"
                             "c,,\n";
    auto t = ParseCsv(text, "t.csv");
    REQUIRE(t);
    CHECK(t.value->header.fields == std::vector<std::string>{"name", "info", "price"});
    REQUIRE(t.value->records.size() == 3);
    CHECK(t.value->records[0].line == 3);
    CHECK(t.value->records[0].fields[1] == "{'Gpus': [{'Name': 'T4', 'Count': 1}]}");
    CHECK(t.value->records[0].columns[2] == 44);
    CHECK(t.value->records[1].line == 5);
    CHECK(t.value->records[1].fields[0] == "b \"quoted\"");
    CHECK(t.value->records[1].fields[1] == "two\nlines");
    CHECK(t.value->records[2].line == 7); // the quoted line break counts
    CHECK(t.value->records[2].fields == std::vector<std::string>{"c", "", ""});

    auto error = [](const std::string& csv) {
        auto r = ParseCsv(csv, "bad.csv");
        return r ? std::string() : r.error;
    };
    CHECK(error("a,b\n1,\"2\n") == "bad.csv: line 2, column 3: a quoted field is not closed (a \" is missing)");
    CHECK(
        error("a,b\n1,\"2\"x\n") ==
        "bad.csv: line 2, column 6: text after the closing quote of a field (a quote inside a field is written \"\")");
    CHECK_THAT(error("a,b\n1,2,3\n"), Catch::StartsWith("bad.csv: line 2, column 5: 3 fields where the header has 2"));
    CHECK_THAT(error("a,b,c\n1,2\n"), Catch::StartsWith("bad.csv: line 2, column 4: 2 fields where the header has 3"));
    CHECK(error("") == "bad.csv: empty: no header row");
    CHECK(error("\n\r\n  \n") == "bad.csv: empty: no header row");
    CHECK_THAT(error(std::string("a,b\n1,\0", 7)), Catch::Contains("NUL byte"));
}

TEST_CASE("price tables: the format is told by the header row", "[prices]")
{
    CHECK(DetectPriceFormat(Fixture("skypilot/aws/vms.csv")) == PriceFormat::skypilot);
    CHECK(DetectPriceFormat(Fixture("skypilot/vast/vms.csv")) == PriceFormat::skypilot);
    CHECK(DetectPriceFormat(Fixture("skypilot/lambda/vms.csv")) == PriceFormat::skypilot); // v7: no Arch
    CHECK(DetectPriceFormat(Fixture("fsdl/cloud-gpus.csv")) == PriceFormat::fsdl);
    CHECK(DetectPriceFormat(Fixture("per-gpu-hour/gpu_prices.csv")) == PriceFormat::per_gpu_hour);
    CHECK_FALSE(DetectPriceFormat("a,b,c\n1,2,3\n"));
    CHECK_FALSE(DetectPriceFormat(""));
    CHECK_FALSE(DetectPriceFormat(CompiledText("catalog.json")));
    for (PriceFormat f : {PriceFormat::skypilot, PriceFormat::fsdl, PriceFormat::per_gpu_hour})
        CHECK(PriceFormatFromKey(PriceFormatKey(f)) == f);
    CHECK_FALSE(PriceFormatFromKey("csv"));
}

TEST_CASE("price import: SkyPilot tables (AWS v8, Vast, Lambda v7) become the expected offers", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    const ImportResult r = Import(base, Files(kSkyPilot), PriceFormat::skypilot, "2026-12-01");
    const Catalog& c = r.catalog;
    CHECK(c.as_of == "2026-12-01");
    CHECK(c.offers.size() == base.offers.size() + 5);

    // The instance type the offer names (g5.xlarge, not g5.12xlarge), in its cheapest region; spot from the
    // same instance type.
    const CloudOffer& a10g = Offer(c, "aws-g5-a10g");
    CHECK(a10g.usd_per_gpu_hour.value == 1.1);
    CHECK(a10g.usd_per_gpu_hour.date == "2026-12-01");
    CHECK(a10g.usd_per_gpu_hour.source ==
          "SkyPilot catalog (skypilot-org/skypilot-catalog) aws/vms.csv: g5.xlarge, us-east-2, on demand");
    REQUIRE(a10g.spot_usd_per_gpu_hour);
    CHECK(a10g.spot_usd_per_gpu_hour->value == 0.4123);
    // The same price at a newer date: only the date and source move.
    const CloudOffer& t4 = Offer(c, "aws-g4dn-t4");
    CHECK(t4.usd_per_gpu_hour.value == 0.526);
    CHECK(t4.usd_per_gpu_hour.date == "2026-12-01");
    CHECK(t4.usd_per_gpu_hour.history.empty());
    CHECK(t4.spot_usd_per_gpu_hour->value == 0.1801);
    CHECK_THAT(t4.spot_usd_per_gpu_hour->source, Catch::Contains("g4dn.xlarge, eu-west-1, spot"));
    // 8 GPUs: the instance's price over its GPUs, said in the source.
    const CloudOffer& h100 = Offer(c, "aws-p5-h100");
    CHECK(h100.usd_per_gpu_hour.value == 3.933);
    CHECK_THAT(h100.usd_per_gpu_hour.source,
               Catch::EndsWith("p5.48xlarge, us-east-1, on demand, 31.464 USD/h for 8 GPUs"));
    CHECK(h100.spot_usd_per_gpu_hour->value == 2.5);
    CHECK(Offer(c, "lambda-h100").usd_per_gpu_hour.value == 2.99);  // 23.92 for 8, cheaper than 3.29 for 1
    CHECK(Offer(c, "vast-rtx4090").usd_per_gpu_hour.value == 0.33); // 0.66 for 2; the 48 GB card is no RTX 4090
    CHECK(Offer(c, "vast-h100").usd_per_gpu_hour.value == 1.87);    // the NVL card is not the catalog's H100
    CHECK_FALSE(Offer(c, "vast-h100").spot_usd_per_gpu_hour);       // Vast's 0.00 spot is no price

    // New provider + GPU pairs: memory and speed from the catalog's offers of that GPU, disks from the provider's.
    const CloudOffer& a100 = Offer(c, "aws-a100-40gb");
    CHECK(a100.name == "AWS A100 40GB");
    CHECK(a100.gpu == "A100 40GB");
    CHECK(a100.kind == ProviderKind::hyperscaler);
    CHECK(a100.vram_gb == 40);
    CHECK(a100.speed == Offer(base, "gcp-a2-a100-40").speed);
    CHECK(a100.max_gpus == 8);
    CHECK(a100.usd_per_gpu_hour.value == 2.745);
    CHECK(a100.spot_usd_per_gpu_hour->value == 1.098);
    CHECK(a100.storage_usd_per_gb_month->value == Offer(base, "aws-g4dn-t4").storage_usd_per_gb_month->value);
    CHECK(a100.stopped_volume_usd_per_gb_month->value == 0.08);
    const CloudOffer& a100_80 = Offer(c, "aws-a100-80gb");
    CHECK(a100_80.vram_gb == 80);
    CHECK(a100_80.usd_per_gpu_hour.value == 3.430875);
    CHECK_FALSE(a100_80.spot_usd_per_gpu_hour);
    CHECK(Offer(c, "lambda-a100-40gb").usd_per_gpu_hour.value == 1.29);
    CHECK(Offer(c, "lambda-a100-40gb").kind == ProviderKind::neocloud);
    CHECK(Offer(c, "lambda-a100-40gb").stopped_volume_usd_per_gb_month->value == 0);
    const CloudOffer& v5090 = Offer(c, "vast-rtx5090");
    CHECK(v5090.kind == ProviderKind::marketplace);
    CHECK(v5090.vram_gb == 32);
    CHECK(v5090.max_gpus == 1);
    CHECK_FALSE(v5090.storage_usd_per_gb_month); // Vast has no disk price of its own: the catalog's defaults
    CHECK(IsAscii(v5090.usd_per_gpu_hour.source));
    CHECK_THAT(v5090.usd_per_gpu_hour.source, Catch::Contains("Hafnarfjar?arkaupsta?ur, IS, EU"));
    CHECK(Offer(c, "vast-a100-40gb").usd_per_gpu_hour.value == 0.76);

    // Offers the tables do not mention stay as they were.
    for (const char* id : {"gcp-g2-l4", "runpod-rtx4090", "azure-nc-a100-80"})
        CHECK(OfferJson(Offer(c, id)) == OfferJson(Offer(base, id)));

    const std::string notes = AllNotes(r);
    CHECK_THAT(notes, Catch::Contains("aws/vms.csv line 10: GPU 'Inferentia2' is not in the alias table: left out"));
    CHECK_THAT(notes, Catch::Contains("aws/vms.csv line 9: instances with a fraction of a GPU"));
    CHECK_THAT(notes, Catch::Contains("vast/vms.csv line 3: GPU 'RTX4090' with 48 GB"));
    CHECK_THAT(notes, Catch::Contains("GPU 'H100 NVL' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("lambda/vms.csv line 4: GPU 'H100 PCIe' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'A10' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'A100' with 80 or 40 GB: it could be A100 40GB or A100 80GB"));
    CHECK_THAT(notes, Catch::Contains("new offer vast-rtx5090: memory and speed as runpod-rtx5090's"));

    const std::string summary = ImportSummary(r);
    CHECK_THAT(summary, Catch::Contains("  aws-g5-a10g on-demand 1.006 -> 1.100 USD/GPU-h (+9.3%), 2026-12-01\n"));
    CHECK_THAT(summary, Catch::Contains("  aws-p5-h100 on-demand 6.880 -> 3.933 USD/GPU-h (-42.8%)"));
    CHECK_THAT(summary, Catch::Contains("  aws-p5-h100 spot new: 2.500 USD/GPU-h"));
    CHECK_THAT(summary,
               Catch::Contains("  aws-g4dn-t4 on-demand 0.526 USD/GPU-h, unchanged, dated 2026-01-21 -> 2026-12-01"));
    CHECK_THAT(summary, Catch::Contains("  added aws-a100-40gb (AWS A100 40GB): on-demand 2.745 USD/GPU-h"));
    CHECK(r.diff.added.size() == 5);
    CHECK(r.diff.removed.empty());
}

TEST_CASE("price import: the Full Stack Deep Learning table becomes the expected offers", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    const ImportResult r = Import(base, Files({"fsdl/cloud-gpus.csv"}), PriceFormat::fsdl, "2026-12-01");
    const Catalog& c = r.catalog;
    // "$1.01" is 1.01; the offer's g5.xlarge, not the g5.12xlarge row above it (5.67 / 4 = 1.4175).
    CHECK(Offer(c, "aws-g5-a10g").usd_per_gpu_hour.value == 1.01);
    CHECK(Offer(c, "aws-g5-a10g").spot_usd_per_gpu_hour->value == 0.3);
    CHECK(Offer(c, "aws-g5-a10g").spot_usd_per_gpu_hour->date == "2026-12-01");
    CHECK(Offer(c, "aws-g4dn-t4").usd_per_gpu_hour.value == 0.53);
    CHECK(Offer(c, "azure-nc-a100-80").usd_per_gpu_hour.value == 3.67); // NC24ads A100 v4, as the offer names it
    CHECK(Offer(c, "lambda-h100").usd_per_gpu_hour.value == 2.49);
    const CloudOffer& lambda_a100 = Offer(c, "lambda-a100-40gb");
    CHECK(lambda_a100.usd_per_gpu_hour.value == 1.1); // $8.80 for 8 GPUs
    CHECK(lambda_a100.max_gpus == 8);
    CHECK_THAT(lambda_a100.usd_per_gpu_hour.source,
               Catch::StartsWith("Full Stack Deep Learning cloud GPU table (the-full-stack/the-full-stack-website) "
                                 "cloud-gpus.csv: Lambda A100 40GB, on demand, 8.8 USD/h for 8 GPUs"));
    const CloudOffer& jarvis = Offer(c, "jarvislabs-a100-40gb");
    CHECK(jarvis.kind == ProviderKind::neocloud);
    CHECK(jarvis.spot_usd_per_gpu_hour->value == 0.69);
    CHECK_FALSE(HasOffer(c, "cudocompute-rtx4090")); // a provider of unknown kind is reported, not guessed
    const std::string notes = AllNotes(r);
    CHECK_THAT(notes, Catch::Contains("cloud-gpus.csv line 6: GPU 'K80 (12 GB)' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'A40 (48 GB)'"));
    CHECK_THAT(notes, Catch::Contains("provider 'Cudo Compute' is in neither the catalog nor the provider table"));

    // The table as it was published (2023-10-30): the catalog's newer prices stay, with a note.
    const ImportResult old = Import(base, Files({"fsdl/cloud-gpus.csv"}), PriceFormat::fsdl, "2023-10-30");
    CHECK(Offer(old.catalog, "aws-g5-a10g").usd_per_gpu_hour.value == 1.006);
    CHECK(Offer(old.catalog, "aws-g5-a10g").usd_per_gpu_hour.date == "2026-01-21");
    CHECK(old.catalog.as_of == base.as_of);
    CHECK_THAT(AllNotes(old),
               Catch::Contains("aws-g5-a10g on-demand: the catalog's price (1.006 USD/GPU-h, "
                               "2026-01-21) is newer than the table's (1.010, 2023-10-30): kept"));
    CHECK(HasOffer(old.catalog, "lambda-a100-40gb"));
}

TEST_CASE("price import: a per-GPU-hour table with provenance becomes the expected offers", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    // Every row states its date (checked_at): no --as-of needed.
    const ImportResult r = Import(base, Files({"per-gpu-hour/gpu_prices.csv"}), PriceFormat::per_gpu_hour);
    const Catalog& c = r.catalog;
    CHECK(Offer(c, "runpod-h100-sxm").usd_per_gpu_hour.value == 2.69);
    CHECK(Offer(c, "runpod-h100-sxm").usd_per_gpu_hour.date == "2026-11-25");
    const CloudOffer& lambda = Offer(c, "lambda-h100");
    CHECK(lambda.usd_per_gpu_hour.value == 3.99); // 8x at 3.99 beats 1x at 4.29; the reserved 2.49 is no on-demand
    CHECK(lambda.usd_per_gpu_hour.source ==
          "gpu_prices.csv (per-GPU-hour table): lambda 8x H100 SXM, on demand, at "
          "least 8 GPUs, from https://lambda.ai/pricing");
    CHECK(Offer(c, "gcp-a3-h100").usd_per_gpu_hour.value == 10.9791);
    CHECK(Offer(c, "gcp-a3-h100").usd_per_gpu_hour.date == "2026-11-26"); // from a timestamp
    CHECK(Offer(c, "gcp-a3-h100").spot_usd_per_gpu_hour->value == 6.571);
    CHECK(Offer(c, "runpod-rtx4090").spot_usd_per_gpu_hour->value == 0.2);
    CHECK(Offer(c, "vast-h100").usd_per_gpu_hour.value == Offer(base, "vast-h100").usd_per_gpu_hour.value);
    const CloudOffer& nebius = Offer(c, "nebius-h100");
    CHECK(nebius.kind == ProviderKind::neocloud);
    CHECK(nebius.usd_per_gpu_hour.value == 2.95);
    CHECK(nebius.max_gpus == 8);  // as the catalog's H100 offers: the table names no instance sizes
    CHECK(c.as_of == base.as_of); // every row is older than the catalog's as_of
    const std::string notes = AllNotes(r);
    CHECK_THAT(notes, Catch::Contains("gpu_prices.csv line 6: lambda H100-80GB at 2.490 USD/GPU-h, reserved"));
    CHECK_THAT(notes, Catch::Contains("gpu_prices.csv line 14: vast H100-80GB at 1.650 USD/GPU-h, committed"));
    CHECK_THAT(notes, Catch::Contains("GPU 'H100-PCIe-80GB' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'L40S-48GB' is not in the alias table"));
}

TEST_CASE("price import: prices are per GPU-hour, whatever the table counts in", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    const std::string fsdl = "Cloud,GPU Type,GPU Arch,GPUs,GPU RAM,vCPUs,RAM,On-demand,Per-GPU,Spot,Name\n";
    // An instance of 4 GPUs: its price over 4, even where the table's own Per-GPU column rounds (3.67).
    auto r = Import(base, {Text("t.csv", fsdl + "Azure,A100 (80 GB),Ampere,4,320,96,880,$14.69,$3.67,$5.88,NC96\n")},
                    PriceFormat::fsdl, "2026-12-01");
    CHECK(Offer(r.catalog, "azure-nc-a100-80").usd_per_gpu_hour.value == 3.6725);
    CHECK(Offer(r.catalog, "azure-nc-a100-80").spot_usd_per_gpu_hour->value == 1.47);
    // No instance price: the Per-GPU column.
    r = Import(base, {Text("t.csv", fsdl + "Lambda,H100 (80 GB),Hopper,2,160,52,450,,$2.10,,\n")}, PriceFormat::fsdl,
               "2026-12-01");
    CHECK(Offer(r.catalog, "lambda-h100").usd_per_gpu_hour.value == 2.1);
    // A division that does not end is kept to a millionth of a dollar.
    r = Import(base, {Text("t.csv", fsdl + "Lambda,H100 (80 GB),Hopper,3,240,78,675,10,,,\n")}, PriceFormat::fsdl,
               "2026-12-01");
    CHECK(Offer(r.catalog, "lambda-h100").usd_per_gpu_hour.value == 3.333333);
    // SkyPilot: Price is the instance's.
    r = Import(base,
               {Text("vms.csv",
                     "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\n"
                     "gpu_8x_h100_sxm5,H100,8.0,23.92,,us-east-1\n",
                     "lambda")},
               PriceFormat::skypilot, "2026-12-01");
    CHECK(Offer(r.catalog, "lambda-h100").usd_per_gpu_hour.value == 2.99);
    // A per-GPU-hour table is per GPU already, however many GPUs one must rent.
    r = Import(base,
               {Text("p.csv",
                     "provider,gpu_type,provisioning,usd_per_gpu_hour,min_gpus,checked_at\n"
                     "lambda,H100,on_demand,3.49,8,2026-12-01\n")},
               PriceFormat::per_gpu_hour);
    CHECK(Offer(r.catalog, "lambda-h100").usd_per_gpu_hour.value == 3.49);
}

TEST_CASE("price import: GPU names go through the alias table onto the catalog's", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    std::set<std::string> catalog_gpus;
    for (const CloudOffer& o : base.offers)
        catalog_gpus.insert(o.gpu);
    for (const GpuAlias& a : GpuAliases())
        for (const char* g : a.catalog_gpus) {
            INFO(a.name << " -> " << g);
            CHECK(catalog_gpus.count(g) == 1); // the table names only GPUs the catalog's offers use
        }
    // Each name, as some table writes it, lands on the catalog GPU of the runpod offer that has it.
    const std::vector<std::pair<std::string, std::string>> names = {
        {"H100", "runpod-h100-sxm"},
        {"NVIDIA H100 SXM5", "runpod-h100-sxm"},
        {"h100-sxm", "runpod-h100-sxm"},
        {"H100 HGX (80GB)", "runpod-h100-sxm"},
        {"H100-80GB", "runpod-h100-sxm"},
        {"A100 (80 GB)", "runpod-a100-80"},
        {"A100-80GB", "runpod-a100-80"},
        {"A100 PCIe 80GB", "runpod-a100-80"},
        {"A100 80GB", "runpod-a100-80"},
        {"RTX4090", "runpod-rtx4090"},
        {"GeForce RTX 4090", "runpod-rtx4090"},
        {"RTX 3090 (24 GB)", "runpod-rtx3090"},
        {"RTX5090-32GB", "runpod-rtx5090"},
    };
    for (const auto& [name, offer] : names) {
        INFO(name);
        const auto r = Import(base,
                              {Text("p.csv",
                                    "provider,gpu_type,provisioning,usd_per_gpu_hour,checked_at\nrunpod,\"" + name +
                                        "\",on-demand,0.123,2026-12-01\n")},
                              PriceFormat::per_gpu_hour);
        CHECK(Offer(r.catalog, offer).usd_per_gpu_hour.value == 0.123);
        CHECK(r.diff.added.empty());
        CHECK(r.notes.empty());
    }
    // The memory tells the A100s apart; without one the name is ambiguous, and reported.
    const auto a100 = Import(base,
                             {Text("p.csv",
                                   "provider,gpu_type,provisioning,usd_per_gpu_hour,checked_at\n"
                                   "gcp,A100 (40 GB),on-demand,3.5,2026-12-01\nazure,A100,on-demand,3.2,2026-12-01\n")},
                             PriceFormat::per_gpu_hour);
    CHECK(Offer(a100.catalog, "gcp-a2-a100-40").usd_per_gpu_hour.value == 3.5);
    CHECK(Offer(a100.catalog, "azure-nc-a100-80").usd_per_gpu_hour.value == 3.673);
    CHECK_THAT(AllNotes(a100), Catch::Contains("GPU 'A100' without a memory size: it could be A100 40GB or A100 80GB"));
}

TEST_CASE("price import: a GPU the alias table does not know is reported, never guessed", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    const std::string table = "provider,gpu_type,provisioning,usd_per_gpu_hour,checked_at\n"
                              "runpod,H100 PCIe,on-demand,1.5,2026-12-01\n"        // another card than the SXM H100
                              "runpod,H100 NVL,on-demand,1.5,2026-12-01\n"         // another card, 94 GB
                              "aws,A10,on-demand,1.5,2026-12-01\n"                 // not AWS's A10G
                              "runpod,L40S,on-demand,1.5,2026-12-01\n"             // no offer of it in the catalog
                              "runpod,RTX 4090 (48 GB),on-demand,1.5,2026-12-01\n" // a rebuilt card
                              "runpod,B200,on-demand,1.5,2026-12-01\n"
                              "runpod,B200,on-demand,1.4,2026-12-01\n";
    const auto r = Import(base, {Text("p.csv", table)}, PriceFormat::per_gpu_hour);
    CHECK(r.diff.Empty());
    CHECK(CatalogToJson(r.catalog) == CatalogToJson(base));
    const std::string notes = AllNotes(r);
    CHECK_THAT(notes, Catch::Contains("p.csv line 2: GPU 'H100 PCIe' is not in the alias table: left out"));
    CHECK_THAT(notes, Catch::Contains("GPU 'H100 NVL' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'A10' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'L40S' is not in the alias table"));
    CHECK_THAT(notes, Catch::Contains("GPU 'RTX 4090 (48 GB)' with 48 GB: the catalog's RTX 4090 has 24 GB"));
    // One note for every row of the same name.
    CHECK_THAT(notes, Catch::Contains("p.csv: GPU 'B200' is not in the alias table (2 rows, the first on line 7)"));
}

TEST_CASE("price import: on-demand, spot and commitment prices are kept apart", "[prices]")
{
    const Catalog& base = labcalc::test::Cat();
    const std::string head = "provider,gpu_type,provisioning,usd_per_gpu_hour,product,checked_at\n";
    // Commitments only: no price moves, each is reported.
    auto r = Import(base,
                    {Text("p.csv",
                          head +
                              "lambda,H100,reserved,1.85,1-year,2026-12-01\n"
                              "lambda,H100,committed,1.75,3-year,2026-12-01\n"
                              "lambda,H100,reserved_3y,1.65,,2026-12-01\n")},
                    PriceFormat::per_gpu_hour);
    CHECK(r.diff.Empty());
    CHECK(Offer(r.catalog, "lambda-h100").usd_per_gpu_hour.value == 3.99);
    CHECK_FALSE(Offer(r.catalog, "lambda-h100").spot_usd_per_gpu_hour);
    CHECK(r.notes.size() == 3);
    // A spot price moves the spot price only, an on-demand price the on-demand one.
    r = Import(base, {Text("p.csv", head + "gcp,H100,spot,5.5,a3,2026-12-01\n")}, PriceFormat::per_gpu_hour);
    CHECK(Offer(r.catalog, "gcp-a3-h100").spot_usd_per_gpu_hour->value == 5.5);
    CHECK(Offer(r.catalog, "gcp-a3-h100").usd_per_gpu_hour.value == Offer(base, "gcp-a3-h100").usd_per_gpu_hour.value);
    CHECK(r.diff.changes.size() == 1);
    CHECK(r.diff.changes[0].kind == PriceKind::spot);
    r = Import(base, {Text("p.csv", head + "gcp,H100,on-demand,9.5,a3,2026-12-01\n")}, PriceFormat::per_gpu_hour);
    CHECK(Offer(r.catalog, "gcp-a3-h100").usd_per_gpu_hour.value == 9.5);
    CHECK(Offer(r.catalog, "gcp-a3-h100").spot_usd_per_gpu_hour->value ==
          Offer(base, "gcp-a3-h100").spot_usd_per_gpu_hour->value);
    // A spot price alone makes no new offer (an offer needs an on-demand price).
    r = Import(base, {Text("p.csv", head + "nebius,H100,spot,1.2,,2026-12-01\n")}, PriceFormat::per_gpu_hour);
    CHECK_FALSE(HasOffer(r.catalog, "nebius-h100"));
    CHECK_THAT(AllNotes(r), Catch::Contains("nebius H100: only a spot price"));
    // A provisioning the reader does not know is reported too.
    r = Import(base, {Text("p.csv", head + "gcp,H100,flex-start,2.5,,2026-12-01\n")}, PriceFormat::per_gpu_hour);
    CHECK(r.diff.Empty());
    CHECK_THAT(AllNotes(r), Catch::Contains("provisioning 'flex-start'"));
}

TEST_CASE("price import: a price's history grows, stays sorted, one entry per date, and is bounded", "[prices]")
{
    Catalog c = labcalc::test::Cat();
    const std::string head = "provider,gpu_type,provisioning,usd_per_gpu_hour,checked_at\n";
    auto import = [&](double price, const std::string& date) {
        c = Import(c, {Text("p.csv", head + "runpod,RTX 4090,on_demand," + FormatNumber(price) + "," + date + "\n")},
                   PriceFormat::per_gpu_hour)
                .catalog;
        return Offer(c, "runpod-rtx4090").usd_per_gpu_hour;
    };
    // The first change keeps the value the catalog had, at its date.
    Figure f = import(0.30, "2027-01-10");
    REQUIRE(f.history.size() == 2);
    CHECK(f.history[0].date == "2026-03");
    CHECK(f.history[0].value == 0.34);
    CHECK(f.history[1].date == "2027-01-10");
    CHECK(f.history[1].value == 0.30);
    for (int k = 1; k <= 13; ++k)
        f = import(0.30 + 0.01 * k, "2027-01-" + std::to_string(10 + k));
    REQUIRE(f.history.size() == kMaxPriceHistory); // 15 values seen, the newest 12 kept
    CHECK(f.history.front().date == "2027-01-12");
    CHECK(f.history.back().date == "2027-01-23");
    CHECK(f.history.back().value == Approx(0.43));
    CHECK(f.value == f.history.back().value);
    for (std::size_t i = 1; i < f.history.size(); ++i)
        CHECK(f.history[i - 1].date < f.history[i].date);
    // The same price at a newer date moves the price's date, not its history.
    f = import(0.43, "2027-01-24");
    CHECK(f.date == "2027-01-24");
    CHECK(f.history.size() == kMaxPriceHistory);
    CHECK(f.history.back().date == "2027-01-23");
    // Another price on the same day replaces that day's entry.
    f = import(0.50, "2027-02-01");
    f = import(0.55, "2027-02-01");
    CHECK(f.value == 0.55);
    CHECK(f.history.back().date == "2027-02-01");
    CHECK(f.history.back().value == 0.55);
    CHECK(f.history.size() == kMaxPriceHistory);
    // An older table changes nothing.
    const std::string before = CatalogToJson(c);
    f = import(0.10, "2026-12-01");
    CHECK(CatalogToJson(c) == before);
    // What was written reads back the same.
    auto again = ParseCatalog(CatalogToJson(c));
    REQUIRE(again);
    CHECK(CatalogToJson(*again.value) == CatalogToJson(c));
}

TEST_CASE("price import: a table in another format names the format it looks like", "[prices]")
{
    const std::string fsdl = Fixture("fsdl/cloud-gpus.csv");
    CHECK(ImportError({Text("prices/cloud-gpus.csv", fsdl)}, PriceFormat::skypilot, "2026-12-01") ==
          "prices/cloud-gpus.csv: line 1: this looks like the Full Stack Deep Learning cloud GPU table "
          "(cloud-gpus.csv), not a SkyPilot catalog table (vms.csv) (--format fsdl)");
    CHECK_THAT(ImportError({FixtureFile("skypilot/aws/vms.csv")}, PriceFormat::per_gpu_hour),
               Catch::EndsWith("line 1: this looks like a SkyPilot catalog table (vms.csv), not a per-GPU-hour table "
                               "(provider, gpu_type, provisioning, usd_per_gpu_hour, ...) (--format skypilot)"));
    CHECK_THAT(ImportError({Text("x.csv", "a,b\n1,2\n")}, PriceFormat::fsdl, "2026"),
               Catch::StartsWith("x.csv: line 1: the header row is none of the price formats"));
    // The right format missing a column the reader needs.
    CHECK(ImportError({Text("vms.csv", "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice\n", "aws")},
                      PriceFormat::skypilot, "2026") ==
          "vms.csv: line 1: no 'Region' column (a SkyPilot catalog table (vms.csv) has the columns InstanceType, "
          "AcceleratorName, AcceleratorCount, Price, SpotPrice, Region)");
    // A catalog is no table either.
    CHECK_THAT(
        ImportError({Text("catalog.json", std::string(CompiledText("catalog.json")))}, PriceFormat::fsdl, "2026"),
        Catch::StartsWith("catalog.json: line "));
}

TEST_CASE("price import: an error names the file, the line and the column", "[prices]")
{
    const std::string head = "provider,gpu_type,provisioning,usd_per_gpu_hour,min_gpus,checked_at\n";
    auto error = [&](const std::string& rows) {
        return ImportError({Text("data/p.csv", head + rows)}, PriceFormat::per_gpu_hour);
    };
    CHECK(error("lambda,H100,on-demand,3.99,8,2026-11-25\nlambda,H100,on-demand,3.9x,8,2026-11-25\n") ==
          "data/p.csv: line 3, column 23 (usd_per_gpu_hour): '3.9x' is not a price (a number such as 1.10 or $1.10)");
    CHECK(error("lambda,H100,on-demand,1,8,25/11/2026\n") ==
          "data/p.csv: line 2, column 27 (checked_at): '25/11/2026' is not a date (YYYY-MM-DD, or a timestamp "
          "that starts with one)");
    CHECK(error("lambda,H100,on-demand,1,2.5,2026-11-25\n") ==
          "data/p.csv: line 2, column 25 (min_gpus): '2.5' is not a whole number of GPUs");
    CHECK(error("lambda,H100,on-demand,1,8,\n") ==
          "data/p.csv: line 2, column 27 (checked_at): no date, and no --as-of date was given for rows without one");
    CHECK(error("lambda,\"H100,on-demand,1,8,2026-11-25\n") ==
          "data/p.csv: line 2, column 8: a quoted field is not closed (a \" is missing)");
    CHECK_THAT(
        ImportError({Text("data/p.csv", head + "lambda,H100,on-demand,1,8,2026-11-25,x\n")}, PriceFormat::per_gpu_hour),
        Catch::StartsWith("data/p.csv: line 2, column 38: 7 fields where the header has 6"));
    // Negative prices and counts are not numbers the tables write.
    CHECK_THAT(error("lambda,H100,on-demand,-1,8,2026-11-25\n"),
               Catch::Contains("line 2, column 23 (usd_per_gpu_hour)"));
    const std::string sky = "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\n";
    CHECK(ImportError({Text("aws/vms.csv", sky + "p5.48xlarge,H100,eight,98.32,,us-east-1\n")}, PriceFormat::skypilot,
                      "2026-12-01") ==
          "aws/vms.csv: line 2, column 18 (AcceleratorCount): 'eight' is not a number of GPUs");
    // Dates: SkyPilot and FSDL tables state none, so --as-of is asked for; the provider comes from the folder.
    CHECK(ImportError({Text("aws/vms.csv", sky)}, PriceFormat::skypilot) ==
          "aws/vms.csv: the table states no date for its prices: pass --as-of DATE (the day it was published, "
          "YYYY-MM-DD)");
    CHECK_THAT(ImportError({Text("vms.csv", sky)}, PriceFormat::skypilot, "2026"),
               Catch::StartsWith("vms.csv: say which cloud this SkyPilot table is for: pass --provider NAME"));
    CHECK_THAT(ImportError({Text("x.csv", sky)}, PriceFormat::skypilot, "26-11-2026"),
               Catch::StartsWith("--as-of must be a date"));
    // Every error is one short line.
    for (const std::string& e : {error("a,\"b"), error(std::string(5000, 'x'))}) {
        CHECK(e.find('\n') == std::string::npos);
        CHECK(e.size() <= 600);
    }
}

TEST_CASE("price import: importing the same tables again changes nothing", "[prices]")
{
    struct Case {
        std::vector<std::string> files;
        PriceFormat format;
        std::string as_of;
    };
    for (const Case& k : {Case{kSkyPilot, PriceFormat::skypilot, "2026-12-01"},
                          Case{{"fsdl/cloud-gpus.csv"}, PriceFormat::fsdl, "2026-12-01"},
                          Case{{"per-gpu-hour/gpu_prices.csv"}, PriceFormat::per_gpu_hour, ""}}) {
        INFO(k.files.front());
        const ImportResult first = Import(labcalc::test::Cat(), Files(k.files), k.format, k.as_of);
        CHECK_FALSE(first.diff.Empty());
        const ImportResult second = Import(first.catalog, Files(k.files), k.format, k.as_of);
        CHECK(second.diff.Empty());
        CHECK(CatalogToJson(second.catalog) == CatalogToJson(first.catalog));
        CHECK_THAT(ImportSummary(second), Catch::StartsWith("No change: the catalog already holds these prices."));
        for (const CloudOffer& o : second.catalog.offers)
            CHECK(o.usd_per_gpu_hour.history.size() <= 2);
    }
    // A catalog that already holds a table's prices comes back as it was.
    const Catalog& base = labcalc::test::Cat();
    const auto same = Import(base,
                             {Text("p.csv",
                                   "provider,gpu_type,provisioning,usd_per_gpu_hour,checked_at\n"
                                   "lambda,H100,on-demand,3.99,2026-09-20\n")},
                             PriceFormat::per_gpu_hour);
    CHECK(same.diff.Empty());
    CHECK(CatalogToJson(same.catalog) == CatalogToJson(base));
}

TEST_CASE("price import: only existing offers are updated when asked", "[prices]")
{
    ImportOptions o;
    o.format = PriceFormat::per_gpu_hour;
    o.add_offers = false;
    auto r = ImportPrices(labcalc::test::Cat(), {FixtureFile("per-gpu-hour/gpu_prices.csv")}, o);
    REQUIRE(r);
    CHECK(r.value->diff.added.empty());
    CHECK_FALSE(HasOffer(r.value->catalog, "nebius-h100"));
    CHECK(Offer(r.value->catalog, "runpod-h100-sxm").usd_per_gpu_hour.value == 2.69);
    CHECK_THAT(AllNotes(*r.value),
               Catch::Contains("nebius H100: not in the catalog, and only existing offers are updated"));
}

TEST_CASE("cli: catalog import writes the catalog only when the whole import succeeds", "[prices][cli]")
{
    using labcalc::cli::Io;
    std::map<std::string, std::string> files = {
        {"catalog.json", std::string(CompiledText("catalog.json"))},
        {"aws/vms.csv", Fixture("skypilot/aws/vms.csv")},
        {"cloud-gpus.csv", Fixture("fsdl/cloud-gpus.csv")},
    };
    std::map<std::string, std::string> written;
    auto run = [&](std::vector<std::string> args, Io* io) {
        io->today = "2026-11-28";
        io->read_file = [&](const std::string& path, std::size_t max_bytes, std::string* text, std::string* error) {
            const auto it = files.find(path);
            if (it == files.end() || it->second.size() > max_bytes) {
                *error = it == files.end() ? "cannot open the file" : "larger than the limit";
                return false;
            }
            *text = it->second;
            return true;
        };
        io->write_file = [&](const std::string& path, const std::string& text, std::string*) {
            written[path] = text;
            return true;
        };
        return labcalc::cli::RunCli(args, *io);
    };
    Io ok;
    CHECK(run({"catalog", "import", "--format", "skypilot", "aws/vms.csv", "--as-of", "2026-12-01", "--into",
               "catalog.json"},
              &ok) == 0);
    CHECK(ok.err.empty());
    CHECK_THAT(ok.out, Catch::Contains("aws-g5-a10g on-demand 1.006 -> 1.100 USD/GPU-h (+9.3%)"));
    REQUIRE(written.count("catalog.json"));
    CHECK(ParseCatalog(written["catalog.json"]));
    // Failures write nothing: a table of the wrong format, a date missing, a file that cannot be read.
    written.clear();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"catalog", "import", "--format", "skypilot", "cloud-gpus.csv", "--as-of", "2026",
                                   "--into", "catalog.json"},
          std::vector<std::string>{"catalog", "import", "--format", "skypilot", "aws/vms.csv", "--into",
                                   "catalog.json"},
          std::vector<std::string>{"catalog", "import", "--format", "fsdl", "nowhere.csv", "--into", "catalog.json"},
          std::vector<std::string>{"catalog", "import", "--format", "fsdl", "cloud-gpus.csv", "--as-of", "2026",
                                   "--into", "missing.json"}}) {
        Io io;
        CHECK(run(args, &io) == 2);
        CHECK(io.out.empty());
        CHECK_THAT(io.err, Catch::StartsWith("labcalc: "));
        CHECK(std::count(io.err.begin(), io.err.end(), '\n') == 1);
    }
    CHECK(written.empty());
    // Without --into: the catalog on stdout, what changed on stderr.
    Io print;
    CHECK(run({"catalog", "import", "--format", "skypilot", "aws/vms.csv", "--as-of", "2026-12-01"}, &print) == 0);
    CHECK(ParseCatalog(print.out));
    CHECK_THAT(print.err, Catch::Contains("aws-g5-a10g on-demand 1.006 -> 1.100"));
    // Nothing to change: the file is left alone.
    files["catalog.json"] = print.out;
    Io again;
    CHECK(run({"catalog", "import", "--format", "skypilot", "aws/vms.csv", "--as-of", "2026-12-01", "--into",
               "catalog.json"},
              &again) == 0);
    CHECK_THAT(again.out, Catch::StartsWith("No change"));
    CHECK(written.empty());
    // Bad arguments.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"catalog", "import", "aws/vms.csv"},
          std::vector<std::string>{"catalog", "import", "--format", "xls", "aws/vms.csv"},
          std::vector<std::string>{"catalog", "import", "--format", "fsdl"},
          std::vector<std::string>{"catalog", "import", "--format", "fsdl", "x.csv", "--as-of", "soon"},
          std::vector<std::string>{"catalog", "export"}}) {
        Io io;
        CHECK(run(args, &io) == 2);
        CHECK(io.out.empty());
    }
    Io help;
    CHECK(run({"catalog", "import", "--help"}, &help) == 0);
    CHECK_THAT(help.out, Catch::Contains("--provider NAME"));
}
