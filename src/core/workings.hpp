#pragma once
// Workings: each money figure of the report as the formula that made it, with this scenario's values put
// in, each value's unit and where it comes from. Built by running the formulas of formulas.hpp again with
// Traced numbers (traced.hpp), never from a second copy of a formula.
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/money.hpp"
#include "core/traced.hpp"

namespace labcalc::core {

struct Working {
    std::string id;      // "home.electricity_usd_per_month": option key, then the figure
    std::string title;   // "Home lab: electricity per month"
    std::string symbols; // "(P_load x h_busy + P_idle x max(h_on - h_busy, 0)) / 1000 x ..."
    std::string numbers; // the same with the values: "(490 W x 22.222 h + ...) / 1000 x ..."
    double result = 0;
    std::string unit; // "USD per month", "EUR per month": money in the report's currency
    std::vector<WorkingTerm> terms;
};

// The workings of every priced option's figures: hardware, electricity, maintenance, GPU-hours, storage,
// egress and the total over the horizon (the parts a scenario uses; an option ruled out before it was
// priced has none). Amounts of money are in `money` (the report's currency): the catalog's dollar prices
// converted at its rate as they are put in, so each working and its result read in the person's money.
std::vector<Working> BuildWorkings(const Prepared& p, const OptionCosts& costs, const Money& money);

// The working with id `id`, or null.
const Working* FindWorking(const std::vector<Working>& workings, std::string_view id);

// The workings' ids, for `labcalc --explain` and its error message.
std::vector<std::string> WorkingIds(const std::vector<Working>& workings);

} // namespace labcalc::core
