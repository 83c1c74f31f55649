// "Load your own prices" takes the public GPU price tables too, through the same reader as
// `labcalc catalog import` (core::ImportPrices); a bad table changes nothing and names where it breaks.
#include <catch2/catch.hpp>

#include "core/catalog.hpp"
#include "harness.hpp"
#include "ui/app_actions.hpp"

using namespace labcalc;
using labcalc::test::Harness;

namespace {

// A per-GPU-hour table with a provenance column per row: Lambda's on-demand H100 price, and a reserved
// price that must never become an on-demand one.
const char* kTable = "provider,gpu_type,provisioning,usd_per_gpu_hour,min_gpus,product,source,checked_at,notes\n"
                     "lambda,H100-80GB,on-demand,2.99,1,1x H100 SXM,lambda pricing page,2026-11-25,\n"
                     "lambda,H100-80GB,reserved,1.89,8,\"8x H100 SXM, 1-year\",lambda pricing page,2026-11-25,\n";

double OnDemand(const core::Catalog& c, const std::string& id)
{
    for (const core::CloudOffer& o : c.offers)
        if (o.id == id)
            return o.usd_per_gpu_hour.value;
    return -1;
}

} // namespace

TEST_CASE("a public price table loaded as 'your own prices' updates the catalog in use, and a bad one changes nothing")
{
    Harness h;
    h.Settle();
    REQUIRE(OnDemand(h.state.catalog, "lambda-h100") > 0);
    REQUIRE(OnDemand(h.state.catalog, "lambda-h100") != 2.99);
    const int version = h.state.catalog_version;

    CHECK(ui::ImportCatalogText(h.state, "gpu_prices.csv", kTable));
    CHECK(h.state.error_message.empty());
    CHECK(OnDemand(h.state.catalog, "lambda-h100") == 2.99); // on demand, not the reserved 1.89
    CHECK(h.state.catalog_version == version + 1);
    CHECK(h.state.catalog_name == "built-in catalog + gpu_prices.csv");
    CHECK(h.state.status_message.find("imported") != std::string::npos);
    h.Settle();
    CHECK(h.state.results.report.catalog_as_of >= "2026-11-25");

    // The imported price keeps its history: chosen, the sources table says how far it moved (3.99 -> 2.99).
    CHECK(ui::CommitSetting(h.state, "cloud.offer", std::string_view("lambda-h100")) == "");
    h.Settle();
    bool noted = false;
    for (const core::AssumptionUsed& a : h.state.results.report.assumptions)
        if (a.id == "offer.lambda-h100.usd_per_gpu_hour")
            noted = a.note.find("25%") != std::string::npos;
    CHECK(noted);

    // A price that is not a number: refused with where it is, and the catalog stays as it was.
    const std::string before = core::CatalogToJson(h.state.catalog);
    std::string bad = kTable;
    bad.replace(bad.find("2.99"), 4, "cheap");
    CHECK_FALSE(ui::ImportCatalogText(h.state, "gpu_prices.csv", bad));
    CHECK(h.state.error_message.find("line 2") != std::string::npos);
    CHECK(h.state.error_message.find("The current catalog is kept") != std::string::npos);
    CHECK(core::CatalogToJson(h.state.catalog) == before);
}
