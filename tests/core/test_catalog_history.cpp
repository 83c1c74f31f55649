// The catalog's offer prices and their history: the strict reader of the `history` list, the writer that keeps
// the layout of assets/catalog.json, and the sentence a report says when a price has moved.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/compiled_assets.hpp"
#include "core/report.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;

TEST_CASE("catalog: an offer price's history is read strictly, a catalog without one still loads", "[catalog]")
{
    auto doc = nlohmann::json::parse(CompiledText("catalog.json"));
    // The first offer's on-demand price is dated 2026-01-21.
    auto with = [&](const nlohmann::json& history, const char* price = "usd_per_gpu_hour") {
        auto j = doc;
        j["offers"][0][price]["history"] = history;
        auto r = ParseCatalog(j.dump());
        return r ? std::string() : r.error;
    };
    using J = nlohmann::json;
    const J good = J::array({{{"date", "2025-06"}, {"value", 0.5}}, {{"date", "2026-01-21"}, {"value", 0.526}}});
    CHECK(with(good) == "");
    CHECK(with(good, "spot_usd_per_gpu_hour") ==
          "catalog: offers[0].spot_usd_per_gpu_hour.history: must not hold a date after the price's own date "
          "(2023-10-30)");
    CHECK(with(J::array()) == "");
    CHECK(with(J::array({{{"date", "2026-01"}, {"value", 0.5}}, {{"date", "2025-06"}, {"value", 0.52}}})) ==
          "catalog: offers[0].usd_per_gpu_hour.history[1].date: must come after the entry before it (oldest first, "
          "one entry per date)");
    CHECK_THAT(with(J::array({{{"date", "2025-06"}, {"value", 0.5}}, {{"date", "2025-06-15"}, {"value", 0.52}}})),
               Catch::Contains("history[1].date: must come after")); // YYYY-MM is its 15th: the same day
    CHECK_THAT(with(J::array({{{"date", "2025-06"}, {"value", -1}}})),
               Catch::Contains("history[0].value: must be from 0"));
    CHECK_THAT(with(J::array({{{"date", "June"}, {"value", 1}}})), Catch::Contains("history[0].date: must be a date"));
    CHECK_THAT(with(J::array({{{"date", "2025-06"}}})), Catch::Contains("history[0].value: is missing"));
    CHECK_THAT(with(J::array({{{"date", "2025-06"}, {"value", 1}, {"price", 1}}})),
               Catch::Contains("history[0].price: unknown key"));
    CHECK_THAT(with(J::array({1})), Catch::Contains("history[0]: must be an object"));
    CHECK_THAT(with(J::object()), Catch::Contains("history: must be a list of at most 12"));
    J many = J::array();
    for (int m = 1; m <= 13; ++m)
        many.push_back(
            {{"date",
              "2024-" + std::string(m < 10 ? "0" : "") + std::to_string(m > 12 ? 12 : m) + (m > 12 ? "-28" : "")},
             {"value", 0.5}});
    CHECK_THAT(with(many), Catch::Contains("history: must be a list of at most 12 entries"));
    // Only offer prices keep a history.
    auto j = doc;
    j["gpus"][0]["price_usd"]["history"] = good;
    CHECK_THAT(ParseCatalog(j.dump()).error, Catch::Contains("gpus[0].price_usd.history: unknown key"));
    j = doc;
    j["offers"][0]["storage_usd_per_gb_month"]["history"] = J::array();
    CHECK_THAT(ParseCatalog(j.dump()).error, Catch::Contains("storage_usd_per_gb_month.history: unknown key"));
    // Read, written and read again: the same.
    j = doc;
    j["offers"][0]["usd_per_gpu_hour"]["history"] = good;
    auto c = ParseCatalog(j.dump());
    REQUIRE(c);
    REQUIRE(c.value->offers[0].usd_per_gpu_hour.history.size() == 2);
    CHECK(c.value->offers[0].usd_per_gpu_hour.history[1].value == 0.526);
    auto again = ParseCatalog(CatalogToJson(*c.value));
    REQUIRE(again);
    CHECK(again.value->offers[0].usd_per_gpu_hour.history.size() == 2);
}

