// A learner's first visit, end to end, with real clicks and keystrokes: create a profile,
// open the mouse lesson, do its first steps, leave; then quit and start again from the same
// database and find the lesson waiting at exactly the step where it was left.
#include "app_test_support.hpp"
#include "core/lesson_session.hpp"
#include "ui/lesson_player_panel.hpp"
#include "ui/main_frame.hpp"
#include "wx_test_support.hpp"

#include <wx/button.h>
#include <wx/weakref.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using pasapas::ui::MainFrame;
using namespace pasapas::test;

MainFrame* start_app(const fs::path& db) {
    pasapas::ui::MainFrameOptions options;
    options.database = db;
    options.lessons_dir = PASAPAS_LESSONS_DIR;
    options.assets_dir = PASAPAS_ASSETS_DIR;
    options.appearance.language = "en";
    auto* frame = new MainFrame(options);
    show_and_wait(frame);
    frame->start();
    return frame;
}

// Does one click step of the lesson: the right target, then "Next".
void click_step(MainFrame* frame, const char* target) {
    click(require_window(frame, wxString("target:") + target));
    auto* next = dynamic_cast<wxButton*>(require_window(frame, "next-button"));
    INFO("after clicking " << target);
    REQUIRE(wait_until([&] { return next->IsEnabled(); }));
    click(next);
    pump(200);
}

const pasapas::core::LessonSession& session_of(MainFrame* frame) {
    auto* player = dynamic_cast<pasapas::ui::LessonPlayerPanel*>(frame->current_panel());
    REQUIRE(player != nullptr);
    return player->session();
}

}  // namespace

TEST_CASE("A first lesson is saved at its step and resumed there after a restart", "[gui]") {
    ensure_wx();
    TempDir temp{"pasapas-gui-first-lesson"};
    const fs::path db = temp.path / "progress.db";

    MainFrame* frame = start_app(db);
    REQUIRE(frame->screen() == MainFrame::Screen::Profiles);
    screenshot(frame, "first-lesson-1-profiles.png");

    // A new profile: a first name, a picture, Create.
    click(require_window(frame, "new-profile-button"));
    wxWindow* dialog = nullptr;
    REQUIRE(wait_until([&] {
        dialog = wxWindow::FindWindowByName("new-profile-dialog");
        return dialog != nullptr && dialog->IsShownOnScreen();
    }));
    pump(300);
    click(require_window(dialog, "name-field"));
    type_text("Camille");
    click(require_window(dialog, "avatar:chat"));
    screenshot(dialog, "first-lesson-2-new-profile.png");
    click(require_window(dialog, "create-button"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
    CHECK(text_of(require_window(frame, "hello")) == "Hello, Camille");
    CHECK(text_of(require_window(frame, "lesson:souris")).find("Not started") != std::string::npos);
    screenshot(frame, "first-lesson-3-home.png");

    // The mouse lesson, its first three steps, then leave.
    click(require_window(frame, "lesson:souris"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Player; }));
    REQUIRE(session_of(frame).step_index() == 0);
    click_step(frame, "rond-vert");
    click_step(frame, "etoile");
    click_step(frame, "valider");
    REQUIRE(session_of(frame).step_index() == 3);
    screenshot(frame, "first-lesson-4-player.png");
    click(require_window(frame, "leave-button"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
    CHECK(text_of(require_window(frame, "lesson:souris")).find("In progress, step 4 of 10") !=
          std::string::npos);

    // Quit, start again from the same file.
    quit(frame);
    frame = start_app(db);
    REQUIRE(frame->screen() == MainFrame::Screen::Profiles);
    click(require_window(frame, "profile:Camille"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
    screenshot(frame, "first-lesson-5-home-after-restart.png");
    CHECK(text_of(require_window(frame, "lesson:souris")).find("In progress, step 4 of 10") !=
          std::string::npos);
    wxWindow* resume = require_window(frame, "continue-button");
    CHECK(text_of(resume) == "Continue: Utiliser la souris, step 4 of 10");

    click(resume);
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Player; }));
    CHECK(session_of(frame).step_index() == 3);
    CHECK(session_of(frame).step().id == "ouvrir-dossier");
    CHECK(require_window(frame, "target:photos") != nullptr);

    // Escape leaves the lesson, as the button does.
    press_key(WXK_ESCAPE);
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
    quit(frame);
}
