// The course view: the course's conditions as a checklist that sets the scenario, and the comparison
// of two reports that shows what a change moved. The conditions' thresholds are the rules' own
// (rules.cpp): a tick sets a value safely past the threshold, so the rule holds afterwards.
#include "core/course.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

enum Rule : int {
    kDataStays, kAroundTheClock, kSteady, kLearnHardware, kBudgetUpfront, kConsumerModels,
    kScaleDynamically, kLatestHardware, kVariable, kDistributedTeam, kLowMaintenance, kVeryLargeModels,
    kBestOfBoth, kDevLocalTrainCloud, kBalanceCost, kRedundancy, kMixedSensitivity,
    kBeginner, kIntermediate, kAdvanced
};

std::string Num(double v)
{
    return FormatNumber(v);
}

// A key for a reason that survives its numbers changing: the course part and the words.
std::string ReasonKey(const Reason& r)
{
    std::string key = r.course + "|";
    for (char c : r.text)
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',' && c != '$')
            key += c;
    return key;
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
    // Our own short wording of each course line (the course's words are in Report::rules[].rule).
    static const std::vector<CourseCondition> kConditions = {
        {kDataStays, "home", "Choose Home-Based When", "Some of your data may not leave your premises", true, true},
        {kAroundTheClock, "home", "Choose Home-Based When", "You need a GPU around the clock (60 h/week or more)", true, true},
        {kSteady, "home", "Choose Home-Based When", "Your work is steady and continuous, not bursty", true, true},
        {kLearnHardware, "home", "Choose Home-Based When", "You want to learn hardware and system administration", true, true},
        {kBudgetUpfront, "home", "Choose Home-Based When", "Your budget covers the home machine up front", true, true},
        {kConsumerModels, "home", "Choose Home-Based When", "Your models fit a consumer card (32 GB or less)", true, true},
        {kScaleDynamically, "cloud", "Choose Cloud-Based When", "You need to scale up and down (60% or more in bursts)", true, true},
        {kLatestHardware, "cloud", "Choose Cloud-Based When", "You need the latest data-centre GPUs (more than 32 GB)", true, true},
        {kVariable, "cloud", "Choose Cloud-Based When", "Your workload is variable (50% or more in bursts)", true, true},
        {kDistributedTeam, "cloud", "Choose Cloud-Based When", "You work with people elsewhere (2 or more)", true, true},
        {kLowMaintenance, "cloud", "Choose Cloud-Based When", "You want as little upkeep as possible", true, true},
        {kVeryLargeModels, "cloud", "Choose Cloud-Based When", "Your largest job is beyond any consumer machine", true, true},
        {kBestOfBoth, "hybrid", "Choose Hybrid Approach When", "Home and cloud score within a point of each other", false, false},
        {kDevLocalTrainCloud, "hybrid", "Choose Hybrid Approach When", "The cheapest hybrid sends training bursts to the cloud", false, false},
        {kBalanceCost, "hybrid", "Choose Hybrid Approach When", "The hybrid costs within 15% of the cheapest option", false, false},
        {kRedundancy, "hybrid", "Choose Hybrid Approach When", "You want a second place to run and off-site backups", true, true},
        {kMixedSensitivity, "hybrid", "Choose Hybrid Approach When", "Only part of your work touches sensitive data", true, true},
        {kBeginner, "cloud", "Getting Started", "You are a beginner", true, false},
        {kIntermediate, "hybrid", "Getting Started", "You are an intermediate user", true, false},
        {kAdvanced, "any", "Getting Started", "You are an advanced user", true, false},
    };
    return kConditions;
}

Expected<std::vector<std::string>> ConditionSettings(const CourseCondition& c, bool tick, const Scenario& s, const Report& current)
{
    using Result = Expected<std::vector<std::string>>;
    if (!c.settable)
        return Result::Fail("'" + c.text + "' follows from the costs and scores; change the inputs that drive them");
    if (!tick && !c.can_untick)
        return Result::Fail("'" + c.text + "': choose another level instead");
    std::vector<std::string> out;
    switch (c.rule) {
    case kDataStays:
        if (tick)
            out = {"privacy=on_premises_only", "sensitive_work_pct=" + Num(s.sensitive_work_pct > 0 ? s.sensitive_work_pct : 100)};
        else
            out = {"privacy=confidential"};
        break;
    case kAroundTheClock:
        out = {"hours_per_week=" + Num(tick ? std::max(80.0, s.hours_per_week) : std::min(30.0, s.hours_per_week))};
        break;
    case kSteady:
        if (tick) {
            out = {"burst_share_pct=10"};
            if (s.hours_per_week < 20)
                out.push_back("hours_per_week=30");
        } else {
            out = {"burst_share_pct=" + Num(std::max(50.0, s.burst_share_pct))};
        }
        break;
    case kLearnHardware:
        out = {std::string("learn_hardware=") + (tick ? "true" : "false")};
        break;
    case kBudgetUpfront: {
        const OptionReport* home = current.options.empty() ? nullptr : &current.options[0];
        if (!home || home->gpu_id.empty())
            return Result::Fail("'" + c.text + "': no home machine fits your other inputs, so no budget can cover one");
        // The least money up front any home machine that runs the work needs (a larger budget may buy a
        // bigger one that costs less over the horizon). Round to what a person would type: up to the next
        // $100 to cover it, down by 10% to miss it.
        const double upfront = home->cost.min_upfront_usd;
        out = {"budget_usd=" + Num(tick ? std::ceil(upfront / 100) * 100 : std::floor(upfront * 0.9 / 100) * 100)};
        break;
    }
    case kConsumerModels:
        out = {"vram_gb=" + Num(tick ? std::min(24.0, s.vram_gb) : 48.0)};
        break;
    case kScaleDynamically:
        out = {"burst_share_pct=" + Num(tick ? 70.0 : 30.0)};
        break;
    case kLatestHardware:
        out = {"vram_gb=" + Num(tick ? 80.0 : 24.0)};
        break;
    case kVariable:
        out = {"burst_share_pct=" + Num(tick ? 60.0 : 30.0)};
        break;
    case kDistributedTeam:
        out = {"remote_collaborators=" + std::to_string(tick ? std::max(3, s.remote_collaborators) : 0)};
        break;
    case kLowMaintenance:
        out = tick ? std::vector<std::string>{"experience=beginner", "learn_hardware=false"} : std::vector<std::string>{"experience=intermediate"};
        break;
    case kVeryLargeModels:
        out = {"vram_gb=" + Num(tick ? 640.0 : 24.0)};
        break;
    case kRedundancy:
        out = {std::string("wants_redundancy=") + (tick ? "true" : "false")};
        break;
    case kMixedSensitivity:
        if (tick) {
            if (s.privacy < Privacy::confidential)
                out.push_back("privacy=confidential");
            out.push_back("sensitive_work_pct=" + Num(s.sensitive_work_pct > 0 && s.sensitive_work_pct < 100 ? s.sensitive_work_pct : 40));
        } else {
            out = {"sensitive_work_pct=100"};
        }
        break;
    case kBeginner: out = {"experience=beginner"}; break;
    case kIntermediate: out = {"experience=intermediate"}; break;
    case kAdvanced: out = {"experience=advanced"}; break;
    default:
        return Result::Fail("unknown course line");
    }
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
        const std::string error = ApplySetting(next, kv);
        if (!error.empty())
            return Expected<Scenario>::Fail(error);
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
