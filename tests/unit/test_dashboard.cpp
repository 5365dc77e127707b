// The mediator's dashboards on a small invented month of work, with figures a mediator could check
// by hand: who did what, for how long, where people got stuck, which themes were worked on.
#include "core/activity_book.hpp"
#include "core/dashboard.hpp"
#include "mediator_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace pasapas::core;
using pasapas::test::TempDir;

namespace {

void event(ProgressStore& store, LearnerId learner, const std::string& item, const std::string& step,
           const std::string& action, bool success, std::int64_t duration_ms, const std::string& at,
           LessonStatus status = LessonStatus::InProgress) {
    StepEvent e;
    e.learner = learner;
    e.lesson_id = item;
    e.step_id = step;
    e.action = action;
    e.success = success;
    e.duration_ms = duration_ms;
    e.at = at;
    LessonProgress progress;
    progress.lesson_id = item;
    progress.status = status;
    store.record(e, progress);
}

void result(ProgressStore& store, LearnerId learner, const std::string& mode, const std::string& level,
            bool finished, std::int64_t duration_ms, const std::string& at) {
    ScenarioResult r;
    r.learner = learner;
    r.scenario_id = "franceconnect";
    r.mode = mode;
    r.level = level;
    r.finished = finished;
    r.duration_ms = duration_ms;
    r.at = at;
    store.record_scenario_result(r);
}

const LearnerSummary& summary_of(const DashboardData& data, LearnerId id) {
    const auto found = std::find_if(data.learners.begin(), data.learners.end(),
                                    [id](const LearnerSummary& s) { return s.learner == id; });
    REQUIRE(found != data.learners.end());
    return *found;
}

const ThemeSummary& theme_of(const DashboardData& data, const std::string& id) {
    const auto found = std::find_if(data.themes.begin(), data.themes.end(),
                                    [&](const ThemeSummary& t) { return t.theme == id; });
    REQUIRE(found != data.themes.end());
    return *found;
}

struct Month {
    TempDir tmp;
    ProgressStore store{tmp / "progress.db"};
    std::vector<Lesson> lessons;
    std::vector<Scenario> scenarios;
    LearnerId ana = 0, bob = 0, chloe = 0, dan = 0, erin = 0;

