#include "core/flip_points.hpp"

#include <cmath>
#include <functional>

#include "core/evaluate.hpp"
#include "core/figure_ids.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

constexpr int kScanSteps = 48;
constexpr int kBisectSteps = 24;

struct NumericInput {
    const char* key;
    const char* unit;
    double lo, hi;
    bool integer;
    std::function<void(Scenario&, double)> set;
};

Option Recommend(const Scenario& s, const Catalog& c) { return Evaluate(s, c).recommended; }

// Nearest change of recommendation from `current` towards `end` (scan, then bisection).
void SearchDirection(const Scenario& base, const Catalog& c, const NumericInput& in, double current, double end,
                     Option start, std::vector<FlipPoint>* out, bool* found)
{
    Scenario s = base;
    double prev = current;
    for (int i = 1; i <= kScanSteps; ++i) {
        double v = current + (end - current) * i / kScanSteps;
        if (in.integer)
            v = std::round(v);
        if (v == prev)
            continue;
        in.set(s, v);
        const Option r = Recommend(s, c);
        if (r != start) {
            // Bisection between prev (start's answer) and v (another answer).
            double a = prev, b = v;
            Option to = r;
            for (int k = 0; k < kBisectSteps && std::fabs(b - a) > (in.integer ? 1.0 : 1e-6 * (in.hi - in.lo)); ++k) {
                double mid = (a + b) / 2;
                if (in.integer)
                    mid = std::round(mid);
                if (mid == a || mid == b)
                    break;
                in.set(s, mid);
                const Option rm = Recommend(s, c);
                if (rm == start) {
                    a = mid;
                } else {
                    b = mid;
                    to = rm;
                }
            }
            FlipPoint fp;
            fp.input = in.key;
            fp.value = b;
            fp.value_text = FormatNumber(in.integer ? b : std::round(b * 1000) / 1000) + (in.unit[0] ? std::string(" ") + in.unit : "");
            fp.to = OptionKey(to);
            fp.direction = end > current ? "above" : "below";
            out->push_back(fp);
            *found = true;
            return;
        }
        prev = v;
    }
}

} // namespace

std::vector<FlipPoint> FindFlipPoints(const Scenario& s, const Catalog& c)
{
    std::vector<FlipPoint> out;
    const Option start = Recommend(s, c);
    const double tariff = ResolveFigures(s, c).electricity_usd_per_kwh;
    const std::vector<NumericInput> inputs = {
        {"hours_per_week", "h/week", 0, 168, false, [](Scenario& x, double v) { x.hours_per_week = v; }},
        {"budget_usd", "USD", 0, std::max(50000.0, s.budget_usd * 2), false, [](Scenario& x, double v) { x.budget_usd = v; }},
        {"electricity_usd_per_kwh", "USD/kWh", 0, std::max(1.0, tariff * 2), false, [](Scenario& x, double v) { x.electricity_usd_per_kwh = v; }},
        {"horizon_months", "months", 1, 120, true, [](Scenario& x, double v) { x.horizon_months = static_cast<int>(v); }},
    };
    const double currents[] = {s.hours_per_week, s.budget_usd, tariff, static_cast<double>(s.horizon_months)};
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const NumericInput& in = inputs[i];
        const double cur = std::clamp(currents[i], in.lo, in.hi);
        bool found = false;
        if (cur > in.lo)
            SearchDirection(s, c, in, cur, in.lo, start, &out, &found);
        if (cur < in.hi)
            SearchDirection(s, c, in, cur, in.hi, start, &out, &found);
        if (!found) {
            FlipPoint fp;
            fp.input = in.key;
            fp.note = std::string("no flip between ") + FormatNumber(in.lo) + " and " + FormatNumber(in.hi) + " " + in.unit;
            out.push_back(fp);
        }
    }
    // Privacy: each other level, in order of strictness.
    bool found = false;
    for (int level = 0; level < 4; ++level) {
        if (level == static_cast<int>(s.privacy))
            continue;
        Scenario t = s;
        t.privacy = static_cast<Privacy>(level);
        const Option r = Recommend(t, c);
        if (r != start) {
            FlipPoint fp;
            fp.input = "privacy";
            fp.value = level;
            fp.value_text = PrivacyKey(t.privacy);
            fp.to = OptionKey(r);
            fp.direction = level > static_cast<int>(s.privacy) ? "stricter" : "looser";
            out.push_back(fp);
            found = true;
        }
    }
    if (!found) {
        FlipPoint fp;
        fp.input = "privacy";
        fp.note = "no flip at any privacy level";
        out.push_back(fp);
    }
    return out;
}

} // namespace labcalc::core
