// A procedure simulation played end to end in guided mode, with real clicks and keystrokes,
// from the home screen: the paid look-alike trap and its coaching, a wrong postal code and
// the site's message under the field, the code received on the phone, the receipt with its
// checklist; then the events are in the store and home says the procedure is done.
#include "app_test_support.hpp"
#include "core/scenario_session.hpp"
#include "ui/main_frame.hpp"
#include "ui/scenario_player_panel.hpp"
#include "wx_test_support.hpp"

#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using pasapas::ui::MainFrame;
using namespace pasapas::test;

// The thing guided mode points at is on screen, inside the page, without scrolling by hand.
wxWindow* require_in_sight(wxWindow* root, const wxString& name) {
    wxWindow* window = require_window(root, name);
    wxWindow* page = root->FindWindow("page-view");
    REQUIRE(page != nullptr);
    const wxRect a = window->GetScreenRect();
    const wxRect b = page->GetScreenRect();
    INFO("in sight: " << name.utf8_string() << " at " << a.x << "," << a.y << " " << a.width << "x"
                      << a.height << " page " << b.x << "," << b.y << " " << b.width << "x" << b.height);
    REQUIRE(wait_until([&] { return is_visible_in(window, page); }));
    return window;
}

// What a person does for something above or below the visible part: the mouse wheel.
wxWindow* scroll_to(wxWindow* root, const wxString& name) {
    wxWindow* window = require_window(root, name);
    wxWindow* page = root->FindWindow("page-view");
    REQUIRE(page != nullptr);
    for (int i = 0; i < 30 && !is_visible_in(window, page); ++i) {
        move_mouse(centre_on_screen(page), 2);
        const bool up = window->GetScreenRect().y < page->GetScreenRect().y;
        REQUIRE(std::system(up ? "xdotool click 4" : "xdotool click 5") == 0);
        pump(60);
    }
    return require_in_sight(root, name);
}

// At every text size the simulated page keeps at least half the window's height, even with
// Pas a Pas' coaching on screen, and that coaching is in sight, not scrolled away.
void require_page_height(MainFrame* frame) {
    wxWindow* page = require_window(frame, "page-view");
    INFO("page view " << page->GetSize().y << " px high in a frame of " << frame->GetSize().y);
    CHECK(page->GetSize().y * 2 >= frame->GetSize().y);
    wxWindow* coach = frame->FindWindow("coach");
    if (coach != nullptr && coach->IsShownOnScreen()) {
        // Its beginning at least, where reading starts: three lines.
        const wxRect text = coach->GetScreenRect();
        const wxRect view = require_window(frame, "guidance")->GetScreenRect();
        const int lines = coach->GetCharHeight() * 3;
        INFO("coach at " << text.y << " (" << text.height << " px), guidance " << view.y << " to "
                         << view.GetBottom());
        CHECK(text.y >= view.y);
        CHECK(text.y + std::min(lines, text.height) <= view.GetBottom() + 1);
    }
}

// Opens the procedure from home in the chosen mode.
void open_in_mode(MainFrame* frame, const wxString& mode) {
    click(require_window(frame, "scenario:demarche-gui"));
    wxWindow* dialog = nullptr;
    REQUIRE(wait_until([&] {
        dialog = wxWindow::FindWindowByName("scenario-mode-dialog");
        return dialog != nullptr && dialog->IsShownOnScreen();
    }));
    pump(300);
    click(require_window(dialog, mode));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Scenario; }));
    pump(300);
}

const pasapas::core::ScenarioSession& session_of(MainFrame* frame) {
    auto* player = dynamic_cast<pasapas::ui::ScenarioPlayerPanel*>(frame->current_panel());
    REQUIRE(player != nullptr);
    return player->session();
}

std::string page_of(MainFrame* frame) {
    return session_of(frame).page().id;
}

// Clicks into a box and types, as a person does.
void type_into(MainFrame* frame, const wxString& name, const char* text) {
    wxWindow* box = scroll_to(frame, name);
    click(box);
    REQUIRE(wait_until([&] { return wxWindow::FindFocus() == box; }));
    type_text(text);
}

