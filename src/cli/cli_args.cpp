#include "cli/cli_args.hpp"

#include <algorithm>

#include "core/iso_date.hpp"
#include "core/scenario_fields.hpp"
#include "core/text_format.hpp"

namespace labcalc::cli {

using core::Expected;

Expected<Args> ParseArgs(const std::vector<std::string>& argv)
{
    Args a;
    auto value_of = [&](std::size_t& i, const std::string& flag, std::string* out) -> std::string {
        if (i + 1 >= argv.size())
            return flag + " needs a value";
        *out = argv[++i];
        // An empty value (a script's unset variable) is a mistake, never "use the default".
        if (out->empty())
            return flag + " needs a value (got an empty one)";
        return "";
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
        "                    'Worked solution' section). ID as in the workings, e.g. cloud.total_usd\n\n"
        "Exit codes: 0 report printed; 2 bad input (one message on stderr, nothing on stdout).\n\n"
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

} // namespace labcalc::cli
