// The course view: the course's conditions as a checklist that sets the scenario, and the comparison
// of two reports that shows what a change moved. The conditions' thresholds are the rules' own
// (rule_limits, rules.hpp): a tick sets a value safely past the threshold, so the rule holds afterwards.
#include "core/course.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

std::string Num(double v) { return FormatNumber(v); }

// A key for a reason that survives its numbers changing: the course part and the words.
std::string ReasonKey(const Reason& r)
{
    std::string key = r.course + "|";
    for (char c : r.text)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',' && c != '$')
            key += c;
    return key;
}

namespace L = rule_limits;

// Values a tick or untick sets: each safely past its rule's threshold, so the rule holds (or fails) when
// the model runs again.
constexpr double kBusyHoursPerWeek = 80, kPartTimeHoursPerWeek = 30;
static_assert(kBusyHoursPerWeek >= L::kAroundTheClockHoursPerWeek &&
              kPartTimeHoursPerWeek < L::kAroundTheClockHoursPerWeek);
static_assert(kPartTimeHoursPerWeek >= L::kContinuousHoursPerWeek); // a steady tick may raise the hours to this
constexpr double kSmallBurstPct = 10, kBurstyBurstPct = 50;
static_assert(kSmallBurstPct <= L::kSteadyBurstPct && kBurstyBurstPct > L::kSteadyBurstPct);
constexpr double kScalingBurstPct = 70, kUnevenBurstPct = 60, kFewBurstsPct = 30;
static_assert(kScalingBurstPct >= L::kDynamicBurstPct && kUnevenBurstPct >= L::kVariableBurstPct);
static_assert(kFewBurstsPct < L::kDynamicBurstPct && kFewBurstsPct < L::kVariableBurstPct);
constexpr double kConsumerJobVramGb = 24, kLargeJobVramGb = 48, kDatacenterJobVramGb = 80;
static_assert(kConsumerJobVramGb <= L::kConsumerVramGb && kLargeJobVramGb > L::kConsumerVramGb &&
              kDatacenterJobVramGb > L::kConsumerVramGb);
constexpr int kTeamPeople = 3;
static_assert(kTeamPeople >= L::kDistributedTeamPeople);
// More than any consumer machine holds: the home lab needs data-centre GPUs, or none fits.
constexpr double kBeyondHomeVramGb = 640;
// A share of sensitive work for a mixed-sensitivity tick when the scenario has none to keep.
constexpr double kPartlySensitivePct = 40;

// "a point", "2 points": a score gap as the course view words it.
std::string Points(double points) { return points == 1 ? "a point" : Num(points) + " points"; }

// The course view's words for a rule (shorter and plainer than the course's, with labcalc's thresholds)
// and whether it can be ticked: the line is ours, the rule's data (option, section) comes from Rules().
struct LineWording {
    std::string text;
    bool settable = true;   // false: it follows from the costs and scores
    bool can_untick = true; // false: a level of experience, where another one is picked instead
};
LineWording Wording(RuleId id)
{
    switch (id) {
    case RuleId::data_cannot_leave_premises: return {"Some of your data may not leave your premises"};
    case RuleId::needs_round_the_clock_access:
        return {"You need a GPU around the clock (" + Num(L::kAroundTheClockHoursPerWeek) + " h/week or more)"};
    case RuleId::predictable_continuous_workload: return {"Your work is steady and continuous, not bursty"};
    case RuleId::learn_hardware_and_sysadmin: return {"You want to learn hardware and system administration"};
    case RuleId::home_budget_allows_upfront: return {"Your budget covers the home machine up front"};
    case RuleId::models_fit_consumer_hardware:
        return {"Your models fit a consumer card (" + Num(L::kConsumerVramGb) + " GB or less)"};
    case RuleId::scale_dynamically:
        return {"You need to scale up and down (" + FormatPercent(L::kDynamicBurstPct) + " or more in bursts)"};
    case RuleId::latest_hardware:
        return {"You need the latest data-centre GPUs (more than " + Num(L::kConsumerVramGb) + " GB)"};
    case RuleId::variable_workload:
        return {"Your workload is variable (" + FormatPercent(L::kVariableBurstPct) + " or more in bursts)"};
    case RuleId::distributed_team:
        return {"You work with people elsewhere (" + std::to_string(L::kDistributedTeamPeople) + " or more)"};
    case RuleId::minimal_maintenance: return {"You want as little upkeep as possible"};
    case RuleId::very_large_models: return {"Your largest job is beyond any consumer machine"};
    case RuleId::best_of_both_worlds:
        return {"Home and cloud score within " + Points(L::kBestOfBothPoints) + " of each other", false, false};
    case RuleId::develop_locally_train_in_cloud:
        return {"The cheapest hybrid sends training bursts to the cloud", false, false};
    case RuleId::balance_cost_and_performance:
        return {"The hybrid costs within " + FormatPercent(L::kBalancedCostPct) + " of the cheapest option", false,
                false};
    case RuleId::redundancy_and_backup: return {"You want a second place to run and off-site backups"};
    case RuleId::sensitive_and_non_sensitive_work: return {"Only part of your work touches sensitive data"};
    case RuleId::beginner_starts_in_cloud: return {"You are a beginner", true, false};
    case RuleId::intermediate_considers_hybrid: return {"You are an intermediate user", true, false};
    case RuleId::advanced_optimises_for_workload: return {"You are an advanced user", true, false};
    }
    return {}; // not reached: the switch names every rule
}

