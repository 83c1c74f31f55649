// "How sure" as a JSON job and its JSON answer (see sampling_job.hpp).
#include "core/sampling_job.hpp"

#include <cmath>
#include <limits>

#include "core/index.hpp"
#include "core/json_guard.hpp"
#include "core/scenario_json.hpp"

namespace labcalc::core {
namespace {

using nlohmann::json;

constexpr const char* kJobKey = "labcalc_sampling_job";
// The longest horizon a scenario may have (scenario_fields.cpp: horizon_months 1 ... 120), and month 0.
constexpr std::size_t kMaxBandPoints = 121;

// Reads an object's keys, each at most once, and says which key broke which rule.
class Reader {
public:
    Reader(const json& j, std::string where) : j_(j), where_(std::move(where)) { }

    bool IsObject()
    {
        if (!j_.is_object())
            return Fail(where_ + ": expected an object, got " + JsonTypeName(j_));
        return true;
    }
    // The value at `key`, or null (with the error set) when it is missing.
    const json* Get(const char* key)
    {
        const auto it = j_.find(key);
        if (it == j_.end()) {
            Fail(Name(key) + ": missing");
            return nullptr;
        }
        ++read_;
        return &*it;
    }
    bool Number(const char* key, double lo, double hi, double* out)
    {
        const json* v = Get(key);
        if (!v)
            return false;
        return NumberIn(*v, Name(key), lo, hi, out);
    }
    // A run's size and seed: a whole number of samples from 1 to kMaxSamples and a 32-bit unsigned seed.
    bool SamplesAndSeed(int* samples, std::uint32_t* seed)
    {
        double n = 0, s = 0;
        if (!Whole("samples", 1, kMaxSamples, &n) || !Whole("seed", 0, 4294967295.0, &s))
            return false;
        *samples = static_cast<int>(n);
        *seed = static_cast<std::uint32_t>(s);
        return true;
    }
    // Every key was read: no key the reader does not know.
    bool NoOthers()
    {
        if (read_ == j_.size())
            return true;
        return Fail(where_ + ": unknown key; expected only the keys of " + where_);
    }
    std::string Name(const std::string& key) const { return where_ + "." + key; }
    bool Whole(const char* key, double lo, double hi, double* out)
    {
        if (!Number(key, lo, hi, out))
            return false;
        return *out == std::floor(*out) || Fail(Name(key) + ": must be a whole number");
    }
    bool Fail(std::string why)
    {
        if (error_.empty())
            error_ = std::move(why);
        return false;
    }
    const std::string& error() const { return error_; }

    static bool NumberIn(const json& v, const std::string& name, double lo, double hi, double* out, std::string* error)
    {
        if (!v.is_number()) {
            *error = name + ": expected a number, got " + JsonTypeName(v);
            return false;
        }
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) {
            *error = name + ": must be a finite number from " + std::to_string(lo) + " to " + std::to_string(hi);
            return false;
        }
        *out = d;
        return true;
    }

private:
    bool NumberIn(const json& v, const std::string& name, double lo, double hi, double* out)
    {
        std::string why;
        return NumberIn(v, name, lo, hi, out, &why) || Fail(why);
    }

