#pragma once
// A value or the reason there is none. Parsers return this instead of throwing, so the core also
// runs in WebAssembly builds that have exception catching disabled.
#include <optional>
#include <string>
#include <utility>

namespace labcalc::core {

template <class T>
struct [[nodiscard]] Expected {
    std::optional<T> value;
    std::string error; // names the field and the rule broken; empty when value is set

    static Expected Ok(T v)
    {
        Expected e;
        e.value = std::move(v);
        return e;
    }
    static Expected Fail(std::string why)
    {
        Expected e;
        e.error = std::move(why);
        return e;
    }
    explicit operator bool() const { return value.has_value(); }
};

} // namespace labcalc::core
