#pragma once
// PlatformServices for the browser page: clipboard, downloads, the URL fragment, localStorage, the
// catalog file picker, the date, the accessible DOM mirror and the sampling worker, all through web_js.hpp.
#include "ui/platform_services.hpp"

namespace labcalc::platform::web {

class WebServices final : public ui::PlatformServices {
public:
    bool SetClipboardText(std::string_view text) override;
    void DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes) override;
    void WriteUrlFragment(std::string_view fragment, bool new_entry) override;
    std::string ShareLink(std::string_view fragment) override;
    std::optional<std::string> LoadValue(std::string_view key) override;
    bool StoreValue(std::string_view key, std::string_view value) override;
    void RequestCatalogFile() override;
    std::string TodayDate() override;
    void PublishSummary(const ui::Summary& summary) override;
    void OpenInNewTab(std::string_view url) override;
    bool StartSampling(int request_id, std::string_view job_json, std::string_view catalog_json) override;
};

// The page's current URL fragment ("#s=..." or "").
std::string CurrentFragment();
// The page's own origin as the browser names message senders ("null" for file:// pages).
std::string SelfOrigin();

} // namespace labcalc::platform::web
