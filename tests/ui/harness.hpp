#pragma once
// The shared UI without a window: an ImGui context with no backend (display size, a built font atlas,
// a fixed time step), a fake platform, and mouse input aimed at the rectangles the UI records
// (AppState::item_rects, see RememberItem in ui/widgets.hpp). Used by every headless UI test file.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/report.hpp"
#include "core/scenario_json.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/app_actions.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace labcalc::test {

// A platform that keeps everything in memory. `files` stands in for the disk when has_files is set.
class FakeServices final : public ui::PlatformServices {
public:
    bool has_files = false;
    std::map<std::string, std::string> files;
    std::map<std::string, std::string> store;
    std::string clipboard;
    std::vector<std::string> downloads;
    ui::Summary last_summary;
    int store_writes = 0;
    // A platform that works "How sure" out elsewhere (the page's worker) when `sampling` is set: the jobs wait
    // here until a test answers them (ui::ReceiveSamples).
    bool sampling = false;
    struct SamplingJob {
        int id;
        std::string job_json, catalog_json;
    };
    std::vector<SamplingJob> sampling_jobs;
    bool StartSampling(int request_id, std::string_view job_json, std::string_view catalog_json) override
    {
        if (sampling)
            sampling_jobs.push_back({request_id, std::string(job_json), std::string(catalog_json)});
        return sampling;
    }

    bool SetClipboardText(std::string_view text) override
    {
        clipboard = std::string(text);
        return true;
    }
    void DownloadFile(std::string_view name, std::string_view, std::string_view) override
    {
        downloads.emplace_back(name);
    }
    std::string url_fragment;
    int history_entries = 0; // fragments written as new browser history entries
    std::string opened;
    void WriteUrlFragment(std::string_view f, bool new_entry) override
    {
        url_fragment = std::string(f);
        history_entries += new_entry ? 1 : 0;
    }
    void OpenInNewTab(std::string_view url) override { opened = std::string(url); }
    std::string ShareLink(std::string_view fragment) override
    {
        return "https://example.invalid/#" + std::string(fragment);
    }
    std::optional<std::string> LoadValue(std::string_view key) override
    {
        auto it = store.find(std::string(key));
        return it == store.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    bool StoreValue(std::string_view key, std::string_view value) override
    {
        store[std::string(key)] = std::string(value);
        ++store_writes;
        return true;
    }
    void RequestCatalogFile() override { }
    std::string today = "2026-11-28"; // what TodayDate says
    std::string TodayDate() override { return today; }
    void PublishSummary(const ui::Summary& summary) override { last_summary = summary; }

    bool HasFileSystem() override { return has_files; }
    core::Expected<std::string> ReadTextFile(const std::string& path) override
    {
        auto it = files.find(path);
        if (it == files.end())
            return core::Expected<std::string>::Fail("cannot open the file");
        return core::Expected<std::string>::Ok(it->second);
    }
    std::string WriteTextFile(const std::string& path, std::string_view text) override
    {
        files[path] = std::string(text);
        return "";
    }
};

// One ImGui context per test, 1280x800 at scale 1, 60 frames per second.
// The control listed this frame under `id` (ui/exposed_controls.hpp), or null.
inline const ui::ExposedControl* FindControl(const ui::AppState& state, const std::string& id)
{
    for (const ui::ExposedControl& c : state.a11y.controls)
        if (c.id == id)
            return &c;
    return nullptr;
}

struct Harness {
    ImGuiContext* context;
    ui::AppState state;
    FakeServices services;

    explicit Harness(bool has_files = false, std::string_view fragment = "", ImVec2 display = ImVec2(1280, 800),
                     std::string_view self_origin = "https://example.invalid")
    {
        context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        ui::LoadFonts(state.fonts, 1.0f);
        ui::ApplyTheme(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // builds the atlas, as a renderer backend would
        services.has_files = has_files;
        ui::InitAppState(state, services, fragment, self_origin);
    }
    ~Harness() { ImGui::DestroyContext(context); }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    bool Frame()
    {
        ImGui::NewFrame();
        const bool wants_more = ui::DrawApp(state, services);
        ImGui::Render();
        return wants_more;
    }
    // Runs frames until the UI stops asking for more; returns how many it took (fails past `limit`).
    int Settle(int limit = 10)
    {
        for (int i = 1; i <= limit; ++i)
            if (!Frame())
                return i;
        FAIL("the UI still asks for frames after " << limit);
        return limit;
    }
    ImVec2 Point(const std::string& id, float fx = 0.5f, float fy = 0.5f)
    {
        REQUIRE(state.test_hooks.item_rects.count(id) == 1);
        const ui::ItemRect r = state.test_hooks.item_rects.at(id);
        REQUIRE(r.x1 > r.x0);
        return ImVec2(r.x0 + (r.x1 - r.x0) * fx, r.y0 + (r.y1 - r.y0) * fy);
    }
    void MoveTo(ImVec2 p)
    {
        ImGui::GetIO().MousePos = p;
        Frame();
    }
    void Button(bool down)
    {
        ImGui::GetIO().MouseDown[0] = down;
        Frame();
    }
    void Click(const std::string& id)
    {
        MoveTo(Point(id));
        Button(true);
        Button(false);
        Frame();
    }
};

inline std::string ExpectedReportJson(const ui::AppState& state)
{
    core::ReportSettings settings;
    settings.today = state.today;
    settings.workings = true;          // the faces show each figure's working and export it
    settings.samples = ui::kUiSamples; // and how sure the answer is
    return core::ReportToJson(core::BuildReport(state.scenario, state.catalog, settings));
}

} // namespace labcalc::test