void play(MainFrame* frame, const std::string& shots) {
    // Home lists the procedure with its state; its button asks how to play it.
    CHECK(text_of(require_window(frame, "scenario:demarche-gui")).find("Not started") != std::string::npos);
    click(require_window(frame, "scenario:demarche-gui"));
    wxWindow* dialog = nullptr;
    REQUIRE(wait_until([&] {
        dialog = wxWindow::FindWindowByName("scenario-mode-dialog");
        return dialog != nullptr && dialog->IsShownOnScreen();
    }));
    pump(300);
    CHECK(text_of(require_window(dialog, "mode-check-text")).find("No help") != std::string::npos);
    screenshot(dialog, shots + "1-mode.png");
    click(require_window(dialog, "mode-guided"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Scenario; }));
    pump(300);

    // The search page, inside the simulated browser, with what to do and where.
    CHECK(text_of(require_window(frame, "simulation-text")).find("SIMULATION") != std::string::npos);
    CHECK(text_of(require_window(frame, "address-url")) == "https://recherche.example/?q=demarche");
    CHECK(text_of(require_window(frame, "instruction")) == "Choisissez le site officiel, pas l'annonce.");
    CHECK(text_of(require_window(frame, "ad:annonce")) == "Ad");
    wxWindow* official_box = require_window(frame, "box:officiel");
    CHECK(official_box->GetBackgroundColour() != require_window(frame, "box:annonce")->GetBackgroundColour());
    // Beside the browser, the identity sheet with what to type, rather than an empty phone.
    CHECK_FALSE(frame->FindWindow("phone")->IsShownOnScreen());
    CHECK(text_of(require_window(frame, "side:phone")) == "Phone");
    screenshot(frame, shots + "2-search.png");

    // The paid look-alike: the page stays, Pas à Pas explains kindly.
    click(scroll_to(frame, "action:annonce"));
    INFO("mistakes counted: " << session_of(frame).totals().mistakes);
    REQUIRE(wait_until([&] {
        return frame->FindWindow("coach") != nullptr && frame->FindWindow("coach")->IsShownOnScreen();
    }));
    CHECK(text_of(frame->FindWindow("coach")).find("annonce payante") != std::string::npos);
    CHECK(page_of(frame) == "recherche");
    require_page_height(frame);
    screenshot(frame, shots + "2b-coach.png");

    click(require_in_sight(frame, "action:officiel"));
    REQUIRE(wait_until([&] { return page_of(frame) == "identite"; }));
    pump(200);
    CHECK(text_of(require_window(frame, "address-url")) == "https://www.service-public.fr/demarche/identite");
    // The site's own words stay French, whatever the app's language.
    CHECK(text_of(require_window(frame, "stepper-step")) == "Étape 1 sur 2");
    CHECK(text_of(frame->FindWindow("label-day:naissance")) == "Jour");
    CHECK(text_of(frame->FindWindow("label-year:naissance")) == "Année");
    CHECK(text_of(require_window(frame, "instruction")) == "Tapez le nom de naissance de Camille.");
    CHECK_FALSE(frame->FindWindow("coach")->IsShownOnScreen());

    // A postal code one digit short: the site's message under the field, its red line. The
    // field guided mode points at is always in sight.
    require_in_sight(frame, "input:nom");
    type_into(frame, "input:nom", "Exemple");
    CHECK(wait_until([&] { return text_of(frame->FindWindow("instruction")) == "Tapez le code postal."; }));
    require_in_sight(frame, "input:cp");
    type_into(frame, "input:cp", "2600");
    type_into(frame, "input-day:naissance", "12");
    type_into(frame, "input-month:naissance", "03");
    type_into(frame, "input-year:naissance", "1956");
    screenshot(frame, shots + "3-form.png");
    click(scroll_to(frame, "action:continuer"));
    REQUIRE(wait_until([&] { return frame->FindWindow("error:cp") != nullptr; }));
    pump(200);
    CHECK(text_of(require_window(frame, "error:cp")) == "Le code postal doit comporter 5 chiffres.");
    CHECK(frame->FindWindow("error:nom") == nullptr);
    CHECK(page_of(frame) == "identite");
    CHECK(text_of(require_window(frame, "coach")).find("5 chiffres") != std::string::npos);
    // What was typed is still there, and the keyboard is on the field to correct.
    auto* cp = dynamic_cast<wxTextCtrl*>(require_window(frame, "input:cp"));
    REQUIRE(cp != nullptr);
    CHECK(cp->GetValue() == "2600");
    CHECK(dynamic_cast<wxTextCtrl*>(require_window(frame, "input:nom"))->GetValue() == "Exemple");
    CHECK(wxWindow::FindFocus() == cp);
    require_page_height(frame);
    require_in_sight(frame, "input:cp");
    screenshot(frame, shots + "4-error.png");

    // Corrected with the keyboard only: the missing digit, then Tab to « Continuer » and Space.
    cp->SetInsertionPointEnd();
    type_text("0");
    CHECK(cp->GetValue() == "26000");
    click(scroll_to(frame, "input-year:naissance"));
    press_key(WXK_TAB);
    CHECK(wxWindow::FindFocus() == frame->FindWindow("action:continuer"));
    press_key(WXK_SPACE);
    REQUIRE(wait_until([&] { return page_of(frame) == "code"; }));
    pump(200);

    // The code arrives on the phone: the guide points at the phone first.
    CHECK(text_of(require_window(frame, "instruction")) == "Ouvrez le téléphone pour lire le code reçu.");
    REQUIRE(session_of(frame).sms().size() == 1);
    // The phone comes forward by itself, its tab still counting the message as new.
    CHECK(wait_until([&] { return frame->FindWindow("phone")->IsShownOnScreen(); }));
    CHECK(text_of(require_window(frame, "side:phone")) == "Phone (1 new)");
    click(require_window(frame, "side:phone"));
    CHECK(text_of(require_window(frame, "side:phone")) == "Phone");
    CHECK(wait_until(
        [&] { return text_of(frame->FindWindow("instruction")) == "Tapez le code reçu par SMS."; }));
    const std::string body = session_of(frame).sms().front().body;
    const auto digits = body.find_first_of("0123456789");
    REQUIRE(digits != std::string::npos);
    const std::string code = body.substr(digits, 6);
    screenshot(frame, shots + "5-phone.png");
    require_in_sight(frame, "input:code");
    type_into(frame, "input:code", code.c_str());
    click(require_in_sight(frame, "action:valider"));

    // The receipt, with the reference and its QR code, the checklist, and the way home.
    REQUIRE(wait_until([&] { return session_of(frame).finished(); }));
    pump(300);
    CHECK(text_of(require_window(frame, "address-url")) == "https://www.service-public.fr/demarche/recu");
    const std::string reference = session_of(frame).reference();
    CHECK(text_of(require_window(frame, "recap:2")) == reference);
    require_window(frame, "qr:3");
    CHECK(text_of(require_window(frame, "end-title")).find("complete") != std::string::npos);
    CHECK(text_of(require_window(frame, "checklist-item:0")).find("téléphone portable") != std::string::npos);
    require_window(frame, "print-checklist");
    CHECK_FALSE(frame->FindWindow("hint-button")->IsShown());
    // The end takes the place of the title: the receipt keeps its height.
    CHECK_FALSE(frame->FindWindow("leave-button")->IsShown());
    require_page_height(frame);
    screenshot(frame, shots + "6-receipt.png");
    click(require_window(frame, "home-button"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
    CHECK(text_of(require_window(frame, "scenario:demarche-gui")).find("Done") != std::string::npos);
}

// The search page, the form and the code, done right apart from one paid look-alike click.
void finish_alone(MainFrame* frame) {
    click(scroll_to(frame, "action:officiel"));
    REQUIRE(wait_until([&] { return page_of(frame) == "identite"; }));
    pump(200);
    type_into(frame, "input:nom", "Exemple");
    type_into(frame, "input:cp", "26000");
    type_into(frame, "input-day:naissance", "12");
    type_into(frame, "input-month:naissance", "03");
    type_into(frame, "input-year:naissance", "1956");
    click(scroll_to(frame, "action:continuer"));
    REQUIRE(wait_until([&] { return page_of(frame) == "code"; }));
    pump(200);
    click(require_window(frame, "side:phone"));
    REQUIRE(session_of(frame).sms().size() == 1);
    const std::string body = session_of(frame).sms().front().body;
    const auto digits = body.find_first_of("0123456789");
    REQUIRE(digits != std::string::npos);
    type_into(frame, "input:code", body.substr(digits, 6).c_str());
    click(scroll_to(frame, "action:valider"));
    REQUIRE(wait_until([&] { return session_of(frame).finished(); }));
    pump(300);
}

}  // namespace

