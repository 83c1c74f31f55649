// Price import (price_import.hpp; the rules in words: docs/prices.md): the rows of the tables (price_tables.hpp)
// become offers' prices.
// Sections (each opens with a "[SECTION]" line):
//   Rows to offers: the price chosen for each provider and GPU, offers updated or added, history kept
//   Diff and summary
//   Public API: DiffCatalogs, ImportSummary, ImportPrices
#include "core/price_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/iso_date.hpp"
#include "core/price_tables.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

using prices::CatalogGpu;
using prices::CatalogText;
using prices::Day;
using prices::FindProvider;
using prices::KnownProvider;
using prices::Lower;
using prices::Notes;
using prices::OfferProvider;
using prices::Row;
using prices::SourceOf;
using prices::Usd;

// [SECTION] Rows to offers: the price chosen for each provider and GPU, offers updated or added, history kept --------

// A price written into the catalog, with where it comes from.
struct Pick {
    const Row* row = nullptr;
    double value = 0;
    std::string source;
};

// Whether an offer's name mentions an instance type as a word of its own ("AWS g5.xlarge (A10G)" names
// g5.xlarge, not g5.2xlarge).
bool NameMentions(const std::string& name, const std::string& instance)
{
    if (instance.empty())
        return false;
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'; };
    for (std::size_t at = name.find(instance); at != std::string::npos; at = name.find(instance, at + 1)) {
        const std::size_t end = at + instance.size();
        if ((at == 0 || !word(name[at - 1])) && (end == name.size() || !word(name[end])))
            return true;
    }
    return false;
}

// The price of one kind for a provider's GPU among the rows `keep` accepts: the newest date first, then the
// lowest price, then the first row.
template <class Keep>
const Row* Choose(const std::vector<const Row*>& rows, PriceKind kind, Keep keep)
{
    const Row* best = nullptr;
    for (const Row* r : rows) {
        const std::optional<double>& v = kind == PriceKind::spot ? r->spot : r->on_demand;
        if (!v || !keep(*r))
            continue;
        if (!best) {
            best = r;
            continue;
        }
        const double bv = kind == PriceKind::spot ? *best->spot : *best->on_demand;
        if (Day(r->date) > Day(best->date) || (Day(r->date) == Day(best->date) && *v < bv))
            best = r;
    }
    return best;
}

const Row* Choose(const std::vector<const Row*>& rows, PriceKind kind)
{
    return Choose(rows, kind, [](const Row&) { return true; });
}

struct Applier {
    const Catalog& base;
    const std::vector<PriceFile>& files;
    const ImportOptions& options;
    Catalog* out;
    Notes* notes;
    long newest_day = -1;
    std::string newest_date;
    bool changed = false;

    void Wrote(const std::string& date)
    {
        changed = true;
        if (Day(date) > newest_day) {
            newest_day = Day(date);
            newest_date = date;
        }
    }

    Pick Make(const Row* r, PriceKind kind) const
    {
        Pick p;
        p.row = r;
        if (r) {
            p.value = kind == PriceKind::spot ? *r->spot : *r->on_demand;
            p.source = SourceOf(*r, files[r->file], options.format, kind);
        }
        return p;
    }

    // The value it had until now joins the history before the new one, one entry per date, the newest kept.
    static void Record(Figure& f, const std::string& date, double value)
    {
        auto put = [&](const std::string& d, double v) {
            if (!f.history.empty() && Day(f.history.back().date) == Day(d))
                f.history.back() = {d, v};
            else
                f.history.push_back({d, v});
        };
        const bool first = f.history.empty();
        if (Day(f.date) < Day(date))
            put(f.date, f.value);
        if (!(first && Day(f.date) == Day(date))) // a same-day correction starts no history
            put(date, value);
        if (f.history.size() > kMaxPriceHistory)
            f.history.erase(f.history.begin(),
                            f.history.begin() + static_cast<std::ptrdiff_t>(f.history.size() - kMaxPriceHistory));
    }

    // Brings one price of an offer to the picked value, unless the catalog's is newer.
    void Update(const CloudOffer& o, std::optional<Figure>* slot, PriceKind kind, const Pick& p)
    {
        if (!p.row)
            return;
        const std::string& date = p.row->date;
        if (!*slot) {
            Figure f;
            f.value = p.value;
            f.unit = "USD/GPU-h";
            f.label = o.name + (kind == PriceKind::spot ? ", spot" : ", on demand");
            f.source = p.source;
            f.date = date;
            *slot = f;
            Wrote(date);
            return;
        }
        Figure& f = **slot;
        if (Day(date) < Day(f.date)) {
            notes->Add(o.id + " " + PriceKindKey(kind) + ": the catalog's price (" + Usd(f.value) + " USD/GPU-h, " +
                       f.date + ") is newer than the table's (" + Usd(p.value) + ", " + date + "): kept");
            return;
        }
        if (p.value == f.value) {
            // The same price seen again: a newer date and its source; the history keeps changes only.
            if (Day(date) > Day(f.date)) {
                f.date = date;
                f.source = p.source;
                Wrote(date);
            }
            return;
        }
        Record(f, date, p.value);
        f.value = p.value;
        f.date = date;
        f.source = p.source;
        Wrote(date);
    }

