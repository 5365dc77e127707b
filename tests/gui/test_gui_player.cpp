// The lesson player as a learner meets it: a real window, the real mouse and keyboard, and a
// real progress file, step by step through every kind of activity.
#include "app_test_support.hpp"
#include "core/lesson.hpp"
#include "core/lesson_session.hpp"
#include "core/progress_store.hpp"
#include "ui/appearance.hpp"
#include "ui/lesson_player_panel.hpp"
#include "wx_test_support.hpp"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace pasapas;
using pasapas::test::find;
using pasapas::test::TempDir;
using pasapas::test::text_of;

namespace {

core::Option option(const std::string& id, const std::string& label, bool correct = false) {
    core::Option o;
    o.id = id;
    o.label = label;
    o.correct = correct;
    return o;
}

// One step of each kind, with the lesson's own feedback where the test reads it.
core::Lesson sample_lesson() {
    core::Lesson lesson;
    lesson.id = "essai";
    lesson.title = "Leçon d'essai";

    core::Step click;
    click.id = "clic";
    click.instruction = "Cliquez sur le rond vert.";
    click.activity.kind = core::ActivityKind::Click;
    click.activity.options = {option("rond", "Rond vert", true), option("carre", "Carré rouge")};
    click.activity.feedback["miss"] = "Presque ! Le clic est tombé à côté.";
    click.activity.success = "Bravo, premier clic !";
    click.hints = {"Cherchez le rond.", "Le rond est vert."};
    lesson.steps.push_back(click);

    core::Step dbl;
    dbl.id = "double";
    dbl.instruction = "Double-cliquez sur le dossier Photos.";
    dbl.activity.kind = core::ActivityKind::DoubleClick;
    dbl.activity.options = {option("photos", "Dossier Photos", true), option("musique", "Dossier Musique")};
    dbl.activity.feedback["single-click"] = "Un seul clic : il en faut deux.";
    dbl.activity.success = "Le dossier est ouvert.";
    lesson.steps.push_back(dbl);

    core::Step drag;
    drag.id = "glisser";
    drag.instruction = "Rangez la pomme dans le panier et le journal dans la corbeille.";
    drag.activity.kind = core::ActivityKind::DragDrop;
    drag.activity.zones = {{"panier", "Panier"}, {"corbeille", "Corbeille"}};
    drag.activity.items = {{"pomme", "Pomme", "panier"}, {"journal", "Journal", "corbeille"}};
    drag.activity.feedback["wrong-zone"] = "Pas dans cette zone.";
    drag.activity.success = "Tout est rangé.";
    lesson.steps.push_back(drag);

    core::Step scroll;
    scroll.id = "liste";
    scroll.instruction = "Trouvez Toulouse dans la liste.";
    scroll.activity.kind = core::ActivityKind::Scroll;
    for (int i = 0; i < 20; ++i) {
        scroll.activity.options.push_back(option("ville" + std::to_string(i), "Ville " + std::to_string(i)));
    }
    scroll.activity.options.push_back(option("toulouse", "Toulouse", true));
    scroll.activity.success = "Trouvé !";
    lesson.steps.push_back(scroll);

    core::Step type;
    type.id = "taper";
    type.instruction = "Tapez Bonjour puis appuyez sur Entrée.";
    type.activity.kind = core::ActivityKind::Type;
    type.activity.type.expected = "Bonjour";
    type.activity.type.submit_with_enter = true;
    type.activity.feedback["use-enter"] = "Appuyez sur la touche Entrée.";
    type.activity.success = "Bien tapé.";
    lesson.steps.push_back(type);

    core::Step choice;
    choice.id = "choix";
    choice.instruction = "Quel message est une arnaque ?";
    choice.media = core::Media{core::MediaKind::Sms, {}, {},
                               "Banque Exemple",     {}, "Votre compte est bloqué, cliquez ici."};
    choice.activity.kind = core::ActivityKind::Choice;
    choice.activity.options = {option("arnaque", "Une arnaque", true), option("vrai", "Un vrai message")};
    choice.activity.options[1].feedback = "Non : une banque ne demande jamais cela.";
    choice.activity.success = "Oui, c'est une arnaque.";
    lesson.steps.push_back(choice);
    return lesson;
}

// A frame holding the player, as the main window would.
struct PlayerWindow {
    wxFrame* frame = nullptr;
    ui::LessonPlayerPanel* panel = nullptr;
    bool exited = false;

