// Nothing a learner needs to read may be cut off: at the default and the largest text size,
// on the first screens, every label and button gets at least the room its text needs.
#include "core/progress_store.hpp"
#include "ui/main_frame.hpp"
#include "wx_test_support.hpp"

#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using pasapas::ui::MainFrame;
using namespace pasapas::test;

// Compares each text control's size with a fresh measurement of what its text needs.
void require_nothing_clipped(wxWindow* window, int percent) {
    for (wxWindow* child : window->GetChildren()) {
        if (child->IsTopLevel() || !child->IsShownOnScreen()) {
            continue;
        }
        if (dynamic_cast<wxStaticText*>(child) != nullptr || dynamic_cast<wxButton*>(child) != nullptr) {
            child->InvalidateBestSize();
            const wxSize needed = child->GetBestSize();
            const wxSize given = child->GetSize();
            INFO("\"" << child->GetLabel().utf8_string() << "\" at " << percent << " %: given " << given.x
                      << "x" << given.y << ", needs " << needed.x << "x" << needed.y);
            CHECK(given.x >= needed.x);
            CHECK(given.y >= needed.y);
        }
        require_nothing_clipped(child, percent);
    }
}

void check_first_screen(const fs::path& db, int percent, bool guest) {
    pasapas::ui::MainFrameOptions options;
    options.database = db;
    options.lessons_dir = PASAPAS_LESSONS_DIR;
    options.assets_dir = PASAPAS_ASSETS_DIR;
    options.appearance.language = "en";
    options.appearance.text_percent = percent;
    options.start_as_guest = guest;
    auto* frame = new MainFrame(options);
    show_and_wait(frame);
    frame->start();
    const auto expected = guest ? MainFrame::Screen::Home : MainFrame::Screen::Profiles;
    REQUIRE(wait_until([&] { return frame->screen() == expected; }));
    pump(500);  // the deferred layout, once GTK has applied the fonts
    screenshot(frame, "layout-" + std::to_string(percent) + (guest ? "-guest" : "-profiles") + ".png");
    require_nothing_clipped(frame, percent);
    wxWeakRef<MainFrame> ref(frame);
    frame->Close(true);
    REQUIRE(wait_until([&] { return ref.get() == nullptr; }));
}

}  // namespace

TEST_CASE("first screens show every label and button whole, at 100 % and 200 %", "[gui][layout]") {
    ensure_wx();
    const fs::path dir = fs::temp_directory_path() / ("pasapas-gui-layout-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        pasapas::core::ProgressStore store(dir / "progress.db");
        store.create_learner("Zoé", "chat");
        store.create_learner("Marc-Antoine", "velo");
    }
    for (const int percent : {100, 200}) {
        check_first_screen(dir / "progress.db", percent, true);
        check_first_screen(dir / "progress.db", percent, false);
    }
    fs::remove_all(dir);
}
