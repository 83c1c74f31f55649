#include "cli/cli_args.hpp"

#include <algorithm>
#include <cmath>

#include "core/iso_date.hpp"
#include "core/price_import.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"
#include "core/uncertainty.hpp"

namespace labcalc::cli {

using core::Expected;

namespace {

// The value after `flag` at argv[i + 1] (i moves past it), or why there is none. An empty value (a script's
// unset variable) is a mistake, never "use the default".
std::string ValueOf(const std::vector<std::string>& argv, std::size_t& i, const std::string& flag, std::string* out)
{
    if (i + 1 >= argv.size())
        return flag + " needs a value";
    *out = argv[++i];
    if (out->empty())
        return flag + " needs a value (got an empty one)";
    return "";
}

// `catalog import` and its options (argv[0] is "catalog").
Expected<Args> ParseImportArgs(const std::vector<std::string>& argv)
{
    Args a;
    ImportArgs im;
    if (argv.size() < 2 || argv[1] != "import")
        return Expected<Args>::Fail("catalog: the command is 'labcalc catalog import' (labcalc catalog import "
                                    "--help lists its options)");
    auto value_of = [&](std::size_t& i, const std::string& flag, std::string* out) {
        return ValueOf(argv, i, flag, out);
    };
    for (std::size_t i = 2; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        std::string err;
        if (arg == "--help" || arg == "-h")
            im.help = true;
        else if (arg == "--format") {
            err = value_of(i, arg, &im.format);
            if (err.empty() && !core::PriceFormatFromKey(im.format))
                err = "--format must be one of skypilot, fsdl, per-gpu-hour (got '" + core::Printable(im.format, 20) +
                    "')";
        } else if (arg == "--into")
            err = value_of(i, arg, &im.into);
        else if (arg == "--catalog")
            err = value_of(i, arg, &im.catalog_path);
        else if (arg == "--as-of") {
            err = value_of(i, arg, &im.as_of);
            if (err.empty() && !core::ParseSourceDate(im.as_of))
                err =
                    "--as-of must be a date YYYY-MM-DD, YYYY-MM or YYYY (got '" + core::Printable(im.as_of, 20) + "')";
        } else if (arg == "--provider")
            err = value_of(i, arg, &im.provider);
        else if (arg == "--update-only")
            im.update_only = true;
        else if (arg.size() > 1 && arg[0] == '-' && arg != "-")
            err = "unknown argument '" + core::Printable(arg) + "' (labcalc catalog import --help lists the options)";
        else if (arg.empty())
            err = "a price table's file name is empty";
        else
            im.files.push_back(arg);
        if (!err.empty())
            return Expected<Args>::Fail(err);
    }
    if (!im.help && im.format.empty())
        return Expected<Args>::Fail("catalog import needs --format skypilot, fsdl or per-gpu-hour");
    if (!im.help && im.files.empty())
        return Expected<Args>::Fail("catalog import needs at least one price table file");
    a.import = std::move(im);
    return Expected<Args>::Ok(std::move(a));
}

} // namespace

Expected<Args> ParseArgs(const std::vector<std::string>& argv)
{
    if (!argv.empty() && argv[0] == "catalog")
        return ParseImportArgs(argv);
    Args a;
    auto value_of = [&](std::size_t& i, const std::string& flag, std::string* out) {
        return ValueOf(argv, i, flag, out);
    };
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        std::string err;
        if (arg == "--help" || arg == "-h") {
            a.help = true;
        } else if (arg == "--list-presets") {
            a.list_presets = true;
        } else if (arg == "--preset") {
            err = value_of(i, arg, &a.preset);
        } else if (arg == "--scenario") {
            err = value_of(i, arg, &a.scenario_path);
        } else if (arg == "--catalog") {
            err = value_of(i, arg, &a.catalog_path);
        } else if (arg == "--today") {
            err = value_of(i, arg, &a.today);
            // Every digit checked (core::ParseIsoDate): the date is echoed in the report (found by fuzz_cli: "20\xcd\xd2-01-01").
            if (err.empty() && !core::ParseIsoDate(a.today))
                err = "--today must be a date YYYY-MM-DD (got '" + core::Printable(a.today, 20) + "')";
        } else if (arg == "--set") {
            std::string kv;
            err = value_of(i, arg, &kv);
            if (err.empty())
                a.settings.push_back(kv);
        } else if (arg == "--explain") {
            err = value_of(i, arg, &a.explain);
            if (err.empty() && (a.explain.empty() || a.explain.size() > 80))
                err = "--explain takes a figure id (e.g. home.electricity_usd_per_month) or 'all'";
        } else if (arg == "--samples") {
            std::string n;
            err = value_of(i, arg, &n);
            const std::optional<double> v = err.empty() ? core::ParseTypedNumber(n) : std::nullopt;
            if (err.empty() && (!v || *v != std::floor(*v) || *v < 1 || *v > core::kMaxSamples))
                err = "--samples must be a whole number from 1 to " + std::to_string(core::kMaxSamples) + " (got '" +
                    core::Printable(n, 20) + "')";
            else if (err.empty())
                a.samples = static_cast<int>(*v);
        } else if (arg == "--format") {
            std::string f;
            err = value_of(i, arg, &f);
            if (err.empty()) {
                if (f == "text")
                    a.format = Format::text;
                else if (f == "json")
                    a.format = Format::json;
                else if (f == "csv")
                    a.format = Format::csv;
                else if (f == "markdown" || f == "md")
                    a.format = Format::markdown;
                else if (f == "fragment")
                    a.format = Format::fragment;
                else
                    err = "--format must be one of text, json, csv, markdown, fragment (got '" +
                        core::Printable(f, 20) + "')";
            }
        } else {
            err = "unknown argument '" + core::Printable(arg) + "' (labcalc --help lists the options)";
        }
        if (!err.empty())
            return Expected<Args>::Fail(err);
    }
    return Expected<Args>::Ok(a);
}

