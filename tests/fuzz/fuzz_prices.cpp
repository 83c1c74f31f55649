// Fuzz target: the price import (core::ImportPrices and the CSV reader under it), as `labcalc catalog import`
// uses it on tables downloaded from the web. The first byte picks the format (bits 0-1: SkyPilot, FSDL,
// per-GPU-hour) and whether an --as-of date is given (bit 2); the rest is one table. A refused table gets one
// short line; an accepted one gives a catalog the catalog reader accepts and the writer writes back the same,
// whose default scenario still evaluates.
#include <string>
#include <vector>

#include "core/price_import.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    if (size == 0)
        return 0;
    static const core::PriceFormat kFormats[] = {core::PriceFormat::skypilot, core::PriceFormat::fsdl,
                                                 core::PriceFormat::per_gpu_hour, core::PriceFormat::per_gpu_hour};
    core::ImportOptions options;
    options.format = kFormats[data[0] & 3];
    if (data[0] & 4)
        options.as_of = "2026-12-01";
    const core::PriceFile file{"tables/aws/vms.csv", std::string(reinterpret_cast<const char*>(data + 1), size - 1),
                               ""};
    (void)core::DetectPriceFormat(file.text);
    auto result = core::ImportPrices(fuzz::DefaultCatalog(), {file}, options);
    if (!result) {
        fuzz::CheckError(result.error);
        return 0;
    }
    const std::string written = core::CatalogToJson(result.value->catalog);
    auto again = core::ParseCatalog(written);
    LABCALC_CHECK(again.value.has_value(), "an import wrote a catalog ParseCatalog refuses: " + again.error);
    LABCALC_CHECK(core::CatalogToJson(*again.value) == written, "the imported catalog does not read back the same");
    for (const std::string& note : result.value->notes)
        LABCALC_CHECK(note.find('\n') == std::string::npos, "a note of more than one line: " + note);
    (void)core::ImportSummary(*result.value);
    if (!result.value->diff.Empty())
        fuzz::CheckReport(core::Scenario{}, result.value->catalog, false);
    return 0;
}
