// The page's sampling worker (web/labcalc_pre.js): the same module, started without main() in a Web Worker,
// works out "How sure" for the jobs the page sends while a slider is held (ui::StartLiveSamples), so 1,000
// likely futures cost the thread that draws the frames nothing. Each job is a core sampling job
// (core/sampling_job.hpp) and comes with the catalog when the page has not sent that catalog before.
#include <emscripten.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/catalog.hpp"
#include "core/sampling_job.hpp"

namespace {
std::string_view Text(const char* bytes, int length)
{
    return bytes && length > 0 ? std::string_view(bytes, static_cast<std::size_t>(length)) : std::string_view();
}
} // namespace

extern "C" {

// The job's answer as the report's `uncertainty` JSON, or "labcalc worker: " and why there is none (the
// page's reader refuses that, and the page then works the futures out itself). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* labcalc_worker_sample(const char* job_json, int job_length, const char* catalog_json,
                                                       int catalog_length)
{
    static std::optional<labcalc::core::Catalog> catalog;
    static std::string answer;
    if (catalog_length > 0) {
        labcalc::core::Expected<labcalc::core::Catalog> c =
            labcalc::core::ParseCatalog(Text(catalog_json, catalog_length));
        if (!c) {
            catalog.reset();
            answer = "labcalc worker: " + c.error;
            return answer.c_str();
        }
        catalog = std::move(*c.value);
    }
    if (!catalog) {
        answer = "labcalc worker: no catalog was sent";
        return answer.c_str();
    }
    const labcalc::core::Expected<labcalc::core::SamplingJob> job =
        labcalc::core::ParseSamplingJob(Text(job_json, job_length));
    answer = job ? labcalc::core::RunSamplingJob(*job.value, *catalog) : "labcalc worker: " + job.error;
    return answer.c_str();
}

} // extern "C"
