// Fuzz target: the catalog reader (ParseCatalog), as used for --catalog and the page's "load catalog".
// An accepted catalog must write back (CatalogToJson) to a catalog that reads the same, and the default
// scenario plus one preset must evaluate on it with a finite report.
#include <string_view>

#include "core/presets.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace labcalc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = core::ParseCatalog(text);
    if (!parsed) {
        fuzz::CheckError(parsed.error);
        return 0;
    }
    const core::Catalog& c = *parsed.value;
    const std::string written = core::CatalogToJson(c);
    auto again = core::ParseCatalog(written);
    LABCALC_CHECK(again.value.has_value(), "CatalogToJson wrote a catalog ParseCatalog refuses: " + again.error);
    LABCALC_CHECK(core::CatalogToJson(*again.value) == written,
                  "CatalogToJson(ParseCatalog(CatalogToJson(c))) differs");

    const std::uint32_t h = fuzz::Hash(data, size);
    fuzz::CheckReport(core::Scenario{}, c, h % 16 == 0);
    static const std::vector<core::PresetInfo> presets = core::ListPresets();
    if (!presets.empty()) {
        auto p = core::LoadPreset(presets[(h >> 8) % presets.size()].name);
        if (p)
            fuzz::CheckReport(*p.value, c, false);
    }
    return 0;
}
