// The outbox on a real progress file: what the mediator asked to send is kept until delivered,
// never queued twice, and retried later rather than hammering a server that fails.
#include "core/outbox.hpp"
#include "core/progress_store.hpp"
#include "sending_test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace pasapas::core;
using sending_test::TempDir;

namespace {

constexpr const char* kNow = "2026-11-23T10:00:00.000Z";

std::set<std::string> keys(const std::vector<OutboxItem>& items) {
    std::set<std::string> out;
    for (const auto& item : items) {
        out.insert(item.item_key);
    }
    return out;
}

}  // namespace

TEST_CASE("A queued report is kept once, even when queued again or already delivered", "[outbox]") {
    TempDir dir("pasapas-outbox");
    ProgressStore store(dir / "progress.sqlite");
    const LearnerId learner = store.create_learner("Zéphyrine", "owl");
    Outbox outbox(store);

    CHECK(outbox.enqueue("xapi", "st-1", learner, R"({"id":"st-1"})"));
    CHECK(outbox.enqueue("xapi", "st-2", learner, R"({"id":"st-2"})"));
    CHECK_FALSE(outbox.enqueue("xapi", "st-1", learner, R"({"id":"st-1"})"));
    CHECK(outbox.enqueue("stats", "stats:abc", std::nullopt, R"({"learners":12})"));

    auto counts = outbox.counts();
    CHECK(counts.pending == 3);
    CHECK(counts.sent == 0);
    CHECK(counts.next_attempt_at.empty());

    const auto due = outbox.due(kNow);
    REQUIRE(due.size() == 3);
    CHECK(due[0].item_key == "st-1");  // oldest first
    CHECK(due[0].learner == learner);
    CHECK(due[0].payload == R"({"id":"st-1"})");
    CHECK(due[0].state == "pending");
    CHECK_FALSE(due[2].learner.has_value());
    CHECK(outbox.due(kNow, 2).size() == 2);

    outbox.mark_sent(due[0].id);
    CHECK_FALSE(outbox.enqueue("xapi", "st-1", learner, R"({"id":"st-1"})"));  // delivered already
    counts = outbox.counts();
    CHECK(counts.pending == 2);
    CHECK(counts.sent == 1);
    CHECK(keys(outbox.due(kNow)) == std::set<std::string>{"st-2", "stats:abc"});
}

TEST_CASE("A failed send waits 30 s, then twice as long each time, never more than 6 h", "[outbox]") {
    CHECK(Outbox::backoff(1) == std::chrono::seconds{30});
    CHECK(Outbox::backoff(2) == std::chrono::seconds{60});
    CHECK(Outbox::backoff(3) == std::chrono::seconds{120});
    CHECK(Outbox::backoff(10) == std::chrono::seconds{30 * 512});
    CHECK(Outbox::backoff(11) == std::chrono::hours{6});
    CHECK(Outbox::backoff(1000) == std::chrono::hours{6});

    TempDir dir("pasapas-outbox");
    ProgressStore store(dir / "progress.sqlite");
    Outbox outbox(store);
    REQUIRE(outbox.enqueue("xapi", "st-1", std::nullopt, "{}"));
    const auto id = outbox.due(kNow).at(0).id;

    outbox.mark_retry(id, 503, "HTTP 503", kNow);
    CHECK(outbox.due(kNow).empty());
    CHECK(outbox.due("2026-11-23T10:00:29.999Z").empty());
    // Stamps without milliseconds, as a person or another tool writes them, compare the same.
    CHECK(outbox.due("2026-11-23T10:00:29Z").empty());
    REQUIRE(outbox.due("2026-11-23T10:00:30Z").size() == 1);
    auto item = outbox.due("2026-11-23T10:00:30.000Z").at(0);
    CHECK(item.attempts == 1);
    CHECK(item.last_status == 503);
    CHECK(item.last_error == "HTTP 503");
    CHECK(outbox.counts().next_attempt_at == "2026-11-23T10:00:30.000Z");
    CHECK(outbox.counts().pending == 1);

    outbox.mark_retry(id, 0, "Timeout was reached", "2026-11-23T10:00:30.000Z");
    CHECK(outbox.due("2026-11-23T10:01:29.000Z").empty());
    item = outbox.due("2026-11-23T10:01:30.000Z").at(0);
    CHECK(item.attempts == 2);
    CHECK(item.last_status == 0);

    // Across midnight and month ends the clock arithmetic still holds.
    outbox.mark_retry(id, 500, "HTTP 500", "2026-12-31T23:59:50.000Z");
    CHECK(outbox.counts().next_attempt_at == "2027-01-01T00:01:50.000Z");
}

