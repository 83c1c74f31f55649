#pragma once
// The start-up inputs every face takes from its user: a catalog file, a preset, a scenario file on top of
// the preset, KEY=VALUE settings on top of both, then the scenario's price overrides checked against the
// catalog in use. One loader, so the command line and the desktop app apply the same rules in the same
// order and refuse a bad input with the same message. The core reads no files: a face reads the bytes
// (at most kMaxFileBytes of them) and passes them here, or passes why it could not.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"
#include "core/expected.hpp"
#include "core/scenario.hpp"

namespace labcalc::core {

// The most bytes a face reads from one input file. A catalog is the largest input any reader accepts, so a
// longer file is refused by its size, unread, instead of being read whole only to be refused.
constexpr std::size_t kMaxFileBytes = kMaxCatalogBytes;

// A file a face has read, or tried to read.
struct InputFile {
    std::string name;           // as the user gave it (a path; "-" for standard input)
    Expected<std::string> text; // its bytes, or why they could not be read ("cannot open the file", ...)
};

struct InputTexts {
    std::optional<InputFile> catalog;  // none: the built-in catalog
    std::string preset_name;           // "" for none
    std::optional<InputFile> scenario; // applied on top of the preset
    std::vector<std::string> settings; // "KEY=VALUE" (core::ApplySetting), applied in order, after the file
};

struct LoadedInputs {
    Catalog catalog;          // the built-in one when no catalog file was given
    std::string catalog_name; // the catalog file's name without its folders; "" for the built-in catalog
    Scenario scenario;        // the defaults when neither a preset nor a scenario file was given
    std::string preset_name;  // the preset, when no scenario file or setting was applied on top of it; else ""
};

// Applies the inputs in the order above and stops at the first broken rule. Each error names the input and
// the rule, as the command line has always said it:
//   "--catalog <name>: <why it could not be read>"   "<name>: catalog: <field>: <rule>"
//   "unknown preset '<name>' ..."                      "--scenario <name>: <why it could not be read>"
//   "<name, or 'standard input' for '-'>: <field>: <rule>"
//   "--set <key>: <rule>"                              "assumptions.<id>: <rule>"
// (names are printed with control characters escaped and cut at 200 characters).
[[nodiscard]] Expected<LoadedInputs> LoadInputs(const InputTexts& inputs);

// A path's last part, the file's own name ("prices/mine.json" -> "mine.json"; '/' and '\' both separate).
std::string FileNameOf(std::string_view path);

} // namespace labcalc::core
