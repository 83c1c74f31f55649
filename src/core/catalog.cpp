// Reads and checks a catalog. Every figure must carry a value, a source and a date; every rule is
// checked here so the model can trust what it gets.
#include "core/catalog.hpp"

#include <cctype>
#include <cmath>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/compiled_assets.hpp"
#include "core/figure_ids.hpp"
#include "core/iso_date.hpp"
#include "core/json_guard.hpp"
#include "core/scenario_json.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

using json = nlohmann::json;
constexpr std::size_t kMaxRows = 500;

struct Reader {
    std::string error;

    bool Fail(const std::string& where, const std::string& rule)
    {
        if (error.empty())
            error = "catalog: " + where + ": " + rule;
        return false;
    }

    bool Text(const json& obj, const std::string& where, const char* key, std::string* out, bool required = true)
    {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (!required)
                return true;
            return Fail(where + "." + key, "is missing");
        }
        if (!it->is_string())
            return Fail(where + "." + key, std::string("must be text (got ") + JsonTypeName(*it) + ")");
        if (it->get_ref<const std::string&>().size() > 500)
            return Fail(where + "." + key, "must be at most 500 characters");
        *out = it->get<std::string>();
        if (required && out->empty())
            return Fail(where + "." + key, "must not be empty");
        return true;
    }

    bool Number(const json& obj, const std::string& where, const char* key, double lo, double hi, double* out)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return Fail(where + "." + key, "is missing");
        if (!it->is_number())
            return Fail(where + "." + key, std::string("must be a number (got ") + JsonTypeName(*it) + ")");
        const double v = it->get<double>();
        if (!std::isfinite(v) || v < lo || v > hi)
            return Fail(where + "." + key,
                        "must be from " + FormatNumber(lo) + " to " + FormatNumber(hi) + " (got " + FormatNumber(v) +
                            ")");
        *out = v == 0 ? 0.0 : v;
        return true;
    }

    bool Date(const std::string& where, const std::string& d)
    {
        // YYYY, YYYY-MM or YYYY-MM-DD: sources give what they give.
        if (!ParseSourceDate(d))
            return Fail(where, "must be a date YYYY, YYYY-MM or YYYY-MM-DD (got '" + Printable(d, 20) + "')");
        return true;
    }

    bool ReadFigure(const json& obj, const std::string& where, double lo, double hi, Figure* f, bool need_unit)
    {
        if (!obj.is_object())
            return Fail(where,
                        std::string("must be an object with value, source and date (got ") + JsonTypeName(obj) + ")");
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (it.key() != "value" && it.key() != "unit" && it.key() != "label" && it.key() != "source" &&
                it.key() != "date")
                return Fail(where + "." + Printable(it.key()),
                            "unknown key (a figure has value, unit, label, source, date)");
        return Number(obj, where, "value", lo, hi, &f->value) && Text(obj, where, "unit", &f->unit, need_unit) &&
            Text(obj, where, "label", &f->label, need_unit) && Text(obj, where, "source", &f->source) &&
            Text(obj, where, "date", &f->date) && Date(where + ".date", f->date);
    }

    bool Id(const std::string& where, const std::string& id, std::set<std::string>* seen)
    {
        if (id.size() > 64)
            return Fail(where, "must be at most 64 characters");
        for (char c : id)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
                return Fail(where, "must hold only letters, digits, '-', '_' and '.' (got '" + Printable(id) + "')");
        if (!seen->insert(id).second)
            return Fail(where, "'" + id + "' is used twice");
        return true;
    }
};

ProviderKind KindFromKey(const std::string& k, bool* ok)
{
    *ok = true;
    if (k == "hyperscaler")
        return ProviderKind::hyperscaler;
    if (k == "neocloud")
        return ProviderKind::neocloud;
    if (k == "marketplace")
        return ProviderKind::marketplace;
    *ok = false;
    return ProviderKind::any;
}

} // namespace

