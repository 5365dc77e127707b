// The anonymised report data set and the exports made from it, on real store files.
#include "core/report_builder.hpp"
#include "core/report_exports.hpp"
#include "report_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>

using namespace pasapas::core;
using namespace pasapas::test;

namespace {

const ReportPeriod kNovember{"2026-11-01", "2026-11-30"};

ReportDataset build(ProgressStore& store, const ReportPeriod& period = kNovember, int k = 5) {
    const auto& catalogue = shipped_catalogue();
    return build_report(store, catalogue.lessons, catalogue.scenarios, period, k);
}

bool is_uuid(const std::string& text) {
    static const std::regex pattern(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(text, pattern);
}

StepEvent step_event(LearnerId learner, const std::string& lesson, const std::string& step,
                     const std::string& action, const std::string& at, bool success = true) {
    StepEvent event;
    event.learner = learner;
    event.lesson_id = lesson;
    event.step_id = step;
    event.action = action;
    event.success = success;
    event.mistake = success ? "" : "wrong-target";
    event.duration_ms = 4200;
    event.at = at;
    return event;
}

void record(ProgressStore& store, const StepEvent& event) {
    LessonProgress progress;
    progress.lesson_id = event.lesson_id;
    progress.status = event.action == "lesson-done" ? LessonStatus::Done : LessonStatus::InProgress;
    store.record(event, progress);
}

std::vector<const ReportEvent*> events_of(const ReportDataset& data, const std::string& verb) {
    std::vector<const ReportEvent*> out;
    for (const auto& event : data.events) {
        if (event.verb == verb) {
            out.push_back(&event);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("A learner's pseudonym is a keyed hash: stable on this install, unlinkable elsewhere",
          "[reports]") {
    TempDir dir;
    std::string first;
    std::string again;
    std::string other;
    {
        ProgressStore store(dir / "progress.db");
        const auto lea = store.create_learner("Léa", "chat");
        const auto max = store.create_learner("Max", "chien");
        first = Pseudonymizer(store).of(lea);
        again = Pseudonymizer(store).of(lea);
        other = Pseudonymizer(store).of(max);
    }
    CHECK(std::regex_match(first, std::regex("^[0-9a-f]{32}$")));
    CHECK(first == again);
    CHECK(first != other);
    {
        ProgressStore reopened(dir / "progress.db");
        CHECK(Pseudonymizer(reopened).of(1) == first);
        Statement secret(reopened.database(),
                         "SELECT length(value), typeof(value) FROM install_secrets "
                         "WHERE name = 'pseudonym'");
        REQUIRE(secret.step());
        CHECK(secret.integer(0) == 32);
        CHECK(secret.text(1) == "blob");
    }
    // Another install has another secret: the same learner id gives another pseudonym.
    TempDir elsewhere;
    ProgressStore store(elsewhere / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    CHECK(Pseudonymizer(store).of(lea) != first);
}

TEST_CASE("The data set holds activities of the period with ids, attributes and pseudonyms only",
          "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto world = make_canary_world(store);
    ActivityRow october;
    october.date = "2026-10-31";
    october.learners = {world.brestois[0]};
    insert_activity(store, october);

    const auto data = build(store);
    REQUIRE(data.activities.size() == 3);  // October's is out of the period
    CHECK(data.k == 5);
    const auto individual =
        std::find_if(data.activities.begin(), data.activities.end(),
                     [&](const ReportActivity& a) { return a.id == world.individual_uuid; });
    REQUIRE(individual != data.activities.end());
    CHECK(individual->kind == "individuel");
    CHECK(individual->participants == 1);
    CHECK(individual->equipment == std::vector<std::string>{"ordinateur", "telephone"});
    CHECK(individual->themes.size() == 3);
    CHECK(individual->demarche == "caf");
    CHECK(individual->level == 2);
    CHECK(individual->referred);
    CHECK(individual->referral == "aide_sociale");
    CHECK(individual->learner_pseudonym == Pseudonymizer(store).of(world.zorglubette));
    // The only learner of that commune: the commune would point at her, so it is left out.
    CHECK(individual->learner.age_bracket == "70_plus");
    CHECK(individual->learner.commune.empty());
    CHECK(individual->learner.postcode.empty());
    CHECK(individual->learner.insee.empty());

    const auto workshop = std::find_if(data.activities.begin(), data.activities.end(),
                                       [&](const ReportActivity& a) { return a.id == world.workshop_uuid; });
    REQUIRE(workshop != data.activities.end());
    CHECK(workshop->participants == 9);  // six learners and three people without a profile
    CHECK(workshop->level == 1);
    CHECK(workshop->learner_pseudonym.empty());

    // Seven learners took part in November: Brest (six of them) is shown, the rare commune is not;
    // the archived learner's past session still counts.
    REQUIRE(data.learners.size() == 8);
    int in_brest = 0;
    std::set<std::string> pseudonyms;
    for (const auto& learner : data.learners) {
        pseudonyms.insert(learner.pseudonym);
        if (learner.attributes.insee == "29019") {
            ++in_brest;
            CHECK(learner.attributes.commune == "Brest");
        } else {
            CHECK(learner.attributes.commune.empty());
        }
    }
    CHECK(in_brest == 6);
    CHECK(pseudonyms.count(Pseudonymizer(store).of(world.archived)) == 1);
    CHECK(pseudonyms.size() == 8);

    // With a threshold of 7, Brest's six are too few to name the commune.
    const auto strict = build(store, kNovember, 7);
    for (const auto& learner : strict.learners) {
        CHECK(learner.attributes.commune.empty());
    }
}

TEST_CASE("Lesson events become attempted, progressed and completed with the stored uuids", "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    auto first = step_event(lea, "souris", "bouger", "attempt", "2026-11-03T09:00:00.000Z", false);
    auto hint = step_event(lea, "souris", "bouger", "hint", "2026-11-03T09:00:05.000Z");
    hint.hint_level = 1;
    auto done = step_event(lea, "souris", "bouger", "step-done", "2026-11-03T09:00:10.000Z");
    done.hint_level = 1;
    auto done2 = step_event(lea, "souris", "cliquer", "step-done", "2026-11-03T09:01:00.000Z");
    auto finished = step_event(lea, "souris", "cliquer", "lesson-done", "2026-11-03T09:01:01.000Z");
    for (const auto* event : {&first, &hint, &done, &done2, &finished}) {
        record(store, *event);
    }
    // A second attempt begins with a step done straight away (an explanation step).
    record(store, step_event(lea, "souris", "bouger", "step-done", "2026-11-04T09:00:00.000Z"));
    // Outside the period: not in the data set.
    record(store, step_event(lea, "clavier", "bonjour", "attempt", "2026-12-01T09:00:00.000Z"));

    const auto data = build(store);
    const auto stored = store.events(lea, "souris");
    REQUIRE(stored.size() == 6);
    const auto attempted = events_of(data, "attempted");
    const auto progressed = events_of(data, "progressed");
    const auto completed = events_of(data, "completed");
    REQUIRE(attempted.size() == 2);
    REQUIRE(progressed.size() == 3);
    REQUIRE(completed.size() == 1);
    CHECK(data.events.size() == 6);

    CHECK(attempted[0]->statement_id == stored[0].uuid);
    CHECK(attempted[0]->object_kind == "lesson");
    CHECK(attempted[0]->object_id == "souris");
    CHECK(attempted[0]->object_title == "Utiliser la souris");
    CHECK(attempted[0]->timestamp == "2026-11-03T09:00:00.000Z");
    CHECK(progressed[0]->statement_id == stored[2].uuid);
    CHECK(progressed[0]->step_id == "bouger");
    CHECK(progressed[0]->mistakes == 1);
    CHECK(progressed[0]->hints == 1);
    CHECK(progressed[0]->duration_ms == 4200);
    CHECK(completed[0]->statement_id == stored[4].uuid);
    CHECK(completed[0]->duration_ms == 8400);
    // The second attempt's first event is itself a step done: two statements, two distinct ids.
    CHECK(progressed[2]->statement_id == stored[5].uuid);
    CHECK(attempted[1]->statement_id != stored[5].uuid);
    CHECK(is_uuid(attempted[1]->statement_id));
    std::set<std::string> ids;
    for (const auto& event : data.events) {
        ids.insert(event.statement_id);
        CHECK(event.pseudonym == Pseudonymizer(store).of(lea));
    }
    CHECK(ids.size() == data.events.size());

    REQUIRE(data.learners.size() == 1);
    CHECK(data.learners[0].lessons_completed == 1);
    CHECK(data.learners[0].practice_ms == 3 * 4200);
    CHECK(data.learners[0].sessions == 0);
}

TEST_CASE("Procedure runs become attempted, completed, passed or failed with stable ids", "[reports]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto lea = store.create_learner("Léa", "chat");
    auto run = [&](const std::string& mode, const std::string& level, bool finished, const std::string& at) {
        ScenarioResult result;
        result.learner = lea;
        result.scenario_id = "franceconnect";
        result.mode = mode;
        result.level = level;
        result.finished = finished;
        result.hints = 2;
        result.mistakes = 1;
        result.duration_ms = 90'000;
        result.at = at;
        result.run = "run-" + mode + "-" + at;
        store.record_scenario_result(result);
    };
    run("guided", "", true, "2026-11-02T10:00:00.000Z");
    run("practice", "", false, "2026-11-02T11:00:00.000Z");
    run("check", "avec_guidage", true, "2026-11-03T10:00:00.000Z");
    run("check", "autonome_avec_guidage", true, "2026-11-04T10:00:00.000Z");
    run("check", "autonome", true, "2026-11-05T10:00:00.000Z");

    const auto data = build(store);
    CHECK(events_of(data, "attempted").size() == 5);
    REQUIRE(events_of(data, "completed").size() == 1);
    REQUIRE(events_of(data, "failed").size() == 1);
    REQUIRE(events_of(data, "passed").size() == 2);
    const auto* failed = events_of(data, "failed")[0];
    CHECK(failed->object_kind == "procedure");
    CHECK(failed->object_title == "Se connecter avec FranceConnect");
    CHECK(failed->has_success);
    CHECK_FALSE(failed->success);
    CHECK(failed->level == "avec_guidage");
    CHECK(failed->hints == 2);
    CHECK(failed->mistakes == 1);
    CHECK(failed->duration_ms == 90'000);
    CHECK(events_of(data, "passed")[1]->level == "autonome");
    CHECK(events_of(data, "passed")[1]->success);

    std::set<std::string> ids;
    for (const auto& event : data.events) {
        CHECK(is_uuid(event.statement_id));
        ids.insert(event.statement_id);
    }
    CHECK(ids.size() == data.events.size());
    // The same runs give the same statement ids in the next export.
    const auto again = build(store);
    std::set<std::string> again_ids;
    for (const auto& event : again.events) {
        again_ids.insert(event.statement_id);
    }
    CHECK(again_ids == ids);

    REQUIRE(data.learners.size() == 1);
    CHECK(data.learners[0].procedures_completed == 1);
    CHECK(data.learners[0].best_autonomy == "autonome");
    CHECK(data.learners[0].practice_ms == 5 * 90'000);
}

TEST_CASE("What a learner typed is never stored, so no export can carry it", "[reports][privacy]") {
    TempDir dir;
    {
        ProgressStore store(dir / "progress.db");
        make_canary_world(store);
    }
    std::string bytes;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        bytes += read_bytes(entry.path());
    }
    CHECK(bytes.find("CANARI-TAPE-9090") == std::string::npos);
    CHECK(bytes.find("Zorglubette") != std::string::npos);  // the name is there: the scan works
}
