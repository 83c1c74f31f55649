// The price tables read (price_tables.hpp), and the public names of their formats (price_import.hpp).
// Sections (each opens with a "[SECTION]" line):
//   Text: trimming, keys, ASCII for the catalog, numbers and dates as the tables write them
//   Formats: their columns, telling them apart
//   Names: the GPU alias table, providers
//   Reading rows: one reader per format, each row made a per-GPU-hour price of a catalog GPU
//   Shared with the import, and the public API of the formats
#include "core/price_tables.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/csv.hpp"
#include "core/iso_date.hpp"
#include "core/load_inputs.hpp"
#include "core/text_format.hpp"

namespace labcalc::core {
namespace prices {
namespace {

// [SECTION] Text: trimming, keys, ASCII for the catalog, numbers and dates as the tables write them ------------------

std::string Trim(std::string_view s)
{
    const std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos)
        return "";
    const std::size_t b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

// Letters and digits only, in upper case: how names are compared ("H100 SXM", "h100-sxm" -> "H100SXM").
std::string Key(std::string_view s)
{
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// A price as the tables write it: "1.10", "$1.10", " 0.256800 "; "" (also "-", "N/A") is no price.
enum class Parsed { empty, ok, bad };
Parsed ParseAmount(std::string_view text, double* out)
{
    std::string t = Trim(text);
    if (!t.empty() && t[0] == '$')
        t = Trim(std::string_view(t).substr(1));
    if (t.empty() || t == "-" || Lower(t) == "n/a")
        return Parsed::empty;
    // Digits with at most one decimal point, and an exponent (as some writers put it): nothing else, so a
    // "1,5" or "12 USD" is refused rather than read as 1 or 12.
    std::size_t i = 0, digits = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])))
        ++i, ++digits;
    if (i < t.size() && t[i] == '.')
        for (++i; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i)
            ++digits;
    if (digits > 0 && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < t.size() && (t[j] == '+' || t[j] == '-'))
            ++j;
        const std::size_t start = j;
        while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j])))
            ++j;
        if (j > start)
            i = j;
    }
    if (digits == 0 || i != t.size() || t.size() > 40)
        return Parsed::bad;
    const double v = std::strtod(t.c_str(), nullptr);
    if (!std::isfinite(v))
        return Parsed::bad;
    *out = v;
    return Parsed::ok;
}

// A date as a row states it: YYYY-MM-DD (or the date part of a timestamp, 2026-09-25T06:00:00Z), YYYY-MM, YYYY.
std::optional<std::string> RowDate(std::string_view text)
{
    std::string t = Trim(text);
    if (t.size() > 10 && (t[10] == 'T' || t[10] == ' '))
        t.resize(10);
    if (!ParseSourceDate(t))
        return std::nullopt;
    return t;
}

// Per-GPU prices are kept to a millionth of a dollar: a division by 3 should not write 16 digits.
double RoundPrice(double v) { return std::round(v * 1e6) / 1e6; }

// [SECTION] Formats: their columns, telling them apart ---------------------------------------------------------------

struct FormatSpec {
    PriceFormat format;
    const char* key;
    const char* title;
    std::vector<const char*> detect;   // the columns that tell the format apart
    std::vector<const char*> required; // the columns the reader needs
};

