// Command line of the desktop app (see desktop_args.hpp).
#include "desktop_args.hpp"

#include <cstdlib>

#include "desktop_services.hpp"

namespace labcalc::platform::desktop {
namespace {

core::Expected<Args> Fail(std::string why) { return core::Expected<Args>::Fail(std::move(why)); }

bool ParseNumber(const std::string& text, double lo, double hi, double* out)
{
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(v >= lo && v <= hi))
        return false;
    *out = v;
    return true;
}

} // namespace

std::string HelpText()
{
    return "labcalc-desktop: home lab, cloud or hybrid? The calculator in a window, offline.\n"
           "\n"
           "Usage: labcalc-desktop [options]\n"
           "  --scenario FILE       start with this scenario (JSON, as saved by the app or the command line)\n"
           "  --preset NAME         start from a preset (labcalc --list-presets shows them)\n"
           "  --catalog FILE        use your own prices (catalog JSON, see assets/catalog.json)\n"
           "  --screenshot FILE.png render --frames N frames (default 10), save the window as PNG, exit\n"
           "  --scale S             UI scale (0.5 to 4) instead of the monitor's content scale\n"
           "  --size WxH            window size before scaling (default: last size, else 1280x800)\n"
           "  --help                this text\n"
           "\n"
           "A bad file prints the reason and exits with status 2 before any window opens.\n"
           "The last scenario and window size are kept in $XDG_CONFIG_HOME/labcalc (~/.config/labcalc).\n";
}

core::Expected<Args> ParseArgs(const std::vector<std::string>& argv)
{
    Args a;
    bool frames_given = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& opt = argv[i];
        if (opt == "--help" || opt == "-h") {
            a.help = true;
            continue;
        }
        const bool takes_value = opt == "--scenario" || opt == "--preset" || opt == "--catalog" ||
            opt == "--screenshot" || opt == "--frames" || opt == "--scale" || opt == "--size";
        if (!takes_value)
            return Fail("unknown option '" + opt + "' (see --help)");
        if (i + 1 >= argv.size())
            return Fail(opt + " needs a value");
        const std::string& value = argv[++i];
        double number = 0;
        if (opt == "--scenario") {
            a.scenario_path = value;
        } else if (opt == "--preset") {
            a.preset = value;
        } else if (opt == "--catalog") {
            a.catalog_path = value;
        } else if (opt == "--screenshot") {
            a.screenshot_path = value;
        } else if (opt == "--frames") {
            if (!ParseNumber(value, 1, 10000, &number) || number != static_cast<int>(number))
                return Fail("--frames must be a whole number from 1 to 10000");
            a.frames = static_cast<int>(number);
            frames_given = true;
        } else if (opt == "--scale") {
            if (!ParseNumber(value, 0.5, 4, &number))
                return Fail("--scale must be a number from 0.5 to 4");
            a.scale = static_cast<float>(number);
        } else if (opt == "--size") {
            const std::size_t x = value.find('x');
            double w = 0, h = 0;
            if (x == std::string::npos || !ParseNumber(value.substr(0, x), 320, 8192, &w) ||
                !ParseNumber(value.substr(x + 1), 240, 8192, &h))
                return Fail("--size must be WIDTHxHEIGHT, from 320x240 to 8192x8192");
            a.width = static_cast<int>(w);
            a.height = static_cast<int>(h);
        }
    }
    if (frames_given && a.screenshot_path.empty())
        return Fail("--frames goes with --screenshot");
    if (a.scenario_path == "-")
        return Fail("--scenario -: standard input is for the command line; name a file");
    return core::Expected<Args>::Ok(a);
}

core::Expected<core::LoadedInputs> LoadStartupInputs(const Args& a)
{
    auto read = [](const std::string& path) { return core::InputFile{path, ReadFileLimited(path)}; };
    core::InputTexts inputs;
    if (!a.catalog_path.empty())
        inputs.catalog = read(a.catalog_path);
    inputs.preset_name = a.preset;
    if (!a.scenario_path.empty())
        inputs.scenario = read(a.scenario_path);
    return core::LoadInputs(inputs);
}

} // namespace labcalc::platform::desktop