TEST_CASE("A procedure is completed in guided mode with real clicks and keys, and recorded",
          "[gui][scenario]") {
    // The learner's own setting, up to double text size, on a 1024x768 window.
    const int percent = GENERATE(100, 150, 200);
    LearnerAtHome run(percent, PASAPAS_GUI_SCENARIO_DIR, "Camille");
    MainFrame* frame = run.frame;
    const auto learner = run.learner;
    const std::size_t before = frame->store()->events(learner, "demarche-gui").size();

    play(frame, "scenario-" + std::to_string(percent) + "-");

    // Every action is in the store, with the mistakes a mediator wants to see.
    const auto events = frame->store()->events(learner, "demarche-gui");
    REQUIRE(events.size() > before);
    auto has = [&](const std::string& step, const std::string& action, const std::string& mistake) {
        return std::any_of(events.begin() + static_cast<std::ptrdiff_t>(before), events.end(),
                           [&](const pasapas::core::StepEvent& e) {
                               return e.step_id == step && e.action == action && e.mistake == mistake;
                           });
    };
    CHECK(has("recherche", "attempt", "lookalike-site"));
    CHECK(has("identite", "attempt", "cp:format"));
    CHECK(std::any_of(events.begin(), events.end(),
                      [](const pasapas::core::StepEvent& e) { return e.action == "lesson-done"; }));
    const auto results = frame->store()->scenario_results(learner);
    CHECK(std::any_of(results.begin(), results.end(), [](const pasapas::core::ScenarioResult& r) {
        return r.scenario_id == "demarche-gui" && r.finished && r.mode == "guided";
    }));
}

