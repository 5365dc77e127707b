#pragma once
// Fixtures the GUI tests share: a temporary folder of their own, and the app opened on the home
// screen of a learner with her own text size, in a real database.
#include "core/progress_store.hpp"
#include "ui/main_frame.hpp"
#include "wx_test_support.hpp"

#include <wx/weakref.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace pasapas::test {

// The window with this name under root, once it is on screen (the test stops when it never is).
inline wxWindow* require_window(wxWindow* root, const wxString& name, int timeout_ms = 3000) {
    wxWindow* window = nullptr;
    wait_until(
        [&] {
            window = root->FindWindow(name);
            return window != nullptr && window->IsShownOnScreen();
        },
        timeout_ms);
    INFO("window " << name.utf8_string());
    REQUIRE(window != nullptr);
    REQUIRE(window->IsShownOnScreen());
    return window;
}

// A fresh folder, removed with everything in it; prefix names the test that made it.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix) {
        static int count = 0;
        path = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(count++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// A learner with a profile and her own text size in a real database, the app at a small
// laptop's size (1024×768) with the given lessons, her home shown.
struct LearnerAtHome {
    TempDir temp{"pasapas-gui-home"};
    core::LearnerId learner = 0;
    ui::MainFrame* frame = nullptr;

    LearnerAtHome(int percent, const std::filesystem::path& lessons, const std::string& name) {
        ensure_wx();
        const std::filesystem::path db = temp.path / "progress.db";
        {
            core::ProgressStore store(db);
            learner = store.create_learner(name, "chat");
            store.set_setting(learner, "text_percent", std::to_string(percent));
        }
        ui::MainFrameOptions options;
        options.database = db;
        options.lessons_dir = lessons;
        options.assets_dir = PASAPAS_ASSETS_DIR;
        options.appearance.language = "en";
        frame = new ui::MainFrame(options);
        frame->SetSize(frame->FromDIP(wxSize(1024, 768)));
        frame->Move(0, 0);
        show_and_wait(frame);
        frame->start();
        click(require_window(frame, wxString::FromUTF8("profile:" + name)));
        REQUIRE(wait_until([&] { return frame->screen() == ui::MainFrame::Screen::Home; }));
        REQUIRE(frame->appearance().text_percent == percent);
    }
    ~LearnerAtHome() {
        wxWeakRef<ui::MainFrame> ref(frame);
        frame->Close(true);
        wait_until([&] { return ref.get() == nullptr; });
    }
    LearnerAtHome(const LearnerAtHome&) = delete;
    LearnerAtHome& operator=(const LearnerAtHome&) = delete;
};

// Quitting: the window and everything it owns (the store included) are gone.
inline void quit(ui::MainFrame* frame) {
    wxWeakRef<ui::MainFrame> ref(frame);
    frame->Close(true);
    REQUIRE(wait_until([&] { return ref.get() == nullptr; }));
}

}  // namespace pasapas::test
