// Mediator accounts and their journal, on a real progress file: the password works, a wrong one
// does not, guessing is slowed down even across restarts, and the password is nowhere in the file.
#include "core/mediator_accounts.hpp"
#include "core/mediator_log.hpp"
#include "mediator_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <string>

using namespace pasapas::core;
using pasapas::test::file_holds;
using pasapas::test::sql_integer;
using pasapas::test::sql_text;
using pasapas::test::TempDir;
using Outcome = MediatorAccounts::Outcome;
using std::chrono::seconds;

namespace {

constexpr const char* kPassword = "Tournesol-Quatre-27";

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const StoreError& error) {
        return error.what();
    }
    return "(no error)";
}

int count_actions(const std::vector<MediatorLogEntry>& entries, const std::string& action) {
    return static_cast<int>(
        std::count_if(entries.begin(), entries.end(), [&](const auto& e) { return e.action == action; }));
}

}  // namespace

TEST_CASE("A mediator signs in with the right password and only with it", "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    CHECK_FALSE(accounts.any());

    const auto id = accounts.create("Nadia", kPassword);
    CHECK(accounts.any());
    REQUIRE(accounts.list().size() == 1);
    CHECK(accounts.list()[0].login == "Nadia");
    CHECK(accounts.list()[0].id == id);

    const auto ok = accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:00.000Z");
    CHECK(ok.outcome == Outcome::Ok);
    CHECK(ok.id == id);

    const auto wrong = accounts.sign_in("Nadia", "tournesol-quatre-27", "2026-03-14T09:00:05.000Z");
    CHECK(wrong.outcome == Outcome::Wrong);

    const auto unknown = accounts.sign_in("Personne", kPassword, "2026-03-14T09:00:10.000Z");
    CHECK(unknown.outcome == Outcome::Unknown);
    CHECK_FALSE(unknown.id.has_value());
}

TEST_CASE("Creating an account refuses an empty or taken login and a short password, in words",
          "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    accounts.create("Nadia", kPassword);

    CHECK_THAT(message_of([&] { accounts.create("   ", kPassword); }),
               Catch::Contains("login cannot be empty"));
    CHECK_THAT(message_of([&] { accounts.create("nadia", kPassword); }),
               Catch::Contains("login nadia is already taken"));
    CHECK_THAT(message_of([&] { accounts.create("Karim", "court"); }),
               Catch::Contains("at least 8 characters"));
    // Eight accented letters are eight characters, though they take sixteen bytes.
    CHECK_THAT(message_of([&] { accounts.create("Karim", "éééééé"); }), Catch::Contains("at least 8"));
    CHECK_NOTHROW(accounts.create("Karim", "éééééééé"));
    CHECK(accounts.list().size() == 2);
    CHECK_THAT(message_of([&] { accounts.change_password(accounts.list()[0].id, "1234567"); }),
               Catch::Contains("at least 8"));
}

