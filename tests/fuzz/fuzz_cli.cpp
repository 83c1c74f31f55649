// Fuzz target: the whole command line in-process (RunCli), with a fake file system.
// Input format (text, so seeds are easy to write):
//   one argument per line, up to a line "=== scenario" or "=== catalog" (or the end);
//   after "=== scenario": the text the files "s.json" and "-" (standard input) hold;
//   after "=== catalog": the text the file "c.json" holds.
// Any other path cannot be opened. Invariants: exit 0 with a report on stdout and nothing on stderr,
// or exit 2 with nothing on stdout and exactly one line "labcalc: ..." on stderr; a JSON report is
// finite everywhere.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run_cli.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> args;
    std::string scenario, catalog;
    bool have_scenario = false, have_catalog = false;
    std::string* section = nullptr;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        const std::string_view rest = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (line == "=== scenario" || line == "=== catalog") {
            section = line == "=== scenario" ? &scenario : &catalog;
            (line == "=== scenario" ? have_scenario : have_catalog) = true;
            // The section runs to the next marker line or the end.
            const std::size_t next = std::min(rest.find("\n=== scenario\n"), rest.find("\n=== catalog\n"));
            *section = std::string(rest.substr(0, next));
            text = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
            continue;
        }
        if (section == nullptr && args.size() < 64)
            args.emplace_back(line);
        text = rest;
    }
    cli::Io io;
    io.today = "2026-11-28";
    io.read_file = [&](const std::string& path, std::size_t, std::string* out, std::string* error) {
        if ((path == "s.json" || path == "-") && have_scenario) {
            *out = scenario;
            return true;
        }
        if (path == "c.json" && have_catalog) {
            *out = catalog;
            return true;
        }
        *error = "cannot open the file";
        return false;
    };
    const int code = cli::RunCli(args, io);
    LABCALC_CHECK(code == 0 || code == 2, "exit code " + std::to_string(code));
    if (code == 2) {
        LABCALC_CHECK(io.out.empty(), "stdout not empty on failure");
        LABCALC_CHECK(io.err.rfind("labcalc: ", 0) == 0, io.err.substr(0, 300));
        LABCALC_CHECK(io.err.size() >= 2 && io.err.back() == '\n', io.err.substr(0, 300));
        fuzz::CheckError(io.err.substr(0, io.err.size() - 1));
        return 0;
    }
    LABCALC_CHECK(io.err.empty(), io.err.substr(0, 300));
    LABCALC_CHECK(!io.out.empty(), "empty stdout on success");
    if (io.out[0] == '{' && io.out.find("\"recommendation\"") != std::string::npos) {
        const nlohmann::json j = nlohmann::json::parse(io.out, nullptr, false);
        LABCALC_CHECK(!j.is_discarded(), "the JSON report does not parse");
        const std::string bad = test::FirstNonFinite(j);
        LABCALC_CHECK(bad.empty(), "NaN or infinity in the CLI's JSON report at " + bad);
    }
    return 0;
}
