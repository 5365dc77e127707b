// The progress store, on real files in temporary folders: what a learner saved must come back,
// whatever happened to the program or the file in between.
#include "core/paths.hpp"
#include "core/progress_store.hpp"
#include "core/sqlite_support.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using namespace pasapas::core;

namespace {

using pasapas::test::TempDir;

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Direct access to the file, bypassing the store, to look at what is really on disk.
class RawDb {
public:
    explicit RawDb(const fs::path& file) {
        REQUIRE(sqlite3_open_v2(file.string().c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                nullptr) == SQLITE_OK);
    }
    ~RawDb() { sqlite3_close_v2(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
        INFO((message != nullptr ? message : ""));
        sqlite3_free(message);
        REQUIRE(rc == SQLITE_OK);
    }

    // Every row, each column as text (NULL as "<null>").
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                row.emplace_back(text != nullptr ? text : "<null>");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        return out;
    }

    std::string scalar(const std::string& sql) {
        const auto all = rows(sql);
        REQUIRE_FALSE(all.empty());
        return all.front().front();
    }

private:
    sqlite3* db_ = nullptr;
};

StepEvent make_event(LearnerId learner, const std::string& lesson, int index, const std::string& action) {
    StepEvent event;
    event.learner = learner;
    event.lesson_id = lesson;
    event.step_id = "step-" + std::to_string(index);
    event.step_index = index;
    event.action = action;
    return event;
}

LessonProgress make_progress(const std::string& lesson, LessonStatus status, int step) {
    LessonProgress progress;
    progress.lesson_id = lesson;
    progress.status = status;
    progress.current_step = step;
    return progress;
}

// Schema description comparable between two files: table → ordered (name, type, notnull, pk).
std::map<std::string, std::vector<std::vector<std::string>>> describe_schema(const fs::path& file) {
    RawDb db(file);
    std::map<std::string, std::vector<std::vector<std::string>>> out;
    for (const auto& table :
         db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        out[table[0]] = db.rows("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" +
                                table[0] + "')");
    }
    for (const auto& index : db.rows("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")) {
        out["index " + index[1]].push_back(index);
    }
    return out;
}

std::string fixture_sql(const std::string& name) {
    return read_bytes(fs::path(PASAPAS_FIXTURES_DIR) / "store" / name);
}

bool running_as_root() {
    return ::geteuid() == 0;
}

}  // namespace

