#pragma once
// The model keeps its indices as signed ints (-1 means "none": no GPU chosen, no offer that fits) and its
// options as an enum; standard containers are indexed by std::size_t. At() is the one conversion, so the
// formulas read as formulas. Bounds are checked by the standard library's own assertions in the hardening build.
#include <cstddef>

namespace labcalc::core {

template <class Container, class Index>
constexpr auto& At(Container& container, Index index)
{
    return container[static_cast<std::size_t>(index)];
}

} // namespace labcalc::core