    Month() {
        Lesson souris;
        souris.id = "souris";
        souris.title = "Cliquer avec la souris";
        souris.theme = "prendre_en_main_du_materiel";
        Lesson courriel;
        courriel.id = "courriel";
        courriel.title = "Envoyer un courriel";
        courriel.theme = "email";
        lessons = {souris, courriel};
        Scenario franceconnect;
        franceconnect.id = "franceconnect";
        franceconnect.title = "Se connecter avec FranceConnect";
        franceconnect.theme = "papiers_elections_citoyennete";
        scenarios = {franceconnect};

        ana = store.create_learner("Ana", "fox");
        bob = store.create_learner("Bob", "owl");
        chloe = store.create_learner("Chloé", "cat");
        dan = store.create_learner("Dan", "bear");
        erin = store.create_learner("Erin", "bee");

        // Ana does the whole mouse lesson on 10 March: one miss and a hint on the first step,
        // 12 s + 8 s on the steps, then 1.5 s on the « well done » screen before leaving.
        event(store, ana, "souris", "s1", "attempt", false, 5000, "2026-03-10T09:00:05.000Z");
        event(store, ana, "souris", "s1", "hint", false, 7000, "2026-03-10T09:00:07.000Z");
        event(store, ana, "souris", "s1", "attempt", true, 12000, "2026-03-10T09:00:12.000Z");
        event(store, ana, "souris", "s1", "step-done", true, 12000, "2026-03-10T09:00:12.000Z");
        event(store, ana, "souris", "s2", "attempt", true, 8000, "2026-03-10T09:00:20.000Z");
        event(store, ana, "souris", "s2", "step-done", true, 8000, "2026-03-10T09:00:20.000Z",
              LessonStatus::Done);
        event(store, ana, "souris", "s2", "lesson-done", true, 8000, "2026-03-10T09:00:20.000Z",
              LessonStatus::Done);
        event(store, ana, "souris", "s2", "leave", false, 9500, "2026-03-10T09:00:21.500Z",
              LessonStatus::Done);
        // Ana's FranceConnect autonomy check on 12 March: 95 s in all, one miss and a hint on p1.
        event(store, ana, "franceconnect", "p1", "attempt", false, 10000, "2026-03-12T10:00:10.000Z");
        event(store, ana, "franceconnect", "p1", "hint", false, 15000, "2026-03-12T10:00:15.000Z");
        event(store, ana, "franceconnect", "p1", "step-done", true, 30000, "2026-03-12T10:00:30.000Z");
        event(store, ana, "franceconnect", "p2", "lesson-done", true, 65000, "2026-03-12T10:01:35.000Z",
              LessonStatus::Done);
        result(store, ana, "check", "autonome_avec_guidage", true, 95000, "2026-03-12T10:01:35.000Z");

        // Bob misses the first mouse step twice and leaves after 7 s, on 11 March.
        event(store, bob, "souris", "s1", "attempt", false, 4000, "2026-03-11T14:00:04.000Z");
        event(store, bob, "souris", "s1", "attempt", false, 6000, "2026-03-11T14:00:06.000Z");
        event(store, bob, "souris", "s1", "leave", false, 7000, "2026-03-11T14:00:07.000Z");
        // He practises FranceConnect for 40 s without finishing, on 13 March.
        event(store, bob, "franceconnect", "p1", "attempt", false, 20000, "2026-03-13T11:00:20.000Z");
        event(store, bob, "franceconnect", "p1", "leave", false, 40000, "2026-03-13T11:00:40.000Z");
        result(store, bob, "practice", "avec_guidage", false, 40000, "2026-03-13T11:00:40.000Z");
        // And finished the e-mail lesson in February: outside the period.
        event(store, bob, "courriel", "c1", "step-done", true, 30000, "2026-02-20T09:00:30.000Z",
              LessonStatus::Done);
        event(store, bob, "courriel", "c1", "lesson-done", true, 30000, "2026-02-20T09:00:30.000Z",
              LessonStatus::Done);

        // Dan passed the check on 20 March, then his profile was archived.
        result(store, dan, "check", "autonome", true, 60000, "2026-03-20T16:00:00.000Z");
        store.set_archived(dan, true);
        // Chloé was archived long ago with nothing this month; Erin has not started yet.
        store.set_archived(chloe, true);

        ActivityBook book(store);
        ActivityRecord workshop;
        workshop.kind = "collectif";
        workshop.date = "2026-03-05";
        workshop.duration_min = 90;
        workshop.themes = {"email", "prendre_en_main_du_materiel"};
        workshop.learners = {ana, bob};
        book.save(workshop);
        ActivityRecord session;
        session.kind = "individuel";
        session.date = "2026-03-12";
        session.duration_min = 45;
        session.themes = {"papiers_elections_citoyennete"};
        session.learners = {ana};
        book.save(session);
        ActivityRecord april = workshop;
        april.date = "2026-04-02";
        book.save(april);
    }
};

}  // namespace

TEST_CASE("Per learner: what each one did in March, and for how long", "[dashboard]") {
    Month month;
    const auto data =
        build_dashboard(month.store, month.lessons, month.scenarios, "2026-03-01", "2026-03-31");

    // Chloé (archived, nothing this month) is not listed; Dan (archived, active) and Erin are.
    REQUIRE(data.learners.size() == 4);
    CHECK(std::none_of(data.learners.begin(), data.learners.end(),
                       [&](const LearnerSummary& s) { return s.learner == month.chloe; }));

    const auto& ana = summary_of(data, month.ana);
    CHECK(ana.name == "Ana");
    CHECK(ana.lessons_done == 1);
    CHECK(ana.procedures_done == 1);
    // 12 + 8 + 1.5 s in the lesson (attempts inside those steps are not added again), and the
    // 95 s of the check (its page events are not added again either).
    CHECK(ana.time_ms == 21500 + 95000);
    CHECK(ana.activities == 2);
    CHECK(ana.autonomy == std::map<std::string, int>{{"autonome_avec_guidage", 1}});
    CHECK(ana.last_seen == "2026-03-12T10:01:35.000Z");

    const auto& bob = summary_of(data, month.bob);
    CHECK(bob.lessons_done == 0);  // the e-mail lesson was done in February
    CHECK(bob.procedures_done == 0);
    CHECK(bob.time_ms == 7000 + 40000);
    CHECK(bob.activities == 1);
    CHECK(bob.autonomy.empty());  // practice is not an autonomy check

    const auto& dan = summary_of(data, month.dan);
    CHECK(dan.procedures_done == 1);
    CHECK(dan.time_ms == 60000);
    CHECK(dan.autonomy == std::map<std::string, int>{{"autonome", 1}});

    const auto& erin = summary_of(data, month.erin);
    CHECK(erin.time_ms == 0);
    CHECK(erin.lessons_done == 0);
    CHECK(erin.last_seen.empty());
}