TEST_CASE("A new store keeps learners, settings, progress and events after closing", "[store]") {
    TempDir dir;
    const auto file = dir / "sub" / "folder" / "progress.db";
    LearnerId ginette = 0;
    LearnerId karim = 0;
    {
        ProgressStore store(file);
        CHECK(store.open_report().kind == OpenReport::Kind::Created);
        CHECK(store.open_report().message.empty());
        CHECK(store.path() == file);
        ginette = store.create_learner("Ginette", "owl");
        karim = store.create_learner("Karim", "fox");
        store.set_setting(ginette, "text_scale", "150");
        store.set_setting(ginette, "high_contrast", "1");
        store.set_setting(ginette, "text_scale", "200");  // changed her mind: the last value wins

        auto attempt = make_event(ginette, "email-first-message", 2, "attempt");
        attempt.mistake = "wrong-field";
        attempt.hint_level = 1;
        attempt.duration_ms = 4200;
        store.record(attempt, make_progress("email-first-message", LessonStatus::InProgress, 2));
        auto done = make_event(ginette, "mouse-first-clicks", 3, "lesson-done");
        done.success = true;
        store.record(done, make_progress("mouse-first-clicks", LessonStatus::Done, 3));
        store.record(make_event(karim, "mouse-first-clicks", 0, "leave"),
                     make_progress("mouse-first-clicks", LessonStatus::InProgress, 1));
    }

    ProgressStore store(file);
    CHECK(store.open_report().kind == OpenReport::Kind::Opened);
    CHECK(store.open_report().from_version == ProgressStore::kSchemaVersion);

    const auto all = store.learners();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "Ginette");
    CHECK(all[0].avatar == "owl");
    CHECK_FALSE(all[0].has_pin);
    CHECK(std::regex_match(all[0].created_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    CHECK(all[1].name == "Karim");
    REQUIRE(store.learner(karim));
    CHECK(store.learner(karim)->avatar == "fox");
    CHECK_FALSE(store.learner(karim + 100));

    CHECK(store.settings(ginette) ==
          std::map<std::string, std::string>{{"high_contrast", "1"}, {"text_scale", "200"}});
    CHECK(store.settings(karim).empty());

    const auto email = store.progress(ginette, "email-first-message");
    CHECK(email.status == LessonStatus::InProgress);
    CHECK(email.current_step == 2);
    CHECK_FALSE(email.updated_at.empty());
    CHECK(store.progress(ginette, "mouse-first-clicks").status == LessonStatus::Done);
    const auto untouched = store.progress(karim, "email-first-message");
    CHECK(untouched.status == LessonStatus::NotStarted);
    CHECK(untouched.current_step == 0);
    CHECK(untouched.lesson_id == "email-first-message");
    const auto ginette_lessons = store.all_progress(ginette);
    REQUIRE(ginette_lessons.size() == 2);
    CHECK(ginette_lessons[0].lesson_id == "email-first-message");
    CHECK(ginette_lessons[1].lesson_id == "mouse-first-clicks");

    const auto events = store.events(ginette);
    REQUIRE(events.size() == 2);
    CHECK(events[0].lesson_id == "email-first-message");
    CHECK(events[0].action == "attempt");
    CHECK(events[0].mistake == "wrong-field");
    CHECK(events[0].hint_level == 1);
    CHECK(events[0].duration_ms == 4200);
    CHECK_FALSE(events[0].success);
    CHECK(events[1].action == "lesson-done");
    CHECK(events[1].success);
    const std::regex uuid_v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    CHECK(std::regex_match(events[0].uuid, uuid_v4));
    CHECK(std::regex_match(events[1].uuid, uuid_v4));
    CHECK(events[0].uuid != events[1].uuid);
    CHECK(std::regex_match(events[0].at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    CHECK(store.events(ginette, "mouse-first-clicks").size() == 1);
    CHECK(store.events(karim).size() == 1);
}

TEST_CASE("Events keep their given uuid and time, and a replayed event is not counted twice", "[store]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto id = store.create_learner("Odile", "cat");
    auto event = make_event(id, "forms-address", 1, "attempt");
    event.at = "2026-11-23T08:15:58.123Z";
    event.uuid = "0b1c6a58-2d7e-4c1f-9a55-3f4e5d6c7b8a";
    store.record(event, make_progress("forms-address", LessonStatus::InProgress, 1));
    store.record(event, make_progress("forms-address", LessonStatus::InProgress, 2));
    const auto events = store.events(id, "forms-address");
    REQUIRE(events.size() == 1);
    CHECK(events[0].at == "2026-11-23T08:15:58.123Z");
    CHECK(events[0].uuid == "0b1c6a58-2d7e-4c1f-9a55-3f4e5d6c7b8a");
    CHECK(store.progress(id, "forms-address").current_step == 2);
}

TEST_CASE("Recording for a learner who does not exist is refused and leaves nothing behind", "[store]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto id = store.create_learner("Odile", "cat");
    CHECK_THROWS_AS(store.record(make_event(id + 42, "forms-address", 0, "attempt"),
                                 make_progress("forms-address", LessonStatus::InProgress, 0)),
                    StoreError);
    CHECK_THROWS_AS(store.set_setting(id + 42, "language", "fr"), StoreError);
    CHECK(store.events(id + 42).empty());
    CHECK(store.all_progress(id + 42).empty());
    // The store still works after the refusal (no transaction left open).
    store.record(make_event(id, "forms-address", 0, "attempt"),
                 make_progress("forms-address", LessonStatus::InProgress, 0));
    CHECK(store.events(id).size() == 1);
}

TEST_CASE("Removing a learner row removes their progress, settings and events", "[store]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    LearnerId id = 0;
    {
        ProgressStore store(file);
        id = store.create_learner("Odile", "cat");
        store.set_setting(id, "language", "fr");
        store.record(make_event(id, "forms-address", 0, "attempt"),
                     make_progress("forms-address", LessonStatus::InProgress, 0));
    }
    {
        RawDb raw(file);
        raw.exec("PRAGMA foreign_keys = ON");
        raw.exec("DELETE FROM learners WHERE id = " + std::to_string(id));
        CHECK(raw.scalar("SELECT count(*) FROM step_events") == "0");
        CHECK(raw.scalar("SELECT count(*) FROM lesson_progress") == "0");
        CHECK(raw.scalar("SELECT count(*) FROM learner_settings") == "0");
    }
}

TEST_CASE("Names with quotes, emoji and Arabic are kept exactly and listed by name", "[store]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    const std::vector<std::string> names{
        "Zoé O'Brien", "yasmine \"Yaz\"", "مريم", "Léo 🚲", "'; DROP TABLE learners; --", "ali"};
    {
        ProgressStore store(file);
        for (const auto& name : names) {
            const auto id = store.create_learner(name, "owl");
            store.set_setting(id, "nick'name", name);
        }
    }
    ProgressStore store(file);
    const auto all = store.learners();
    REQUIRE(all.size() == names.size());
    std::vector<std::string> listed;
    for (const auto& learner : all) {
        listed.push_back(learner.name);
        CHECK(store.settings(learner.id).at("nick'name") == learner.name);
    }
    CHECK(listed == std::vector<std::string>{"'; DROP TABLE learners; --", "ali", "Léo 🚲", "yasmine \"Yaz\"",
                                             "Zoé O'Brien", "مريم"});
}

TEST_CASE("A PIN lets the right person in, and locks out after repeated wrong tries", "[store][pin]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    const auto with_pin = store.create_learner("Marcel", "owl", std::string("4827"));
    const auto without_pin = store.create_learner("Nadia", "fox");
    CHECK(store.learner(with_pin)->has_pin);
    CHECK_FALSE(store.learner(without_pin)->has_pin);

    CHECK(store.check_pin(with_pin, "4827") == ProgressStore::PinCheck::Ok);
    CHECK(store.check_pin(with_pin, "4828") == ProgressStore::PinCheck::Wrong);
    CHECK(store.check_pin(with_pin, "") == ProgressStore::PinCheck::Wrong);
    CHECK(store.check_pin(without_pin, "0000") == ProgressStore::PinCheck::Ok);
    CHECK(store.check_pin(without_pin, "") == ProgressStore::PinCheck::Ok);
    CHECK(store.check_pin(with_pin, "4827") == ProgressStore::PinCheck::Ok);  // wrong tries so far forgotten

    SECTION("a right PIN before the limit starts the count again") {
        for (int i = 1; i < ProgressStore::kMaxPinAttempts; ++i) {
            CHECK(store.check_pin(with_pin, "1111") == ProgressStore::PinCheck::Wrong);
        }
        CHECK(store.check_pin(with_pin, "4827") == ProgressStore::PinCheck::Ok);
        for (int i = 1; i < ProgressStore::kMaxPinAttempts; ++i) {
            CHECK(store.check_pin(with_pin, "1111") == ProgressStore::PinCheck::Wrong);
        }
        CHECK(store.check_pin(with_pin, "4827") == ProgressStore::PinCheck::Ok);
    }
    SECTION("after too many wrong tries even the right PIN waits") {
        for (int i = 0; i < ProgressStore::kMaxPinAttempts; ++i) {
            CHECK(store.check_pin(with_pin, "1111") == ProgressStore::PinCheck::Wrong);
        }
        CHECK(store.check_pin(with_pin, "4827") == ProgressStore::PinCheck::LockedOut);
        CHECK(store.check_pin(with_pin, "1111") == ProgressStore::PinCheck::LockedOut);
        // Another learner on the same computer is not affected.
        CHECK(store.check_pin(without_pin, "9999") == ProgressStore::PinCheck::Ok);
    }
}

TEST_CASE("A PIN is never written in clear, only as an Argon2id hash", "[store][pin]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    LearnerId id = 0;
    {
        ProgressStore store(file);
        id = store.create_learner("Marcel", "owl", std::string("4827"));
        const auto wal = read_bytes(fs::path(file.string() + "-wal"));
        CHECK(wal.find("4827") == std::string::npos);
    }
    CHECK(read_bytes(file).find("4827") == std::string::npos);
    RawDb raw(file);
    const auto hash = raw.scalar("SELECT pin_hash FROM learners WHERE id = " + std::to_string(id));
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("4827") == std::string::npos);
}

TEST_CASE("A PIN that is not exactly 4 digits is refused with a message", "[store][pin]") {
    TempDir dir;
    ProgressStore store(dir / "progress.db");
    for (const std::string bad : {"", "123", "12345", "12a4", "１２３４", " 1234", "12 4"}) {
        INFO("PIN: '" << bad << "'");
        try {
            store.create_learner("Marcel", "owl", bad);
            FAIL("accepted");
        } catch (const StoreError& error) {
            CHECK(std::string(error.what()).find('4') != std::string::npos);
        }
    }
    CHECK(store.learners().empty());
}

TEST_CASE("A file from the first release is migrated and its learners keep their progress",
          "[store][migration]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    {
        RawDb raw(file);
        raw.exec(fixture_sql("schema_v1.sql"));
        REQUIRE(raw.scalar("PRAGMA user_version") == "1");
    }
    LearnerId ginette = 0;
    {
        ProgressStore store(file);
        CHECK(store.open_report().kind == OpenReport::Kind::Migrated);
        CHECK(store.open_report().from_version == 1);
        CHECK(store.open_report().aside.empty());

        const auto all = store.learners();
        REQUIRE(all.size() == 2);
        CHECK(all[0].name == "Ginette Lavaud");
        CHECK(all[0].created_at == "2025-03-04T09:12:30.250Z");
        CHECK_FALSE(all[0].has_pin);
        CHECK(all[1].name == "Mamadou K.");
        ginette = all[0].id;

        CHECK(store.progress(ginette, "mouse-first-clicks").status == LessonStatus::Done);
        const auto email = store.progress(ginette, "email-first-message");
        CHECK(email.status == LessonStatus::InProgress);
        CHECK(email.current_step == 2);

        const auto events = store.events(ginette);
        REQUIRE(events.size() == 3);
        CHECK(events[0].action == "attempt");
        CHECK(events[1].action == "step-done");
        CHECK(events[1].success);
        CHECK(events[1].duration_ms == 14000);
        CHECK(events[2].action == "hint");
        std::set<std::string> uuids;
        for (const auto& event : store.events(ginette)) {
            CHECK(event.mistake.empty());
            CHECK(event.hint_level == 0);
            CHECK(event.uuid.size() == 36);
            uuids.insert(event.uuid);
        }
        for (const auto& event : store.events(all[1].id)) {
            uuids.insert(event.uuid);
        }
        CHECK(uuids.size() == 4);  // every old event got its own id

        // The new features work on the migrated file.
        store.set_setting(ginette, "text_scale", "150");
        const auto marcel = store.create_learner("Marcel", "owl", std::string("4827"));
        CHECK(store.check_pin(marcel, "4827") == ProgressStore::PinCheck::Ok);
        auto event = make_event(ginette, "email-first-message", 3, "attempt");
        event.mistake = "typo";
        store.record(event, make_progress("email-first-message", LessonStatus::InProgress, 3));
    }
    {
        ProgressStore store(file);
        CHECK(store.open_report().kind == OpenReport::Kind::Opened);
        CHECK(store.settings(ginette).at("text_scale") == "150");
        CHECK(store.events(ginette).back().mistake == "typo");
    }
    // A migrated file and a new file must have the same tables, columns and indexes.
    const auto fresh = dir / "fresh.db";
    { ProgressStore store(fresh); }
    CHECK(describe_schema(file) == describe_schema(fresh));
}