std::string HelpText()
{
    std::string out =
        "labcalc: home GPU lab, cloud, or hybrid? Costs, the course's comparison matrix and a recommendation.\n\n"
        "Usage: labcalc [--preset NAME] [--scenario FILE|-] [--catalog FILE] [--set KEY=VALUE]...\n"
        "               [--format text|json|csv|markdown|fragment] [--today YYYY-MM-DD] [--explain ID|all]\n"
        "               [--list-presets] [--help]\n\n"
        "  --preset NAME     start from a preset (--list-presets); later options apply on top\n"
        "  --scenario FILE   a scenario JSON file ('-' reads standard input)\n"
        "  --catalog FILE    prices and rules to use instead of the built-in catalog\n"
        "  --set KEY=VALUE   set one input after the file; also weights.<factor>=N and\n"
        "                    assumptions.<figure id>=N (ids are listed in the JSON report)\n"
        "  --format F        text (default), json (the stable contract), csv (monthly costs), markdown,\n"
        "                    fragment (the scenario as the web page's link part: index.html#s=...)\n"
        "  --today DATE      report date, for flagging stale prices (default: today)\n"
        "  --explain ID|all  show how a figure was computed: its formula, with this scenario's values and where\n"
        "                    each comes from (text: the working alone; json: a 'workings' array; markdown: a\n"
        "                    'Worked solution' section). ID as in the workings, e.g. cloud.total_usd\n"
        "  --samples N       how sure the answer is: the model over N likely futures drawn from the inputs'\n"
        "                    spreads (spread.* keys), seeded so the same scenario gives the same figures\n\n"
        "Exit codes: 0 report printed; 2 bad input (one message on stderr, nothing on stdout).\n\n"
        "labcalc catalog import --format F FILE... [--into CATALOG]: update the prices from public price tables\n"
        "(labcalc catalog import --help).\n\n"
        "Scenario keys:\n";
    for (const core::FieldSpec& f : core::ScenarioFields()) {
        std::string key = f.key;
        key.resize(std::max<std::size_t>(key.size(), 30), ' ');
        out += "  " + key + " " + f.help;
        if (f.kind == core::FieldKind::choice) {
            out += " (";
            for (std::size_t i = 0; i < f.choices.size(); ++i)
                out += (i ? "|" : "") + std::string(f.choices[i]);
            out += ")";
        } else if (f.unit[0]) {
            out += std::string(" [") + f.unit + "]";
        }
        out += "\n";
    }
    return out;
}

std::string ImportHelpText()
{
    return "labcalc catalog import: bring a catalog's cloud prices up to date from public GPU price tables, "
           "offline.\n\n"
           "Usage: labcalc catalog import --format F FILE... [--into CATALOG] [--catalog BASE] [--as-of DATE]\n"
           "                              [--provider NAME] [--update-only]\n\n"
           "  --format F        skypilot      SkyPilot's catalog tables, catalogs/<version>/<cloud>/vms.csv\n"
           "                    fsdl          the Full Stack Deep Learning cloud GPU table, cloud-gpus.csv\n"
           "                    per-gpu-hour  a per-GPU-hour table with a provenance column per row\n"
           "                                  (provider, gpu_type, provisioning, usd_per_gpu_hour, min_gpus,\n"
           "                                  product, source, checked_at, notes)\n"
           "  --into CATALOG    update this catalog file (e.g. assets/catalog.json); it is replaced whole through\n"
           "                    a temporary file beside it, and only when the whole import succeeds\n"
           "  --catalog BASE    start from this catalog (default: the --into file, else the built-in catalog)\n"
           "  --as-of DATE      the date of the tables' prices, for rows that state none (SkyPilot and FSDL\n"
           "                    tables never do; a per-GPU-hour row's checked_at comes first)\n"
           "  --provider NAME   the cloud a SkyPilot table is for; by default the file's folder name\n"
           "                    (catalogs/v8/aws/vms.csv is aws)\n"
           "  --update-only     change the prices of the catalog's offers, add none\n\n"
           "How rows become offers: prices are per GPU-hour (an instance's price over its GPUs). GPU names go\n"
           "through the alias table onto the catalog's GPU names (T4, A10G, L4, A100 40GB, A100 80GB, H100,\n"
           "RTX 3090, RTX 4090, RTX 5090); other GPUs are reported, never guessed. Each provider and GPU updates\n"
           "the catalog's offer of that provider (its id's first part) and GPU: the cheapest on-demand row of the\n"
           "newest date (of the instance type the offer's name mentions, if any), and the spot price of the same\n"
           "instance type. A catalog price dated later than the table's is kept. A pair the catalog lacks becomes\n"
           "a new offer with the memory and speed of the catalog's offers of that GPU and its provider's disk\n"
           "prices. Reserved and committed prices are reported, never used as on-demand ones. Offers the tables\n"
           "do not mention stay as they are. Each changed price keeps its earlier values in a short history\n"
           "(12 entries). docs/prices.md has the details.\n\n"
           "Output: with --into, what changed on stdout; without, the updated catalog JSON on stdout and what\n"
           "changed on stderr. Exit codes: 0 done; 2 bad input (one message on stderr naming the file, line and\n"
           "column; nothing on stdout, no file written).\n";
}

} // namespace labcalc::cli