TEST_CASE("Per lesson and procedure, per theme, and the month's totals", "[dashboard]") {
    Month month;
    const auto data =
        build_dashboard(month.store, month.lessons, month.scenarios, "2026-03-01", "2026-03-31");

    REQUIRE(data.items.size() == 2);             // the e-mail lesson was not touched in March
    CHECK(data.items[0].id == "franceconnect");  // three learners started it, more than the mouse
    CHECK(data.items[0].title == "Se connecter avec FranceConnect");
    CHECK(data.items[0].procedure);
    CHECK(data.items[0].theme == "papiers_elections_citoyennete");
    CHECK(data.items[0].started == 3);
    CHECK(data.items[0].completed == 2);
    CHECK(data.items[0].time_ms == 95000 + 40000 + 60000);
    CHECK(data.items[1].id == "souris");
    CHECK_FALSE(data.items[1].procedure);
    CHECK(data.items[1].started == 2);
    CHECK(data.items[1].completed == 1);
    CHECK(data.items[1].time_ms == 21500 + 7000);

    CHECK(data.activities == 2);  // the April workshop is outside the period
    CHECK(data.activity_minutes == 135);
    CHECK(data.autonomy == std::map<std::string, int>{{"autonome", 1}, {"autonome_avec_guidage", 1}});

    REQUIRE(data.themes.size() == 3);
    const auto& papers = theme_of(data, "papiers_elections_citoyennete");
    CHECK(papers.learners == 3);
    CHECK(papers.completed == 2);
    CHECK(papers.time_ms == 195000);
    CHECK(papers.activities == 1);
    const auto& mouse = theme_of(data, "prendre_en_main_du_materiel");
    CHECK(mouse.learners == 2);
    CHECK(mouse.completed == 1);
    CHECK(mouse.time_ms == 28500);
    CHECK(mouse.activities == 1);
    const auto& email = theme_of(data, "email");  // only through the workshop
    CHECK(email.learners == 2);
    CHECK(email.completed == 0);
    CHECK(email.activities == 1);
    CHECK(data.themes[0].theme == "papiers_elections_citoyennete");
}

TEST_CASE("Where people get stuck: by how many learners, then by how many misses", "[dashboard]") {
    Month month;
    const auto data =
        build_dashboard(month.store, month.lessons, month.scenarios, "2026-03-01", "2026-03-31");

    REQUIRE(data.stuck.size() == 2);
    // Both steps stopped two people; the mouse's first step with three misses, FranceConnect's with two.
    CHECK(data.stuck[0].item_id == "souris");
    CHECK(data.stuck[0].item_title == "Cliquer avec la souris");
    CHECK(data.stuck[0].step_id == "s1");
    CHECK(data.stuck[0].learners == 2);
    CHECK(data.stuck[0].failures == 3);
    CHECK(data.stuck[0].hints == 1);
    CHECK(data.stuck[1].item_id == "franceconnect");
    CHECK(data.stuck[1].step_id == "p1");
    CHECK(data.stuck[1].learners == 2);
    CHECK(data.stuck[1].failures == 2);
    CHECK(data.stuck[1].hints == 1);
}

TEST_CASE("An unbounded period takes everything; an empty one shows the learners with nothing",
          "[dashboard]") {
    Month month;
    const auto all = build_dashboard(month.store, month.lessons, month.scenarios, "", "");
    CHECK(summary_of(all, month.bob).lessons_done == 1);
    CHECK(summary_of(all, month.bob).time_ms == 7000 + 40000 + 30000);
    CHECK(all.items.size() == 3);
    CHECK(all.activities == 3);
    CHECK(all.activity_minutes == 225);

    const auto empty =
        build_dashboard(month.store, month.lessons, month.scenarios, "2025-01-01", "2025-01-31");
    CHECK(empty.learners.size() == 3);  // Ana, Bob, Erin: the archived ones had nothing then
    CHECK(empty.items.empty());
    CHECK(empty.stuck.empty());
    CHECK(empty.themes.empty());
    CHECK(empty.activities == 0);
}