Expected<Catalog> ParseCatalog(std::string_view text)
{
    auto doc = ParseGuardedJson(text, "catalog", kMaxCatalogBytes, kMaxJsonDepth);
    if (!doc)
        return Expected<Catalog>::Fail(doc.error);
    const json& j = *doc.value;
    Reader r;
    Catalog c;
    if (!j.is_object())
        return Expected<Catalog>::Fail(std::string("catalog: must be a JSON object (got ") + JsonTypeName(j) + ")");
    for (auto it = j.begin(); it != j.end(); ++it) {
        static const std::set<std::string> kKnown = {"schema", "as_of", "stale_after_days", "about", "figures",
                                                     "gpus",   "offers"};
        if (!kKnown.count(it.key()))
            return Expected<Catalog>::Fail("catalog: unknown key '" + Printable(it.key()) + "'");
    }
    double schema = 0, stale = 0;
    if (!r.Number(j, "catalog", "schema", 1, 1, &schema) || !r.Text(j, "catalog", "as_of", &c.as_of) ||
        !r.Date("as_of", c.as_of) || !r.Number(j, "catalog", "stale_after_days", 1, 36500, &stale))
        return Expected<Catalog>::Fail(r.error);
    c.schema = static_cast<int>(schema);
    c.stale_after_days = static_cast<int>(stale);

    // Scalar figures: every id the model reads must be there, with its range.
    const auto figs = j.find("figures");
    if (figs == j.end() || !figs->is_object())
        return Expected<Catalog>::Fail(
            "catalog: figures: must be an object of figure id -> {value, unit, label, source, date}");
    for (auto it = figs->begin(); it != figs->end(); ++it) {
        const FigureRule* rule = FindFigureRule(it.key());
        if (!rule)
            return Expected<Catalog>::Fail("catalog: figures." + Printable(it.key()) + ": unknown figure id");
        Figure f;
        if (!r.ReadFigure(it.value(), "figures." + it.key(), rule->min_value, rule->max_value, &f, true))
            return Expected<Catalog>::Fail(r.error);
        c.figures[it.key()] = f;
    }
    for (const FigureRule& rule : FigureRules())
        if (!c.figures.count(rule.id))
            return Expected<Catalog>::Fail(std::string("catalog: figures.") + rule.id + ": is missing");

    std::set<std::string> ids;
    const auto gpus = j.find("gpus");
    if (gpus == j.end() || !gpus->is_array() || gpus->empty() || gpus->size() > kMaxRows)
        return Expected<Catalog>::Fail("catalog: gpus: must be a list of 1 to 500 GPUs");
    for (std::size_t i = 0; i < gpus->size(); ++i) {
        const json& g = (*gpus)[i];
        const std::string where = "gpus[" + std::to_string(i) + "]";
        if (!g.is_object())
            return Expected<Catalog>::Fail("catalog: " + where + ": must be an object");
        for (auto it = g.begin(); it != g.end(); ++it) {
            static const std::set<std::string> kKnown = {"id",           "name",       "tier",       "vram_gb",
                                                         "speed",        "load_watts", "idle_watts", "price_usd",
                                                         "specs_source", "specs_date"};
            if (!kKnown.count(it.key()))
                return Expected<Catalog>::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
        }
        GpuModel m;
        if (!r.Text(g, where, "id", &m.id) || !r.Id(where + ".id", m.id, &ids) || !r.Text(g, where, "name", &m.name) ||
            !r.Text(g, where, "tier", &m.tier) || !r.Number(g, where, "vram_gb", 1, 4096, &m.vram_gb) ||
            !r.Number(g, where, "speed", 0.01, 100, &m.speed) ||
            !r.Number(g, where, "load_watts", 1, 10000, &m.load_watts) ||
            !r.Number(g, where, "idle_watts", 0, 10000, &m.idle_watts) ||
            !r.Text(g, where, "specs_source", &m.specs_source) || !r.Text(g, where, "specs_date", &m.specs_date) ||
            !r.Date(where + ".specs_date", m.specs_date))
            return Expected<Catalog>::Fail(r.error);
        if (m.tier != "consumer" && m.tier != "workstation" && m.tier != "datacenter")
            return Expected<Catalog>::Fail("catalog: " + where +
                                           ".tier: must be one of consumer, workstation, datacenter");
        if (m.idle_watts > m.load_watts)
            return Expected<Catalog>::Fail("catalog: " + where + ".idle_watts: must not exceed load_watts");
        if (!g.contains("price_usd"))
            return Expected<Catalog>::Fail("catalog: " + where + ".price_usd: is missing");
        if (!r.ReadFigure(g["price_usd"], where + ".price_usd", 0, 1e7, &m.price_usd, false))
            return Expected<Catalog>::Fail(r.error);
        m.price_usd.unit = "USD";
        m.price_usd.label = m.name + " price";
        c.gpus.push_back(std::move(m));
    }

    const auto offers = j.find("offers");
    if (offers == j.end() || !offers->is_array() || offers->empty() || offers->size() > kMaxRows)
        return Expected<Catalog>::Fail("catalog: offers: must be a list of 1 to 500 cloud offers");
    for (std::size_t i = 0; i < offers->size(); ++i) {
        const json& o = (*offers)[i];
        const std::string where = "offers[" + std::to_string(i) + "]";
        if (!o.is_object())
            return Expected<Catalog>::Fail("catalog: " + where + ": must be an object");
        for (auto it = o.begin(); it != o.end(); ++it) {
            static const std::set<std::string> kKnown = {"id",
                                                         "name",
                                                         "gpu",
                                                         "kind",
                                                         "vram_gb",
                                                         "speed",
                                                         "max_gpus",
                                                         "usd_per_gpu_hour",
                                                         "spot_usd_per_gpu_hour",
                                                         "storage_usd_per_gb_month",
                                                         "stopped_volume_usd_per_gb_month"};
            if (!kKnown.count(it.key()))
                return Expected<Catalog>::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
        }
        CloudOffer m;
        std::string kind;
        double max_gpus = 0;
        if (!r.Text(o, where, "id", &m.id) || !r.Id(where + ".id", m.id, &ids) || !r.Text(o, where, "name", &m.name) ||
            !r.Text(o, where, "gpu", &m.gpu) || !r.Text(o, where, "kind", &kind) ||
            !r.Number(o, where, "vram_gb", 1, 4096, &m.vram_gb) || !r.Number(o, where, "speed", 0.01, 100, &m.speed) ||
            !r.Number(o, where, "max_gpus", 1, 64, &max_gpus))
            return Expected<Catalog>::Fail(r.error);
        bool ok = false;
        m.kind = KindFromKey(kind, &ok);
        if (!ok)
            return Expected<Catalog>::Fail("catalog: " + where +
                                           ".kind: must be one of hyperscaler, neocloud, marketplace");
        if (std::floor(max_gpus) != max_gpus)
            return Expected<Catalog>::Fail("catalog: " + where + ".max_gpus: must be a whole number");
        m.max_gpus = static_cast<int>(max_gpus);
        if (!o.contains("usd_per_gpu_hour"))
            return Expected<Catalog>::Fail("catalog: " + where + ".usd_per_gpu_hour: is missing");
        if (!r.ReadFigure(o["usd_per_gpu_hour"], where + ".usd_per_gpu_hour", 0, 1000, &m.usd_per_gpu_hour, false))
            return Expected<Catalog>::Fail(r.error);
        m.usd_per_gpu_hour.unit = "USD/GPU-h";
        m.usd_per_gpu_hour.label = m.name + ", on demand";
        if (o.contains("spot_usd_per_gpu_hour")) {
            Figure spot;
            if (!r.ReadFigure(o["spot_usd_per_gpu_hour"], where + ".spot_usd_per_gpu_hour", 0, 1000, &spot, false))
                return Expected<Catalog>::Fail(r.error);
            spot.unit = "USD/GPU-h";
            spot.label = m.name + ", spot";
            m.spot_usd_per_gpu_hour = spot;
        }
        for (auto [key, label, slot] :
             {std::tuple{"storage_usd_per_gb_month", ", storage of your data", &m.storage_usd_per_gb_month},
              std::tuple{"stopped_volume_usd_per_gb_month", ", disk of a stopped instance",
                         &m.stopped_volume_usd_per_gb_month}}) {
            if (!o.contains(key))
                continue;
            Figure f;
            if (!r.ReadFigure(o[key], where + "." + key, 0, 100, &f, false))
                return Expected<Catalog>::Fail(r.error);
            f.unit = "USD/GB-month";
            f.label = m.name + label;
            *slot = f;
        }
        c.offers.push_back(std::move(m));
    }
    return Expected<Catalog>::Ok(std::move(c));
}