TEST_CASE("After five wrong passwords the account waits, twice as long after each further one",
          "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    const auto id = accounts.create("Nadia", kPassword);

    for (int i = 0; i < MediatorAccounts::kMaxAttempts - 1; ++i) {
        CHECK(accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:00:00.000Z").outcome == Outcome::Wrong);
    }
    const auto fifth = accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:00:00.000Z");
    CHECK(fifth.outcome == Outcome::Locked);
    CHECK(fifth.wait == seconds{30});

    // Ten seconds later, even the right password is refused, and the wait left is told.
    const auto during = accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:10.000Z");
    CHECK(during.outcome == Outcome::Locked);
    CHECK(during.wait == seconds{20});
    CHECK(during.id == id);

    // Once the wait is over, one more wrong password locks again, for twice as long.
    const auto sixth = accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:00:30.000Z");
    CHECK(sixth.outcome == Outcome::Locked);
    CHECK(sixth.wait == seconds{60});
    CHECK(accounts.sign_in("Nadia", kPassword, "2026-03-14T09:01:29.500Z").wait == seconds{1});
    const auto seventh = accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:01:30.000Z");
    CHECK(seventh.wait == seconds{120});

    // The right password after the wait opens, and the count starts again from zero.
    CHECK(accounts.sign_in("Nadia", kPassword, "2026-03-14T09:03:30.000Z").outcome == Outcome::Ok);
    CHECK(sql_integer(store, "SELECT failed_attempts FROM mediators") == 0);
    CHECK(accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:03:31.000Z").outcome == Outcome::Wrong);

    const auto log = MediatorLog(store).entries();
    CHECK(count_actions(log, "locked") == 3);
    CHECK(count_actions(log, "sign-in") == 1);
    CHECK(count_actions(log, "sign-in-failed") == 8);
}

TEST_CASE("Closing and reopening the app does not lift a lock", "[mediator]") {
    TempDir tmp;
    const auto file = tmp / "progress.db";
    {
        ProgressStore store(file);
        MediatorAccounts accounts(store);
        accounts.create("Nadia", kPassword);
        for (int i = 0; i < MediatorAccounts::kMaxAttempts; ++i) {
            (void)accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:00:00.000Z");
        }
    }
    ProgressStore reopened(file);
    MediatorAccounts accounts(reopened);
    const auto verdict = accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:05.000Z");
    CHECK(verdict.outcome == Outcome::Locked);
    CHECK(verdict.wait == seconds{25});
    CHECK(accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:30.000Z").outcome == Outcome::Ok);
}

TEST_CASE("A changed password replaces the old one and lifts a lock", "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    const auto id = accounts.create("Nadia", kPassword);
    for (int i = 0; i < MediatorAccounts::kMaxAttempts; ++i) {
        (void)accounts.sign_in("Nadia", "mauvais-mot", "2026-03-14T09:00:00.000Z");
    }
    accounts.change_password(id, "Coquelicot-Neuf-81");
    CHECK(accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:01.000Z").outcome == Outcome::Wrong);
    CHECK(accounts.sign_in("Nadia", "Coquelicot-Neuf-81", "2026-03-14T09:00:02.000Z").outcome == Outcome::Ok);
    CHECK_THROWS_AS(accounts.change_password(id + 100, "Coquelicot-Neuf-81"), StoreError);
    CHECK(count_actions(MediatorLog(store).entries(), "change-password") == 1);
}

TEST_CASE("The password is kept only as an Argon2id hash, nowhere in clear in the file", "[mediator]") {
    TempDir tmp;
    const auto file = tmp / "progress.db";
    ProgressStore store(file);
    MediatorAccounts accounts(store);
    accounts.create("Nadia", kPassword);
    (void)accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:00.000Z");
    (void)accounts.sign_in("Nadia", "Mauvais-Mot-Unique-42", "2026-03-14T09:00:01.000Z");
    (void)accounts.sign_in("Personne", "Autre-Mot-Unique-43", "2026-03-14T09:00:02.000Z");

    const auto hash = sql_text(store, "SELECT password_hash FROM mediators");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find(kPassword) == std::string::npos);
    // The login is in the file (it is the account's name); no password typed is, right or wrong.
    CHECK(file_holds(file, "Nadia"));
    CHECK_FALSE(file_holds(file, kPassword));
    CHECK_FALSE(file_holds(file, "Mauvais-Mot-Unique-42"));
    CHECK_FALSE(file_holds(file, "Autre-Mot-Unique-43"));
    // Nor the unknown login typed, which may be a password typed in the wrong box.
    CHECK_FALSE(file_holds(file, "Personne"));
}

TEST_CASE("An unknown login takes as long to refuse as a wrong password", "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    accounts.create("Nadia", kPassword);
    (void)accounts.sign_in("Personne", "x", "2026-03-14T09:00:00.000Z");  // the dummy hash is made once
    const auto timed = [&](const std::string& login) {
        auto best = std::chrono::steady_clock::duration::max();
        for (int i = 0; i < 3; ++i) {
            const auto start = std::chrono::steady_clock::now();
            (void)accounts.sign_in(login, "mauvais-mot", "2026-03-14T09:00:00.000Z");
            best = std::min(best, std::chrono::steady_clock::now() - start);
        }
        return best;
    };
    const auto known = timed("Nadia");  // three failures: still under the lock threshold
    const auto unknown = timed("Personne");
    // Without the dummy verification an unknown login would be refused in well under a millisecond.
    CHECK(unknown * 3 > known);
    CHECK(unknown > std::chrono::milliseconds{5});
}

TEST_CASE("The journal keeps what mediators did, and refuses to be edited or erased", "[mediator]") {
    TempDir tmp;
    ProgressStore store(tmp / "progress.db");
    MediatorAccounts accounts(store);
    MediatorLog log(store);
    const auto id = accounts.create("Nadia", kPassword);
    (void)accounts.sign_in("Nadia", kPassword, "2026-03-14T09:00:00.000Z");
    log.append(id, "export", "coop-csv 2026-01-01..2026-03-31 12 rows");
    log.append(std::nullopt, "sign-out");

    const auto entries = log.entries();
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].action == "sign-out");  // newest first
    CHECK_FALSE(entries[0].mediator.has_value());
    CHECK(entries[1].action == "export");
    CHECK(entries[1].detail == "coop-csv 2026-01-01..2026-03-31 12 rows");
    CHECK(entries[1].mediator == id);
    CHECK(entries[2].action == "sign-in");
    CHECK(entries[3].action == "create-mediator");
    CHECK(entries[3].at.size() == 24);
    CHECK(log.entries(2).size() == 2);
    for (const auto& entry : entries) {
        CHECK(entry.detail.find(kPassword) == std::string::npos);
    }

    char* error = nullptr;
    CHECK(sqlite3_exec(store.database(), "UPDATE mediator_log SET detail = 'rien' WHERE action = 'export'",
                       nullptr, nullptr, &error) != SQLITE_OK);
    REQUIRE(error != nullptr);
    CHECK(std::string(error).find("append-only") != std::string::npos);
    sqlite3_free(error);
    error = nullptr;
    CHECK(sqlite3_exec(store.database(), "DELETE FROM mediator_log", nullptr, nullptr, &error) != SQLITE_OK);
    sqlite3_free(error);

    const auto after = log.entries();
    REQUIRE(after.size() == 4);
    CHECK(after[1].detail == "coop-csv 2026-01-01..2026-03-31 12 rows");
}