TEST_CASE("catalog: the writer keeps the layout of assets/catalog.json, byte for byte", "[catalog]")
{
    // So an import's diff of assets/catalog.json shows the prices it changed and nothing else.
    const std::string_view asset = CompiledText("catalog.json");
    auto c = ParseCatalog(asset);
    REQUIRE(c);
    CHECK(CatalogToJson(*c.value) == asset);
    CHECK_FALSE(c.value->about_json.empty());
}

TEST_CASE("catalog: how far a price moved since the oldest value its history keeps", "[catalog]")
{
    Figure f;
    f.value = 1.127;
    f.unit = "USD/GPU-h";
    f.date = "2026-12-01";
    CHECK_FALSE(PriceMoveSinceOldest(f));
    CHECK(PriceMoveNote(f) == ""); // no history
    f.history = {{"2026-06", 1.006}, {"2026-12-01", 1.127}};
    REQUIRE(PriceMoveSinceOldest(f));
    CHECK(PriceMoveSinceOldest(f)->since == "2026-06");
    CHECK(PriceMoveSinceOldest(f)->pct == Approx(12.0278));
    CHECK(PriceMoveNote(f) == "This price rose 12% since 2026-06 (from 1.006 to 1.127 USD/GPU-h).");
    f.history.front().value = 1.1;
    CHECK(PriceMoveNote(f) == ""); // 2.5%
    CHECK(PriceMoveNote(f, 2) == "This price rose 2% since 2026-06 (from 1.1 to 1.127 USD/GPU-h).");
    f.value = 0.99;
    CHECK(PriceMoveNote(f) == "This price fell 10% since 2026-06 (from 1.1 to 0.99 USD/GPU-h)."); // exactly 10%
    f.history.front().value = 0;
    CHECK(PriceMoveNote(f) == "");
}

TEST_CASE("report: a price that moved 10% or more since its oldest history entry says so", "[catalog][report]")
{
    // In the report: the offer the cloud option uses.
    const Catalog& base = labcalc::test::Cat();
    ReportSettings settings;
    settings.flip_points = false;
    const Report plain = BuildReport(Scenario{}, base, settings);
    std::string offer_id;
    for (const AssumptionUsed& a : plain.assumptions) {
        CHECK(a.note.empty());
        if (a.id.rfind("offer.", 0) == 0 && offer_id.empty())
            offer_id = a.id.substr(6, a.id.rfind(".usd_per_gpu_hour") - 6);
    }
    REQUIRE_FALSE(offer_id.empty());
    const nlohmann::json plain_json = nlohmann::json::parse(ReportToJson(plain)); // (kept: the loop reads into it)
    for (const auto& a : plain_json["assumptions"])
        CHECK(a["note"].is_null()); // labcalc.report/4: there, and null when there is no note
    Catalog c = base;
    for (CloudOffer& o : c.offers)
        if (o.id == offer_id)
            o.usd_per_gpu_hour.history = {{"2025-01", o.usd_per_gpu_hour.value / 1.25},
                                          {o.usd_per_gpu_hour.date, o.usd_per_gpu_hour.value}};
    const Report moved = BuildReport(Scenario{}, c, settings);
    const auto j = nlohmann::json::parse(ReportToJson(moved));
    bool found = false;
    for (const auto& a : j["assumptions"])
        if (a["id"] == "offer." + offer_id + ".usd_per_gpu_hour") {
            found = true;
            CHECK_THAT(a["note"].get<std::string>(), Catch::StartsWith("This price rose 25% since 2025-01 (from "));
        } else
            CHECK(a["note"].is_null());
    CHECK(found);
    CHECK_THAT(ReportToText(moved), Catch::Contains(": This price rose 25% since 2025-01"));
    CHECK_THAT(ReportToMarkdown(moved), Catch::Contains(" This price rose 25% since 2025-01"));
    // Your own price is yours: no note about the catalog's.
    Scenario own;
    own.cloud.usd_per_gpu_hour = 2.0;
    for (const AssumptionUsed& a : BuildReport(own, c, settings).assumptions)
        CHECK(a.note.empty());
}
