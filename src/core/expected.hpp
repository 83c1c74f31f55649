#pragma once
// The core's one error convention. A function that produces a value returns Expected<T>: the value, or
// the reason there is none. A function that changes something in place returns Status: nothing, or the
// reason the change was refused (and then nothing was changed). Either reason names the field and the
// rule broken. Neither throws, so the core also runs in WebAssembly builds without exception catching.
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

struct [[nodiscard]] Status {
    std::string error; // names the field and the rule broken; empty when the change was made

    static Status Ok() { return Status{}; }
    static Status Fail(std::string why)
    {
        Status s;
        s.error = std::move(why);
        return s;
    }
    bool ok() const { return error.empty(); }
    explicit operator bool() const { return ok(); }
};

} // namespace labcalc::core