const std::vector<FormatSpec>& Formats()
{
    static const std::vector<FormatSpec> formats = {
        {PriceFormat::skypilot,
         "skypilot",
         "a SkyPilot catalog table (vms.csv)",
         {"InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "SpotPrice"},
         {"InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "SpotPrice", "Region"}},
        {PriceFormat::fsdl,
         "fsdl",
         "the Full Stack Deep Learning cloud GPU table (cloud-gpus.csv)",
         {"Cloud", "GPU Type", "GPUs", "On-demand", "Spot"},
         {"Cloud", "GPU Type", "GPUs", "On-demand", "Per-GPU", "Spot"}},
        {PriceFormat::per_gpu_hour,
         "per-gpu-hour",
         "a per-GPU-hour table (provider, gpu_type, provisioning, usd_per_gpu_hour, ...)",
         {"provider", "gpu_type", "provisioning", "usd_per_gpu_hour"},
         {"provider", "gpu_type", "provisioning", "usd_per_gpu_hour"}},
    };
    return formats;
}

const FormatSpec& Spec(PriceFormat f)
{
    for (const FormatSpec& s : Formats())
        if (s.format == f)
            return s;
    return Formats().front();
}

// Column names as compared: trimmed, lower case ("GpuInfo" and "GPUInfo" are one column).
std::map<std::string, std::size_t> ColumnIndex(const CsvRecord& header)
{
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        index.emplace(Lower(Trim(header.fields[i])), i);
    return index;
}

std::optional<PriceFormat> FormatOfHeader(const CsvRecord& header)
{
    const auto index = ColumnIndex(header);
    for (const FormatSpec& s : Formats())
        if (std::all_of(s.detect.begin(), s.detect.end(), [&](const char* c) { return index.count(Lower(c)) > 0; }))
            return s.format;
    return std::nullopt;
}

// [SECTION] Names: the GPU alias table, providers --------------------------------------------------------------------

// Providers whose kind is known (the catalog's offers name the others' kind themselves). A provider in none
// of the two is reported, not guessed: its kind decides which data the model may send to it.
const std::vector<KnownProvider>& KnownProviders()
{
    static const std::vector<KnownProvider> table = {
        {"aws", "AWS", ProviderKind::hyperscaler, {"AWS", "Amazon", "Amazon Web Services", "EC2"}},
        {"gcp", "GCP", ProviderKind::hyperscaler, {"GCP", "Google", "Google Cloud", "Google Cloud Platform"}},
        {"azure", "Azure", ProviderKind::hyperscaler, {"Azure", "Microsoft Azure"}},
        {"oci", "Oracle Cloud", ProviderKind::hyperscaler, {"OCI", "Oracle", "Oracle Cloud"}},
        {"lambda", "Lambda", ProviderKind::neocloud, {"Lambda", "Lambda Labs", "Lambda Cloud"}},
        {"runpod", "RunPod", ProviderKind::neocloud, {"RunPod"}},
        {"nebius", "Nebius", ProviderKind::neocloud, {"Nebius"}},
        {"coreweave", "CoreWeave", ProviderKind::neocloud, {"CoreWeave"}},
        {"paperspace", "Paperspace", ProviderKind::neocloud, {"Paperspace"}},
        {"fluidstack", "FluidStack", ProviderKind::neocloud, {"FluidStack"}},
        {"datacrunch", "DataCrunch", ProviderKind::neocloud, {"DataCrunch"}},
        {"jarvislabs", "Jarvislabs", ProviderKind::neocloud, {"Jarvislabs", "JarvisLabs.ai"}},
        {"vast", "Vast.ai", ProviderKind::marketplace, {"Vast", "Vast.ai", "VastAI"}},
    };
    return table;
}

// The id a provider's offers start with: its table id when the name is known, else the name's letters and
// digits in lower case ("Cudo Compute" -> cudocompute).
std::string ProviderId(std::string_view name)
{
    const std::string key = Key(name);
    for (const KnownProvider& p : KnownProviders())
        for (const char* n : p.names)
            if (key == Key(n))
                return p.id;
    return Lower(key);
}

// The name as a catalog GPU name, and the memory the name states: "A100 (80 GB)", "H100-80GB", "A100-80GB",
// "RTX4090-24GB" -> (A100 | H100 | RTX4090, 80 | 24 GB). The memory must end the name.
struct GpuName {
    std::string key; // Key() of the name without its memory
    std::optional<double> memory_gb;
};

GpuName ReadGpuName(std::string_view raw)
{
    std::string up;
    for (char c : Trim(raw))
        up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto separator = [](char c) { return c == ' ' || c == '(' || c == '-' || c == '_'; };
    while (!up.empty() && (up.back() == ' ' || up.back() == ')'))
        up.pop_back();
    GpuName out;
    for (const std::string unit : {"GIB", "GB"}) {
        if (up.size() <= unit.size() || up.compare(up.size() - unit.size(), unit.size(), unit) != 0)
            continue;
        std::string rest = up.substr(0, up.size() - unit.size());
        while (!rest.empty() && rest.back() == ' ')
            rest.pop_back();
        std::size_t i = rest.size();
        while (i > 0 && std::isdigit(static_cast<unsigned char>(rest[i - 1])))
            --i;
        // Digits that follow a name and a separator: "A100 (80", "H100-80"; not the "4090" of "RTX4090GB".
        if (i > 0 && i < rest.size() && rest.size() - i <= 4 && separator(rest[i - 1])) {
            out.memory_gb = std::atof(rest.c_str() + i);
            rest.resize(i);
            while (!rest.empty() && separator(rest.back()))
                rest.pop_back();
            up = rest;
        }
        break;
    }
    out.key = Key(up);
    for (const std::string prefix : {"NVIDIA", "TESLA", "GEFORCE"})
        if (out.key.size() > prefix.size() && out.key.compare(0, prefix.size(), prefix) == 0)
            out.key = out.key.substr(prefix.size());
    return out;
}

struct GpuMatch {
    std::string gpu;     // the catalog GPU name; "" when the row is left out
    std::string problem; // why it is left out (a note; the same words for every row of the same name)
};

// `memory_gb`: what the row says one GPU holds, possibly in more than one reading (SkyPilot's GpuInfo counts
// one card in some tables and all of them in others); empty when it says nothing. A memory in the name itself
// ("A100-80GB") is the one reading.
GpuMatch ResolveGpu(std::string_view raw, std::vector<double> memory_gb,
                    const std::map<std::string, CatalogGpu>& catalog_gpus)
{
    const GpuName name = ReadGpuName(raw);
    if (name.memory_gb)
        memory_gb = {*name.memory_gb};
    const std::string shown = "GPU '" + Printable(Trim(raw), 40) + "'";
    std::vector<std::string> candidates;
    for (const GpuAlias& a : GpuAliases())
        if (Key(a.name) == name.key)
            for (const char* g : a.catalog_gpus)
                candidates.push_back(g);
    // The catalog's own names are names too ("A100 40GB" reads as A100 with 40 GB).
    for (const auto& entry : catalog_gpus)
        if (Key(entry.first) == name.key &&
            std::find(candidates.begin(), candidates.end(), entry.first) == candidates.end())
            candidates.push_back(entry.first);
    if (candidates.empty())
        return {"", shown + " is not in the alias table"};
    std::vector<std::string> in_catalog;
    for (const std::string& c : candidates)
        if (catalog_gpus.count(c))
            in_catalog.push_back(c);
    if (in_catalog.empty())
        return {"",
                shown + " (" + candidates.front() + "): no catalog offer has it, to take its memory and speed from"};
    std::vector<std::string> fits;
    for (const std::string& c : in_catalog) {
        const double vram = catalog_gpus.at(c).vram_gb;
        // 15%: tables count GiB or GB, and a card's usable memory is a little under its nominal size.
        const bool fit = memory_gb.empty() || std::any_of(memory_gb.begin(), memory_gb.end(), [&](double m) {
                             return std::fabs(m - vram) <= 0.15 * vram;
                         });
        if (fit)
            fits.push_back(c);
    }
    // "80 or 40 GB": each reading once.
    std::string said;
    for (double m : memory_gb) {
        const std::string gb = FormatNumber(std::round(m));
        if (("/" + said + "/").find("/" + gb + "/") == std::string::npos)
            said += (said.empty() ? "" : "/") + gb;
    }
    for (std::size_t at; (at = said.find('/')) != std::string::npos;)
        said.replace(at, 1, " or ");
    said += " GB";
    if (fits.empty()) {
        std::string have;
        for (const std::string& c : in_catalog)
            have += (have.empty() ? "" : ", ") + c + " has " + FormatNumber(catalog_gpus.at(c).vram_gb) + " GB";
        return {"", shown + " with " + said + ": the catalog's " + have};
    }
    if (fits.size() > 1) {
        std::string which;
        for (std::size_t i = 0; i < fits.size(); ++i)
            which += (i ? (i + 1 == fits.size() ? " or " : ", ") : "") + fits[i];
        return {"",
                shown + (memory_gb.empty() ? " without a memory size" : " with " + said) + ": it could be " + which};
    }
    return {fits.front(), ""};
}

// [SECTION] Reading rows: one reader per format, each row made a per-GPU-hour price of a catalog GPU -----------------

// One table being read: its columns by name, and messages that point at a field.
class Table {
public:
    Table(const PriceFile& f, CsvTable csv) : file_(f), csv_(std::move(csv)), index_(ColumnIndex(csv_.header)) { }

    const std::vector<CsvRecord>& Records() const { return csv_.records; }
    std::optional<std::size_t> Col(const char* name) const
    {
        const auto it = index_.find(Lower(name));
        return it == index_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
    std::string Field(const CsvRecord& r, std::optional<std::size_t> col) const
    {
        return col ? Trim(r.fields[*col]) : std::string();
    }
    std::string At(const CsvRecord& r, std::size_t col) const
    {
        return Printable(file_.name, 200) + ": line " + std::to_string(r.lines[col]) + ", column " +
            std::to_string(r.columns[col]) + " (" + Printable(Trim(csv_.header.fields[col]), 40) + "): ";
    }
    // A price field: nullopt for none; an error for text that is not a price.
    Expected<std::optional<double>> Amount(const CsvRecord& r, std::optional<std::size_t> col) const
    {
        double v = 0;
        if (!col)
            return Expected<std::optional<double>>::Ok(std::nullopt);
        switch (ParseAmount(r.fields[*col], &v)) {
        case Parsed::empty: return Expected<std::optional<double>>::Ok(std::nullopt);
        case Parsed::ok: return Expected<std::optional<double>>::Ok(v);
        case Parsed::bad: break;
        }
        return Expected<std::optional<double>>::Fail(At(r, *col) + "'" + Printable(Trim(r.fields[*col]), 40) +
                                                     "' is not a price (a number such as 1.10 or $1.10)");
    }
    // A count of GPUs: a number above 0 (SkyPilot writes 8.0; AWS sells eighths of a GPU as 0.125).
    Expected<double> Count(const CsvRecord& r, std::size_t col) const
    {
        double v = 0;
        if (ParseAmount(r.fields[col], &v) != Parsed::ok || v <= 0 || v > 1024 ||
            Trim(r.fields[col]).find('$') != std::string::npos)
            return Expected<double>::Fail(At(r, col) + "'" + Printable(Trim(r.fields[col]), 40) +
                                          "' is not a number of GPUs");
        return Expected<double>::Ok(v);
    }

private:
    const PriceFile& file_;
    CsvTable csv_;
    std::map<std::string, std::size_t> index_;
};

struct ReadContext {
    const std::vector<PriceFile>& files;
    const ImportOptions& options;
    const Catalog& base;
    const std::map<std::string, CatalogGpu>& catalog_gpus;
    std::vector<Row>* rows;
    Notes* notes;
};

// The date of a file's prices where a row gives none: --as-of.
Expected<std::string> FileDate(const PriceFile& f, const ImportOptions& o)
{
    if (!o.as_of.empty())
        return Expected<std::string>::Ok(o.as_of);
    return Expected<std::string>::Fail(Printable(f.name, 200) +
                                       ": the table states no date for its prices: pass --as-of DATE (the day it "
                                       "was published, YYYY-MM-DD)");
}

// The folder a path names its file in ("catalogs/v8/aws/vms.csv" -> "aws"), "" when none.
std::string ParentFolder(std::string_view path)
{
    const std::size_t slash = path.find_last_of("/\\");
    if (slash == std::string_view::npos)
        return "";
    const std::string_view dir = path.substr(0, slash);
    const std::size_t before = dir.find_last_of("/\\");
    const std::string folder(before == std::string_view::npos ? dir : dir.substr(before + 1));
    return folder == "." || folder == ".." ? "" : folder;
}

// A number SkyPilot's GpuInfo field gives after `key` ("... 'SizeInMiB': 24564}"), in MiB.
std::optional<double> InfoNumber(const std::string& info, const std::string& key)
{
    const std::size_t at = info.find(key);
    if (at == std::string::npos)
        return std::nullopt;
    std::size_t i = info.find_first_not_of("'\": ", at + key.size());
    double v = 0;
    for (; i < info.size() && std::isdigit(static_cast<unsigned char>(info[i])); ++i)
        v = v * 10 + (info[i] - '0');
    return v > 0 ? std::optional<double>(v) : std::nullopt;
}

// What one GPU of a SkyPilot row holds, in GB: its GpuInfo gives SizeInMiB and TotalGpuMemoryInMiB, which
// some tables write per card (AWS's size, Lambda's both) and others for all the instance's cards (Vast's
// both), so each is read both ways and a catalog GPU matches when one reading fits.
std::vector<double> SkyPilotMemory(const std::string& info, double count)
{
    std::vector<double> out;
    for (const char* key : {"SizeInMiB", "TotalGpuMemoryInMiB"})
        if (const std::optional<double> mib = InfoNumber(info, key))
            for (double gb : {*mib / 1024, *mib / 1024 / count})
                if (std::find(out.begin(), out.end(), gb) == out.end())
                    out.push_back(gb);
    return out;
}

// SkyPilot names an H100 PCIe or NVL card "H100" like the SXM one; its instance type tells them apart.
std::string SkyPilotGpuName(const std::string& accelerator, const std::string& instance)
{
    const std::string k = Key(instance);
    if (k.find("PCIE") != std::string::npos && Key(accelerator).find("PCIE") == std::string::npos)
        return accelerator + " PCIe";
    if (k.find("NVL") != std::string::npos && Key(accelerator).find("NVL") == std::string::npos)
        return accelerator + " NVL";
    return accelerator;
}

bool Whole(double v) { return v >= 1 && v == std::floor(v); }

// A row of any format: where it is, whose price, for which catalog GPU and instance.
Row NewRow(std::size_t file, std::size_t line, std::string provider, std::string provider_name, std::string gpu,
           std::string instance)
{
    Row row;
    row.file = file;
    row.line = line;
    row.provider = std::move(provider);
    row.provider_name = std::move(provider_name);
    row.gpu = std::move(gpu);
    row.instance = std::move(instance);
    return row;
}

std::string ReadSkyPilot(const ReadContext& cx, std::size_t fi, const Table& t)
{
    const PriceFile& f = cx.files[fi];
    const std::string provider_name = f.provider.empty() ? ParentFolder(f.name) : f.provider;
    const std::string provider = ProviderId(provider_name);
    // A folder name is taken for a cloud only when it is one labcalc knows (a catalog offer's or the provider
    // table's): a table saved in a folder of another name must say its cloud.
    const bool known = FindProvider(provider) ||
        std::any_of(cx.base.offers.begin(), cx.base.offers.end(),
                    [&](const CloudOffer& o) { return OfferProvider(o) == provider; });
    if (provider.empty() || (f.provider.empty() && !known))
        return Printable(f.name, 200) + ": say which cloud this SkyPilot table is for: pass --provider NAME (the " +
            "table has no column for it; it is read from the file's folder, as catalogs/v8/aws/vms.csv is aws, " +
            (provider.empty() ? std::string("when the path has one)")
                              : "and the folder '" + Printable(provider_name, 40) + "' names no cloud labcalc knows)");
    auto date = FileDate(f, cx.options);
    if (!date)
        return date.error;
    const std::string file = provider + "/" + FileNameOf(f.name); // as sources name it: aws/vms.csv
    const auto instance = t.Col("InstanceType"), accelerator = t.Col("AcceleratorName"),
               count = t.Col("AcceleratorCount"), price = t.Col("Price"), spot = t.Col("SpotPrice"),
               region = t.Col("Region"), zone = t.Col("AvailabilityZone"), info = t.Col("GpuInfo");
    for (const CsvRecord& r : t.Records()) {
        const std::string gpu_name = t.Field(r, accelerator);
        if (gpu_name.empty())
            continue; // a machine without a GPU
        auto n = t.Count(r, *count);
        auto od = t.Amount(r, price);
        auto sp = t.Amount(r, spot);
        if (!n || !od || !sp)
            return !n ? n.error : !od ? od.error : sp.error;
        if (t.Field(r, instance).empty()) {
            cx.notes->Skip(file, r.line,
                           "a GPU priced without the machine it runs in (SkyPilot lists GCP's GPUs apart from "
                           "their machines)");
            continue;
        }
        if (!Whole(*n.value)) {
            cx.notes->Skip(file, r.line, "instances with a fraction of a GPU");
            continue;
        }
        const GpuMatch m = ResolveGpu(SkyPilotGpuName(gpu_name, t.Field(r, instance)),
                                      SkyPilotMemory(t.Field(r, info), *n.value), cx.catalog_gpus);
        if (m.gpu.empty()) {
            cx.notes->Skip(file, r.line, m.problem);
            continue;
        }
        // SkyPilot writes 0.00 for a price it does not have (Vast's spot column).
        const double od_v = od.value->value_or(0), sp_v = sp.value->value_or(0);
        if (!(od_v > 0) && !(sp_v > 0)) {
            cx.notes->Skip(file, r.line, "no price");
            continue;
        }
        Row row = NewRow(fi, r.line, provider, provider_name, m.gpu, t.Field(r, instance));
        row.region = t.Field(r, region);
        if (!t.Field(r, zone).empty() && row.region.empty())
            row.region = t.Field(r, zone);
        row.gpus = static_cast<int>(*n.value);
        if (od_v > 0) {
            row.on_demand = RoundPrice(od_v / row.gpus);
            row.on_demand_instance = od_v;
        }
        if (sp_v > 0) {
            row.spot = RoundPrice(sp_v / row.gpus);
            row.spot_instance = sp_v;
        }
        row.date = *date.value;
        cx.rows->push_back(std::move(row));
    }
    return "";
}

std::string ReadFsdl(const ReadContext& cx, std::size_t fi, const Table& t)
{
    const PriceFile& f = cx.files[fi];
    auto date = FileDate(f, cx.options);
    if (!date)
        return date.error;
    const std::string file = FileNameOf(f.name);
    const auto cloud = t.Col("Cloud"), type = t.Col("GPU Type"), gpus = t.Col("GPUs"), on_demand = t.Col("On-demand"),
               per_gpu = t.Col("Per-GPU"), spot = t.Col("Spot"), name = t.Col("Name");
    for (const CsvRecord& r : t.Records()) {
        const std::string provider_name = t.Field(r, cloud), gpu_name = t.Field(r, type);
        if (provider_name.empty() || gpu_name.empty()) {
            cx.notes->Skip(file, r.line, "no cloud or no GPU type named");
            continue;
        }
        auto n = t.Count(r, *gpus);
        if (n && !Whole(*n.value))
            n = Expected<double>::Fail(t.At(r, *gpus) + "'" + Printable(t.Field(r, gpus), 40) +
                                       "' is not a whole number of GPUs");
        auto od = t.Amount(r, on_demand);
        auto pg = t.Amount(r, per_gpu);
        auto sp = t.Amount(r, spot);
        if (!n || !od || !pg || !sp)
            return !n ? n.error : !od ? od.error : !pg ? pg.error : sp.error;
        const GpuMatch m = ResolveGpu(gpu_name, {}, cx.catalog_gpus);
        if (m.gpu.empty()) {
            cx.notes->Skip(file, r.line, m.problem);
            continue;
        }
        Row row = NewRow(fi, r.line, ProviderId(provider_name), provider_name, m.gpu, t.Field(r, name));
        row.gpus = static_cast<int>(*n.value);
        // The instance's price over its GPUs; the table's own Per-GPU column only when it gives no instance price
        // (its Per-GPU figures do not always equal On-demand / GPUs).
        if (*od.value && **od.value > 0) {
            row.on_demand = RoundPrice(**od.value / row.gpus);
            if (row.gpus > 1)
                row.on_demand_instance = **od.value;
        } else if (*pg.value && **pg.value > 0)
            row.on_demand = RoundPrice(**pg.value);
        if (*sp.value && **sp.value > 0) {
            row.spot = RoundPrice(**sp.value / row.gpus);
            if (row.gpus > 1)
                row.spot_instance = **sp.value;
        }
        if (!row.on_demand && !row.spot) {
            cx.notes->Skip(file, r.line, "no price");
            continue;
        }
        if (row.provider.empty()) {
            cx.notes->Skip(file, r.line, "cloud '" + Printable(provider_name, 40) + "' has no letters or digits");
            continue;
        }
        row.date = *date.value;
        cx.rows->push_back(std::move(row));
    }
    return "";
}

enum class Provisioning { on_demand, spot, committed, unknown };
Provisioning ReadProvisioning(const std::string& text)
{
    const std::string k = Key(text);
    if (k == "ONDEMAND")
        return Provisioning::on_demand;
    if (k == "SPOT" || k == "PREEMPTIBLE" || k == "INTERRUPTIBLE")
        return Provisioning::spot;
    if (k == "RESERVED" || k == "COMMITTED" || k == "COMMITMENT" || k == "COMMIT" || k.rfind("RESERVED", 0) == 0 ||
        k.rfind("COMMITTED", 0) == 0)
        return Provisioning::committed;
    return Provisioning::unknown;
}

std::string ReadPerGpuHour(const ReadContext& cx, std::size_t fi, const Table& t)
{
    const PriceFile& f = cx.files[fi];
    const std::string file = FileNameOf(f.name);
    const auto provider = t.Col("provider"), type = t.Col("gpu_type"), provisioning = t.Col("provisioning"),
               price = t.Col("usd_per_gpu_hour"), min_gpus = t.Col("min_gpus"), product = t.Col("product"),
               source = t.Col("source"), checked = t.Col("checked_at"), notes = t.Col("notes");
    if (!checked && cx.options.as_of.empty())
        return FileDate(f, cx.options).error;
    for (const CsvRecord& r : t.Records()) {
        const std::string provider_name = t.Field(r, provider), gpu_name = t.Field(r, type);
        auto amount = t.Amount(r, price);
        if (!amount)
            return amount.error;
        std::string date = cx.options.as_of;
        if (checked && !t.Field(r, checked).empty()) {
            const std::optional<std::string> d = RowDate(r.fields[*checked]);
            if (!d)
                return t.At(r, *checked) + "'" + Printable(t.Field(r, checked), 40) +
                    "' is not a date (YYYY-MM-DD, or a timestamp that starts with one)";
            date = *d;
        } else if (date.empty())
            return t.At(r, *checked) + "no date, and no --as-of date was given for rows without one";
        int least = 1;
        if (min_gpus && !t.Field(r, min_gpus).empty()) {
            auto n = t.Count(r, *min_gpus);
            if (!n || !Whole(*n.value))
                return t.At(r, *min_gpus) + "'" + Printable(t.Field(r, min_gpus), 40) +
                    "' is not a whole number of GPUs";
            least = static_cast<int>(*n.value);
        }
        if (provider_name.empty() || gpu_name.empty() || Key(provider_name).empty()) {
            cx.notes->Skip(file, r.line, "no provider or no GPU type named");
            continue;
        }
        const Provisioning kind = ReadProvisioning(t.Field(r, provisioning));
        if (kind == Provisioning::committed) {
            // Kept apart: a reserved or committed price is never an on-demand one, and the model prices on
            // demand and spot only.
            cx.notes->Skip(file, r.line,
                           Printable(provider_name, 30) + " " + Printable(gpu_name, 30) + " at " +
                               (*amount.value ? Usd(**amount.value) + " USD/GPU-h" : std::string("no price")) + ", " +
                               Lower(Printable(t.Field(r, provisioning), 30)) +
                               " (labcalc models on-demand and spot prices, and a commitment price never takes "
                               "their place)");
            continue;
        }
        if (kind == Provisioning::unknown) {
            cx.notes->Skip(file, r.line,
                           "provisioning '" + Printable(t.Field(r, provisioning), 30) +
                               "' (known: on_demand, spot, reserved, committed)");
            continue;
        }
        const GpuMatch m = ResolveGpu(gpu_name, {}, cx.catalog_gpus);
        if (m.gpu.empty()) {
            cx.notes->Skip(file, r.line, m.problem);
            continue;
        }
        if (!*amount.value || !(**amount.value > 0)) {
            cx.notes->Skip(file, r.line, "no price");
            continue;
        }
        Row row = NewRow(fi, r.line, ProviderId(provider_name), provider_name, m.gpu, t.Field(r, product));
        row.min_gpus = least;
        (kind == Provisioning::spot ? row.spot : row.on_demand) = RoundPrice(**amount.value);
        row.date = date;
        const std::string origin = t.Field(r, source), remark = t.Field(r, notes);
        row.origin = (origin.empty() ? "" : ", from " + origin) + (remark.empty() ? "" : "; " + remark);
        cx.rows->push_back(std::move(row));
    }
    return "";
}

} // namespace

// [SECTION] Shared with the import, and the public API of the formats ------------------------------------------------

std::string ReadTables(const std::vector<PriceFile>& files, const ImportOptions& options, const Catalog& base,
                       const std::map<std::string, CatalogGpu>& catalog_gpus, std::vector<Row>* rows, Notes* notes)
{
    const ReadContext cx{files, options, base, catalog_gpus, rows, notes};
    const FormatSpec& want = Spec(options.format);
    for (std::size_t fi = 0; fi < files.size(); ++fi) {
        const PriceFile& f = files[fi];
        auto csv = ParseCsv(f.text, f.name);
        if (!csv)
            return csv.error;
        const std::string where = Printable(f.name, 200) + ": line " + std::to_string(csv.value->header.line) + ": ";
        const std::optional<PriceFormat> seen = FormatOfHeader(csv.value->header);
        if (seen && *seen != options.format)
            return where + "this looks like " + PriceFormatTitle(*seen) + ", not " + want.title + " (--format " +
                PriceFormatKey(*seen) + ")";
        const auto index = ColumnIndex(csv.value->header);
        for (const char* column : want.required)
            if (!index.count(Lower(column))) {
                std::string names;
                for (const char* c : want.required)
                    names += (names.empty() ? "" : ", ") + std::string(c);
                return where +
                    (seen ? "no '" + std::string(column) + "' column" : "the header row is none of the price formats") +
                    " (" + want.title + " has the columns " + names + ")";
            }
        const Table table(f, std::move(*csv.value));
        std::string error;
        switch (options.format) {
        case PriceFormat::skypilot: error = ReadSkyPilot(cx, fi, table); break;
        case PriceFormat::fsdl: error = ReadFsdl(cx, fi, table); break;
        case PriceFormat::per_gpu_hour: error = ReadPerGpuHour(cx, fi, table); break;
        }
        if (!error.empty())
            return error;
    }
    return "";
}

std::string SourceOf(const Row& row, const PriceFile& f, PriceFormat format, PriceKind kind)
{
    const bool spot = kind == PriceKind::spot;
    const std::optional<double> instance = spot ? row.spot_instance : row.on_demand_instance;
    const std::string per_gpu = instance && row.gpus > 1
        ? ", " + FormatNumber(*instance) + " USD/h for " + std::to_string(row.gpus) + " GPUs"
        : "";
    const std::string how = spot ? "spot" : "on demand";
    const std::string file = FileNameOf(f.name);
    switch (format) {
    case PriceFormat::skypilot:
        return CatalogText("SkyPilot catalog (skypilot-org/skypilot-catalog) " + row.provider + "/" + file + ": " +
                           row.instance + (row.region.empty() ? "" : ", " + row.region) + ", " + how + per_gpu);
    case PriceFormat::fsdl:
        return CatalogText("Full Stack Deep Learning cloud GPU table (the-full-stack/the-full-stack-website) " + file +
                           ": " + row.provider_name + " " + (row.instance.empty() ? row.gpu : row.instance) + ", " +
                           how + per_gpu);
    case PriceFormat::per_gpu_hour:
        return CatalogText(file + " (per-GPU-hour table): " + row.provider_name + " " +
                           (row.instance.empty() ? row.gpu : row.instance) + ", " + how +
                           (row.min_gpus > 1 ? ", at least " + std::to_string(row.min_gpus) + " GPUs" : "") +
                           row.origin);
    }
    return "";
}

const KnownProvider* FindProvider(std::string_view id)
{
    for (const KnownProvider& p : KnownProviders())
        if (id == p.id)
            return &p;
    return nullptr;
}

std::string OfferProvider(const CloudOffer& o) { return Lower(o.id.substr(0, o.id.find('-'))); }

std::string CatalogText(std::string_view s, std::size_t max_chars)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            out += '?';
            while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80)
                ++i;
        } else
            out += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
    }
    if (out.size() > max_chars)
        out = out.substr(0, max_chars - 3) + "...";
    return out;
}