    // The spot price that goes with an on-demand one: from the same instance type, where the table lists
    // instance types (its rows are instances); a per-GPU-hour table's spot rows name other products, so the
    // best of all of them.
    const Row* SpotFor(const Row* od, const std::vector<const Row*>& rows) const
    {
        if (!od || options.format == PriceFormat::per_gpu_hour)
            return Choose(rows, PriceKind::spot);
        return Choose(rows, PriceKind::spot, [&](const Row& r) { return r.instance == od->instance; });
    }

    void UpdateOffer(std::size_t index, const std::vector<const Row*>& rows)
    {
        CloudOffer& o = out->offers[index];
        // The instance type the offer's name mentions, when the table lists it (the longest such name): the
        // offer prices that instance, wherever it is cheapest.
        std::string instance;
        for (const Row* r : rows)
            if (r->instance.size() > instance.size() && NameMentions(o.name, r->instance))
                instance = r->instance;
        auto named = [&](const Row& r) { return instance.empty() || r.instance == instance; };
        const Row* od = Choose(rows, PriceKind::on_demand, named);
        const Row* spot = od ? SpotFor(od, rows) : Choose(rows, PriceKind::spot, named);
        std::optional<Figure> on_demand = o.usd_per_gpu_hour;
        Update(o, &on_demand, PriceKind::on_demand, Make(od, PriceKind::on_demand));
        o.usd_per_gpu_hour = *on_demand;
        Update(o, &o.spot_usd_per_gpu_hour, PriceKind::spot, Make(spot, PriceKind::spot));
    }

    std::string NewId(const std::string& provider, const std::string& gpu) const
    {
        // Like the catalog's own ids: "RTX 4090" -> rtx4090, "A100 40GB" -> a100-40gb (a word of letters joins
        // the next one, a word with digits is kept apart).
        std::string slug;
        bool letters_only = true;
        for (char c : Lower(gpu)) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                letters_only = letters_only && std::isalpha(static_cast<unsigned char>(c));
                slug += c;
            } else if (!slug.empty() && slug.back() != '-') {
                if (!letters_only)
                    slug += '-';
                letters_only = true;
            }
        }
        std::string id = (provider + "-" + slug).substr(0, 60);
        std::set<std::string> taken;
        for (const GpuModel& g : out->gpus)
            taken.insert(g.id);
        for (const CloudOffer& o : out->offers)
            taken.insert(o.id);
        const std::string stem = id;
        for (int n = 2; taken.count(id); ++n)
            id = stem + "-" + std::to_string(n);
        return id;
    }

    void AddOffer(const std::string& provider, const std::string& gpu, const std::vector<const Row*>& rows,
                  const CatalogGpu& model)
    {
        const Row* od = Choose(rows, PriceKind::on_demand);
        const std::string subject = Printable(provider, 40) + " " + gpu;
        // An id is at most 64 characters and starts with its provider's: a longer name could not be found again.
        if (provider.size() > 32) {
            notes->Add(subject + ": a provider name of more than 32 letters and digits: no offer added");
            return;
        }
        if (!od) {
            notes->Add(subject + ": only a spot price, and an offer needs an on-demand one: no offer added");
            return;
        }
        const CloudOffer* same_provider = nullptr;
        for (const CloudOffer& o : base.offers)
            if (OfferProvider(o) == provider) {
                same_provider = &o;
                break;
            }
        const KnownProvider* known = FindProvider(provider);
        if (!same_provider && !known) {
            notes->Add(subject + ": provider '" + Printable(od->provider_name, 40) +
                       "' is in neither the catalog nor the provider table, so its kind (hyperscaler, neocloud or "
                       "marketplace) is unknown: no offer added");
            return;
        }
        CloudOffer o;
        o.id = NewId(provider, gpu);
        o.name = CatalogText(std::string(known ? known->display : od->provider_name.c_str()) + " " + gpu, 200);
        o.gpu = gpu;
        o.kind = same_provider ? same_provider->kind : known->kind;
        o.vram_gb = model.first->vram_gb;
        o.speed = model.first->speed;
        int most = 1;
        for (const Row* r : rows)
            most = std::max({most, r->gpus, r->min_gpus});
        // A per-GPU-hour table names no instance sizes: as many GPUs as the catalog's offers of this GPU allow.
        if (options.format == PriceFormat::per_gpu_hour)
            most = std::max(most, model.first->max_gpus);
        o.max_gpus = std::min(most, 64);
        std::optional<Figure> on_demand;
        Update(o, &on_demand, PriceKind::on_demand, Make(od, PriceKind::on_demand));
        o.usd_per_gpu_hour = *on_demand;
        Update(o, &o.spot_usd_per_gpu_hour, PriceKind::spot, Make(SpotFor(od, rows), PriceKind::spot));
        // Disk prices: the provider's own, from its other offers, else the catalog's defaults (left unset).
        std::string storage_from, stopped_from;
        for (const CloudOffer& other : base.offers) {
            if (OfferProvider(other) != provider)
                continue;
            if (!o.storage_usd_per_gb_month && other.storage_usd_per_gb_month) {
                o.storage_usd_per_gb_month = other.storage_usd_per_gb_month;
                o.storage_usd_per_gb_month->history.clear();
                storage_from = other.id;
            }
            if (!o.stopped_volume_usd_per_gb_month && other.stopped_volume_usd_per_gb_month) {
                o.stopped_volume_usd_per_gb_month = other.stopped_volume_usd_per_gb_month;
                stopped_from = other.id;
            }
        }
        auto disk = [](const std::string& from, const char* what, const char* figure) {
            return from.empty() ? std::string(what) + " the catalog's default (" + figure + ")"
                                : std::string(what) + " " + from + "'s";
        };
        notes->Add("new offer " + o.id + ": memory and speed as " + model.first->id + "'s; " +
                   disk(storage_from, "storage price", "cloud.storage_usd_per_gb_month") + "; " +
                   disk(stopped_from, "stopped-disk price", "cloud.stopped_volume_usd_per_gb_month"));
        out->offers.push_back(std::move(o));
    }
};

