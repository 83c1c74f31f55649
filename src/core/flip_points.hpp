#pragma once
// What would change the answer: for the main inputs, the value at which the recommendation flips,
// found by a scan and bisection on the real model.
#include <vector>

#include "core/catalog.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

std::vector<FlipPoint> FindFlipPoints(const Scenario& s, const Catalog& c);

} // namespace labcalc::core