TEST_CASE("A file that is not a database is kept aside untouched and a new store starts",
          "[store][corrupt]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    std::string garbage;
    for (int i = 0; i < 5000; ++i) {
        garbage.push_back(static_cast<char>((i * 7919) % 251));
    }
    write_bytes(file, garbage);

    fs::path first_aside;
    {
        ProgressStore store(file);
        const auto& report = store.open_report();
        CHECK(report.kind == OpenReport::Kind::CorruptMovedAside);
        first_aside = report.aside;
        CHECK(report.aside.parent_path() == dir.path());
        CHECK(report.aside.filename().string().rfind("progress.db.corrupt-", 0) == 0);
        CHECK(read_bytes(report.aside) == garbage);
        CHECK_FALSE(report.message.empty());
        CHECK(report.message.find(report.aside.string()) != std::string::npos);

        const auto id = store.create_learner("Nadia", "fox");
        store.record(make_event(id, "mouse-first-clicks", 0, "attempt"),
                     make_progress("mouse-first-clicks", LessonStatus::InProgress, 0));
    }
    {
        ProgressStore store(file);
        CHECK(store.open_report().kind == OpenReport::Kind::Opened);
        REQUIRE(store.learners().size() == 1);
        CHECK(store.learners()[0].name == "Nadia");
    }

    // Twice in the same second: the second file gets its own name, the first is not overwritten.
    write_bytes(file, "not a database either");
    ProgressStore again(file);
    CHECK(again.open_report().kind == OpenReport::Kind::CorruptMovedAside);
    CHECK(again.open_report().aside != first_aside);
    CHECK(read_bytes(again.open_report().aside) == "not a database either");
    CHECK(read_bytes(first_aside) == garbage);
}

