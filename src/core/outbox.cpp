#include "outbox.hpp"

#include "sqlite_support.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace pasapas::core {

namespace {

// Every stamp the outbox writes has the shape of utc_now_iso() (milliseconds, then Z), because
// due() compares them as text: "…:05Z" would sort after "…:05.500Z" and an item would wait too long.
std::string normalised_utc(const std::string& iso, std::chrono::seconds shift = std::chrono::seconds{0}) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    const bool stamp = read_digits(iso, 0, 4, year) && read_digits(iso, 5, 2, month) &&
                       read_digits(iso, 8, 2, day) && read_digits(iso, 11, 2, hour) &&
                       read_digits(iso, 14, 2, minute) && read_digits(iso, 17, 2, second);
    if (!stamp) {
        // Not a stamp this program wrote: the real clock is the safest reading.
        return normalised_utc(utc_now_iso(), shift);
    }
    if (iso.size() > 19 && iso[19] == '.' && !read_digits(iso, 20, 3, millis)) {
        millis = 0;
    }
    std::tm broken{};
    broken.tm_year = year - 1900;
    broken.tm_mon = month - 1;
    broken.tm_mday = day;
    broken.tm_hour = hour;
    broken.tm_min = minute;
    broken.tm_sec = second;
    const std::time_t when = ::timegm(&broken) + static_cast<std::time_t>(shift.count());
    std::tm out{};
    ::gmtime_r(&when, &out);
    std::array<char, 96> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", out.tm_year + 1900,
                  out.tm_mon + 1, out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec, millis);
    return buffer.data();
}

constexpr const char* kItemColumns =
    "id, kind, item_key, learner_id, payload, state, attempts, next_attempt_at, last_status, last_error";

OutboxItem read_item(const Statement& row) {
    OutboxItem item;
    item.id = row.integer(0);
    item.kind = row.text(1);
    item.item_key = row.text(2);
    if (!row.is_null(3)) {
        item.learner = row.integer(3);
    }
    item.payload = row.text(4);
    item.state = row.text(5);
    item.attempts = row.small_integer(6);
    item.next_attempt_at = row.text(7);
    item.last_status = static_cast<long>(row.integer(8));
    item.last_error = row.text(9);
    return item;
}

}  // namespace

Outbox::Outbox(ProgressStore& store) : store_(store) {}

bool Outbox::enqueue(const std::string& kind, const std::string& item_key, std::optional<LearnerId> learner,
                     const std::string& payload) {
    return guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        // Checked inside the write transaction, so two windows queuing the same report at once
        // still leave one copy; the UNIQUE key on outbox is the last guard.
        Statement delivered(db, "SELECT 1 FROM sent_items WHERE item_key = ?");
        delivered.bind(1, item_key);
        if (delivered.step()) {
            return false;
        }
        Statement insert(db,
                         "INSERT OR IGNORE INTO outbox (kind, item_key, learner_id, payload, created_at) "
                         "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, kind).bind(2, item_key);
        if (learner) {
            insert.bind(3, *learner);
        } else {
            insert.bind_null(3);
        }
        insert.bind(4, payload).bind(5, utc_now_iso());
        insert.step();
        const bool queued = sqlite3_changes(db) > 0;
        transaction.commit();
        return queued;
    });
}

std::vector<OutboxItem> Outbox::due(const std::string& now_utc, int limit) const {
    return guarded(store_.path(), [&] {
        Statement select(store_.database(),
                         std::string("SELECT ") + kItemColumns +
                             " FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                             "ORDER BY id LIMIT ?");
        select.bind(1, normalised_utc(now_utc)).bind(2, static_cast<std::int64_t>(limit));
        std::vector<OutboxItem> items;
        while (select.step()) {
            items.push_back(read_item(select));
        }
        return items;
    });
}

std::vector<OutboxItem> Outbox::dead_letters() const {
    return guarded(store_.path(), [&] {
        Statement select(store_.database(), std::string("SELECT ") + kItemColumns +
                                                " FROM outbox WHERE state = 'dead' ORDER BY id");
        std::vector<OutboxItem> items;
        while (select.step()) {
            items.push_back(read_item(select));
        }
        return items;
    });
}

OutboxCounts Outbox::counts() const {
    return guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        OutboxCounts counts;
        Statement outbox(
            db,
            "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'dead'), 0), "
            "COALESCE(MIN(CASE WHEN state = 'pending' THEN next_attempt_at END), '') FROM outbox");
        if (outbox.step()) {
            counts.pending = outbox.small_integer(0);
            counts.dead = outbox.small_integer(1);
            counts.next_attempt_at = outbox.text(2);
        }
        Statement sent(db, "SELECT COUNT(*) FROM sent_items");
        if (sent.step()) {
            counts.sent = sent.small_integer(0);
        }
        return counts;
    });
}

void Outbox::mark_sent(std::int64_t id) {
    guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        // One transaction: a crash leaves the item either queued or remembered as sent, never
        // both (sent twice) nor neither (lost).
        Transaction transaction(db);
        Statement remember(db,
                           "INSERT OR IGNORE INTO sent_items (item_key, learner_id, sent_at) "
                           "SELECT item_key, learner_id, ? FROM outbox WHERE id = ?");
        remember.bind(1, utc_now_iso()).bind(2, id);
        remember.step();
        Statement remove(db, "DELETE FROM outbox WHERE id = ?");
        remove.bind(1, id);
        remove.step();
        transaction.commit();
    });
}

void Outbox::mark_dead(std::int64_t id, long status, const std::string& error) {
    guarded(store_.path(), [&] {
        Statement update(store_.database(),
                         "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_status = ?, "
                         "last_error = ? WHERE id = ?");
        update.bind(1, static_cast<std::int64_t>(status)).bind(2, error).bind(3, id);
        update.step();
    });
}

void Outbox::mark_retry(std::int64_t id, long status, const std::string& error, const std::string& now_utc) {
    guarded(store_.path(), [&] {
        sqlite3* db = store_.database();
        Transaction transaction(db);
        Statement select(db, "SELECT attempts FROM outbox WHERE id = ?");
        select.bind(1, id);
        if (!select.step()) {
            return;
        }
        const int attempts = select.small_integer(0) + 1;
        Statement update(
            db,
            "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ? "
            "WHERE id = ?");
        update.bind(1, static_cast<std::int64_t>(attempts))
            .bind(2, normalised_utc(now_utc, backoff(attempts)))
            .bind(3, static_cast<std::int64_t>(status))
            .bind(4, error)
            .bind(5, id);
        update.step();
        transaction.commit();
    });
}

void Outbox::requeue_dead(std::int64_t id) {
    guarded(store_.path(), [&] {
        Statement update(store_.database(),
                         "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = '' "
                         "WHERE id = ? AND state = 'dead'");
        update.bind(1, id);
        update.step();
    });
}

std::chrono::seconds Outbox::backoff(int attempts) {
    constexpr std::chrono::seconds kFirst{30};
    constexpr std::chrono::seconds kCap{6 * 60 * 60};
    if (attempts <= 1) {
        return kFirst;
    }
    // 30 s · 2^10 already exceeds 6 h; stop doubling there so large counts cannot overflow.
    const int doublings = attempts - 1 < 10 ? attempts - 1 : 10;
    const auto delay = kFirst * (std::int64_t{1} << doublings);
    return delay < kCap ? delay : kCap;
}

}  // namespace pasapas::core
