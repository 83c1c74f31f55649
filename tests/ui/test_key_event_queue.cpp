// The platforms' key queue (src/platform/common/key_event_queue.hpp): every quick key press reaches ImGui.
#include <catch2/catch.hpp>

#include <vector>

#include "platform/common/key_event_queue.hpp"

namespace {
struct Seen {
    int key, action;
};
std::vector<Seen>* g_seen = nullptr; // the forward callback is a plain function pointer, as GLFW's is
void Record(GLFWwindow*, int key, int, int action, int) { g_seen->push_back({key, action}); }
constexpr int kPress = 1, kRelease = 0, kRight = 262, kShift = 340;
} // namespace

TEST_CASE("nine quick presses of one key between two frames reach the frames as nine presses, in order")
{
    std::vector<Seen> seen;
    g_seen = &seen;
    labcalc::platform::KeyEventQueue queue;
    queue.SetForward(&Record);
    for (int i = 0; i < 9; ++i) {
        queue.OnKey(nullptr, kRight, 0, kPress, 0);
        queue.OnKey(nullptr, kRight, 0, kRelease, 0);
    }
    // Before the first frame only the first press goes on; each frame then sees one change.
    REQUIRE(seen.size() == 1);
    int presses_seen_by_frames = 0;
    bool down = false, was_down = false;
    for (int frame = 0; frame < 100 && (queue.Pending() || !seen.empty()); ++frame) {
        // The frame (ImGui::NewFrame): the key's state after what was handed on before it.
        for (const Seen& s : seen)
            down = s.action == kPress;
        seen.clear();
        if (down && !was_down)
            ++presses_seen_by_frames; // ImGui counts a press when a frame sees the key go down
        was_down = down;
        queue.AfterNewFrame(nullptr);
    }
    CHECK(presses_seen_by_frames == 9);
    CHECK_FALSE(queue.Pending());
    CHECK_FALSE(down);
    g_seen = nullptr;
}

TEST_CASE("different keys pass at once, a modifier keeps its order with the key it modifies")
{
    std::vector<Seen> seen;
    g_seen = &seen;
    labcalc::platform::KeyEventQueue queue;
    queue.SetForward(&Record);
    queue.OnKey(nullptr, kShift, 0, kPress, 0);
    queue.OnKey(nullptr, kRight, 0, kPress, 1);
    CHECK(seen.size() == 2); // nothing waits: no delay for normal typing
    queue.OnKey(nullptr, kRight, 0, kRelease, 1);
    queue.OnKey(nullptr, kShift, 0, kRelease, 0); // waits behind the release before it
    CHECK(seen.size() == 2);
    CHECK(queue.WaitingCount() == 2);
    queue.AfterNewFrame(nullptr); // a frame saw both presses: both releases go on, in their order
    REQUIRE(seen.size() == 4);
    CHECK(seen[2].key == kRight);
    CHECK(seen[3].key == kShift);
    g_seen = nullptr;
}
