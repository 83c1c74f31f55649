// The ten factors of the course's comparison matrix and labcalc's carbon row, scored 0 (worst) to 10 (best) for this
// situation. Each score starts from the course's row (Home-Based vs Cloud-Based) and moves with the
// inputs that the course's text ties to it. The hybrid has the local machine's traits for the work it
// keeps and the cloud's for the work it sends out.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/formulas.hpp"

#include "core/index.hpp"
#include "core/model.hpp"

namespace labcalc::core {
namespace {

double Clamp10(double v) { return std::clamp(v, 0.0, 10.0); }

bool Priced(const OptionCost& c) { return c.gpu_index >= 0 || c.offer_index >= 0; }

// Share of the work an option runs in the cloud (0 home, 1 cloud, between for the hybrid).
double CloudShare(const OptionCost& c)
{
    const double total = c.local_work_hours_per_week + c.cloud_work_hours_per_week;
    return total > 0 ? c.cloud_work_hours_per_week / total : (c.gpu_index >= 0 ? 0.0 : 1.0);
}

// Course matrix, Data privacy: Home "Excellent", Cloud "Good (with proper setup)"; the cloud's
// score falls as the data gets stricter, to zero for data that may not leave the premises.
double CloudPrivacyScore(Privacy p)
{
    switch (p) {
    case Privacy::public_data: return 9;
    case Privacy::internal: return 7;
    case Privacy::confidential: return 5;
    case Privacy::on_premises_only: return 0;
    }
    return 7;
}

// Course matrix, Maintenance: Home "Your responsibility" (hardware failures, updates, space,
// cooling, noise); more GPUs mean more to look after, experience makes it lighter.
double HomeMaintenanceScore(const Scenario& s, int gpu_count)
{
    double v = 5.0 - 0.5 * std::max(0, gpu_count - 1);
    if (s.experience == Experience::beginner)
        v -= 2;
    if (s.experience == Experience::advanced)
        v += 2;
    if (s.learn_hardware)
        v += 3; // the upkeep is part of what you want to learn
    return Clamp10(v);
}

// Course matrix, Learning curve: Home "Steep (hardware + software)", Cloud "Moderate (mainly software)".
double HomeLearningScore(const Scenario& s)
{
    double v = s.experience == Experience::beginner ? 2 : s.experience == Experience::intermediate ? 5 : 8;
    if (s.learn_hardware)
        v += 4; // "Learning opportunity: hands-on experience with hardware"
    return Clamp10(v);
}

double CloudLearningScore(const Scenario& s) { return s.experience == Experience::beginner ? 7 : 8; }

// Course matrix, Internet required: Cloud "Yes" (cannot work offline); how much that costs you
// depends on how reliable your connection is.
double CloudInternetScore(const Scenario& s) { return Clamp10(7.0 * (s.internet_uptime_pct / 100.0) - 0.3); }

// Course matrix, Latency: Home "Very low (local)", Cloud "Variable (network dependent)". Remote
// collaborators reach a home lab over the network too.
double RemoteShare(const Scenario& s) { return s.remote_collaborators / (s.remote_collaborators + 1.0); }

constexpr double kLatestSpeed = 2.5; // an H100 is 2.5 x an RTX 4090 in the catalog

// Course matrix, Hardware access: Home "What you own", Cloud "Latest available".
double OwnedHardwareScore(double speed) { return 10.0 * std::min(1.0, speed / kLatestSpeed); }

// How much your jobs need the latest hardware: a little always (30%), fully for jobs of 80 GB and more.
double LatestHardwareNeed(const Scenario& s) { return 0.3 + 0.7 * std::clamp((s.vram_gb - 24.0) / 56.0, 0.0, 1.0); }

} // namespace

std::array<FactorArray, kOptionCount> ScoreFactors(const Prepared& p, const Scenario& s, const OptionCosts& costs)
{
    std::array<FactorArray, kOptionCount> out{};
    const OptionCost& home = costs[0];
    const OptionCost& hybrid = costs[2];

    // Money counts once. The two cost rows split the total cost of ownership over the horizon between
    // them: Initial cost scores the hardware's net cost (the price up front less what a sale brings at
    // the end), Ongoing cost the running costs (per month x months). Both use one scale, the dearest total
    // among the options that fit (all priced options when none fits): row = 10 x (1 - amount / scale).
    // With equal weights the two rows add up to 20 - 10 x total / scale, a function of the total alone;
    // unequal weights say how much a dollar now matters against a dollar later, never count one twice.
    // The cash up front is a limit (the budget), not a score.
    bool any_fits = false;
    for (const OptionCost& c : costs)
        any_fits = any_fits || (Priced(c) && c.Feasible());
    double money_scale = 1.0;
    for (const OptionCost& c : costs)
        if (Priced(c) && (c.Feasible() || !any_fits))
            money_scale = std::max(money_scale, c.total_usd);
    // Carbon, the same way: each option's emissions over the horizon (energy on its grid, plus making the GPUs
    // bought) against the most of those that fit; 10 emits nothing, 0 the most. Scored, but weighted 0 unless
    // the person gives it a weight (the course's matrix has no carbon row; it names power under "noise and power
    // consumption").
    auto co2e_kg = [&](const OptionCost& c) { return c.co2e_kg_per_month * s.horizon_months + c.embodied_co2e_kg; };
    double carbon_scale = 1e-9;
    for (const OptionCost& c : costs)
        if (Priced(c) && (c.Feasible() || !any_fits))
            carbon_scale = std::max(carbon_scale, co2e_kg(c));
    const double peak = formulas::PeakWorkHoursPerWeek(s.hours_per_week, p.burst_share, p.fig.burst_peak_factor);
    const double remote = RemoteShare(s);
    const double fastest_cloud = std::max(p.max_offer_speed, 0.01);

    for (int o = 0; o < kOptionCount; ++o) {
        const OptionCost& c = At(costs, o);
        FactorArray& fa = At(out, o);
        const double cloud_share = CloudShare(c);
        const bool priced = Priced(c);
        auto set = [&fa](Factor f, double v) { At(fa, f) = Clamp10(v); };

        // The capital the option uses up: money spent at the start (or an owned machine's sale forgone, or the
        // hardware's instalments with their interest) less what it is worth at the end. With the running cost
        // it is the total, each dollar once.
        const double capital_usd =
            std::max(0.0, c.upfront_usd + c.finance_paid_usd + c.forgone_sale_usd - c.resale_usd);
        const double running_usd = c.monthly_usd * s.horizon_months;
        set(Factor::initial_cost, priced ? 10.0 * (1.0 - capital_usd / money_scale) : 0);
        set(Factor::ongoing_cost, priced ? 10.0 * (1.0 - running_usd / money_scale) : 0);
        set(Factor::carbon, priced ? 10.0 * (1.0 - co2e_kg(c) / carbon_scale) : 0);

        const double speed_home = c.gpu_index >= 0 ? At(p.catalog.gpus, c.gpu_index).speed : 0;
        const double home_maint = HomeMaintenanceScore(s, c.gpu_count);
        const double cloud_maint = s.cloud.pricing == CloudPricing::spot ? 8.0 : 9.0; // spot jobs need restarting
        switch (static_cast<Option>(o)) {
        case Option::home: {
            // Scalability "Limited": fixed capacity. It costs you little when the machine covers your peak
            // week and the work is steady; the more of it comes in bursts, the more you miss scaling.
            const double covered = peak > 0 ? std::min(1.0, c.capacity_work_hours_per_week / peak) : 1.0;
            set(Factor::scalability, priced ? 10.0 * covered - 5.0 * p.burst_share : 0);
            set(Factor::data_privacy, 10);
            set(Factor::maintenance, home_maint);
            // Hardware access "What you own": how far your GPU is from the latest matters as much as your
            // jobs need the latest (consumer-sized jobs need it little).
            set(Factor::hardware_access,
                priced ? 10.0 - (10.0 - OwnedHardwareScore(speed_home)) * LatestHardwareNeed(s) : 0);
            set(Factor::internet_required, 10);
            set(Factor::learning_curve, HomeLearningScore(s));
            // Flexibility "Limited by hardware": bursts and a spread-out team strain one fixed machine.
            set(Factor::flexibility, 8.0 - 4.0 * p.burst_share - 3.0 * remote - (s.wants_redundancy ? 1.0 : 0.0));
            set(Factor::latency, 10.0 - 4.0 * remote);
            break;
        }
        case Option::cloud: {
            set(Factor::scalability, priced ? 10 : 0);
            set(Factor::data_privacy,
                s.sensitive_work_pct > 0 ? CloudPrivacyScore(s.privacy) : CloudPrivacyScore(Privacy::internal));
            set(Factor::maintenance, cloud_maint);
            set(Factor::hardware_access, 10.0 * std::min(1.0, fastest_cloud / kLatestSpeed));
            set(Factor::internet_required, CloudInternetScore(s));
            set(Factor::learning_curve, CloudLearningScore(s));
            set(Factor::flexibility, 9.0 + (s.remote_collaborators > 0 ? 1.0 : 0.0));
            set(Factor::latency, 3.0 + 5.0 * std::clamp((s.internet_uptime_pct - 80.0) / 20.0, 0.0, 1.0));
            break;
        }
        case Option::hybrid: {
            // Bursts sent to the cloud scale with it; the local machine covers the rest.
            set(Factor::scalability, priced ? 5.0 + 5.0 * std::max(c.burst_share_to_cloud, cloud_share) : 0);
            // Data that must stay is kept local; only less sensitive work goes out.
            const double cloud_privacy =
                CloudPrivacyScore(p.local_only_share > 0 ? std::min(s.privacy, Privacy::internal) : s.privacy);
            set(Factor::data_privacy, 10.0 - (10.0 - cloud_privacy) * cloud_share);
            set(Factor::maintenance, (HomeMaintenanceScore(s, hybrid.gpu_count) + cloud_maint) / 2.0);
            set(Factor::hardware_access,
                priced ? std::max(10.0 - (10.0 - OwnedHardwareScore(speed_home)) * LatestHardwareNeed(s),
                                  10.0 * std::min(1.0, fastest_cloud / kLatestSpeed)) -
                        0.5
                       : 0);
            set(Factor::internet_required, 10.0 - (10.0 - CloudInternetScore(s)) * cloud_share);
            set(Factor::learning_curve, (HomeLearningScore(s) + CloudLearningScore(s)) / 2.0);
            set(Factor::flexibility,
                7.0 + 1.5 * cloud_share + (s.wants_redundancy ? 1.5 : 0.0) - 1.0 * remote * (1.0 - cloud_share));
            set(Factor::latency,
                (10.0 - 4.0 * remote) * (1.0 - cloud_share) +
                    (3.0 + 5.0 * std::clamp((s.internet_uptime_pct - 80.0) / 20.0, 0.0, 1.0)) * cloud_share);
            break;
        }
        }
        (void)home;
    }
    return out;
}

} // namespace labcalc::core