// The course heading a line sits under: the part of the rule's section before any ":" (the three levels
// share "Getting Started").
std::string Heading(const char* section)
{
    const std::string s = section;
    return s.substr(0, s.find(':'));
}

CourseCondition ConditionFor(const RuleSpec& rule)
{
    LineWording words = Wording(rule.id);
    return {rule.id, RuleOption(rule), Heading(rule.section), std::move(words.text), words.settable, words.can_untick};
}

// The least money up front any home machine that runs the work needs, rounded to what a person would type:
// up to the next $100 to cover it, down by 10% to miss it (a larger budget may buy a bigger machine that
// costs less over the horizon).
Expected<std::vector<std::string>> BudgetSettings(const CourseCondition& c, bool tick, const Report& current)
{
    using Result = Expected<std::vector<std::string>>;
    const OptionReport* home = current.options.empty() ? nullptr : &current.options[0];
    if (!home || home->gpu_id.empty())
        return Result::Fail("'" + c.text + "': no home machine fits your other inputs, so no budget can cover one");
    const double upfront = home->cost.min_upfront_usd;
    return Result::Ok(
        {"budget_usd=" + Num(tick ? std::ceil(upfront / 100) * 100 : std::floor(upfront * 0.9 / 100) * 100)});
}

} // namespace

const std::vector<std::string>& CourseParts()
{
    static const std::vector<std::string> kParts = {
        "Home-Based AI Labs, Advantages",
        "Home-Based AI Labs, Disadvantages",
        "Cloud-Based AI Labs, Advantages",
        "Cloud-Based AI Labs, Disadvantages",
        "Comparison Matrix",
        "Choose Home-Based When",
        "Choose Cloud-Based When",
        "Choose Hybrid Approach When",
        "Hybrid AI Labs",
        "Getting Started",
    };
    return kParts;
}

bool CitesCoursePart(std::string_view course)
{
    for (const std::string& part : CourseParts())
        if (course.substr(0, part.size()) == part)
            return true;
    return false;
}

const std::vector<CourseCondition>& CourseConditions()
{
    static const std::vector<CourseCondition> kConditions = [] {
        std::vector<CourseCondition> lines;
        for (const RuleSpec& rule : Rules())
            lines.push_back(ConditionFor(rule));
        return lines;
    }();
    return kConditions;
}

