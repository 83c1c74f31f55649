// The course, linked: every reason cites a part of the course, and every course line that can be
// ticked really makes its rule hold (and unticking makes it fail) when the model is run again.
#include <catch2/catch.hpp>

#include <random>

#include "core/catalog.hpp"
#include "core/course.hpp"
#include "core/presets.hpp"
#include "core/report.hpp"
#include "core/rules.hpp"
#include "core/text_format.hpp"
#include "test_helpers.hpp"

using namespace labcalc::core;
using labcalc::test::Cat;
using labcalc::test::Priced;

namespace {
Report Build(const Scenario& s) { return BuildReport(s, Cat(), ReportSettings{"2026-11-28", false}); }
// Every preset, then `random_count` random scenarios drawn with `seed`.
std::vector<Scenario> PresetsAndRandom(unsigned seed, int random_count)
{
    std::mt19937 rng(seed);
    std::vector<Scenario> scenarios;
    for (const PresetInfo& p : ListPresets())
        scenarios.push_back(*LoadPreset(p.name).value);
    for (int i = 0; i < random_count; ++i)
        scenarios.push_back(labcalc::test::RandomScenario(rng));
    return scenarios;
}
} // namespace

TEST_CASE("every reason names the part of the course it comes from", "[course][report]")
{
    const std::vector<Scenario> scenarios = PresetsAndRandom(7, 300);
    std::size_t reasons = 0;
    for (const Scenario& s : scenarios) {
        const Report r = Build(s);
        for (const Reason& reason : r.reasons) {
            INFO(reason.text << " <- " << reason.course);
            CHECK_FALSE(reason.text.empty());
            CHECK(CitesCoursePart(reason.course));
            ++reasons;
        }
    }
    CHECK(reasons > scenarios.size() * 3);
    CHECK_FALSE(CitesCoursePart("Chapter 9"));
    CHECK_FALSE(CitesCoursePart(""));
}

TEST_CASE("the course view lists every course rule once, in the report's order", "[course]")
{
    const Report r = Build(Scenario{});
    REQUIRE(CourseConditions().size() == r.rules.size());
    for (std::size_t i = 0; i < CourseConditions().size(); ++i) {
        const CourseCondition& c = CourseConditions()[i];
        CHECK(RuleIndex(c.rule) == i);
        CHECK(c.section == r.rules[i].section.substr(0, c.section.size()));
        CHECK(c.option == r.rules[i].option);
        CHECK(CitesCoursePart(c.section));
    }
}

TEST_CASE("the course view words each threshold as the rules check it", "[course]")
{
    namespace L = rule_limits;
    const auto text = [](RuleId id) { return CourseConditions()[RuleIndex(id)].text; };
    const auto states = [](const std::string& line, const std::string& number) {
        return line.find(number) != std::string::npos;
    };
    CHECK(states(text(RuleId::needs_round_the_clock_access),
                 "(" + FormatNumber(L::kAroundTheClockHoursPerWeek) + " h/week or more)"));
    CHECK(states(text(RuleId::models_fit_consumer_hardware), "(" + FormatNumber(L::kConsumerVramGb) + " GB or less)"));
    CHECK(states(text(RuleId::latest_hardware), "(more than " + FormatNumber(L::kConsumerVramGb) + " GB)"));
    CHECK(states(text(RuleId::scale_dynamically), "(" + FormatPercent(L::kDynamicBurstPct) + " or more in bursts)"));
    CHECK(states(text(RuleId::variable_workload), "(" + FormatPercent(L::kVariableBurstPct) + " or more in bursts)"));
    CHECK(states(text(RuleId::distributed_team), "(" + std::to_string(L::kDistributedTeamPeople) + " or more)"));
    CHECK(states(text(RuleId::balance_cost_and_performance),
                 "within " + FormatPercent(L::kBalancedCostPct) + " of the cheapest"));
}

