#pragma once
// What would change the answer: for the main inputs, the value at which the recommendation flips,
// found by a scan and bisection on the real model.
#include <vector>

#include "core/catalog.hpp"
#include "core/report.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

std::vector<FlipPoint> FindFlipPoints(const Scenario& s, const Catalog& c);

// A flip point in the page's words, the one wording every face uses (the page, its text version, the
// Markdown export): "Work per week above 27.9 h/week: Home lab wins.", "Privacy need at on premises only:
// nothing fits your limits (Home lab comes closest).", and for an input with no flip "Horizon: no flip
// between 1 and 120 months". A number is rounded towards the side that flips (up for "above", down for
// "below"), so the value as read, typed back, changes the answer.
std::string FlipInWords(const FlipPoint& p, const Money& money = Money{});

} // namespace labcalc::core
