#include "core/lesson_session.hpp"
#include "core/progress_store.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>

using namespace pasapas::core;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

// A fresh folder per test, removed afterwards, so that tests never share a progress file.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("pasapas-session-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(counter++) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] fs::path file() const { return path_ / "progress.sqlite"; }

private:
    fs::path path_;
};

// Time only moves when the test says so, so durations are exact.
struct FakeClock {
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    void advance(int ms) { now += milliseconds(ms); }
    LessonSession::Clock fn() {
        return [this] { return now; };
    }
};

Option opt(std::string id, bool correct) {
    Option o;
    o.id = std::move(id);
    o.label = o.id;
    o.correct = correct;
    return o;
}

Step click_step(std::string id) {
    Step s;
    s.id = std::move(id);
    s.instruction = "Cliquez sur le bouton vert.";
    s.activity.kind = ActivityKind::Click;
    s.activity.options = {opt("vert", true), opt("gris", false)};
    s.hints = {"Il est à droite.", "C'est le bouton vert, en bas à droite.",
               "Posez la flèche dessus et cliquez."};
    return s;
}

Step type_step(std::string id) {
    Step s;
    s.id = std::move(id);
    s.instruction = "Écrivez votre prénom : Élodie.";
    s.activity.kind = ActivityKind::Type;
    s.activity.type.expected = "Élodie";
    s.hints = {"Commencez par la majuscule É."};
    return s;
}

Step drag_step(std::string id) {
    Step s;
    s.id = std::move(id);
    s.instruction = "Rangez les fichiers.";
    s.activity.kind = ActivityKind::DragDrop;
    s.activity.zones = {{"dossier", "Dossier"}, {"corbeille", "Corbeille"}};
    s.activity.items = {{"photo", "Photo", "dossier"}, {"brouillon", "Brouillon", "corbeille"}};
    return s;
}

Lesson make_lesson() {
    Lesson lesson;
    lesson.id = "souris";
    lesson.title = "Utiliser la souris";
    lesson.steps = {click_step("premier-clic"), type_step("prenom"), drag_step("ranger")};
    return lesson;
}

Action click(std::string target) {
    Action a;
    a.type = Action::Type::Click;
    a.target = std::move(target);
    return a;
}

Action text(std::string typed) {
    Action a;
    a.type = Action::Type::Text;
    a.text = std::move(typed);
    return a;
}

Action drop(std::string item, std::string zone) {
    Action a;
    a.type = Action::Type::Drop;
    a.target = std::move(item);
    a.zone = std::move(zone);
    return a;
}

// Plays the whole lesson without a mistake.
void complete_step(LessonSession& session) {
    switch (session.step().activity.kind) {
        case ActivityKind::Click:
            REQUIRE(session.act(click("vert")).step_complete);
            break;
        case ActivityKind::Type:
            REQUIRE(session.act(text("Élodie")).step_complete);
            break;
        case ActivityKind::DragDrop:
            REQUIRE(session.act(drop("photo", "dossier")).correct);
            REQUIRE(session.act(drop("brouillon", "corbeille")).step_complete);
            break;
        default:
            FAIL("no scripted answer for this activity");
    }
}

}  // namespace

TEST_CASE("Every attempt, hint and completed step is recorded with its figures", "[session][store]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    FakeClock clock;
    LessonSession session(lesson, &store, lea, clock.fn());
    REQUIRE(session.step_index() == 0);
    CHECK(store.events(lea, "souris").empty());  // opening alone records nothing

    clock.advance(1500);
    const auto wrong = session.act(click("gris"));
    CHECK(wrong.mistake == "wrong-target");
    clock.advance(500);
    CHECK(session.next_hint() == "Il est à droite.");
    clock.advance(1000);
    const auto right = session.act(click("vert"));
    CHECK(right.step_complete);
    CHECK(session.step_done());

    auto events = store.events(lea, "souris");
    REQUIRE(events.size() == 4);
    CHECK(events[0].action == "attempt");
    CHECK_FALSE(events[0].success);
    CHECK(events[0].mistake == "wrong-target");
    CHECK(events[0].hint_level == 0);
    CHECK(events[0].duration_ms == 1500);
    CHECK(events[0].step_id == "premier-clic");
    CHECK(events[0].step_index == 0);
    CHECK(events[0].learner == lea);
    CHECK(events[0].lesson_id == "souris");

    CHECK(events[1].action == "hint");
    CHECK(events[1].hint_level == 1);
    CHECK(events[1].duration_ms == 2000);

    CHECK(events[2].action == "attempt");
    CHECK(events[2].success);
    CHECK(events[2].mistake.empty());
    CHECK(events[2].hint_level == 1);
    CHECK(events[2].duration_ms == 3000);

    CHECK(events[3].action == "step-done");
    CHECK(events[3].success);
    CHECK(events[3].duration_ms == 3000);

    // The saved position already points at the next step.
    auto progress = store.progress(lea, "souris");
    CHECK(progress.status == LessonStatus::InProgress);
    CHECK(progress.current_step == 1);

    // The next step's clock starts when it is shown, and its hints start again from the first.
    clock.advance(4000);
    session.next();
    REQUIRE(session.step_index() == 1);
    CHECK(session.hints_shown() == 0);
    clock.advance(700);
    CHECK(session.act(text("élodie")).mistake == "case");
    events = store.events(lea, "souris");
    REQUIRE(events.size() == 5);
    CHECK(events[4].step_id == "prenom");
    CHECK(events[4].step_index == 1);
    CHECK(events[4].mistake == "case");
    CHECK(events[4].hint_level == 0);
    CHECK(events[4].duration_ms == 700);
}