std::string CatalogToJson(const Catalog& c)
{
    auto fig = [](const Figure& f, bool with_labels) {
        json o = {{"value", f.value}, {"source", f.source}, {"date", f.date}};
        if (with_labels) {
            o["unit"] = f.unit;
            o["label"] = f.label;
        }
        return o;
    };
    json j = {{"schema", c.schema}, {"as_of", c.as_of}, {"stale_after_days", c.stale_after_days}};
    json& figs = j["figures"] = json::object();
    for (const auto& [id, f] : c.figures)
        figs[id] = fig(f, true);
    json& gpus = j["gpus"] = json::array();
    for (const GpuModel& g : c.gpus)
        gpus.push_back({{"id", g.id},
                        {"name", g.name},
                        {"tier", g.tier},
                        {"vram_gb", g.vram_gb},
                        {"speed", g.speed},
                        {"load_watts", g.load_watts},
                        {"idle_watts", g.idle_watts},
                        {"price_usd", fig(g.price_usd, false)},
                        {"specs_source", g.specs_source},
                        {"specs_date", g.specs_date}});
    json& offers = j["offers"] = json::array();
    for (const CloudOffer& o : c.offers) {
        json row = {{"id", o.id},
                    {"name", o.name},
                    {"gpu", o.gpu},
                    {"kind", ProviderKey(o.kind)},
                    {"vram_gb", o.vram_gb},
                    {"speed", o.speed},
                    {"max_gpus", o.max_gpus},
                    {"usd_per_gpu_hour", fig(o.usd_per_gpu_hour, false)}};
        if (o.spot_usd_per_gpu_hour)
            row["spot_usd_per_gpu_hour"] = fig(*o.spot_usd_per_gpu_hour, false);
        if (o.storage_usd_per_gb_month)
            row["storage_usd_per_gb_month"] = fig(*o.storage_usd_per_gb_month, false);
        if (o.stopped_volume_usd_per_gb_month)
            row["stopped_volume_usd_per_gb_month"] = fig(*o.stopped_volume_usd_per_gb_month, false);
        offers.push_back(std::move(row));
    }
    return j.dump(2);
}

Catalog LoadDefaultCatalog()
{
    // The build embeds assets/catalog.json and a test parses it, so this cannot fail in a built program;
    // an empty catalog would still be safe (every option is then blocked with a reason).
    auto parsed = ParseCatalog(CompiledText("catalog.json"));
    return parsed ? *parsed.value : Catalog{};
}

} // namespace labcalc::core
