// Tasks <-> JSON (see task_json.hpp).
#include "core/task_json.hpp"

#include <cmath>
#include <string>

#include "core/json_guard.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"
#include "core/workload.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;

// Which kinds use a key: one bit per TaskKind.
constexpr unsigned kChat = 1u << static_cast<int>(TaskKind::chat);
constexpr unsigned kFineTune = 1u << static_cast<int>(TaskKind::fine_tune);
constexpr unsigned kTrain = 1u << static_cast<int>(TaskKind::train);
constexpr unsigned kImage = 1u << static_cast<int>(TaskKind::image);
constexpr unsigned kAll = kChat | kFineTune | kTrain | kImage;

struct NumberKey {
    const char* key;
    unsigned kinds;
    double lo, hi;
    double Task::*member;
};
constexpr NumberKey kNumberKeys[] = {
    {"params_b", kAll, 0.01, 2000, &Task::params_b},
    {"tokens_per_day", kChat, 0, 1e10, &Task::tokens_per_day},
    {"context_tokens", kChat, 0, 1e7, &Task::context_tokens},
    {"tokens_millions", kFineTune | kTrain, 0, 1e8, &Task::tokens_millions},
    {"runs_per_month", kFineTune | kTrain, 0, 1000, &Task::runs_per_month},
    {"images_per_day", kImage, 0, 1e7, &Task::images_per_day},
};
constexpr TaskKind kKinds[] = {TaskKind::chat, TaskKind::fine_tune, TaskKind::train, TaskKind::image};
constexpr FineTuneMethod kMethods[] = {FineTuneMethod::lora, FineTuneMethod::qlora, FineTuneMethod::full};

bool Uses(unsigned kinds, TaskKind k) { return (kinds >> static_cast<int>(k)) & 1u; }

std::string KeysOf(TaskKind k)
{
    std::string out = "kind";
    for (const NumberKey& n : kNumberKeys)
        if (Uses(n.kinds, k))
            out += std::string(", ") + n.key;
    if (k == TaskKind::chat)
        out += ", weight_bits";
    if (k == TaskKind::fine_tune)
        out += ", method";
    return out;
}

Expected<Task> ReadTask(const json& j, const std::string& where)
{
    if (!j.is_object())
        return Expected<Task>::Fail(where + ": must be an object with a kind (got " + JsonTypeName(j) + ")");
    Task t;
    const auto kind = j.find("kind");
    bool known = false;
    if (kind != j.end() && kind->is_string())
        for (TaskKind k : kKinds)
            if (*kind == TaskKindKey(k)) {
                t.kind = k;
                known = true;
            }
    if (!known)
        return Expected<Task>::Fail(where + ".kind: must be one of chat, fine_tune, train, image");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const std::string at = where + "." + Printable(key, 40);
        if (key == "kind")
            continue;
        if (key == "weight_bits" && t.kind == TaskKind::chat) {
            const json& v = it.value();
            if (!v.is_number() || (v != 4 && v != 8 && v != 16))
                return Expected<Task>::Fail(at + ": must be 4, 8 or 16");
            t.weight_bits = v.get<int>();
            continue;
        }
        if (key == "method" && t.kind == TaskKind::fine_tune) {
            bool ok = false;
            for (FineTuneMethod m : kMethods)
                if (it.value().is_string() && it.value() == FineTuneMethodKey(m)) {
                    t.method = m;
                    ok = true;
                }
            if (!ok)
                return Expected<Task>::Fail(at + ": must be one of lora, qlora, full");
            continue;
        }
        const NumberKey* n = nullptr;
        for (const NumberKey& candidate : kNumberKeys)
            if (key == candidate.key && Uses(candidate.kinds, t.kind))
                n = &candidate;
        if (!n)
            return Expected<Task>::Fail(at + ": not a key of a " + TaskKindKey(t.kind) +
                                        " task (its keys: " + KeysOf(t.kind) + ")");
        const json& v = it.value();
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < n->lo || v.get<double>() > n->hi)
            return Expected<Task>::Fail(at + ": must be a number from " + FormatNumber(n->lo) + " to " +
                                        FormatNumber(n->hi) + " (got " +
                                        (v.is_number() ? FormatNumber(v.get<double>()) : JsonTypeName(v)) + ")");
        t.*(n->member) = v.get<double>();
    }
    return Expected<Task>::Ok(std::move(t));
}

} // namespace

Status ReadTasks(const json& v, std::vector<Task>* tasks)
{
    if (!v.is_array() || v.size() > kMaxTasks)
        return Status::Fail("tasks: must be a list of at most " + std::to_string(kMaxTasks) +
                            " tasks, each {\"kind\": \"chat\" | \"fine_tune\" | \"train\" | \"image\", ...} (got " +
                            (v.is_array() ? std::to_string(v.size()) + " tasks" : JsonTypeName(v)) + ")");
    std::vector<Task> read;
    for (std::size_t i = 0; i < v.size(); ++i) {
        Expected<Task> t = ReadTask(v[i], "tasks[" + std::to_string(i) + "]");
        if (!t)
            return Status::Fail(t.error);
        read.push_back(*t.value);
    }
    *tasks = std::move(read);
    return Status::Ok();
}

json TasksToJson(const std::vector<Task>& tasks)
{
    json out = json::array();
    for (const Task& t : tasks) {
        json j = json::object();
        j["kind"] = TaskKindKey(t.kind);
        for (const NumberKey& n : kNumberKeys)
            if (Uses(n.kinds, t.kind))
                j[n.key] = t.*(n.member);
        if (t.kind == TaskKind::chat)
            j["weight_bits"] = t.weight_bits;
        if (t.kind == TaskKind::fine_tune)
            j["method"] = FineTuneMethodKey(t.method);
        out.push_back(std::move(j));
    }
    return out;
}

Status SetTasksText(std::string_view value, std::vector<Task>* tasks)
{
    if (value == "none" || value == "[]") {
        tasks->clear();
        return Status::Ok();
    }
    auto doc = ParseGuardedJson(value, "tasks", kMaxInputBytes, kMaxJsonDepth);
    if (!doc)
        return Status::Fail("tasks: must be a JSON list of tasks or none (" + doc.error + ")");
    return ReadTasks(*doc.value, tasks);
}

} // namespace labcalc::core