TEST_CASE("A learner who comes back resumes where they stopped", "[session][store]") {
    TempDir dir;
    const Lesson lesson = make_lesson();
    LearnerId sami = 0;
    {
        ProgressStore store(dir.file());
        sami = store.create_learner("Sami", "velo");
        LessonSession session(lesson, &store, sami);
        complete_step(session);
        session.next();
        complete_step(session);
        session.next();
        REQUIRE(session.step_index() == 2);
        CHECK(session.act(drop("photo", "corbeille")).mistake == "wrong-zone");
        session.leave();
    }
    {
        ProgressStore store(dir.file());
        LessonSession session(lesson, &store, sami);
        CHECK(session.step_index() == 2);
        CHECK_FALSE(session.step_done());
        CHECK_FALSE(session.finished());
        CHECK(session.activity_state().placed.empty());
        const auto events = store.events(sami, "souris");
        REQUIRE_FALSE(events.empty());
        CHECK(events.back().action == "leave");
        CHECK(events.back().step_index == 2);
        CHECK(store.progress(sami, "souris").current_step == 2);
    }
}

TEST_CASE("A step completed just before closing resumes at the next step", "[session][store]") {
    TempDir dir;
    const Lesson lesson = make_lesson();
    LearnerId sami = 0;
    {
        ProgressStore store(dir.file());
        sami = store.create_learner("Sami", "velo");
        LessonSession session(lesson, &store, sami);
        complete_step(session);  // closed without pressing "next"
    }
    ProgressStore store(dir.file());
    LessonSession session(lesson, &store, sami);
    CHECK(session.step_index() == 1);
}

TEST_CASE("Leaving keeps the saved position as it was", "[session][store]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    FakeClock clock;
    LessonSession session(lesson, &store, lea, clock.fn());
    complete_step(session);
    // Left on the feedback of the first step, before pressing "next": still resumes at step 2.
    clock.advance(2500);
    session.leave();
    const auto events = store.events(lea, "souris");
    REQUIRE(events.back().action == "leave");
    CHECK(events.back().duration_ms == 2500);
    CHECK(store.progress(lea, "souris").current_step == 1);
    CHECK(store.progress(lea, "souris").status == LessonStatus::InProgress);
}

TEST_CASE("The lesson is saved as done as soon as the last step is completed", "[session][store]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    LessonSession session(lesson, &store, lea);
    for (int i = 0; i < 2; ++i) {
        complete_step(session);
        session.next();
    }
    complete_step(session);
    CHECK(store.progress(lea, "souris").status == LessonStatus::Done);
    CHECK(store.events(lea, "souris").back().action == "lesson-done");
    CHECK(store.events(lea, "souris").back().success);
    CHECK_FALSE(session.finished());  // the learner still reads the last feedback
    session.next();
    CHECK(session.finished());
    CHECK(session.step_index() == 2);

    // Leaving a finished lesson does not turn it back into "in progress".
    session.leave();
    CHECK(store.progress(lea, "souris").status == LessonStatus::Done);

    // Opened again, a finished lesson starts over from the first step.
    LessonSession replay(lesson, &store, lea);
    CHECK(replay.step_index() == 0);
    CHECK_FALSE(replay.finished());
}

TEST_CASE("Hints become more explicit, then run out", "[session][hints]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    LessonSession session(lesson, &store, lea);

    CHECK(session.next_hint() == "Il est à droite.");
    CHECK(session.next_hint() == "C'est le bouton vert, en bas à droite.");
    CHECK(session.next_hint() == "Posez la flèche dessus et cliquez.");
    CHECK(session.hints_shown() == 3);
    CHECK_FALSE(session.next_hint().has_value());
    CHECK_FALSE(session.next_hint().has_value());
    CHECK(session.hints_shown() == 3);
    CHECK(session.totals().hints == 3);

    const auto events = store.events(lea, "souris");
    REQUIRE(events.size() == 3);  // no event for the hints that were not there
    for (int i = 0; i < 3; ++i) {
        CHECK(events[static_cast<std::size_t>(i)].action == "hint");
        CHECK(events[static_cast<std::size_t>(i)].hint_level == i + 1);
    }

    complete_step(session);
    CHECK(store.events(lea, "souris").back().hint_level == 3);
    session.next();
    CHECK(session.next_hint() == "Commencez par la majuscule É.");
    CHECK_FALSE(session.next_hint().has_value());
    CHECK(session.totals().hints == 4);
}

