// Names of the enumerations, as used in JSON, --set and the UI.
#include "core/evaluate.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

const char* FactorKey(Factor f)
{
    static const char* const kKeys[kFactorCount] = {
        "initial_cost",      "ongoing_cost",   "scalability", "data_privacy", "maintenance", "hardware_access",
        "internet_required", "learning_curve", "flexibility", "latency",      "carbon"};
    return kKeys[static_cast<int>(f)];
}

const char* FactorLabel(Factor f)
{
    // The course's comparison matrix, row by row, then labcalc's carbon row.
    static const char* const kLabels[kFactorCount] = {
        "Initial cost",      "Ongoing cost",   "Scalability", "Data privacy", "Maintenance",   "Hardware access",
        "Internet required", "Learning curve", "Flexibility", "Latency",      "Carbon (added)"};
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

const char* TaskKindKey(TaskKind k)
{
    switch (k) {
    case TaskKind::chat: return "chat";
    case TaskKind::fine_tune: return "fine_tune";
    case TaskKind::train: return "train";
    case TaskKind::image: return "image";
    }
    return "chat";
}

const char* TaskKindLabel(TaskKind k)
{
    switch (k) {
    case TaskKind::chat: return "Run a chat model";
    case TaskKind::fine_tune: return "Fine-tune a model";
    case TaskKind::train: return "Train a model from scratch";
    case TaskKind::image: return "Generate images";
    }
    return "Run a chat model";
}

const char* FineTuneMethodKey(FineTuneMethod m)
{
    switch (m) {
    case FineTuneMethod::lora: return "lora";
    case FineTuneMethod::qlora: return "qlora";
    case FineTuneMethod::full: return "full";
    }
    return "lora";
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
