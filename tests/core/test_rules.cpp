// The course's rules: a situation that matches every "Choose X when" line recommends X.
#include <catch2/catch.hpp>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/rules.hpp"
#include "core/text_format.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::Priced;

namespace {

// The rules of one section that the report says are met.
int Met(const Report& r, const std::string& section)
{
    int n = 0;
    for (const RuleCheck& rc : r.rules)
        n += rc.section == section && rc.matched ? 1 : 0;
    return n;
}

RuleCheck Check(const Scenario& s, RuleId id)
{
    return BuildReport(s, Cat(), ReportSettings{"2026-11-28", false}).rules[RuleIndex(id)];
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
} // namespace

TEST_CASE("every 'Choose Home-Based When' line met: home", "[rules]")
{
    Scenario s;
    s.privacy = Privacy::on_premises_only; // sensitive data that cannot leave
    s.sensitive_work_pct = 100;
    s.hours_per_week = 100;  // 24/7 access
    s.burst_share_pct = 5;   // predictable, continuous
    s.learn_hardware = true; // learn hardware and sysadmin
    s.budget_usd = 10000;    // budget allows upfront investment
    s.vram_gb = 24;          // fits consumer hardware
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", false});
    CHECK(Met(r, "Choose Home-Based When") == 6);
    CHECK(r.recommendation == Option::home);
}

TEST_CASE("every 'Choose Cloud-Based When' line met: cloud", "[rules]")
{
    Scenario s;
    s.burst_share_pct = 85;              // scale dynamically; variable workloads
    s.vram_gb = 320;                     // latest hardware; very large models
    s.remote_collaborators = 4;          // distributed team
    s.experience = Experience::beginner; // minimise maintenance
    s.hours_per_week = 15;
    s.budget_usd = 5000;
    s.monthly_budget_usd = 5000;
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", false});
    CHECK(Met(r, "Choose Cloud-Based When") == 6);
    CHECK(r.recommendation == Option::cloud);
}

TEST_CASE("every 'Choose Hybrid Approach When' line met: hybrid", "[rules]")
{
    Scenario s;
    s.privacy = Privacy::on_premises_only; // both sensitive and non-sensitive workloads
    s.sensitive_work_pct = 30;
    s.burst_share_pct = 60; // develop locally, train in the cloud
    s.hours_per_week = 60;
    s.wants_redundancy = true; // redundancy and backup
    s.budget_usd = 8000;
    s.monthly_budget_usd = 1000;
    const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", false});
    for (const RuleCheck& rc : r.rules)
        if (rc.section == "Choose Hybrid Approach When")
            INFO(rc.rule << ": " << (rc.matched ? "met" : "missed") << " - " << rc.why);
    CHECK(Met(r, "Choose Hybrid Approach When") >= 4);
    CHECK(r.recommendation == Option::hybrid);
}

TEST_CASE("getting started: a beginner with no other need starts in the cloud", "[rules]")
{
    Scenario s;
    s.experience = Experience::beginner;
    s.hours_per_week = 5;
    CHECK(Evaluate(s, Cat()).recommended == Option::cloud);
}

TEST_CASE("every preset loads and its recommendation matches its course rule", "[rules][presets]")
{
    const std::pair<const char*, const char*> expected[] = {
        {"beginner", "cloud"},           {"sensitive-data", "home"},
        {"steady-24-7", "home"},         {"bursty-large-models", "cloud"},
        {"distributed-team", "cloud"},   {"hands-on-learner", "home"},
        {"mixed-sensitivity", "hybrid"},
    };
    const auto presets = ListPresets();
    CHECK(presets.size() >= 9);
    for (const auto& [name, option] : expected) {
        INFO(name);
        auto s = LoadPreset(name);
        REQUIRE(s);
        CHECK(OptionKey(Evaluate(*s.value, Cat()).recommended) == std::string(option));
    }
}

TEST_CASE("reasons trace to the course and to the numbers", "[rules][report]")
{
    auto s = LoadPreset("sensitive-data");
    REQUIRE(s);
    const Report r = BuildReport(*s.value, Cat(), ReportSettings{"2026-11-28", false});
    bool cites_rule = false, cites_money = false, rules_out_cloud = false;
    for (const Reason& reason : r.reasons) {
        cites_rule = cites_rule ||
            reason.course.find("You have sensitive data that cannot leave your premises") != std::string::npos;
        cites_money = cites_money || reason.text.find("Over 36 months") != std::string::npos;
        rules_out_cloud = rules_out_cloud || reason.text.find("Cloud is ruled out") != std::string::npos;
    }
    CHECK(cites_rule);
    CHECK(cites_money);
    CHECK(rules_out_cloud);
}

TEST_CASE("the rules table has one row per rule, in the report's order", "[rules]")
{
    REQUIRE(Rules().size() == static_cast<std::size_t>(kRuleCount));
    const Report r = BuildReport(Scenario{}, Cat(), ReportSettings{"2026-11-28", false});
    REQUIRE(r.rules.size() == Rules().size());
    for (std::size_t i = 0; i < Rules().size(); ++i) {
        const RuleSpec& spec = Rules()[i];
        CHECK(RuleIndex(spec.id) == i);
        CHECK(r.rules[i].rule == spec.words);
        CHECK(r.rules[i].section == spec.section);
        CHECK(RuleOptionKey(r.rules[i].option) == std::string(spec.counts ? OptionKey(spec.option) : "any"));
    }
}

// Each threshold decides its rule exactly where rule_limits puts it, and the sentence that explains a miss
// states the same number.
TEST_CASE("a rule's threshold decides it and is the number its sentence states", "[rules]")
{
    namespace L = rule_limits;
    Scenario s;
    s.hours_per_week = L::kAroundTheClockHoursPerWeek;
    CHECK(Check(s, RuleId::needs_round_the_clock_access).matched);
    s.hours_per_week = L::kAroundTheClockHoursPerWeek - 0.5;
    CHECK_FALSE(Check(s, RuleId::needs_round_the_clock_access).matched);
    CHECK(Contains(Check(s, RuleId::needs_round_the_clock_access).why,
                   "(" + FormatNumber(L::kAroundTheClockHoursPerWeek) + " h/week)"));

    s = Scenario{};
    s.hours_per_week = L::kContinuousHoursPerWeek;
    s.burst_share_pct = L::kSteadyBurstPct;
    CHECK(Check(s, RuleId::predictable_continuous_workload).matched);
    s.burst_share_pct = L::kSteadyBurstPct + 1;
    const std::string steady_why = Check(s, RuleId::predictable_continuous_workload).why;
    CHECK(Contains(steady_why, "at most " + FormatPercent(L::kSteadyBurstPct) + " in bursts"));
    CHECK(Contains(steady_why, FormatNumber(L::kContinuousHoursPerWeek) + " h/week or more"));

    s = Scenario{};
    s.vram_gb = L::kConsumerVramGb;
    CHECK(Check(s, RuleId::models_fit_consumer_hardware).matched);
    CHECK_FALSE(Check(s, RuleId::latest_hardware).matched);
    s.vram_gb = L::kConsumerVramGb + 1;
    CHECK(Check(s, RuleId::latest_hardware).matched);
    CHECK(
        Contains(Check(s, RuleId::models_fit_consumer_hardware).why, "(" + FormatNumber(L::kConsumerVramGb) + " GB)"));

    s = Scenario{};
    s.burst_share_pct = L::kVariableBurstPct;
    CHECK(Check(s, RuleId::variable_workload).matched);
    CHECK_FALSE(Check(s, RuleId::scale_dynamically).matched);
    CHECK(Contains(Check(s, RuleId::scale_dynamically).why, FormatPercent(L::kDynamicBurstPct)));
    s.burst_share_pct = L::kDynamicBurstPct;
    CHECK(Check(s, RuleId::scale_dynamically).matched);
    s.burst_share_pct = L::kVariableBurstPct - 1;
    CHECK(Contains(Check(s, RuleId::variable_workload).why, FormatPercent(L::kVariableBurstPct)));

    s = Scenario{};
    s.remote_collaborators = L::kDistributedTeamPeople;
    CHECK(Check(s, RuleId::distributed_team).matched);
    s.remote_collaborators = L::kDistributedTeamPeople - 1;
    CHECK_FALSE(Check(s, RuleId::distributed_team).matched);
    CHECK(Contains(Check(s, RuleId::distributed_team).why, std::to_string(L::kDistributedTeamPeople) + " or more"));
}
