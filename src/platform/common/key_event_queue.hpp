#pragma once
// Key events handed to Dear ImGui one state change per key per frame. ImGui 1.86's GLFW backend keeps only
// whether a key is down (io.KeysDown): a press and its release that arrive between two frames (a quick
// tap, a test typing at full speed, a key held for less than one frame) leave no trace, so nine quick
// presses of an arrow key could change nothing. Both platform mains put this queue in front of the
// backend's key callback: a key's second change before a frame has seen its first waits for the frame
// after, and so on, so every press is seen. No GLFW calls here: the window is only passed through.
#include <cstddef>
#include <deque>
#include <set>

struct GLFWwindow; // only passed through

namespace labcalc::platform {

class KeyEventQueue {
public:
    using Forward = void (*)(GLFWwindow* window, int key, int scancode, int action, int mods); // GLFWkeyfun

    // Where events go on (the backend's callback, as glfwSetKeyCallback returned it).
    void SetForward(Forward forward) { forward_ = forward; }
    // A key event from the window system.
    void OnKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    // Call after ImGui::NewFrame (which has now seen every change handed on): hands on the events that
    // waited, one change per key, for the next frame.
    void AfterNewFrame(GLFWwindow* window);
    // Events still waiting, or handed on and not yet seen by a frame: the platform draws another frame.
    bool Pending() const { return !waiting_.empty() || !changed_.empty(); }
    std::size_t WaitingCount() const { return waiting_.size(); }

private:
    struct Event {
        int key, scancode, action, mods;
    };
    Forward forward_ = nullptr;
    std::deque<Event> waiting_;
    std::set<int> changed_; // keys handed on that no frame has seen yet
};

} // namespace labcalc::platform
