// The results' side of the app (see app_actions.hpp): the report and decision map rebuilt once after an
// edit, the accessible text version, and the link and stored scenario written once a gesture ends.
#include "ui/app.hpp"
#include "ui/app_actions.hpp"

#include <algorithm>

#include "core/decision_map.hpp"
#include "core/flip_points.hpp"
#include "core/scenario_json.hpp"
#include "core/url_state.hpp"
#include "ui/format.hpp"

namespace labcalc::ui {

namespace {

// Smallest "nice" axis end at or above `need`, so the decision map's axes move in steps, not on
// every slider movement.
double NiceAxisMax(double need, const double* steps, int count)
{
    for (int i = 0; i < count; ++i)
        if (steps[i] >= need)
            return steps[i];
    return steps[count - 1];
}

void UpdateMapAxes(AppState& state)
{
    static const double kHours[] = {40, 80, 168};
    static const double kBudgets[] = {5000, 10000, 20000, 50000, 100000, 250000, 1e6, 1e7};
    // The hours the model ran on: with tasks, theirs (the report is built first).
    state.results.map_hours_max = NiceAxisMax(state.results.report.scenario.hours_per_week * 1.25, kHours, 3);
    state.results.map_budget_max_usd = NiceAxisMax(state.scenario.budget_usd * 1.25, kBudgets, 8);
}

} // namespace

void RecomputeIfDirty(AppState& state, bool interacting, bool defer_samples)
{
    const bool finish_flips = state.results.flips_pending && !interacting;
    if (!state.results.dirty && !finish_flips) {
        // How sure the answer is, once the report stands and no slider is held: the likely futures of
        // core::SampleOutcomes (what BuildReport gives with ReportSettings::samples), a frame after the report
        // so the first frame is not kept waiting for them.
        // A job out with the platform (StartReleaseSamples, or a live one whose answer asks for them) brings them.
        const bool platform_brings = defer_samples && state.live.in_flight != 0;
        if (state.results.samples_pending && !interacting && !platform_brings) {
            state.results.report.uncertainty = core::SampleOutcomes(state.scenario, state.catalog, kUiSamples);
            state.results.samples_pending = false;
            ++state.results.report_version;
        } else if (state.results.confidence_pending && !interacting) {
            // The map's shading, the frame after (a few tens of milliseconds in WebAssembly, once per new map).
            const core::DecisionMap& m = state.results.decision_map;
            state.results.confidence_map =
                core::ComputeConfidenceMap(state.scenario, state.catalog, kConfidenceColumns, kConfidenceRows,
                                           m.hours_max, m.budget_max_usd, kConfidenceSamplesPerCell);
            state.results.confidence_pending = false;
        }
        return;
    }
    core::ReportSettings settings;
    settings.today = state.today;
    // The flip-point search re-evaluates the model many times; while a slider is held the learner
    // watches the recommendation and the chart, so the search waits for the release.
    settings.flip_points = !interacting;
    // Every money figure can open its working, and the exports carry them ("Worked solution").
    settings.workings = true;
    std::optional<core::Uncertainty> last = std::move(state.results.report.uncertainty);
    state.results.report = core::BuildReport(state.scenario, state.catalog, settings);
    state.results.flips_pending = interacting;
    state.results.samples_pending = true;
    // Until this report's futures come (the next frame; while a slider is held, StartLiveSamples), the last
    // ones stay shown: no line blinks out.
    state.results.report.uncertainty = std::move(last);
    state.live.wanted = interacting;
    if (state.results.dirty) {
        UpdateMapAxes(state);
        // The map sets budget and hours itself: dragging those two sliders (the usual gesture) keeps
        // it, unless an axis had to widen. Anything else, or another catalog, draws it again.
        const core::DecisionMap& m = state.results.decision_map;
        const bool still_valid = !m.cells.empty() && m.hours_max == state.results.map_hours_max &&
            m.budget_max_usd == state.results.map_budget_max_usd &&
            state.results.map_catalog_version == state.catalog_version &&
            core::SameMapInputs(state.results.map_scenario, state.scenario);
        if (!still_valid) {
            state.results.decision_map =
                core::ComputeDecisionMap(state.scenario, state.catalog, kMapColumns, kMapRows,
                                         state.results.map_hours_max, state.results.map_budget_max_usd);
            state.results.map_scenario = state.scenario;
            state.results.map_catalog_version = state.catalog_version;
            state.results.confidence_pending = true;
            ++state.test_hooks.map_computations;
        }
    }
    state.results.has_report = true;
    state.results.dirty = false;
    ++state.results.report_version;
    if (!defer_samples && !interacting)
        RecomputeIfDirty(state, false); // the samples now: an export or a message wants the whole report
}

void PublishSummaryIfChanged(AppState& state, PlatformServices& services)
{
    if (!state.results.has_report ||
        (state.sync.published_version == state.results.report_version &&
         state.sync.published_error == state.error_message))
        return;
    Summary summary = BuildSummary(state.results.report);
    // A rejected link or file is news for a screen reader too: it goes first.
    if (!state.error_message.empty())
        summary.lines.insert(summary.lines.begin(), "Notice: " + state.error_message);
    services.PublishSummary(summary);
    state.sync.published_version = state.results.report_version;
    state.sync.published_error = state.error_message;
}

void PersistIfPending(AppState& state, PlatformServices& services, bool interacting)
{
    if (!state.sync.persist_pending || interacting)
        return;
    services.WriteUrlFragment(core::EncodePageFragment(state.embedding.page, state.scenario),
                              state.sync.history_entry_pending);
    state.sync.history_entry_pending = false;
    if (!state.embedding.page.embed)
        services.StoreValue(kStoredScenarioKey, core::ScenarioToJson(state.scenario).dump());
    state.sync.persist_pending = false;
}

Summary BuildSummary(const core::Report& r)
{
    // In the order a reader needs it: the answer, what it was worked out from, why, what each option
    // costs, what would change it, then the matrix and the course's rules. Each fact once (an option's
    // blockers are in its cost line, not again as reasons); a sentence that no longer holds (a home lab
    // that "pays for itself" when it is ruled out) is left out.
    Summary s;
    const std::string winner = OptionLabelOf(r.recommendation);
    s.headline = r.any_feasible ? "Recommendation: " + winner : "Nothing fits yet; closest: " + winner;
    const core::Scenario& in = r.scenario;
    const core::Money& money = r.money;
    s.lines.push_back("Your inputs: Budget up front " + Usd(in.budget_usd, money) + "; work per week " +
                      Number(in.hours_per_week, 1) + " h/week; privacy need " + core::PrivacyLabel(in.privacy) +
                      "; horizon " + std::to_string(in.horizon_months) + " months; electricity " +
                      Usd(r.electricity_usd_per_kwh, money) + " per kWh; largest job " + Number(in.vram_gb, 1) +
                      " GB of GPU memory.");
    if (r.any_feasible && r.runner_up != r.recommendation)
        s.lines.push_back("Ahead of " + OptionLabelOf(r.runner_up) + " by " + Number(r.margin, 1) +
                          " points (each option is scored out of 10 on the course's ten factors and carbon, as "
                          "weighted, plus a bonus for the "
                          "course rules it meets).");
    for (const core::Reason& reason : r.reasons)
        if (!reason.rules_out) // the blockers follow in the options' lines
            s.lines.push_back(reason.text + " (course: " + reason.course + ")");
    for (const core::OptionReport& o : r.options) {
        if (o.feasible) {
            s.lines.push_back(o.label + ": " + Amount(ShownTotal(o, in.horizon_months, money), money) + " over " +
                              std::to_string(in.horizon_months) + " months, " + CostSum(o, in.horizon_months, money) +
                              (o.setup.empty() ? "" : "; " + o.setup) + ".");
        } else {
            std::string why;
            for (const std::string& b : o.blockers)
                why += (why.empty() ? "" : "; ") + b;
            s.lines.push_back(o.label + " is ruled out: " + why + ".");
        }
    }
    // (The break-even is one of the core's reasons, above, for a home lab that fits.)
    std::string flips;
    for (const core::FlipPoint& p : r.flip_points)
        if (p.to)
            flips += (flips.empty() ? "" : " ") + core::FlipInWords(p, money);
    if (!flips.empty())
        s.lines.push_back("What would change the answer: " + flips);
    std::string scores;
    for (const core::OptionReport& o : r.options)
        scores +=
            (scores.empty() ? "" : "; ") + o.label + " " + (o.feasible ? Number(o.score, 1) : std::string("ruled out"));
    if (!scores.empty())
        s.lines.push_back("Comparison matrix, final scores out of 10 with the course bonus: " + scores + ".");
    std::string rules;
    for (const core::OptionReport& o : r.options) {
        int total = 0;
        for (const core::RuleCheck& rule : r.rules)
            total += rule.option == o.option ? 1 : 0;
        if (total > 0)
            rules += (rules.empty() ? "" : "; ") + o.label + " " + std::to_string(o.rules_matched) + " of " +
                std::to_string(total);
    }
    if (!rules.empty())
        s.lines.push_back("Course rules met (the course's \"choose ... when\" lines): " + rules + ".");
    // The same sentence twice says nothing new.
    std::vector<std::string> unique;
    for (std::string& line : s.lines)
        if (std::find(unique.begin(), unique.end(), line) == unique.end())
            unique.push_back(std::move(line));
    s.lines = std::move(unique);
    return s;
}

} // namespace labcalc::ui
