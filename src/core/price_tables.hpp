#pragma once
// Inside the core: the price tables read into rows for the import (price_import.cpp): the formats and their
// columns, the GPU alias table, the provider table and one reader per format. Faces call price_import.hpp.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/price_import.hpp"

namespace labcalc::core::prices {

// One price row of a table, read: a per-GPU-hour price of one of the catalog's GPUs.
struct Row {
    std::size_t file = 0, line = 0;
    std::string provider;      // ProviderId
    std::string provider_name; // as the table writes it
    std::string gpu;           // catalog GPU name
    std::string instance;      // instance type, or the table's product name ("" none)
    std::string region;
    int gpus = 1;                          // GPUs in the instance the price is for
    int min_gpus = 1;                      // per-GPU-hour tables: the fewest GPUs one rents at this price
    std::optional<double> on_demand, spot; // USD per GPU-hour
    std::optional<double> on_demand_instance, spot_instance; // USD per instance-hour, when it holds several GPUs
    std::string date;
    std::string origin; // per-GPU-hour tables: the row's own source and notes
};

// Notes about rows left out: one per file and reason, counting the rows.
class Notes {
public:
    void Skip(const std::string& file, std::size_t line, const std::string& what)
    {
        const std::string key = file + "\n" + what;
        auto it = index_.find(key);
        if (it == index_.end()) {
            index_.emplace(key, items_.size());
            items_.push_back({file, what, line, 1});
        } else
            ++items_[it->second].count;
    }
    void Add(const std::string& sentence) { items_.push_back({"", sentence, 0, 0}); }
    std::vector<std::string> Done() const
    {
        std::vector<std::string> out;
        for (const Item& i : items_) {
            if (i.count == 0)
                out.push_back(i.what);
            else if (i.count == 1)
                out.push_back(i.file + " line " + std::to_string(i.line) + ": " + i.what + ": left out");
            else
                out.push_back(i.file + ": " + i.what + " (" + std::to_string(i.count) + " rows, the first on line " +
                              std::to_string(i.line) + "): left out");
        }
        return out;
    }

private:
    struct Item {
        std::string file, what;
        std::size_t line = 0, count = 0;
    };
    std::vector<Item> items_;
    std::map<std::string, std::size_t> index_;
};

// A GPU the catalog's offers name: its memory and speed come from them.
struct CatalogGpu {
    double vram_gb = 0;
    const CloudOffer* first = nullptr; // the first offer of it, the model for new offers
};

// Reads every file in `options.format` into rows of the GPUs of `base`'s offers (catalog_gpus); rows left out go
// to `notes`. "" or the first problem, naming the file (and the line and column where it has them).
[[nodiscard]] std::string ReadTables(const std::vector<PriceFile>& files, const ImportOptions& options,
                                     const Catalog& base, const std::map<std::string, CatalogGpu>& catalog_gpus,
                                     std::vector<Row>* rows, Notes* notes);

// Where a row's price comes from, as the catalog's `source` says it.
std::string SourceOf(const Row& row, const PriceFile& f, PriceFormat format, PriceKind kind);

// A provider the table of known providers (price_tables.cpp) names, with the kind of provider it is.
struct KnownProvider {
    const char* id;      // the first part of its offers' ids ("aws" in aws-g5-a10g)
    const char* display; // in a new offer's name
    ProviderKind kind;
    std::vector<const char*> names; // how tables write it (compared as Key())
};
const KnownProvider* FindProvider(std::string_view id);
// An offer's provider: the first part of its id, up to the first '-' (aws-g5-a10g -> aws).
std::string OfferProvider(const CloudOffer& o);

// Text from a table put into the catalog: one line of ASCII (the page's font and the catalog's own test hold
// ASCII only): each UTF-8 character outside it becomes one '?', control characters become spaces; at most
// max_chars (then "...").
std::string CatalogText(std::string_view s, std::size_t max_chars = 500);
std::string Lower(std::string_view s);
// Days since 1970 of a date the reader has checked (ParseSourceDate).
long Day(const std::string& date);
// A price for people: at least three decimals ("1.100"), all of them when there are more ("0.706832").
std::string Usd(double v);

} // namespace labcalc::core::prices
