#pragma once
// The course, linked: the parts of the course text the tool cites, and the "course view" checklist of
// its "Choose X when" conditions (and "Getting started" levels), each of which can be ticked to set the
// scenario to match it. Course text: "Overview of AI Labs: Home-Based vs. Cloud-Based".
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/expected.hpp"
#include "core/report.hpp"
#include "core/rules.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// The course's sections as the reports cite them ("Comparison Matrix", "Choose Home-Based When", ...).
// Every Reason::course starts with one of these.
const std::vector<std::string>& CourseParts();
bool CitesCoursePart(std::string_view course);

// One checklist line: a course rule (the report's `rules` at RuleIndex(rule), same order as the course)
// in the project's own short wording. Ticking applies settings that make the rule hold; unticking, settings
// that make it not hold. Some lines follow from the results (not settable) and only show their state.
struct CourseCondition {
    RuleId rule = RuleId::data_cannot_leave_premises;
    std::optional<Option> option; // the option the line points to; none: any ("Getting Started")
    std::string section;          // the course heading: "Choose Home-Based When"
    std::string text;             // our wording: "Your data may not leave your premises"
    bool settable = true;         // false: it follows from the costs and scores
    bool can_untick = true;       // false: levels of experience, where you pick another one instead
};
const std::vector<CourseCondition>& CourseConditions();

// The settings ("key=value", as --set takes them) that tick or untick a line for this situation,
// or an error when the line cannot be set (follows from the results; no home machine priced).
Expected<std::vector<std::string>> ConditionSettings(const CourseCondition& c, bool tick, const Scenario& s,
                                                     const Report& current);
// The scenario with those settings applied; `settings_used`, when given, receives them.
Expected<Scenario> ApplyCondition(const CourseCondition& c, bool tick, const Scenario& s, const Report& current,
                                  std::vector<std::string>* settings_used = nullptr);

// What a change moved: the recommendation, each option's score, and the course rules met or no
// longer met (the reasons that come and go).
struct ReportChange {
    Option from = Option::home, to = Option::home; // recommendation before and after
    std::array<double, 3> score_delta{};           // home, cloud, hybrid: after - before
    std::vector<std::string> settings;             // what was set
    std::vector<RuleCheck> rules_now_met, rules_no_longer_met;
    std::vector<Reason> reasons_added, reasons_removed; // by the course part they cite
};
ReportChange CompareReports(const Report& before, const Report& after);

} // namespace labcalc::core
