// Names of the enumerations, as used in JSON, --set and the UI.
#include "core/evaluate.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

const char* FactorKey(Factor f)
{
    static const char* const kKeys[kFactorCount] = {
        "initial_cost",    "ongoing_cost",      "scalability",    "data_privacy", "maintenance",
        "hardware_access", "internet_required", "learning_curve", "flexibility",  "latency"};
    return kKeys[static_cast<int>(f)];
}

const char* FactorLabel(Factor f)
{
    // The course's comparison matrix, row by row.
    static const char* const kLabels[kFactorCount] = {
        "Initial cost",    "Ongoing cost",      "Scalability",    "Data privacy", "Maintenance",
        "Hardware access", "Internet required", "Learning curve", "Flexibility",  "Latency"};
    return kLabels[static_cast<int>(f)];
}

const char* PrivacyKey(Privacy p)
{
    switch (p) {
    case Privacy::public_data: return "public";
    case Privacy::internal: return "internal";
    case Privacy::confidential: return "confidential";
    case Privacy::on_premises_only: return "on_premises_only";
    }
    return "internal";
}

const char* PrivacyLabel(Privacy p) { return p == Privacy::on_premises_only ? "on premises only" : PrivacyKey(p); }

const char* ProviderKey(ProviderKind k)
{
    switch (k) {
    case ProviderKind::any: return "any";
    case ProviderKind::hyperscaler: return "hyperscaler";
    case ProviderKind::neocloud: return "neocloud";
    case ProviderKind::marketplace: return "marketplace";
    }
    return "any";
}

const char* OptionKey(Option o)
{
    switch (o) {
    case Option::home: return "home";
    case Option::cloud: return "cloud";
    case Option::hybrid: return "hybrid";
    }
    return "cloud";
}

const char* OptionLabel(Option o)
{
    switch (o) {
    case Option::home: return "Home lab";
    case Option::cloud: return "Cloud";
    case Option::hybrid: return "Hybrid";
    }
    return "Cloud";
}

} // namespace labcalc::core
