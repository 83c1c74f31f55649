#include "core/embedded_assets.hpp"

namespace labcalc::core {

std::string_view EmbeddedText(std::string_view name)
{
    std::size_t count = 0;
    const EmbeddedFile* files = EmbeddedFiles(&count);
    for (std::size_t i = 0; i < count; ++i)
        if (name == files[i].name)
            return std::string_view(files[i].data, files[i].size);
    return {};
}

} // namespace labcalc::core
