// Each formula against a value worked out by hand from explicit inputs.
#include <catch2/catch.hpp>

#include "core/formulas.hpp"
#include "core/timeline.hpp"

using namespace labcalc::core;
namespace f = labcalc::core::formulas;

TEST_CASE("a month has 365.25 / 12 / 7 weeks", "[formulas]")
{
    CHECK(f::kWeeksPerMonth == Approx(4.348214286));
    CHECK(f::kHoursPerMonth == Approx(730.5));
}

TEST_CASE("home hardware: base + GPUs + PSU/UPS per kW + disks per TB", "[formulas]")
{
    // 1200 + 1 x 2000 + 250 USD/kW x 0.6 kW + 160 USD/TB x 0.2 TB = 3382
    CHECK(f::HomeHardwareUsd<double>(1200, 2000, 1, 600, 250, 200, 160) == Approx(3382.0));
    // two GPUs: 1200 + 4000 + 250 x 1.05 + 0 = 5462.5
    CHECK(f::HomeHardwareUsd<double>(1200, 2000, 2, 1050, 250, 0, 160) == Approx(5462.5));
}

TEST_CASE("electricity: load for busy hours, idle for the rest of the on-hours, cooling on top", "[formulas]")
{
    // (600 W x 20 h + 75 W x 148 h) / 1000 = 23.1 kWh/week; x 4.348214 = 100.44375 kWh/month;
    // x 0.16 USD = 16.071; x 1.15 cooling = 18.48165 USD/month
    CHECK(f::ElectricityUsdPerMonth<double>(600, 75, 20, 168, 0.16, 15) == Approx(18.48165).epsilon(1e-6));
    // Switched on only while busy: no idle hours.
    CHECK(f::ElectricityUsdPerMonth<double>(600, 75, 20, 20, 0.16, 0) == Approx(12.0 * f::kWeeksPerMonth * 0.16));
    // Free electricity costs nothing.
    CHECK(f::ElectricityUsdPerMonth<double>(600, 75, 20, 168, 0.0, 15) == 0.0);
}

TEST_CASE("maintenance: a share of the price per year, per month", "[formulas]")
{
    CHECK(f::MaintenanceUsdPerMonth<double>(3382, 5) == Approx(3382 * 0.05 / 12));
}

TEST_CASE("resale: declining balance per year", "[formulas]")
{
    // 2000 x 0.82^3 + 1382 x 0.75^3 = 1102.736 + 583.03125
    CHECK(f::ResaleUsd<double>(2000, 1382, 18, 25, 36) == Approx(1685.76725));
    CHECK(f::ResaleUsd<double>(2000, 1382, 18, 25, 0) == Approx(3382.0));
    CHECK(f::ResaleUsd<double>(2000, 1382, 100, 100, 12) == Approx(0.0));
}

TEST_CASE("capacity: parallel jobs x speed x 168 h x utilization", "[formulas]")
{
    CHECK(f::CapacityWorkHoursPerWeek<double>(1, 1.0, 90) == Approx(151.2));
    CHECK(f::CapacityWorkHoursPerWeek<double>(2, 0.6, 90) == Approx(181.44));
}

TEST_CASE("cloud compute: GPU-hours x rate, spot work redone", "[formulas]")
{
    // 20 work hours at speed 1 on 1 GPU = 20 GPU-h/week; x 4.348214 x 0.47 = 40.873
    const double gpu_h = f::CloudGpuHoursPerWeek<double>(20, 1.0, 1);
    CHECK(gpu_h == Approx(20.0));
    CHECK(f::CloudComputeUsdPerMonth<double>(gpu_h, 0.47, false, 20) == Approx(40.87321));
    CHECK(f::CloudComputeUsdPerMonth<double>(gpu_h, 0.47, true, 20) == Approx(40.87321 * 1.2));
    // A job twice as fast on two GPUs bills the same GPU-hours.
    CHECK(f::CloudGpuHoursPerWeek<double>(20, 2.0, 2) == Approx(20.0));
}

TEST_CASE("storage, egress beyond the free allowance, idle charges", "[formulas]")
{
    CHECK(f::StorageUsdPerMonth<double>(200, 0.023) == Approx(4.6));
    CHECK(f::EgressUsdPerMonth<double>(150, 100, 0.09) == Approx(4.5));
    CHECK(f::EgressUsdPerMonth<double>(50, 100, 0.09) == 0.0);
    // 10% of 100 USD + 100 GB x 0.20 USD x (1 - 20/168) stopped
    CHECK(f::IdleUsdPerMonth<double>(100, 10, 100, 0.2, 20) == Approx(10 + 20 * (1 - 20.0 / 168)));
    CHECK(f::IdleUsdPerMonth<double>(0, 10, 100, 0.2, 0) == 0.0);
    CHECK(f::ConfidentialUsdPerMonth<double>(100, 15, 50) == Approx(65.0));
}

TEST_CASE("peak week: steady part plus the bursts of a busy week", "[formulas]")
{
    // 20 h with 30% in bursts, one busy week in four: 14 + 6 x 4 = 38
    CHECK(f::PeakWorkHoursPerWeek<double>(20, 0.3, 4) == Approx(38.0));
    CHECK(f::PeakWorkHoursPerWeek<double>(20, 0.0, 4) == Approx(20.0));
}

TEST_CASE("total and cumulative cost agree, break-even is the crossing of the curves", "[formulas][timeline]")
{
    OptionCost home;
    home.upfront_usd = 1000;
    home.monthly_usd = 10;
    home.resale_usd = 300;
    OptionCost cloud;
    cloud.monthly_usd = 60;
    const auto h = CumulativeUsd(home, 24);
    const auto c = CumulativeUsd(cloud, 24);
    REQUIRE(h.size() == 25);
    CHECK(h[0] == 1000);
    CHECK(h[24] == Approx(f::TotalUsd<double>(1000, 10, 24, 300)));
    // 1000 + 10 m <= 60 m  <=>  m >= 20
    REQUIRE(BreakEvenMonth(h, c).has_value());
    CHECK(*BreakEvenMonth(h, c) == 20);
    CHECK(h[19] > c[19]);
    CHECK(h[20] <= c[20]);
    // Never, within 12 months.
    CHECK_FALSE(BreakEvenMonth(CumulativeUsd(home, 12), CumulativeUsd(cloud, 12)).has_value());
}