TEST_CASE("The autonomy check gives no help, even after a mistake, and shows the level at the end",
          "[gui][scenario]") {
    const int percent = GENERATE(100, 200);
    LearnerAtHome run(percent, PASAPAS_GUI_SCENARIO_DIR, "Camille");
    MainFrame* frame = run.frame;
    open_in_mode(frame, "mode-check");
    const std::string shots = "check-" + std::to_string(percent) + "-";

    CHECK_FALSE(frame->FindWindow("hint-button")->IsShownOnScreen());
    CHECK(text_of(require_window(frame, "instruction")).find("no help") != std::string::npos);
    // Nothing marks the next thing to do.
    CHECK(require_window(frame, "box:officiel")->GetBackgroundColour() ==
          require_window(frame, "box:annonce")->GetBackgroundColour());

    // The paid look-alike: the page stays, and Pas a Pas says nothing.
    click(scroll_to(frame, "action:annonce"));
    REQUIRE(wait_until([&] { return session_of(frame).totals().mistakes == 1; }));
    pump(200);
    CHECK(page_of(frame) == "recherche");
    CHECK_FALSE(frame->FindWindow("coach")->IsShownOnScreen());
    CHECK(text_of(frame->FindWindow("coach")).empty());
    require_page_height(frame);
    screenshot(frame, shots + "1-mistake.png");

    finish_alone(frame);
    // One look-alike click out of a whole procedure: autonomous.
    CHECK(text_of(require_window(frame, "level")) == "Your result: Autonomous");
    require_page_height(frame);
    CHECK_FALSE(frame->FindWindow("hint-button")->IsShown());
    screenshot(frame, shots + "2-level.png");
    const auto results = frame->store()->scenario_results(run.learner);
    CHECK(std::any_of(results.begin(), results.end(), [](const pasapas::core::ScenarioResult& r) {
        return r.scenario_id == "demarche-gui" && r.finished && r.mode == "check" && r.level == "autonome";
    }));
}

