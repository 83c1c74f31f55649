#include "core/flip_points.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/evaluate.hpp"
#include "core/figure_ids.hpp"
#include "core/model.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "core/workload.hpp"

namespace labcalc::core {
namespace {

constexpr int kScanSteps = 48;
constexpr int kBisectSteps = 24;

// One numeric input: its key, range, and the answer of the model at a value of it.
struct NumericInput {
    const char* key;
    const char* unit;
    double lo, hi;
    bool integer;
    std::function<Outcome(double)> answer_at; // the answer with the input at that value
};

// Nearest change of the answer from `current` towards `end` (scan, then bisection).
bool SearchDirection(const NumericInput& in, double current, double end, Outcome start, std::vector<FlipPoint>* out)
{
    double prev = current;
    for (int i = 1; i <= kScanSteps; ++i) {
        double v = current + (end - current) * i / kScanSteps;
        if (in.integer)
            v = std::round(v);
        if (v == prev)
            continue;
        const Outcome r = in.answer_at(v);
        if (r == start) {
            prev = v;
            continue;
        }
        // Bisection between prev (start's answer) and v (another answer).
        double a = prev, b = v;
        Outcome to = r;
        for (int k = 0; k < kBisectSteps && std::fabs(b - a) > (in.integer ? 1.0 : 1e-6 * (in.hi - in.lo)); ++k) {
            double mid = (a + b) / 2;
            if (in.integer)
                mid = std::round(mid);
            if (mid == a || mid == b)
                break;
            const Outcome rm = in.answer_at(mid);
            if (rm == start) {
                a = mid;
            } else {
                b = mid;
                to = rm;
            }
        }
        // Shown to three decimals, rounded towards the side that flips (b lies past the flip, a before it), so
        // the value as printed, typed back, changes the answer.
        double shown = b;
        if (!in.integer) {
            shown = b > a ? std::ceil(b * 1000 - 1e-9) / 1000 : std::floor(b * 1000 + 1e-9) / 1000;
            shown = std::clamp(shown, in.lo, in.hi);
            if (in.answer_at(shown) == start) // a flip narrower than the rounding step: the exact value
                shown = b;
        }
        FlipPoint fp;
        fp.input = in.key;
        fp.value = shown;
        fp.value_text = FormatNumber(shown) + (in.unit[0] ? std::string(" ") + in.unit : "");
        fp.to = to.option;
        fp.to_fits = to.fits;
        fp.direction = end > current ? FlipDirection::above : FlipDirection::below;
        out->push_back(fp);
        return true;
    }
    return false;
}

} // namespace

std::vector<FlipPoint> FindFlipPoints(const Scenario& input, const Catalog& input_catalog)
{
    std::vector<FlipPoint> out;
    const ModelInputs model_inputs(input, input_catalog);
    const Scenario& s = model_inputs.scenario();
    const Catalog& c = model_inputs.catalog();
    // One working copy of the scenario and its prepared model: the inputs searched here change nothing
    // that Prepared fixes except the tariff, which is set on both. Budgets leave the costs as they are.
    Scenario work = s;
    Prepared p(work, c);
    const ResolvedFigures base_fig = p.fig;
    const double tariff = base_fig.electricity_usd_per_kwh;
    auto answer = [&]() {
        return OutcomeOf(Score(
            p, work, ApplyBudgets(CostOptions(p, work.hours_per_week), work.budget_usd, work.monthly_budget_usd)));
    };
    const Outcome start = answer();
    const OptionChoices choices_now = CostOptions(p, s.hours_per_week);
    auto reset = [&]() {
        work = s;
        p.fig = base_fig;
    };

    const std::vector<NumericInput> inputs = {
        {"hours_per_week", "h/week", 0, 168, false,
         [&](double v) {
             reset();
             work.hours_per_week = v;
             return answer();
         }},
        {"budget_usd", "USD", 0, std::max(50000.0, s.budget_usd * 2), false,
         [&](double v) {
             reset();
             work.budget_usd = v;
             return OutcomeOf(Score(p, work, ApplyBudgets(choices_now, work.budget_usd, work.monthly_budget_usd)));
         }},
        {"electricity_usd_per_kwh", "USD/kWh", 0, std::max(1.0, tariff * 2), false,
         [&](double v) {
             reset();
             work.electricity_usd_per_kwh = v;
             p.fig.electricity_usd_per_kwh = v;
             return answer();
         }},
        {"horizon_months", "months", 1, 120, true,
         [&](double v) {
             reset();
             work.horizon_months = static_cast<int>(v);
             return answer();
         }},
    };
    const double currents[] = {s.hours_per_week, s.budget_usd, tariff, static_cast<double>(s.horizon_months)};
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const NumericInput& in = inputs[i];
        // With tasks the hours follow from them: a flip in hours is not a value a person could type back.
        if (!s.tasks.empty() && std::string(in.key) == "hours_per_week")
            continue;
        const double cur = std::clamp(currents[i], in.lo, in.hi);
        bool found = false;
        if (cur > in.lo)
            found = SearchDirection(in, cur, in.lo, start, &out) || found;
        if (cur < in.hi)
            found = SearchDirection(in, cur, in.hi, start, &out) || found;
        if (!found) {
            FlipPoint fp;
            fp.input = in.key;
            fp.note =
                std::string("no flip between ") + FormatNumber(in.lo) + " and " + FormatNumber(in.hi) + " " + in.unit;
            fp.searched_lo = in.lo;
            fp.searched_hi = in.hi;
            out.push_back(fp);
        }
    }
    reset();
    // Privacy: each other level, in order of strictness (Prepared depends on it: a fresh evaluation each).
    bool found = false;
    for (int level = 0; level < 4; ++level) {
        if (level == static_cast<int>(s.privacy))
            continue;
        Scenario t = s;
        t.privacy = static_cast<Privacy>(level);
        const Outcome r = OutcomeOf(Evaluate(t, c));
        if (r != start) {
            FlipPoint fp;
            fp.input = "privacy";
            fp.value = level;
            fp.value_text = PrivacyKey(t.privacy); // the value to type (--set privacy=...); the page words it
            fp.to = r.option;
            fp.to_fits = r.fits;
            fp.direction = level > static_cast<int>(s.privacy) ? FlipDirection::stricter : FlipDirection::looser;
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

std::string FlipInWords(const FlipPoint& p, const Money& money)
{
    const FieldSpec* f = FindField(p.input);
    const std::string label = f ? f->label : p.input;
    if (!p.to || !p.value) {
        // The range searched, money in the person's currency ("no flip between 0 and 50000 USD" in euros).
        if (f && IsUsdUnit(f->unit) && p.searched_hi > p.searched_lo && money.code != "USD") {
            return label + ": no flip between " + FormatRounded(FromUsd(p.searched_lo, money), 2) + " and " +
                FormatRounded(FromUsd(p.searched_hi, money), 2) + " " + UnitIn(f->unit, money);
        }
        return label + ": " + p.note;
    }
    std::string value = p.value_text;
    std::replace(value.begin(), value.end(), '_', ' '); // choices in the slider's words
    if (f && (f->kind == FieldKind::number || f->kind == FieldKind::integer)) {
        // Money in the person's currency ("USD/kWh" becomes "EUR/kWh"), rounded there, toward the side that flips.
        const std::string unit = UnitIn(f->unit, money);
        const double shown = IsUsdUnit(f->unit) ? FromUsd(*p.value, money) : *p.value;
        const int decimals = unit == money.code ? (std::fabs(shown) < 10 ? 2 : 0) : (std::fabs(shown) < 1 ? 3 : 1);
        const double step = std::pow(10.0, -decimals);
        const double v = p.direction == FlipDirection::below ? std::floor(shown / step + 1e-9) * step
                                                             : std::ceil(shown / step - 1e-9) * step;
        if (unit == money.code) {
            value = FormatAmount(v, money.symbol);
        } else {
            value = FormatRounded(v, decimals) + (unit.empty() ? "" : " " + unit);
        }
    }
    const Option to = *p.to;
    // Privacy is a choice: the level ("Privacy need at public"), not "looser public".
    const bool choice = p.direction == FlipDirection::stricter || p.direction == FlipDirection::looser;
    const std::string where =
        choice ? label + " at " + value : label + " " + FlipDirectionKey(p.direction) + " " + value;
    return where +
        (p.to_fits ? ": " + std::string(OptionLabel(to)) + " wins."
                   : ": nothing fits your limits (" + std::string(OptionLabel(to)) + " comes closest).");
}

const char* FlipDirectionKey(FlipDirection d)
{
    switch (d) {
    case FlipDirection::none: return "";
    case FlipDirection::above: return "above";
    case FlipDirection::below: return "below";
    case FlipDirection::stricter: return "stricter";
    case FlipDirection::looser: return "looser";
    }
    return "";
}

} // namespace labcalc::core
