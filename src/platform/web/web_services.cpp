// Browser implementation of PlatformServices (see web_services.hpp).
#include "web_services.hpp"

#include <cstdlib>
#include <string>

#include "web_js.hpp"

namespace labcalc::platform::web {
namespace {

// Takes ownership of a malloc'd string from JavaScript.
std::optional<std::string> Adopt(char* p)
{
    if (!p)
        return std::nullopt;
    std::string s(p);
    std::free(p);
    return s;
}

} // namespace

bool WebServices::SetClipboardText(std::string_view text)
{
    return labcalc_js_copy_text(std::string(text).c_str()) != 0;
}

void WebServices::DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes)
{
    labcalc_js_download(std::string(file_name).c_str(), std::string(mime_type).c_str(), bytes.data(), bytes.size());
}

void WebServices::WriteUrlFragment(std::string_view fragment, bool new_entry)
{
    labcalc_js_write_fragment(std::string(fragment).c_str(), new_entry ? 1 : 0);
}

std::string WebServices::ShareLink(std::string_view fragment)
{
    return Adopt(labcalc_js_share_link(std::string(fragment).c_str())).value_or("");
}

std::optional<std::string> WebServices::LoadValue(std::string_view key)
{
    return Adopt(labcalc_js_storage_get(std::string(key).c_str()));
}

bool WebServices::StoreValue(std::string_view key, std::string_view value)
{
    return labcalc_js_storage_set(std::string(key).c_str(), std::string(value).c_str()) != 0;
}

void WebServices::OpenInNewTab(std::string_view url) { labcalc_js_open_tab(std::string(url).c_str()); }

bool WebServices::StartSampling(int request_id, std::string_view job_json, std::string_view catalog_json)
{
    return labcalc_js_start_sampling(request_id, job_json.data(), job_json.size(), catalog_json.data(),
                                     catalog_json.size()) != 0;
}

void WebServices::RequestCatalogFile() { labcalc_js_request_catalog_file(); }

std::string WebServices::TodayDate() { return Adopt(labcalc_js_today()).value_or(""); }

void WebServices::PublishSummary(const ui::Summary& summary)
{
    std::string lines;
    for (const std::string& line : summary.lines) {
        if (!lines.empty())
            lines += '\n';
        lines += line;
    }
    labcalc_js_publish_summary(summary.headline.c_str(), lines.c_str());
}

std::string CurrentFragment() { return Adopt(labcalc_js_fragment()).value_or(""); }

std::string SelfOrigin() { return Adopt(labcalc_js_self_origin()).value_or("null"); }

} // namespace labcalc::platform::web
