// Desktop implementation of PlatformServices (see desktop_services.hpp).
#include "desktop_services.hpp"

#include <GLFW/glfw3.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/load_inputs.hpp"

namespace labcalc::platform::desktop {
namespace fs = std::filesystem;

std::string ConfigFolder()
{
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/') // the XDG spec: relative values are invalid and ignored
        return std::string(xdg) + "/labcalc";
    const char* home = std::getenv("HOME");
    if (home && home[0])
        return std::string(home) + "/.config/labcalc";
    return "";
}

std::string StoreFilePath(const std::string& folder, std::string_view key)
{
    if (key.substr(0, 8) == "labcalc.")
        key.remove_prefix(8);
    std::string name(key);
    for (char& c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
            c = '_';
    if (name.empty() || name[0] == '.')
        name.insert(0, "_");
    return folder + "/" + name;
}

core::Expected<std::string> ReadFileLimited(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(path, ec))
        return core::Expected<std::string>::Fail("cannot open the file");
    // One byte past the limit, so an oversized file is reported by its size instead of being read whole.
    std::string data(core::kMaxFileBytes + 1, '\0');
    in.read(&data[0], static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (data.size() > core::kMaxFileBytes)
        return core::Expected<std::string>::Fail("larger than the limit of " + std::to_string(core::kMaxFileBytes) +
                                                 " bytes");
    return core::Expected<std::string>::Ok(std::move(data));
}

std::string WriteFileAtomically(const std::string& path, std::string_view text)
{
    if (path.empty())
        return "no file name given";
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return "that is a folder; add a file name";
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            return std::strerror(errno);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            fs::remove(temp, ec);
            return "the disk refused the data";
        }
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        return "cannot replace the file";
    }
    return "";
}

std::string TodayUtc()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

DesktopServices::DesktopServices(std::string config_folder) : config_folder_(std::move(config_folder)) { }

bool DesktopServices::SetClipboardText(std::string_view text)
{
    if (!window_)
        return false;
    glfwSetClipboardString(window_, std::string(text).c_str());
    return true;
}

void DesktopServices::DownloadFile(std::string_view file_name, std::string_view, std::string_view bytes)
{
    // The UI saves reports through WriteTextFile on this platform; this is only a fallback.
    WriteFileAtomically(std::string(file_name), bytes);
}

void DesktopServices::WriteUrlFragment(std::string_view, bool) { }

std::string DesktopServices::ShareLink(std::string_view)
{
    return ""; // no page address here: the UI copies "#s=...", which the page and this app both accept
}

std::optional<std::string> DesktopServices::LoadValue(std::string_view key)
{
    if (config_folder_.empty()) {
        auto it = memory_store_.find(key);
        return it == memory_store_.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    core::Expected<std::string> text = ReadFileLimited(StoreFilePath(config_folder_, key));
    return text ? std::optional<std::string>(*text.value) : std::nullopt;
}

bool DesktopServices::StoreValue(std::string_view key, std::string_view value)
{
    if (config_folder_.empty()) {
        memory_store_[std::string(key)] = std::string(value);
        return true;
    }
    std::error_code ec;
    fs::create_directories(config_folder_, ec);
    return WriteFileAtomically(StoreFilePath(config_folder_, key), value).empty();
}

void DesktopServices::RequestCatalogFile()
{
    // Not called here: with HasFileSystem() the UI opens its File menu, which has a path field.
}

std::string DesktopServices::TodayDate() { return TodayUtc(); }

void DesktopServices::PublishSummary(const ui::Summary& summary)
{
    // The window title carries the answer (visible in the task bar and to window-list screen readers).
    const std::string title = "labcalc: " + summary.headline;
    if (window_ && title != last_title_) {
        glfwSetWindowTitle(window_, title.c_str());
        last_title_ = title;
    }
}

core::Expected<std::string> DesktopServices::ReadTextFile(const std::string& path)
{
    if (path.empty())
        return core::Expected<std::string>::Fail("no file name given");
    return ReadFileLimited(path);
}

std::string DesktopServices::WriteTextFile(const std::string& path, std::string_view text)
{
    return WriteFileAtomically(path, text);
}

} // namespace labcalc::platform::desktop