    const json& j_;
    std::string where_;
    std::size_t read_ = 0;
    std::string error_;
};

constexpr double kHuge = std::numeric_limits<double>::max();

json PercentilesJson(const Percentiles& p) { return json{{"p10", p.p10}, {"p50", p.p50}, {"p90", p.p90}}; }

bool ReadPercentiles(const json& j, const std::string& where, Percentiles* out, std::string* error)
{
    Reader r(j, where);
    const bool ok = r.IsObject() && r.Number("p10", -kHuge, kHuge, &out->p10) &&
        r.Number("p50", -kHuge, kHuge, &out->p50) && r.Number("p90", -kHuge, kHuge, &out->p90) && r.NoOthers();
    if (!ok)
        *error = r.error();
    return ok;
}

// An object with one entry per option ("home", "cloud", "hybrid"), each read by `read(value, name, o)`.
template <class Read>
bool ReadPerOption(const json& j, const std::string& where, std::string* error, Read read)
{
    Reader r(j, where);
    if (!r.IsObject()) {
        *error = r.error();
        return false;
    }
    for (int o = 0; o < kOptionCount; ++o) {
        const char* key = OptionKey(static_cast<Option>(o));
        const json* v = r.Get(key);
        if (!v) {
            *error = r.error();
            return false;
        }
        if (!read(*v, r.Name(key), o))
            return false;
    }
    if (!r.NoOthers()) {
        *error = r.error();
        return false;
    }
    return true;
}

Expected<Uncertainty> UncertaintyFromJson(const json& j)
{
    using Fail = Expected<Uncertainty>;
    Uncertainty u;
    Reader r(j, "uncertainty");
    std::string error;
    if (!r.IsObject())
        return Fail::Fail(r.error());
    if (!r.SamplesAndSeed(&u.samples, &u.seed))
        return Fail::Fail(r.error());
    const json* best = r.Get("p_best");
    if (!best ||
        !ReadPerOption(*best, "uncertainty.p_best", &error, [&](const json& v, const std::string& name, int o) {
            return Reader::NumberIn(v, name, 0, 1, &At(u.p_best, o), &error);
        }))
        return Fail::Fail(best ? error : r.error());
    if (!r.Number("p_nothing_fits", 0, 1, &u.p_nothing_fits))
        return Fail::Fail(r.error());
    const json* totals = r.Get("total_usd");
    if (!totals ||
        !ReadPerOption(*totals, "uncertainty.total_usd", &error, [&](const json& v, const std::string& name, int o) {
            return ReadPercentiles(v, name, &At(u.total_usd, o), &error);
        }))
        return Fail::Fail(totals ? error : r.error());
    const json* month = r.Get("break_even_month");
    if (!month)
        return Fail::Fail(r.error());
    if (!month->is_null()) {
        Percentiles p;
        if (!ReadPercentiles(*month, "uncertainty.break_even_month", &p, &error))
            return Fail::Fail(error);
        u.break_even_month = p;
    }
    if (!r.Number("p_no_break_even", 0, 1, &u.p_no_break_even))
        return Fail::Fail(r.error());
    const json* bands = r.Get("cumulative_usd");
    if (!bands ||
        !ReadPerOption(*bands, "uncertainty.cumulative_usd", &error,
                       [&](const json& v, const std::string& name, int o) {
                           if (!v.is_array() || v.size() > kMaxBandPoints) {
                               error = name + ": expected an array of at most " + std::to_string(kMaxBandPoints) +
                                   " {p10, p50, p90} (months 0 ... horizon)";
                               return false;
                           }
                           std::vector<Percentiles>& band = At(u.cumulative_usd, o);
                           band.resize(v.size());
                           for (std::size_t m = 0; m < v.size(); ++m)
                               if (!ReadPercentiles(v[m], name + "[" + std::to_string(m) + "]", &band[m], &error))
                                   return false;
                           return true;
                       }))
        return Fail::Fail(bands ? error : r.error());
    const json* sways = r.Get("sways");
    if (!sways)
        return Fail::Fail(r.error());
    if (!sways->is_array())
        return Fail::Fail(std::string("uncertainty.sways: expected an array, got ") + JsonTypeName(*sways));
    for (std::size_t k = 0; k < sways->size(); ++k) {
        const std::string where = "uncertainty.sways[" + std::to_string(k) + "]";
        Reader s((*sways)[k], where);
        const json* input = s.IsObject() ? s.Get("input") : nullptr;
        if (!input)
            return Fail::Fail(s.error());
        std::optional<Uncertainty::Sway> sway;
        if (input->is_string())
            sway = SwayFor(input->get<std::string>());
        if (!sway)
            return Fail::Fail(where + ".input: must name a spread (\"spread.hours_pct\", ...)");
        const json* label = s.Get("label");
        if (!label)
            return Fail::Fail(s.error());
        if (!label->is_string() || label->get<std::string>() != sway->label)
            return Fail::Fail(where + ".label: must be the label of " + sway->key + " (\"" + sway->label + "\")");
        if (!s.Number("p_changes", 0, 1, &sway->p_changes) || !s.NoOthers())
            return Fail::Fail(s.error());
        u.sways.push_back(*sway);
    }
    if (!r.NoOthers())
        return Fail::Fail(r.error());
    return Expected<Uncertainty>::Ok(std::move(u));
}

} // namespace

