#pragma once
// PlatformServices for the desktop app: the system clipboard (GLFW), files on disk, a key/value store
// in the user's config folder (XDG: $XDG_CONFIG_HOME/labcalc or ~/.config/labcalc), the date,
// and the window title as the one-line summary.
#include <map>
#include <string>

#include "ui/platform_services.hpp"

struct GLFWwindow;

namespace labcalc::platform::desktop {

// $XDG_CONFIG_HOME/labcalc, else $HOME/.config/labcalc ("" when neither variable is set).
std::string ConfigFolder();
// The file a store key lives in: "labcalc.scenario.v1" -> <folder>/scenario.v1 (other characters
// than letters, digits, '.', '-' and '_' become '_').
std::string StoreFilePath(const std::string& folder, std::string_view key);
// Reads a whole file of at most core::kMaxFileBytes, with the command line's messages ("cannot open the file", ...).
core::Expected<std::string> ReadFileLimited(const std::string& path);
// Writes through a temporary file and a rename, so a crash never leaves half a file. "" or the reason.
std::string WriteFileAtomically(const std::string& path, std::string_view text);
// Today as YYYY-MM-DD in UTC (like the command line).
std::string TodayUtc();

class DesktopServices final : public ui::PlatformServices {
public:
    // `config_folder` "" keeps the store in memory only (screenshots, tests: nothing read or written).
    explicit DesktopServices(std::string config_folder);
    void SetWindow(GLFWwindow* window) { window_ = window; } // clipboard and title need the window

    bool SetClipboardText(std::string_view text) override;
    void DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes) override;
    void WriteUrlFragment(std::string_view fragment, bool new_entry) override;
    std::string ShareLink(std::string_view fragment) override;
    std::optional<std::string> LoadValue(std::string_view key) override;
    bool StoreValue(std::string_view key, std::string_view value) override;
    void RequestCatalogFile() override;
    std::string TodayDate() override;
    void PublishSummary(const ui::Summary& summary) override;

    bool HasFileSystem() override { return true; }
    core::Expected<std::string> ReadTextFile(const std::string& path) override;
    std::string WriteTextFile(const std::string& path, std::string_view text) override;

private:
    GLFWwindow* window_ = nullptr;
    std::string config_folder_;
    std::string last_title_;
    std::map<std::string, std::string, std::less<>> memory_store_; // when there is no config folder
};

} // namespace labcalc::platform::desktop