TEST_CASE("A database with a damaged page is kept aside untouched and a new store starts",
          "[store][corrupt]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    {
        ProgressStore store(file);
        const auto id = store.create_learner("Nadia", "fox");
        for (int i = 0; i < 300; ++i) {
            store.record(make_event(id, "mouse-first-clicks", i, "attempt"),
                         make_progress("mouse-first-clicks", LessonStatus::InProgress, i));
        }
    }
    REQUIRE_FALSE(fs::exists(file.string() + "-wal"));  // everything is in the main file
    auto bytes = read_bytes(file);
    const std::size_t page = 4096;
    REQUIRE(bytes.size() > 4 * page);
    // A power cut in the middle of a disk write can leave a page like this.
    for (std::size_t i = page; i < 2 * page; ++i) {
        bytes[i] = static_cast<char>(0xA5);
    }
    write_bytes(file, bytes);

    ProgressStore store(file);
    CHECK(store.open_report().kind == OpenReport::Kind::CorruptMovedAside);
    CHECK(read_bytes(store.open_report().aside) == bytes);
    CHECK_FALSE(store.open_report().message.empty());
    CHECK(store.learners().empty());
    const auto id = store.create_learner("Nadia", "fox");
    CHECK(store.learner(id)->name == "Nadia");
}