    PlayerWindow(const core::Lesson& lesson, core::ProgressStore* store, core::LearnerId learner,
                 const ui::Appearance& appearance) {
        test::ensure_wx();
        frame = new wxFrame(nullptr, wxID_ANY, "Pas à Pas", wxDefaultPosition, wxSize(1200, 950));
        panel =
            new ui::LessonPlayerPanel(frame, lesson, store, learner, appearance, [this] { exited = true; });
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(panel, wxSizerFlags(1).Expand());
        frame->SetSizer(sizer);
        frame->Move(0, 0);
        test::show_and_wait(frame);
    }
    ~PlayerWindow() {
        frame->Destroy();
        test::pump(50);
    }
    wxWindow* get(const wxString& name) const {
        wxWindow* w = panel->FindWindow(name);
        REQUIRE(w != nullptr);
        return w;
    }
    bool next_enabled() const { return get("next-button")->IsEnabled(); }
    std::string feedback() const { return text_of(get("feedback")); }
};

bool has_event(const std::vector<core::StepEvent>& events, const std::string& step, const std::string& action,
               const std::string& mistake = {}) {
    return std::any_of(events.begin(), events.end(), [&](const core::StepEvent& e) {
        return e.step_id == step && e.action == action && (mistake.empty() || e.mistake == mistake);
    });
}

}  // namespace