TEST_CASE("ticking a course line makes its rule hold, unticking makes it fail", "[course]")
{
    const std::vector<Scenario> scenarios = PresetsAndRandom(11, 60);
    int ticked = 0, unticked = 0, refused = 0;
    for (const Scenario& s : scenarios) {
        const Report before = Build(s);
        for (const CourseCondition& c : CourseConditions()) {
            for (bool tick : {true, false}) {
                auto next = ApplyCondition(c, tick, s, before);
                if (!next) {
                    // Only lines that follow from the results, levels unticked, no home machine to budget for, or
                    // a line about the work, memory or bursts while the tasks set them, or the budget up front while
                    // the hardware is paid in instalments.
                    CHECK((!c.settable || (!tick && !c.can_untick) || before.options[0].gpu_id.empty() ||
                           (!s.tasks.empty() && next.error.find("your tasks set") != std::string::npos) ||
                           (s.home.gpu && next.error.find("follows from the machine you own") != std::string::npos) ||
                           (s.home.finance_months && next.error.find("paying in instalments") != std::string::npos)));
                    CHECK_FALSE(next.error.empty());
                    ++refused;
                    continue;
                }
                const Report after = Build(*next.value);
                INFO("preset/random scenario, line '" << c.text << "', tick " << tick << ": "
                                                      << after.rules[static_cast<std::size_t>(c.rule)].why);
                CHECK(after.rules[static_cast<std::size_t>(c.rule)].matched == tick);
                (tick ? ticked : unticked)++;
            }
        }
    }
    CHECK(ticked > 500);
    CHECK(unticked > 400);
    CHECK(refused > 0);
}

TEST_CASE("a course line's change names what it moved", "[course]")
{
    const Scenario s = *LoadPreset("intermediate").value;
    const Report before = Build(s);
    const CourseCondition& data_stays = CourseConditions()[0];
    auto next = ApplyCondition(data_stays, true, s, before);
    REQUIRE(next);
    const Report after = Build(*next.value);
    const ReportChange change = CompareReports(before, after);
    CHECK(change.from == before.recommendation);
    CHECK(change.to == after.recommendation);
    REQUIRE_FALSE(change.rules_now_met.empty());
    CHECK(change.rules_now_met[0].rule == "You have sensitive data that cannot leave your premises");
    bool cloud_ruled_out = false;
    for (const Reason& r : change.reasons_added)
        cloud_ruled_out = cloud_ruled_out ||
            (r.text.find("Cloud") == 0 && r.course == "Cloud-Based AI Labs, Disadvantages: Data Privacy Concerns");
    CHECK(cloud_ruled_out);
    CHECK(change.score_delta[1] < 0);

    // No change: nothing moved.
    const ReportChange none = CompareReports(before, Build(s));
    CHECK(none.reasons_added.empty());
    CHECK(none.reasons_removed.empty());
    CHECK(none.rules_now_met.empty());
    CHECK(none.score_delta[0] == 0);
}

// The page embeds only Latin-1 and a few typographic marks of its font (src/ui/fonts.cpp): every
// sentence the core writes must be plain ASCII, or the page would draw "?" in its place, but for the
// catalog's currency symbols, each of which the subset holds (Latin-1, the euro sign, the rupee sign).
TEST_CASE("everything the core writes is ASCII or a currency symbol the page's font subset draws", "[course][report]")
{
    const auto first_non_ascii = [](std::string text) -> std::size_t {
        for (const char* symbol : {"\u00a3", "\u00a5", "\u20ac", "\u20b9"})
            for (std::size_t at = text.find(symbol); at != std::string::npos; at = text.find(symbol))
                text.replace(at, std::string(symbol).size(), "#");
        for (std::size_t i = 0; i < text.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c >= 0x7F || (c < 0x20 && c != '\n' && c != '\t'))
                return i;
        }
        return std::string::npos;
    };
    // Every currency symbol of the catalog is ASCII or one of those the font subset holds.
    for (const Currency& m : Cat().currencies) {
        INFO(m.code);
        CHECK(first_non_ascii(m.symbol) == std::string::npos);
    }
    const std::vector<Scenario> scenarios = PresetsAndRandom(11, 60);
    for (const Scenario& s : scenarios) {
        // Flip points on: their sentences are part of the page too.
        const Report r = BuildReport(s, Cat(), ReportSettings{"2026-11-28", true});
        for (const std::string& text : {ReportToText(r), ReportToMarkdown(r)}) {
            const std::size_t at = first_non_ascii(text);
            INFO("non-ASCII at byte " << at << ": "
                                      << (at == std::string::npos ? "" : text.substr(at > 40 ? at - 40 : 0, 80)));
            CHECK(at == std::string::npos);
        }
    }
    for (const CourseCondition& line : CourseConditions())
        CHECK(first_non_ascii(line.text) == std::string::npos);
    for (const PresetInfo& p : ListPresets())
        CHECK(first_non_ascii(p.title + p.description) == std::string::npos);
}
