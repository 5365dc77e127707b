#pragma once
// Shared by the GUI tests: starts wxWidgets once (Catch2 owns main), lets real events flow,
// finds windows by the names the UI gives them, and drives the real mouse and keyboard with
// wxUIActionSimulator, the way a learner would.
#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace pasapas::test {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// Initialises wxWidgets the first time; later calls do nothing.
inline void ensure_wx() {
    static const bool started = [] {
        wxApp::SetInstance(new TestApp);
        static int argc = 1;
        static char name[] = "pasapas-gui-test";
        static char* argv[] = {name, nullptr};
        if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
            throw std::runtime_error("wxWidgets could not start: is there an X display (DISPLAY)?");
        }
        wxInitAllImageHandlers();
        return true;
    }();
    (void)started;
}

// Lets pending events run for about ms milliseconds.
inline void pump(int ms = 50) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->ProcessPendingEvents();
        wxYield();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < end);
}

// Pumps events until condition() holds; false after timeout_ms.
inline bool wait_until(const std::function<bool()>& condition, int timeout_ms = 3000) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < end) {
        if (condition()) {
            return true;
        }
        pump(10);
    }
    return condition();
}

// The descendant of root with this name (wxWindow::SetName), or nullptr.
template <typename T = wxWindow>
T* find(wxWindow* root, const wxString& name) {
    return dynamic_cast<T*>(root->FindWindow(name));
}

// A label as read: the line breaks that wrapping inserted count as spaces.
inline std::string text_of(const wxWindow* window) {
    if (window == nullptr) {
        return "<no such window>";
    }
    wxString label = window->GetLabel();
    label.Replace("\n", " ");
    return label.utf8_string();
}

inline wxPoint centre_on_screen(const wxWindow* window) {
    const wxRect rect = window->GetScreenRect();
    return {rect.x + rect.width / 2, rect.y + rect.height / 2};
}

// True when the window's centre is inside the visible part of its clipping ancestor.
inline bool is_visible_in(const wxWindow* window, const wxWindow* viewport) {
    return window->IsShownOnScreen() && viewport->GetScreenRect().Contains(centre_on_screen(window));
}

// Moves the mouse in small steps, as a hand would (some code reacts to the movement).
inline void move_mouse(const wxPoint& to, int steps = 8) {
    wxUIActionSimulator sim;
    const wxPoint from = wxGetMousePosition();
    for (int i = 1; i <= steps; ++i) {
        sim.MouseMove(from + (to - from) * i / steps);
        pump(15);
    }
}

inline void click(const wxWindow* window) {
    move_mouse(centre_on_screen(window));
    wxUIActionSimulator().MouseClick();
    pump(100);
}

inline void click_at(const wxPoint& screen_point) {
    move_mouse(screen_point);
    wxUIActionSimulator().MouseClick();
    pump(100);
}

inline void double_click(const wxWindow* window) {
    move_mouse(centre_on_screen(window));
    wxUIActionSimulator().MouseDblClick();
    pump(100);
}

// Presses on from, carries to to with the button held, releases there.
inline void drag(const wxPoint& from, const wxPoint& to) {
    wxUIActionSimulator sim;
    move_mouse(from);
    sim.MouseDown();
    pump(50);
    move_mouse(to, 16);
    pump(50);
    sim.MouseUp();
    pump(150);
}

inline void type_text(const char* text) {
    wxUIActionSimulator().Text(text);
    pump(100);
}

inline void press_key(int key_code, int modifiers = wxMOD_NONE) {
    wxUIActionSimulator().Char(key_code, modifiers);
    pump(100);
}

// Brings a frame up and waits until the window manager has really shown and focused it.
inline void show_and_wait(wxFrame* frame) {
    frame->Show();
    frame->Raise();
    wait_until([frame] { return frame->IsShownOnScreen(); });
    pump(300);
}

// Saves what the window shows, when PASAPAS_SHOTS_DIR is set: a way to look at the screens.
inline void screenshot(const wxWindow* window, const std::string& file_name) {
    const char* dir = std::getenv("PASAPAS_SHOTS_DIR");
    if (dir == nullptr || *dir == '\0') {
        return;
    }
    pump(200);
    const wxRect rect = window->GetScreenRect();
    const std::string path = std::string(dir) + "/" + file_name;
    // ImageMagick's import reads the X server itself; GTK 3's screen DC can return a stale picture.
    const std::string command = "import -window root -crop " + std::to_string(rect.width) + "x" +
                                std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                                std::to_string(rect.y) + " '" + path + "' 2>/dev/null";
    if (std::system(command.c_str()) == 0) {
        return;
    }
    wxBitmap bitmap(rect.GetSize());
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
    memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    memory.SelectObject(wxNullBitmap);
    bitmap.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
}

}  // namespace pasapas::test