TEST_CASE("In practice, Hint gives the instruction, then the hints one by one, in order", "[gui][scenario]") {
    const int percent = GENERATE(100, 200);
    LearnerAtHome run(percent, PASAPAS_GUI_SCENARIO_DIR, "Camille");
    MainFrame* frame = run.frame;
    open_in_mode(frame, "mode-practice");
    const std::string shots = "practice-" + std::to_string(percent) + "-";

    wxWindow* hint = require_window(frame, "hint-button");
    CHECK(text_of(require_window(frame, "instruction")).find("Hint") != std::string::npos);
    CHECK(frame->FindWindow("hint-1") == nullptr);
    click(hint);
    REQUIRE(wait_until([&] {
        return text_of(frame->FindWindow("instruction")) == "Choisissez le site officiel, pas l'annonce.";
    }));
    CHECK(frame->FindWindow("hint-1") == nullptr);
    click(require_window(frame, "hint-button"));
    wxWindow* first = require_window(frame, "hint-1");
    CHECK(text_of(first) == "Hint 1: Regardez l'adresse sous chaque titre.");
    CHECK(is_visible_in(first, require_window(frame, "guidance")));
    CHECK(frame->FindWindow("hint-2") == nullptr);
    click(require_window(frame, "hint-button"));
    wxWindow* second = require_window(frame, "hint-2");
    CHECK(text_of(second) == "Hint 2: Le site officiel est service-public.fr.");
    CHECK(is_visible_in(second, require_window(frame, "guidance")));
    CHECK(session_of(frame).totals().hints == 2);
    require_page_height(frame);
    screenshot(frame, shots + "1-hints.png");
    // No third hint: the button says so by going grey, and the first two stay.
    click(require_window(frame, "hint-button"));
    CHECK(wait_until([&] { return !frame->FindWindow("hint-button")->IsEnabled(); }));
    CHECK(frame->FindWindow("hint-1") != nullptr);

    // A mistake in practice is coached, next to the hints.
    click(scroll_to(frame, "action:annonce"));
    REQUIRE(wait_until([&] { return frame->FindWindow("coach")->IsShownOnScreen(); }));
    CHECK(text_of(frame->FindWindow("coach")).find("annonce payante") != std::string::npos);
    require_page_height(frame);
    screenshot(frame, shots + "2-coach.png");

    click(require_window(frame, "leave-button"));
    REQUIRE(wait_until([&] { return frame->screen() == MainFrame::Screen::Home; }));
}

TEST_CASE("Before the site's time-out a banner offers to stay connected; ignored, the session expires",
          "[gui][scenario]") {
    const int percent = GENERATE(100, 200);
    // The sessions' clock runs ahead of the real one by what the test says.
    static std::chrono::seconds ahead{0};
    ahead = std::chrono::seconds(0);
    pasapas::ui::ScenarioPlayerPanel::set_test_clock([] { return std::chrono::steady_clock::now() + ahead; });
    struct Restore {
        ~Restore() { pasapas::ui::ScenarioPlayerPanel::set_test_clock({}); }
    } restore;
    LearnerAtHome run(percent, PASAPAS_GUI_SCENARIO_DIR, "Camille");
    MainFrame* frame = run.frame;
    open_in_mode(frame, "mode-guided");
    const std::string shots = "timeout-" + std::to_string(percent) + "-";
    wxWindow* banner = frame->FindWindow("timeout-banner");
    REQUIRE(banner != nullptr);
    CHECK_FALSE(banner->IsShownOnScreen());

    // Eighteen minutes without a click, out of twenty: the warning, and the page stays usable.
    ahead = std::chrono::seconds(1200 - 120 + 5);
    REQUIRE(wait_until([&] { return banner->IsShownOnScreen(); }));
    pump(200);
    wxWindow* warning = require_window(frame, "timeout-text");
    CHECK(text_of(warning) == "Your session on this site ends in 2 min.");
    CHECK(text_of(require_window(frame, "stay-connected")) == "Stay connected");
    // All of it can be read: wrapped, not cut.
    CHECK(warning->GetSize().x >= warning->GetBestSize().x);
    CHECK(warning->GetSize().y >= warning->GetBestSize().y);
    CHECK(warning->GetScreenRect().GetRight() <= banner->GetScreenRect().GetRight());
    CHECK(page_of(frame) == "recherche");
    require_page_height(frame);
    screenshot(frame, shots + "1-banner.png");

    // « Stay connected »: the banner goes, the count starts again.
    click(require_window(frame, "stay-connected"));
    REQUIRE(wait_until([&] { return !banner->IsShownOnScreen(); }));
    pump(1500);
    CHECK_FALSE(banner->IsShownOnScreen());
    CHECK(page_of(frame) == "recherche");

    // Ignored this time: the site's expired page, counted as a mistake, the banner gone.
    const int mistakes = session_of(frame).totals().mistakes;
    ahead += std::chrono::seconds(1200 + 5);
    REQUIRE(wait_until([&] { return page_of(frame) == "session-expiree"; }));
    pump(200);
    CHECK(text_of(require_window(frame, "address-url")) == "https://www.service-public.fr/demarche/expire");
    CHECK_FALSE(banner->IsShownOnScreen());
    CHECK(session_of(frame).totals().mistakes == mistakes + 1);
    screenshot(frame, shots + "2-expired.png");
}
