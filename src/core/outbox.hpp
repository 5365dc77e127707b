#pragma once
// The persistent outbox of reports waiting to be sent, in the progress file. What the mediator
// asked to send survives a closed laptop, a missing network and a crash; re-queuing an item that
// is already queued or already delivered never makes a second copy (item keys are the xAPI
// statement ids, or a hash of a statistics payload).
//
// Delivery rules (ReportSender applies them): 2xx removes and remembers the key as sent; 409
// counts as already stored; 400 moves the item to the dead letters shown to the mediator; 401 and
// 403 stop the whole run and ask for new credentials; anything else (refused, time-out, 5xx, a
// certificate that does not verify) keeps the item and retries later with exponential back-off.
#include "progress_store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pasapas::core {

struct OutboxItem {
    std::int64_t id = 0;
    std::string kind;      // "xapi" | "stats"
    std::string item_key;  // unique: statement id, or "stats:<hash>"
    std::optional<LearnerId> learner;
    std::string payload;  // JSON, already anonymised
    std::string state;    // "pending" | "dead"
    int attempts = 0;
    std::string next_attempt_at;  // UTC ISO 8601; empty = now
    long last_status = 0;
    std::string last_error;
};

struct OutboxCounts {
    int pending = 0;
    int dead = 0;
    int sent = 0;
    std::string next_attempt_at;  // earliest among pending, "" when none
};

class Outbox {
public:
    explicit Outbox(ProgressStore& store);

    // Queues an item unless its key is queued or was delivered already; true when queued now.
    bool enqueue(const std::string& kind, const std::string& item_key, std::optional<LearnerId> learner,
                 const std::string& payload);
    // Pending items whose next attempt is due at `now_utc` (UTC ISO 8601), oldest first.
    [[nodiscard]] std::vector<OutboxItem> due(const std::string& now_utc, int limit = 50) const;
    [[nodiscard]] std::vector<OutboxItem> dead_letters() const;
    [[nodiscard]] OutboxCounts counts() const;

    void mark_sent(std::int64_t id);  // removes the item, remembers its key in sent_items
    void mark_dead(std::int64_t id, long status, const std::string& error);
    // Keeps the item for later: attempts+1, next attempt after the back-off for that count.
    void mark_retry(std::int64_t id, long status, const std::string& error, const std::string& now_utc);
    void requeue_dead(std::int64_t id);  // the mediator fixed something and tries again

    // 30 s, 1 min, 2 min… capped at 6 h.
    static std::chrono::seconds backoff(int attempts);

private:
    ProgressStore& store_;
};

}  // namespace pasapas::core