std::string Lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

long Day(const std::string& date) { return ParseSourceDate(date).value_or(0); }

std::string Usd(double v)
{
    // At least three decimals ("1.100"), all of them when there are more ("0.706832").
    const std::string shortest = FormatNumber(v), fixed = FormatFixed(v, 3);
    return shortest.size() > fixed.size() ? shortest : fixed;
}

} // namespace prices

using namespace prices;

const char* PriceFormatKey(PriceFormat f) { return Spec(f).key; }
const char* PriceFormatTitle(PriceFormat f) { return Spec(f).title; }

std::optional<PriceFormat> PriceFormatFromKey(std::string_view key)
{
    for (const FormatSpec& s : Formats())
        if (key == s.key)
            return s.format;
    return std::nullopt;
}

std::optional<PriceFormat> DetectPriceFormat(std::string_view text)
{
    auto header = ParseCsvHeader(text, "");
    return header ? FormatOfHeader(*header.value) : std::nullopt;
}

const std::vector<GpuAlias>& GpuAliases()
{
    // SkyPilot writes A100 for the 40 GB card and A100-80GB for the other, but its Vast table writes A100 for
    // both: the memory decides. H100 PCIe and H100 NVL are other cards than the catalog's H100 (SXM, 80 GB),
    // and A10 another than A10G: they stay out until the catalog has offers of them.
    static const std::vector<GpuAlias> table = {
        {"T4", {"T4"}},
        {"A10G", {"A10G"}},
        {"L4", {"L4"}},
        {"A100", {"A100 40GB", "A100 80GB"}},
        {"A100 SXM", {"A100 40GB", "A100 80GB"}},
        {"A100 SXM4", {"A100 40GB", "A100 80GB"}},
        {"A100 PCIe", {"A100 40GB", "A100 80GB"}},
        {"H100", {"H100"}},
        {"H100 SXM", {"H100"}},
        {"H100 SXM5", {"H100"}},
        {"H100 HGX", {"H100"}},
        {"H100 MEGA", {"H100"}},
        {"RTX 3090", {"RTX 3090"}},
        {"RTX 4090", {"RTX 4090"}},
        {"RTX 5090", {"RTX 5090"}},
    };
    return table;
}

} // namespace labcalc::core
