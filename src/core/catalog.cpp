// Reads and checks a catalog. Every figure must carry a value, a source and a date; every rule is
// checked here so the model can trust what it gets. Writes one back in the layout of assets/catalog.json.
// Sections (each opens with a "[SECTION]" line):
//   Reading: each kind of field and its rule, offer prices' history
//   Public API: ParseCatalog
//   Writing: the layout of assets/catalog.json, CatalogToJson
//   How a price moved, from its history; the built-in catalog
#include "core/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
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

// [SECTION] Reading: each kind of field and its rule, offer prices' history ------------------------------------------

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

    // with_history: an offer price, which may keep the dated values it had before (Figure::history).
    bool ReadFigure(const json& obj, const std::string& where, double lo, double hi, Figure* f, bool need_unit,
                    bool with_history = false)
    {
        if (!obj.is_object())
            return Fail(where,
                        std::string("must be an object with value, source and date (got ") + JsonTypeName(obj) + ")");
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (it.key() != "value" && it.key() != "unit" && it.key() != "label" && it.key() != "source" &&
                it.key() != "date" && !(with_history && it.key() == "history"))
                return Fail(where + "." + Printable(it.key()),
                            with_history ? "unknown key (an offer price has value, unit, label, source, date, history)"
                                         : "unknown key (a figure has value, unit, label, source, date)");
        return Number(obj, where, "value", lo, hi, &f->value) && Text(obj, where, "unit", &f->unit, need_unit) &&
            Text(obj, where, "label", &f->label, need_unit) && Text(obj, where, "source", &f->source) &&
            Text(obj, where, "date", &f->date) && Date(where + ".date", f->date) &&
            (!with_history || History(obj, where, lo, hi, f));
    }

    // Oldest first, one entry per day (YYYY-MM counts as its 15th, as everywhere dates are compared), none after
    // the price's own date: the report's "rose 12% since ..." reads the first entry as the oldest.
    bool History(const json& obj, const std::string& where, double lo, double hi, Figure* f)
    {
        const auto it = obj.find("history");
        if (it == obj.end())
            return true;
        const std::string at = where + ".history";
        if (!it->is_array() || it->size() > kMaxPriceHistory)
            return Fail(at,
                        "must be a list of at most " + std::to_string(kMaxPriceHistory) +
                            " entries {date, value}, oldest first (got " +
                            (it->is_array() ? std::to_string(it->size()) + " entries" : JsonTypeName(*it)) + ")");
        std::optional<long> previous;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& e = (*it)[i];
            const std::string w = at + "[" + std::to_string(i) + "]";
            if (!e.is_object())
                return Fail(w, std::string("must be an object with date and value (got ") + JsonTypeName(e) + ")");
            for (auto k = e.begin(); k != e.end(); ++k)
                if (k.key() != "date" && k.key() != "value")
                    return Fail(w + "." + Printable(k.key()), "unknown key (a history entry has date and value)");
            PricePoint p;
            if (!Text(e, w, "date", &p.date) || !Date(w + ".date", p.date) || !Number(e, w, "value", lo, hi, &p.value))
                return false;
            const std::optional<long> day = ParseSourceDate(p.date);
            if (previous && *day <= *previous)
                return Fail(w + ".date", "must come after the entry before it (oldest first, one entry per date)");
            previous = day;
            f->history.push_back(std::move(p));
        }
        if (previous && *previous > *ParseSourceDate(f->date))
            return Fail(at, "must not hold a date after the price's own date (" + f->date + ")");
        return true;
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

// [SECTION] Public API: ParseCatalog ---------------------------------------------------------------------------------

