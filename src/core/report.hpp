#pragma once
// The report every face shows: the evaluation plus the explanation (reasons, rules, flip points,
// assumptions with sources) and the month-by-month curves. ReportToJson is the stable contract
// (docs/report-schema.md); text, CSV and Markdown are views of the same report.
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/money.hpp"
#include "core/scenario.hpp"
#include "core/uncertainty.hpp"
#include "core/workings.hpp"
#include "core/workload.hpp"

namespace labcalc::core {

// Options and directions are enums in memory; their file keys ("home", "above") are written only at the
// edges (ReportToJson and the other formats, the embedding API's messages).
struct OptionReport {
    Option option = Option::home;
    std::string label;            // "Home lab"
    std::string setup;            // "1 x RTX 4090 + base system", "RunPod RTX 4090, on demand"
    std::string gpu_id, offer_id; // catalog ids of the GPU bought and the cloud offer used ("" none)
    bool feasible = false;
    std::vector<std::string> blockers; // plain sentences
    OptionCost cost;
    std::vector<double> cumulative_usd; // month 0 = upfront ... month horizon (resale credited)
    double usd_per_work_hour = 0;       // total over the horizon / hours of work done
    double present_value_usd = 0;       // net present cost at the scenario's discount rate (= total at 0)
    FactorArray factors{};
    double factor_score = 0, score = 0;
    int rules_matched = 0;
};

enum class FlipDirection { none, above, below, stricter, looser };
const char* FlipDirectionKey(FlipDirection d); // "above", "below", "stricter", "looser"; "" for none

struct FlipPoint {
    std::string input;           // scenario key: "hours_per_week", ...
    std::optional<double> value; // where the recommendation changes; nullopt: no flip in range
    std::string value_text;      // for choices ("confidential"); else formatted number
    std::optional<Option> to;    // the option it changes to (none when there is no flip)
    bool to_fits = true;         // false: past this value nothing fits your limits; `to` only comes closest
    FlipDirection direction = FlipDirection::none; // where from the current value; privacy: stricter / looser
    std::string note;                              // "no flip between 0 and 168 h/week"
    double searched_lo = 0, searched_hi = 0;       // with the note: the range searched, in the input's unit
};

struct AssumptionUsed {
    std::string id, label, unit;
    double value = 0;
    std::string source, date;
    bool stale = false;      // older than the catalog's stale_after_days at report time
    bool overridden = false; // value comes from the scenario, not the catalog
    std::string note;        // offer prices: "This price rose 12% since 2026-06 (...)." when its history says so
};

struct RuleCheck {
    std::optional<Option> option; // the option the course rule points to; none: it adds points to none ("any")
    std::string rule;             // the course's words, shortened
    std::string section;          // where in the course: "Choose Home-Based When", ...
    bool matched = false;
    std::string why; // how the inputs meet or miss it
};

// One sentence of the explanation and the part of the course it comes from, so a learner can go from
// the number to the text and back.
struct Reason {
    std::string text;
    std::string
        course; // "Choose Home-Based When: \"You have sensitive data ...\"", "Comparison Matrix: Initial Cost", ...
    std::optional<Option> rules_out = std::nullopt; // the option this reason rules out (a blocker), if it is one
};

struct Report {
    Option recommendation = Option::cloud;
    double margin = 0;
    Option runner_up = Option::home; // the option the margin is measured against
    bool any_feasible = false;
    std::vector<Reason> reasons;
    std::optional<int> break_even_month; // first month home's cumulative cost <= cloud's (resale credited at the end)
    std::optional<int> break_even_month_owning;     // the same without selling: no resale credited
    std::optional<int> break_even_month_discounted; // break_even_month on costs discounted to today
    std::vector<FlipPoint> flip_points;
    Scenario scenario;                  // every input as used
    double electricity_usd_per_kwh = 0; // the tariff in force (scenario or catalog)
    std::vector<AssumptionUsed> assumptions;
    std::vector<OptionReport> options; // home, cloud, hybrid
    std::vector<RuleCheck> rules;
    std::string catalog_as_of, report_date;
    std::vector<Working> workings;          // each money figure's formula with its values (when asked for)
    Workload workload;                      // what the tasks need (empty without tasks)
    std::optional<Uncertainty> uncertainty; // how sure the answer is (when asked for)
    Money money;                            // the currency amounts are shown in (every *_usd field stays in USD)
};

struct ReportSettings {
    std::string today = "2026-11-28"; // YYYY-MM-DD; faces pass the real date (the core reads no clock)
    bool flip_points = true;
    bool workings = false; // fill Report::workings (JSON "workings", Markdown "Worked solution")
    int samples = 0;       // > 0: Report::uncertainty over this many likely futures (uncertainty.hpp)
};

Report BuildReport(const Scenario& s, const Catalog& c, const ReportSettings& settings = {});

std::string ReportToJson(const Report& r, int indent = 2);
std::string ReportToText(const Report& r);
std::string ReportToCsv(const Report& r); // month, then cumulative and monthly cost per option
std::string ReportToMarkdown(const Report& r);
// One working as text: its title, the formula in symbols, with the values, the result, and each value's
// origin.
std::string WorkingToText(const Working& w, const Report& r);
// Where a working's value comes from, in words: "input hours_per_week", or a catalog figure or price with its
// source and date ("figure home.cooling_overhead_pct: <source>, 2026-01").
std::string WorkingTermOrigin(const WorkingTerm& t, const Report& r);

} // namespace labcalc::core
