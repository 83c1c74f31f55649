// One state change per key per frame (see key_event_queue.hpp).
#include "key_event_queue.hpp"

namespace labcalc::platform {

void KeyEventQueue::OnKey(GLFWwindow* window, int key, int scancode, int action, int mods)
{
    // In order: once anything waits, everything after it waits too (a release never overtakes its press).
    if (waiting_.empty() && changed_.insert(key).second) {
        if (forward_)
            forward_(window, key, scancode, action, mods);
        return;
    }
    waiting_.push_back({key, scancode, action, mods});
}

void KeyEventQueue::AfterNewFrame(GLFWwindow* window)
{
    changed_.clear();
    while (!waiting_.empty() && changed_.insert(waiting_.front().key).second) {
        const Event e = waiting_.front();
        waiting_.pop_front();
        if (forward_)
            forward_(window, e.key, e.scancode, e.action, e.mods);
    }
}

} // namespace labcalc::platform
