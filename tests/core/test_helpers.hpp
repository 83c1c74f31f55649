#pragma once
// Shared by the core tests: random valid scenarios and a finiteness check of the JSON report.
#include <cmath>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/scenario.hpp"

namespace labcalc::test {

// The built-in catalog, read once for all tests.
inline const core::Catalog& Cat()
{
    static const core::Catalog c = core::LoadDefaultCatalog();
    return c;
}

// Whether an option could be priced at all (a machine or an offer was found for it).
inline bool Priced(const core::OptionCost& c) { return c.gpu_index >= 0 || c.offer_index >= 0; }

// A task of the workload builder, anywhere in the ranges its reader accepts (small models more often).
inline core::Task RandomTask(std::mt19937& rng)
{
    using namespace labcalc::core;
    std::uniform_real_distribution<double> u(0, 1);
    auto pick = [&](double lo, double hi) { return lo + (hi - lo) * u(rng); };
    Task t;
    t.kind = static_cast<TaskKind>(static_cast<int>(pick(0, 3.999)));
    t.params_b = u(rng) < 0.8 ? pick(0.5, 80) : pick(0.01, 2000);
    const int bits[] = {4, 8, 16};
    t.weight_bits = bits[static_cast<int>(pick(0, 2.999))];
    t.tokens_per_day = u(rng) < 0.1 ? 0 : std::pow(10, pick(2, 8));
    t.context_tokens = pick(0, 131072);
    t.method = static_cast<FineTuneMethod>(static_cast<int>(pick(0, 2.999)));
    t.tokens_millions = std::pow(10, pick(-1, 5));
    t.runs_per_month = pick(0, 30);
    t.images_per_day = pick(0, 20000);
    return t;
}

inline core::Scenario RandomScenario(std::mt19937& rng)
{
    using namespace labcalc::core;
    std::uniform_real_distribution<double> u(0, 1);
    auto pick = [&](double lo, double hi) { return lo + (hi - lo) * u(rng); };
    Scenario s;
    s.budget_usd = u(rng) < 0.1 ? 0 : pick(0, 30000);
    s.monthly_budget_usd = pick(0, 3000);
    s.hours_per_week = u(rng) < 0.05 ? 0 : pick(0, 168);
    s.privacy = static_cast<Privacy>(static_cast<int>(pick(0, 3.999)));
    s.sensitive_work_pct = pick(0, 100);
    s.horizon_months = 1 + static_cast<int>(pick(0, 119.999));
    if (u(rng) < 0.3)
        s.discount_rate_pct = pick(0, 20);
    if (u(rng) < 0.5)
        s.electricity_usd_per_kwh = pick(0, 1);
    const double size = u(rng);
    s.vram_gb = size < 0.05 ? pick(400, 4096) : size < 0.2 ? pick(1, 400) : pick(1, 64); // up to the field's limit
    s.burst_share_pct = pick(0, 100);
    s.remote_collaborators = static_cast<int>(pick(0, 10));
    s.experience = static_cast<Experience>(static_cast<int>(pick(0, 2.999)));
    s.learn_hardware = u(rng) < 0.3;
    s.wants_redundancy = u(rng) < 0.3;
    s.internet_uptime_pct = pick(50, 100);
    s.data_gb = pick(0, 20000);
    s.egress_gb_per_month = pick(0, 3000);
    s.cloud.pricing = u(rng) < 0.3 ? CloudPricing::spot : CloudPricing::on_demand;
    s.home.on_hours_per_week = pick(0, 168);
    for (double& w : s.weights)
        w = u(rng) < 0.1 ? 0 : pick(0, 5);
    // One in eight already has a machine (a catalog GPU, sometimes its count, sale value and an upgrade).
    if (u(rng) < 0.125) {
        const auto& gpus = Cat().gpus;
        s.home.owned = true;
        s.home.gpu = gpus[static_cast<std::size_t>(pick(0, static_cast<double>(gpus.size()) - 1e-9))].id;
        if (u(rng) < 0.3)
            s.home.gpu_count = 1 + static_cast<int>(pick(0, 3.999));
        if (u(rng) < 0.5)
            s.home.owned_value_usd = pick(0, 5000);
        if (u(rng) < 0.3)
            s.home.upgrade_usd = pick(0, 1500);
    }
    // One in five shows money in another currency (a country's, or one chosen).
    if (u(rng) < 0.2) {
        const auto& money = Cat().currencies;
        s.currency = money[static_cast<std::size_t>(pick(0, static_cast<double>(money.size()) - 1e-9))].code;
    }
    // One in six pays for the hardware in instalments.
    if (u(rng) < 1.0 / 6) {
        s.home.finance_months = 1 + static_cast<int>(pick(0, 119.999));
        s.home.finance_apr_pct = u(rng) < 0.3 ? 0 : pick(0, 30);
    }
    // One scenario in five says what it runs instead of hours and memory (the workload builder).
    if (u(rng) < 0.2)
        for (int n = 1 + static_cast<int>(pick(0, 2.999)); n > 0; --n)
            s.tasks.push_back(RandomTask(rng));
    return s;
}

// Every number in the report is finite: nlohmann writes NaN and infinity as null, so a null is
// only allowed where the schema says "null when none".
inline std::string FirstNonFinite(const nlohmann::json& j, const std::string& path = "")
{
    if (j.is_number_float() && !std::isfinite(j.get<double>()))
        return path;
    if (j.is_null()) {
        for (const char* allowed :
             {"break_even_month", "break_even_month_owning", "break_even_month_discounted", "/value", "/to",
              "/direction", "/plan/gpu", "/plan/offer", "/workload/note", "/workload/error", "/finance", "/note",
              "/value_text", "/to_fits", "/workload", "/uncertainty", "/rate_source", "/rate_date"})
            if (path.size() >= std::string(allowed).size() &&
                path.compare(path.size() - std::string(allowed).size(), std::string::npos, allowed) == 0)
                return "";
        return path;
    }
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            if (std::string p = FirstNonFinite(it.value(), path + "/" + it.key()); !p.empty())
                return p;
    if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i)
            if (std::string p = FirstNonFinite(j[i], path + "/" + std::to_string(i)); !p.empty())
                return p;
    return "";
}

} // namespace labcalc::test