// [SECTION] Diff and summary -----------------------------------------------------------------------------------------

std::string Signed(double pct)
{
    const std::string n = FormatFixed(std::fabs(pct), 1);
    return (pct > 0 ? "+" : pct < 0 && n != "0.0" ? "-" : "") + n + "%";
}

} // namespace

// [SECTION] Public API: DiffCatalogs, ImportSummary, ImportPrices ----------------------------------------------------

const char* PriceKindKey(PriceKind k) { return k == PriceKind::spot ? "spot" : "on-demand"; }

CatalogDiff DiffCatalogs(const Catalog& before, const Catalog& after)
{
    CatalogDiff d;
    std::map<std::string, const CloudOffer*> old_offers;
    std::set<std::string> new_ids;
    for (const CloudOffer& o : before.offers)
        old_offers.emplace(o.id, &o);
    for (const CloudOffer& o : after.offers)
        new_ids.insert(o.id);
    for (const CloudOffer& o : before.offers)
        if (!new_ids.count(o.id))
            d.removed.push_back(o.id);
    for (const CloudOffer& o : after.offers) {
        const auto it = old_offers.find(o.id);
        if (it == old_offers.end()) {
            d.added.push_back(o.id);
            continue;
        }
        auto compare = [&](PriceKind kind, const std::optional<Figure>& a, const std::optional<Figure>& b) {
            if (!a && !b)
                return;
            if (a && b && a->value == b->value && a->date == b->date)
                return;
            PriceChange c;
            c.offer_id = o.id;
            c.kind = kind;
            if (a) {
                c.before = a->value;
                c.before_date = a->date;
            }
            if (b) {
                c.after = b->value;
                c.after_date = b->date;
            }
            d.changes.push_back(std::move(c));
        };
        compare(PriceKind::on_demand, it->second->usd_per_gpu_hour, o.usd_per_gpu_hour);
        compare(PriceKind::spot, it->second->spot_usd_per_gpu_hour, o.spot_usd_per_gpu_hour);
    }
    return d;
}

