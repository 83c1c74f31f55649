#include "core/compiled_assets.hpp"

namespace labcalc::core {

std::string_view CompiledText(std::string_view name)
{
    std::size_t count = 0;
    const CompiledFile* files = CompiledFiles(&count);
    for (std::size_t i = 0; i < count; ++i)
        if (name == files[i].name)
            return std::string_view(files[i].data, files[i].size);
    return {};
}

} // namespace labcalc::core