TEST_CASE("A learner plays a whole lesson with the mouse and keyboard, and it is recorded", "[gui][player]") {
    const core::Lesson lesson = sample_lesson();
    TempDir dir{"pasapas-gui-player"};
    core::ProgressStore store(dir.path / "progress.db");
    const core::LearnerId learner = store.create_learner("Camille Test", "chat");
    ui::Appearance appearance;
    PlayerWindow w(lesson, &store, learner, appearance);
    test::screenshot(w.frame, "01-click.png");

    // Top of the screen: where the learner is.
    CHECK(text_of(w.get("lesson-title")) == "Leçon d'essai");
    CHECK(text_of(w.get("step-label")) == "Step 1 of 6");
    CHECK_FALSE(w.next_enabled());
    CHECK(text_of(w.get("instruction")) == "Cliquez sur le rond vert.");

    // A click beside every target: the lesson's kind words, and no way on yet.
    wxWindow* canvas = w.get("target-canvas");
    const wxRect area = canvas->GetScreenRect();
    wxWindow* rond = w.get("target:rond");
    wxPoint empty_spot(area.x + 5, area.y + 5);
    for (int y = area.y + 5; y < area.GetBottom(); y += 10) {
        wxPoint p(area.x + 5, y);
        if (!rond->GetScreenRect().Contains(p) && !w.get("target:carre")->GetScreenRect().Contains(p)) {
            empty_spot = p;
            break;
        }
    }
    test::click_at(empty_spot);
    CHECK(test::wait_until([&] { return w.feedback() == "Presque ! Le clic est tombé à côté."; }));
    CHECK_FALSE(w.next_enabled());

    // Hints come one at a time, numbered, and the button greys out when none is left.
    test::click(w.get("hint-button"));
    CHECK(test::wait_until([&] { return w.panel->FindWindow("hint-1") != nullptr; }));
    CHECK(text_of(w.get("hint-1")) == "Hint 1: Cherchez le rond.");
    test::click(w.get("hint-button"));
    CHECK(test::wait_until([&] { return w.panel->FindWindow("hint-2") != nullptr; }));
    CHECK(text_of(w.get("hint-2")) == "Hint 2: Le rond est vert.");
    CHECK_FALSE(w.get("hint-button")->IsEnabled());
    test::screenshot(w.frame, "02-click-hints.png");

    // The right target: success, Next becomes available, the bar moves.
    test::click(rond);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    CHECK(w.feedback() == "✓ Bravo, premier clic !");
    CHECK(dynamic_cast<wxGauge*>(w.get("step-progress"))->GetValue() == 1);

    // Entrée moves on once the step is done.
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 2 of 6"; }));
    CHECK(w.feedback().empty());
    CHECK(w.panel->FindWindow("hint-1") == nullptr);

    // Double-click step: one click is the typical mistake, a real double click opens.
    test::screenshot(w.frame, "03-double-click.png");
    test::click(w.get("target:photos"));
    CHECK(test::wait_until([&] { return w.feedback() == "Un seul clic : il en faut deux."; }));
    CHECK_FALSE(w.next_enabled());
    test::pump(700);  // let the double-click time pass, so the next press starts afresh
    test::double_click(w.get("target:photos"));
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    CHECK(w.feedback() == "✓ Le dossier est ouvert.");
    test::click(w.get("next-button"));
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 3 of 6"; }));

    // Drag and drop with the real mouse: a wrong zone sends the item back, right ones snap in.
    test::screenshot(w.frame, "04-drag.png");
    wxWindow* pomme = w.get("item:pomme");
    const wxRect pomme_home = pomme->GetRect();
    test::drag(test::centre_on_screen(pomme), test::centre_on_screen(w.get("zone:corbeille")));
    CHECK(test::wait_until([&] { return w.feedback() == "Pas dans cette zone."; }));
    CHECK(pomme->GetRect() == pomme_home);
    test::drag(test::centre_on_screen(pomme), test::centre_on_screen(w.get("zone:panier")));
    CHECK(test::wait_until([&] { return w.feedback() == "✓ Good! Keep going."; }));
    CHECK(w.get("zone:panier")->GetRect().Contains(pomme->GetRect().GetPosition()));
    CHECK_FALSE(w.next_enabled());
    test::drag(test::centre_on_screen(w.get("item:journal")),
               test::centre_on_screen(w.get("zone:corbeille")));
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    CHECK(w.feedback() == "✓ Tout est rangé.");
    test::screenshot(w.frame, "05-drag-done.png");
    test::click(w.get("next-button"));
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 4 of 6"; }));

    // The list starts at the top: Toulouse is out of sight until the learner scrolls.
    auto* list = w.get("scroll-list");
    wxWindow* toulouse = w.get("target:toulouse");
    CHECK_FALSE(test::is_visible_in(toulouse, list));
    test::screenshot(w.frame, "06-scroll.png");
    dynamic_cast<wxScrolledWindow*>(list)->Scroll(0, 10'000);  // as dragging the scroll bar would
    CHECK(test::wait_until([&] { return test::is_visible_in(toulouse, list); }));
    test::click(toulouse);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    test::click(w.get("next-button"));
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 5 of 6"; }));

    // Typing: the right word with the button is not enough, Entrée is what this step teaches.
    CHECK(w.panel->FindWindow("enter-note") != nullptr);
    auto* box = dynamic_cast<wxTextCtrl*>(w.get("type-box"));
    test::click(box);
    test::type_text("Bonjour");
    CHECK(box->GetValue() == "Bonjour");
    test::click(w.get("validate-button"));
    CHECK(test::wait_until([&] { return w.feedback() == "Appuyez sur la touche Entrée."; }));
    CHECK_FALSE(w.next_enabled());
    test::click(box);
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    CHECK(w.feedback() == "✓ Bien tapé.");
    // This Entrée belongs to Next now, not to the box.
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 6 of 6"; }));

    // Choice with a message to judge: Validate waits for an answer; a wrong one explains.
    test::screenshot(w.frame, "07-choice.png");
    CHECK_FALSE(w.get("validate-button")->IsEnabled());
    test::click(w.get("answer:vrai"));
    CHECK(test::wait_until([&] { return w.get("validate-button")->IsEnabled(); }));
    test::click(w.get("validate-button"));
    CHECK(test::wait_until([&] { return w.feedback() == "Non : une banque ne demande jamais cela."; }));
    test::click(w.get("answer:arnaque"));
    CHECK_FALSE(dynamic_cast<wxToggleButton*>(w.get("answer:vrai"))->GetValue());
    test::click(w.get("validate-button"));
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    CHECK(text_of(w.get("next-button")) == "Finish");

    // The summary: figures the learner can check against what they just did.
    test::click(w.get("next-button"));
    CHECK(test::wait_until([&] { return w.panel->FindWindow("lesson-summary") != nullptr; }));
    test::screenshot(w.frame, "08-summary.png");
    CHECK(text_of(w.get("summary-title")) == "Lesson finished!");
    CHECK(text_of(w.get("summary-steps")) == "•  6 steps done");
    CHECK(text_of(w.get("summary-mistakes")) == "•  5 tries that did not work");
    CHECK(text_of(w.get("summary-hints")) == "•  2 hints used");
    CHECK_FALSE(w.exited);
    test::click(w.get("home-button"));
    CHECK(test::wait_until([&] { return w.exited; }));

    // Everything the learner did is in the progress file.
    const auto events = store.events(learner, "essai");
    CHECK(has_event(events, "clic", "attempt", "miss"));
    CHECK(has_event(events, "clic", "hint"));
    CHECK(has_event(events, "clic", "step-done"));
    CHECK(has_event(events, "double", "attempt", "single-click"));
    CHECK(has_event(events, "glisser", "attempt", "wrong-zone"));
    CHECK(has_event(events, "taper", "attempt", "use-enter"));
    CHECK(has_event(events, "choix", "attempt", "wrong-choice"));
    CHECK(has_event(events, "choix", "lesson-done"));
    CHECK(store.progress(learner, "essai").status == core::LessonStatus::Done);
}

TEST_CASE("Leaving saves the position and the next visit resumes there", "[gui][player]") {
    const core::Lesson lesson = sample_lesson();
    TempDir dir{"pasapas-gui-player"};
    core::ProgressStore store(dir.path / "progress.db");
    const core::LearnerId learner = store.create_learner("Dominique Test", "chat");
    {
        PlayerWindow w(lesson, &store, learner, ui::Appearance{});
        test::click(w.get("target:rond"));
        CHECK(test::wait_until([&] { return w.next_enabled(); }));
        test::click(w.get("leave-button"));
        CHECK(test::wait_until([&] { return w.exited; }));
    }
    CHECK(has_event(store.events(learner, "essai"), "clic", "leave"));
    PlayerWindow again(lesson, &store, learner, ui::Appearance{});
    CHECK(text_of(again.get("step-label")) == "Step 2 of 6");
}

TEST_CASE("At 200 % text in high contrast, keyboard alone plays click and drag steps", "[gui][player]") {
    const core::Lesson lesson = sample_lesson();
    ui::Appearance appearance;
    appearance.text_percent = 200;
    appearance.high_contrast = true;
    PlayerWindow w(lesson, nullptr, 0, appearance);  // guest: nothing is stored
    test::screenshot(w.frame, "11-click-200.png");
    // The instruction is drawn twice as large and more, and still fits the window's width.
    CHECK(w.get("instruction")->GetFont().GetPointSize() >= appearance.point_size(1.3));
    CHECK(w.get("instruction")->GetSize().x <= w.frame->GetClientSize().x);

    // The exercise has the focus; Space on the focused target is a click.
    w.get("target:rond")->SetFocus();
    test::press_key(WXK_SPACE);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 2 of 6"; }));

    // Entrée on a double-click target stands for the double click.
    w.get("target:photos")->SetFocus();
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
    test::press_key(WXK_RETURN);
    CHECK(test::wait_until([&] { return text_of(w.get("step-label")) == "Step 3 of 6"; }));
    test::screenshot(w.frame, "12-drag-200.png");

    // Drag from the keyboard: Space picks the item, Space on a zone drops it there.
    w.get("item:pomme")->SetFocus();
    test::press_key(WXK_SPACE);
    CHECK(test::wait_until([&] { return w.get("zone:panier")->HasFocus(); }));
    test::press_key(WXK_SPACE);
    CHECK(test::wait_until([&] { return w.feedback() == "✓ Good! Keep going."; }));
    w.get("item:journal")->SetFocus();
    test::press_key(WXK_SPACE);
    w.get("zone:corbeille")->SetFocus();
    test::press_key(WXK_SPACE);
    CHECK(test::wait_until([&] { return w.next_enabled(); }));
}