TEST_CASE("Guest mode plays the whole lesson and keeps nothing", "[session][guest]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    {
        LessonSession session(lesson, nullptr, lea);
        CHECK(session.act(click("gris")).mistake == "wrong-target");
        CHECK(session.next_hint().has_value());
        complete_step(session);
        session.next();
        complete_step(session);
        session.next();
        complete_step(session);
        session.leave();
        session.next();
        CHECK(session.finished());
        CHECK(session.totals().attempts == 5);
        CHECK(session.totals().mistakes == 1);
    }
    CHECK(store.events(lea).empty());
    CHECK(store.progress(lea, "souris").status == LessonStatus::NotStarted);
    LessonSession again(lesson, nullptr, lea);
    CHECK(again.step_index() == 0);
}

TEST_CASE("Totals add up attempts, mistakes, hints and time on each step", "[session][totals]") {
    const Lesson lesson = make_lesson();
    FakeClock clock;
    LessonSession session(lesson, nullptr, 1, clock.fn());

    clock.advance(1000);
    (void)session.act(click(""));  // miss
    (void)session.next_hint();
    clock.advance(1000);
    complete_step(session);
    clock.advance(9000);  // reading the feedback is not time spent on the step
    session.next();

    clock.advance(500);
    (void)session.act(text(""));           // empty
    (void)session.act(text("Elodie"));     // accents
    (void)session.act(text(" Élodie  "));  // trimmed: right
    REQUIRE(session.step_done());
    session.next();

    clock.advance(250);
    complete_step(session);

    const auto& totals = session.totals();
    CHECK(totals.attempts == 7);
    CHECK(totals.mistakes == 3);
    CHECK(totals.hints == 1);
    CHECK(totals.duration_ms == 2000 + 500 + 250);
}

TEST_CASE("Once a step is done, further actions change nothing", "[session][store]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    LessonSession session(lesson, &store, lea);
    const auto done = session.act(click("vert"));
    REQUIRE(done.step_complete);
    const auto events_before = store.events(lea, "souris").size();

    const auto late = session.act(click("gris"));
    CHECK(late.correct);
    CHECK(late.step_complete);
    CHECK(late.feedback == done.feedback);
    CHECK_FALSE(session.next_hint().has_value());
    CHECK(store.events(lea, "souris").size() == events_before);
    CHECK(session.totals().attempts == 1);
    CHECK(session.totals().mistakes == 0);
    CHECK(store.progress(lea, "souris").current_step == 1);
}

TEST_CASE("Moving on needs the step to be done; stray actions are not attempts", "[session]") {
    TempDir dir;
    ProgressStore store(dir.file());
    const LearnerId lea = store.create_learner("Léa", "chat");
    const Lesson lesson = make_lesson();
    LessonSession session(lesson, &store, lea);

    session.next();
    CHECK(session.step_index() == 0);
    (void)session.act(click("gris"));
    session.next();
    CHECK(session.step_index() == 0);

    // A drop on a click step answers nothing: not counted, not recorded.
    const auto v = session.act(drop("photo", "dossier"));
    CHECK_FALSE(v.correct);
    CHECK(v.mistake.empty());
    CHECK(session.totals().attempts == 1);
    CHECK(store.events(lea, "souris").size() == 1);
}

TEST_CASE("Drag-and-drop progress belongs to its step", "[session]") {
    Lesson lesson;
    lesson.id = "ranger";
    lesson.steps = {drag_step("a"), drag_step("b")};
    LessonSession session(lesson, nullptr, 1);
    CHECK(session.act(drop("photo", "dossier")).correct);
    CHECK(session.activity_state().placed.size() == 1);
    CHECK_FALSE(session.step_done());
    CHECK(session.act(drop("brouillon", "corbeille")).step_complete);
    session.next();
    CHECK(session.step_index() == 1);
    CHECK(session.activity_state().placed.empty());
    CHECK_FALSE(session.act(drop("photo", "dossier")).step_complete);
}

TEST_CASE("When the store refuses a write, the session is unchanged and the learner can retry",
          "[session][store]") {
    TempDir dir;
    ProgressStore store(dir.file());
    Lesson lesson;
    lesson.id = "ranger";
    lesson.steps = {drag_step("a")};
    lesson.steps[0].hints = {"La photo va dans le dossier."};
    // No learner yet: the store refuses every write for this id.
    LessonSession session(lesson, &store, 1);

    CHECK_THROWS_AS(session.act(drop("photo", "dossier")), StoreError);
    CHECK(session.activity_state().placed.empty());
    CHECK(session.totals().attempts == 0);
    CHECK_THROWS_AS(session.next_hint(), StoreError);
    CHECK(session.hints_shown() == 0);
    CHECK(session.totals().hints == 0);

    REQUIRE(store.create_learner("Léa", "chat") == 1);
    CHECK(session.next_hint() == "La photo va dans le dossier.");
    CHECK(session.act(drop("photo", "dossier")).correct);
    CHECK(session.activity_state().placed.size() == 1);
    CHECK(session.totals().attempts == 1);
    CHECK(store.events(1, "ranger").size() == 2);
}