Expected<std::vector<std::string>> ConditionSettings(const CourseCondition& c, bool tick, const Scenario& s,
                                                     const Report& current)
{
    using Result = Expected<std::vector<std::string>>;
    const auto follows_from_results = [&] {
        return Result::Fail("'" + c.text + "' follows from the costs and scores; change the inputs that drive them");
    };
    if (!c.settable)
        return follows_from_results();
    if (!tick && !c.can_untick)
        return Result::Fail("'" + c.text + "': choose another level instead");
    // A machine you own costs nothing up front but its upgrade, so no budget is too small for it; and the GPU
    // you named decides whether a consumer machine holds the job.
    if (!tick && s.home.owned && !s.home.finance_months && c.rule == RuleId::home_budget_allows_upfront)
        return Result::Fail("'" + c.text +
                            "' follows from the machine you own: it costs nothing up front but an upgrade");
    if (!tick && s.home.finance_months && c.rule == RuleId::home_budget_allows_upfront)
        return Result::Fail("'" + c.text +
                            "' follows from paying in instalments (home.finance_months): nothing is paid up front");
    if (!tick && s.home.gpu && c.rule == RuleId::very_large_models)
        return Result::Fail("'" + c.text + "' follows from the machine you own or chose (home.gpu)");
    std::vector<std::string> out;
    switch (c.rule) {
    case RuleId::data_cannot_leave_premises:
        if (tick)
            out = {"privacy=on_premises_only",
                   "sensitive_work_pct=" + Num(s.sensitive_work_pct > 0 ? s.sensitive_work_pct : 100)};
        else
            out = {"privacy=confidential"};
        break;
    case RuleId::needs_round_the_clock_access:
        out = {"hours_per_week=" +
               Num(tick ? std::max(kBusyHoursPerWeek, s.hours_per_week)
                        : std::min(kPartTimeHoursPerWeek, s.hours_per_week))};
        break;
    case RuleId::predictable_continuous_workload:
        if (tick) {
            out = {"burst_share_pct=" + Num(kSmallBurstPct)};
            if (s.hours_per_week < L::kContinuousHoursPerWeek)
                out.push_back("hours_per_week=" + Num(kPartTimeHoursPerWeek));
        } else {
            out = {"burst_share_pct=" + Num(std::max(kBurstyBurstPct, s.burst_share_pct))};
        }
        break;
    case RuleId::learn_hardware_and_sysadmin: out = {std::string("learn_hardware=") + (tick ? "true" : "false")}; break;
    case RuleId::home_budget_allows_upfront: return BudgetSettings(c, tick, current);
    case RuleId::models_fit_consumer_hardware:
        out = {"vram_gb=" + Num(tick ? std::min(kConsumerJobVramGb, s.vram_gb) : kLargeJobVramGb)};
        break;
    case RuleId::scale_dynamically: out = {"burst_share_pct=" + Num(tick ? kScalingBurstPct : kFewBurstsPct)}; break;
    case RuleId::latest_hardware: out = {"vram_gb=" + Num(tick ? kDatacenterJobVramGb : kConsumerJobVramGb)}; break;
    case RuleId::variable_workload: out = {"burst_share_pct=" + Num(tick ? kUnevenBurstPct : kFewBurstsPct)}; break;
    case RuleId::distributed_team:
        out = {"remote_collaborators=" + std::to_string(tick ? std::max(kTeamPeople, s.remote_collaborators) : 0)};
        break;
    case RuleId::minimal_maintenance:
        out = tick ? std::vector<std::string>{"experience=beginner", "learn_hardware=false"}
                   : std::vector<std::string>{"experience=intermediate"};
        break;
    case RuleId::very_large_models: out = {"vram_gb=" + Num(tick ? kBeyondHomeVramGb : kConsumerJobVramGb)}; break;
    case RuleId::best_of_both_worlds:
    case RuleId::develop_locally_train_in_cloud:
    case RuleId::balance_cost_and_performance: return follows_from_results();
    case RuleId::redundancy_and_backup: out = {std::string("wants_redundancy=") + (tick ? "true" : "false")}; break;
    case RuleId::sensitive_and_non_sensitive_work:
        if (tick) {
            if (s.privacy < Privacy::confidential)
                out.push_back("privacy=confidential");
            out.push_back("sensitive_work_pct=" +
                          Num(s.sensitive_work_pct > 0 && s.sensitive_work_pct < 100 ? s.sensitive_work_pct
                                                                                     : kPartlySensitivePct));
        } else {
            out = {"sensitive_work_pct=100"};
        }
        break;
    case RuleId::beginner_starts_in_cloud: out = {"experience=beginner"}; break;
    case RuleId::intermediate_considers_hybrid: out = {"experience=intermediate"}; break;
    case RuleId::advanced_optimises_for_workload: out = {"experience=advanced"}; break;
    }
    // With tasks, the work, memory and bursts follow from them: a setting of those would be overruled.
    if (!s.tasks.empty())
        for (const std::string& kv : out)
            for (const char* key : {"hours_per_week=", "vram_gb=", "burst_share_pct="})
                if (kv.rfind(key, 0) == 0)
                    return Result::Fail("'" + c.text +
                                        "' depends on the work, memory or bursts, which your tasks set: change them "
                                        "under \"What do you want to run?\"");
    return Result::Ok(std::move(out));
}

Expected<Scenario> ApplyCondition(const CourseCondition& c, bool tick, const Scenario& s, const Report& current,
                                  std::vector<std::string>* settings_used)
{
    auto settings = ConditionSettings(c, tick, s, current);
    if (!settings)
        return Expected<Scenario>::Fail(settings.error);
    Scenario next = s;
    for (const std::string& kv : *settings.value) {
        if (Status set = ApplySetting(next, kv); !set)
            return Expected<Scenario>::Fail(set.error);
    }
    if (settings_used)
        *settings_used = std::move(*settings.value);
    return Expected<Scenario>::Ok(std::move(next));
}

ReportChange CompareReports(const Report& before, const Report& after)
{
    ReportChange change;
    change.from = before.recommendation;
    change.to = after.recommendation;
    for (std::size_t o = 0; o < 3 && o < before.options.size() && o < after.options.size(); ++o)
        change.score_delta[o] = after.options[o].score - before.options[o].score;
    for (std::size_t i = 0; i < before.rules.size() && i < after.rules.size(); ++i) {
        if (after.rules[i].matched && !before.rules[i].matched)
            change.rules_now_met.push_back(after.rules[i]);
        if (!after.rules[i].matched && before.rules[i].matched)
            change.rules_no_longer_met.push_back(after.rules[i]);
    }
    std::set<std::string> before_keys, after_keys;
    for (const Reason& r : before.reasons)
        before_keys.insert(ReasonKey(r));
    for (const Reason& r : after.reasons)
        after_keys.insert(ReasonKey(r));
    for (const Reason& r : after.reasons)
        if (!before_keys.count(ReasonKey(r)))
            change.reasons_added.push_back(r);
    for (const Reason& r : before.reasons)
        if (!after_keys.count(ReasonKey(r)))
            change.reasons_removed.push_back(r);
    return change;
}

} // namespace labcalc::core
