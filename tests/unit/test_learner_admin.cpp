// The console's learner administration on a real file: editing keeps the coarse attributes,
// archiving hides without losing, and erasing leaves nothing of the learner behind, not even in
// the file's free pages or its write-ahead log.
#include "core/activity_book.hpp"
#include "mediator_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace pasapas::core;
using pasapas::test::file_holds;
using pasapas::test::sql_integer;
using pasapas::test::TempDir;

namespace {

// Every table that names a learner, and the column that does.
const std::vector<std::pair<std::string, std::string>> kLearnerTables{
    {"learners", "id"},
    {"lesson_progress", "learner_id"},
    {"step_events", "learner_id"},
    {"learner_settings", "learner_id"},
    {"scenario_results", "learner_id"},
    {"activity_learners", "learner_id"},
    {"outbox", "learner_id"},
    {"sent_items", "learner_id"},
};

std::int64_t rows_of(const ProgressStore& store, const std::string& table, const std::string& column,
                     LearnerId learner) {
    return sql_integer(store, "SELECT count(*) FROM " + table + " WHERE " + column + " = ?", learner, true);
}

void fill(ProgressStore& store, ActivityBook& book, LearnerId learner, const std::string& tag) {
    store.set_setting(learner, "text_scale", "150");
    StepEvent event;
    event.learner = learner;
    event.lesson_id = "souris-cliquer";
    event.step_id = "clic-" + tag;
    event.action = "attempt";
    event.duration_ms = 4000;
    LessonProgress progress;
    progress.lesson_id = "souris-cliquer";
    progress.status = LessonStatus::InProgress;
    store.record(event, progress);
    ScenarioResult result;
    result.learner = learner;
    result.scenario_id = "franceconnect";
    result.mode = "check";
    result.level = "autonome";
    result.finished = true;
    store.record_scenario_result(result);
    ActivityRecord session;
    session.kind = "individuel";
    session.date = "2026-03-14";
    session.learners = {learner};
    book.save(session);
    Statement outbox(store.database(),
                     "INSERT INTO outbox (kind, item_key, learner_id, payload, created_at) VALUES "
                     "('xapi', ?, ?, ?, '2026-03-14T10:00:00.000Z')");
    outbox.bind(1, "statement-" + tag).bind(2, learner).bind(3, "{\"payload\":\"Charge-" + tag + "\"}");
    outbox.step();
    Statement sent(store.database(),
                   "INSERT INTO sent_items (item_key, learner_id, sent_at) VALUES (?, ?, ?)");
    sent.bind(1, "sent-" + tag).bind(2, learner).bind(3, "2026-03-14T10:00:00.000Z");
    sent.step();
}

}  // namespace

TEST_CASE("Erasing a learner removes every row that names them, and their name from the file", "[learners]") {
    TempDir tmp;
    const auto file = tmp / "progress.db";
    ProgressStore store(file);
    ActivityBook book(store);
    const auto gone = store.create_learner("Zéphyrine-Quokka", "fox", std::string("4821"));
    const auto stays = store.create_learner("Ana", "owl");
    LearnerAttributes attributes{"60_69", "feminin", "retraite", "Plougastel-Daoulas", "29470", "29189"};
    store.update_learner(gone, "Zéphyrine-Quokka", "fox", attributes, "Note-Zanzibar-Unique");
    fill(store, book, gone, "gone");
    fill(store, book, stays, "stays");

    for (const auto& [table, column] : kLearnerTables) {
        INFO(table);
        CHECK(rows_of(store, table, column, gone) >= 1);
    }
    REQUIRE(file_holds(file, "Zéphyrine-Quokka"));  // otherwise the check below proves nothing

    store.erase_learner(gone);

    for (const auto& [table, column] : kLearnerTables) {
        INFO(table);
        CHECK(rows_of(store, table, column, gone) == 0);
        CHECK(rows_of(store, table, column, stays) >= 1);
    }
    CHECK_FALSE(store.learner(gone).has_value());
    CHECK(store.all_learners().size() == 1);
    // The individual session itself stays (it happened), with nobody attached any more.
    CHECK(book.list().size() == 2);
    CHECK(sql_integer(store, "SELECT count(*) FROM activity_learners") == 1);

    for (const std::string needle :
         {"Zéphyrine-Quokka", "Note-Zanzibar-Unique", "Plougastel-Daoulas", "Charge-gone", "clic-gone"}) {
        INFO(needle);
        CHECK_FALSE(file_holds(file, needle));
    }
    CHECK(file_holds(file, "clic-stays"));
}

TEST_CASE("The erased learner's name is not in the file after a restart either", "[learners]") {
    TempDir tmp;
    const auto file = tmp / "progress.db";
    {
        ProgressStore store(file);
        ActivityBook book(store);
        const auto gone = store.create_learner("Bartholomé-Narval", "fox");
        fill(store, book, gone, "gone");
        store.erase_learner(gone);
    }
    CHECK_FALSE(file_holds(file, "Bartholomé-Narval"));
    ProgressStore reopened(file);
    CHECK(reopened.all_learners().empty());
    CHECK_FALSE(file_holds(file, "Bartholomé-Narval"));
}

TEST_CASE("Editing a learner keeps the coarse attributes; archiving hides without losing", "[learners]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    const auto ana = store.create_learner("Ana", "fox");
    const auto bob = store.create_learner("Bob", "owl");
    LearnerAttributes attributes{"70_plus", "masculin", "retraite", "Rezé", "44400", "44143"};
    store.update_learner(bob, "Robert", "cat", attributes, "Préfère la tablette");

    const auto robert = store.learner(bob);
    REQUIRE(robert);
    CHECK(robert->name == "Robert");
    CHECK(robert->avatar == "cat");
    CHECK(robert->attributes == attributes);
    CHECK(robert->notes == "Préfère la tablette");

    StepEvent event;
    event.learner = bob;
    event.lesson_id = "souris-cliquer";
    event.step_id = "s1";
    event.action = "step-done";
    event.success = true;
    store.record(event, {"souris-cliquer", LessonStatus::InProgress, 1, ""});

    store.set_archived(bob, true);
    REQUIRE(store.learners().size() == 1);
    CHECK(store.learners()[0].id == ana);
    REQUIRE(store.all_learners().size() == 2);
    CHECK(store.all_learners()[1].archived);
    CHECK(store.events(bob).size() == 1);  // progress kept while archived

    store.set_archived(bob, false);
    CHECK(store.learners().size() == 2);
    CHECK(store.progress(bob, "souris-cliquer").current_step == 1);
}