TEST_CASE("A file from a newer version is kept aside untouched and a new store starts", "[store][newer]") {
    TempDir dir;
    const auto file = dir / "progress.db";
    {
        ProgressStore store(file);
        store.create_learner("Nadia", "fox");
    }
    {
        RawDb raw(file);
        raw.exec("PRAGMA user_version = 99");
    }
    const auto before = read_bytes(file);
    ProgressStore store(file);
    const auto& report = store.open_report();
    CHECK(report.kind == OpenReport::Kind::NewerMovedAside);
    CHECK(report.aside.filename().string().rfind("progress.db.newer-", 0) == 0);
    CHECK(read_bytes(report.aside) == before);
    CHECK(report.message.find("newer") != std::string::npos);
    CHECK(report.message.find(report.aside.string()) != std::string::npos);
    CHECK(store.learners().empty());
    RawDb kept(report.aside);
    CHECK(kept.scalar("PRAGMA user_version") == "99");
    CHECK(kept.scalar("SELECT name FROM learners") == "Nadia");
}

TEST_CASE("Every acknowledged event survives the program being killed mid-write", "[store][crash]") {
    TempDir dir;
    const auto file = dir / "progress.db";

    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    std::string program = PASAPAS_STORE_WRITER;
    std::string database = file.string();
    std::vector<char*> argv{program.data(), database.data(), nullptr};
    pid_t child = 0;
    const int spawned = posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    REQUIRE(spawned == 0);

    std::string received;
    const auto count_acks = [&received] {
        return static_cast<int>(std::count(received.begin(), received.end(), '\n'));
    };
    std::array<char, 4096> buffer{};
    bool killed = false;
    while (true) {
        if (!killed && count_acks() >= 250) {
            REQUIRE(::kill(child, SIGKILL) == 0);
            killed = true;
        }
        const auto got = ::read(pipe_fds[0], buffer.data(), buffer.size());
        if (got <= 0) {
            break;  // the writer is gone; everything it printed has been read
        }
        received.append(buffer.data(), static_cast<std::size_t>(got));
    }
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(killed);
    CHECK(WIFSIGNALED(status));

    // Only whole lines count: a line cut by the kill was not an acknowledgement.
    std::set<int> acked;
    std::istringstream lines(received.substr(0, received.rfind('\n') + 1));
    for (std::string line; std::getline(lines, line);) {
        REQUIRE(line.rfind("ack ", 0) == 0);
        acked.insert(std::stoi(line.substr(4)));
    }
    REQUIRE(acked.size() >= 250);

    {
        RawDb raw(file);
        CHECK(raw.scalar("PRAGMA integrity_check") == "ok");
    }
    ProgressStore store(file);
    CHECK(store.open_report().kind == OpenReport::Kind::Opened);
    REQUIRE(store.learners().size() == 1);
    std::set<int> stored;
    for (const auto& event : store.events(store.learners()[0].id, "crash-lesson")) {
        stored.insert(event.step_index);
    }
    for (const int n : acked) {
        INFO("acknowledged event " << n);
        CHECK(stored.count(n) == 1);
    }
    const auto progress = store.progress(store.learners()[0].id, "crash-lesson");
    CHECK(progress.current_step >= *acked.rbegin());
}