std::string ImportSummary(const ImportResult& r)
{
    const CatalogDiff& d = r.diff;
    std::size_t moved = 0, redated = 0;
    for (const PriceChange& c : d.changes)
        (c.before && c.after && *c.before == *c.after ? redated : moved) += 1;
    std::string out;
    if (d.Empty())
        out = "No change: the catalog already holds these prices.\n";
    else
        out = "Offers added: " + std::to_string(d.added.size()) + ", removed: " + std::to_string(d.removed.size()) +
            "; prices changed: " + std::to_string(moved) +
            ", the same price at a newer date: " + std::to_string(redated) + ". Catalog as of " + r.catalog.as_of +
            ".\n";
    for (const std::string& id : d.added)
        for (const CloudOffer& o : r.catalog.offers)
            if (o.id == id)
                out += "  added " + id + " (" + o.name + "): on-demand " + Usd(o.usd_per_gpu_hour.value) +
                    " USD/GPU-h" +
                    (o.spot_usd_per_gpu_hour ? ", spot " + Usd(o.spot_usd_per_gpu_hour->value) + " USD/GPU-h" : "") +
                    ", " + o.usd_per_gpu_hour.date + "\n";
    for (const std::string& id : d.removed)
        out += "  removed " + id + "\n";
    for (const PriceChange& c : d.changes) {
        const std::string what = "  " + c.offer_id + " " + PriceKindKey(c.kind) + " ";
        if (c.before && c.after && *c.before == *c.after)
            out +=
                what + Usd(*c.after) + " USD/GPU-h, unchanged, dated " + c.before_date + " -> " + c.after_date + "\n";
        else if (c.before && c.after)
            out += what + Usd(*c.before) + " -> " + Usd(*c.after) + " USD/GPU-h" +
                (*c.before > 0 ? " (" + Signed((*c.after - *c.before) / *c.before * 100) + ")" : "") + ", " +
                c.after_date + "\n";
        else if (c.after)
            out += what + "new: " + Usd(*c.after) + " USD/GPU-h, " + c.after_date + "\n";
        else
            out += what + "gone (was " + Usd(*c.before) + " USD/GPU-h)\n";
    }
    if (!r.notes.empty()) {
        out += "Notes:\n";
        for (const std::string& n : r.notes)
            out += "  - " + n + "\n";
    }
    return out;
}

Expected<ImportResult> ImportPrices(const Catalog& base, const std::vector<PriceFile>& files,
                                    const ImportOptions& options)
{
    using Result = Expected<ImportResult>;
    if (files.empty())
        return Result::Fail("no price table to import");
    if (!options.as_of.empty() && !ParseSourceDate(options.as_of))
        return Result::Fail("--as-of must be a date YYYY-MM-DD, YYYY-MM or YYYY (got '" + Printable(options.as_of, 20) +
                            "')");
    std::map<std::string, CatalogGpu> catalog_gpus;
    for (const CloudOffer& o : base.offers)
        if (!catalog_gpus.count(o.gpu))
            catalog_gpus[o.gpu] = {o.vram_gb, &o};

    std::vector<prices::Row> rows;
    prices::Notes notes;
    if (const std::string error = prices::ReadTables(files, options, base, catalog_gpus, &rows, &notes); !error.empty())
        return Result::Fail(error);

    // Rows by provider and GPU, in the order they first appear.
    std::vector<std::pair<std::string, std::string>> order;
    std::map<std::pair<std::string, std::string>, std::vector<const Row*>> groups;
    for (const Row& r : rows) {
        const auto key = std::make_pair(r.provider, r.gpu);
        if (!groups.count(key))
            order.push_back(key);
        groups[key].push_back(&r);
    }
    Catalog out = base;
    Applier apply{base, files, options, &out, &notes, -1, "", false};
    for (const auto& key : order) {
        const auto& [provider, gpu] = key;
        std::vector<std::size_t> matches;
        for (std::size_t i = 0; i < base.offers.size(); ++i)
            if (OfferProvider(base.offers[i]) == provider && base.offers[i].gpu == gpu)
                matches.push_back(i);
        if (matches.size() > 1) {
            std::string ids;
            for (std::size_t i : matches)
                ids += (ids.empty() ? "" : ", ") + base.offers[i].id;
            notes.Add(Printable(provider, 40) + " " + gpu + ": the catalog has several offers of it (" + ids +
                      "): left unchanged, as the table cannot say which it prices");
        } else if (matches.size() == 1)
            apply.UpdateOffer(matches.front(), groups[key]);
        else if (options.add_offers)
            apply.AddOffer(provider, gpu, groups[key], catalog_gpus.at(gpu));
        else
            notes.Add(Printable(provider, 40) + " " + gpu +
                      ": not in the catalog, and only existing offers are updated");
    }
    if (!apply.changed)
        out = base;
    else if (Day(apply.newest_date) > Day(out.as_of))
        out.as_of = apply.newest_date;

    // What is written is what a reader gets: the catalog goes through its own writer and reader, so an import
    // can never produce a catalog the program would refuse.
    auto reread = ParseCatalog(CatalogToJson(out));
    if (!reread)
        return Result::Fail("the imported catalog breaks a catalog rule: " + reread.error);
    ImportResult result;
    result.diff = DiffCatalogs(base, *reread.value);
    result.catalog = std::move(*reread.value);
    result.notes = notes.Done();
    return Result::Ok(std::move(result));
}

} // namespace labcalc::core