json UncertaintyToJson(const Uncertainty& u)
{
    json j;
    j["samples"] = u.samples;
    j["seed"] = u.seed;
    json best, totals;
    for (int o = 0; o < kOptionCount; ++o) {
        best[OptionKey(static_cast<Option>(o))] = At(u.p_best, o);
        totals[OptionKey(static_cast<Option>(o))] = PercentilesJson(At(u.total_usd, o));
    }
    j["p_best"] = best;
    j["p_nothing_fits"] = u.p_nothing_fits;
    j["total_usd"] = totals;
    j["break_even_month"] = u.break_even_month ? PercentilesJson(*u.break_even_month) : json(nullptr);
    j["p_no_break_even"] = u.p_no_break_even;
    json bands;
    for (int o = 0; o < kOptionCount; ++o) {
        json band = json::array();
        for (const Percentiles& p : At(u.cumulative_usd, o))
            band.push_back(PercentilesJson(p));
        bands[OptionKey(static_cast<Option>(o))] = band;
    }
    j["cumulative_usd"] = bands;
    json sways = json::array();
    for (const Uncertainty::Sway& w : u.sways)
        sways.push_back({{"input", w.key}, {"label", w.label}, {"p_changes", w.p_changes}});
    j["sways"] = sways;
    return j;
}

Expected<Uncertainty> ParseUncertaintyJson(std::string_view text)
{
    // Depth: the object, an option's band, a month's percentiles.
    Expected<json> j = ParseGuardedJson(text, "uncertainty", kMaxInputBytes, 4);
    if (!j)
        return Expected<Uncertainty>::Fail(j.error);
    return UncertaintyFromJson(*j.value);
}

std::string SamplingJobToJson(const SamplingJob& job)
{
    json j;
    j[kJobKey] = 1;
    j["samples"] = job.samples;
    j["seed"] = job.seed;
    j["sways"] = job.sways;
    j["scenario"] = ScenarioToJson(job.scenario);
    return j.dump();
}

Expected<SamplingJob> ParseSamplingJob(std::string_view text)
{
    using Fail = Expected<SamplingJob>;
    // The scenario's own depth, one level down.
    Expected<json> parsed = ParseGuardedJson(text, "sampling job", kMaxInputBytes, kMaxJsonDepth + 1);
    if (!parsed)
        return Fail::Fail(parsed.error);
    const json& j = *parsed.value;
    Reader r(j, "sampling job");
    if (!r.IsObject())
        return Fail::Fail(r.error());
    SamplingJob job;
    double version = 0;
    if (!r.Number(kJobKey, 1, 1, &version))
        return Fail::Fail(r.error() + " (this reader knows version 1)");
    if (!r.SamplesAndSeed(&job.samples, &job.seed))
        return Fail::Fail(r.error());
    const json* sways = r.Get("sways");
    if (!sways)
        return Fail::Fail(r.error());
    if (!sways->is_boolean())
        return Fail::Fail(std::string("sampling job.sways: expected true or false, got ") + JsonTypeName(*sways));
    job.sways = sways->get<bool>();
    const json* scenario = r.Get("scenario");
    if (!scenario)
        return Fail::Fail(r.error());
    Expected<Scenario> s = ScenarioFromJson(*scenario);
    if (!s)
        return Fail::Fail("sampling job.scenario: " + s.error);
    job.scenario = std::move(*s.value);
    if (!r.NoOthers())
        return Fail::Fail(r.error());
    return Fail::Ok(std::move(job));
}

std::string RunSamplingJob(const SamplingJob& job, const Catalog& catalog)
{
    SampleSettings settings;
    settings.sways = job.sways;
    return UncertaintyToJson(SampleOutcomes(job.scenario, catalog, job.samples, job.seed, settings)).dump();
}

} // namespace labcalc::core