TEST_CASE("A folder that cannot be created is reported plainly, naming the path", "[store][disk]") {
    TempDir dir;
    write_bytes(dir / "not-a-folder", "just a file");
    const auto file = dir / "not-a-folder" / "pasapas" / "progress.db";
    try {
        ProgressStore store(file);
        FAIL("opened a store under a regular file");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK(message.find((dir / "not-a-folder").string()) != std::string::npos);
        CHECK(message.find("folder") != std::string::npos);
    }
}

TEST_CASE("A path that is a folder is reported plainly, naming the path", "[store][disk]") {
    TempDir dir;
    fs::create_directories(dir / "progress.db");
    try {
        ProgressStore store(dir / "progress.db");
        FAIL("opened a folder as a store");
    } catch (const StoreError& error) {
        CHECK(std::string(error.what()).find((dir / "progress.db").string()) != std::string::npos);
    }
}

TEST_CASE("A read-only folder is reported plainly, naming the path", "[store][disk]") {
    if (running_as_root()) {
        WARN("Skipped: root ignores folder permissions");
        return;
    }
    TempDir dir;
    const auto folder = dir / "locked";
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    const auto file = folder / "progress.db";
    try {
        ProgressStore store(file);
        FAIL("opened a store in a read-only folder");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK(message.find(file.string()) != std::string::npos);
        CHECK(message.find("read-only") != std::string::npos);
    }
}

