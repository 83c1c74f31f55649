#pragma once
// The JSON report as a value, for faces that put it inside another message (the embedding API).
// ReportToJson (report.hpp) is the same value as text.
#include <nlohmann/json.hpp>

#include "core/report.hpp"

namespace labcalc::core {

nlohmann::json ReportJson(const Report& r);

} // namespace labcalc::core