namespace {

// The top level: only known keys; schema, as_of and stale_after_days in range; "about" kept as written.
Status ReadTop(Reader& r, const json& j, Catalog* c)
{
    for (auto it = j.begin(); it != j.end(); ++it) {
        static const std::set<std::string> kKnown = {"schema", "as_of",      "stale_after_days", "about", "figures",
                                                     "chips",  "currencies", "countries",        "gpus",  "offers"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: unknown key '" + Printable(it.key()) + "'");
    }
    double schema = 0, stale = 0;
    if (!r.Number(j, "catalog", "schema", 1, 1, &schema) || !r.Text(j, "catalog", "as_of", &c->as_of) ||
        !r.Date("as_of", c->as_of) || !r.Number(j, "catalog", "stale_after_days", 1, 36500, &stale))
        return Status::Fail(r.error);
    c->schema = static_cast<int>(schema);
    c->stale_after_days = static_cast<int>(stale);
    if (const auto about = j.find("about"); about != j.end())
        c->about_json = about->dump(-1, ' ', false, json::error_handler_t::replace);

    return Status::Ok();
}

// Scalar figures: every id the model reads must be there, with its range.
Status ReadFigures(Reader& r, const json& j, Catalog* c)
{
    const auto figs = j.find("figures");
    if (figs == j.end() || !figs->is_object())
        return Status::Fail("catalog: figures: must be an object of figure id -> {value, unit, label, source, date}");
    for (auto it = figs->begin(); it != figs->end(); ++it) {
        const FigureRule* rule = FindFigureRule(it.key());
        if (!rule)
            return Status::Fail("catalog: figures." + Printable(it.key()) + ": unknown figure id");
        Figure f;
        if (!r.ReadFigure(it.value(), "figures." + it.key(), rule->min_value, rule->max_value, &f, true))
            return Status::Fail(r.error);
        c->figures[it.key()] = f;
    }
    for (const FigureRule& rule : FigureRules())
        if (!c->figures.count(rule.id))
            return Status::Fail(std::string("catalog: figures.") + rule.id + ": is missing");

    return Status::Ok();
}

// One entry of "chips": every key known, each figure in its range, the id unique among chips.
Status ReadChip(Reader& r, const json& g, const std::string& where, std::set<std::string>* ids, Catalog* c)
{
    if (!g.is_object())
        return Status::Fail("catalog: " + where + ": must be an object");
    for (auto it = g.begin(); it != g.end(); ++it) {
        static const std::set<std::string> kKnown = {
            "id", "name", "bandwidth_gb_per_s", "bf16_tflops", "llm_tokens_per_s", "train_vs_rtx4090", "tdp_watts"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
    }
    GpuChip m;
    if (!r.Text(g, where, "id", &m.id) || !r.Id(where + ".id", m.id, ids) || !r.Text(g, where, "name", &m.name))
        return Status::Fail(r.error);
    struct Slot {
        const char* key;
        double lo, hi;
        const char* unit;
        const char* label;
        std::optional<Figure>* slot;
    };
    const Slot slots[] = {
        {"bandwidth_gb_per_s", 1, 1e5, "GB/s", " memory bandwidth", &m.bandwidth_gb_per_s},
        {"bf16_tflops", 0.1, 1e5, "TFLOPS", " peak dense 16-bit throughput", &m.bf16_tflops},
        {"llm_tokens_per_s", 0.01, 1e5, "tokens/s", " llama.cpp generation speed, Llama 3 8B Q4_K_M",
         &m.llm_tokens_per_s},
        {"train_vs_rtx4090", 0.01, 100, "x", " training throughput against an RTX 4090", &m.train_vs_rtx4090},
        {"tdp_watts", 1, 10000, "W", " board power", &m.tdp_watts},
    };
    for (const Slot& slot : slots) {
        if (!g.contains(slot.key))
            continue;
        Figure f;
        if (!r.ReadFigure(g[slot.key], where + "." + slot.key, slot.lo, slot.hi, &f, false))
            return Status::Fail(r.error);
        f.unit = slot.unit;
        f.label = m.name + slot.label;
        *slot.slot = f;
    }
    c->chips.push_back(std::move(m));
    return Status::Ok();
}

// One entry of "currencies": an ISO 4217 code, a name, a symbol and the rate per euro, the code unique.
Status ReadCurrency(Reader& r, const json& g, const std::string& where, std::set<std::string>* codes, Catalog* c)
{
    if (!g.is_object())
        return Status::Fail("catalog: " + where + ": must be an object");
    for (auto it = g.begin(); it != g.end(); ++it) {
        static const std::set<std::string> kKnown = {"code", "name", "symbol", "per_eur"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
    }
    Currency m;
    if (!r.Text(g, where, "code", &m.code) || !r.Text(g, where, "name", &m.name) ||
        !r.Text(g, where, "symbol", &m.symbol))
        return Status::Fail(r.error);
    if (m.code.size() != 3 || !std::all_of(m.code.begin(), m.code.end(), [](char ch) {
            return std::isupper(static_cast<unsigned char>(ch)) != 0;
        }))
        return Status::Fail("catalog: " + where + ".code: must be three capital letters (ISO 4217)");
    if (m.symbol.empty() || m.symbol.size() > 8)
        return Status::Fail("catalog: " + where + ".symbol: must be 1 to 8 bytes");
    if (!codes->insert(m.code).second)
        return Status::Fail("catalog: " + where + ".code: '" + m.code + "' is listed twice");
    if (!g.contains("per_eur"))
        return Status::Fail("catalog: " + where + ".per_eur: is missing");
    if (!r.ReadFigure(g["per_eur"], where + ".per_eur", 1e-6, 1e9, &m.per_eur, false))
        return Status::Fail(r.error);
    if (!(m.per_eur.value > 0))
        return Status::Fail("catalog: " + where + ".per_eur.value: must be above 0");
    m.per_eur.unit = m.code + " per EUR";
    m.per_eur.label = m.name + " per euro";
    c->currencies.push_back(std::move(m));
    return Status::Ok();
}

// One entry of "countries": an ISO code, a name, the price and the grid, the code unique.
Status ReadCountry(Reader& r, const json& g, const std::string& where, std::set<std::string>* codes, Catalog* c)
{
    if (!g.is_object())
        return Status::Fail("catalog: " + where + ": must be an object");
    for (auto it = g.begin(); it != g.end(); ++it) {
        static const std::set<std::string> kKnown = {
            "code", "name", "currency", "electricity_usd_per_kwh", "grid_gco2_per_kwh", "vat_pct"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
    }
    Country m;
    if (!r.Text(g, where, "code", &m.code) || !r.Text(g, where, "name", &m.name) ||
        !r.Text(g, where, "currency", &m.currency, false))
        return Status::Fail(r.error);
    if (!m.currency.empty() && !FindCurrency(*c, m.currency))
        return Status::Fail("catalog: " + where + ".currency: '" + Printable(m.currency, 10) +
                            "' is not a currency of the catalog's currencies");
    if (m.code.size() != 2 || !std::isupper(static_cast<unsigned char>(m.code[0])) ||
        !std::isupper(static_cast<unsigned char>(m.code[1])))
        return Status::Fail("catalog: " + where + ".code: must be two capital letters (ISO 3166-1)");
    if (!codes->insert(m.code).second)
        return Status::Fail("catalog: " + where + ".code: '" + m.code + "' is listed twice");
    for (const char* key : {"electricity_usd_per_kwh", "grid_gco2_per_kwh"})
        if (!g.contains(key))
            return Status::Fail("catalog: " + where + "." + key + ": is missing");
    if (!r.ReadFigure(g["electricity_usd_per_kwh"], where + ".electricity_usd_per_kwh", 0, 5,
                      &m.electricity_usd_per_kwh, false) ||
        !r.ReadFigure(g["grid_gco2_per_kwh"], where + ".grid_gco2_per_kwh", 0, 2000, &m.grid_gco2_per_kwh, false))
        return Status::Fail(r.error);
    m.electricity_usd_per_kwh.unit = "USD/kWh";
    m.electricity_usd_per_kwh.label = m.name + ", household electricity";
    m.grid_gco2_per_kwh.unit = "gCO2e/kWh";
    m.grid_gco2_per_kwh.label = m.name + ", grid carbon intensity";
    if (g.contains("vat_pct")) {
        Figure vat;
        if (!r.ReadFigure(g["vat_pct"], where + ".vat_pct", 0, 50, &vat, false))
            return Status::Fail(r.error);
        vat.unit = "%";
        vat.label = m.name + ", VAT or sales tax on goods";
        m.vat_pct = vat;
    }
    c->countries.push_back(std::move(m));
    return Status::Ok();
}

// Each GPU's and offer's chip names a chip of the catalog.
Status CheckChipLinks(const Catalog& c)
{
    for (std::size_t i = 0; i < c.gpus.size(); ++i)
        if (!c.gpus[i].chip.empty() && !FindChip(c, c.gpus[i].chip))
            return Status::Fail("catalog: gpus[" + std::to_string(i) + "].chip: '" + Printable(c.gpus[i].chip) +
                                "' names no entry of chips");
    for (std::size_t i = 0; i < c.offers.size(); ++i)
        if (!c.offers[i].chip.empty() && !FindChip(c, c.offers[i].chip))
            return Status::Fail("catalog: offers[" + std::to_string(i) + "].chip: '" + Printable(c.offers[i].chip) +
                                "' names no entry of chips");
    return Status::Ok();
}

// One entry of "gpus": every key known, each value in its range, the id unique among GPUs and offers.
Status ReadGpu(Reader& r, const json& g, const std::string& where, std::set<std::string>* ids, Catalog* c)
{
    if (!g.is_object())
        return Status::Fail("catalog: " + where + ": must be an object");
    for (auto it = g.begin(); it != g.end(); ++it) {
        static const std::set<std::string> kKnown = {"id",        "name",         "tier",       "chip",
                                                     "vram_gb",   "speed",        "load_watts", "idle_watts",
                                                     "price_usd", "specs_source", "specs_date"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
    }
    GpuModel m;
    if (!r.Text(g, where, "id", &m.id) || !r.Id(where + ".id", m.id, ids) || !r.Text(g, where, "name", &m.name) ||
        !r.Text(g, where, "tier", &m.tier) || !r.Text(g, where, "chip", &m.chip, false) ||
        !r.Number(g, where, "vram_gb", 1, 4096, &m.vram_gb) || !r.Number(g, where, "speed", 0.01, 100, &m.speed) ||
        !r.Number(g, where, "load_watts", 1, 10000, &m.load_watts) ||
        !r.Number(g, where, "idle_watts", 0, 10000, &m.idle_watts) ||
        !r.Text(g, where, "specs_source", &m.specs_source) || !r.Text(g, where, "specs_date", &m.specs_date) ||
        !r.Date(where + ".specs_date", m.specs_date))
        return Status::Fail(r.error);
    if (m.tier != "consumer" && m.tier != "workstation" && m.tier != "datacenter")
        return Status::Fail("catalog: " + where + ".tier: must be one of consumer, workstation, datacenter");
    if (m.idle_watts > m.load_watts)
        return Status::Fail("catalog: " + where + ".idle_watts: must not exceed load_watts");
    if (!g.contains("price_usd"))
        return Status::Fail("catalog: " + where + ".price_usd: is missing");
    if (!r.ReadFigure(g["price_usd"], where + ".price_usd", 0, 1e7, &m.price_usd, false))
        return Status::Fail(r.error);
    m.price_usd.unit = "USD";
    m.price_usd.label = m.name + " price";
    c->gpus.push_back(std::move(m));
    return Status::Ok();
}

// One entry of "offers": every key known, each value in its range, the id unique among GPUs and offers.
Status ReadOffer(Reader& r, const json& o, const std::string& where, std::set<std::string>* ids, Catalog* c)
{
    if (!o.is_object())
        return Status::Fail("catalog: " + where + ": must be an object");
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const std::set<std::string> kKnown = {"id",
                                                     "name",
                                                     "gpu",
                                                     "chip",
                                                     "kind",
                                                     "vram_gb",
                                                     "speed",
                                                     "max_gpus",
                                                     "usd_per_gpu_hour",
                                                     "spot_usd_per_gpu_hour",
                                                     "storage_usd_per_gb_month",
                                                     "stopped_volume_usd_per_gb_month",
                                                     "grid_gco2_per_kwh"};
        if (!kKnown.count(it.key()))
            return Status::Fail("catalog: " + where + "." + Printable(it.key()) + ": unknown key");
    }
    CloudOffer m;
    std::string kind;
    double max_gpus = 0;
    if (!r.Text(o, where, "id", &m.id) || !r.Id(where + ".id", m.id, ids) || !r.Text(o, where, "name", &m.name) ||
        !r.Text(o, where, "gpu", &m.gpu) || !r.Text(o, where, "chip", &m.chip, false) ||
        !r.Text(o, where, "kind", &kind) || !r.Number(o, where, "vram_gb", 1, 4096, &m.vram_gb) ||
        !r.Number(o, where, "speed", 0.01, 100, &m.speed) || !r.Number(o, where, "max_gpus", 1, 64, &max_gpus))
        return Status::Fail(r.error);
    bool ok = false;
    m.kind = KindFromKey(kind, &ok);
    if (!ok)
        return Status::Fail("catalog: " + where + ".kind: must be one of hyperscaler, neocloud, marketplace");
    if (std::floor(max_gpus) != max_gpus)
        return Status::Fail("catalog: " + where + ".max_gpus: must be a whole number");
    m.max_gpus = static_cast<int>(max_gpus);
    if (!o.contains("usd_per_gpu_hour"))
        return Status::Fail("catalog: " + where + ".usd_per_gpu_hour: is missing");
    if (!r.ReadFigure(o["usd_per_gpu_hour"], where + ".usd_per_gpu_hour", 0, 1000, &m.usd_per_gpu_hour, false, true))
        return Status::Fail(r.error);
    m.usd_per_gpu_hour.unit = "USD/GPU-h";
    m.usd_per_gpu_hour.label = m.name + ", on demand";
    if (o.contains("spot_usd_per_gpu_hour")) {
        Figure spot;
        if (!r.ReadFigure(o["spot_usd_per_gpu_hour"], where + ".spot_usd_per_gpu_hour", 0, 1000, &spot, false, true))
            return Status::Fail(r.error);
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
            return Status::Fail(r.error);
        f.unit = "USD/GB-month";
        f.label = m.name + label;
        *slot = f;
    }
    if (o.contains("grid_gco2_per_kwh")) {
        Figure f;
        if (!r.ReadFigure(o["grid_gco2_per_kwh"], where + ".grid_gco2_per_kwh", 0, 2000, &f, false))
            return Status::Fail(r.error);
        f.unit = "gCO2e/kWh";
        f.label = m.name + ", its region's grid carbon intensity";
        m.grid_gco2_per_kwh = f;
    }
    c->offers.push_back(std::move(m));
    return Status::Ok();
}

} // namespace

Expected<Catalog> ParseCatalog(std::string_view text)
{
    auto doc = ParseGuardedJson(text, "catalog", kMaxCatalogBytes, kMaxJsonDepth);
    if (!doc)
        return Expected<Catalog>::Fail(doc.error);
    const json& j = *doc.value;
    if (!j.is_object())
        return Expected<Catalog>::Fail(std::string("catalog: must be a JSON object (got ") + JsonTypeName(j) + ")");
    Reader r;
    Catalog c;
    if (Status read = ReadTop(r, j, &c); !read)
        return Expected<Catalog>::Fail(read.error);
    if (Status read = ReadFigures(r, j, &c); !read)
        return Expected<Catalog>::Fail(read.error);
    if (const auto chips = j.find("chips"); chips != j.end()) {
        if (!chips->is_array() || chips->size() > kMaxRows)
            return Expected<Catalog>::Fail("catalog: chips: must be a list of at most 500 GPU chips");
        std::set<std::string> chip_ids;
        for (std::size_t i = 0; i < chips->size(); ++i)
            if (Status read = ReadChip(r, (*chips)[i], "chips[" + std::to_string(i) + "]", &chip_ids, &c); !read)
                return Expected<Catalog>::Fail(read.error);
    }
    if (const auto currencies = j.find("currencies"); currencies != j.end()) {
        if (!currencies->is_array() || currencies->size() > kMaxRows)
            return Expected<Catalog>::Fail("catalog: currencies: must be a list of at most 500 currencies");
        std::set<std::string> codes;
        for (std::size_t i = 0; i < currencies->size(); ++i)
            if (Status read = ReadCurrency(r, (*currencies)[i], "currencies[" + std::to_string(i) + "]", &codes, &c);
                !read)
                return Expected<Catalog>::Fail(read.error);
        // Every rate is per euro: a dollar's worth needs the dollar's own rate.
        if (!c.currencies.empty() && !FindCurrency(c, "USD"))
            return Expected<Catalog>::Fail("catalog: currencies: must list USD (the model's money; every rate is "
                                           "turned into units per dollar through it)");
    }
    if (const auto countries = j.find("countries"); countries != j.end()) {
        if (!countries->is_array() || countries->size() > kMaxRows)
            return Expected<Catalog>::Fail("catalog: countries: must be a list of at most 500 countries");
        std::set<std::string> codes;
        for (std::size_t i = 0; i < countries->size(); ++i)
            if (Status read = ReadCountry(r, (*countries)[i], "countries[" + std::to_string(i) + "]", &codes, &c);
                !read)
                return Expected<Catalog>::Fail(read.error);
    }
    std::set<std::string> ids; // GPU and offer ids share one name space
    const auto gpus = j.find("gpus");
    if (gpus == j.end() || !gpus->is_array() || gpus->empty() || gpus->size() > kMaxRows)
        return Expected<Catalog>::Fail("catalog: gpus: must be a list of 1 to 500 GPUs");
    for (std::size_t i = 0; i < gpus->size(); ++i) {
        const json& g = (*gpus)[i];
        const std::string where = "gpus[" + std::to_string(i) + "]";
        if (Status read = ReadGpu(r, g, where, &ids, &c); !read)
            return Expected<Catalog>::Fail(read.error);
    }
    const auto offers = j.find("offers");
    if (offers == j.end() || !offers->is_array() || offers->empty() || offers->size() > kMaxRows)
        return Expected<Catalog>::Fail("catalog: offers: must be a list of 1 to 500 cloud offers");
    for (std::size_t i = 0; i < offers->size(); ++i) {
        const json& o = (*offers)[i];
        const std::string where = "offers[" + std::to_string(i) + "]";
        if (Status read = ReadOffer(r, o, where, &ids, &c); !read)
            return Expected<Catalog>::Fail(read.error);
    }
    if (Status links = CheckChipLinks(c); !links)
        return Expected<Catalog>::Fail(links.error);
    return Expected<Catalog>::Ok(std::move(c));
}

// [SECTION] Writing: the layout of assets/catalog.json, CatalogToJson ------------------------------------------------

namespace {

// A number as the catalog file writes it: whole numbers without a fraction (16, not 16.0), others in the
// shortest form that reads back the same (nlohmann's).
std::string NumberText(double v)
{
    if (v == 0)
        return "0";
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    return json(v).dump();
}

// ASCII, with \u escapes for anything else (a currency symbol), as the catalog file is written.
std::string TextJson(const std::string& s) { return json(s).dump(-1, ' ', true, json::error_handler_t::replace); }

// One object on one line, its keys in the order given: {"id": "x", "value": 1}.
class Line {
public:
    Line& Text(const char* key, const std::string& v) { return Raw(key, TextJson(v)); }
    Line& Number(const char* key, double v) { return Raw(key, NumberText(v)); }
    Line& Raw(const char* key, const std::string& json_text)
    {
        out_ += (out_.empty() ? "{" : ", ") + TextJson(key) + ": " + json_text;
        return *this;
    }
    std::string Done() const { return out_.empty() ? "{}" : out_ + "}"; }

private:
    std::string out_;
};

std::string FigureLine(const Figure& f, bool with_labels)
{
    Line l;
    l.Number("value", f.value);
    if (with_labels)
        l.Text("unit", f.unit).Text("label", f.label);
    l.Text("source", f.source).Text("date", f.date);
    if (!f.history.empty()) {
        std::string h = "[";
        for (const PricePoint& p : f.history)
            h += (h.size() > 1 ? ", " : "") + Line().Text("date", p.date).Number("value", p.value).Done();
        l.Raw("history", h + "]");
    }
    return l.Done();
}

// "  \"key\": [\n    line,\n    line\n  ]" (or {} for objects): one entry per line, as assets/catalog.json.
std::string Block(const char* key, const std::vector<std::string>& lines, bool object)
{
    std::string out = "  " + TextJson(key) + ": " + (object ? "{" : "[");
    if (lines.empty())
        return out + (object ? "}" : "]");
    out += "\n";
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += "    " + lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    return out + "  " + (object ? "}" : "]");
}

} // namespace

std::string CatalogToJson(const Catalog& c)
{
    std::vector<std::string> figures, chips, currencies, countries, gpus, offers;
    // The model's order (figure_ids.cpp), then any other id a catalog could hold, so nothing is lost.
    std::set<std::string> written;
    for (const FigureRule& rule : FigureRules())
        if (const auto it = c.figures.find(rule.id); it != c.figures.end()) {
            figures.push_back(TextJson(it->first) + ": " + FigureLine(it->second, true));
            written.insert(it->first);
        }
    for (const auto& [id, f] : c.figures)
        if (!written.count(id))
            figures.push_back(TextJson(id) + ": " + FigureLine(f, true));
    for (const GpuChip& chip : c.chips) {
        Line l;
        l.Text("id", chip.id).Text("name", chip.name);
        if (chip.bandwidth_gb_per_s)
            l.Raw("bandwidth_gb_per_s", FigureLine(*chip.bandwidth_gb_per_s, false));
        if (chip.bf16_tflops)
            l.Raw("bf16_tflops", FigureLine(*chip.bf16_tflops, false));
        if (chip.llm_tokens_per_s)
            l.Raw("llm_tokens_per_s", FigureLine(*chip.llm_tokens_per_s, false));
        if (chip.train_vs_rtx4090)
            l.Raw("train_vs_rtx4090", FigureLine(*chip.train_vs_rtx4090, false));
        if (chip.tdp_watts)
            l.Raw("tdp_watts", FigureLine(*chip.tdp_watts, false));
        chips.push_back(l.Done());
    }
    for (const Currency& m : c.currencies)
        currencies.push_back(Line()
                                 .Text("code", m.code)
                                 .Text("name", m.name)
                                 .Text("symbol", m.symbol)
                                 .Raw("per_eur", FigureLine(m.per_eur, false))
                                 .Done());
    for (const Country& k : c.countries) {
        Line l;
        l.Text("code", k.code).Text("name", k.name);
        if (!k.currency.empty())
            l.Text("currency", k.currency);
        l.Raw("electricity_usd_per_kwh", FigureLine(k.electricity_usd_per_kwh, false))
            .Raw("grid_gco2_per_kwh", FigureLine(k.grid_gco2_per_kwh, false));
        if (k.vat_pct)
            l.Raw("vat_pct", FigureLine(*k.vat_pct, false));
        countries.push_back(l.Done());
    }
    for (const GpuModel& g : c.gpus) {
        Line l;
        l.Text("id", g.id).Text("name", g.name).Text("tier", g.tier);
        if (!g.chip.empty())
            l.Text("chip", g.chip);
        gpus.push_back(l.Number("vram_gb", g.vram_gb)
                           .Number("speed", g.speed)
                           .Number("load_watts", g.load_watts)
                           .Number("idle_watts", g.idle_watts)
                           .Raw("price_usd", FigureLine(g.price_usd, false))
                           .Text("specs_source", g.specs_source)
                           .Text("specs_date", g.specs_date)
                           .Done());
    }
    for (const CloudOffer& o : c.offers) {
        Line l;
        l.Text("id", o.id).Text("name", o.name).Text("gpu", o.gpu);
        if (!o.chip.empty())
            l.Text("chip", o.chip);
        l.Text("kind", ProviderKey(o.kind))
            .Number("vram_gb", o.vram_gb)
            .Number("speed", o.speed)
            .Number("max_gpus", o.max_gpus)
            .Raw("usd_per_gpu_hour", FigureLine(o.usd_per_gpu_hour, false));
        if (o.spot_usd_per_gpu_hour)
            l.Raw("spot_usd_per_gpu_hour", FigureLine(*o.spot_usd_per_gpu_hour, false));
        if (o.storage_usd_per_gb_month)
            l.Raw("storage_usd_per_gb_month", FigureLine(*o.storage_usd_per_gb_month, false));
        if (o.stopped_volume_usd_per_gb_month)
            l.Raw("stopped_volume_usd_per_gb_month", FigureLine(*o.stopped_volume_usd_per_gb_month, false));
        if (o.grid_gco2_per_kwh)
            l.Raw("grid_gco2_per_kwh", FigureLine(*o.grid_gco2_per_kwh, false));
        offers.push_back(l.Done());
    }
    std::string out = "{\n  \"schema\": " + std::to_string(c.schema) + ",\n  \"as_of\": " + TextJson(c.as_of) +
        ",\n  \"stale_after_days\": " + std::to_string(c.stale_after_days) + ",\n";
    if (!c.about_json.empty())
        out += "  \"about\": " + c.about_json + ",\n";
    out += Block("figures", figures, true) + ",\n";
    if (!chips.empty())
        out += Block("chips", chips, false) + ",\n";
    if (!currencies.empty())
        out += Block("currencies", currencies, false) + ",\n";
    if (!countries.empty())
        out += Block("countries", countries, false) + ",\n";
    return out + Block("gpus", gpus, false) + ",\n" + Block("offers", offers, false) + "\n}\n";
}

// [SECTION] How a price moved, from its history; the built-in catalog ------------------------------------------------

std::optional<PriceMove> PriceMoveSinceOldest(const Figure& f)
{
    if (f.history.empty() || !(f.history.front().value > 0))
        return std::nullopt;
    const PricePoint& oldest = f.history.front();
    return PriceMove{oldest.date, oldest.value, (f.value - oldest.value) / oldest.value * 100};
}

std::string PriceMoveNote(const Figure& f, double min_pct)
{
    const std::optional<PriceMove> move = PriceMoveSinceOldest(f);
    // A hair below the limit still counts: 1.0 -> 0.9 is a 10% fall, whatever the last bit of the division says.
    if (!move || std::fabs(move->pct) < min_pct - 1e-9)
        return "";
    return std::string("This price ") + (move->pct > 0 ? "rose " : "fell ") +
        FormatNumber(std::round(std::fabs(move->pct))) + "% since " + move->since + " (from " +
        FormatNumber(move->from) + " to " + FormatNumber(f.value) + (f.unit.empty() ? "" : " " + f.unit) + ").";
}

const GpuChip* FindChip(const Catalog& c, std::string_view id)
{
    for (const GpuChip& chip : c.chips)
        if (chip.id == id)
            return &chip;
    return nullptr;
}

const Country* FindCountry(const Catalog& c, std::string_view code)
{
    for (const Country& k : c.countries)
        if (k.code == code)
            return &k;
    return nullptr;
}

const Currency* FindCurrency(const Catalog& c, std::string_view code)
{
    for (const Currency& m : c.currencies)
        if (m.code == code)
            return &m;
    return nullptr;
}

Catalog LoadDefaultCatalog()
{
    // The build embeds assets/catalog.json and a test parses it, so this cannot fail in a built program;
    // an empty catalog would still be safe (every option is then blocked with a reason).
    auto parsed = ParseCatalog(CompiledText("catalog.json"));
    return parsed ? *parsed.value : Catalog{};
}

} // namespace labcalc::core