TEST_CASE("A report the server refused is listed for the mediator and can be queued again", "[outbox]") {
    TempDir dir("pasapas-outbox");
    ProgressStore store(dir / "progress.sqlite");
    Outbox outbox(store);
    REQUIRE(outbox.enqueue("xapi", "st-1", std::nullopt, "{}"));
    REQUIRE(outbox.enqueue("xapi", "st-2", std::nullopt, "{}"));
    const auto id = outbox.due(kNow).at(0).id;

    outbox.mark_dead(id, 400, "HTTP 400: bad verb");
    CHECK(keys(outbox.due("2030-01-01T00:00:00.000Z")) == std::set<std::string>{"st-2"});
    const auto dead = outbox.dead_letters();
    REQUIRE(dead.size() == 1);
    CHECK(dead[0].item_key == "st-1");
    CHECK(dead[0].state == "dead");
    CHECK(dead[0].last_status == 400);
    CHECK(dead[0].last_error == "HTTP 400: bad verb");
    CHECK(outbox.counts().dead == 1);
    CHECK(outbox.counts().pending == 1);
    // Queuing it again while it is a dead letter does not make a second copy.
    CHECK_FALSE(outbox.enqueue("xapi", "st-1", std::nullopt, "{}"));

    outbox.requeue_dead(id);
    CHECK(outbox.dead_letters().empty());
    CHECK(keys(outbox.due(kNow)) == std::set<std::string>{"st-1", "st-2"});
    CHECK(outbox.counts().dead == 0);
    CHECK(outbox.counts().pending == 2);
}

TEST_CASE("The outbox survives closing the program", "[outbox]") {
    TempDir dir("pasapas-outbox");
    {
        ProgressStore store(dir / "progress.sqlite");
        Outbox outbox(store);
        REQUIRE(outbox.enqueue("xapi", "st-1", std::nullopt, R"({"id":"st-1"})"));
        REQUIRE(outbox.enqueue("xapi", "st-2", std::nullopt, R"({"id":"st-2"})"));
        outbox.mark_sent(outbox.due(kNow).at(0).id);
        outbox.mark_retry(outbox.due(kNow).at(0).id, 500, "HTTP 500", kNow);
    }
    ProgressStore store(dir / "progress.sqlite");
    Outbox outbox(store);
    const auto counts = outbox.counts();
    CHECK(counts.pending == 1);
    CHECK(counts.sent == 1);
    CHECK(counts.next_attempt_at == "2026-11-23T10:00:30.000Z");
    CHECK_FALSE(outbox.enqueue("xapi", "st-1", std::nullopt, R"({"id":"st-1"})"));
    CHECK_FALSE(outbox.enqueue("xapi", "st-2", std::nullopt, R"({"id":"st-2"})"));
}

TEST_CASE("Erasing a learner removes their unsent and sent reports", "[outbox]") {
    TempDir dir("pasapas-outbox");
    ProgressStore store(dir / "progress.sqlite");
    const LearnerId leaving = store.create_learner("Barnabé", "owl");
    const LearnerId staying = store.create_learner("Ondine", "cat");
    Outbox outbox(store);
    REQUIRE(outbox.enqueue("xapi", "b-1", leaving, "{}"));
    REQUIRE(outbox.enqueue("xapi", "b-2", leaving, "{}"));
    REQUIRE(outbox.enqueue("xapi", "o-1", staying, "{}"));
    outbox.mark_sent(outbox.due(kNow).at(0).id);

    store.erase_learner(leaving);
    const auto counts = outbox.counts();
    CHECK(counts.pending == 1);
    CHECK(counts.sent == 0);
    CHECK(keys(outbox.due(kNow)) == std::set<std::string>{"o-1"});
}