TEST_CASE("An existing store in a folder that became read-only is reported, not silently unsaved",
          "[store][disk]") {
    if (running_as_root()) {
        WARN("Skipped: root ignores file permissions");
        return;
    }
    TempDir dir;
    const auto folder = dir / "locked";
    const auto file = folder / "progress.db";
    { ProgressStore store(file); }
    fs::permissions(file, fs::perms::owner_read);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_WITH(ProgressStore(file), Catch::Contains(file.string()) && Catch::Contains("read-only"));
}

namespace {
// Sets or removes an environment variable for one test, restoring it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
        }
        if (value != nullptr) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("The database path follows the command line, then PASAPAS_DB, then the XDG folders", "[paths]") {
    ScopedEnv db("PASAPAS_DB", nullptr);
    ScopedEnv xdg("XDG_DATA_HOME", "/srv/invented-data");
    ScopedEnv home("HOME", "/home/invented");
    CHECK(database_path(std::nullopt) == fs::path("/srv/invented-data/pasapas/progress.db"));
    {
        ScopedEnv no_xdg("XDG_DATA_HOME", nullptr);
        CHECK(database_path(std::nullopt) == fs::path("/home/invented/.local/share/pasapas/progress.db"));
    }
    {
        ScopedEnv relative_xdg("XDG_DATA_HOME", "relative/data");
        CHECK(database_path(std::nullopt) == fs::path("/home/invented/.local/share/pasapas/progress.db"));
    }
    ScopedEnv env_db("PASAPAS_DB", "/tmp/workshop/progress.db");
    CHECK(database_path(std::nullopt) == fs::path("/tmp/workshop/progress.db"));
    CHECK(database_path(std::string("/media/usb/atelier.db")) == fs::path("/media/usb/atelier.db"));
}

TEST_CASE("The lessons path follows the command line, then PASAPAS_LESSONS, then the install layout",
          "[paths]") {
    ScopedEnv lessons("PASAPAS_LESSONS", nullptr);
    TempDir dir;
    fs::create_directories(dir / "bin");
    fs::create_directories(dir / "share" / "pasapas" / "lessons");
    const auto exe = dir / "bin" / "pasapas";
    CHECK(lessons_path(std::nullopt, exe) == fs::canonical(dir / "share" / "pasapas" / "lessons"));
    ScopedEnv env_lessons("PASAPAS_LESSONS", "/srv/lessons-atelier");
    CHECK(lessons_path(std::nullopt, exe) == fs::path("/srv/lessons-atelier"));
    CHECK(lessons_path(std::string("/media/usb/lessons"), exe) == fs::path("/media/usb/lessons"));
}

TEST_CASE("Stamps are read digit by digit: a sign, a space or a short field is refused", "[store]") {
    int value = 7;
    CHECK(pasapas::core::read_digits("2026-11-23", 5, 2, value));
    CHECK(value == 11);
    CHECK_FALSE(pasapas::core::read_digits("2026--1-23", 5, 2, value));
    CHECK_FALSE(pasapas::core::read_digits("2026-+1-23", 5, 2, value));
    CHECK_FALSE(pasapas::core::read_digits("2026- 1-23", 5, 2, value));
    CHECK_FALSE(pasapas::core::read_digits("2026-1x-23", 5, 2, value));
    CHECK_FALSE(pasapas::core::read_digits("2026-1", 5, 2, value));
}
