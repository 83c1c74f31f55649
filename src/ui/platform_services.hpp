#pragma once
// What the UI asks of the platform it runs on (browser page, desktop window, headless test).
// The UI layer knows Dear ImGui and the core only; everything that touches the outside world
// (clipboard, files, the URL, storage, the clock, assistive technology) goes through this interface.
// Answers that arrive later (a chosen file, a paste) come back through the functions of app_actions.hpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace labcalc::ui {

// The text a screen reader gets beside the canvas: one headline and a few plain lines.
struct Summary {
    std::string headline;           // "Recommendation: Cloud"
    std::vector<std::string> lines; // margin, reasons, key figures, blockers
};

class PlatformServices {
public:
    virtual ~PlatformServices() = default;

    // Puts text on the system clipboard. Returns false when the platform could not (the UI then
    // shows the text so the learner can copy it by hand).
    virtual bool SetClipboardText(std::string_view text) = 0;
    // Offers bytes as a file to save (a browser download). Platforms with a file system get reports
    // through WriteTextFile into a folder the learner chose instead.
    virtual void DownloadFile(std::string_view file_name, std::string_view mime_type, std::string_view bytes) = 0;
    // Writes the page's URL fragment ("s=..."): as a new browser history entry when `new_entry` (a
    // finished edit of the person's own, so Back undoes it), else in place. No-op on desktop.
    virtual void WriteUrlFragment(std::string_view fragment, bool new_entry) = 0;
    // An absolute link that opens this app with the given fragment ("" when there is no such link).
    virtual std::string ShareLink(std::string_view fragment) = 0;
    // A small key/value store that survives restarts (localStorage). Both may fail silently:
    // storage can be unavailable (sandboxed frames, private modes).
    virtual std::optional<std::string> LoadValue(std::string_view key) = 0;
    virtual bool StoreValue(std::string_view key, std::string_view value) = 0;
    // Asks the learner for a catalog JSON file. The answer arrives later via ImportCatalogText().
    // (Not called when HasFileSystem(): the UI's File menu has a path field instead.)
    virtual void RequestCatalogFile() = 0;
    // Today's date as YYYY-MM-DD (the core reads no clock).
    virtual std::string TodayDate() = 0;
    // Publishes the accessible text summary (the DOM mirror on the web).
    virtual void PublishSummary(const Summary& summary) = 0;

    // Opens a link in a new tab or window (the embedded page's "Open the full calculator"). Platforms
    // without a browser ignore it.
    virtual void OpenInNewTab(std::string_view url) { (void)url; }

    // Optional: works out "How sure" away from the thread that draws (the page's Web Worker). `job_json` is a
    // core sampling job (core::SamplingJobToJson); `catalog_json` the catalog to run it on, or "" to run it on
    // the catalog sent last. Returns false when the platform cannot (the app works the futures out itself);
    // the answer comes later, on the drawing thread, through ReceiveSamples() (app_actions.hpp).
    virtual bool StartSampling(int request_id, std::string_view job_json, std::string_view catalog_json)
    {
        (void)request_id;
        (void)job_json;
        (void)catalog_json;
        return false;
    }

    // Optional capability: a file system the learner can name paths in (the desktop app). The page
    // has none, so these default to "not available" and the UI hides its File menu.
    virtual bool HasFileSystem() { return false; }
    // Reads a whole text file, or says why not ("cannot open the file", "larger than the limit ...").
    virtual core::Expected<std::string> ReadTextFile(const std::string& path)
    {
        (void)path;
        return core::Expected<std::string>::Fail("this platform has no file system");
    }
    // Writes (replaces) a text file. Returns "" or the reason it failed.
    virtual std::string WriteTextFile(const std::string& path, std::string_view text)
    {
        (void)path;
        (void)text;
        return "this platform has no file system";
    }
};

} // namespace labcalc::ui
