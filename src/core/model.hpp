#pragma once
// The model's steps, shared by Evaluate, the report, the flip-point search and the decision map.
// Not part of the faces' API: they call Evaluate / BuildReport / ComputeDecisionMap.
#include <array>
#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/evaluate.hpp"
#include "core/figure_ids.hpp"
#include "core/money.hpp"
#include "core/rules.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// What the scenario and catalog fix before hours and budget come in.
struct Prepared {
    Prepared(const Scenario& s, const Catalog& c);
    // For many evaluations of one scenario that differ only in numbers (the likely futures of uncertainty.cpp):
    // `priced` already has the scenario's price overrides (ApplyPriceOverrides) and `figures` are its resolved
    // figures, so nothing is copied or looked up by name. Between evaluations the caller may change numbers in
    // the scenario, in `priced` and in `fig`, then calls Refresh(); never ids, privacy or anything that names.
    Prepared(const Scenario& s, const Catalog& priced, const ResolvedFigures& figures);
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    // Works out again what follows from the scenario's numbers (the burst share, the share that stays local).
    void Refresh();

private:
    // Declared first: members are built in declaration order, and `catalog` may refer to this copy.
    std::optional<Catalog> owned_;

public:
    const Scenario& scenario;
    const Catalog& catalog; // with the scenario's price overrides (owned below when any)
    ResolvedFigures fig;
    double burst_share = 0;      // 0..1
    double local_only_share = 0; // share of the work that must stay local (hybrid)
    bool data_must_stay = false; // privacy on_premises_only with some work on that data
    int forced_gpu = -1;         // home.gpu resolved; -2 when it names no catalog GPU
    int forced_offer = -1;       // cloud.offer resolved; -2 when it names no catalog offer
    double max_offer_speed = 0;  // fastest cloud GPU the filters allow (hardware access)
    // Each offer's chip's board power (0 when the catalog has none), for the energy of its GPU-hours: looked
    // up by id once here, not per plan.
    std::vector<double> offer_board_watts;

    // What is left at the end of the horizon of each dollar of a machine's GPUs and of the rest of it
    // (formulas::ResaleUsd of one dollar each), for the depreciation rates in `fig` and the scenario's horizon
    // as they are now: worked out when they change, not twice per machine. Remembered here, so one Prepared
    // is not for two threads at once.
    struct ValueLeft {
        double gpu = 1, other = 1;
    };
    const ValueLeft& ValueLeftAtEnd() const;

private:
    void FindChosen(); // Refresh, then home.gpu, cloud.offer and the fastest offer allowed
    struct ValueLeftFor {
        double gpu_pct = -1, other_pct = -1;
        int months = -1;
        ValueLeft left;
    };
    mutable ValueLeftFor value_left_;
};

// The ways worth choosing an option at some budget: each costs less over the horizon than every one
// before it but needs more money up front (a Pareto front of up-front price against total cost). Home
// and hybrid hold one entry per machine worth buying; the cloud holds one.
struct Choices {
    // Room for every choice worth keeping: the front over three amounts (up front, a month, in total) held up to
    // 13 choices in 20,000 random scenarios. With 8 it overflowed in about 2% of them, and dropping the choice
    // that needed the most money up front lost, at some budgets, the cheapest machine they covered. Beyond kMax
    // (a catalog far larger than the built-in one) that rule still applies: Keep says so.
    static constexpr int kMax = 24;
    // Room for kMax costs, each built when it is put there (an option's choices are costed tens of thousands
    // of times per change and use a few of the slots; building all of them took a good part of the time).
    // Slot 0 holds a default OptionCost until a choice is put there.
    class Slots {
    public:
        Slots() { Put(0, OptionCost{}); }
        const OptionCost& operator[](std::size_t i) const { return slots_[i].cost; }
        void Put(std::size_t i, const OptionCost& c) { new (&slots_[i].cost) OptionCost(c); }

    private:
        union Slot {
            Slot() { }
            OptionCost cost;
        };
        std::array<Slot, kMax> slots_;
    };
    Slots items; // items[0 .. size): ascending upfront_usd, descending total_usd
    int size = 0;
    void Offer(const OptionCost& c); // keeps the front: drops what c beats, skips c if beaten
    // Whether a kept choice is as cheap up front, a month and over the horizon as these figures (within 1e-9):
    // a cost with them adds nothing. The model asks before writing a cost, then keeps it with Keep.
    bool HasAsCheap(double upfront_usd, double monthly_outlay_usd, double total_usd) const;
    void Keep(const OptionCost& c); // Offer for a cost no kept choice is as cheap as
    void Set(const OptionCost& c);  // the only choice (also a blocked one)
    // The cheapest over the horizon that fits both budgets; else the cheapest that fits the budget up
    // front; else the one that needs the least money up front (closest to fitting).
    const OptionCost& Pick(double budget_usd, double monthly_budget_usd) const;
};
struct OptionChoices {
    std::array<Choices, kOptionCount> by_option; // home, cloud, hybrid (every split, all-home ones too)
    Choices real_mixes;                          // hybrid splits that send work to the cloud
    bool home_plus_copy_is_a_mix = false;        // wants_redundancy: all work at home plus an off-site copy
};
using OptionCosts = std::array<OptionCost, kOptionCount>;

// What each option could be for a given weekly workload (budgets are applied separately, so the
// decision map and the budget's flip point can reuse one costing for every budget).
OptionChoices CostOptions(const Prepared& p, double hours_per_week);
// Picks each option's choice for the budgets and sets the budget blockers.
OptionCosts ApplyBudgets(const OptionChoices& choices, double budget_usd, double monthly_budget_usd);

// The course's rules (rules.hpp): which ones the situation meets, indexed by RuleIndex.
std::array<bool, kRuleCount> CheckRules(const Prepared& p, const Scenario& s, const OptionCosts& costs,
                                        const std::array<double, kOptionCount>& factor_score);
// How the situation meets or misses a rule, in numbers (the report's `why`).
std::string RuleWhy(RuleId id, bool met, const Scenario& s, const OptionCosts& costs,
                    const std::array<double, kOptionCount>& factor_score, const Money& money);

// The ten factor scores (0..10) of each option.
std::array<FactorArray, kOptionCount> ScoreFactors(const Prepared& p, const Scenario& s, const OptionCosts& costs);

// Factors, rules, scores and the recommendation from costs.
Evaluation Score(const Prepared& p, const Scenario& s, const OptionCosts& costs);

// One evaluation of a prepared scenario at its own hours and budgets: Evaluate without the preparing.
Evaluation EvaluatePrepared(const Prepared& p);

// Whether the hybrid costs more than both pure options (each that is priced and kept out by nothing but
// money) and gives nothing the person asked for that they lack (redundancy; peak weeks a home lab would
// queue while the cloud cannot take the work). Such a hybrid is shown but never recommended.
bool HybridDominated(const Scenario& s, const OptionCosts& costs);

} // namespace labcalc::core
